from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.audit import service
from app.audit.schemas import AuditEventRead, AuditFilters, AuditWindow
from app.audit.trail import AuditList, AuditRead
from app.auth import authorize
from app.children import service as children
from app.csv_export import csv_text
from app.db import DbSession
from app.errors import InvalidCursor, NotFound, responses
from app.http import page_response
from app.principal import Principal, Scope
from app.schemas import Page

router = APIRouter(tags=["audit"])
Reader = Annotated[Principal, authorize(Scope.AUDIT_READ)]
CSV = "text/csv"


@router.get(
    "/v1/audit-events",
    response_model=Page[AuditEventRead],
    operation_id="listAuditEvents",
    summary="Search the audit trail (leader)",
    description="Every read and change of personal data in your services, and every refused "
    "attempt, newest first (`order=oldest` for oldest first). Filter by child, actor "
    "(`staff_id`, `subject`), `action`, `outcome`, resource and time (`from`, `to`). Entries "
    "hold ids only. Searching the trail is itself recorded.",
    responses=responses(InvalidCursor),
)
def list_audit_events(
    principal: Reader,
    session: DbSession,
    request: Request,
    audit: AuditList,
    params: Annotated[AuditFilters, Query()],
) -> Response:
    rows, next_cursor = service.search_events(session, principal, params, audit=audit)
    return page_response(request, rows, next_cursor, AuditEventRead)


def _csv(rows: list[AuditEventRead]) -> str:
    """The access log as CSV, one column per field; lists (granted services) space-separated.
    Cells a caller wrote (on-behalf-of, request id) may start like formulas: see
    :mod:`app.csv_export`."""
    cells = (row.model_dump(mode="json").values() for row in rows)
    return csv_text(
        AuditEventRead.model_fields,
        ([" ".join(v) if isinstance(v, list) else v for v in values] for values in cells),
    )


@router.get(
    "/v1/children/{child_id}/access-log",
    response_model=Page[AuditEventRead],
    operation_id="getChildAccessLog",
    summary="A child's access history (leader)",
    description="Who read or changed the child's data, when, for whom and with what outcome, "
    "newest first and paginated. With `Accept: text/csv` the whole history (in the `from`/`to` "
    "window), oldest first, as one CSV file. Reading it is itself recorded.",
    responses={
        200: {"content": {CSV: {"schema": {"type": "string"}}}},
        **responses(NotFound, InvalidCursor),
    },
)
def child_access_log(
    child_id: uuid.UUID,
    principal: Reader,
    session: DbSession,
    request: Request,
    audit: AuditRead,
    params: Annotated[AuditWindow, Query()],
) -> Response:
    if CSV in request.headers.get("accept", ""):
        rows = children.access_log_export(session, principal, child_id, params, audit=audit)
        body = _csv([AuditEventRead.model_validate(r) for r in rows])
        disposition = f'attachment; filename="access-log-{child_id}.csv"'
        return Response(
            content=body,
            media_type=CSV,
            headers={"Content-Disposition": disposition},
        )
    page, next_cursor = children.access_log(session, principal, child_id, params, audit=audit)
    return page_response(request, page, next_cursor, AuditEventRead)
