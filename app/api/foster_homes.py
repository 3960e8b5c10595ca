from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.audit.trail import AuditCreate, AuditList, AuditRead, AuditUpdate
from app.auth import authorize
from app.db import DbSession
from app.errors import (
    DuplicateExternalRef,
    InvalidCursor,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    responses,
)
from app.foster_homes import service
from app.foster_homes.schemas import (
    FosterHomeCreate,
    FosterHomeFilters,
    FosterHomeRead,
    FosterHomeUpdate,
)
from app.http import IfMatchHeader, ServiceIdQuery, item_response, page_response, require_if_match
from app.idempotency.errors import IdempotencyInFlight, IdempotencyKeyReused
from app.idempotency.service import Idempotency, create_response
from app.principal import Principal, Scope
from app.schemas import Page

router = APIRouter(prefix="/v1/foster-homes", tags=["foster homes"])
Reader = Annotated[Principal, authorize(Scope.FOSTER_HOMES_READ)]
Writer = Annotated[Principal, authorize(Scope.FOSTER_HOMES_WRITE)]


@router.post(
    "",
    status_code=201,
    response_model=FosterHomeRead,
    operation_id="createFosterHome",
    summary="Register a foster home",
    description="An ordinary, kinship (family and network) or emergency foster home.",
    responses=responses(DuplicateExternalRef, IdempotencyKeyReused, IdempotencyInFlight),
)
def create_foster_home(
    body: FosterHomeCreate,
    principal: Writer,
    session: DbSession,
    idem: Idempotency,
    request: Request,
    audit: AuditCreate,
    service_id: ServiceIdQuery = None,
) -> Response:
    return create_response(
        request=request,
        session=session,
        principal=principal,
        idem=idem,
        read=FosterHomeRead,
        create=lambda: service.create_foster_home(
            session, principal, data=body, service_id=service_id, audit=audit
        ),
    )


@router.get(
    "",
    response_model=Page[FosterHomeRead],
    operation_id="listFosterHomes",
    summary="List foster homes",
    description="Filter by kind, municipality or external_ref; a contact person sees the "
    "homes of the placements they follow.",
    responses=responses(InvalidCursor),
)
def list_foster_homes(
    principal: Reader,
    session: DbSession,
    request: Request,
    audit: AuditList,
    params: Annotated[FosterHomeFilters, Query()],
) -> Response:
    rows, next_cursor = service.list_foster_homes(session, principal, params, audit=audit)
    return page_response(request, rows, next_cursor, FosterHomeRead)


@router.get(
    "/{foster_home_id}",
    response_model=FosterHomeRead,
    operation_id="getFosterHome",
    summary="Get a foster home",
    description="The response carries an ETag for If-None-Match and If-Match.",
    responses=responses(NotFound),
)
def get_foster_home(
    foster_home_id: uuid.UUID,
    principal: Reader,
    session: DbSession,
    request: Request,
    audit: AuditRead,
) -> Response:
    row = service.get_foster_home(session, principal, foster_home_id, audit=audit)
    return item_response(request, FosterHomeRead.model_validate(row))


@router.patch(
    "/{foster_home_id}",
    response_model=FosterHomeRead,
    operation_id="updateFosterHome",
    summary="Change a foster home",
    description="Partial update; send If-Match with the ETag from your last GET.",
    responses=responses(
        NotFound,
        DuplicateExternalRef,
        PreconditionFailed,
        PreconditionRequired,
    ),
)
def update_foster_home(
    foster_home_id: uuid.UUID,
    body: FosterHomeUpdate,
    principal: Writer,
    session: DbSession,
    request: Request,
    audit: AuditUpdate,
    if_match: IfMatchHeader = None,
) -> Response:
    row = service.update_foster_home(
        session,
        principal,
        foster_home_id,
        data=body,
        precondition=require_if_match(if_match, FosterHomeRead.model_validate),
        audit=audit,
    )
    return item_response(request, FosterHomeRead.model_validate(row))
