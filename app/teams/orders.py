"""Orders from member services and the team's work on them, through their life cycle.

Rules, each tested over HTTP (tests/teams/):
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
from app.teams import steps
from app.teams.errors import OrderNotInStep
from app.teams.models import (
    BreakdownOutcome,
    OrderCategory,
    OrderConcerns,
    OrderStatus,
    Team,
    TeamOrder,
    TeamOrderEvent,
    TeamOrderHours,
    TeamStaff,
)
from app.teams.schemas import (
    HoursCreate,
    OrderAccept,
    OrderCallBack,
    OrderClose,
    OrderCreate,
    OrderDecline,
    OrderFilters,
    OrderStart,
)
from app.teams.service import TeamRepository, member_periods, overlaps
from app.tenancy import TenantRepository, resolve_service
from app.workflows.service import current_rule_set


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
        p.member_service_id == member and overlaps(on, on, p.joined_on, p.left_on)
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
