"""A child's contact visits for the privacy export."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.contact_visits.models import ContactVisit, ContactVisitArrangement, ContactVisitReport
from app.contact_visits.reports import report_read
from app.contact_visits.schemas import ArrangementRead, ContactVisitReportRead, VisitRead
from app.contact_visits.service import arrangement_read, revisions_by_arrangement, visit_read
from app.tasks.models import Task


def export(
    session: Session, placement_ids: Sequence[uuid.UUID]
) -> tuple[list[ArrangementRead], list[VisitRead], list[ContactVisitReportRead]]:
    """Every arrangement (with its revisions), visit and report of these placements, for the
    child's privacy export (which records the export itself; the placements were read through
    the caller's tenant scope)."""
    arrangements = list(
        session.scalars(
            select(ContactVisitArrangement)
            .where(ContactVisitArrangement.placement_id.in_(placement_ids))
            .order_by(ContactVisitArrangement.decided_on, ContactVisitArrangement.id)
        )
    )
    revisions = revisions_by_arrangement(session, [a.id for a in arrangements])
    visits = session.scalars(
        select(ContactVisit)
        .where(ContactVisit.placement_id.in_(placement_ids))
        .order_by(ContactVisit.planned_on, ContactVisit.id)
    )
    reports = list(
        session.scalars(
            select(ContactVisitReport)
            .where(ContactVisitReport.placement_id.in_(placement_ids))
            .order_by(ContactVisitReport.received_on, ContactVisitReport.id)
        )
    )
    tasks = {
        t.instance_id: t
        for t in session.scalars(
            select(Task).where(Task.instance_id.in_([r.review_instance_id for r in reports]))
        )
    }
    return (
        [arrangement_read(a, revisions.get(a.id, [])) for a in arrangements],
        [visit_read(v) for v in visits],
        [report_read(r, tasks.get(r.review_instance_id)) for r in reports],
    )
