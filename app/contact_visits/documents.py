"""The contact visits as a document reads them (``samvaer`` in the case data; the fields are in
``app/documents/dictionary.py``): the arrangements in force, the visits planned the next twelve
months, the last visit held, and the report a review task is about. Norwegian, with dates
written dd.mm.åååå like the rest of the case data."""

from __future__ import annotations

from datetime import date
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import today
from app.contact_visits.models import (
    CancelledBy,
    ContactVisit,
    ContactVisitArrangement,
    ContactVisitReport,
    DecidedBy,
    VisitStatus,
)
from app.contact_visits.schedule import (
    build_schedule,
    frequency_text,
    participants_for_child,
    participants_text,
)
from app.placements.models import Placement
from app.planning.durations import WEEKDAYS_NB, norwegian_date, number
from app.tasks.models import Task

DECIDED_BY_NB = {
    DecidedBy.TRIBUNAL: "Barneverns- og helsenemnda",
    DecidedBy.COURT: "Retten",
    DecidedBy.AGREEMENT: "Avtale med foreldrene",
}
STATUS_NB = {
    VisitStatus.PLANNED: "Planlagt",
    VisitStatus.HELD: "Gjennomført",
    VisitStatus.CANCELLED: "Avlyst",
}
CANCELLED_BY_NB = {
    CancelledBy.PARENT: "Forelderen",
    CancelledBy.CHILD: "Barnet",
    CancelledBy.FOSTER_HOME: "Fosterhjemmet",
    CancelledBy.SERVICE: "Barnevernstjenesten",
    CancelledBy.OTHER: "Andre",
}
MAX_LISTED = 60


def _nb(value: date | None) -> str | None:
    return value.strftime("%d.%m.%Y") if value is not None else None


def _long(value: date) -> str:
    """``mandag 5. januar 2027``: the way a letter or a child reads a date."""
    return f"{WEEKDAYS_NB[value.weekday()]} {norwegian_date(value)}"


def duration_text(minutes: int | None) -> str | None:
    """``to timer``, ``halvannen time``, ``90 minutter``."""
    if minutes is None:
        return None
    if minutes == 90:
        return "halvannen time"
    if minutes % 60 == 0:
        hours = minutes // 60
        return f"{number(hours)} {'time' if hours == 1 else 'timer'}"
    return f"{minutes} minutter"


def _arrangement(row: ContactVisitArrangement) -> dict[str, Any]:
    return {
        "fastsatt_av": DECIDED_BY_NB[row.decided_by],
        "vedtaksdato": _nb(row.decided_on),
        "referanse": row.reference,
        "deltakere": participants_text(row.participants),
        "deltakere_barn": participants_for_child(row.participants),
        "hyppighet": frequency_text(row.every),
        "forste_samvaer": _nb(row.first_visit_on),
        "varighet": duration_text(row.duration_minutes),
        "tilsyn": "Ja" if row.supervised else "Nei",
        "tilsynsperson": row.supervised_by,
        "sted": row.place,
        "minimum": row.minimum,
        "merknader": row.notes,
        "avsluttet": _nb(row.ended_on),
    }


def _report(row: ContactVisitReport, visit: ContactVisit | None) -> dict[str, Any]:
    return {
        "mottatt": _nb(row.received_on),
        "skrevet_av": row.written_by,
        "sammendrag": row.summary,
        "samvaersdato": _nb((visit.held_on or visit.planned_on) if visit else None),
    }


def build(session: Session, placement: Placement, *, task: Task | None) -> dict[str, Any]:
    on = today()
    arrangements = list(
        session.scalars(
            select(ContactVisitArrangement)
            .where(ContactVisitArrangement.placement_id == placement.id)
            .order_by(ContactVisitArrangement.decided_on, ContactVisitArrangement.created_at)
        )
    )
    current = [a for a in arrangements if a.ended_on is None or a.ended_on >= on]
    visits = list(
        session.scalars(
            select(ContactVisit)
            .where(ContactVisit.placement_id == placement.id)
            .order_by(ContactVisit.planned_on, ContactVisit.created_at)
        )
    )
    items = build_schedule(
        current,
        visits,
        placement_end=placement.end_date,
        from_date=on,
        to_date=on + relativedelta(years=1),
    )
    for_child = {a.id: participants_for_child(a.participants) for a in arrangements}
    planned = [
        {
            "dato": _nb(i.planned_on),
            "dato_tekst": _long(i.planned_on),
            "hvem": i.participants,
            "hvem_barn": for_child.get(i.arrangement_id, "") if i.arrangement_id else "",
            "tilsyn": "Med tilsyn" if i.supervised else "Uten tilsyn",
        }
        for i in items
        if i.status is not VisitStatus.CANCELLED
    ][:MAX_LISTED]
    held = [v for v in visits if v.status is VisitStatus.HELD]
    last = held[-1] if held else None
    report = None
    if task is not None:
        report = session.scalar(
            select(ContactVisitReport).where(
                ContactVisitReport.review_instance_id == task.instance_id
            )
        )
    if report is None:
        report = session.scalar(
            select(ContactVisitReport)
            .where(ContactVisitReport.placement_id == placement.id)
            .order_by(ContactVisitReport.received_on.desc(), ContactVisitReport.created_at.desc())
            .limit(1)
        )
    reported = next((v for v in visits if report and v.id == report.visit_id), None)
    return {
        "ordning": _arrangement(current[-1]) if current else {},
        "ordninger": [_arrangement(a) for a in current],
        "planlagte": planned,
        "neste": planned[0] if planned else {},
        "antall_planlagte": len(planned),
        "siste": (
            {
                "dato": _nb(last.held_on or last.planned_on),
                "merknader": last.notes,
            }
            if last
            else {}
        ),
        "besok": [
            {
                "dato": _nb(v.held_on or v.planned_on),
                "status": STATUS_NB[v.status],
                "avlyst_av": CANCELLED_BY_NB[v.cancelled_by] if v.cancelled_by else None,
                "arsak": v.cancellation_reason,
            }
            for v in visits
            if v.status is not VisitStatus.PLANNED and v.planned_on >= on - relativedelta(years=1)
        ][-MAX_LISTED:],
        "rapport": _report(report, reported) if report else {},
    }
