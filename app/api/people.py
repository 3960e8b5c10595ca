from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app import flows
from app.audit.trail import AuditCreate, AuditList, AuditRead, AuditUpdate
from app.auth import authorize
from app.db import DbSession
from app.errors import (
    InvalidCursor,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    UnknownReference,
    responses,
)
from app.http import IfMatchHeader, item_response, page_response, require_if_match
from app.idempotency.errors import IdempotencyInFlight, IdempotencyKeyReused
from app.idempotency.service import Idempotency, create_response
from app.people import service
from app.people.schemas import ParentCreate, ParentFilters, ParentRead, ParentUpdate
from app.principal import Principal, Scope
from app.schemas import Page

router = APIRouter(prefix="/v1/children/{child_id}/parents", tags=["children"])
Reader = Annotated[Principal, authorize(Scope.CHILDREN_READ)]
Writer = Annotated[Principal, authorize(Scope.CHILDREN_WRITE)]


@router.post(
    "",
    status_code=201,
    response_model=ParentRead,
    operation_id="createParent",
    summary="Register a parent of the child",
    description="Each parent is a person of their own: name (required), relation, contact "
    "details, parental responsibility, whether they want follow-up and, if they declined it, "
    "when. `lives_with` names another parent of the child in the same household: a household "
    "gets one follow-up conversation series and one letter, parents who live apart one each. "
    "Registering a parent re-plans the parents' follow-up of the child's running placements.",
    responses=responses(NotFound, UnknownReference, IdempotencyKeyReused, IdempotencyInFlight),
)
def create_parent(
    child_id: uuid.UUID,
    body: ParentCreate,
    principal: Writer,
    session: DbSession,
    idem: Idempotency,
    request: Request,
    audit: AuditCreate,
) -> Response:
    return create_response(
        request=request,
        session=session,
        principal=principal,
        idem=idem,
        read=ParentRead,
        create=lambda: flows.register_parent(session, principal, child_id, data=body, audit=audit),
    )


@router.get(
    "",
    response_model=Page[ParentRead],
    operation_id="listParents",
    summary="List the child's parents",
    description="Oldest registration first; parents with the same household_id live together.",
    responses=responses(NotFound, InvalidCursor),
)
def list_parents(
    child_id: uuid.UUID,
    principal: Reader,
    session: DbSession,
    request: Request,
    audit: AuditList,
    params: Annotated[ParentFilters, Query()],
) -> Response:
    rows, next_cursor = service.list_parents(session, principal, child_id, params, audit=audit)
    return page_response(request, rows, next_cursor, ParentRead)


@router.get(
    "/{parent_id}",
    response_model=ParentRead,
    operation_id="getParent",
    summary="Get a parent of the child",
    description="The response carries an ETag for If-None-Match and If-Match.",
    responses=responses(NotFound),
)
def get_parent(
    child_id: uuid.UUID,
    parent_id: uuid.UUID,
    principal: Reader,
    session: DbSession,
    request: Request,
    audit: AuditRead,
) -> Response:
    row = service.get_parent(session, principal, child_id, parent_id, audit=audit)
    return item_response(request, ParentRead.model_validate(row))


@router.patch(
    "/{parent_id}",
    response_model=ParentRead,
    operation_id="updateParent",
    summary="Change a parent of the child",
    description="Partial update; send If-Match with the ETag from your last GET. Recording "
    "that the parent declined (`declined_on`) cancels the open follow-up conversations of a "
    "household nobody else in it wants; completed ones stay.",
    responses=responses(NotFound, UnknownReference, PreconditionFailed, PreconditionRequired),
)
def update_parent(
    child_id: uuid.UUID,
    parent_id: uuid.UUID,
    body: ParentUpdate,
    principal: Writer,
    session: DbSession,
    request: Request,
    audit: AuditUpdate,
    if_match: IfMatchHeader = None,
) -> Response:
    row = flows.change_parent(
        session,
        principal,
        child_id,
        parent_id,
        data=body,
        precondition=require_if_match(if_match, ParentRead.model_validate),
        audit=audit,
    )
    return item_response(request, ParentRead.model_validate(row))
