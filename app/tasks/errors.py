"""The tasks' own problems."""

from __future__ import annotations

from app.errors import Conflict


class TaskNotOpen(Conflict):
    slug, title = "task-not-open", "The task is not open"
