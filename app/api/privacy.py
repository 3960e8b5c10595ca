from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.audit.trail import AuditExport, AuditList
from app.auth import authorize
from app.db import DbSession
from app.errors import InvalidCursor, NotFound, responses
from app.http import page_response, render
from app.placements.schemas import PlacementRead
from app.principal import Principal, Scope
from app.privacy import service
from app.privacy.schemas import ChildExport, RetentionFilters
from app.schemas import Page

router = APIRouter(tags=["privacy"])
Exporter = Annotated[Principal, authorize(Scope.CHILDREN_EXPORT)]
RetentionReader = Annotated[Principal, authorize(Scope.RETENTION_READ)]


@router.get(
    "/v1/children/{child_id}/export",
    response_model=ChildExport,
    operation_id="exportChild",
    summary="Everything stored about a child (leader)",
    description="For a right-of-access request: the child, placements, their foster homes, "
    "workflows, tasks with answers and their history, visit reductions, documents' metadata "
    "(each with its download link), the events of the placements and the child's access log. "
    "Recorded in the audit trail as `export`.",
    responses=responses(NotFound),
)
def export_child(
    child_id: uuid.UUID, principal: Exporter, session: DbSession, audit: AuditExport
) -> Response:
    export = service.export_child(session, principal, child_id, audit=audit)
    return Response(content=render(export), media_type="application/json")


@router.get(
    "/v1/retention/placements",
    response_model=Page[PlacementRead],
    operation_id="listPlacementsPastRetention",
    summary="Placements due for archiving",
    description="Placements whose end_date is more than FOSTERFLYT_RETENTION_YEARS (default 5) "
    "years ago, longest ago first, for archiving in the journal system. Nothing is deleted: "
    "this only lists.",
    responses=responses(InvalidCursor),
)
def list_expired_placements(
    principal: RetentionReader,
    session: DbSession,
    request: Request,
    audit: AuditList,
    params: Annotated[RetentionFilters, Query()],
) -> Response:
    rows, next_cursor = service.expired_placements(session, principal, params, audit=audit)
    return page_response(request, rows, next_cursor, PlacementRead)
