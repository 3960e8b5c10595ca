"""The workflows' own problems."""

from __future__ import annotations

from app.errors import Conflict


class WorkflowAlreadyRunning(Conflict):
    slug, title = "workflow-running", "The workflow is already running for this placement"


class ReductionEnded(Conflict):
    slug, title = "reduction-ended", "The reduction has already ended"
