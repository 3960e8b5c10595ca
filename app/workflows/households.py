"""The parents' follow-up, per household (issue #14 item 1).

A workflow planned per parent household (``per_parent_household``: the parents' follow-up
conversations, Veien videre) runs once for each household of the child's parents who want
follow-up and have not declined: parents who live together share one run, parents who live
apart get one each. While no parent is registered, one run follows up the parents together.

When the child's parents change, each running placement of the child is brought in line:

- a household no longer followed up (every parent in it declined, or moved to another
  household) has its run closed; its open tasks are cancelled with the reason (who declined and
  when), its completed ones stay;
- the run for the parents together closes once parents are registered, and each household gets
  its own;
- a household followed up that has no run gets one (for a workflow that starts with the
  placement; one started on request is started per parent by whoever asks);
- a household whose names changed gets its open tasks retitled.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.children.models import Child
from app.clock import today
from app.foster_homes.models import FosterHome
from app.people import service as people
from app.placements.models import Placement
from app.planning.definitions import Definition, Starts, catalogue
from app.planning.durations import norwegian_date
from app.tasks.models import Task, TaskStatus
from app.workflows.models import WorkflowAdjustment, WorkflowInstance
from app.workflows.service import (
    Change,
    _backfill,
    _care_order_start,
    _close,
    _counts_from_care_order,
    _instance_tasks,
    _lapse,
    active_instances,
    current_rule_set,
    households_followed_up,
    spread,
    start_instance,
)

TOGETHER_CLOSED = (
    "Foreldrene er registrert hver for seg: oppfølgingen planlegges nå for hver husstand."
)
MOVED = "Forelderen bor nå i en annen husstand: oppfølgingen følger den nye husstanden."


def on_parents_changed(session: Session, child_id: uuid.UUID, *, actor: str) -> list[Change]:
    """Bring the per-household runs of the child's running placements in line with its
    parents; returns the tasks cancelled and planned."""
    child = session.get_one(Child, child_id)
    changes: list[Change] = []
    session.flush()
    placements = session.scalars(
        select(Placement).where(Placement.child_id == child.id).order_by(Placement.start_date)
    )
    for placement in placements:
        if placement.end_date is not None and placement.end_date <= today():
            continue
        found = _reconcile(session, placement, child, actor=actor)
        if found:
            spread(session, placement, actor=actor)
        changes += found
    return changes


def _applies(session: Session, definition: Definition, placement: Placement) -> bool:
    """Whether the workflow starts with this placement (as ``on_placement_created`` decides)."""
    if definition.starts is not Starts.ON_PLACEMENT:
        return False
    if definition.legal_bases and placement.legal_basis.value not in definition.legal_bases:
        return False
    home = session.get_one(FosterHome, placement.foster_home_id)
    if definition.foster_home_kinds and home.kind.value not in definition.foster_home_kinds:
        return False
    if definition.optional:
        start = session.scalar(
            select(WorkflowAdjustment.start).where(
                WorkflowAdjustment.service_id == placement.service_id,
                WorkflowAdjustment.definition_key == definition.key,
            )
        )
        if start == Starts.ON_REQUEST.value:
            return False
    return True


def _why_not(household: people.Household | None) -> str:
    """Why a household's run closes, naming who declined and when."""
    if household is None:
        return MOVED
    if household.declined:
        who = "; ".join(
            f"{name} takket nei {norwegian_date(day)}" for name, day in household.declined
        )
        return f"{who}: oppfølgingen er avsluttet, fullførte samtaler står."
    return f"{household.names_text} ønsker ikke oppfølging: oppfølgingen er avsluttet."


def _reconcile(session: Session, placement: Placement, child: Child, *, actor: str) -> list[Change]:
    wanted = dict(households_followed_up(session, child.id))
    registered = {h.id: h for h in people.households(session, child.id)}
    running: dict[str, list[WorkflowInstance]] = {}
    for instance in active_instances(session, placement.id):
        running.setdefault(instance.definition_key, []).append(instance)
    changes: list[Change] = []
    for definition in catalogue().all_latest():
        if not definition.per_parent_household:
            continue
        applies = _applies(session, definition, placement)
        instances = running.get(definition.key, [])
        seen: set[uuid.UUID | None] = set()
        for instance in instances:
            household_id = instance.parent_household_id
            if household_id in wanted:
                seen.add(household_id)
                _retitle(session, instance, definition, wanted[household_id])
                continue
            if household_id is None and not applies:
                continue  # started on request for the parents together: whoever asked decides
            reason = (
                TOGETHER_CLOSED if household_id is None else _why_not(registered.get(household_id))
            )
            for task in _instance_tasks(session, instance.id):
                if task.status is TaskStatus.OPEN:
                    changes.append(_lapse(session, task, actor=actor, reason=reason))
            _close(session, instance)
        if not applies:
            continue
        for household_id in wanted:
            if household_id in seen:
                continue
            changes += _start(session, definition, placement, child, household_id, actor=actor)
    session.flush()
    return changes


def _start(
    session: Session,
    definition: Definition,
    placement: Placement,
    child: Child,
    household_id: uuid.UUID | None,
    *,
    actor: str,
) -> list[Change]:
    rules = current_rule_set(session)
    planned_from = max(placement.start_date, _backfill())
    workflow_start, reason = placement.start_date, None
    if _counts_from_care_order(definition) and placement.care_order_date is not None:
        planned_from = max(placement.care_order_date, planned_from)
        workflow_start, reason = _care_order_start(
            session, definition, placement, planned_from, rules
        )
    changes: list[Change] = []
    start_instance(
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
        parent_household_id=household_id,
    )
    return changes


def _retitle(
    session: Session, instance: WorkflowInstance, definition: Definition, names: str | None
) -> None:
    """The open tasks of a household take its parents' names as they are now (title and
    explanation)."""
    for task in session.scalars(
        select(Task).where(Task.instance_id == instance.id, Task.status == TaskStatus.OPEN)
    ):
        step = next((s for s in definition.steps if s.key == task.step_key), None)
        if step is None or task.title == step.title_for(names):
            continue
        before = step.parents_in(task.title)
        if before is not None and names is not None:
            task.explanation = task.explanation.replace(f"Gjelder {before}.", f"Gjelder {names}.")
        task.title = step.title_for(names)
