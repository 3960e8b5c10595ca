"""A team's statistics per member and month (issue #16 item 5): orders, how they were decided,
how long they waited for the start, hours, and how the concern-for-breakdown orders ended.

Counts only, never a child: an order counts in the month it was ordered, hours in the month they
were worked. The median of days from order to start is over the month's orders that have
started. Whether a placement's end was planned is not counted yet: the placement's
``end_planned`` (the oversight issue) is read here once it exists (docs/teams.md).
"""

from __future__ import annotations

import statistics as stats
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import extract, select
from sqlalchemy.orm import Session

from app import policy
from app.errors import Forbidden
from app.placements.models import Placement
from app.policy import Capability
from app.principal import Principal
from app.teams.models import BreakdownOutcome, OrderCategory, OrderStatus, TeamOrder, TeamOrderHours
from app.teams.schemas import MonthStatistics
from app.teams.service import get_team


@dataclass
class _Month:
    ordered: int = 0
    urgent: int = 0
    accepted: int = 0
    declined: int = 0
    waiting: int = 0
    closed: int = 0
    days_to_start: list[int] = field(default_factory=list)
    minutes: int = 0
    breakdown: int = 0
    continued: int = 0
    ended: int = 0
    ended_planned: int = 0
    ended_unplanned: int = 0


def _end_planned(session: Session, order: TeamOrder) -> bool | None:
    """Whether the placement a concern was raised about ended as planned (decisions.md 5: the
    placement's ``end_planned``): the child's first placement to end on or after the order.
    None when the order names no child or the end is not recorded as either."""
    if order.child_id is None:
        return None
    planned: bool | None = session.scalar(
        select(Placement.end_planned)
        .where(
            Placement.child_id == order.child_id,
            Placement.end_date.is_not(None),
            Placement.end_date >= order.ordered_on,
        )
        .order_by(Placement.end_date)
        .limit(1)
    )
    return planned


_DECIDED_ACCEPTED = frozenset({OrderStatus.ACCEPTED, OrderStatus.STARTED, OrderStatus.CLOSED})


def team_statistics(
    session: Session, principal: Principal, team_id: uuid.UUID, year: int
) -> list[MonthStatistics]:
    """One row per member and month with anything to count, members and months in order. The
    host's leader or integration sees every member; a member's leader or integration its own."""
    team = get_team(session, principal, team_id)
    host = policy.may(principal, Capability.MANAGE_TEAM, team.service_id)
    if not host and not principal.whole_services:
        raise Forbidden("Statistics are for the host's and the members' leaders and integrations.")
    members = None if host else principal.whole_services
    months: dict[tuple[uuid.UUID, int], _Month] = defaultdict(_Month)
    orders = select(TeamOrder).where(
        TeamOrder.team_id == team.id, extract("year", TeamOrder.ordered_on) == year
    )
    if members is not None:
        orders = orders.where(TeamOrder.member_service_id.in_(members))
    for order in session.scalars(orders):
        month = months[(order.member_service_id, order.ordered_on.month)]
        month.ordered += 1
        month.urgent += order.urgent
        month.accepted += order.status in _DECIDED_ACCEPTED
        month.declined += order.status is OrderStatus.DECLINED
        month.waiting += order.status is OrderStatus.ORDERED
        month.closed += order.status is OrderStatus.CLOSED
        if order.started_on is not None:
            month.days_to_start.append((order.started_on - order.ordered_on).days)
        if order.category is OrderCategory.CONCERN_FOR_BREAKDOWN:
            month.breakdown += 1
            month.continued += order.breakdown_outcome is BreakdownOutcome.FOSTER_HOME_CONTINUED
            if order.breakdown_outcome is BreakdownOutcome.PLACEMENT_ENDED:
                month.ended += 1
                planned = _end_planned(session, order)
                month.ended_planned += planned is True
                month.ended_unplanned += planned is False
    hours = (
        select(TeamOrder.member_service_id, TeamOrderHours.worked_on, TeamOrderHours.minutes)
        .join(TeamOrder, TeamOrder.id == TeamOrderHours.order_id)
        .where(TeamOrder.team_id == team.id, extract("year", TeamOrderHours.worked_on) == year)
    )
    if members is not None:
        hours = hours.where(TeamOrder.member_service_id.in_(members))
    for member, worked_on, minutes in session.execute(hours):
        months[(member, worked_on.month)].minutes += minutes
    return [
        MonthStatistics(
            member_service_id=member,
            year=year,
            month=number,
            ordered=m.ordered,
            urgent=m.urgent,
            accepted=m.accepted,
            declined=m.declined,
            waiting=m.waiting,
            closed=m.closed,
            median_days_to_start=stats.median(m.days_to_start) if m.days_to_start else None,
            hours=m.minutes / 60,
            concern_for_breakdown=m.breakdown,
            foster_home_continued=m.continued,
            placement_ended=m.ended,
            placement_ended_planned=m.ended_planned,
            placement_ended_unplanned=m.ended_unplanned,
        )
        for (member, number), m in sorted(months.items(), key=lambda kv: (str(kv[0][0]), kv[0][1]))
    ]
