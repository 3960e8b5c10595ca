"""The teams' own problems."""

from __future__ import annotations

from app.errors import Conflict


class OverlappingMembership(Conflict):
    slug, title = (
        "overlapping-membership",
        "The service is already a member of the team in this period",
    )


class PopulationExists(Conflict):
    slug, title = "population-exists", "The member's population for this year is already set"


class TeamStaffExists(Conflict):
    slug, title = "team-staff-exists", "The staff member is already on the team"


class OrderNotInStep(Conflict):
    """The order is not in the state the step needs (accepting it twice, starting a declined
    order, closing one that never started)."""

    slug, title = "order-not-in-step", "The order is not at this step of its life cycle"


class YearSettled(Conflict):
    slug, title = "year-settled", "The year is settled"
