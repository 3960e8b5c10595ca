"""Workflow instances and their tasks: start, plan, and keep the plan true when dates change.

Recalculation rules: open tasks nobody has edited move with their anchors; completed and skipped
tasks never move; open tasks the new plan no longer has (after an ended placement) are cancelled;
every change is written to ``task_changes`` with its reason.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import Select, select, tuple_
from sqlalchemy.orm import Session

from app.children.models import Child
from app.clock import OSLO, today
from app.config import get_settings
from app.db import utcnow
from app.errors import Conflict, NotFound
from app.events.service import emit
from app.foster_homes.models import FosterHome
from app.people import service as people
from app.placements.models import LegalBasis, Placement
from app.planning.definitions import (
    Anchor,
    Definition,
    NextWorkflow,
    Role,
    RuleRef,
    Starts,
    catalogue,
)
from app.planning.durations import Duration, norwegian_date
from app.planning.engine import Facts, PlannedTask, StepOverride, plan
from app.planning.rules import RULE_SET_KEY, RuleSet, shipped_rule_set, stored_rule_set
from app.services.models import ClosedDay, Service
from app.tasks.events import emit_task
from app.tasks.models import Task, TaskChange, TaskEvent, TaskStatus
from app.workflows.errors import WorkflowAlreadyRunning
from app.workflows.models import (
    InstanceStatus,
    RuleSetVersion,
    VisitReduction,
    WorkflowAdjustment,
    WorkflowEvent,
    WorkflowInstance,
)
from app.workflows.spreading import spread_deadlines


def current_rule_set(session: Session) -> RuleSet:
    """The newest published rule set already in force (``valid_from`` today or earlier), or
    the shipped version 1."""
    row = session.scalar(
        select(RuleSetVersion)
        .where(RuleSetVersion.key == RULE_SET_KEY, RuleSetVersion.valid_from <= today())
        .order_by(RuleSetVersion.number.desc())
        .limit(1)
    )
    if row is None:
        return shipped_rule_set()
    return stored_rule_set(
        key=row.key,
        version=row.number,
        valid_from=row.valid_from,
        title=row.title,
        values=row.values,
    )


def duration_of(spec: str | RuleRef, rules: RuleSet) -> Duration:
    return rules.duration(spec.rule) if isinstance(spec, RuleRef) else Duration.parse(spec)


@dataclass(frozen=True)
class Change:
    """One difference between the stored tasks and a new plan."""

    action: str  # created | moved | cancelled
    step_key: str
    occurrence: int
    title: str
    old_due_date: date | None
    new_due_date: date | None
    task_id: uuid.UUID | None
    planned: PlannedTask | None = None


@dataclass(frozen=True)
class Dates:
    """The placement dates a plan is computed from (the stored ones, or a proposal)."""

    start_date: date
    end_date: date | None
    agreement_end_date: date | None

    @classmethod
    def of(cls, placement: Placement) -> Dates:
        return cls(placement.start_date, placement.end_date, placement.agreement_end_date)


class _Unset:
    """Not looked up yet (``None`` is a real answer: no reduction)."""


UNSET = _Unset()


def _horizon() -> date:
    result: date = today() + relativedelta(months=get_settings().schedule_horizon_months)
    return result


def _completion_dates(tasks: list[Task]) -> dict[str, list[date]]:
    done: dict[str, list[tuple[int, date]]] = {}
    for task in tasks:
        if task.status is TaskStatus.COMPLETED and task.completed_at is not None:
            local = task.completed_at.astimezone(OSLO).date()
            done.setdefault(task.step_key, []).append((task.occurrence, local))
    return {key: [d for _, d in sorted(values)] for key, values in done.items()}


def _completion_answers(tasks: list[Task]) -> dict[str, list[dict[str, Any]]]:
    """Each completion's answers, in the order of :func:`_completion_dates`."""
    done: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for task in tasks:
        if task.status is TaskStatus.COMPLETED and task.completed_at is not None:
            done.setdefault(task.step_key, []).append((task.occurrence, dict(task.answers or {})))
    return {key: [a for _, a in sorted(values, key=lambda v: v[0])] for key, values in done.items()}


def _closed_days(session: Session, service_id: uuid.UUID) -> frozenset[tuple[int, int]]:
    with session.no_autoflush:  # a new placement's tasks go out in one flush at the end
        service = session.get_one(Service, service_id)
    return frozenset(ClosedDay(day).month_day for day in service.closed_days or ())


def _held(tasks: list[Task]) -> dict[str, dict[int, date]]:
    """The day each completed occurrence was held, by step."""
    held: dict[str, dict[int, date]] = {}
    for task in tasks:
        if task.status is TaskStatus.COMPLETED and task.completed_at is not None:
            local = task.completed_at.astimezone(OSLO).date()
            held.setdefault(task.step_key, {})[task.occurrence] = local
    return held


def _reduction(session: Session, placement_id: uuid.UUID) -> tuple[date, date | None] | None:
    """The placement's latest reduction of visits: from when, and until when if it ended."""
    row = session.execute(
        select(VisitReduction.effective_from, VisitReduction.ended_on)
        .where(VisitReduction.placement_id == placement_id)
        .order_by(VisitReduction.effective_from.desc())
        .limit(1)
    ).first()
    return None if row is None else (row[0], row[1])


def households_followed_up(
    session: Session, child_id: uuid.UUID
) -> list[tuple[uuid.UUID | None, str | None]]:
    """The runs a workflow planned per parent household needs: one per household of parents who
    want follow-up and have not declined, each with their names; while no parent of the child is
    registered, one for the parents together (None)."""
    with session.no_autoflush:  # a new placement's tasks go out in one flush at the end
        found = people.households(session, child_id)
    if not found:
        return [(None, None)]
    return [(h.id, h.names_text) for h in found if h.followed_up]


def concerns(session: Session, instance: WorkflowInstance, child: Child) -> str | None:
    """The names of the parents the instance follows up (None: not a per-household run)."""
    if instance.parent_household_id is None:
        return None
    with session.no_autoflush:
        found = people.households(session, child.id)
    return next((h.names_text for h in found if h.id == instance.parent_household_id), None)


def plan_instance(
    session: Session,
    instance: WorkflowInstance,
    *,
    dates: Dates,
    child: Child,
    tasks: list[Task],
    rules: RuleSet,
    reduction_from: date | _Unset | None = UNSET,
) -> list[PlannedTask]:
    definition = catalogue().get(instance.definition_key, instance.definition_version)
    until: date | None = None
    if isinstance(reduction_from, _Unset):
        found = _reduction(session, instance.placement_id)
        reduction_from, until = found if found is not None else (None, None)
    start_text = instance.start_reason
    on_move = (
        definition.starts is Starts.ON_PLACEMENT and instance.workflow_start == dates.start_date
    )
    if start_text is None and on_move:
        start_text = MOVE_TEXT  # "1 år etter at barnet flyttet inn", not "… ble startet"
    facts = Facts(
        placement_start=dates.start_date,
        placement_end=dates.end_date,
        agreement_end=dates.agreement_end_date,
        child_birth=child.birth_date,
        workflow_start=instance.workflow_start,
        horizon=_horizon(),
        not_before=instance.planned_from,
        reduction_from=reduction_from,
        reduction_until=until,
        completions=_completion_dates(tasks),
        completion_answers=_completion_answers(tasks),
        held=_held(tasks),
        workflow_start_text=start_text,
        closed_days=_closed_days(session, instance.service_id),
        overrides={
            key: StepOverride(offset=value.get("offset"), enabled=value.get("enabled", True))
            for key, value in (instance.adjustments or {}).items()
        },
        concerns=concerns(session, instance, child),
    )
    return plan(definition, facts, rules)


def _create_from(new: bool) -> date | None:
    """A re-plan creates no occurrence of a recurring step already overdue by more than the
    backfill window: the next occurrence supersedes it (a new instance has ``planned_from``)."""
    return None if new else today() - timedelta(days=get_settings().schedule_backfill_days)


def diff(
    tasks: list[Task],
    planned: list[PlannedTask],
    definition: Definition,
    *,
    create_from: date | None = None,
) -> list[Change]:
    """What must change so the stored tasks follow the plan (completed ones never move)."""
    stored = {(t.step_key, t.occurrence): t for t in tasks}
    wanted = {(p.step_key, p.occurrence): p for p in planned}
    changes: list[Change] = []
    for key, item in wanted.items():
        task = stored.get(key)
        step = definition.step(item.step_key)
        title = step.title
        if task is None:
            recurring = step.due.recurrence is not None
            if recurring and create_from is not None and item.due_date < create_from:
                continue
            changes.append(Change("created", *key, title, None, item.due_date, None, item))
        elif (
            task.status is TaskStatus.OPEN
            and not task.due_edited
            and task.due_date != item.due_date
            and task.spread_from != item.due_date  # spread from the same plan: stays spread
        ):
            changes.append(
                Change("moved", *key, title, task.due_date, item.due_date, task.id, item)
            )
    for key, task in stored.items():
        if key not in wanted and task.status is TaskStatus.OPEN:
            changes.append(
                Change("cancelled", *key, task.title, task.due_date, None, task.id, None)
            )
    return sorted(changes, key=lambda c: c.new_due_date or c.old_due_date or date.min)


def _role(definition: Definition, item: PlannedTask, instance: WorkflowInstance) -> Role:
    """Who does this occurrence: the plan's choice (a leader when it is urgent), else the owner
    the service gave the step when the workflow started, else the step's own role."""
    if item.responsible is not None:
        return item.responsible
    return _owner(instance, item.step_key) or definition.step(item.step_key).responsible


def _owner(instance: WorkflowInstance, step_key: str) -> Role | None:
    owner = (instance.adjustments or {}).get(step_key, {}).get("owner")
    return None if owner is None else Role(owner)


def _assign(task: Task, role: Role, placement: Placement) -> None:
    """The role does the task; the placement's contact person or supervisor is its assignee
    (a leader's task waits in the service's queue)."""
    task.responsible_role = role.value
    assignees = {
        Role.CONTACT_PERSON: placement.contact_person_id,
        Role.SUPERVISOR: placement.supervisor_id,
    }
    task.assignee_id = assignees.get(role)


def _instance_tasks(session: Session, instance_id: uuid.UUID) -> list[Task]:
    return list(session.scalars(select(Task).where(Task.instance_id == instance_id)))


def sync_instance(
    session: Session,
    instance: WorkflowInstance,
    *,
    placement: Placement,
    child: Child,
    rules: RuleSet,
    actor: str,
    reason: str,
    new: bool = False,
    reduction_from: date | _Unset | None = UNSET,
) -> list[Change]:
    """Bring the instance's tasks in line with its plan, recording every change.

    ``new``: the instance was just created, so there are no tasks to load, and everything is
    left for one flush with the rest of the request.
    """
    tasks = [] if new else _instance_tasks(session, instance.id)
    target = None if new else upgrade_target(instance)
    upgraded: list[Change] = []
    if target is not None and target.upgrade_reason is not None:
        reason = target.upgrade_reason
        upgraded = _upgrade(
            session,
            instance,
            target,
            tasks,
            placement=placement,
            child=child,
            rules=rules,
            actor=actor,
        )
    definition = catalogue().get(instance.definition_key, instance.definition_version)
    planned = plan_instance(
        session,
        instance,
        dates=Dates.of(placement),
        child=child,
        tasks=tasks,
        rules=rules,
        reduction_from=reduction_from,
    )
    changes = diff(tasks, planned, definition, create_from=_create_from(new))
    by_id = {t.id: t for t in tasks}
    parents = concerns(session, instance, child)
    for change in changes:
        if change.action == "created":
            assert change.planned is not None
            task = _new_task(instance, placement, definition, change.planned, rules, parents)
            session.add(task)
            just_planned(session).append(task)
            emit_task(session, task, TaskEvent.CREATED, due_date=task.due_date.isoformat())
        else:
            assert change.task_id is not None
            task = by_id[change.task_id]
            if change.action == "moved":
                assert change.planned is not None
                _apply_plan(task, change.planned, rules)
                just_planned(session).append(task)
                role = _role(definition, change.planned, instance)
                if task.responsible_role != role.value:
                    _assign(task, role, placement)
                emit_task(session, task, TaskEvent.RESCHEDULED, due_date=task.due_date.isoformat())
            else:
                task.status = TaskStatus.CANCELLED
                emit_task(session, task, TaskEvent.CANCELLED)
        session.add(
            TaskChange(
                service_id=instance.service_id,
                task=task,
                changed_by=actor,
                action=change.action,
                old_due_date=change.old_due_date,
                new_due_date=change.new_due_date,
                reason=reason,
            )
        )
    if not new:
        _refresh_texts(tasks, planned, {c.task_id for c in changes}, rules)
    if not new:  # a new instance's tasks go out with the rest of the request in one flush
        session.flush()
    return upgraded + changes


def _refresh_texts(
    tasks: list[Task], planned: list[PlannedTask], changed: set[uuid.UUID | None], rules: RuleSet
) -> None:
    """An open task whose date stays while the rule set behind it changed (the first visit is
    three months after the move under either rule set) quotes the rule in force: its rule,
    explanation and legal basis come from the plan, as a moved task's do. Not a move, so no
    change is recorded."""
    wanted = {(p.step_key, p.occurrence): p for p in planned}
    for task in tasks:
        item = wanted.get((task.step_key, task.occurrence))
        if (
            item is None
            or task.id in changed
            or task.status is not TaskStatus.OPEN
            or task.due_edited
            or task.spread_from is not None
            or task.due_date != item.due_date
        ):
            continue
        if (task.rule, task.explanation, task.legal_basis, task.rule_set_version) != (
            item.rule,
            item.explanation,
            item.legal_basis,
            rules.version,
        ):
            _apply_plan(task, item, rules)


def upgrade_target(instance: WorkflowInstance) -> Definition | None:
    """The newer version a running instance moves to at its next re-plan, if there is one."""
    latest = catalogue().latest(instance.definition_key)
    if latest is None or instance.definition_version not in latest.upgrades:
        return None
    return latest


_KEEP_FIRST = {TaskStatus.COMPLETED: 0, TaskStatus.SKIPPED: 1, TaskStatus.OPEN: 2}


def _upgrade(
    session: Session,
    instance: WorkflowInstance,
    target: Definition,
    tasks: list[Task],
    *,
    placement: Placement,
    child: Child,
    rules: RuleSet,
    actor: str,
) -> list[Change]:
    """Move a running instance to ``target``; returns the tasks it cancelled.

    Each stored task takes the occurrence of the new plan nearest its due date, within half
    the step's interval (nearest first; a completed task before an open one at the same
    distance). A task with no such occurrence keeps its history under a negative key, and is
    cancelled if it was open: the new plan does not have it.
    """
    assert target.upgrade_reason is not None
    instance.definition_version = target.version
    planned = plan_instance(
        session, instance, dates=Dates.of(placement), child=child, tasks=[], rules=rules
    )
    start = placement.start_date
    pairs: list[tuple[int, int, int, int]] = []
    for i, task in enumerate(tasks):
        step = next((s for s in target.steps if s.key == task.step_key), None)
        if step is None or task.status not in _KEEP_FIRST:
            continue
        every = step.due.recurrence.every if step.due.recurrence else None
        reach = (duration_of(every, rules).after(start) - start).days // 2 if every else 10**6
        for j, item in enumerate(planned):
            distance = abs((task.due_date - item.nominal_date).days)
            if item.step_key == task.step_key and distance <= abs(reach):
                pairs.append((distance, _KEEP_FIRST[task.status], i, j))
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for _, _, i, j in sorted(pairs):
        if i not in matched and j not in taken:
            matched[i] = j
            taken.add(j)
    for n, task in enumerate(tasks):  # out of the way first: the keys are unique per instance
        task.occurrence = -1_000_000 - n
    session.flush()
    history: dict[str, int] = {}
    cancelled: list[Change] = []
    for i, task in sorted(enumerate(tasks), key=lambda pair: pair[1].due_date):
        if i in matched:
            task.occurrence = planned[matched[i]].occurrence
        else:
            history[task.step_key] = history.get(task.step_key, 0) - 1
            task.occurrence = history[task.step_key]
            if task.status is TaskStatus.OPEN:
                cancelled.append(_lapse(session, task, actor=actor, reason=target.upgrade_reason))
        if task.status is TaskStatus.OPEN:
            task.definition_version = target.version
            step = next((s for s in target.steps if s.key == task.step_key), None)
            role = None if step is None else _owner(instance, step.key) or step.responsible
            if role is not None and task.responsible_role != role.value:
                _assign(task, role, placement)  # the new version's owner
    session.flush()
    return cancelled


def _lapse(session: Session, task: Task, *, actor: str, reason: str) -> Change:
    """Cancel an open task the plan no longer has, with why; returns the change."""
    change = Change(
        "cancelled", task.step_key, task.occurrence, task.title, task.due_date, None, task.id
    )
    task.status = TaskStatus.CANCELLED
    emit_task(session, task, TaskEvent.CANCELLED)
    session.add(
        TaskChange(
            service_id=task.service_id,
            task=task,
            changed_by=actor,
            action="cancelled",
            old_due_date=task.due_date,
            new_due_date=None,
            reason=reason,
        )
    )
    return change


def _close(session: Session, instance: WorkflowInstance) -> None:
    """The workflow no longer applies (the placement ended, or its legal basis changed)."""
    instance.status = InstanceStatus.CLOSED
    instance.completed_at = utcnow()
    emit(
        session,
        service_id=instance.service_id,
        type=WorkflowEvent.CLOSED,
        subject_id=instance.id,
        placement_id=instance.placement_id,
        data={"definition_key": instance.definition_key},
    )


def _apply_plan(task: Task, item: PlannedTask, rules: RuleSet) -> None:
    task.due_date = item.due_date
    task.spread_from = None
    task.nominal_date = item.nominal_date
    task.rule = item.rule
    task.legal_basis = item.legal_basis
    task.explanation = item.explanation
    task.rule_set_version = rules.version


def _new_task(
    instance: WorkflowInstance,
    placement: Placement,
    definition: Definition,
    item: PlannedTask,
    rules: RuleSet,
    parents: str | None = None,
) -> Task:
    step = definition.step(item.step_key)
    task = Task(
        id=uuid.uuid4(),  # known before the flush, so one batched INSERT writes every task
        instance=instance,
        service_id=instance.service_id,
        placement_id=instance.placement_id,
        instance_id=instance.id,
        definition_key=definition.key,
        definition_version=definition.version,
        step_key=item.step_key,
        occurrence=item.occurrence,
        title=step.title_for(parents),
        status=TaskStatus.OPEN,
        due_edited=False,
        parent_household_id=instance.parent_household_id,
    )
    _assign(task, _role(definition, item, instance), placement)
    _apply_plan(task, item, rules)
    return task


def start_instance(
    session: Session,
    *,
    placement: Placement,
    child: Child,
    definition: Definition,
    workflow_start: date,
    planned_from: date | None,
    actor: str,
    rules: RuleSet,
    reduction_from: date | _Unset | None = UNSET,
    start_reason: str | None = None,
    changes: list[Change] | None = None,
    first_due: str | RuleRef | None = None,
    parent_household_id: uuid.UUID | None = None,
) -> WorkflowInstance:
    """Start the workflow; the tasks it planned are added to ``changes`` when given.

    ``first_due``: the first step is due this long after the start instead of its usual offset
    (pinned with the instance like a service's adjustment)."""
    # The service's adjustments (timing, owners) are pinned when the instance starts, like the
    # definition.
    with session.no_autoflush:  # the tasks planned so far go out in one flush at the end
        adjustments = session.scalar(
            select(WorkflowAdjustment.steps).where(
                WorkflowAdjustment.service_id == placement.service_id,
                WorkflowAdjustment.definition_key == definition.key,
            )
        )
    if first_due is not None:
        first = definition.steps[0].key
        adjustments = dict(adjustments or {})
        adjustments[first] = {
            **adjustments.get(first, {}),
            "offset": str(duration_of(first_due, rules)),
        }
    instance = WorkflowInstance(
        id=uuid.uuid4(),
        service_id=placement.service_id,
        adjustments=adjustments,
        placement_id=placement.id,
        definition_key=definition.key,
        definition_version=definition.version,
        status=InstanceStatus.ACTIVE,
        workflow_start=workflow_start,
        planned_from=planned_from,
        start_reason=start_reason,
        started_by=actor,
        parent_household_id=parent_household_id,
    )
    session.add(instance)
    emit(
        session,
        service_id=instance.service_id,
        type=WorkflowEvent.STARTED,
        subject_id=instance.id,
        placement_id=placement.id,
        data={"definition_key": definition.key},
    )
    planned = sync_instance(
        session,
        instance,
        placement=placement,
        child=child,
        rules=rules,
        actor=actor,
        reason=f"Arbeidsflyten «{definition.title}» ble startet.",
        new=True,
        reduction_from=reduction_from,
    )
    if changes is not None:
        changes += planned
    return instance


def start_each(
    session: Session,
    *,
    placement: Placement,
    child: Child,
    definition: Definition,
    **kwargs: Any,
) -> None:
    """Start the workflow, once per household of parents followed up when it is planned per
    parent household (:func:`households_followed_up`)."""
    if not definition.per_parent_household:
        start_instance(session, placement=placement, child=child, definition=definition, **kwargs)
        return
    for household_id, _ in households_followed_up(session, child.id):
        start_instance(
            session,
            placement=placement,
            child=child,
            definition=definition,
            parent_household_id=household_id,
            **kwargs,
        )


def on_placement_created(session: Session, placement: Placement, *, actor: str) -> None:
    """Start every workflow that starts with a placement (and applies to its legal basis)."""
    child = session.get_one(Child, placement.child_id)
    rules = current_rule_set(session)
    planned_from = max(placement.start_date, _backfill())
    home = session.get_one(FosterHome, placement.foster_home_id)
    on_request = set(
        session.scalars(
            select(WorkflowAdjustment.definition_key).where(
                WorkflowAdjustment.service_id == placement.service_id,
                WorkflowAdjustment.start == Starts.ON_REQUEST.value,
            )
        )
    )
    # A new placement has no visit reduction: nothing to look up per workflow.
    for definition in catalogue().all_latest():
        if definition.starts is not Starts.ON_PLACEMENT:
            continue
        if definition.optional and definition.key in on_request:
            continue  # the service starts this programme only when someone asks for it
        if definition.legal_bases and placement.legal_basis.value not in definition.legal_bases:
            continue
        if definition.foster_home_kinds and home.kind.value not in definition.foster_home_kinds:
            continue
        if definition.new_homes_only and _home_had_placements(session, placement):
            continue
        workflow_start, reason = placement.start_date, None
        if _counts_from_care_order(definition) and placement.care_order_date is not None:
            definition = _continued(session, definition, placement.child_id)
            workflow_start, reason = _care_order_start(
                session, definition, placement, planned_from, rules
            )
        start_each(
            session,
            placement=placement,
            child=child,
            definition=definition,
            workflow_start=workflow_start,
            planned_from=planned_from,
            actor=actor,
            rules=rules,
            reduction_from=None,
            start_reason=reason,
        )
    spread(session, placement, actor=actor)


def _home_had_placements(session: Session, placement: Placement) -> bool:
    """Whether the foster home had a placement before this one (experienced foster parents)."""
    earlier = session.scalar(
        select(Placement.id)
        .where(
            Placement.foster_home_id == placement.foster_home_id,
            Placement.id != placement.id,
            Placement.start_date < placement.start_date,
        )
        .limit(1)
    )
    return earlier is not None


CARE_ORDER_TEXT = "nemnda vedtok omsorgsovertakelsen"
MOVE_TEXT = "barnet flyttet inn i fosterhjemmet"
PREVIOUS_DECISION_TEXT = "forrige vurdering av tilbakeføring ble avsluttet"


def _backfill() -> date:
    return today() - timedelta(days=get_settings().schedule_backfill_days)


def _counts_from_care_order(definition: Definition) -> bool:
    """A care-order workflow whose schedule counts from its start: it counts from the care
    order (or the last decision on it) instead of from the move."""
    if definition.starts_at_move:  # the care plan is made before the move
        return False
    return definition.legal_bases == ["care_order"] and any(
        s.due.anchor is Anchor.WORKFLOW_START for s in definition.steps
    )


def _decisions(session: Session, child_id: uuid.UUID, keys: set[str]) -> Select[Task]:
    """The child's completed decisions (steps with outcomes) in these workflows, any placement,
    latest first."""
    steps = {
        (d.key, s.key)
        for key in keys
        for version in catalogue().versions(key)
        for d in [catalogue().get(key, version)]
        for s in d.steps
        if s.outcomes
    }
    return (
        select(Task)
        .join(Placement, Placement.id == Task.placement_id)
        .where(
            Placement.child_id == child_id,
            Task.status == TaskStatus.COMPLETED,
            tuple_(Task.definition_key, Task.step_key).in_(sorted(steps)),
        )
        .order_by(Task.completed_at.desc())
    )


def _last_decision(session: Session, definition: Definition, child_id: uuid.UUID) -> date | None:
    """When the child's last decision in this workflow (or the one it runs instead of) was
    made, in any placement."""
    keys = {definition.key} | ({definition.instead_of} if definition.instead_of else set())
    last = session.scalars(_decisions(session, child_id, keys).limit(1)).first()
    if last is None or last.completed_at is None:
        return None
    return last.completed_at.astimezone(OSLO).date()


def _continued(session: Session, definition: Definition, child_id: uuid.UUID) -> Definition:
    """The workflow a new placement continues: the one that runs instead of ``definition`` when
    the child's last decision in the two led there (the goal given up: the regular assessment)."""
    for other in catalogue().all_latest():
        if other.instead_of != definition.key:
            continue
        last = session.scalars(
            _decisions(session, child_id, {definition.key, other.key}).limit(1)
        ).first()
        if last is None:
            return definition
        decided = catalogue().get(last.definition_key, last.definition_version)
        chosen = next(
            (o for o in decided.step(last.step_key).outcomes or [] if o.key == last.outcome),
            None,
        )
        if chosen is None:
            return definition
        leads_there = (chosen.starts is not None and chosen.starts.workflow == other.key) or (
            decided.key == other.key and chosen.restarts
        )
        return other if leads_there else definition
    return definition


def _care_order_start(
    session: Session,
    definition: Definition,
    placement: Placement,
    planned_from: date,
    rules: RuleSet,
) -> tuple[date, str]:
    """Where a care-order workflow's schedule starts for this placement, and what that day is.

    It counts from the care order, or from the last decision on it (the child may have moved:
    the care order and its cadence go on). A first step that does not recur is due once per
    cycle: the cycle steps forward until that step is not due before ``planned_from``.
    """
    assert placement.care_order_date is not None
    base, text = placement.care_order_date, CARE_ORDER_TEXT
    decided = _last_decision(session, definition, placement.child_id)
    if decided is not None and decided >= base:
        base, text = decided, PREVIOUS_DECISION_TEXT
    first = definition.steps[0]
    if first.due.anchor is Anchor.WORKFLOW_START and first.due.recurrence is None:
        cycle = duration_of(first.due.offset, rules)
        if cycle.is_zero or cycle.negative:
            return base, text
        years = 0
        origin = base
        while cycle.after(base) < planned_from:
            base, years = cycle.after(base), years + 1
        if years:
            total = Duration().plus(cycle, years).norwegian()
            text = f"det var gått {total} siden {text} {norwegian_date(origin)}"
    return base, text


def on_care_order(session: Session, placement: Placement, *, actor: str) -> list[Change]:
    """An emergency or voluntary placement became a care order: start the care-order
    workflows that do not run yet, counting from the tribunal's decision. Returns the tasks
    they planned."""
    changes: list[Change] = []
    child = session.get_one(Child, placement.child_id)
    rules = current_rule_set(session)
    running = {i.definition_key for i in active_instances(session, placement.id)}
    for definition in catalogue().all_latest():
        if definition.starts is not Starts.ON_PLACEMENT or definition.key in running:
            continue
        if not definition.legal_bases or "care_order" not in definition.legal_bases:
            continue
        assert placement.care_order_date is not None  # required by the placement's rules
        planned_from = max(placement.care_order_date, _backfill())
        workflow_start, reason = placement.care_order_date, CARE_ORDER_TEXT
        if _counts_from_care_order(definition):
            definition = _continued(session, definition, placement.child_id)
            workflow_start, reason = _care_order_start(
                session, definition, placement, planned_from, rules
            )
        start_each(
            session,
            placement=placement,
            child=child,
            definition=definition,
            workflow_start=workflow_start,
            planned_from=planned_from,
            actor=actor,
            rules=rules,
            start_reason=reason,
            changes=changes,
        )
    return changes


def on_legal_basis_changed(session: Session, placement: Placement, *, actor: str) -> list[Change]:
    """The placement's legal basis changed: workflows that apply only to other bases close
    (their open tasks lapse), and those of the new basis that start with a placement start now.
    A change to a care order is :func:`on_care_order`'s (it counts from the tribunal's decision).
    Returns the tasks cancelled and planned."""
    changes: list[Change] = []
    basis = placement.legal_basis.value
    reason = f"Plasseringens grunnlag ble endret ({LEGAL_BASIS_NB[placement.legal_basis]})."
    running: set[str] = set()
    for instance in active_instances(session, placement.id):
        definition = catalogue().get(instance.definition_key, instance.definition_version)
        bases = definition.legal_bases
        if definition.outlives_legal_basis or not bases or basis in bases:
            running.add(definition.key)
            continue
        for task in _instance_tasks(session, instance.id):
            if task.status is TaskStatus.OPEN:
                changes.append(_lapse(session, task, actor=actor, reason=reason))
        _close(session, instance)
    if placement.legal_basis is LegalBasis.CARE_ORDER:
        changes += on_care_order(session, placement, actor=actor)
    else:
        _start_for_basis(session, placement, running=running, actor=actor, changes=changes)
    spread(session, placement, actor=actor)
    session.flush()
    return changes


def _start_for_basis(
    session: Session,
    placement: Placement,
    *,
    running: set[str],
    actor: str,
    changes: list[Change],
) -> None:
    """Start the workflows of the placement's (new, not care-order) basis that do not run."""
    child = session.get_one(Child, placement.child_id)
    rules = current_rule_set(session)
    for definition in catalogue().all_latest():
        if definition.starts is not Starts.ON_PLACEMENT or definition.key in running:
            continue
        if not definition.legal_bases or placement.legal_basis.value not in definition.legal_bases:
            continue
        start_each(
            session,
            placement=placement,
            child=child,
            definition=definition,
            workflow_start=placement.start_date,
            planned_from=max(today(), placement.start_date),
            actor=actor,
            rules=rules,
            changes=changes,
        )


LEGAL_BASIS_NB = {
    LegalBasis.CARE_ORDER: "omsorgsovertakelse",
    LegalBasis.VOLUNTARY: "frivillig plassering",
    LegalBasis.EMERGENCY: "midlertidig vedtak i akuttsituasjon",
}


def start_on_request(
    session: Session,
    placement: Placement,
    *,
    definition_key: str,
    actor: str,
    parent_household_id: uuid.UUID | None = None,
) -> WorkflowInstance:
    """Start a workflow someone asked for; one planned per parent household runs once per
    household (``parent_household_id``: the household of the parent who accepted)."""
    definition = catalogue().latest(definition_key)
    if definition is None:
        raise NotFound("No workflow definition with this key.")
    if not definition.per_parent_household:
        parent_household_id = None
    running = session.scalar(
        select(WorkflowInstance.id).where(
            WorkflowInstance.placement_id == placement.id,
            WorkflowInstance.definition_key == definition_key,
            WorkflowInstance.status == InstanceStatus.ACTIVE,
            WorkflowInstance.parent_household_id.is_(None)
            if parent_household_id is None
            else WorkflowInstance.parent_household_id == parent_household_id,
        )
    )
    if running is not None:
        raise WorkflowAlreadyRunning(
            "This workflow is already running for the placement"
            + (" and these parents." if parent_household_id else "."),
            existing=f"/v1/workflows/{running}",
        )
    child = session.get_one(Child, placement.child_id)
    instance = start_instance(
        session,
        placement=placement,
        child=child,
        definition=definition,
        workflow_start=today(),
        planned_from=today(),
        actor=actor,
        rules=current_rule_set(session),
        parent_household_id=parent_household_id,
    )
    spread(session, placement, actor=actor)
    return instance


def active_instances(session: Session, placement_id: uuid.UUID) -> list[WorkflowInstance]:
    return list(
        session.scalars(
            select(WorkflowInstance).where(
                WorkflowInstance.placement_id == placement_id,
                WorkflowInstance.status == InstanceStatus.ACTIVE,
            )
        )
    )


def on_placement_changed(
    session: Session, placement: Placement, *, actor: str, reason: str
) -> list[Change]:
    """Recalculate every running workflow of the placement after its dates changed."""
    child = session.get_one(Child, placement.child_id)
    rules = current_rule_set(session)
    changes: list[Change] = []
    for instance in active_instances(session, placement.id):
        changes += sync_instance(
            session,
            instance,
            placement=placement,
            child=child,
            rules=rules,
            actor=actor,
            reason=reason,
        )
        definition = catalogue().get(instance.definition_key, instance.definition_version)
        ended = placement.end_date is not None and placement.end_date <= today()
        if ended and not definition.after_placement:
            _close(session, instance)
    spread(session, placement, actor=actor)
    return changes


def preview(
    session: Session,
    placement: Placement,
    dates: Dates,
    *,
    legal_basis: LegalBasis | None = None,
    care_order_date: date | None = None,
) -> list[Change]:
    """What ``on_placement_changed`` would do for these dates (and, with a new ``legal_basis``,
    ``on_legal_basis_changed``: a care order with its ``care_order_date``); writes nothing."""
    changes = _preview_dates(session, placement, dates)
    if legal_basis is None or legal_basis is placement.legal_basis:
        return changes
    nested = session.begin_nested()  # change the workflows as the change would, then undo it
    try:
        placement.start_date = dates.start_date
        placement.end_date = dates.end_date
        placement.agreement_end_date = dates.agreement_end_date
        placement.legal_basis = legal_basis
        placement.care_order_date = care_order_date
        changes += on_legal_basis_changed(session, placement, actor="preview")
        session.flush()
    finally:
        nested.rollback()
    return sorted(changes, key=lambda c: c.new_due_date or c.old_due_date or date.min)


def _preview_dates(session: Session, placement: Placement, dates: Dates) -> list[Change]:
    child = session.get_one(Child, placement.child_id)
    rules = current_rule_set(session)
    changes: list[Change] = []
    for instance in active_instances(session, placement.id):
        tasks = _instance_tasks(session, instance.id)
        target = upgrade_target(instance)
        if target is None:
            definition = catalogue().get(instance.definition_key, instance.definition_version)
            planned = plan_instance(
                session, instance, dates=dates, child=child, tasks=tasks, rules=rules
            )
            changes += diff(tasks, planned, definition, create_from=_create_from(False))
            continue
        # The move to the newer version is part of what would happen: try it, then undo it.
        nested = session.begin_nested()
        try:
            changes += _upgrade(
                session,
                instance,
                target,
                tasks,
                placement=placement,
                child=child,
                rules=rules,
                actor="preview",
            )
            planned = plan_instance(
                session, instance, dates=dates, child=child, tasks=tasks, rules=rules
            )
            changes += diff(tasks, planned, target, create_from=_create_from(False))
        finally:
            nested.rollback()
    return sorted(changes, key=lambda c: c.new_due_date or c.old_due_date or date.min)


def on_task_completed(session: Session, task: Task, *, actor: str) -> None:
    """What a completed task means for its workflow: a step that ends in a decision closes the
    workflow (and some outcomes start the next run), unless the outcome continues it; any other
    step re-plans the workflow, since later steps may count from its completion."""
    definition = catalogue().get(task.definition_key, task.definition_version)
    step = definition.step(task.step_key)
    instance = session.get_one(WorkflowInstance, task.instance_id)
    placement = session.get_one(Placement, task.placement_id)
    child = session.get_one(Child, placement.child_id)
    chosen = next((o for o in step.outcomes or [] if o.key == task.outcome), None)
    if chosen is None or chosen.continues:  # no decision, or one the workflow goes on after
        sync_instance(
            session,
            instance,
            placement=placement,
            child=child,
            rules=current_rule_set(session),
            actor=actor,
            reason=f"«{task.title}» ble fullført.",
        )
        spread(session, placement, actor=actor)
        return
    instance.status = InstanceStatus.COMPLETED
    instance.outcome = task.outcome
    instance.completed_at = utcnow()
    emit(
        session,
        service_id=instance.service_id,
        type=WorkflowEvent.COMPLETED,
        subject_id=instance.id,
        placement_id=instance.placement_id,
        data={"definition_key": instance.definition_key, "outcome": task.outcome},
    )
    for other in session.scalars(
        select(Task).where(Task.instance_id == instance.id, Task.status == TaskStatus.OPEN)
    ):
        _lapse(session, other, actor=actor, reason="Arbeidsflyten ble avsluttet med et utfall.")
    if chosen.starts is not None:
        _start_next(session, chosen.starts, task, placement=placement, child=child, actor=actor)
    if chosen.restarts:
        start_instance(
            session,
            placement=placement,
            child=child,
            definition=catalogue().latest(definition.key) or definition,
            workflow_start=today(),
            planned_from=today(),
            actor=actor,
            rules=current_rule_set(session),
            start_reason=definition.restart_text or PREVIOUS_DECISION_TEXT,
        )
    spread(session, placement, actor=actor)
    session.flush()


def _start_next(
    session: Session,
    next_workflow: NextWorkflow,
    task: Task,
    *,
    placement: Placement,
    child: Child,
    actor: str,
) -> None:
    """The workflow a decision's outcome starts, counting from the decision (or the date the
    outcome names), unless its rule-set switch is off or it already runs."""
    rules = current_rule_set(session)
    if next_workflow.when_rule is not None and not rules.switch(next_workflow.when_rule):
        return  # the provision is not in force in this rule set
    definition = catalogue().latest(next_workflow.workflow)
    assert definition is not None  # the catalogue checks every outcome's workflow
    if any(i.definition_key == definition.key for i in active_instances(session, placement.id)):
        return
    start = today()
    if next_workflow.from_field is not None:
        start = date.fromisoformat(str((task.answers or {})[next_workflow.from_field]))
    start_instance(
        session,
        placement=placement,
        child=child,
        definition=definition,
        workflow_start=start,
        planned_from=max(start, _backfill()),
        actor=actor,
        rules=rules,
        start_reason=next_workflow.start_text,
        first_due=next_workflow.first_due,
    )


def require_running(session: Session, instance_id: uuid.UUID) -> None:
    """A task is reopened only while its workflow runs; a closed one is started again instead."""
    instance = session.get_one(WorkflowInstance, instance_id)
    if instance.status is not InstanceStatus.ACTIVE:
        raise Conflict("The workflow is no longer running; start it again instead.")


def reassign_open_tasks(
    session: Session, placement: Placement, *, old: uuid.UUID, new: uuid.UUID
) -> None:
    """A new contact person takes over the open tasks the old one had on this placement."""
    for task in session.scalars(
        select(Task).where(
            Task.placement_id == placement.id,
            Task.assignee_id == old,
            Task.status == TaskStatus.OPEN,
        )
    ):
        task.assignee_id = new


def spread(session: Session, placement: Placement, *, actor: str) -> None:
    """Spread bunched deadlines among the tasks this request planned (:mod:`.spreading`)."""
    planned = session.info.pop(JUST_PLANNED, [])
    if not planned:
        return
    spread_deadlines(
        session,
        planned,
        rules=current_rule_set(session),
        closed=_closed_days(session, placement.service_id),
        actor=actor,
    )


JUST_PLANNED = "fosterflyt.just_planned"


def just_planned(session: Session) -> list[Task]:
    """The tasks this session's re-plans created or moved: only they may be spread (a task
    someone is looking at does not change under them because another one was completed)."""
    found: list[Task] = session.info.setdefault(JUST_PLANNED, [])
    return found


def reassign_supervisor_tasks(session: Session, placement: Placement) -> None:
    """The placement's (new) foster-home supervisor takes over its open supervisor tasks."""
    for task in session.scalars(
        select(Task).where(
            Task.placement_id == placement.id,
            Task.responsible_role == Role.SUPERVISOR.value,
            Task.status == TaskStatus.OPEN,
        )
    ):
        task.assignee_id = placement.supervisor_id


def sync_all(session: Session, *, actor: str, batch: int = 200) -> dict[str, int]:
    """Recalculate every running instance: rolls the planning horizon forward and applies the
    rule set in force to open tasks nobody edited. Commits after each batch of instances."""
    rules = current_rule_set(session)
    counts = {"instances": 0, "created": 0, "moved": 0, "cancelled": 0}
    reason = f"Planen ble oppdatert (regelsett v{rules.version}, ny planleggingshorisont)."
    last: uuid.UUID | None = None
    placements: set[uuid.UUID] = set()
    while True:
        stmt = select(WorkflowInstance).where(WorkflowInstance.status == InstanceStatus.ACTIVE)
        if last is not None:
            stmt = stmt.where(WorkflowInstance.id > last)
        instances = list(session.scalars(stmt.order_by(WorkflowInstance.id).limit(batch)))
        if not instances:
            return counts
        for instance in instances:
            placement = session.get_one(Placement, instance.placement_id)
            child = session.get_one(Child, placement.child_id)
            for change in sync_instance(
                session,
                instance,
                placement=placement,
                child=child,
                rules=rules,
                actor=actor,
                reason=reason,
            ):
                counts[change.action] += 1
            counts["instances"] += 1
            placements.add(placement.id)
        for placement_id in sorted(placements):
            spread(session, session.get_one(Placement, placement_id), actor=actor)
        placements.clear()
        last = instances[-1].id
        session.commit()
