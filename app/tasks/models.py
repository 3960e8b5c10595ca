"""Tasks (something due for a placement), their history, and the markers that a task's due-soon
or overdue event was raised."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from pydantic import Field
from sqlalchemy import JSON, Boolean, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.audit.kinds import Kind
from app.audit.kinds import register as register_audited
from app.db import Base, UTCDateTime, string_enum, utcnow
from app.events.data import EventData, EventDate, EventId
from app.events.service import register_types as register_event_types
from app.placements.models import same_service_placement
from app.tenancy import TenantRow

if TYPE_CHECKING:
    from app.workflows.models import WorkflowInstance


class TaskStatus(StrEnum):
    OPEN = "open"
    COMPLETED = "completed"
    SKIPPED = "skipped"
    CANCELLED = "cancelled"  # no longer due: the placement ended or the plan changed


class Task(TenantRow, Base):
    """Something due for a placement: one occurrence of one step of a workflow instance."""

    __tablename__ = "tasks"
    __table_args__ = (
        same_service_placement(),
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
    spread_from: Mapped[date | None] = mapped_column(
        doc="The due date the plan gave, when bunched deadlines moved this one earlier."
    )
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
    parent_household_id: Mapped[uuid.UUID | None] = mapped_column(
        doc="The household of parents the task concerns (its workflow's), if any."
    )


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


class TaskNotice(Base):
    """``task.due_soon`` or ``task.overdue`` was raised for this task and this due date.

    The primary key makes raising idempotent across runs and concurrent workers: an insert that
    conflicts raises nothing. Keyed by due date, so a task moved to a new date is announced again
    when the new date comes close.
    """

    __tablename__ = "task_notices"

    task_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tasks.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    due_date: Mapped[date] = mapped_column(primary_key=True)
    service_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("services.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


register_audited(Kind("task", Task, via_placement=True, path_id="task_id", collections=("tasks",)))


class TaskEvent(StrEnum):
    CREATED = "task.created"
    RESCHEDULED = "task.rescheduled"
    COMPLETED = "task.completed"
    SKIPPED = "task.skipped"
    REOPENED = "task.reopened"
    CANCELLED = "task.cancelled"
    DUE_SOON = "task.due_soon"
    OVERDUE = "task.overdue"


class TaskData(EventData):
    workflow_id: EventId = Field(description="The workflow the task belongs to.")
    step_key: str = Field(description="The workflow step.", examples=["besok"])


class TaskDueData(TaskData):
    due_date: EventDate = Field(description="The task's due date now.")


class TaskRescheduledData(TaskDueData):
    by_hand: bool = Field(
        default=False,
        description="Present and true when a person moved the date (else the rules did).",
        examples=[True],
    )


class TaskCompletedData(TaskData):
    outcome: str | None = Field(
        description="The outcome chosen, if the step has outcomes.", examples=["godkjent"]
    )


register_event_types(
    TaskEvent,
    data={
        TaskEvent.CREATED: TaskDueData,
        TaskEvent.RESCHEDULED: TaskRescheduledData,
        TaskEvent.COMPLETED: TaskCompletedData,
        TaskEvent.SKIPPED: TaskData,
        TaskEvent.REOPENED: TaskData,
        TaskEvent.CANCELLED: TaskData,
        TaskEvent.DUE_SOON: TaskDueData,
        TaskEvent.OVERDUE: TaskDueData,
    },
)
