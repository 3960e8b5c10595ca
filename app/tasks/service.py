"""Tasks: list, read, complete (answers checked against the step's form), skip, reopen, move.

What a completed or reopened task means for its workflow is decided in :mod:`app.flows`."""

from __future__ import annotations

import uuid
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, not_, or_, select
from sqlalchemy.orm import Session

from app import policy
from app.audit.trail import AuditTrail
from app.clock import today
from app.db import utcnow
from app.errors import Conflict, UnknownReference, ValidationFailed, body_error
from app.pagination import paginate
from app.placements.models import Placement
from app.placements.service import PlacementRepository
from app.planning.definitions import Definition, Step, catalogue
from app.planning.definitions import Role as StepRole
from app.planning.forms import check_answers
from app.policy import Capability
from app.preconditions import Precondition
from app.principal import Principal
from app.staff.service import StaffRepository
from app.tasks.errors import TaskNotOpen
from app.tasks.events import emit_task
from app.tasks.models import Task, TaskChange, TaskEvent, TaskStatus
from app.tasks.schemas import (
    FormFieldRead,
    OutcomeRead,
    TaskComplete,
    TaskFilters,
    TaskRead,
    TaskSkip,
    TaskUpdate,
)
from app.tenancy import TenantRepository


class TaskRepository(TenantRepository[Task]):
    model = Task
    path = "tasks"
    noun = "task"

    def case_filter(self, staff_id: Any) -> ColumnElement[bool]:
        follows = exists().where(
            Placement.id == Task.placement_id,
            Placement.contact_person_id == staff_id,
        )
        return or_(follows, Task.assignee_id == staff_id)

    def supervised_filter(self, staff_id: Any) -> ColumnElement[bool]:
        supervises = exists().where(
            Placement.id == Task.placement_id,
            Placement.supervisor_id == staff_id,
        )
        return or_(supervises, Task.assignee_id == staff_id)


def step_of(task: Task) -> Step:
    definition = catalogue().get(task.definition_key, task.definition_version)
    return definition.step(task.step_key)


def is_overdue(task: Task, on: date) -> bool:
    return task.status is TaskStatus.OPEN and task.due_date < on


@lru_cache(maxsize=1024)
def _step_parts(
    definition_key: str, version: int, step_key: str
) -> tuple[tuple[FormFieldRead, ...], tuple[OutcomeRead, ...] | None]:
    """A step's form and outcomes as the API shows them, built once per step (a definition
    version never changes) instead of once per task shown: a page of 50 tasks spent about a
    tenth of its time converting the same forms again."""
    step = catalogue().get(definition_key, version).step(step_key)
    form = tuple(FormFieldRead.model_validate(f.model_dump()) for f in step.form)
    outcomes = (
        tuple(OutcomeRead(key=o.key, label=o.label, requires=o.requires) for o in step.outcomes)
        if step.outcomes
        else None
    )
    return form, outcomes


def to_read(task: Task, on: date | None = None) -> TaskRead:
    step = step_of(task)
    form, outcomes = _step_parts(task.definition_key, task.definition_version, task.step_key)
    return TaskRead(
        id=task.id,
        service_id=task.service_id,
        placement_id=task.placement_id,
        workflow_id=task.instance_id,
        definition_key=task.definition_key,
        definition_version=task.definition_version,
        step_key=task.step_key,
        occurrence=task.occurrence,
        title=task.title,
        guidance=step.guidance,
        responsible_role=task.responsible_role,
        assignee_id=task.assignee_id,
        due_date=task.due_date,
        nominal_date=task.nominal_date,
        overdue=is_overdue(task, on or today()),
        due_edited=task.due_edited,
        spread_from=task.spread_from,
        rule=task.rule,
        legal_basis=task.legal_basis,
        explanation=task.explanation,
        rule_set_version=task.rule_set_version,
        status=task.status,
        form=list(form),
        outcomes=list(outcomes) if outcomes is not None else None,
        templates=step.templates,
        answers=task.answers,
        parent_household_id=task.parent_household_id,
        outcome=task.outcome,
        completed_at=task.completed_at,
        completed_by=task.completed_by,
        skip_reason=task.skip_reason,
        created_at=task.created_at,
        updated_at=task.updated_at,
    )


def list_tasks(
    session: Session, principal: Principal, params: TaskFilters, *, audit: AuditTrail
) -> tuple[list[Task], str | None]:
    on = today()
    stmt = TaskRepository(session, principal).readable()
    for name in ("service_id", "placement_id", "assignee_id", "status"):
        value = getattr(params, name)
        if value is not None:
            stmt = stmt.where(getattr(Task, name) == value)
    if params.due_before is not None:
        stmt = stmt.where(Task.due_date <= params.due_before)
    if params.due_after is not None:
        stmt = stmt.where(Task.due_date >= params.due_after)
    overdue = and_(Task.status == TaskStatus.OPEN, Task.due_date < on)
    if params.overdue is True:
        stmt = stmt.where(overdue)
    elif params.overdue is False:
        stmt = stmt.where(not_(overdue))
    if params.updated_since is not None:
        stmt = stmt.where(Task.updated_at >= params.updated_since)
    rows, cursor = paginate(
        session, stmt, Task, cursor=params.cursor, limit=params.limit, sort=Task.due_date
    )
    audit.many(rows)
    return rows, cursor


def count_open_after(
    session: Session,
    principal: Principal,
    *,
    assignee_ids: list[uuid.UUID],
    after: date,
    placement_id: uuid.UUID | None = None,
) -> int:
    """How many open tasks of these assignees fall due after ``after`` (what a work list counts
    instead of listing: a number, no child's data, so no audit entry)."""
    stmt = (
        TaskRepository(session, principal)
        .readable()
        .where(
            Task.status == TaskStatus.OPEN,
            Task.assignee_id.in_(assignee_ids),
            Task.due_date > after,
        )
    )
    if placement_id is not None:
        stmt = stmt.where(Task.placement_id == placement_id)
    return int(session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)


def get_task(
    session: Session, principal: Principal, task_id: uuid.UUID, *, audit: AuditTrail
) -> Task:
    return audit.one(TaskRepository(session, principal).get(task_id))


def first_open(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    *,
    definition_key: str,
    step_key: str,
) -> Task | None:
    """The placement's earliest-due open task of a step (the next supervision visit), if any."""
    stmt = (
        TaskRepository(session, principal)
        .readable()
        .where(
            Task.placement_id == placement_id,
            Task.definition_key == definition_key,
            Task.step_key == step_key,
            Task.status == TaskStatus.OPEN,
        )
        .order_by(Task.due_date, Task.occurrence)
        .limit(1)
    )
    return session.scalars(stmt).first()


def changes(
    session: Session, principal: Principal, task_id: uuid.UUID, *, audit: AuditTrail
) -> list[TaskChange]:
    task = audit.one(TaskRepository(session, principal).get(task_id), detail="changes")
    stmt = select(TaskChange).where(TaskChange.task_id == task.id)
    return list(session.scalars(stmt.order_by(TaskChange.changed_at, TaskChange.id)))


def placement_timeline(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    *,
    include_cancelled: bool,
    audit: AuditTrail,
) -> tuple[Placement, list[Task]]:
    """The placement's year wheel: its tasks by due date (recorded as a read of the placement)."""
    placement = audit.one(
        PlacementRepository(session, principal).get(placement_id), detail="timeline"
    )
    return placement, timeline(session, principal, placement, include_cancelled=include_cancelled)


def timeline(
    session: Session, principal: Principal, placement: Placement, *, include_cancelled: bool
) -> list[Task]:
    stmt = TaskRepository(session, principal).readable().where(Task.placement_id == placement.id)
    if not include_cancelled:
        stmt = stmt.where(Task.status != TaskStatus.CANCELLED)
    return list(session.scalars(stmt.order_by(Task.due_date, Task.step_key, Task.occurrence)))


def _record(
    session: Session,
    task: Task,
    principal: Principal,
    action: str,
    reason: str,
    old: date | None = None,
    new: date | None = None,
) -> None:
    session.add(
        TaskChange(
            service_id=task.service_id,
            task_id=task.id,
            changed_by=principal.subject,
            action=action,
            old_due_date=old,
            new_due_date=new,
            reason=reason,
        )
    )


def _open_for_update(
    session: Session, principal: Principal, task_id: uuid.UUID, precondition: Precondition
) -> Task:
    task = TaskRepository(session, principal).get_for_update(task_id)
    if task.assignee_id is None or task.assignee_id != principal.staff_id_in(task.service_id):
        policy.require(principal, Capability.WORK_ON_ANY_CASE_TASK, task.service_id)
    precondition.check(task)
    if task.status is not TaskStatus.OPEN:
        raise TaskNotOpen(f"The task is {task.status.value}.")
    return task


def _may_complete(principal: Principal, step: Step, task: Task) -> None:
    # The task's own role: one occurrence may go to the leader (a too-short agreement).
    if task.responsible_role == StepRole.LEADER.value:
        policy.require(principal, Capability.COMPLETE_LEADER_STEP, task.service_id)


def complete_task(
    session: Session,
    principal: Principal,
    task_id: uuid.UUID,
    *,
    data: TaskComplete,
    precondition: Precondition,
    audit: AuditTrail,
) -> Task:
    task = _open_for_update(session, principal, task_id, precondition)
    step = step_of(task)
    _may_complete(principal, step, task)
    problems = check_answers(step, data.answers, data.outcome)
    if problems:
        raise ValidationFailed(
            "The answers do not fit the step's form.",
            errors=[body_error(p.field, p.detail, p.code) for p in problems],
        )
    task.status = TaskStatus.COMPLETED
    task.answers = data.answers
    task.outcome = data.outcome
    task.completed_at = utcnow()
    task.completed_by = principal.subject
    _record(session, task, principal, "completed", "Oppgaven ble fullført.")
    emit_task(session, task, TaskEvent.COMPLETED, outcome=data.outcome)
    session.flush()
    return audit.one(task, detail="complete")


def _is_assessment(definition: Definition) -> bool:
    """A workflow that ends in one decision (the return-home funnel): a step, not a recurring
    one, with an outcome that closes it. A plan's recurring reviews, whose conclusions mostly
    let it go on, leave its other steps (making the follow-up plan) free to be skipped."""
    return any(
        step.due.recurrence is None and any(not o.continues for o in step.outcomes or [])
        for step in definition.steps
    )


def skip_task(
    session: Session,
    principal: Principal,
    task_id: uuid.UUID,
    *,
    data: TaskSkip,
    precondition: Precondition,
    audit: AuditTrail,
) -> Task:
    task = _open_for_update(session, principal, task_id, precondition)
    definition = catalogue().get(task.definition_key, task.definition_version)
    if step_of(task).outcomes or _is_assessment(definition):
        # A step that ends in a conclusion needs one (a plan's review too), and an assessment
        # that ends in a decision needs a conclusion at every stage.
        raise Conflict("The steps of an assessment cannot be skipped; complete them.")
    task.status = TaskStatus.SKIPPED
    task.skip_reason = data.reason
    task.completed_at = utcnow()
    task.completed_by = principal.subject
    _record(session, task, principal, "skipped", data.reason)
    emit_task(session, task, TaskEvent.SKIPPED)
    session.flush()
    return audit.one(task, detail="skip")


def reopen_task(
    session: Session,
    principal: Principal,
    task_id: uuid.UUID,
    *,
    precondition: Precondition,
    audit: AuditTrail,
) -> Task:
    task = TaskRepository(session, principal).get_for_update(task_id)
    policy.require(principal, Capability.REOPEN_TASK, task.service_id)
    precondition.check(task)
    if task.status not in (TaskStatus.COMPLETED, TaskStatus.SKIPPED):
        raise TaskNotOpen(
            f"Only completed or skipped tasks can be reopened; this is {task.status}."
        )
    task.status = TaskStatus.OPEN
    task.completed_at = None
    task.completed_by = None
    task.skip_reason = None
    task.outcome = None
    _record(session, task, principal, "reopened", "Oppgaven ble gjenåpnet av leder.")
    emit_task(session, task, TaskEvent.REOPENED)
    session.flush()
    return audit.one(task, detail="reopen")


def update_task(
    session: Session,
    principal: Principal,
    task_id: uuid.UUID,
    *,
    data: TaskUpdate,
    precondition: Precondition,
    audit: AuditTrail,
) -> Task:
    task = _open_for_update(session, principal, task_id, precondition)
    changes: dict[str, Any] = data.changes()
    if "assignee_id" in changes and data.assignee_id is not None:
        staff = StaffRepository(session, principal).in_service(task.service_id, data.assignee_id)
        if staff is None:
            raise UnknownReference(
                "The assignee is not a staff member of the task's service.",
                errors=[body_error("assignee_id", "No such staff member", "unknown_reference")],
            )
    if "assignee_id" in changes:
        task.assignee_id = data.assignee_id
    if data.due_date is not None and data.due_date != task.due_date:
        _record(
            session,
            task,
            principal,
            "edited",
            "Fristen ble flyttet for hånd.",
            old=task.due_date,
            new=data.due_date,
        )
        task.due_date = data.due_date
        task.due_edited = True
        emit_task(
            session, task, TaskEvent.RESCHEDULED, due_date=data.due_date.isoformat(), by_hand=True
        )
    session.flush()
    return audit.one(task)
