"""A placement's plans: register, list, read and revise them, and record the reviews their
review tasks make.

Rules, each tested over HTTP (tests/plans/):
- a care plan has a stage (preliminary or final), other plans have none; a child has at most one
  preliminary care plan (409 ``preliminary-care-plan-exists`` at ``#/stage``);
- a measures plan is time-limited: ``valid_until`` is required, on or after ``adopted_on``;
- ``adopted_on`` is not after today nor after the placement ended, and not before the move,
  except that a care plan or measures plan, made before the move, may be adopted up to
  :data:`BEFORE_MOVE` earlier;
- a revision changes the plan in place and keeps what it was in a revision record;
- completing a plan step needs a plan of its kind (409 ``plan-missing``); a review step records
  a review on the placement's current plan of its kind, not before the plan was adopted.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.orm import Session

from app.audit.trail import AuditTrail
from app.clock import today
from app.errors import FieldError, NotFound, ValidationFailed, body_error
from app.events.service import emit
from app.placements.models import Placement
from app.placements.service import PlacementRepository
from app.planning.definitions import PARTICIPATION_FIELDS, Step
from app.plans.errors import PlanMissing, PreliminaryCarePlanExists
from app.plans.models import CarePlanStage, Plan, PlanEvent, PlanKind, PlanReview, PlanRevision
from app.plans.schemas import PlanCreate, PlanDate, PlanUpdate
from app.preconditions import Precondition
from app.principal import Principal
from app.tasks.models import Task
from app.tenancy import TenantRepository

BEFORE_MOVE = relativedelta(months=3)
"""How long before the move a care plan or measures plan may have been adopted: both are made
before the child moves (Bufdir's samhandlingsforløp), but a plan from long before belongs to an
earlier placement."""

MADE_BEFORE_MOVE = frozenset({PlanKind.CARE_PLAN, PlanKind.MEASURES_PLAN})

KIND_NB = {
    PlanKind.CARE_PLAN: "Omsorgsplan",
    PlanKind.MEASURES_PLAN: "Tiltaksplan",
    PlanKind.FOLLOW_UP_PLAN: "Oppfølgingsplan",
    PlanKind.PARENTS_FOLLOW_UP_PLAN: "Oppfølgingsplan for foreldrene",
}
STAGE_NB = {CarePlanStage.PRELIMINARY: "foreløpig", CarePlanStage.FINAL: "endelig"}

CONTENT = (
    "stage",
    "adopted_on",
    "valid_until",
    "child_took_part",
    "parents_took_part",
    "foster_home_took_part",
    "participation_notes",
    "summary",
    "document_id",
)


class PlanRepository(TenantRepository[Plan]):
    model = Plan
    path = "plans"
    noun = "plan"

    def case_filter(self, staff_id: Any) -> ColumnElement[bool]:
        return exists().where(
            Placement.id == Plan.placement_id, Placement.contact_person_id == staff_id
        )


def title(plan: Plan) -> str:
    """``Omsorgsplan (foreløpig)``, ``Tiltaksplan``."""
    name = KIND_NB[plan.kind]
    return f"{name} ({STAGE_NB[plan.stage]})" if plan.stage is not None else name


def _date_problems(
    placement: Placement, kind: PlanKind, adopted_on: date, valid_until: date | None
) -> list[FieldError]:
    problems: list[FieldError] = []
    earliest = placement.start_date - BEFORE_MOVE if kind in MADE_BEFORE_MOVE else None
    if adopted_on > today():
        problems.append(body_error("adopted_on", "A plan is registered once adopted", "in_future"))
    elif placement.end_date is not None and adopted_on > placement.end_date:
        problems.append(body_error("adopted_on", "After the placement ended", "after_end"))
    elif earliest is None and adopted_on < placement.start_date:
        problems.append(body_error("adopted_on", "Before the placement started", "before_start"))
    elif earliest is not None and adopted_on < earliest:
        problems.append(
            body_error(
                "adopted_on",
                "More than three months before the placement started",
                "before_start",
            )
        )
    if kind is PlanKind.MEASURES_PLAN and valid_until is None:
        problems.append(
            body_error("valid_until", "A measures plan is time-limited", "required_for_kind")
        )
    if valid_until is not None and valid_until < adopted_on:
        problems.append(body_error("valid_until", "Before the plan was adopted", "before_adopted"))
    return problems


def _stage_problems(kind: PlanKind, stage: CarePlanStage | None) -> list[FieldError]:
    if kind is PlanKind.CARE_PLAN and stage is None:
        return [body_error("stage", "A care plan is preliminary or final", "required_for_kind")]
    if kind is not PlanKind.CARE_PLAN and stage is not None:
        return [body_error("stage", "Only a care plan has a stage", "only_care_plan")]
    return []


def _refuse_second_preliminary(
    session: Session, principal: Principal, placement: Placement, *, other_than: uuid.UUID | None
) -> None:
    """A child has one preliminary care plan (made when the care order was), in any of its
    placements of the service: the next one is the final plan, or a revision of this one. A plan
    the caller may not read still counts; its address is named only to a caller who may."""
    stmt = select(Plan.id).where(
        Plan.child_id == placement.child_id,
        Plan.service_id == placement.service_id,
        Plan.kind == PlanKind.CARE_PLAN,
        Plan.stage == CarePlanStage.PRELIMINARY,
    )
    if other_than is not None:
        stmt = stmt.where(Plan.id != other_than)
    existing_id = session.scalar(stmt.limit(1))
    if existing_id is None:
        return
    existing = PlanRepository(session, principal).readable_in_service(
        placement.service_id, existing_id
    )
    url = (
        None if existing is None else f"/v1/placements/{existing.placement_id}/plans/{existing.id}"
    )
    raise PreliminaryCarePlanExists(
        "The child already has a preliminary care plan: revise it, or register the final plan.",
        errors=[body_error("stage", "A second preliminary care plan", "preliminary_exists")],
        existing=url,
    )


def _content(plan: Plan) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in CONTENT:
        value = getattr(plan, name)
        if isinstance(value, date | uuid.UUID):
            value = str(value)
        values[name] = value.value if isinstance(value, CarePlanStage) else value
    return values


def _revision(plan: Plan, *, reason: str, actor: str) -> PlanRevision:
    return PlanRevision(
        service_id=plan.service_id,
        plan_id=plan.id,
        placement_id=plan.placement_id,
        revision=plan.revision,
        content=_content(plan),
        reason=reason,
        revised_by=actor,
    )


def create_plan(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    *,
    data: PlanCreate,
    audit: AuditTrail,
) -> Plan:
    placement = PlacementRepository(session, principal).get(placement_id)
    problems = _stage_problems(data.kind, data.stage)
    problems += _date_problems(placement, data.kind, data.adopted_on, data.valid_until)
    if problems:
        raise ValidationFailed("The plan does not fit the placement.", errors=problems)
    if data.stage is CarePlanStage.PRELIMINARY:
        _refuse_second_preliminary(session, principal, placement, other_than=None)
    plan = Plan(
        id=uuid.uuid4(),
        service_id=placement.service_id,
        placement_id=placement.id,
        child_id=placement.child_id,
        revision=1,
        recorded_by=principal.subject,
        **data.model_dump(),
    )
    session.add(plan)
    session.add(_revision(plan, reason="Planen ble registrert.", actor=principal.subject))
    emit(
        session,
        service_id=plan.service_id,
        type=PlanEvent.CREATED,
        subject_id=plan.id,
        placement_id=plan.placement_id,
        data={"kind": plan.kind.value, "revision": 1},
    )
    session.flush()
    session.refresh(plan)
    return audit.one(plan)


def _placement_plans(session: Session, principal: Principal, placement: Placement) -> list[Plan]:
    stmt = (
        PlanRepository(session, principal)
        .readable()
        .where(Plan.placement_id == placement.id)
        .order_by(Plan.adopted_on, Plan.created_at, Plan.id)
    )
    return list(session.scalars(stmt))


def list_plans(
    session: Session, principal: Principal, placement_id: uuid.UUID, *, audit: AuditTrail
) -> list[Plan]:
    """The placement's plans, earliest adopted first, each with its revisions and reviews."""
    placement = PlacementRepository(session, principal).get(placement_id)
    rows = _placement_plans(session, principal, placement)
    audit.one(placement, detail="plans")  # no plan yet is a read too
    audit.many(rows)
    return rows


def _get(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    plan_id: uuid.UUID,
    *,
    for_update: bool = False,
) -> tuple[Placement, Plan]:
    placement = PlacementRepository(session, principal).get(placement_id)
    repository = PlanRepository(session, principal)
    try:
        plan = repository.get_for_update(plan_id) if for_update else repository.get(plan_id)
    except NotFound:
        plan = None
    if plan is None or plan.placement_id != placement.id:
        raise NotFound("No plan with this id on this placement.")
    return placement, plan


def read_plan(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    plan_id: uuid.UUID,
    *,
    audit: AuditTrail,
) -> Plan:
    _, plan = _get(session, principal, placement_id, plan_id)
    return audit.one(plan)


def revise_plan(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    plan_id: uuid.UUID,
    *,
    data: PlanUpdate,
    precondition: Precondition,
    audit: AuditTrail,
) -> Plan:
    """Change the plan; what it was stays as the previous revision."""
    placement, plan = _get(session, principal, placement_id, plan_id, for_update=True)
    precondition.check(plan)
    changes = data.changes()
    reason = str(changes.pop("reason"))
    fields = data.model_fields_set
    stage = data.stage if "stage" in fields else plan.stage
    adopted_on = data.adopted_on if data.adopted_on is not None else plan.adopted_on
    valid_until = data.valid_until if "valid_until" in fields else plan.valid_until
    problems = _stage_problems(plan.kind, stage) if "stage" in changes else []
    if {"adopted_on", "valid_until"} & set(changes):
        problems += _date_problems(placement, plan.kind, adopted_on, valid_until)
    if problems:
        raise ValidationFailed("The revision does not fit the plan.", errors=problems)
    if stage is CarePlanStage.PRELIMINARY and plan.stage is not CarePlanStage.PRELIMINARY:
        _refuse_second_preliminary(session, principal, placement, other_than=plan.id)
    for name, value in changes.items():
        setattr(plan, name, value)
    plan.revision += 1
    session.add(_revision(plan, reason=reason, actor=principal.subject))
    emit(
        session,
        service_id=plan.service_id,
        type=PlanEvent.REVISED,
        subject_id=plan.id,
        placement_id=plan.placement_id,
        data={"kind": plan.kind.value, "revision": plan.revision},
    )
    session.flush()
    session.refresh(plan)
    return audit.one(plan)


def current_plan(session: Session, placement_id: uuid.UUID, kind: PlanKind) -> Plan | None:
    """The placement's plan of ``kind`` adopted last (the placement was read by the caller)."""
    return session.scalars(
        select(Plan)
        .where(Plan.placement_id == placement_id, Plan.kind == kind)
        .order_by(Plan.adopted_on.desc(), Plan.created_at.desc())
        .limit(1)
    ).first()


@dataclass(frozen=True)
class _Review:
    reviewed_on: date
    conclusion: str
    conclusion_text: str
    took_part: tuple[bool, bool, bool]  # the child, the parents, the foster home
    notes: str | None


def _review_of(task: Task, step: Step) -> _Review:
    assert step.plan is not None  # checked when the definition loads
    assert step.outcomes
    answers = task.answers or {}
    outcome = next(o for o in step.outcomes if o.key == task.outcome)
    child, parents, home = (bool(answers.get(key)) for key in PARTICIPATION_FIELDS)
    notes = answers.get("vurdering")
    return _Review(
        reviewed_on=date.fromisoformat(str(answers[step.plan.date_field])),
        conclusion=outcome.key,
        conclusion_text=outcome.label,
        took_part=(child, parents, home),
        notes=str(notes) if notes is not None else None,
    )


def on_plan_step_completed(
    session: Session, task: Task, step: Step, *, actor: str, audit: AuditTrail
) -> PlanReview | None:
    """A completed plan step: it needs a plan of its kind on the placement; a review step
    records its review on that plan. Raised errors undo the completion."""
    assert step.plan is not None
    kind = PlanKind(step.plan.kind)
    plan = current_plan(session, task.placement_id, kind)
    if plan is None:
        raise PlanMissing(
            f"Register the placement's {kind.value} first "
            f"(POST /v1/placements/{task.placement_id}/plans), then complete the task."
        )
    if step.plan.records == "made":
        return None
    review = _review_of(task, step)
    if review.reviewed_on < plan.adopted_on:
        pointer = f"answers/{step.plan.date_field}"
        raise ValidationFailed(
            "The review is dated before the plan was adopted.",
            errors=[body_error(pointer, "Before the plan was adopted", "before_plan")],
        )
    child, parents, home = review.took_part
    row = PlanReview(
        service_id=plan.service_id,
        plan_id=plan.id,
        placement_id=plan.placement_id,
        task_id=task.id,
        reviewed_on=review.reviewed_on,
        conclusion=review.conclusion,
        conclusion_text=review.conclusion_text,
        child_took_part=child,
        parents_took_part=parents,
        foster_home_took_part=home,
        notes=review.notes,
        recorded_by=actor,
    )
    session.add(row)
    emit(
        session,
        service_id=plan.service_id,
        type=PlanEvent.REVIEWED,
        subject_id=plan.id,
        placement_id=plan.placement_id,
        data={"kind": plan.kind.value, "conclusion": review.conclusion, "task_id": str(task.id)},
    )
    session.flush()
    session.expire(plan, ["reviews"])
    return audit.one(row)


def plan_dates(session: Session, principal: Principal, placement: Placement) -> list[PlanDate]:
    """Every dated thing of the placement's plans, by date: each plan's adoption, a measures
    plan's end, and each review (for the year wheel; the caller records the read). The reviews
    still due are the plan workflows' tasks."""
    found: list[PlanDate] = []
    for plan in _placement_plans(session, principal, placement):
        name = title(plan)
        found.append(
            PlanDate(
                plan_id=plan.id,
                kind=plan.kind,
                what="adopted",
                on=plan.adopted_on,
                title=f"{name} vedtatt",
            )
        )
        if plan.valid_until is not None:
            found.append(
                PlanDate(
                    plan_id=plan.id,
                    kind=plan.kind,
                    what="valid_until",
                    on=plan.valid_until,
                    title=f"{name} gjelder til",
                )
            )
        for review in plan.reviews:
            found.append(
                PlanDate(
                    plan_id=plan.id,
                    kind=plan.kind,
                    what="reviewed",
                    on=review.reviewed_on,
                    title=f"{name} gjennomgått: {review.conclusion_text}",
                )
            )
    return sorted(found, key=lambda d: (d.on, d.what))


def child_plans(session: Session, placement_ids: list[uuid.UUID]) -> list[Plan]:
    """The plans of these placements (already read by the caller), for the privacy export."""
    if not placement_ids:
        return []
    return list(
        session.scalars(
            select(Plan)
            .where(Plan.placement_id.in_(placement_ids))
            .order_by(Plan.adopted_on, Plan.created_at, Plan.id)
        )
    )
