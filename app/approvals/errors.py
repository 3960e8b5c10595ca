"""The approvals' own problems."""

from __future__ import annotations

from app.errors import Conflict


class ApprovalExists(Conflict):
    slug, title = "approval-exists", "The placement already has an approval"
