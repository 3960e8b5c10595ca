from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Request, Response

from app import flows
from app.audit.trail import AuditCreate, AuditList, AuditRead, AuditUpdate
from app.auth import authorize
from app.db import DbSession
from app.errors import (
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    UnknownReference,
    responses,
)
from app.http import IfMatchHeader, item_response, require_if_match
from app.idempotency.errors import IdempotencyInFlight, IdempotencyKeyReused
from app.idempotency.service import Idempotency, create_response
from app.plans import service
from app.plans.errors import PreliminaryCarePlanExists
from app.plans.schemas import PlanCreate, PlanRead, PlanUpdate
from app.principal import Principal, Scope
from app.schemas import Page

router = APIRouter(prefix="/v1/placements/{placement_id}/plans", tags=["plans"])
Reader = Annotated[Principal, authorize(Scope.PLACEMENTS_READ)]
Writer = Annotated[Principal, authorize(Scope.PLACEMENTS_WRITE)]


@router.post(
    "",
    status_code=201,
    response_model=PlanRead,
    operation_id="createPlan",
    summary="Register a plan of the placement",
    description="A care plan (omsorgsplan, preliminary or final), a measures plan (tiltaksplan, "
    "time-limited: `valid_until`), a follow-up plan (oppfølgingsplan) or the parents' follow-up "
    "plan, as adopted, with who took part (participation is documented). A child has one "
    "preliminary care plan: a second one gets 409 `preliminary-care-plan-exists` at `#/stage`. "
    "`adopted_on` lies in the placement and not after today (a care plan or measures plan, made "
    "before the move, up to three months before it): else 422 at `#/adopted_on`. Its reviews "
    "are recorded by completing the plan workflows' review tasks.",
    responses=responses(
        NotFound,
        UnknownReference,
        PreliminaryCarePlanExists,
        IdempotencyKeyReused,
        IdempotencyInFlight,
    ),
)
def create_plan(
    placement_id: uuid.UUID,
    body: PlanCreate,
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
        read=PlanRead,
        create=lambda: flows.register_plan(
            session, principal, placement_id, data=body, audit=audit
        ),
    )


@router.get(
    "",
    response_model=Page[PlanRead],
    operation_id="listPlans",
    summary="The placement's plans, with their revisions and reviews",
    description="Every plan of the placement, earliest adopted first; each with every revision "
    "(the history stays) and the reviews its review tasks recorded (date, conclusion, who took "
    "part).",
    responses=responses(NotFound),
)
def list_plans(
    placement_id: uuid.UUID, principal: Reader, session: DbSession, audit: AuditList
) -> Page[PlanRead]:
    rows = service.list_plans(session, principal, placement_id, audit=audit)
    return Page[PlanRead].whole([PlanRead.model_validate(row) for row in rows])


@router.get(
    "/{plan_id}",
    response_model=PlanRead,
    operation_id="getPlan",
    summary="A plan of the placement",
    description="The plan as it stands, its revisions and its reviews. The response carries an "
    "ETag for If-Match.",
    responses=responses(NotFound),
)
def get_plan(
    placement_id: uuid.UUID,
    plan_id: uuid.UUID,
    principal: Reader,
    session: DbSession,
    request: Request,
    audit: AuditRead,
) -> Response:
    row = service.read_plan(session, principal, placement_id, plan_id, audit=audit)
    return item_response(request, PlanRead.model_validate(row))


@router.patch(
    "/{plan_id}",
    response_model=PlanRead,
    operation_id="revisePlan",
    summary="Revise a plan",
    description="Change the plan and say why (`reason`); send If-Match with the ETag from your "
    "last GET. The plan keeps its id and counts one more `revision`; what it was stays in "
    "`revisions`. The same rules as registering it apply to the changed fields.",
    responses=responses(
        NotFound,
        UnknownReference,
        PreliminaryCarePlanExists,
        PreconditionFailed,
        PreconditionRequired,
    ),
)
def revise_plan(
    placement_id: uuid.UUID,
    plan_id: uuid.UUID,
    body: PlanUpdate,
    principal: Writer,
    session: DbSession,
    request: Request,
    audit: AuditUpdate,
    if_match: IfMatchHeader = None,
) -> Response:
    row = flows.revise_plan(
        session,
        principal,
        placement_id,
        plan_id,
        data=body,
        precondition=require_if_match(if_match, PlanRead.model_validate),
        audit=audit,
    )
    return item_response(request, PlanRead.model_validate(row))
