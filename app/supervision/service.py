"""Use cases of the supervision of a placement: appointing and ending the supervision visitor
(*tilsynsfører*) and recording the reports. Recording a report has consequences elsewhere (the
supervision visit task is completed, its review is planned from the day the report arrived): the
interfaces call :func:`app.flows.record_supervision_report`, which calls :func:`record_report`.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.orm import Session, defer

from app.audit.trail import AuditTrail
from app.clock import today
from app.errors import FieldError, NotFound, ValidationFailed, body_error
from app.events.service import emit
from app.placements.models import Placement
from app.placements.service import PlacementRepository
from app.preconditions import Precondition
from app.principal import Principal
from app.supervision.errors import VisitorAlreadyAppointed, VisitorEnded
from app.supervision.models import SupervisionEvent, SupervisionReport, SupervisionVisitor
from app.supervision.schemas import (
    ReportDates,
    SupervisionReportRead,
    VisitorCreate,
    VisitorEnd,
    VisitorRead,
    VisitorUpdate,
)
from app.tenancy import TenantRepository, apply_changes


class ReportRepository(TenantRepository[SupervisionReport]):
    model = SupervisionReport
    path = "supervision-reports"
    noun = "supervision report"

    def case_filter(self, staff_id: Any) -> ColumnElement[bool]:
        return exists().where(
            Placement.id == SupervisionReport.placement_id,
            Placement.contact_person_id == staff_id,
        )


def _not_after_today(field: str, value: date | None) -> list[FieldError]:
    if value is not None and value > today():
        return [body_error(field, "Recorded after it happened: not after today", "in_future")]
    return []


def _current(session: Session, placement_id: uuid.UUID) -> SupervisionVisitor | None:
    return session.scalar(
        select(SupervisionVisitor).where(
            SupervisionVisitor.placement_id == placement_id,
            SupervisionVisitor.ended_on.is_(None),
        )
    )


def _emit(session: Session, row: SupervisionVisitor, type: SupervisionEvent, **data: Any) -> None:
    emit(
        session,
        service_id=row.service_id,
        type=type,
        subject_id=row.id,
        placement_id=row.placement_id,
        data=data or None,
    )


def appoint_visitor(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    *,
    data: VisitorCreate,
    audit: AuditTrail,
) -> SupervisionVisitor:
    """Appoint the placement's supervision visitor; refused while another one is current."""
    # Locked: two appointments at once cannot both find the placement without a visitor.
    placement = PlacementRepository(session, principal).get_for_update(placement_id)
    errors: list[FieldError] = []
    for field in (
        "appointed_on",
        "police_certificate_checked_on",
        "training_completed_on",
        "agreement_signed_on",
    ):
        errors += _not_after_today(field, getattr(data, field))
    if placement.end_date is not None and data.appointed_on > placement.end_date:
        errors.append(body_error("appointed_on", "After the placement ended", "after_end"))
    if errors:
        raise ValidationFailed("The appointment's dates are not possible.", errors=errors)
    if _current(session, placement.id) is not None:
        raise VisitorAlreadyAppointed(
            "The placement has a current supervision visitor; end that appointment first "
            "(POST …/supervision-visitors/{visitor_id}/end)."
        )
    row = SupervisionVisitor(
        service_id=placement.service_id,
        placement_id=placement.id,
        name=data.name,
        phone=data.phone,
        email=data.email,
        appointed_on=data.appointed_on,
        police_certificate_checked_on=data.police_certificate_checked_on,
        training_completed_on=data.training_completed_on,
        agreement_signed_on=data.agreement_signed_on,
        appointed_by=principal.subject,
    )
    session.add(row)
    session.flush()
    _emit(session, row, SupervisionEvent.VISITOR_APPOINTED)
    return audit.one(row)


def _visitor(
    session: Session, principal: Principal, placement_id: uuid.UUID, visitor_id: uuid.UUID
) -> SupervisionVisitor:
    placement = PlacementRepository(session, principal).get(placement_id)
    row = session.scalar(
        select(SupervisionVisitor).where(
            SupervisionVisitor.id == visitor_id, SupervisionVisitor.placement_id == placement.id
        )
    )
    if row is None:
        raise NotFound("No supervision visitor with this id on this placement.")
    return row


def get_visitor(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    visitor_id: uuid.UUID,
    *,
    audit: AuditTrail,
) -> SupervisionVisitor:
    return audit.one(_visitor(session, principal, placement_id, visitor_id))


def list_visitors(
    session: Session, principal: Principal, placement_id: uuid.UUID, *, audit: AuditTrail
) -> list[SupervisionVisitor]:
    """The placement's visitors, the current one first, then the earlier ones, latest first."""
    placement = PlacementRepository(session, principal).get(placement_id)
    rows = list(
        session.scalars(
            select(SupervisionVisitor)
            .where(SupervisionVisitor.placement_id == placement.id)
            .order_by(SupervisionVisitor.appointed_on.desc(), SupervisionVisitor.id)
        )
    )
    rows.sort(key=lambda r: r.ended_on is not None)  # stable: the current one first
    audit.one(placement, detail="supervision-visitors")  # none yet is a read too
    audit.many(rows)
    return rows


def update_visitor(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    visitor_id: uuid.UUID,
    *,
    data: VisitorUpdate,
    precondition: Precondition,
    audit: AuditTrail,
) -> SupervisionVisitor:
    row = _visitor(session, principal, placement_id, visitor_id)
    precondition.check(row)
    changes = data.changes()
    errors: list[FieldError] = []
    for field in ("police_certificate_checked_on", "training_completed_on", "agreement_signed_on"):
        errors += _not_after_today(field, changes.get(field))  # type: ignore[arg-type]
    if errors:
        raise ValidationFailed("The dates are not possible.", errors=errors)
    apply_changes(row, changes)
    session.flush()
    _emit(session, row, SupervisionEvent.VISITOR_UPDATED, fields=sorted(changes))
    return audit.one(row)


def end_visitor(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    visitor_id: uuid.UUID,
    *,
    data: VisitorEnd,
    audit: AuditTrail,
) -> SupervisionVisitor:
    """End the appointment; the row stays as history and a new visitor may be appointed."""
    row = _visitor(session, principal, placement_id, visitor_id)
    if row.ended_on is not None:
        raise VisitorEnded(f"The appointment ended on {row.ended_on.isoformat()}.")
    errors = _not_after_today("ended_on", data.ended_on)
    if data.ended_on < row.appointed_on:
        errors.append(body_error("ended_on", "Before the appointment", "before_start"))
    if errors:
        raise ValidationFailed("The end date is not possible.", errors=errors)
    row.ended_on = data.ended_on
    row.end_reason = data.reason
    session.flush()
    _emit(session, row, SupervisionEvent.VISITOR_ENDED, ended_on=data.ended_on.isoformat())
    return audit.one(row)


def current_visitor(session: Session, placement_id: uuid.UUID) -> SupervisionVisitor | None:
    """The placement's current visitor, for a caller that has already read the placement."""
    return _current(session, placement_id)


def _visitor_on(session: Session, placement_id: uuid.UUID, on: date) -> SupervisionVisitor | None:
    """The visitor whose appointment covered ``on`` (the visit's day)."""
    return session.scalar(
        select(SupervisionVisitor)
        .where(
            SupervisionVisitor.placement_id == placement_id,
            SupervisionVisitor.appointed_on <= on,
            (SupervisionVisitor.ended_on.is_(None)) | (SupervisionVisitor.ended_on >= on),
        )
        .order_by(SupervisionVisitor.appointed_on.desc())
        .limit(1)
    )


def report_date_errors(
    placement: Placement, *, visit_date: date, received_on: date
) -> list[FieldError]:
    errors = _not_after_today("visit_date", visit_date)
    errors += _not_after_today("received_on", received_on)
    if visit_date < placement.start_date:
        errors.append(body_error("visit_date", "Before the placement started", "before_start"))
    if placement.end_date is not None and visit_date > placement.end_date:
        errors.append(body_error("visit_date", "After the placement ended", "after_end"))
    if received_on < visit_date:
        errors.append(
            body_error("received_on", "The report arrived before the visit", "before_visit")
        )
    return errors


def record_report(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    *,
    visit_date: date,
    received_on: date,
    spoke_with_child_alone: bool,
    filename: str,
    media_type: str,
    content: bytes,
) -> SupervisionReport:
    """Store the report (the file already checked by the caller); audited and announced by
    :func:`announce_report` once the flow has linked its task."""
    placement = PlacementRepository(session, principal).get(placement_id)
    errors = report_date_errors(placement, visit_date=visit_date, received_on=received_on)
    if errors:
        raise ValidationFailed("The report's dates are not possible.", errors=errors)
    visitor = _visitor_on(session, placement.id, visit_date)
    row = SupervisionReport(
        service_id=placement.service_id,
        placement_id=placement.id,
        visitor_id=visitor.id if visitor is not None else None,
        visit_date=visit_date,
        received_on=received_on,
        spoke_with_child_alone=spoke_with_child_alone,
        filename=filename[:255],
        media_type=media_type,
        content=content,
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
        recorded_by=principal.subject,
    )
    session.add(row)
    session.flush()
    return row


def announce_report(
    session: Session, row: SupervisionReport, *, task_id: uuid.UUID | None, audit: AuditTrail
) -> SupervisionReport:
    row.task_id = task_id
    session.flush()
    emit(
        session,
        service_id=row.service_id,
        type=SupervisionEvent.REPORT_RECEIVED,
        subject_id=row.id,
        placement_id=row.placement_id,
        data={
            "visit_date": row.visit_date.isoformat(),
            "received_on": row.received_on.isoformat(),
            "task_id": str(task_id) if task_id is not None else None,
        },
    )
    return audit.one(row)


def _reports(session: Session, placement_id: uuid.UUID) -> list[SupervisionReport]:
    return list(
        session.scalars(
            select(SupervisionReport)
            .where(SupervisionReport.placement_id == placement_id)
            .options(defer(SupervisionReport.content))
            .order_by(SupervisionReport.received_on, SupervisionReport.id)
        )
    )


def list_reports(
    session: Session, principal: Principal, placement_id: uuid.UUID, *, audit: AuditTrail
) -> list[SupervisionReport]:
    """The placement's reports, earliest arrival first (without their bytes)."""
    placement = PlacementRepository(session, principal).get(placement_id)
    rows = _reports(session, placement.id)
    audit.one(placement, detail="supervision-reports")
    audit.many(rows)
    return rows


def report_dates(
    session: Session, principal: Principal, placement_id: uuid.UUID, *, audit: AuditTrail
) -> list[ReportDates]:
    """Each report's visit and arrival dates and the task it completed, for the year wheel."""
    return [
        ReportDates(
            report_id=r.id, visit_date=r.visit_date, received_on=r.received_on, task_id=r.task_id
        )
        for r in list_reports(session, principal, placement_id, audit=audit)
    ]


def latest_report(
    session: Session, placement_id: uuid.UUID, *, task_id: uuid.UUID | None = None
) -> SupervisionReport | None:
    """The report that completed ``task_id`` or, without one, the latest to arrive, for a
    caller that has already read the placement (a document filled from the case)."""
    stmt = (
        select(SupervisionReport)
        .where(SupervisionReport.placement_id == placement_id)
        .options(defer(SupervisionReport.content))
    )
    if task_id is not None:
        stmt = stmt.where(SupervisionReport.task_id == task_id)
    stmt = stmt.order_by(SupervisionReport.received_on.desc(), SupervisionReport.id.desc())
    return session.scalars(stmt.limit(1)).first()


def get_report(
    session: Session, principal: Principal, report_id: uuid.UUID, *, audit: AuditTrail
) -> SupervisionReport:
    return audit.one(ReportRepository(session, principal).get(report_id))


def report_content(
    session: Session, principal: Principal, report_id: uuid.UUID, *, audit: AuditTrail
) -> SupervisionReport:
    """The report with its bytes (recorded as a download)."""
    return audit.one(ReportRepository(session, principal).get(report_id))


def visitor_read(row: SupervisionVisitor) -> VisitorRead:
    data = {name: getattr(row, name) for name in VisitorRead.model_fields if name != "current"}
    return VisitorRead(**data, current=row.ended_on is None)


def report_read(row: SupervisionReport) -> SupervisionReportRead:
    data = {
        name: getattr(row, name)
        for name in SupervisionReportRead.model_fields
        if name != "download"
    }
    return SupervisionReportRead(**data, download=f"/v1/supervision-reports/{row.id}/content")


def visitors_of(session: Session, placement_ids: list[uuid.UUID]) -> list[VisitorRead]:
    """The visitors of these placements (ids the caller has read), for the privacy export."""
    rows = session.scalars(
        select(SupervisionVisitor)
        .where(SupervisionVisitor.placement_id.in_(placement_ids))
        .order_by(SupervisionVisitor.appointed_on, SupervisionVisitor.id)
    )
    return [visitor_read(r) for r in rows]


def reports_of(session: Session, placement_ids: list[uuid.UUID]) -> list[SupervisionReportRead]:
    """The reports of these placements (ids the caller has read), without their bytes."""
    rows = session.scalars(
        select(SupervisionReport)
        .where(SupervisionReport.placement_id.in_(placement_ids))
        .options(defer(SupervisionReport.content))
        .order_by(SupervisionReport.received_on, SupervisionReport.id)
    )
    return [report_read(r) for r in rows]
