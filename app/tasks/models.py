"""Markers that a task's due-soon or overdue event was raised, so it is raised once."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, UTCDateTime, utcnow


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
