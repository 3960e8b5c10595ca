"""The contact visits an arrangement plans: from its first visit, every interval, until the
arrangement or the placement ends. Dates, not tasks: a visit is nobody's deadline, but the year
wheel and the child's information ("when will I see my parents again") need the days.

Pure: ``build_schedule`` puts each recorded visit on the planned day it belongs to (same
arrangement, same day) and keeps the ones recorded off the schedule as well.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.contact_visits.models import ContactVisit, ContactVisitArrangement, VisitStatus
from app.contact_visits.schemas import ParticipantRelation, ScheduledVisit
from app.planning.durations import Duration, number

MAX_VISITS = 5000  # a daily arrangement over thirteen years; the loop never runs away
RELATION_NB = {
    ParticipantRelation.MOTHER: "mor",
    ParticipantRelation.FATHER: "far",
    ParticipantRelation.PARENT: "forelder",
    ParticipantRelation.SIBLING: "søsken",
    ParticipantRelation.GRANDPARENT: "besteforelder",
    ParticipantRelation.OTHER_FAMILY: "annen familie",
    ParticipantRelation.OTHER: "annen nær person",
}


@dataclass(frozen=True)
class PlannedVisit:
    occurrence: int  # 1 for the arrangement's first visit
    planned_on: date


def frequency_text(every: str) -> str:
    """``hver tredje måned``, ``annenhver uke``; with the count a year where it divides."""
    interval = Duration.parse(every)
    text = interval.every_norwegian()
    if interval.months and not (interval.years or interval.days) and 12 % interval.months == 0:
        times = 12 // interval.months
        if times > 1:
            text += f" ({number(times)} ganger i året)"
    return text


def planned_dates(
    *,
    first_visit_on: date,
    every: str,
    from_date: date,
    to_date: date,
    ends_on: date | None = None,
) -> Iterator[PlannedVisit]:
    """The arrangement's visits from ``from_date`` to ``to_date`` (both included), each counted
    from the first visit (no drift: the fourth is three intervals after the first), none after
    ``ends_on`` (the arrangement's or the placement's end)."""
    interval = Duration.parse(every)
    last = min(to_date, ends_on) if ends_on is not None else to_date
    for k in range(MAX_VISITS):
        day = interval.after(first_visit_on, k)
        if day > last:
            return
        if day >= from_date:
            yield PlannedVisit(occurrence=k + 1, planned_on=day)


def participants_text(participants: list[dict[str, Any]]) -> str:
    """``Kari Nordmann (mor) og Per Nordmann (far)``."""
    names = [
        f"{p['name']} ({RELATION_NB[ParticipantRelation(p['relation'])]})" for p in participants
    ]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " og " + names[-1]


CHILD_WORDS = {ParticipantRelation.MOTHER: "mamma", ParticipantRelation.FATHER: "pappa"}


def participants_for_child(participants: list[dict[str, Any]]) -> str:
    """``mamma og pappa``, ``mamma og Ola``: the words a child uses (names for the others)."""
    names = [
        CHILD_WORDS.get(ParticipantRelation(p["relation"]), str(p["name"])) for p in participants
    ]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " og " + names[-1]


def _ends_on(arrangement: ContactVisitArrangement, placement_end: date | None) -> date | None:
    ends = [d for d in (arrangement.ended_on, placement_end) if d is not None]
    return min(ends) if ends else None


def build_schedule(
    arrangements: list[ContactVisitArrangement],
    visits: list[ContactVisit],
    *,
    placement_end: date | None,
    from_date: date,
    to_date: date,
) -> list[ScheduledVisit]:
    recorded = {(v.arrangement_id, v.planned_on): v for v in visits}
    used: set[uuid.UUID] = set()
    items: list[ScheduledVisit] = []
    for arrangement in arrangements:
        who = participants_text(arrangement.participants)
        for planned in planned_dates(
            first_visit_on=arrangement.first_visit_on,
            every=arrangement.every,
            from_date=from_date,
            to_date=to_date,
            ends_on=_ends_on(arrangement, placement_end),
        ):
            visit = recorded.get((arrangement.id, planned.planned_on))
            if visit is not None:
                used.add(visit.id)
            items.append(
                ScheduledVisit(
                    planned_on=planned.planned_on,
                    arrangement_id=arrangement.id,
                    occurrence=planned.occurrence,
                    participants=who,
                    supervised=arrangement.supervised,
                    visit_id=visit.id if visit else None,
                    status=visit.status if visit else VisitStatus.PLANNED,
                )
            )
    by_id = {a.id: a for a in arrangements}
    for visit in visits:
        if visit.id in used or not from_date <= visit.planned_on <= to_date:
            continue
        owner = by_id.get(visit.arrangement_id) if visit.arrangement_id else None
        items.append(
            ScheduledVisit(
                planned_on=visit.planned_on,
                arrangement_id=visit.arrangement_id,
                occurrence=None,
                participants=participants_text(owner.participants) if owner else "",
                supervised=visit.supervised,
                visit_id=visit.id,
                status=visit.status,
            )
        )
    return sorted(items, key=lambda i: (i.planned_on, str(i.arrangement_id)))
