"""Workflow instances, their tasks, the record of every schedule change, visit reductions,
published rule-set versions and calendar feeds."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from pydantic import Field
from sqlalchemy import (
    JSON,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.audit.kinds import Kind
from app.audit.kinds import register as register_audited
from app.db import Base, RecordMixin, UTCDateTime, string_enum
from app.events.data import EventData
from app.events.service import register_types as register_event_types
from app.placements.models import same_service_placement
from app.tenancy import TenantRow


class InstanceStatus(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"  # a decision was made, or every step is done
    CLOSED = "closed"  # the placement ended


class WorkflowInstance(TenantRow, Base):
    """One run of a workflow definition for a placement, pinned to the definition version."""

    __tablename__ = "workflow_instances"
    __table_args__ = (
        same_service_placement(),
        Index("ix_workflow_instances_placement_id", "placement_id"),
    )

    placement_id: Mapped[uuid.UUID]
    definition_key: Mapped[str] = mapped_column(String(64))
    definition_version: Mapped[int]
    status: Mapped[InstanceStatus] = mapped_column(string_enum(InstanceStatus, "instance_status"))
    workflow_start: Mapped[date]
    planned_from: Mapped[date | None] = mapped_column(
        doc="Occurrences due before this are not planned (placements registered late)."
    )
    adjustments: Mapped[dict[str, Any] | None] = mapped_column(
        JSON, doc="The service's step adjustments as they were when the instance started."
    )
    start_reason: Mapped[str | None] = mapped_column(
        String(300),
        doc="What workflow_start is, as a task's explanation says it (nemnda vedtok …); "
        "None: the workflow's own start.",
    )
    outcome: Mapped[str | None] = mapped_column(String(64))
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    started_by: Mapped[str] = mapped_column(String(200))
    parent_household_id: Mapped[uuid.UUID | None] = mapped_column(
        doc="The household of the child's parents this run follows up (a definition planned "
        "per parent household); None: the parents together (none registered yet)."
    )


class WorkflowAdjustment(TenantRow, Base):
    """A service's own adjustment of a workflow: step offsets and steps switched off (adjustable
    workflows only), who owns each step, and whether an optional programme starts on request."""

    __tablename__ = "workflow_adjustments"
    __table_args__ = (UniqueConstraint("service_id", "definition_key"),)

    definition_key: Mapped[str] = mapped_column(String(64))
    steps: Mapped[dict[str, Any]] = mapped_column(JSON)
    start: Mapped[str | None] = mapped_column(
        String(16), doc="on_request: an optional programme starts only when someone starts it."
    )
    changed_by: Mapped[str] = mapped_column(String(200))


class VisitReduction(TenantRow, Base):
    """A leader's reduction of follow-up visits, with the reason and any objections."""

    __tablename__ = "visit_reductions"
    __table_args__ = (same_service_placement(),)

    placement_id: Mapped[uuid.UUID] = mapped_column(index=True)
    effective_from: Mapped[date]
    reason: Mapped[str] = mapped_column(Text)
    objections: Mapped[dict[str, bool]] = mapped_column(JSON)
    objection_notes: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(200))
    ended_on: Mapped[date | None] = mapped_column(
        doc="A leader ended the reduction: the usual visits again after this day."
    )
    end_reason: Mapped[str | None] = mapped_column(Text)
    ended_by: Mapped[str | None] = mapped_column(String(200))


class ExtraVisit(TenantRow, Base):
    """A follow-up visit nobody planned ("så ofte som nødvendig"), recorded after it was held:
    it counts towards the year's minimum like a planned one and leaves the plan as it is."""

    __tablename__ = "extra_visits"
    __table_args__ = (same_service_placement(),)

    placement_id: Mapped[uuid.UUID] = mapped_column(index=True)
    visited_on: Mapped[date]
    spoke_with_child_alone: Mapped[bool]
    reason: Mapped[str] = mapped_column(Text, doc="Why the child needed the visit.")
    notes: Mapped[str] = mapped_column(Text, doc="The child's own views and the assessment.")
    recorded_by: Mapped[str] = mapped_column(String(200))


class RuleSetVersion(RecordMixin, Base):
    """A published version of the legal rule set (version 1 ships with the code)."""

    __tablename__ = "rule_set_versions"
    __table_args__ = (UniqueConstraint("key", "number"),)

    key: Mapped[str] = mapped_column(String(64))
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    valid_from: Mapped[date]
    values: Mapped[dict[str, Any]] = mapped_column(JSON)
    published_by: Mapped[str] = mapped_column(String(200))


register_audited(
    Kind(
        "workflow",
        WorkflowInstance,
        via_placement=True,
        path_id="workflow_id",
        collections=("workflows",),
    )
)
register_audited(Kind("visit_reduction", VisitReduction, via_placement=True))
register_audited(Kind("extra_visit", ExtraVisit, via_placement=True))


class WorkflowEvent(StrEnum):
    STARTED = "workflow.started"
    COMPLETED = "workflow.completed"
    CLOSED = "workflow.closed"


class WorkflowEventData(EventData):
    definition_key: str = Field(
        description="The workflow definition.", examples=["oppfolgingsbesok"]
    )


class WorkflowCompletedData(WorkflowEventData):
    outcome: str | None = Field(
        description="The outcome of the task that completed it.", examples=["godkjent"]
    )


register_event_types(
    WorkflowEvent,
    data={
        WorkflowEvent.STARTED: WorkflowEventData,
        WorkflowEvent.COMPLETED: WorkflowCompletedData,
        WorkflowEvent.CLOSED: WorkflowEventData,
    },
)
