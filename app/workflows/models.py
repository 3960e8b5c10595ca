"""Workflow instances, their tasks, the record of every schedule change, visit reductions,
published rule-set versions and calendar feeds."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base, RecordMixin, UTCDateTime, string_enum, utcnow
from app.tenancy import TenantRow


def _same_service_placement() -> ForeignKeyConstraint:
    return ForeignKeyConstraint(
        ["placement_id", "service_id"], ["placements.id", "placements.service_id"]
    )


class InstanceStatus(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"  # a decision was made, or every step is done
    CLOSED = "closed"  # the placement ended


class TaskStatus(StrEnum):
    OPEN = "open"
    COMPLETED = "completed"
    SKIPPED = "skipped"
    CANCELLED = "cancelled"  # no longer due: the placement ended or the plan changed


class WorkflowInstance(TenantRow, Base):
    """One run of a workflow definition for a placement, pinned to the definition version."""

    __tablename__ = "workflow_instances"
    __table_args__ = (
        _same_service_placement(),
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
    outcome: Mapped[str | None] = mapped_column(String(64))
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    started_by: Mapped[str] = mapped_column(String(200))


class Task(TenantRow, Base):
    """Something due for a placement: one occurrence of one step of a workflow instance."""

    __tablename__ = "tasks"
    __table_args__ = (
        _same_service_placement(),
        UniqueConstraint("instance_id", "step_key", "occurrence"),
        Index("ix_tasks_service_status_due", "service_id", "status", "due_date"),
        Index("ix_tasks_assignee_status_due", "assignee_id", "status", "due_date"),
        Index("ix_tasks_placement_due", "placement_id", "due_date"),
    )

    placement_id: Mapped[uuid.UUID]
    instance_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("workflow_instances.id"))
    definition_key: Mapped[str] = mapped_column(String(64))
    definition_version: Mapped[int]
    step_key: Mapped[str] = mapped_column(String(64))
    # Declared so one flush inserts instances before their tasks (never loaded through it).
    instance: Mapped[WorkflowInstance] = relationship(lazy="raise")
    occurrence: Mapped[int]
    title: Mapped[str] = mapped_column(String(300))
    responsible_role: Mapped[str] = mapped_column(String(32))
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    due_date: Mapped[date]
    nominal_date: Mapped[date]
    due_edited: Mapped[bool] = mapped_column(Boolean, default=False)
    rule: Mapped[str] = mapped_column(String(300))
    legal_basis: Mapped[str] = mapped_column(String(300))
    explanation: Mapped[str] = mapped_column(Text)
    rule_set_version: Mapped[int]
    status: Mapped[TaskStatus] = mapped_column(string_enum(TaskStatus, "task_status"))
    answers: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    outcome: Mapped[str | None] = mapped_column(String(64))
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    completed_by: Mapped[str | None] = mapped_column(String(200))
    skip_reason: Mapped[str | None] = mapped_column(Text)


class WorkflowAdjustment(TenantRow, Base):
    """A service's own adjustment of an adjustable workflow: step offsets, steps switched off."""

    __tablename__ = "workflow_adjustments"
    __table_args__ = (UniqueConstraint("service_id", "definition_key"),)

    definition_key: Mapped[str] = mapped_column(String(64))
    steps: Mapped[dict[str, Any]] = mapped_column(JSON)
    changed_by: Mapped[str] = mapped_column(String(200))


class TaskChange(Base):
    """Every change of a task's due date or status, with why: the schedule's history."""

    __tablename__ = "task_changes"
    __table_args__ = (Index("ix_task_changes_task_id", "task_id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    service_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("services.id"), index=True)
    task_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tasks.id"))
    task: Mapped[Task] = relationship(lazy="raise")  # orders inserts after their task
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    changed_by: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(32))
    old_due_date: Mapped[date | None]
    new_due_date: Mapped[date | None]
    reason: Mapped[str] = mapped_column(String(500))


class VisitReduction(TenantRow, Base):
    """A leader's reduction of follow-up visits, with the reason and any objections."""

    __tablename__ = "visit_reductions"
    __table_args__ = (_same_service_placement(),)

    placement_id: Mapped[uuid.UUID] = mapped_column(index=True)
    effective_from: Mapped[date]
    reason: Mapped[str] = mapped_column(Text)
    objections: Mapped[dict[str, bool]] = mapped_column(JSON)
    objection_notes: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(200))


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


class CalendarFeed(TenantRow, Base):
    """A revocable secret URL with a staff member's open tasks (calendar clients send no token)."""

    __tablename__ = "calendar_feeds"

    staff_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    token_prefix: Mapped[str] = mapped_column(String(12))
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(200))
