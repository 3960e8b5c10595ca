"""``task.due_soon`` and ``task.overdue``, raised once per task and due date by the worker.

A marker row per (task, kind, due date) is inserted with ``ON CONFLICT DO NOTHING … RETURNING``
and only the rows this transaction inserted raise an event, so running the worker twice, or two
workers at once, raises each event once. A task moved to a new due date is a new deadline and is
announced again when that date comes close; a task that is completed, skipped or cancelled is
never announced.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, exists, literal, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.db import UTCDateTime, utcnow
from app.tasks.events import emit_task
from app.tasks.models import Task, TaskEvent, TaskNotice, TaskStatus

BATCH = 500


def raise_due_notices(session: Session, *, on: date, days_ahead: int) -> int:
    """Raise the events due on ``on`` (today in Europe/Oslo); returns how many were raised."""
    windows: dict[str, ColumnElement[bool]] = {
        "overdue": Task.due_date < on,
        "due_soon": and_(Task.due_date >= on, Task.due_date <= on + timedelta(days=days_ahead)),
    }
    raised = 0
    for kind, window in windows.items():
        while True:
            count = _raise_batch(session, kind, window)
            raised += count
            if count < BATCH:
                break
    return raised


def _raise_batch(session: Session, kind: str, window: ColumnElement[bool]) -> int:
    already = exists().where(
        TaskNotice.task_id == Task.id,
        TaskNotice.kind == kind,
        TaskNotice.due_date == Task.due_date,
    )
    candidates = (
        select(
            Task.id,
            literal(kind),
            Task.due_date,
            Task.service_id,
            literal(utcnow(), UTCDateTime()),
        )
        .where(Task.status == TaskStatus.OPEN, window, ~already)
        .order_by(Task.due_date, Task.id)
        .limit(BATCH)
    )
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    stmt = (
        dialect.insert(TaskNotice)
        .from_select(["task_id", "kind", "due_date", "service_id", "created_at"], candidates)
        .on_conflict_do_nothing(index_elements=["task_id", "kind", "due_date"])
        .returning(TaskNotice.task_id)
    )
    inserted = [row.task_id for row in session.execute(stmt)]
    if not inserted:
        return 0
    tasks = session.scalars(select(Task).where(Task.id.in_(inserted)).order_by(Task.due_date))
    for task in tasks:
        emit_task(session, task, TaskEvent(f"task.{kind}"), due_date=task.due_date.isoformat())
    session.flush()
    return len(inserted)
