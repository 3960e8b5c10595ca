from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app import flows
from app.audit.trail import AuditCreate, AuditList, AuditRead, AuditUpdate
from app.auth import authorize
from app.db import DbSession
from app.errors import (
    DuplicateExternalRef,
    InvalidCursor,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    UnknownReference,
    responses,
)
from app.http import (
    IfMatchHeader,
    item_response,
    optional_if_match,
    page_response,
    require_if_match,
)
from app.idempotency.errors import IdempotencyInFlight, IdempotencyKeyReused
from app.idempotency.service import Idempotency, create_response
from app.placements import service
from app.placements.errors import OverlappingPlacement, PlacementAlreadyEnded
from app.placements.schemas import (
    PlacementCreate,
    PlacementEnd,
    PlacementFilters,
    PlacementRead,
    PlacementUpdate,
)
from app.principal import Principal, Scope
from app.schemas import Page

router = APIRouter(prefix="/v1/placements", tags=["placements"])
Reader = Annotated[Principal, authorize(Scope.PLACEMENTS_READ)]
Writer = Annotated[Principal, authorize(Scope.PLACEMENTS_WRITE)]


@router.post(
    "",
    status_code=201,
    response_model=PlacementRead,
    operation_id="createPlacement",
    summary="Register a placement",
    description="A child moves into a foster home. The child, the foster home and the contact "
    "person must belong to the same service; the placement belongs to the child's service. A "
    "child has at most one placement on any day: end the previous one first (its end date may "
    "be the new start date).",
    responses=responses(
        UnknownReference,
        OverlappingPlacement,
        DuplicateExternalRef,
        IdempotencyKeyReused,
        IdempotencyInFlight,
    ),
)
def create_placement(
    body: PlacementCreate,
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
        read=PlacementRead,
        create=lambda: flows.register_placement(session, principal, data=body, audit=audit),
    )


@router.get(
    "",
    response_model=Page[PlacementRead],
    operation_id="listPlacements",
    summary="List placements",
    description="Contact persons see the placements they follow; leaders and integrations "
    "every placement of their services.",
    responses=responses(InvalidCursor),
)
def list_placements(
    principal: Reader,
    session: DbSession,
    request: Request,
    audit: AuditList,
    params: Annotated[PlacementFilters, Query()],
) -> Response:
    rows, next_cursor = service.list_placements(session, principal, params, audit=audit)
    return page_response(request, rows, next_cursor, PlacementRead)


@router.get(
    "/{placement_id}",
    response_model=PlacementRead,
    operation_id="getPlacement",
    summary="Get a placement",
    description="status is derived from the dates in Europe/Oslo. The response carries an "
    "ETag for If-None-Match and If-Match.",
    responses=responses(NotFound),
)
def get_placement(
    placement_id: uuid.UUID,
    principal: Reader,
    session: DbSession,
    request: Request,
    audit: AuditRead,
) -> Response:
    row = service.read_placement(session, principal, placement_id, audit=audit)
    return item_response(request, PlacementRead.from_row(row))


@router.patch(
    "/{placement_id}",
    response_model=PlacementRead,
    operation_id="updatePlacement",
    summary="Change a placement",
    description="Partial update of a placement that has not ended; send If-Match with the "
    "ETag from your last GET.",
    responses=responses(
        NotFound,
        UnknownReference,
        OverlappingPlacement,
        PlacementAlreadyEnded,
        DuplicateExternalRef,
        PreconditionFailed,
        PreconditionRequired,
    ),
)
def update_placement(
    placement_id: uuid.UUID,
    body: PlacementUpdate,
    principal: Writer,
    session: DbSession,
    request: Request,
    audit: AuditUpdate,
    if_match: IfMatchHeader = None,
) -> Response:
    row = flows.change_placement(
        session,
        principal,
        placement_id,
        data=body,
        precondition=require_if_match(if_match, PlacementRead.model_validate),
        audit=audit,
    )
    return item_response(request, PlacementRead.model_validate(row))


@router.post(
    "/{placement_id}/end",
    response_model=PlacementRead,
    operation_id="endPlacement",
    summary="End a placement",
    description="Record the day the child moved out and why. If-Match is optional here: when "
    "sent, a stale ETag gets 412.",
    responses=responses(NotFound, OverlappingPlacement, PlacementAlreadyEnded, PreconditionFailed),
)
def end_placement(
    placement_id: uuid.UUID,
    body: PlacementEnd,
    principal: Writer,
    session: DbSession,
    request: Request,
    audit: AuditUpdate,
    if_match: IfMatchHeader = None,
) -> Response:
    row = flows.end_placement(
        session,
        principal,
        placement_id,
        data=body,
        precondition=optional_if_match(if_match, PlacementRead.model_validate),
        audit=audit,
    )
    return item_response(request, PlacementRead.model_validate(row))
