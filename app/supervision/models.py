"""The supervision of a child in a foster home (barnevernsloven § 9-10): the supervision visitor
(*tilsynsfører*) appointed for a placement, the reports the visitor sends after each visit, and
the other children living in the foster home (the foster parents' own children, other foster
children), whom the follow-up of the home includes."""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum

from pydantic import Field
from sqlalchemy import (
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    LargeBinary,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.audit.kinds import Kind
from app.audit.kinds import register as register_audited
from app.db import Base, string_enum
from app.events.data import ChangedFields, EventData, EventDate, EventId, NoData
from app.events.service import register_types as register_event_types
from app.placements.models import same_service_placement
from app.tenancy import TenantRow


class SupervisionVisitor(TenantRow, Base):
    """A supervision visitor appointed for one placement. Ending the appointment keeps the row:
    a placement has at most one current visitor (``ended_on`` empty) and keeps its history."""

    __tablename__ = "supervision_visitors"
    __table_args__ = (
        same_service_placement(),
        Index("ix_supervision_visitors_placement_id", "placement_id"),
        Index(
            "uq_supervision_visitors_current",
            "placement_id",
            unique=True,
            sqlite_where=text("ended_on IS NULL"),
            postgresql_where=text("ended_on IS NULL"),
        ),
    )

    placement_id: Mapped[uuid.UUID]
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(32))
    email: Mapped[str | None] = mapped_column(String(254))
    appointed_on: Mapped[date]
    police_certificate_checked_on: Mapped[date | None] = mapped_column(
        doc="The day the service saw the visitor's police certificate (politiattest)."
    )
    training_completed_on: Mapped[date | None] = mapped_column(
        doc="The day the visitor completed the supervision course (tilsynsførerkurs)."
    )
    agreement_signed_on: Mapped[date | None] = mapped_column(
        doc="The day the assignment agreement (oppdragsavtale) was signed."
    )
    ended_on: Mapped[date | None]
    end_reason: Mapped[str | None] = mapped_column(String(500))
    appointed_by: Mapped[str] = mapped_column(String(200))


class SupervisionReport(TenantRow, Base):
    """A written report from a supervision visit, with the file as it arrived."""

    __tablename__ = "supervision_reports"
    __table_args__ = (
        same_service_placement(),
        Index("ix_supervision_reports_placement_id", "placement_id"),
    )

    placement_id: Mapped[uuid.UUID]
    visitor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("supervision_visitors.id"))
    visit_date: Mapped[date]
    received_on: Mapped[date] = mapped_column(doc="The day the report arrived at the service.")
    spoke_with_child_alone: Mapped[bool]
    task_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("tasks.id"), doc="The supervision visit task the report completed."
    )
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    recorded_by: Mapped[str] = mapped_column(String(200))


class HomeChildRelation(StrEnum):
    OWN_CHILD = "own_child"  # the foster parents' own child (biologisk eller adoptert)
    FOSTER_CHILD = "foster_child"  # another child placed in the home
    OTHER = "other"


class FosterHomeChild(TenantRow, Base):
    """Another child living in the foster home; no national id is kept."""

    __tablename__ = "foster_home_children"
    __table_args__ = (
        ForeignKeyConstraint(
            ["foster_home_id", "service_id"], ["foster_homes.id", "foster_homes.service_id"]
        ),
        Index("ix_foster_home_children_foster_home_id", "foster_home_id"),
    )

    foster_home_id: Mapped[uuid.UUID]
    name: Mapped[str] = mapped_column(String(200))
    birth_date: Mapped[date | None]
    birth_year: Mapped[int]
    relation: Mapped[HomeChildRelation] = mapped_column(
        string_enum(HomeChildRelation, "home_child_relation")
    )
    notes: Mapped[str | None] = mapped_column(Text)
    moved_out_on: Mapped[date | None]


register_audited(
    Kind(
        "supervision_visitor",
        SupervisionVisitor,
        via_placement=True,
        path_id="visitor_id",
    )
)
register_audited(
    Kind(
        "supervision_report",
        SupervisionReport,
        via_placement=True,
        path_id="report_id",
        collections=("supervision-reports",),
    )
)
register_audited(Kind("foster_home_child", FosterHomeChild, path_id="home_child_id"))


class SupervisionEvent(StrEnum):
    VISITOR_APPOINTED = "supervision_visitor.appointed"
    VISITOR_UPDATED = "supervision_visitor.updated"
    VISITOR_ENDED = "supervision_visitor.ended"
    REPORT_RECEIVED = "supervision_report.received"
    HOME_CHILD_ADDED = "foster_home_child.added"
    HOME_CHILD_UPDATED = "foster_home_child.updated"


class VisitorChangedData(EventData):
    fields: ChangedFields


class VisitorEndedData(EventData):
    ended_on: EventDate


class SupervisionReportData(EventData):
    visit_date: EventDate
    received_on: EventDate
    task_id: EventId | None = Field(description="The supervision visit the report completed.")


class HomeChildAddedData(EventData):
    foster_home_id: EventId


class HomeChildUpdatedData(EventData):
    foster_home_id: EventId
    fields: ChangedFields


register_event_types(
    SupervisionEvent,
    data={
        SupervisionEvent.VISITOR_APPOINTED: NoData,
        SupervisionEvent.VISITOR_UPDATED: VisitorChangedData,
        SupervisionEvent.VISITOR_ENDED: VisitorEndedData,
        SupervisionEvent.REPORT_RECEIVED: SupervisionReportData,
        SupervisionEvent.HOME_CHILD_ADDED: HomeChildAddedData,
        SupervisionEvent.HOME_CHILD_UPDATED: HomeChildUpdatedData,
    },
)
