"""Follow-up visits held, whatever planned them (review §2.4).

The law asks for a minimum of visits a year, "og ellers så ofte som nødvendig". Three things count
as a follow-up visit: a completed visit of the legal schedule (``oppfolgingsbesok``), a completed
programme step marked ``counts_as_visit`` (Omsorgspakken's home visits in the first two months),
and an extra visit recorded without a plan. Each year since the move is counted against the rule
set's minimum (the reduced one when a reduction was in force all year).

The choice (issue #19 item 5): Omsorgspakken's home visits count towards the minimum, rather than
a legal visit being planned inside the first month as well. A service that switches those visits
off still has four planned visits in the first year (at three, six, nine and twelve months).
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit.trail import AuditTrail
from app.clock import OSLO, today
from app.errors import FieldError, NotFound, ValidationFailed, body_error
from app.placements.models import Placement
from app.placements.service import PlacementRepository
from app.planning.definitions import catalogue
from app.principal import Principal
from app.tasks.models import Task, TaskStatus
from app.workflows import service as workflows
from app.workflows.models import ExtraVisit, VisitReduction
from app.workflows.schemas import (
    ExtraVisitCreate,
    FollowUpVisits,
    VisitHeld,
    VisitKind,
    VisitYear,
)

EXTRA_TITLE = "Ekstra oppfølgingsbesøk"
MINIMUM = "follow_up_visits_per_year"
REDUCED = "follow_up_visits_reduced_per_year"


def record_extra_visit(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    *,
    data: ExtraVisitCreate,
    audit: AuditTrail,
) -> ExtraVisit:
    """Record a visit nobody planned; it leaves the plan as it is."""
    placement = PlacementRepository(session, principal).get(placement_id)
    errors = _visit_date_errors(placement, data.visited_on)
    if errors:
        raise ValidationFailed("The visit's date is not in the placement.", errors=errors)
    row = ExtraVisit(
        service_id=placement.service_id,
        placement_id=placement.id,
        visited_on=data.visited_on,
        spoke_with_child_alone=data.spoke_with_child_alone,
        reason=data.reason,
        notes=data.notes,
        recorded_by=principal.subject,
    )
    session.add(row)
    session.flush()
    return audit.one(row)


def read_extra_visit(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    visit_id: uuid.UUID,
    *,
    audit: AuditTrail,
) -> ExtraVisit:
    placement = PlacementRepository(session, principal).get(placement_id)
    row = session.scalar(
        select(ExtraVisit).where(ExtraVisit.id == visit_id, ExtraVisit.placement_id == placement.id)
    )
    if row is None:
        raise NotFound("No extra visit with this id on this placement.")
    return audit.one(row)


def _visit_date_errors(placement: Placement, visited_on: date) -> list[FieldError]:
    if visited_on > today():
        return [body_error("visited_on", "A visit is recorded after it was held", "in_future")]
    if visited_on < placement.start_date:
        return [body_error("visited_on", "Before the placement started", "before_start")]
    if placement.end_date is not None and visited_on > placement.end_date:
        return [body_error("visited_on", "After the placement ended", "after_end")]
    return []


def follow_up_visits(
    session: Session, principal: Principal, placement_id: uuid.UUID, *, audit: AuditTrail
) -> FollowUpVisits:
    """Every visit that counts, earliest first, and each year since the move against the
    minimum."""
    placement = PlacementRepository(session, principal).get(placement_id)
    tasks = list(
        session.scalars(
            select(Task).where(
                Task.placement_id == placement.id, Task.status == TaskStatus.COMPLETED
            )
        )
    )
    extras = list(
        session.scalars(select(ExtraVisit).where(ExtraVisit.placement_id == placement.id))
    )
    visits = [v for v in (_held(t) for t in tasks) if v is not None]
    visits += [
        VisitHeld(
            visited_on=e.visited_on, kind=VisitKind.EXTRA, title=EXTRA_TITLE, extra_visit_id=e.id
        )
        for e in extras
    ]
    visits.sort(key=lambda v: (v.visited_on, v.kind.value))
    audit.one(placement, detail="follow-up-visits")  # no visits yet is a read too
    counted = {v.task_id for v in visits}
    audit.many([t for t in tasks if t.id in counted])
    audit.many(extras)
    rules = workflows.current_rule_set(session)
    reductions = [
        (r.effective_from, r.ended_on)
        for r in session.scalars(
            select(VisitReduction).where(VisitReduction.placement_id == placement.id)
        )
    ]
    return FollowUpVisits(
        placement_id=placement.id,
        rule=rules.cited(MINIMUM),
        visits=visits,
        years=_years(
            placement,
            visits,
            reductions,
            minimum=int(rules.values[MINIMUM].value),
            reduced=int(rules.values[REDUCED].value),
        ),
    )


def _held(task: Task) -> VisitHeld | None:
    """The visit a completed task records, if its step counts as a follow-up visit."""
    step = catalogue().get(task.definition_key, task.definition_version).step(task.step_key)
    if step.counts_as_visit is None:
        return None
    answered = (task.answers or {}).get(step.counts_as_visit)
    if isinstance(answered, str):
        visited_on = date.fromisoformat(answered)
    elif task.completed_at is not None:
        visited_on = task.completed_at.astimezone(OSLO).date()
    else:  # pragma: no cover - a completed task has its time
        return None
    planned = task.definition_key == "oppfolgingsbesok"
    return VisitHeld(
        visited_on=visited_on,
        kind=VisitKind.PLANNED if planned else VisitKind.PROGRAMME,
        title=task.title,
        task_id=task.id,
    )


def _years(
    placement: Placement,
    visits: list[VisitHeld],
    reductions: list[tuple[date, date | None]],
    *,
    minimum: int,
    reduced: int,
) -> list[VisitYear]:
    """Each year since the move that has begun, up to today or the placement's end."""
    years: list[VisitYear] = []
    last = min(today(), placement.end_date) if placement.end_date else today()
    n = 0
    while True:
        begins = placement.start_date + relativedelta(years=n)
        if begins > last:
            return years
        full_end = placement.start_date + relativedelta(years=n + 1) - timedelta(days=1)
        ends = min(full_end, placement.end_date) if placement.end_date else full_end
        complete = ends == full_end and ends < today()
        all_year = any(
            start <= begins and (end is None or end >= ends) for start, end in reductions
        )
        required = reduced if all_year else minimum
        held = sum(1 for v in visits if begins <= v.visited_on <= ends)
        years.append(
            VisitYear(
                starts_on=begins,
                ends_on=ends,
                complete=complete,
                held=held,
                required=required,
                reduced=all_year,
                met=(held >= required) if complete else None,
            )
        )
        n += 1
