"""Inter-municipal teams (vertskommunesamarbeid): a team hosted by one service, its member
services with their membership periods and yearly populations, its staff, and the orders
(bestillinger) member services send it.

Every row belongs to the host service (``service_id``); a member sees its own orders through
``member_service_id`` (decisions.md 7). The team's staff read an ordered case of the member only
while the order is accepted and open: :func:`app.tenancy.register_granted_access` below, checked
at query time on every read.
"""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import Field
from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    and_,
    exists,
    or_,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.audit.kinds import Kind
from app.audit.kinds import register as register_audited
from app.children.models import Child
from app.db import Base, string_enum
from app.events.data import EventData, EventId
from app.events.service import register_types as register_event_types
from app.foster_homes.models import FosterHome
from app.tenancy import TenantRow, register_granted_access


class UseBasis(StrEnum):
    """What the use half of the group-guidance cost is counted in (a team setting)."""

    SEATS = "seats"  # places taken in the year's cohorts
    ATTENDANCE = "attendance"  # sessions attended


class TeamRole(StrEnum):
    COORDINATOR = "coordinator"  # koordinator / prosjektleder
    SUPERVISOR = "supervisor"  # fosterhjemsveileder


class Team(TenantRow, Base):
    """A guidance team hosted by its service (the host municipality's)."""

    __tablename__ = "teams"
    __table_args__ = (UniqueConstraint("id", "service_id"),)

    name: Mapped[str] = mapped_column(String(200))
    use_basis: Mapped[UseBasis] = mapped_column(string_enum(UseBasis, "team_use_basis"))


def _same_service_team() -> ForeignKeyConstraint:
    return ForeignKeyConstraint(["team_id", "service_id"], ["teams.id", "teams.service_id"])


class TeamMember(TenantRow, Base):
    """A member service's membership of the team from ``joined_on`` to ``left_on`` (inclusive;
    open-ended without it). One member's periods never overlap."""

    __tablename__ = "team_members"
    __table_args__ = (
        _same_service_team(),
        CheckConstraint("left_on IS NULL OR left_on >= joined_on", name="left_after_joined"),
        Index("ix_team_members_team_member", "team_id", "member_service_id"),
    )

    team_id: Mapped[uuid.UUID]
    member_service_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("services.id"), index=True)
    joined_on: Mapped[date]
    left_on: Mapped[date | None]


class TeamPopulation(TenantRow, Base):
    """A member's population (the municipalities it covers) for one year, as counted on a stated
    date: the fixed key of the cost split."""

    __tablename__ = "team_populations"
    __table_args__ = (
        _same_service_team(),
        UniqueConstraint("team_id", "member_service_id", "year"),
        CheckConstraint("population > 0", name="population_positive"),
    )

    team_id: Mapped[uuid.UUID]
    member_service_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("services.id"))
    year: Mapped[int] = mapped_column(Integer)
    population: Mapped[int] = mapped_column(Integer)
    counted_on: Mapped[date]


class TeamStaff(TenantRow, Base):
    """A staff member of the host service working on the team, in a team role."""

    __tablename__ = "team_staff"
    __table_args__ = (
        _same_service_team(),
        ForeignKeyConstraint(
            ["staff_id", "service_id"],
            ["staff.id", "staff.service_id"],
            name="fk_team_staff_staff_same_service",
        ),
        UniqueConstraint("team_id", "staff_id"),
        Index("ix_team_staff_staff_id", "staff_id"),
    )

    team_id: Mapped[uuid.UUID]
    staff_id: Mapped[uuid.UUID]
    team_role: Mapped[TeamRole] = mapped_column(string_enum(TeamRole, "team_role"))


class OrderCategory(StrEnum):
    FOSTER_PARENT_GUIDANCE = "foster_parent_guidance"  # veiledning av fosterforeldre
    HOME_BASED_PARENT_GUIDANCE = "home_based_parent_guidance"  # hjemmebasert foreldreveiledning
    PARENTS_AFTER_CARE_LOSS = "parents_after_care_loss"  # oppfølging av foreldre som har mistet
    GROUP_GUIDANCE = "group_guidance"  # gruppeveiledning
    CONCERN_FOR_BREAKDOWN = "concern_for_breakdown"  # bekymring for brudd (haster)
    OTHER = "other"  # samtale, konsultasjon


URGENT_CATEGORIES = frozenset({OrderCategory.CONCERN_FOR_BREAKDOWN})


class OrderConcerns(StrEnum):
    """Whom the help is for."""

    FOSTER_HOME = "foster_home"
    CHILDS_FOSTER_PARENTS = "childs_foster_parents"
    CHILDS_PARENTS = "childs_parents"


class OrderStatus(StrEnum):
    ORDERED = "ordered"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    STARTED = "started"  # the start conversation was held
    CLOSED = "closed"


OPEN_STATUSES = frozenset({OrderStatus.ACCEPTED, OrderStatus.STARTED})
"""The statuses in which the team reads the ordered case."""


class BreakdownOutcome(StrEnum):
    """How a concern-for-breakdown order ended."""

    FOSTER_HOME_CONTINUED = "foster_home_continued"
    PLACEMENT_ENDED = "placement_ended"


class TeamOrder(TenantRow, Base):
    """A member service's order (bestilling) of help from the team, through its life cycle:
    ordered, accepted or declined (with a reason), called back, started (the start
    conversation, with the evaluation date and the time limit agreed), hours logged, closed with
    a report. The team reads the ordered child and foster home from acceptance until the order
    closes or its time limit passes (``access_from`` .. ``access_until``)."""

    __tablename__ = "team_orders"
    __table_args__ = (
        _same_service_team(),
        UniqueConstraint("id", "service_id"),  # target of same-service foreign keys
        CheckConstraint("child_id IS NOT NULL OR foster_home_id IS NOT NULL", name="names_a_case"),
        Index("ix_team_orders_team_status", "team_id", "status"),
        Index("ix_team_orders_member", "member_service_id", "ordered_on"),
        Index("ix_team_orders_child_id", "child_id"),
        Index("ix_team_orders_next_step_due", "team_id", "next_step_due"),
        Index("ix_team_orders_foster_home_id", "foster_home_id"),
    )

    team_id: Mapped[uuid.UUID]
    member_service_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("services.id"))
    child_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("children.id"))
    foster_home_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("foster_homes.id"))
    concerns: Mapped[OrderConcerns] = mapped_column(string_enum(OrderConcerns, "order_concerns"))
    category: Mapped[OrderCategory] = mapped_column(string_enum(OrderCategory, "order_category"))
    work_on: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    desired_outcome: Mapped[str] = mapped_column(Text)
    ordered_on: Mapped[date]
    ordered_by: Mapped[str] = mapped_column(String(200))
    status: Mapped[OrderStatus] = mapped_column(string_enum(OrderStatus, "order_status"))
    decided_on: Mapped[date | None]
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decision_reason: Mapped[str | None] = mapped_column(Text)
    supervisor_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("staff.id"), doc="The team's supervisor on the assignment."
    )
    called_back_on: Mapped[date | None]
    started_on: Mapped[date | None]
    evaluation_date: Mapped[date | None]
    time_limit_date: Mapped[date | None]
    access_from: Mapped[date | None]
    access_until: Mapped[date | None]
    closed_on: Mapped[date | None]
    report: Mapped[str | None] = mapped_column(Text)
    breakdown_outcome: Mapped[BreakdownOutcome | None] = mapped_column(
        string_enum(BreakdownOutcome, "breakdown_outcome")
    )
    minutes_logged: Mapped[int] = mapped_column(Integer, default=0)
    next_step: Mapped[str | None] = mapped_column(
        String(32), doc="The team's next step (app/teams/steps.py), none once decided or closed."
    )
    next_step_due: Mapped[date | None]
    next_step_rule: Mapped[str | None] = mapped_column(
        String(300), doc="The rule, and its rule-set version, that set next_step_due."
    )

    @property
    def urgent(self) -> bool:
        return self.category in URGENT_CATEGORIES

    @property
    def hours_logged(self) -> float:
        return self.minutes_logged / 60


class TeamOrderHours(TenantRow, Base):
    """Time the team logged on an order (whole minutes; the API takes hours in quarters)."""

    __tablename__ = "team_order_hours"
    __table_args__ = (
        ForeignKeyConstraint(
            ["order_id", "service_id"], ["team_orders.id", "team_orders.service_id"]
        ),
        CheckConstraint("minutes > 0", name="minutes_positive"),
        Index("ix_team_order_hours_order_id", "order_id"),
    )

    order_id: Mapped[uuid.UUID]
    worked_on: Mapped[date]
    minutes: Mapped[int] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    logged_by: Mapped[str] = mapped_column(String(200))


class TeamYear(TenantRow, Base):
    """A year's rates and budget, in whole kroner: the group-guidance part, the individual-
    guidance part (about one full-time position, paid by purchases) and the hourly rate; and
    what the members plan to use, for the preliminary split."""

    __tablename__ = "team_years"
    __table_args__ = (
        _same_service_team(),
        UniqueConstraint("team_id", "year"),
        CheckConstraint(
            "group_budget >= 0 AND individual_budget >= 0 AND hourly_rate >= 0",
            name="whole_kroner",
        ),
    )

    team_id: Mapped[uuid.UUID]
    year: Mapped[int] = mapped_column(Integer)
    group_budget: Mapped[int] = mapped_column(BigInteger)
    individual_budget: Mapped[int] = mapped_column(BigInteger)
    hourly_rate: Mapped[int] = mapped_column(Integer)
    planned_use: Mapped[dict[str, int]] = mapped_column(
        JSON, doc="Seats or attendances each member plans, by member service id."
    )
    planned_hours: Mapped[dict[str, int]] = mapped_column(
        JSON, doc="Hours of individual guidance each member plans to buy, by member service id."
    )


class TeamSettlement(TenantRow, Base):
    """The year-end settlement: the actual use and hours, and each member's line, as settled
    (kept as it was computed, so a later correction of the hours does not change it)."""

    __tablename__ = "team_settlements"
    __table_args__ = (_same_service_team(), UniqueConstraint("team_id", "year"))

    team_id: Mapped[uuid.UUID]
    year: Mapped[int] = mapped_column(Integer)
    settled_on: Mapped[date]
    settled_by: Mapped[str] = mapped_column(String(200))
    fixed_percent: Mapped[int] = mapped_column(Integer)
    rule_set_version: Mapped[int] = mapped_column(Integer)
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JSON)


register_audited(
    Kind(
        "team_order",
        TeamOrder,
        child=TeamOrder.child_id,
        path_id="order_id",
        collections=("team-orders",),
    )
)


def _order_grants(staff_ids: Any, on: Any) -> Any:
    """The accepted, open orders whose team counts one of ``staff_ids`` on ``on``."""
    return and_(
        TeamOrder.status.in_(sorted(OPEN_STATUSES)),
        TeamOrder.access_from <= on,
        or_(TeamOrder.access_until.is_(None), TeamOrder.access_until >= on),
        exists().where(TeamStaff.team_id == TeamOrder.team_id, TeamStaff.staff_id.in_(staff_ids)),
    )


# Access follows the order: the ordered child and foster home, in the ordering member service.
register_granted_access(
    Child,
    lambda staff_ids, on: exists().where(
        TeamOrder.child_id == Child.id,
        TeamOrder.member_service_id == Child.service_id,
        _order_grants(staff_ids, on),
    ),
)
register_granted_access(
    FosterHome,
    lambda staff_ids, on: exists().where(
        TeamOrder.foster_home_id == FosterHome.id,
        TeamOrder.member_service_id == FosterHome.service_id,
        _order_grants(staff_ids, on),
    ),
)


class TeamOrderEvent(StrEnum):
    """Raised in the member service's feed (its webhooks), about its order."""

    ORDERED = "team_order.ordered"
    ACCEPTED = "team_order.accepted"
    DECLINED = "team_order.declined"
    CALLED_BACK = "team_order.called_back"
    STARTED = "team_order.started"
    CLOSED = "team_order.closed"


class TeamOrderData(EventData):
    """Every step of an order says where the order now stands (never whom it is about)."""

    team_id: EventId
    status: str = Field(examples=["accepted"], description="The order's status after the step.")
    category: str = Field(examples=["concern_for_breakdown"])
    urgent: bool = Field(examples=[True], description="A concern for breakdown is urgent.")


register_event_types(TeamOrderEvent, data=dict.fromkeys(TeamOrderEvent, TeamOrderData))
