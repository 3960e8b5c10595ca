"""The case data of the supervision around a placement, for the documents filled from it: the
supervision visitor, the report a review is about, the other children living in the foster
home and the placement's foster-home supervisor (``context.build`` adds these roots)."""

from __future__ import annotations

from datetime import date
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import today
from app.foster_homes.models import FosterHome
from app.placements.models import Placement
from app.staff.models import Staff
from app.supervision import household
from app.supervision import service as supervision
from app.supervision.models import FosterHomeChild, HomeChildRelation, SupervisionReport
from app.tasks.models import Task, TaskStatus

RELATION_NB = {
    HomeChildRelation.OWN_CHILD: "Fosterforeldrenes barn",
    HomeChildRelation.FOSTER_CHILD: "Annet fosterbarn",
    HomeChildRelation.OTHER: "Annet barn i hjemmet",
}
REVIEW_STEP = "gjennomgang_tilsynsrapport"
VISIT_STEP = "tilsynsbesok"


def _nb(value: date | None) -> str | None:
    return value.strftime("%d.%m.%Y") if value is not None else None


def _age(child: FosterHomeChild, on: date) -> str:
    """Whole years today; from the year alone, the age the child turns this year."""
    if child.birth_date is not None:
        return f"{relativedelta(on, child.birth_date).years} år"
    return f"{on.year - child.birth_year} år i år"


def _report_for(
    session: Session, placement: Placement, task: Task | None
) -> SupervisionReport | None:
    """The report a review task is about: the one that completed the visit it follows (the
    n-th completed visit for the n-th review). Otherwise the latest report."""
    if task is not None and task.step_key == REVIEW_STEP:
        visits = list(
            session.scalars(
                select(Task.id)
                .where(
                    Task.instance_id == task.instance_id,
                    Task.step_key == VISIT_STEP,
                    Task.status == TaskStatus.COMPLETED,
                )
                .order_by(Task.occurrence)
            )
        )
        if task.occurrence < len(visits):
            found = supervision.latest_report(
                session, placement.id, task_id=visits[task.occurrence]
            )
            if found is not None:
                return found
    return supervision.latest_report(session, placement.id)


def supervision_context(
    session: Session, placement: Placement, home: FosterHome, *, task: Task | None
) -> dict[str, Any]:
    on = today()
    visitor = supervision.current_visitor(session, placement.id)
    report = _report_for(session, placement, task)
    adviser = (
        session.get(Staff, placement.supervisor_id) if placement.supervisor_id is not None else None
    )
    return {
        "tilsynsforer": (
            {
                "navn": visitor.name,
                "telefon": visitor.phone,
                "epost": visitor.email,
                "oppnevnt": _nb(visitor.appointed_on),
                "politiattest_kontrollert": _nb(visitor.police_certificate_checked_on),
                "kurs_fullfort": _nb(visitor.training_completed_on),
                "avtale_signert": _nb(visitor.agreement_signed_on),
            }
            if visitor is not None
            else {}
        ),
        "tilsynsrapport": (
            {
                "besoksdato": _nb(report.visit_date),
                "mottatt": _nb(report.received_on),
                "samtale_alene": "Ja" if report.spoke_with_child_alone else "Nei",
            }
            if report is not None
            else {}
        ),
        "andre_barn": [
            {
                "navn": c.name,
                "fodselsar": c.birth_year,
                "alder": _age(c, on),
                "relasjon": RELATION_NB[c.relation],
            }
            for c in household.children_in(session, home)
        ],
        "fosterhjemsveileder": (
            {"navn": adviser.name, "epost": adviser.email} if adviser is not None else {}
        ),
    }
