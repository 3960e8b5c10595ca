from __future__ import annotations

from app.errors import Conflict


class VisitorAlreadyAppointed(Conflict):
    """The placement has a current supervision visitor: end that appointment first."""

    slug, title = "supervision-visitor-current", "The placement already has a current visitor"


class VisitorEnded(Conflict):
    slug, title = "supervision-visitor-ended", "The appointment has already ended"
