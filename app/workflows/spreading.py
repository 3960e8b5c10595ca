"""Spread bunched deadlines (review §2.10, issue #19 item 6).

When one person has ``bunched_deadlines_per_day`` deadlines or more on one day (four, a local
routine), the ones a local routine sets are moved to an earlier working day where that person
has room: at most ``SPREAD_DAYS`` working days earlier, never before today and never on or before
the day the placement started. A legal deadline never moves, and nothing moves later.

Only the tasks a request has just planned (created, or moved by a re-plan) move: the deadlines
already there stay where people expect them, and a task someone has open does not change under
them because another task was completed. A task the plan later moves for another reason is
considered afresh; one someone moved by hand stays.
"""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import today
from app.placements.models import Placement
from app.planning.definitions import Definition, RuleRef, Shift, Step, catalogue
from app.planning.durations import WEEKDAYS_NB, norwegian_date, number
from app.planning.engine import ClosedDays, is_working_day
from app.planning.rules import Provenance, RuleSet
from app.tasks.events import emit_task
from app.tasks.models import Task, TaskChange, TaskEvent, TaskStatus

SPREAD_DAYS = 3  # working days a deadline may move earlier
RULE = "bunched_deadlines_per_day"


def movable(definition: Definition, step: Step, rules: RuleSet) -> bool:
    """A step whose date a local routine sets: an adjustable programme's (Omsorgspakken), an
    early contact, or one whose every rule is a local routine. Never a step a law's rule dates."""
    used = [
        spec.rule
        for spec in (
            step.due.offset,
            step.due.recurrence.every if step.due.recurrence else None,
            step.due.no_later_than.before if step.due.no_later_than else None,
        )
        if isinstance(spec, RuleRef)
    ]
    if any(rules.provenance(rule) is not Provenance.LOCAL_ROUTINE for rule in used):
        return False
    return bool(used) or definition.adjustable or step.due.shift is Shift.LATER


def spread_deadlines(
    session: Session,
    planned: list[Task],
    *,
    rules: RuleSet,
    closed: ClosedDays,
    actor: str,
) -> int:
    """Move those of ``planned`` that fall on a bunched day of their assignee, if they may move
    and an earlier day has room; returns how many moved."""
    limit = int(rules.values[RULE].value)
    now = today()
    candidates: dict[uuid.UUID, list[Task]] = {}
    for task in planned:
        if (
            task.assignee_id is not None
            and task.status is TaskStatus.OPEN
            and task.due_date >= now
            and _can_move(task, rules)
        ):
            candidates.setdefault(task.assignee_id, []).append(task)
    moved = 0
    starts: dict[uuid.UUID, date] = {}
    for assignee, tasks in sorted(candidates.items(), key=lambda pair: str(pair[0])):
        per_day = _per_day(session, assignee, tasks)
        # The latest in the plan yield first, one at a time while the day is still bunched.
        for task in sorted(tasks, key=yield_order, reverse=True):
            if per_day[task.due_date] < limit:
                continue
            if task.placement_id not in starts:
                start = session.scalar(
                    select(Placement.start_date).where(Placement.id == task.placement_id)
                )
                assert start is not None
                starts[task.placement_id] = start
            target = _room(task, starts[task.placement_id], per_day, limit, closed)
            if target is not None:
                _move(session, task, target, per_day=per_day, limit=limit, actor=actor, rules=rules)
                moved += 1
    if moved:
        session.flush()
    return moved


def yield_order(task: Task) -> tuple[date, date, str, str, int]:
    """Which of a day's tasks yields first (the largest): the latest in the plan, and among
    equals by what the task is, never by its random id, so the same plan spreads the same way
    (a completed evaluation was seen moved in one run and not in the next)."""
    return (task.due_date, task.nominal_date, task.definition_key, task.step_key, task.occurrence)


def _per_day(session: Session, assignee: uuid.UUID, tasks: list[Task]) -> Counter[date]:
    """The assignee's open deadlines per day, over the days these tasks could use."""
    days = [t.due_date for t in tasks]
    earliest = min(days) - timedelta(days=2 * SPREAD_DAYS + 4)  # past weekends and holidays
    rows = session.execute(
        select(Task.due_date, func.count())
        .where(
            Task.assignee_id == assignee,
            Task.status == TaskStatus.OPEN,
            Task.due_date >= earliest,
            Task.due_date <= max(days),
        )
        .group_by(Task.due_date)
    )
    return Counter({day: int(n) for day, n in rows})


def _can_move(task: Task, rules: RuleSet) -> bool:
    if task.due_edited:
        return False
    definition = catalogue().get(task.definition_key, task.definition_version)
    return movable(definition, definition.step(task.step_key), rules)


def _room(
    task: Task, start: date, per_day: Counter[date], limit: int, closed: ClosedDays
) -> date | None:
    """The nearest earlier working day with room, within reach, after the placement started."""
    day, steps = task.due_date, 0
    while steps < SPREAD_DAYS:
        day -= timedelta(days=1)
        if day < today() or day <= start:
            return None
        if not is_working_day(day, closed):
            continue
        steps += 1
        if per_day[day] + 1 < limit:
            return day
    return None


def _day(value: date) -> str:
    return f"{WEEKDAYS_NB[value.weekday()]} {norwegian_date(value)}"


def _move(
    session: Session,
    task: Task,
    target: date,
    *,
    per_day: Counter[date],
    limit: int,
    actor: str,
    rules: RuleSet,
) -> None:
    old = task.due_date
    others = per_day[old] - 1
    per_day[old] -= 1
    per_day[target] += 1
    task.spread_from = task.spread_from or old
    task.due_date = target
    prefix = f"Frist {norwegian_date(old)}: "
    body = task.explanation.removeprefix(prefix)
    frister = "frist" if others == 1 else "frister"
    why = (
        f"Fristen er satt til {_day(target)} i stedet for {_day(old)}, fordi den som har "
        f"oppgaven, har {number(others)} andre {frister} den dagen. {rules.cited(RULE)}."
    )
    basis, found, rest = body.partition(" Grunnlag: ")  # the legal basis stays last
    body = f"{basis} {why} Grunnlag: {rest}" if found else f"{body} {why}"
    task.explanation = f"Frist {norwegian_date(target)}: {body}"
    emit_task(session, task, TaskEvent.RESCHEDULED, due_date=target.isoformat())
    session.add(
        TaskChange(
            service_id=task.service_id,
            task=task,
            changed_by=actor,
            action="moved",
            old_due_date=old,
            new_due_date=target,
            reason=f"Spredt: {others + 1} frister samme dag for samme person (grense {limit}).",
        )
    )
