"""The approval of a foster home for one child, before the move (issue #14 item 4).

A foster home is approved *for the child* it takes in (fosterhjemsforskriften), so an approval
belongs to a placement, not to the home: ``foster_homes.approved_date`` stays the home's own
general approval. The approval records what the decision rests on (the assessment, the foster
parents' training, the police certificates, the home visit, the signed fosterhjemsavtale on
Bufdir's template) and the decision itself. A placement in a kinship home on an emergency basis
is approved after the move, within the rule set's deadline (``network_emergency_approval_within``).
"""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import Field
from sqlalchemy import JSON, Boolean, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.audit.kinds import Kind
from app.audit.kinds import register as register_audited
from app.db import Base, string_enum
from app.events.data import EventData
from app.events.service import register_types as register_event_types
from app.placements.models import same_service_placement
from app.tenancy import TenantRow


class ApprovalOutcome(StrEnum):
    APPROVED = "approved"  # godkjent
    NOT_APPROVED = "not_approved"  # ikke godkjent
    APPROVED_WITH_CONDITIONS = "approved_with_conditions"  # godkjent med vilkår


class FosterHomeApproval(TenantRow, Base):
    """The approval of the placement's foster home for its child: one per placement."""

    __tablename__ = "foster_home_approvals"
    __table_args__ = (same_service_placement(), UniqueConstraint("placement_id"))

    placement_id: Mapped[uuid.UUID]
    assessment_date: Mapped[date | None] = mapped_column(
        doc="The day the service finished assessing the home for this child."
    )
    home_visit_date: Mapped[date | None]
    training_course: Mapped[str | None] = mapped_column(String(200))
    training_completed_on: Mapped[date | None]
    police_certificates: Mapped[list[dict[str, Any]]] = mapped_column(
        JSON, doc="[{name, checked_on}]: each foster parent's (and other adult's) certificate."
    )
    agreement_signed_on: Mapped[date | None] = mapped_column(doc="The fosterhjemsavtale.")
    agreement_bufdir_template: Mapped[bool] = mapped_column(Boolean, default=False)
    emergency_decided_on: Mapped[date | None] = mapped_column(
        doc="An urgent move: the day of the emergency decision."
    )
    emergency_decided_by: Mapped[str | None] = mapped_column(String(200))
    parents_informed_on: Mapped[date | None]
    quick_check_on: Mapped[date | None] = mapped_column(
        doc="An urgent move: the quick check of the home before or on the moving day."
    )
    decision_date: Mapped[date | None]
    decided_by: Mapped[str | None] = mapped_column(String(200))
    outcome: Mapped[ApprovalOutcome | None] = mapped_column(
        string_enum(ApprovalOutcome, "approval_outcome")
    )
    conditions: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(200))


register_audited(Kind("foster_home_approval", FosterHomeApproval, via_placement=True))


class ApprovalEvent(StrEnum):
    CREATED = "approval.created"
    UPDATED = "approval.updated"
    DECIDED = "approval.decided"


class ApprovalEventData(EventData):
    outcome: ApprovalOutcome | None = Field(
        description="The decision, once made (`approval.decided` always has one).",
        examples=["approved"],
    )


register_event_types(
    ApprovalEvent,
    data={
        ApprovalEvent.CREATED: ApprovalEventData,
        ApprovalEvent.UPDATED: ApprovalEventData,
        ApprovalEvent.DECIDED: ApprovalEventData,
    },
)
