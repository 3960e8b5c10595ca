"""Inter-municipal teams: the host sets its team up (members with their periods and yearly
populations, staff in team roles).

Rules, each tested over HTTP (tests/teams/):
- the host's leader or integration sets the team up (403 otherwise); a member's membership
  periods never overlap (409 ``overlapping-membership`` at ``#/joined_on``); a population is set
  once per member and year (409 ``population-exists``), for a member in that year, above zero;
- orders and their life cycle are :mod:`app.teams.orders`.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.orm import Session

from app import policy
from app.errors import UnknownReference, ValidationFailed
from app.errors import body_error as error
from app.policy import Capability
from app.principal import Principal
from app.services.models import Service
from app.staff.models import Staff
from app.teams.errors import (
    OverlappingMembership,
    PopulationExists,
    TeamStaffExists,
)
from app.teams.models import (
    Team,
    TeamMember,
    TeamPopulation,
    TeamStaff,
)
from app.teams.schemas import (
    MemberCreate,
    PopulationCreate,
    TeamCreate,
    TeamFilters,
    TeamStaffCreate,
)
from app.tenancy import TenantRepository, resolve_service


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


def overlaps(start: date, end: date | None, other_start: date, other_end: date | None) -> bool:
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
    if any(overlaps(data.joined_on, data.left_on, p.joined_on, p.left_on) for p in periods):
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
        p.member_service_id == service_id and overlaps(first, last, p.joined_on, p.left_on)
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
