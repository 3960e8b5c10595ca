from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.auth import authorize
from app.db import DbSession
from app.errors import (
    DuplicateExternalRef,
    DuplicateResource,
    InvalidCursor,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    responses,
)
from app.http import IfMatchHeader, ServiceIdQuery, item_response, page_response, require_if_match
from app.idempotency.errors import IdempotencyInFlight, IdempotencyKeyReused
from app.idempotency.service import Idempotency, create_response
from app.principal import Principal, Scope
from app.schemas import Page
from app.staff import service
from app.staff.schemas import StaffCreate, StaffFilters, StaffRead, StaffUpdate

router = APIRouter(prefix="/v1/staff", tags=["staff"])
Reader = Annotated[Principal, authorize(Scope.STAFF_READ)]
Writer = Annotated[Principal, authorize(Scope.STAFF_WRITE)]


@router.post(
    "",
    status_code=201,
    response_model=StaffRead,
    operation_id="createStaff",
    summary="Add a staff member",
    description="Contact persons, leaders and foster-home supervisors of a service.",
    responses=responses(
        DuplicateExternalRef, DuplicateResource, IdempotencyKeyReused, IdempotencyInFlight
    ),
)
def create_staff(
    body: StaffCreate,
    principal: Writer,
    session: DbSession,
    idem: Idempotency,
    request: Request,
    service_id: ServiceIdQuery = None,
) -> Response:
    return create_response(
        request=request,
        session=session,
        principal=principal,
        idem=idem,
        read=StaffRead,
        create=lambda: service.create_staff(session, principal, data=body, service_id=service_id),
    )


@router.get(
    "",
    response_model=Page[StaffRead],
    operation_id="listStaff",
    summary="List staff",
    description="Staff of your services; filter by service, role or external_ref.",
    responses=responses(InvalidCursor),
)
def list_staff(
    principal: Reader,
    session: DbSession,
    request: Request,
    params: Annotated[StaffFilters, Query()],
) -> Response:
    rows, next_cursor = service.list_staff(session, principal, params)
    return page_response(request, rows, next_cursor, StaffRead)


@router.get(
    "/{staff_id}",
    response_model=StaffRead,
    operation_id="getStaff",
    summary="Get a staff member",
    description="The response carries an ETag for If-None-Match and If-Match.",
    responses=responses(NotFound),
)
def get_staff(
    staff_id: uuid.UUID, principal: Reader, session: DbSession, request: Request
) -> Response:
    return item_response(
        request, StaffRead.model_validate(service.get_staff(session, principal, staff_id))
    )


@router.patch(
    "/{staff_id}",
    response_model=StaffRead,
    operation_id="updateStaff",
    summary="Change a staff member",
    description="Partial update; send If-Match with the ETag from your last GET.",
    responses=responses(
        NotFound,
        DuplicateExternalRef,
        DuplicateResource,
        PreconditionFailed,
        PreconditionRequired,
    ),
)
def update_staff(
    staff_id: uuid.UUID,
    body: StaffUpdate,
    principal: Writer,
    session: DbSession,
    request: Request,
    if_match: IfMatchHeader = None,
) -> Response:
    row = service.update_staff(
        session,
        principal,
        staff_id,
        data=body,
        precondition=require_if_match(if_match, StaffRead.model_validate),
    )
    return item_response(request, StaffRead.model_validate(row))
