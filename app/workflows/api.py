"""The workflow operations behind the HTTP API (instances, preview, reductions, rule sets)."""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import ValidationError
from sqlalchemy import ColumnElement, exists, func, select
from sqlalchemy.orm import Session

from app import policy
from app.audit.trail import AuditTrail
from app.children.models import Child
from app.errors import (
    DuplicateResource,
    FieldError,
    NotFound,
    ValidationFailed,
    body_error,
    field_errors,
)
from app.people import service as people
from app.placements.errors import PlacementAlreadyEnded
from app.placements.models import LegalBasis, Placement, PlacementStatus
from app.placements.service import PlacementRepository, care_order_errors
from app.planning.definitions import Definition, Role, catalogue
from app.planning.rules import (
    RULE_SET_KEY,
    RuleSet,
    RuleSetValues,
    RuleValue,
    rule_problems,
    shipped_rule_set,
)
from app.policy import Capability
from app.principal import Principal
from app.staff.models import Staff, StaffRole
from app.tenancy import TenantRepository, resolve_service
from app.workflows import service as workflows
from app.workflows.errors import ReductionEnded
from app.workflows.models import (
    RuleSetVersion,
    VisitReduction,
    WorkflowAdjustment,
    WorkflowInstance,
)
from app.workflows.schemas import (
    AdjustmentFilters,
    AdjustmentPut,
    DefinitionRead,
    DefinitionSummary,
    RuleSetPublish,
    RuleSetRead,
    ScheduleChange,
    SchedulePreview,
    SchedulePreviewRequest,
    VisitReductionCreate,
    VisitReductionEnd,
    WorkflowFilters,
)


class WorkflowRepository(TenantRepository[WorkflowInstance]):
    model = WorkflowInstance
    path = "workflows"
    noun = "workflow"

    def case_filter(self, staff_id: Any) -> ColumnElement[bool]:
        return exists().where(
            Placement.id == WorkflowInstance.placement_id,
            Placement.contact_person_id == staff_id,
        )


def definitions() -> list[DefinitionSummary]:
    shipped = catalogue()
    return [
        DefinitionSummary(
            key=d.key,
            version=d.version,
            versions=shipped.versions(d.key),
            title=d.title,
            description=d.description,
            programme=d.programme,
            legal_basis=d.legal_basis,
            starts=d.starts.value,
            step_count=len(d.steps),
        )
        for d in shipped.all_latest()
    ]


def definition(key: str, version: int | None) -> DefinitionRead:
    shipped = catalogue()
    latest = shipped.latest(key)
    if latest is None or (version is not None and version not in shipped.versions(key)):
        raise NotFound("No workflow definition with this key and version.")
    chosen = shipped.get(key, version) if version is not None else latest
    return DefinitionRead(versions=shipped.versions(key), definition=chosen.model_dump(mode="json"))


def list_workflows(
    session: Session, principal: Principal, params: WorkflowFilters, *, audit: AuditTrail
) -> tuple[list[WorkflowInstance], str | None]:
    rows, cursor = WorkflowRepository(session, principal).list(params)
    audit.many(rows)
    return rows, cursor


def get_workflow(
    session: Session, principal: Principal, workflow_id: uuid.UUID, *, audit: AuditTrail
) -> WorkflowInstance:
    return audit.one(WorkflowRepository(session, principal).get(workflow_id))


def start_workflow(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    *,
    key: str,
    parent_id: uuid.UUID | None = None,
    audit: AuditTrail,
) -> WorkflowInstance:
    placement = PlacementRepository(session, principal).get_for_update(placement_id)
    if placement.status is PlacementStatus.ENDED:
        raise PlacementAlreadyEnded(f"The placement ended on {placement.end_date}.")
    definition = catalogue().latest(key)
    if definition is None:
        raise ValidationFailed(
            "Unknown workflow.",
            errors=[body_error("definition_key", "No such workflow definition", "unknown")],
        )
    household = _household(session, principal, placement, definition, parent_id)
    return audit.one(
        workflows.start_on_request(
            session,
            placement,
            definition_key=key,
            actor=principal.subject,
            parent_household_id=household,
        )
    )


def _household(
    session: Session,
    principal: Principal,
    placement: Placement,
    definition: Definition,
    parent_id: uuid.UUID | None,
) -> uuid.UUID | None:
    """The household a per-household workflow started on request follows up: the parent's who
    accepted (required once the child has parents registered; never one who declined)."""
    child = session.get_one(Child, placement.child_id)
    if not definition.per_parent_household:
        if parent_id is not None:
            raise ValidationFailed(
                "This workflow is not planned per parent.",
                errors=[body_error("parent_id", "Not taken by this workflow", "not_per_parent")],
            )
        return None
    if parent_id is None:
        if people.has_parents(session, child.id):
            raise ValidationFailed(
                "Say which parent accepted: the workflow runs per parent household.",
                errors=[body_error("parent_id", "Required once parents are registered", "missing")],
            )
        return None
    parent = people.parent_of_child(session, principal, child, parent_id, field="parent_id")
    if not parent.followed_up:
        raise ValidationFailed(
            "The parent declined follow-up or does not want it.",
            errors=[body_error("parent_id", "The parent is not followed up", "declined")],
        )
    return parent.household_id


def schedule_preview(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    *,
    data: SchedulePreviewRequest,
    audit: AuditTrail,
) -> SchedulePreview:
    placement = PlacementRepository(session, principal).get(placement_id)
    proposed = data.model_dump(exclude_unset=True)
    dates = workflows.Dates(
        start_date=proposed.get("start_date") or placement.start_date,
        end_date=proposed.get("end_date", placement.end_date),
        agreement_end_date=proposed.get("agreement_end_date", placement.agreement_end_date),
    )
    errors: list[FieldError] = []
    if dates.end_date is not None and dates.end_date < dates.start_date:
        errors.append(body_error("end_date", "end_date is before start_date", "before_start"))
    if dates.agreement_end_date is not None and dates.agreement_end_date < dates.start_date:
        errors.append(
            body_error(
                "agreement_end_date", "agreement_end_date is before start_date", "before_start"
            )
        )
    legal_basis = proposed.get("legal_basis") or placement.legal_basis
    becomes_care_order = (
        legal_basis is LegalBasis.CARE_ORDER and placement.legal_basis is not LegalBasis.CARE_ORDER
    )
    care_order_date = proposed.get("care_order_date")
    if becomes_care_order or care_order_date is not None:
        errors += care_order_errors(
            legal_basis,
            care_order_date,
            changed_to_care_order=becomes_care_order,
            start=dates.start_date,
        )
    if errors:
        raise ValidationFailed("The proposed dates are not valid.", errors=errors)
    changes = workflows.preview(
        session,
        placement,
        dates,
        legal_basis=legal_basis,
        care_order_date=care_order_date if becomes_care_order else None,
    )
    audit.one(placement, detail="schedule-preview")
    return SchedulePreview(
        placement_id=placement.id,
        changes=[
            ScheduleChange(
                action=c.action,
                task_id=c.task_id,
                step_key=c.step_key,
                occurrence=c.occurrence,
                title=c.title,
                old_due_date=c.old_due_date,
                new_due_date=c.new_due_date,
            )
            for c in changes
        ],
    )


def reduce_visits(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    *,
    data: VisitReductionCreate,
    audit: AuditTrail,
) -> VisitReduction:
    placement = PlacementRepository(session, principal).get_for_update(placement_id)
    # A leader's assessment (SECURITY.md), not a journal system's on the service's behalf.
    policy.require(principal, Capability.REDUCE_VISITS, placement.service_id)
    if placement.status is PlacementStatus.ENDED:
        raise ValidationFailed(
            "The placement has ended.",
            errors=[body_error("effective_from", "The placement has ended", "placement_ended")],
        )
    rules = workflows.current_rule_set(session)
    earliest = rules.duration("visit_reduction_after").after(placement.start_date)
    if data.effective_from < earliest:
        raise ValidationFailed(
            "Visits can be reduced only after the child has lived in the home long enough.",
            errors=[
                body_error(
                    "effective_from",
                    f"Earliest {earliest.isoformat()} ({rules.text('visit_reduction_after')})",
                    "too_early",
                )
            ],
        )
    current = session.scalar(
        select(VisitReduction).where(
            VisitReduction.placement_id == placement.id, VisitReduction.ended_on.is_(None)
        )
    )
    if current is not None:
        raise DuplicateResource(
            "The visits of this placement are already reduced; end that reduction first."
        )
    last_end = session.scalar(
        select(func.max(VisitReduction.ended_on)).where(VisitReduction.placement_id == placement.id)
    )
    if last_end is not None and data.effective_from <= last_end:
        raise ValidationFailed(
            "A new reduction begins after the last one ended.",
            errors=[
                body_error(
                    "effective_from", f"After {last_end.isoformat()}", "overlaps_earlier_reduction"
                )
            ],
        )
    row = VisitReduction(
        service_id=placement.service_id,
        placement_id=placement.id,
        effective_from=data.effective_from,
        reason=data.reason,
        objections=data.objections.model_dump(),
        objection_notes=data.objection_notes,
        decided_by=principal.subject,
    )
    session.add(row)
    session.flush()
    workflows.on_placement_changed(
        session,
        placement,
        actor=principal.subject,
        reason=f"Oppfølgingsbesøkene ble redusert fra {data.effective_from.isoformat()}.",
    )
    return audit.one(row)


def list_visit_reductions(
    session: Session, principal: Principal, placement_id: uuid.UUID, *, audit: AuditTrail
) -> list[VisitReduction]:
    """Every reduction of the placement's visits, ended ones too: the history a leader
    answers for."""
    placement = PlacementRepository(session, principal).get(placement_id)
    rows = list(
        session.scalars(
            select(VisitReduction)
            .where(VisitReduction.placement_id == placement.id)
            .order_by(VisitReduction.effective_from)
        )
    )
    audit.one(placement, detail="visit-reductions")  # an empty history is a read too
    audit.many(rows)
    return rows


def end_visit_reduction(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    reduction_id: uuid.UUID,
    *,
    data: VisitReductionEnd,
    audit: AuditTrail,
) -> VisitReduction:
    """A leader ends a reduction (things got worse): the usual visits again after
    ``ended_on``. The row stays, with who ended it and why; open visits are re-planned."""
    placement = PlacementRepository(session, principal).get_for_update(placement_id)
    policy.require(principal, Capability.REDUCE_VISITS, placement.service_id)
    row = session.scalar(
        select(VisitReduction).where(
            VisitReduction.id == reduction_id, VisitReduction.placement_id == placement.id
        )
    )
    if row is None:
        raise NotFound("No reduction with this id on this placement.")
    if row.ended_on is not None:
        raise ReductionEnded(f"The reduction ended on {row.ended_on.isoformat()}.")
    if data.ended_on < row.effective_from:
        raise ValidationFailed(
            "A reduction cannot end before it began.",
            errors=[
                body_error(
                    "ended_on", f"Not before {row.effective_from.isoformat()}", "before_start"
                )
            ],
        )
    row.ended_on = data.ended_on
    row.end_reason = data.reason
    row.ended_by = principal.subject
    session.flush()
    workflows.on_placement_changed(
        session,
        placement,
        actor=principal.subject,
        reason=f"Reduksjonen av oppfølgingsbesøkene ble avsluttet {data.ended_on.isoformat()}.",
    )
    return audit.one(row)


def _read(rules: RuleSet) -> RuleSetRead:
    return RuleSetRead(
        key=rules.key,
        version=rules.version,
        valid_from=rules.valid_from,
        title=rules.title,
        values={k: v.model_dump() for k, v in rules.values.items()},
    )


def _from_row(row: RuleSetVersion) -> RuleSet:
    return RuleSet(
        key=row.key,
        version=row.number,
        valid_from=row.valid_from,
        title=row.title,
        values=row.values,
    )


def rule_sets(session: Session) -> list[RuleSetRead]:
    rows = session.scalars(select(RuleSetVersion).order_by(RuleSetVersion.number))
    return [_read(shipped_rule_set()), *(_read(_from_row(r)) for r in rows)]


def current_rule_set(session: Session) -> RuleSetRead:
    rules = workflows.current_rule_set(session)
    return RuleSetRead(
        key=rules.key,
        version=rules.version,
        valid_from=rules.valid_from,
        title=rules.title,
        values={k: v.model_dump() for k, v in rules.values.items()},
        from_shipped=list(rules.from_shipped),
    )


def publish_rule_set(
    session: Session, principal: Principal, *, data: RuleSetPublish
) -> RuleSetRead:
    try:
        values = RuleSetValues.model_validate({"values": data.values})
    except ValidationError as error:
        structural = [dict(e) for e in error.errors() if e["loc"]]
        if not structural:  # every value has the right shape: say which rules are wrong
            parsed = {k: RuleValue.model_validate(v) for k, v in data.values.items()}
            raise ValidationFailed(
                "The rule values are not valid.",
                errors=[
                    body_error(f"values/{key}", detail, "invalid_rule")
                    for key, detail in rule_problems(parsed)
                ],
            ) from None
        raise ValidationFailed(
            "The rule values are not valid.", errors=field_errors(dict(e) for e in error.errors())
        ) from None
    latest = session.scalar(
        select(func.max(RuleSetVersion.number)).where(RuleSetVersion.key == RULE_SET_KEY)
    )
    number = (latest or 1) + 1
    row = RuleSetVersion(
        key=RULE_SET_KEY,
        number=number,
        title=data.title,
        valid_from=data.valid_from,
        values={k: v.model_dump() for k, v in values.values.items()},
        published_by=principal.subject,
    )
    session.add(row)
    session.flush()
    return _read(_from_row(row))


class AdjustmentRepository(TenantRepository[WorkflowAdjustment]):
    model = WorkflowAdjustment
    path = "workflow-adjustments"
    noun = "workflow adjustment"


def list_adjustments(
    session: Session, principal: Principal, params: AdjustmentFilters
) -> tuple[list[WorkflowAdjustment], str | None]:
    return AdjustmentRepository(session, principal).list(params)


def put_adjustment(
    session: Session,
    principal: Principal,
    key: str,
    *,
    service_id: uuid.UUID | None,
    data: AdjustmentPut,
) -> WorkflowAdjustment:
    """Replace the service's adjustment of a workflow; new instances use it.

    Timing (offsets, steps switched off) only for an adjustable workflow; a step's owner for any
    workflow, except a step the leader decides; starting on request only for an optional
    programme. The owner's role must have staff in the service."""
    owner = resolve_service(principal, service_id)
    policy.require(principal, Capability.ADJUST_WORKFLOW, owner)
    definition = catalogue().latest(key)
    if definition is None:
        raise NotFound("No workflow definition with this key.")
    timing = [k for k, v in data.steps.items() if v.offset is not None or not v.enabled]
    if timing and not definition.adjustable:
        raise ValidationFailed(
            "This workflow follows the law or a fixed programme: its timing cannot be adjusted.",
            errors=[
                FieldError(
                    detail="Not adjustable", parameter="key", location="path", code="not_adjustable"
                )
            ],
        )
    known = {s.key for s in definition.steps}
    unknown = [k for k in data.steps if k not in known]
    if unknown:
        raise ValidationFailed(
            "Unknown steps.",
            errors=[
                body_error(f"steps/{k}", "No such step in this workflow", "unknown_step")
                for k in unknown
            ],
        )
    errors = _owner_errors(session, owner, definition, data)
    if data.start is not None and not definition.optional:
        errors.append(
            body_error("start", "This workflow is not an optional programme", "not_optional")
        )
    if errors:
        raise ValidationFailed("The adjustment cannot be used in this service.", errors=errors)
    row = session.scalar(
        AdjustmentRepository(session, principal)
        .readable()
        .where(WorkflowAdjustment.service_id == owner, WorkflowAdjustment.definition_key == key)
    )
    steps = {k: v.model_dump(mode="json") for k, v in data.steps.items()}
    start = None if data.start is None else data.start.value
    if row is None:
        row = WorkflowAdjustment(
            service_id=owner,
            definition_key=key,
            steps=steps,
            start=start,
            changed_by=principal.subject,
        )
        session.add(row)
    else:
        row.steps = steps
        row.start = start
        row.changed_by = principal.subject
    session.flush()
    return row


def _owner_errors(
    session: Session, service_id: uuid.UUID, definition: Definition, data: AdjustmentPut
) -> list[FieldError]:
    """A step's new owner: not for a leader's decision, and someone in the service has the role."""
    errors: list[FieldError] = []
    for key, step in data.steps.items():
        if step.owner is None:  # unknown steps were refused before
            continue
        if definition.step(key).responsible is Role.LEADER and step.owner is not Role.LEADER:
            errors.append(
                body_error(f"steps/{key}/owner", "The leader decides this step", "leader_step")
            )
            continue
        staffed = session.scalar(
            select(
                exists().where(Staff.service_id == service_id, Staff.role == StaffRole(step.owner))
            )
        )
        if not staffed:
            errors.append(
                body_error(
                    f"steps/{key}/owner",
                    f"The service has no staff member with the role {step.owner.value}",
                    "no_staff_for_role",
                )
            )
    return errors
