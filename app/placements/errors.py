"""The placement register's own problems: overlapping and ended placements."""

from __future__ import annotations

from app.errors import Conflict


class OverlappingPlacement(Conflict):
    slug, title = "overlapping-placement", "The child already has a placement in this period"


class PlacementAlreadyEnded(Conflict):
    slug, title = "placement-ended", "The placement has ended"
