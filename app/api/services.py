from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.auth import authorize
from app.db import DbSession
from app.errors import (
    DuplicateResource,
    InvalidCursor,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    responses,
)
from app.http import IfMatchHeader, item_response, page_response, require_if_match
from app.idempotency.errors import IdempotencyInFlight, IdempotencyKeyReused
from app.idempotency.service import Idempotency, create_response
from app.principal import Principal, Scope
from app.schemas import ListParams, Page
from app.services import service
from app.services.schemas import ServiceCreate, ServiceRead, ServiceUpdate

router = APIRouter(prefix="/v1/services", tags=["services"])
Reader = Annotated[Principal, authorize(Scope.SERVICES_READ)]
Writer = Annotated[Principal, authorize(Scope.SERVICES_WRITE)]


@router.post(
    "",
    status_code=201,
    response_model=ServiceRead,
    operation_id="createService",
    summary="Register a child welfare service",
    description="Admins register each child welfare service (the tenant) once.",
    responses=responses(DuplicateResource, IdempotencyKeyReused, IdempotencyInFlight),
)
def create_service(
    body: ServiceCreate,
    principal: Writer,
    session: DbSession,
    idem: Idempotency,
    request: Request,
) -> Response:
    return create_response(
        request=request,
        session=session,
        principal=principal,
        idem=idem,
        read=ServiceRead,
        create=lambda: service.create_service(session, data=body),
    )


@router.get(
    "",
    response_model=Page[ServiceRead],
    operation_id="listServices",
    summary="List services",
    description="Admins see every service; everyone else the services their token grants.",
    responses=responses(InvalidCursor),
)
def list_services(
    principal: Reader,
    session: DbSession,
    request: Request,
    params: Annotated[ListParams, Query()],
) -> Response:
    rows, next_cursor = service.list_services(session, principal, params)
    return page_response(request, rows, next_cursor, ServiceRead)


@router.get(
    "/{service_id}",
    response_model=ServiceRead,
    operation_id="getService",
    summary="Get a service",
    description="The response carries an ETag for If-None-Match and If-Match.",
    responses=responses(NotFound),
)
def get_service(
    service_id: uuid.UUID, principal: Reader, session: DbSession, request: Request
) -> Response:
    row = service.get_service(session, principal, service_id)
    return item_response(request, ServiceRead.model_validate(row))


@router.patch(
    "/{service_id}",
    response_model=ServiceRead,
    operation_id="updateService",
    summary="Change a service",
    description="Partial update; send If-Match with the ETag from your last GET.",
    responses=responses(NotFound, PreconditionFailed, PreconditionRequired),
)
def update_service(
    service_id: uuid.UUID,
    body: ServiceUpdate,
    principal: Writer,
    session: DbSession,
    request: Request,
    if_match: IfMatchHeader = None,
) -> Response:
    row = service.update_service(
        session,
        principal,
        service_id,
        data=body,
        precondition=require_if_match(if_match, ServiceRead.model_validate),
    )
    return item_response(request, ServiceRead.model_validate(row))
