"""The events a task raises (``task.created``, ``task.completed``, …), with the workflow it
belongs to."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.events.service import emit
from app.tasks.models import Task, TaskEvent


def emit_task(session: Session, task: Task, type: TaskEvent, **data: Any) -> None:
    emit(
        session,
        service_id=task.service_id,
        type=type,
        subject_id=task.id,
        placement_id=task.placement_id,
        data={"workflow_id": str(task.instance_id), "step_key": task.step_key, **data},
    )
