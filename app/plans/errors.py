"""The plans' own problems."""

from __future__ import annotations

from app.errors import Conflict


class PreliminaryCarePlanExists(Conflict):
    slug, title = (
        "preliminary-care-plan-exists",
        "The child already has a preliminary care plan",
    )


class PlanMissing(Conflict):
    slug, title = "plan-missing", "The placement has no plan of this kind yet"
