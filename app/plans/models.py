"""A placement's plans (care plan, measures plan, follow-up plans), every revision of each, and
the reviews recorded when a plan's review task is completed."""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import Field
from sqlalchemy import JSON, ForeignKeyConstraint, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.audit.kinds import Kind
from app.audit.kinds import register as register_audited
from app.db import Base, string_enum
from app.events.data import EventData, EventId
from app.events.service import register_types as register_event_types
from app.placements.models import same_service_placement
from app.tenancy import TenantRow


class PlanKind(StrEnum):
    CARE_PLAN = "care_plan"  # omsorgsplan (plan for barnets omsorgssituasjon)
    MEASURES_PLAN = "measures_plan"  # tiltaksplan (hjelpetiltak, time-limited)
    FOLLOW_UP_PLAN = "follow_up_plan"  # oppfølgingsplan: the meetings each party can expect
    PARENTS_FOLLOW_UP_PLAN = "parents_follow_up_plan"  # oppfølgingsplan for foreldrene (P6 9)


class CarePlanStage(StrEnum):
    PRELIMINARY = "preliminary"  # foreløpig omsorgsplan, at the care order
    FINAL = "final"  # endelig omsorgsplan


class Plan(TenantRow, Base):
    """One plan of a placement, as it stands now; ``revision`` counts its versions, each kept in
    :class:`PlanRevision`, and its reviews are :class:`PlanReview` rows."""

    __tablename__ = "plans"
    __table_args__ = (
        same_service_placement(),
        UniqueConstraint("id", "service_id"),
        Index("ix_plans_placement_id_kind", "placement_id", "kind"),
    )

    placement_id: Mapped[uuid.UUID]
    child_id: Mapped[uuid.UUID] = mapped_column(index=True, doc="The placement's child.")
    kind: Mapped[PlanKind] = mapped_column(string_enum(PlanKind, "plan_kind"))
    stage: Mapped[CarePlanStage | None] = mapped_column(
        string_enum(CarePlanStage, "care_plan_stage")
    )
    adopted_on: Mapped[date]
    valid_until: Mapped[date | None]
    child_took_part: Mapped[bool]
    parents_took_part: Mapped[bool]
    foster_home_took_part: Mapped[bool]
    participation_notes: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text)
    document_id: Mapped[uuid.UUID | None]
    revision: Mapped[int] = mapped_column(Integer)
    recorded_by: Mapped[str] = mapped_column(String(200))

    revisions: Mapped[list[PlanRevision]] = relationship(
        lazy="selectin", order_by="PlanRevision.revision", viewonly=True
    )
    reviews: Mapped[list[PlanReview]] = relationship(
        lazy="selectin", order_by="(PlanReview.reviewed_on, PlanReview.created_at)", viewonly=True
    )


def _same_service_plan() -> ForeignKeyConstraint:
    return ForeignKeyConstraint(["plan_id", "service_id"], ["plans.id", "plans.service_id"])


class PlanRevision(TenantRow, Base):
    """A plan's content as one revision left it: the history stays when the plan changes."""

    __tablename__ = "plan_revisions"
    __table_args__ = (
        _same_service_plan(),
        same_service_placement(),
        UniqueConstraint("plan_id", "revision"),
    )

    plan_id: Mapped[uuid.UUID]
    placement_id: Mapped[uuid.UUID]
    revision: Mapped[int] = mapped_column(Integer)
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text)
    revised_by: Mapped[str] = mapped_column(String(200))


class PlanReview(TenantRow, Base):
    """A review (evaluation) of a plan, recorded when its review task was completed."""

    __tablename__ = "plan_reviews"
    __table_args__ = (_same_service_plan(), same_service_placement())

    plan_id: Mapped[uuid.UUID] = mapped_column(index=True)
    placement_id: Mapped[uuid.UUID]
    task_id: Mapped[uuid.UUID | None] = mapped_column(doc="The review task that recorded it.")
    reviewed_on: Mapped[date]
    conclusion: Mapped[str] = mapped_column(String(64))
    conclusion_text: Mapped[str] = mapped_column(Text, doc="The conclusion in the step's words.")
    child_took_part: Mapped[bool]
    parents_took_part: Mapped[bool]
    foster_home_took_part: Mapped[bool]
    notes: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(200))


register_audited(Kind("plan", Plan, child=Plan.child_id))
register_audited(Kind("plan_review", PlanReview, via_placement=True))
register_audited(Kind("plan_revision", PlanRevision, via_placement=True))


class PlanEvent(StrEnum):
    CREATED = "plan.created"
    REVISED = "plan.revised"
    REVIEWED = "plan.reviewed"


class PlanChangedData(EventData):
    kind: PlanKind = Field(examples=["care_plan"])
    revision: int = Field(description="The plan's revision now.", examples=[1])


class PlanReviewedData(EventData):
    kind: PlanKind = Field(examples=["care_plan"])
    conclusion: str = Field(
        description="The outcome's or choice's key.", examples=["planen_star_ved_lag"]
    )
    task_id: EventId = Field(description="The review task.")


register_event_types(
    PlanEvent,
    data={
        PlanEvent.CREATED: PlanChangedData,
        PlanEvent.REVISED: PlanChangedData,
        PlanEvent.REVIEWED: PlanReviewedData,
    },
)
