"""Contact visits (*samvær*) between the child and the parents or others close to the child:
what the tribunal or an agreement set (the arrangement, with its history), each visit held or
cancelled, and the reports received after supervised visits."""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import Field
from sqlalchemy import JSON, ForeignKeyConstraint, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.audit.kinds import Kind
from app.audit.kinds import register as register_audited
from app.db import Base, string_enum
from app.events.data import EventData, EventId, NoData
from app.events.service import register_types as register_event_types
from app.placements.models import same_service_placement
from app.tenancy import TenantRow


class DecidedBy(StrEnum):
    TRIBUNAL = "tribunal"  # barneverns- og helsenemnda
    COURT = "court"  # tingretten or a higher court, after an appeal
    AGREEMENT = "agreement"  # agreed with the parents (voluntary placement, or above the minimum)


class VisitStatus(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"


class CancelledBy(StrEnum):
    PARENT = "parent"
    CHILD = "child"
    FOSTER_HOME = "foster_home"
    SERVICE = "service"
    OTHER = "other"


class ContactVisitArrangement(TenantRow, Base):
    """What the tribunal, a court or an agreement set for the child's contact with one or more
    people: how often (``every``, from ``first_visit_on``), how long, supervised or not, where.
    Every change keeps the values it replaced (``ContactVisitArrangementRevision``)."""

    __tablename__ = "contact_visit_arrangements"
    __table_args__ = (
        same_service_placement(),
        Index("ix_contact_visit_arrangements_placement_id", "placement_id"),
    )

    placement_id: Mapped[uuid.UUID]
    decided_by: Mapped[DecidedBy] = mapped_column(string_enum(DecidedBy, "contact_decided_by"))
    decided_on: Mapped[date]
    reference: Mapped[str | None] = mapped_column(
        String(200), doc="The decision's case number or the agreement's name."
    )
    participants: Mapped[list[dict[str, Any]]] = mapped_column(
        JSON, doc="Who the child sees: [{name, relation}] (mother, father, sibling, …)."
    )
    every: Mapped[str] = mapped_column(String(16), doc="ISO 8601 interval: P3M, P2W, …")
    first_visit_on: Mapped[date]
    duration_minutes: Mapped[int | None]
    supervised: Mapped[bool]
    supervised_by: Mapped[str | None] = mapped_column(String(200))
    place: Mapped[str | None] = mapped_column(String(300))
    minimum: Mapped[str | None] = mapped_column(
        Text, doc="The minimum the tribunal set, in its own words."
    )
    notes: Mapped[str | None] = mapped_column(Text)
    ended_on: Mapped[date | None]
    end_reason: Mapped[str | None] = mapped_column(Text)
    revision: Mapped[int] = mapped_column(doc="1 when recorded, one more with every change.")
    recorded_by: Mapped[str] = mapped_column(String(200))


class ContactVisitArrangementRevision(TenantRow, Base):
    """The values an arrangement had before one change, who changed it and why."""

    __tablename__ = "contact_visit_arrangement_revisions"
    __table_args__ = (
        same_service_placement(),
        ForeignKeyConstraint(
            ["arrangement_id"],
            ["contact_visit_arrangements.id"],
            name="fk_contact_visit_arrangement_revisions_arrangement_id",  # 63 characters at most
        ),
        Index("ix_contact_visit_arrangement_revisions_arrangement_id", "arrangement_id"),
    )

    placement_id: Mapped[uuid.UUID]
    arrangement_id: Mapped[uuid.UUID]
    revision: Mapped[int] = mapped_column(doc="The revision these values were.")
    values: Mapped[dict[str, Any]] = mapped_column(JSON)
    change_reason: Mapped[str] = mapped_column(Text)
    changed_by: Mapped[str] = mapped_column(String(200))


class ContactVisit(TenantRow, Base):
    """One contact visit: planned for a day, then held or cancelled (by whom, and why)."""

    __tablename__ = "contact_visits"
    __table_args__ = (
        same_service_placement(),
        ForeignKeyConstraint(["arrangement_id"], ["contact_visit_arrangements.id"]),
        Index("ix_contact_visits_placement_id", "placement_id"),
    )

    placement_id: Mapped[uuid.UUID]
    arrangement_id: Mapped[uuid.UUID | None]
    planned_on: Mapped[date]
    status: Mapped[VisitStatus] = mapped_column(string_enum(VisitStatus, "contact_visit_status"))
    held_on: Mapped[date | None]
    cancelled_by: Mapped[CancelledBy | None] = mapped_column(
        string_enum(CancelledBy, "contact_visit_cancelled_by")
    )
    cancellation_reason: Mapped[str | None] = mapped_column(Text)
    supervised: Mapped[bool | None]
    notes: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(200))


class ContactVisitReport(TenantRow, Base):
    """A report received after a (supervised) contact visit; its review is a task of its own
    ``samvaersrapport`` workflow, due a rule-set interval after the day it was received."""

    __tablename__ = "contact_visit_reports"
    __table_args__ = (
        same_service_placement(),
        ForeignKeyConstraint(["visit_id"], ["contact_visits.id"]),
        ForeignKeyConstraint(["review_instance_id"], ["workflow_instances.id"]),
        Index("ix_contact_visit_reports_placement_id", "placement_id"),
    )

    placement_id: Mapped[uuid.UUID]
    visit_id: Mapped[uuid.UUID | None]
    received_on: Mapped[date]
    written_by: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str | None] = mapped_column(Text)
    review_instance_id: Mapped[uuid.UUID]
    recorded_by: Mapped[str] = mapped_column(String(200))


register_audited(
    Kind(
        "contact_visit_arrangement",
        ContactVisitArrangement,
        via_placement=True,
        path_id="arrangement_id",
    )
)
register_audited(Kind("arrangement_revision", ContactVisitArrangementRevision, via_placement=True))
register_audited(
    Kind("contact_visit", ContactVisit, via_placement=True, path_id="contact_visit_id")
)
register_audited(
    Kind(
        "contact_visit_report",
        ContactVisitReport,
        via_placement=True,
        path_id="contact_visit_report_id",
    )
)


class ContactVisitEvent(StrEnum):
    ARRANGEMENT_CREATED = "contact_visit_arrangement.created"
    ARRANGEMENT_CHANGED = "contact_visit_arrangement.changed"
    VISIT_CREATED = "contact_visit.created"
    VISIT_CHANGED = "contact_visit.changed"
    REPORT_RECEIVED = "contact_visit_report.received"


class ArrangementChangedData(EventData):
    revision: int = Field(description="The arrangement's revision after the change.", examples=[2])


class ContactVisitData(EventData):
    status: VisitStatus = Field(description="The visit's status now.", examples=["held"])


class ContactVisitReportData(EventData):
    review_instance_id: EventId = Field(description="The workflow that plans the report's review.")


register_event_types(
    ContactVisitEvent,
    data={
        ContactVisitEvent.ARRANGEMENT_CREATED: NoData,
        ContactVisitEvent.ARRANGEMENT_CHANGED: ArrangementChangedData,
        ContactVisitEvent.VISIT_CREATED: ContactVisitData,
        ContactVisitEvent.VISIT_CHANGED: ContactVisitData,
        ContactVisitEvent.REPORT_RECEIVED: ContactVisitReportData,
    },
)
