"""Reports received after a (supervised) contact visit, and the review each one starts: a run
of ``samvaersrapport`` counted from the day the report arrived (P6 template 14)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit.trail import AuditTrail
from app.children.models import Child
from app.clock import today
from app.contact_visits.models import (
    ContactVisit,
    ContactVisitEvent,
    ContactVisitReport,
    VisitStatus,
)
from app.contact_visits.schemas import ContactVisitReportRead, ReportCreate, ReviewTaskRead
from app.contact_visits.service import in_placement, placement_of, refuse
from app.errors import NotFound, UnknownReference, body_error
from app.events.service import emit
from app.planning.definitions import catalogue
from app.principal import Principal
from app.tasks.models import Task
from app.workflows import service as workflows

REPORT_WORKFLOW = "samvaersrapport"
REPORT_START_TEXT = "rapporten etter samværet ble mottatt"


def receive_report(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    *,
    data: ReportCreate,
    audit: AuditTrail,
) -> ContactVisitReportRead:
    """Record a report received after a visit and plan its review: a run of ``samvaersrapport``
    counted from the day it arrived (a report registered late is still reviewed)."""
    placement = placement_of(session, principal, placement_id)
    errors = in_placement(placement, "received_on", data.received_on)
    if data.received_on > today():
        errors.append(body_error("received_on", "A report is recorded once received", "in_future"))
    if data.visit_id is not None:
        visit = session.scalar(
            select(ContactVisit).where(
                ContactVisit.id == data.visit_id, ContactVisit.placement_id == placement.id
            )
        )
        if visit is None:
            raise UnknownReference(
                "No contact visit with this id on the placement.",
                errors=[body_error("visit_id", "Unknown visit", "unknown_reference")],
            )
        if visit.status is not VisitStatus.HELD:
            errors.append(body_error("visit_id", "Only a visit held has a report", "not_held"))
    refuse(errors, "The report does not fit the placement.")
    definition = catalogue().latest(REPORT_WORKFLOW)
    assert definition is not None  # shipped with the code
    instance = workflows.start_instance(
        session,
        placement=placement,
        child=session.get_one(Child, placement.child_id),
        definition=definition,
        workflow_start=data.received_on,
        planned_from=data.received_on,
        actor=principal.subject,
        rules=workflows.current_rule_set(session),
        start_reason=REPORT_START_TEXT,
    )
    row = ContactVisitReport(
        service_id=placement.service_id,
        placement_id=placement.id,
        visit_id=data.visit_id,
        received_on=data.received_on,
        written_by=data.written_by,
        summary=data.summary,
        review_instance_id=instance.id,
        recorded_by=principal.subject,
    )
    session.add(row)
    workflows.spread(session, placement, actor=principal.subject)
    session.flush()
    emit(
        session,
        service_id=row.service_id,
        type=ContactVisitEvent.REPORT_RECEIVED,
        subject_id=row.id,
        placement_id=placement.id,
        data={"review_instance_id": str(instance.id)},
    )
    audit.one(row)
    return report_reads(session, [row], audit=audit)[0]


def report_reads(
    session: Session, rows: Sequence[ContactVisitReport], *, audit: AuditTrail
) -> list[ContactVisitReportRead]:
    """The reports with their review task (recorded as read: the task is the child's data)."""
    tasks = list(
        session.scalars(
            select(Task).where(Task.instance_id.in_([r.review_instance_id for r in rows]))
        )
    )
    audit.many(tasks)
    by_instance = {t.instance_id: t for t in tasks}
    return [report_read(row, by_instance.get(row.review_instance_id)) for row in rows]


def report_read(row: ContactVisitReport, task: Task | None) -> ContactVisitReportRead:
    return ContactVisitReportRead.model_validate(
        {
            **{c: getattr(row, c) for c in ContactVisitReportRead.model_fields if hasattr(row, c)},
            "review_task": ReviewTaskRead.model_validate(task) if task else None,
        }
    )


def reports_of(session: Session, placement_id: uuid.UUID) -> list[ContactVisitReport]:
    return list(
        session.scalars(
            select(ContactVisitReport)
            .where(ContactVisitReport.placement_id == placement_id)
            .order_by(ContactVisitReport.received_on, ContactVisitReport.created_at)
        )
    )


def get_report(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    report_id: uuid.UUID,
    *,
    audit: AuditTrail,
) -> ContactVisitReportRead:
    placement = placement_of(session, principal, placement_id)
    row = session.scalar(
        select(ContactVisitReport).where(
            ContactVisitReport.id == report_id, ContactVisitReport.placement_id == placement.id
        )
    )
    if row is None:
        raise NotFound("No contact-visit report with this id on this placement.")
    audit.one(row)
    return report_reads(session, [row], audit=audit)[0]


def list_reports(
    session: Session, principal: Principal, placement_id: uuid.UUID, *, audit: AuditTrail
) -> list[ContactVisitReportRead]:
    placement = placement_of(session, principal, placement_id)
    rows = reports_of(session, placement.id)
    audit.one(placement, detail="contact-visit-reports")
    audit.many(rows)
    return report_reads(session, rows, audit=audit)
