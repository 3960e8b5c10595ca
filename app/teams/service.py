"""Inter-municipal teams: the host sets its team up (members with their periods and yearly
populations, staff in team roles); members order help; the team works each order through its
life cycle.

Rules, each tested over HTTP (tests/teams/):
- the host's leader or integration sets the team up (403 otherwise); a member's membership
  periods never overlap (409 ``overlapping-membership`` at ``#/joined_on``); a population is set
  once per member and year (409 ``population-exists``), for a member in that year, above zero;
- a member service's leader or integration orders help for its own child or foster home while
  it is a member: another service's row, or a team it is not a member of today, is a 404;
  ``concerns`` says which of child and foster home the order needs (422 at the missing one);
- the team (its staff, or the host's leader or integration) decides: accept or decline (with a
  reason) an order once (409 ``order-not-in-step`` for a second time), call back, start with the
  evaluation date and time limit, log hours while started, close with a report; a concern for
  breakdown closes with its outcome (foster home continued or placement ended);
- access follows the order: the team's staff read the ordered child and foster home from the
  acceptance until the order closes or its time limit passes (``app/teams/models.py``), and
  each read is recorded in the member's audit trail like any other.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.orm import Session

from app import policy
from app.audit.trail import AuditTrail
from app.children.service import ChildRepository
from app.clock import today
from app.errors import FieldError, Forbidden, NotFound, UnknownReference, ValidationFailed
from app.errors import body_error as error
from app.events.service import emit
from app.foster_homes.service import FosterHomeRepository
from app.policy import Capability
from app.principal import Principal
from app.services.models import Service
from app.staff.models import Staff
from app.teams import steps
from app.teams.errors import (
    OrderNotInStep,
    OverlappingMembership,
    PopulationExists,
    TeamStaffExists,
)
from app.teams.models import (
    BreakdownOutcome,
    OrderCategory,
    OrderConcerns,
    OrderStatus,
    Team,
    TeamMember,
    TeamOrder,
    TeamOrderEvent,
    TeamOrderHours,
    TeamPopulation,
    TeamStaff,
)
from app.teams.schemas import (
    HoursCreate,
    MemberCreate,
    OrderAccept,
    OrderCallBack,
    OrderClose,
    OrderCreate,
    OrderDecline,
    OrderFilters,
    OrderStart,
    PopulationCreate,
    TeamCreate,
    TeamFilters,
    TeamStaffCreate,
)
from app.tenancy import TenantRepository, resolve_service
from app.workflows.service import current_rule_set


def _member_of(team_id: Any, services: frozenset[uuid.UUID]) -> ColumnElement[bool]:
    return exists().where(TeamMember.team_id == team_id, TeamMember.member_service_id.in_(services))


class TeamRepository(TenantRepository[Team]):
    model = Team
    path = "teams"
    noun = "team"
    case_data = False  # the team's own record: every member of the host sees it

    def shared(self, services: frozenset[uuid.UUID]) -> ColumnElement[bool] | None:
        return _member_of(Team.id, services)


class MemberRepository(TenantRepository[TeamMember]):
    model = TeamMember
    path = "teams"
    noun = "team member"
    case_data = False

    def shared(self, services: frozenset[uuid.UUID]) -> ColumnElement[bool] | None:
        return _member_of(TeamMember.team_id, services)


class PopulationRepository(TenantRepository[TeamPopulation]):
    model = TeamPopulation
    path = "teams"
    noun = "population"
    case_data = False

    def shared(self, services: frozenset[uuid.UUID]) -> ColumnElement[bool] | None:
        return _member_of(TeamPopulation.team_id, services)


class TeamStaffRepository(TenantRepository[TeamStaff]):
    model = TeamStaff
    path = "teams"
    noun = "team staff member"
    case_data = False

    def shared(self, services: frozenset[uuid.UUID]) -> ColumnElement[bool] | None:
        return _member_of(TeamStaff.team_id, services)


class OrderRepository(TenantRepository[TeamOrder]):
    """Orders: the host's leaders and integrations see every one, its contact persons those of
    the teams they work on, and a member service (leader, integration) its own."""

    model = TeamOrder
    path = "team-orders"
    noun = "team order"

    def case_filter(self, staff_id: Any) -> ColumnElement[bool]:
        return exists().where(
            TeamStaff.team_id == TeamOrder.team_id, TeamStaff.staff_id == staff_id
        )

    def shared(self, services: frozenset[uuid.UUID]) -> ColumnElement[bool] | None:
        return TeamOrder.member_service_id.in_(services)


class HoursRepository(TenantRepository[TeamOrderHours]):
    model = TeamOrderHours
    path = "team-orders"
    noun = "hours"

    def case_filter(self, staff_id: Any) -> ColumnElement[bool]:
        return exists().where(
            TeamOrder.id == TeamOrderHours.order_id,
            TeamStaff.team_id == TeamOrder.team_id,
            TeamStaff.staff_id == staff_id,
        )

    def shared(self, services: frozenset[uuid.UUID]) -> ColumnElement[bool] | None:
        return exists().where(
            TeamOrder.id == TeamOrderHours.order_id, TeamOrder.member_service_id.in_(services)
        )


# -- The team and its set-up ---------------------------------------------------------------------


def create_team(
    session: Session, principal: Principal, *, data: TeamCreate, service_id: uuid.UUID | None
) -> Team:
    host = resolve_service(principal, service_id)
    policy.require(principal, Capability.MANAGE_TEAM, host)
    row = Team(service_id=host, name=data.name, use_basis=data.use_basis)
    session.add(row)
    session.flush()
    return row


def list_teams(
    session: Session, principal: Principal, params: TeamFilters
) -> tuple[list[Team], str | None]:
    return TeamRepository(session, principal).list(params)


def get_team(session: Session, principal: Principal, team_id: uuid.UUID) -> Team:
    return TeamRepository(session, principal).get(team_id)


def managed_team(session: Session, principal: Principal, team_id: uuid.UUID) -> Team:
    team = TeamRepository(session, principal).get_for_update(team_id)
    policy.require(principal, Capability.MANAGE_TEAM, team.service_id)
    return team


def _overlaps(start: date, end: date | None, other_start: date, other_end: date | None) -> bool:
    return (other_end is None or start <= other_end) and (end is None or other_start <= end)


def add_member(
    session: Session, principal: Principal, team_id: uuid.UUID, *, data: MemberCreate
) -> TeamMember:
    team = managed_team(session, principal, team_id)
    if data.left_on is not None and data.left_on < data.joined_on:
        raise ValidationFailed(
            "A membership ends on or after the day it starts.",
            errors=[error("left_on", "Before joined_on", "before_joined")],
        )
    if session.get(Service, data.member_service_id) is None:
        raise UnknownReference(
            "No such service.",
            errors=[error("member_service_id", "Not a service", "unknown_reference")],
        )
    periods = session.scalars(
        select(TeamMember).where(
            TeamMember.team_id == team.id, TeamMember.member_service_id == data.member_service_id
        )
    )
    if any(_overlaps(data.joined_on, data.left_on, p.joined_on, p.left_on) for p in periods):
        raise OverlappingMembership(
            "The service is already a member in part of this period.",
            errors=[error("joined_on", "Overlaps another membership period", "overlapping")],
        )
    row = TeamMember(
        service_id=team.service_id,
        team_id=team.id,
        member_service_id=data.member_service_id,
        joined_on=data.joined_on,
        left_on=data.left_on,
    )
    session.add(row)
    session.flush()
    return row


def _in_team(
    session: Session,
    principal: Principal,
    repository: type[TenantRepository[Any]],
    team_id: uuid.UUID,
) -> list[Any]:
    team = get_team(session, principal, team_id)
    model = repository.model
    stmt = (
        repository(session, principal)
        .readable()
        .where(model.team_id == team.id)
        .order_by(model.created_at, model.id)
    )
    return list(session.scalars(stmt))


def list_members(session: Session, principal: Principal, team_id: uuid.UUID) -> list[TeamMember]:
    return _in_team(session, principal, MemberRepository, team_id)


def member_periods(session: Session, team_id: uuid.UUID) -> list[TeamMember]:
    """Every membership period of the team (the caller has been shown to see the team)."""
    return list(
        session.scalars(
            select(TeamMember)
            .where(TeamMember.team_id == team_id)
            .order_by(TeamMember.joined_on, TeamMember.id)
        )
    )


def member_in_year(periods: Sequence[TeamMember], service_id: uuid.UUID, year: int) -> bool:
    first, last = date(year, 1, 1), date(year, 12, 31)
    return any(
        p.member_service_id == service_id and _overlaps(first, last, p.joined_on, p.left_on)
        for p in periods
    )


def set_population(
    session: Session, principal: Principal, team_id: uuid.UUID, *, data: PopulationCreate
) -> TeamPopulation:
    team = managed_team(session, principal, team_id)
    if not member_in_year(member_periods(session, team.id), data.member_service_id, data.year):
        raise ValidationFailed(
            "The service is not a member of the team in this year.",
            errors=[error("member_service_id", "Not a member in this year", "not_a_member")],
        )
    existing = session.scalar(
        select(TeamPopulation.id).where(
            TeamPopulation.team_id == team.id,
            TeamPopulation.member_service_id == data.member_service_id,
            TeamPopulation.year == data.year,
        )
    )
    if existing is not None:
        raise PopulationExists(
            "The member's population for this year is already set.",
            errors=[error("year", "Already set for this member", "population_exists")],
        )
    row = TeamPopulation(service_id=team.service_id, team_id=team.id, **data.model_dump())
    session.add(row)
    session.flush()
    return row


def list_populations(
    session: Session, principal: Principal, team_id: uuid.UUID
) -> list[TeamPopulation]:
    return _in_team(session, principal, PopulationRepository, team_id)


def add_team_staff(
    session: Session, principal: Principal, team_id: uuid.UUID, *, data: TeamStaffCreate
) -> TeamStaff:
    team = managed_team(session, principal, team_id)
    staff = session.scalar(
        select(Staff).where(Staff.id == data.staff_id, Staff.service_id == team.service_id)
    )
    if staff is None:
        raise UnknownReference(
            "The team's staff are staff of the host service.",
            errors=[error("staff_id", "Not a staff member of the host", "unknown_reference")],
        )
    taken = session.scalar(
        select(TeamStaff.id).where(TeamStaff.team_id == team.id, TeamStaff.staff_id == staff.id)
    )
    if taken is not None:
        raise TeamStaffExists(
            "The staff member is already on the team.",
            errors=[error("staff_id", "Already on the team", "team_staff_exists")],
        )
    row = TeamStaff(
        service_id=team.service_id, team_id=team.id, staff_id=staff.id, team_role=data.team_role
    )
    session.add(row)
    session.flush()
    return row


def list_team_staff(session: Session, principal: Principal, team_id: uuid.UUID) -> list[TeamStaff]:
    return _in_team(session, principal, TeamStaffRepository, team_id)


# -- Orders --------------------------------------------------------------------------------------


def _plan_next_step(session: Session, order: TeamOrder) -> None:
    step = steps.next_step(
        status=order.status,
        urgent=order.urgent,
        ordered_on=order.ordered_on,
        called_back_on=order.called_back_on,
        time_limit_date=order.time_limit_date,
        rules=current_rule_set(session),
    )
    order.next_step = step.step if step else None
    order.next_step_due = step.due_on if step else None
    order.next_step_rule = step.rule if step else None


def _emit(session: Session, order: TeamOrder, type: TeamOrderEvent) -> None:
    emit(
        session,
        service_id=order.member_service_id,
        type=type,
        subject_id=order.id,
        data={
            "team_id": str(order.team_id),
            "status": order.status.value,
            "category": order.category.value,
            "urgent": order.urgent,
        },
    )


_NEEDS: dict[OrderConcerns, tuple[str, ...]] = {
    OrderConcerns.FOSTER_HOME: ("foster_home_id",),
    OrderConcerns.CHILDS_FOSTER_PARENTS: ("child_id", "foster_home_id"),
    OrderConcerns.CHILDS_PARENTS: ("child_id",),
}


def create_order(
    session: Session,
    principal: Principal,
    *,
    data: OrderCreate,
    service_id: uuid.UUID | None,
    audit: AuditTrail,
) -> TeamOrder:
    """A member's order: the member is the caller's service (``service_id`` when it has
    several), and the order belongs to the team's host."""
    member = resolve_service(principal, service_id)
    policy.require(principal, Capability.ORDER_FROM_TEAM, member)
    missing = [
        error(name, f"Required when concerns is {data.concerns.value}", "required_for_concerns")
        for name in _NEEDS[data.concerns]
        if getattr(data, name) is None
    ]
    if missing:
        raise ValidationFailed("Say whom the help is for.", errors=missing)
    team: Team | None = session.scalar(*TeamRepository(session, principal).by_id(data.team_id))
    on = today()
    if team is None or not any(
        p.member_service_id == member and _overlaps(on, on, p.joined_on, p.left_on)
        for p in member_periods(session, team.id)
    ):
        raise NotFound(
            "No team with this id has your service as a member today.",
            errors=[error("team_id", "Not a team of yours", "not_a_member")],
        )
    if data.child_id is not None and (
        ChildRepository(session, principal).readable_in_service(member, data.child_id) is None
    ):
        raise NotFound(
            "No child with this id is visible to you in the ordering service.",
            errors=[error("child_id", "Not a child of the ordering service", "not_found")],
        )
    if data.foster_home_id is not None and (
        FosterHomeRepository(session, principal).readable_in_service(member, data.foster_home_id)
        is None
    ):
        raise NotFound(
            "No foster home with this id is visible to you in the ordering service.",
            errors=[
                error("foster_home_id", "Not a foster home of the ordering service", "not_found")
            ],
        )
    order = TeamOrder(
        id=uuid.uuid4(),
        service_id=team.service_id,
        team_id=team.id,
        member_service_id=member,
        child_id=data.child_id,
        foster_home_id=data.foster_home_id,
        concerns=data.concerns,
        category=data.category,
        work_on=data.work_on,
        reason=data.reason,
        desired_outcome=data.desired_outcome,
        ordered_on=on,
        ordered_by=principal.subject[:200],
        status=OrderStatus.ORDERED,
        minutes_logged=0,
    )
    _plan_next_step(session, order)
    session.add(order)
    session.flush()
    _emit(session, order, TeamOrderEvent.ORDERED)
    return audit.one(order)


def list_orders(
    session: Session, principal: Principal, params: OrderFilters, *, audit: AuditTrail
) -> tuple[list[TeamOrder], str | None]:
    where: list[ColumnElement[bool]] = []
    if params.due_by is not None:
        where.append(TeamOrder.next_step_due <= params.due_by)
    filters = params.model_copy(update={"due_by": None})
    rows, cursor = OrderRepository(session, principal).list(filters, where=where)
    audit.many(rows)
    return rows, cursor


def get_order(
    session: Session, principal: Principal, order_id: uuid.UUID, *, audit: AuditTrail
) -> TeamOrder:
    return audit.one(OrderRepository(session, principal).get(order_id))


def _on_team(session: Session, principal: Principal, team_id: uuid.UUID) -> bool:
    staff_ids = {g.staff_id for g in principal.grants.values() if g.staff_id is not None}
    if not staff_ids:
        return False
    found = session.scalar(
        select(TeamStaff.id).where(TeamStaff.team_id == team_id, TeamStaff.staff_id.in_(staff_ids))
    )
    return found is not None


def _team_order(session: Session, principal: Principal, order_id: uuid.UUID) -> TeamOrder:
    """The order, locked, for a step only the team takes: its staff, or the host's leader or
    integration (a member sees its order but does not work it)."""
    order = OrderRepository(session, principal).get_for_update(order_id)
    host = order.service_id
    if not (
        policy.may(principal, Capability.MANAGE_TEAM, host)
        or (host in principal.service_ids and _on_team(session, principal, order.team_id))
    ):
        raise Forbidden("Only the team works an order.")
    return order


def _in_step(order: TeamOrder, *statuses: OrderStatus, detail: str) -> None:
    if order.status not in statuses:
        raise OrderNotInStep(f"{detail} (the order is {order.status.value}).")


def _date_problems(
    name: str, value: date, *, not_before: date | None, before_name: str
) -> list[FieldError]:
    if value > today():
        return [error(name, "After today", "in_future")]
    if not_before is not None and value < not_before:
        return [error(name, f"Before {before_name}", f"before_{before_name}")]
    return []


def _refuse(problems: list[FieldError]) -> None:
    if problems:
        raise ValidationFailed("The step does not fit the order.", errors=problems)


def accept_order(
    session: Session,
    principal: Principal,
    order_id: uuid.UUID,
    *,
    data: OrderAccept,
    audit: AuditTrail,
) -> TeamOrder:
    order = _team_order(session, principal, order_id)
    _in_step(order, OrderStatus.ORDERED, detail="Only an order not yet decided is accepted")
    _refuse(
        _date_problems(
            "accepted_on", data.accepted_on, not_before=order.ordered_on, before_name="ordered_on"
        )
    )
    if data.supervisor_id is not None and not session.scalar(
        select(TeamStaff.id).where(
            TeamStaff.team_id == order.team_id, TeamStaff.staff_id == data.supervisor_id
        )
    ):
        raise UnknownReference(
            "The supervisor is one of the team's staff.",
            errors=[error("supervisor_id", "Not on the team", "unknown_reference")],
        )
    order.status = OrderStatus.ACCEPTED
    order.decided_on = data.accepted_on
    order.decided_by = principal.subject[:200]
    order.decision_reason = data.reason
    order.supervisor_id = data.supervisor_id
    order.access_from = data.accepted_on
    return _stepped(session, order, TeamOrderEvent.ACCEPTED, audit)


def _stepped(
    session: Session, order: TeamOrder, event: TeamOrderEvent, audit: AuditTrail
) -> TeamOrder:
    _plan_next_step(session, order)
    session.flush()
    _emit(session, order, event)
    return audit.one(order)


def decline_order(
    session: Session,
    principal: Principal,
    order_id: uuid.UUID,
    *,
    data: OrderDecline,
    audit: AuditTrail,
) -> TeamOrder:
    order = _team_order(session, principal, order_id)
    _in_step(order, OrderStatus.ORDERED, detail="Only an order not yet decided is declined")
    _refuse(
        _date_problems(
            "declined_on", data.declined_on, not_before=order.ordered_on, before_name="ordered_on"
        )
    )
    order.status = OrderStatus.DECLINED
    order.decided_on = data.declined_on
    order.decided_by = principal.subject[:200]
    order.decision_reason = data.reason
    return _stepped(session, order, TeamOrderEvent.DECLINED, audit)


def call_back(
    session: Session,
    principal: Principal,
    order_id: uuid.UUID,
    *,
    data: OrderCallBack,
    audit: AuditTrail,
) -> TeamOrder:
    order = _team_order(session, principal, order_id)
    _in_step(order, OrderStatus.ACCEPTED, detail="The team calls back on an accepted order")
    if order.called_back_on is not None:
        raise OrderNotInStep("The member has already been called back.")
    _refuse(
        _date_problems(
            "called_back_on",
            data.called_back_on,
            not_before=order.ordered_on,
            before_name="ordered_on",
        )
    )
    order.called_back_on = data.called_back_on
    return _stepped(session, order, TeamOrderEvent.CALLED_BACK, audit)


def start_order(
    session: Session,
    principal: Principal,
    order_id: uuid.UUID,
    *,
    data: OrderStart,
    audit: AuditTrail,
) -> TeamOrder:
    order = _team_order(session, principal, order_id)
    _in_step(order, OrderStatus.ACCEPTED, detail="An accepted order is started")
    if order.called_back_on is None:
        raise OrderNotInStep("Call the member back before the start conversation.")
    problems = _date_problems(
        "started_on", data.started_on, not_before=order.called_back_on, before_name="called_back_on"
    )
    if data.time_limit_date < data.started_on:
        problems.append(error("time_limit_date", "Before started_on", "before_started_on"))
    if data.evaluation_date <= data.started_on:
        problems.append(error("evaluation_date", "Not after started_on", "before_started_on"))
    elif data.evaluation_date > data.time_limit_date:
        problems.append(error("evaluation_date", "After the time limit", "after_time_limit"))
    _refuse(problems)
    order.status = OrderStatus.STARTED
    order.started_on = data.started_on
    order.evaluation_date = data.evaluation_date
    order.time_limit_date = data.time_limit_date
    order.access_until = data.time_limit_date
    return _stepped(session, order, TeamOrderEvent.STARTED, audit)


def log_hours(
    session: Session,
    principal: Principal,
    order_id: uuid.UUID,
    *,
    data: HoursCreate,
    audit: AuditTrail,
) -> TeamOrder:
    order = _team_order(session, principal, order_id)
    _in_step(order, OrderStatus.STARTED, detail="Hours are logged on a started order")
    assert order.started_on is not None  # set with the status
    _refuse(
        _date_problems(
            "worked_on", data.worked_on, not_before=order.started_on, before_name="started_on"
        )
    )
    minutes = round(data.hours * 60)
    session.add(
        TeamOrderHours(
            service_id=order.service_id,
            order_id=order.id,
            worked_on=data.worked_on,
            minutes=minutes,
            note=data.note,
            logged_by=principal.subject[:200],
        )
    )
    order.minutes_logged += minutes
    session.flush()
    return audit.one(order, detail="hours")


def list_hours(
    session: Session, principal: Principal, order_id: uuid.UUID, *, audit: AuditTrail
) -> list[TeamOrderHours]:
    order = OrderRepository(session, principal).get(order_id)
    stmt = (
        HoursRepository(session, principal)
        .readable()
        .where(TeamOrderHours.order_id == order.id)
        .order_by(TeamOrderHours.worked_on, TeamOrderHours.created_at)
    )
    rows = list(session.scalars(stmt))
    audit.one(order, detail="hours")
    return rows


def close_order(
    session: Session,
    principal: Principal,
    order_id: uuid.UUID,
    *,
    data: OrderClose,
    audit: AuditTrail,
) -> TeamOrder:
    order = _team_order(session, principal, order_id)
    _in_step(order, OrderStatus.STARTED, detail="A started order is closed")
    problems = _date_problems(
        "closed_on", data.closed_on, not_before=order.started_on, before_name="started_on"
    )
    concern = order.category is OrderCategory.CONCERN_FOR_BREAKDOWN
    if concern and data.breakdown_outcome is None:
        problems.append(
            error(
                "breakdown_outcome",
                "A concern-for-breakdown order closes with how it ended",
                "required_for_category",
            )
        )
    if not concern and data.breakdown_outcome is not None:
        problems.append(
            error("breakdown_outcome", "Only a concern-for-breakdown order", "only_concern")
        )
    _refuse(problems)
    order.status = OrderStatus.CLOSED
    order.closed_on = data.closed_on
    order.report = data.report
    order.breakdown_outcome = (
        BreakdownOutcome(data.breakdown_outcome) if data.breakdown_outcome else None
    )
    return _stepped(session, order, TeamOrderEvent.CLOSED, audit)
