from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.audit.trail import AuditCreate, AuditList, AuditRead, AuditUpdate
from app.auth import authorize
from app.children import service
from app.children.schemas import (
    ChildCreate,
    ChildFilters,
    ChildRead,
    ChildUpdate,
)
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

router = APIRouter(prefix="/v1/children", tags=["children"])
Reader = Annotated[Principal, authorize(Scope.CHILDREN_READ)]
Writer = Annotated[Principal, authorize(Scope.CHILDREN_WRITE)]


@router.post(
    "",
    status_code=201,
    response_model=ChildRead,
    operation_id="createChild",
    summary="Register a child",
    description="A child followed up by the service. national_id is optional; when given, "
    "its checksum is checked and its birth date must agree with birth_date.",
    responses=responses(
        DuplicateExternalRef, DuplicateResource, IdempotencyKeyReused, IdempotencyInFlight
    ),
)
def create_child(
    body: ChildCreate,
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
        read=ChildRead,
        create=lambda: service.create_child(
            session, principal, data=body, service_id=service_id, audit=audit
        ),
    )


@router.get(
    "",
    response_model=Page[ChildRead],
    operation_id="listChildren",
    summary="List children",
    description="Leaders and integrations see every child of their services; a contact "
    "person the children of the placements they follow.",
    responses=responses(InvalidCursor),
)
def list_children(
    principal: Reader,
    session: DbSession,
    request: Request,
    audit: AuditList,
    params: Annotated[ChildFilters, Query()],
) -> Response:
    rows, next_cursor = service.list_children(session, principal, params, audit=audit)
    return page_response(request, rows, next_cursor, ChildRead)


@router.get(
    "/{child_id}",
    response_model=ChildRead,
    operation_id="getChild",
    summary="Get a child",
    description="The response carries an ETag for If-None-Match and If-Match.",
    responses=responses(NotFound),
)
def get_child(
    child_id: uuid.UUID, principal: Reader, session: DbSession, request: Request, audit: AuditRead
) -> Response:
    row = service.get_child(session, principal, child_id, audit=audit)
    return item_response(request, ChildRead.model_validate(row))


@router.patch(
    "/{child_id}",
    response_model=ChildRead,
    operation_id="updateChild",
    summary="Change a child",
    description="Partial update; send If-Match with the ETag from your last GET.",
    responses=responses(
        NotFound,
        DuplicateExternalRef,
        DuplicateResource,
        PreconditionFailed,
        PreconditionRequired,
    ),
)
def update_child(
    child_id: uuid.UUID,
    body: ChildUpdate,
    principal: Writer,
    session: DbSession,
    request: Request,
    audit: AuditUpdate,
    if_match: IfMatchHeader = None,
) -> Response:
    row = service.update_child(
        session,
        principal,
        child_id,
        data=body,
        precondition=require_if_match(if_match, ChildRead.model_validate),
        audit=audit,
    )
    return item_response(request, ChildRead.model_validate(row))
