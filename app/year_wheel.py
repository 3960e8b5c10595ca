"""The placement's year wheel (årshjul): its tasks, and beside them the dated records of the
people and plans around the child (issue #14 item 6).

The tasks carry every deadline with its provenance and explanation: plan reviews, the review of
each supervision or contact-visit report, the visits. The entries here are what is not a task:

- the plans (adopted, valid until, each review held), from ``app.plans``;
- the contact visits the arrangements plan from today and twelve months on, and those held or
  cancelled, from ``app.contact_visits`` (a visit is nobody's deadline, but the child and the
  foster home need the days);
- each supervision visit and the day its report came in, from ``app.supervision``;
- the approval of the foster home for the child, with its deadline while no decision is made,
  from ``app.approvals``.

One read of the placement is recorded, and each record the entries come from.
"""

from __future__ import annotations

import uuid
from datetime import date

from dateutil.relativedelta import relativedelta
from sqlalchemy.orm import Session

from app.approvals import service as approvals
from app.audit.trail import AuditTrail
from app.clock import today
from app.contact_visits import service as contact_visits
from app.contact_visits.models import ContactVisitArrangement, DecidedBy, VisitStatus
from app.contact_visits.schedule import build_schedule, frequency_text
from app.placements.models import Placement
from app.plans import service as plans
from app.principal import Principal
from app.supervision import service as supervision
from app.tasks import service as tasks
from app.tasks.models import Task
from app.tasks.schemas import EntryKind, TimelineEntry

CONTACT_VISIT_BASIS = {
    DecidedBy.TRIBUNAL: "Barnevernsloven § 7-2: samværet er fastsatt av barneverns- og helsenemnda",
    DecidedBy.COURT: "Barnevernsloven § 7-2: samværet er fastsatt av retten",
    DecidedBy.AGREEMENT: "Avtale med foreldrene om samvær (ikke fastsatt av nemnda eller retten)",
}
DECIDED_BY = {
    DecidedBy.TRIBUNAL: "Fastsatt av barneverns- og helsenemnda",
    DecidedBy.COURT: "Fastsatt av retten",
    DecidedBy.AGREEMENT: "Avtalt med foreldrene",
}
VISIT_WORDS = {
    VisitStatus.PLANNED: "Samvær",
    VisitStatus.HELD: "Samvær holdt",
    VisitStatus.CANCELLED: "Samvær avlyst",
}


def placement_year_wheel(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    *,
    include_cancelled: bool,
    audit: AuditTrail,
) -> tuple[Placement, list[Task], list[TimelineEntry]]:
    """The placement's tasks by due date, and the entries beside them by date."""
    placement, rows = tasks.placement_timeline(
        session, principal, placement_id, include_cancelled=include_cancelled, audit=audit
    )
    return placement, rows, entries(session, principal, placement, audit=audit)


def entries(
    session: Session,
    principal: Principal,
    placement: Placement,
    *,
    audit: AuditTrail,
    until: date | None = None,
) -> list[TimelineEntry]:
    """Every entry of the placement up to ``until`` (default: twelve months from today), by
    date. Planned contact visits are those from today on; the records are all kept."""
    last = until or today() + relativedelta(years=1)
    found = [
        *_plan_entries(session, principal, placement),
        *_contact_visit_entries(session, placement, until=last, audit=audit),
        *_supervision_entries(session, principal, placement, audit=audit),
        *_approval_entries(session, principal, placement, audit=audit),
    ]
    return sorted((e for e in found if e.on <= last), key=lambda e: (e.on, e.kind, e.title))


def _plan_entries(
    session: Session, principal: Principal, placement: Placement
) -> list[TimelineEntry]:
    base = f"/v1/placements/{placement.id}/plans"
    return [
        TimelineEntry(
            on=d.on,
            kind=EntryKind.PLAN,
            what=d.what,
            title=d.title,
            resource=f"{base}/{d.plan_id}",
        )
        for d in plans.plan_dates(session, principal, placement)
    ]


def _contact_visit_entries(
    session: Session, placement: Placement, *, until: date, audit: AuditTrail
) -> list[TimelineEntry]:
    # The placement is read and recorded already: its arrangements and visits are read once,
    # and the schedule is built from them (the API's schedule answers five years at a time).
    rows = contact_visits.arrangements_of(session, placement.id)
    visits = contact_visits.visits_of(session, placement.id)
    audit.many(rows)
    audit.many(visits)
    arrangements = {a.id: a for a in rows}
    base = f"/v1/placements/{placement.id}"
    found: list[TimelineEntry] = []
    window = build_schedule(
        rows,
        visits,
        placement_end=placement.end_date,
        from_date=placement.start_date,
        to_date=until,
    )
    for visit in window:
        if visit.status is VisitStatus.PLANNED and visit.planned_on < today():
            continue  # a planned day gone by without a record is not a plan any more
        arrangement = arrangements.get(visit.arrangement_id) if visit.arrangement_id else None
        found.append(
            TimelineEntry(
                on=visit.planned_on,
                kind=EntryKind.CONTACT_VISIT,
                what=visit.status.value,
                title=f"{VISIT_WORDS[visit.status]} med {visit.participants}",
                resource=(
                    f"{base}/contact-visits/{visit.visit_id}"
                    if visit.visit_id
                    else f"{base}/contact-visit-arrangements/{visit.arrangement_id}"
                ),
                explanation=_visit_explanation(arrangement, visit.occurrence),
                legal_basis=CONTACT_VISIT_BASIS[arrangement.decided_by] if arrangement else None,
            )
        )
    return found


def _visit_explanation(
    arrangement: ContactVisitArrangement | None, occurrence: int | None
) -> str | None:
    if arrangement is None:
        return "Samvær registrert utenom ordningen."
    which = f"Samvær nummer {occurrence}" if occurrence else "Samvær"
    decided = f"{DECIDED_BY[arrangement.decided_by]} {arrangement.decided_on:%d.%m.%Y}"
    return f"{which} etter ordningen, {frequency_text(arrangement.every)}. {decided}."


def _supervision_entries(
    session: Session, principal: Principal, placement: Placement, *, audit: AuditTrail
) -> list[TimelineEntry]:
    found: list[TimelineEntry] = []
    for report in supervision.report_dates(session, principal, placement.id, audit=audit):
        resource = f"/v1/supervision-reports/{report.report_id}"
        found += [
            TimelineEntry(
                on=report.visit_date,
                kind=EntryKind.SUPERVISION_REPORT,
                what="visited",
                title="Tilsynsbesøk",
                resource=resource,
            ),
            TimelineEntry(
                on=report.received_on,
                kind=EntryKind.SUPERVISION_REPORT,
                what="received",
                title="Tilsynsrapporten kom inn",
                resource=resource,
            ),
        ]
    return found


def _approval_entries(
    session: Session, principal: Principal, placement: Placement, *, audit: AuditTrail
) -> list[TimelineEntry]:
    resource = f"/v1/placements/{placement.id}/approval"
    items = approvals.dated_items(session, principal, placement.id, audit=audit)
    if [i.key for i in items] == ["due_by"] and items[0].on < today():
        return []  # nothing recorded, and the deadline long gone: an old placement, not news
    return [
        TimelineEntry(
            on=item.on, kind=EntryKind.APPROVAL, what=item.key, title=item.title, resource=resource
        )
        for item in items
    ]
