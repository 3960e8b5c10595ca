"""The national audit's questions as indicators (issue #17 item 2), each counted per service by
SQL aggregates. docs/oversight.md defines each one in the same words:

- ``visits_spoken_alone``: of the follow-up visits held in the period (completed
  ``oppfolgingsbesok`` visits by their visit date, and extra visits), those where the child was
  spoken to alone;
- ``supervision_spoken_alone``: the same for the supervision visits (``tilsyn``);
- ``children_with_current_plan``: of the children placed today, those with a care plan or a
  measures plan adopted on or before today and not expired;
- ``children_below_visit_minimum``: of the children placed in the same home for the whole last
  twelve months, those with fewer visits that count as follow-up visits in them than the rule
  set's minimum (the reduced minimum when a reduction covered the whole twelve months);
- ``assessments_without_conclusion``: of the decision steps' tasks (steps that end in an
  outcome) due in the period and by today, those still open: no conclusion by the deadline;
- ``decisions_not_carried_out``: decisions.md 9. Of the tasks of the workflows a decision's
  outcome starts (the tribunal case after "fremme for nemnda", the follow-up after a return
  home, a new assessment), due in the period and by today, those still open: not carried out by
  their date.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import ColumnElement, Select, and_, case, false, func, or_, tuple_
from sqlalchemy.orm import Session

from app.oversight.access import (
    OversightExtraVisits,
    OversightPlacements,
    OversightPlans,
    OversightReductions,
    OversightTasks,
    readable,
)
from app.oversight.period import Period
from app.oversight.rules import rules
from app.placements.models import Placement
from app.planning.definitions import catalogue
from app.plans.models import Plan, PlanKind
from app.principal import Principal
from app.tasks.models import Task, TaskStatus
from app.workflows.models import ExtraVisit, VisitReduction
from app.workflows.service import current_rule_set

MINIMUM = "follow_up_visits_per_year"
REDUCED = "follow_up_visits_reduced_per_year"
VISIT = ("oppfolgingsbesok", "besok")
SUPERVISION = ("tilsyn", "tilsynsbesok")
# The yes/no field of a visit's form that says whether the child was spoken to alone, and the
# field with the visit's date.
SPOKEN_ALONE = {VISIT: "snakket_med_barnet_alene", SUPERVISION: "samtale_med_barnet_alene"}
VISITED_ON = {VISIT: "besoksdato", SUPERVISION: "besoksdato"}
PLANS = (PlanKind.CARE_PLAN, PlanKind.MEASURES_PLAN)

KEYS = (
    "visits_spoken_alone",
    "supervision_spoken_alone",
    "children_with_current_plan",
    "children_below_visit_minimum",
    "assessments_without_conclusion",
    "decisions_not_carried_out",
)


@dataclass(frozen=True)
class Figure:
    numerator: int = 0
    denominator: int = 0

    @property
    def share(self) -> float | None:
        return None if self.denominator == 0 else round(self.numerator / self.denominator, 4)

    def __add__(self, other: Figure) -> Figure:
        return Figure(self.numerator + other.numerator, self.denominator + other.denominator)


PerService = dict[uuid.UUID, Figure]


@cache
def visit_fields() -> dict[tuple[str, str], str]:
    """Every step that counts as a follow-up visit, and its form field with the visit's date."""
    shipped = catalogue()
    return {
        (latest.key, step.key): step.counts_as_visit
        for latest in shipped.all_latest()
        for version in shipped.versions(latest.key)
        for step in shipped.get(latest.key, version).steps
        if step.counts_as_visit is not None
    }


@cache
def decided_workflows() -> frozenset[str]:
    """The workflows a decision's outcome starts."""
    shipped = catalogue()
    return frozenset(
        outcome.starts.workflow
        for latest in shipped.all_latest()
        for version in shipped.versions(latest.key)
        for step in shipped.get(latest.key, version).steps
        for outcome in step.outcomes or []
        if outcome.starts is not None
    )


def _step_in(pairs: Iterable[tuple[str, str]]) -> ColumnElement[bool]:
    found = sorted(pairs)
    return false() if not found else tuple_(Task.definition_key, Task.step_key).in_(found)


def _rows(session: Session, stmt: Select[*tuple[Any, ...]]) -> PerService:
    """(service_id, numerator, denominator) rows as figures by service."""
    return {
        row[0]: Figure(int(row[1] or 0), int(row[2] or 0)) for row in session.execute(stmt).all()
    }


def _merge(*parts: PerService) -> PerService:
    merged: PerService = {}
    for part in parts:
        for service_id, figure in part.items():
            merged[service_id] = merged.get(service_id, Figure()) + figure
    return merged


def spoken_alone(
    session: Session, tasks: Select[Any], period: Period, step: tuple[str, str]
) -> PerService:
    visited = Task.answers[VISITED_ON[step]].as_string()
    alone = Task.answers[SPOKEN_ALONE[step]].as_boolean()
    stmt = (
        tasks.with_only_columns(
            Task.service_id, func.sum(case((alone.is_(True), 1), else_=0)), func.count()
        )
        .where(
            Task.definition_key == step[0],
            Task.step_key == step[1],
            Task.status == TaskStatus.COMPLETED,
            visited >= period.start.isoformat(),
            visited <= period.end.isoformat(),
        )
        .group_by(Task.service_id)
    )
    return _rows(session, stmt)


def extra_spoken_alone(session: Session, extras: Select[Any], period: Period) -> PerService:
    stmt = (
        extras.with_only_columns(
            ExtraVisit.service_id,
            func.sum(case((ExtraVisit.spoke_with_child_alone.is_(True), 1), else_=0)),
            func.count(),
        )
        .where(ExtraVisit.visited_on >= period.start, ExtraVisit.visited_on <= period.end)
        .group_by(ExtraVisit.service_id)
    )
    return _rows(session, stmt)


def _placed_on(on: date) -> ColumnElement[bool]:
    return and_(
        Placement.start_date <= on, or_(Placement.end_date.is_(None), Placement.end_date > on)
    )


def current_plan(
    session: Session, placements: Select[Any], plans: Select[Any], on: date
) -> PerService:
    plans_now = (
        plans.with_only_columns(Plan.id)
        .where(
            Plan.child_id == Placement.child_id,
            Plan.kind.in_(PLANS),
            Plan.adopted_on <= on,
            or_(Plan.valid_until.is_(None), Plan.valid_until >= on),
        )
        .exists()
    )
    stmt = (
        placements.with_only_columns(
            Placement.service_id,
            func.count(func.distinct(case((plans_now, Placement.child_id)))),
            func.count(func.distinct(Placement.child_id)),
        )
        .where(_placed_on(on))
        .group_by(Placement.service_id)
    )
    return _rows(session, stmt)


def below_visit_minimum(
    session: Session,
    placements: Select[Any],
    tasks: Select[Any],
    extras: Select[Any],
    reductions: Select[Any],
    on: date,
    *,
    minimum: int,
    reduced: int,
) -> PerService:
    """Children placed in the same home for the whole last twelve months, and those of them
    with fewer visits in the twelve months than the minimum."""
    begins = on - relativedelta(years=1) + timedelta(days=1)
    fields = visit_fields()
    visited = case(
        *(
            (and_(Task.definition_key == d, Task.step_key == s), Task.answers[f].as_string())
            for (d, s), f in sorted(fields.items())
        ),
    )
    held_tasks = (
        tasks.with_only_columns(func.count())
        .where(
            Task.placement_id == Placement.id,
            _step_in(fields),
            Task.status == TaskStatus.COMPLETED,
            visited >= begins.isoformat(),
            visited <= on.isoformat(),
        )
        .scalar_subquery()
    )
    held_extra = (
        extras.with_only_columns(func.count())
        .where(
            ExtraVisit.placement_id == Placement.id,
            ExtraVisit.visited_on >= begins,
            ExtraVisit.visited_on <= on,
        )
        .scalar_subquery()
    )
    all_year = (
        reductions.with_only_columns(VisitReduction.id)
        .where(
            VisitReduction.placement_id == Placement.id,
            VisitReduction.effective_from <= begins,
            or_(VisitReduction.ended_on.is_(None), VisitReduction.ended_on >= on),
        )
        .exists()
    )
    required = case((all_year, reduced), else_=minimum)
    below = (held_tasks + held_extra) < required
    stmt = (
        placements.with_only_columns(
            Placement.service_id,
            func.count(func.distinct(case((below, Placement.child_id)))),
            func.count(func.distinct(Placement.child_id)),
        )
        .where(
            Placement.start_date <= begins,
            or_(Placement.end_date.is_(None), Placement.end_date > on),
        )
        .group_by(Placement.service_id)
    )
    return _rows(session, stmt)


def open_after_due(
    session: Session, tasks: Select[Any], period: Period, steps: ColumnElement[bool], on: date
) -> PerService:
    """Of the tasks of ``steps`` due in the period and before today (or done), those open."""
    is_open = and_(Task.status == TaskStatus.OPEN, Task.due_date < on)
    stmt = (
        tasks.with_only_columns(
            Task.service_id, func.sum(case((is_open, 1), else_=0)), func.count()
        )
        .where(
            steps,
            Task.due_date >= period.start,
            Task.due_date <= period.end,
            or_(Task.status == TaskStatus.COMPLETED, is_open),
        )
        .group_by(Task.service_id)
    )
    return _rows(session, stmt)


def indicators(
    session: Session, principal: Principal, service_ids: list[uuid.UUID], period: Period, on: date
) -> dict[str, PerService]:
    """Every indicator, by key, per service."""
    tasks = readable(OversightTasks, session, principal, service_ids)
    placements = readable(OversightPlacements, session, principal, service_ids)
    extras = readable(OversightExtraVisits, session, principal, service_ids)
    plans = readable(OversightPlans, session, principal, service_ids)
    reductions = readable(OversightReductions, session, principal, service_ids)
    rule_set = current_rule_set(session)
    decisions = [(r.definition_key, r.step_key) for r in rules().values() if r.decision]
    decided = [
        (r.definition_key, r.step_key)
        for r in rules().values()
        if r.definition_key in decided_workflows()
    ]
    return {
        "visits_spoken_alone": _merge(
            spoken_alone(session, tasks, period, VISIT),
            extra_spoken_alone(session, extras, period),
        ),
        "supervision_spoken_alone": spoken_alone(session, tasks, period, SUPERVISION),
        "children_with_current_plan": current_plan(session, placements, plans, on),
        "children_below_visit_minimum": below_visit_minimum(
            session,
            placements,
            tasks,
            extras,
            reductions,
            on,
            minimum=int(rule_set.values[MINIMUM].value),
            reduced=int(rule_set.values[REDUCED].value),
        ),
        "assessments_without_conclusion": open_after_due(
            session, tasks, period, _step_in(decisions), on
        ),
        "decisions_not_carried_out": open_after_due(session, tasks, period, _step_in(decided), on),
    }
