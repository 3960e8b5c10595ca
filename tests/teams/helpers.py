"""A realistic team for the tests: a host and six neighbours (seven members, as Øvre Romerike's),
the host's coordinator and supervisor, and orders walked to any step of their life cycle."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from app.clock import today
from app.principal import Role
from tests.helpers import Api, Caller, Case, Tenant, make_case, ok, token

POPULATIONS = [41000, 21500, 16000, 14500, 7500, 6200, 3800]


@dataclass
class Team:
    api: Api
    host: Tenant
    members: list[Tenant]  # members[0] is the host
    team: dict[str, Any]
    supervisor_id: str
    supervisor: Caller  # a contact person of the host, on the team
    coordinator: Caller
    cases: dict[str, Case] = field(default_factory=dict)


def team_member(api: Api, host: Tenant, name: str) -> tuple[str, Caller]:
    """A contact person of the host (to be added to the team)."""
    staff = api.admin.created(
        f"/v1/staff?service_id={host.service_id}",
        {"name": name, "email": f"{uuid.uuid4().hex[:8]}@test.example", "role": "contact_person"},
    )
    bearer = token(Role.CONTACT_PERSON, services=[host.service_id], staff=staff["id"])
    return staff["id"], api.caller(bearer)


def make_team(api: Api, *, members: int = 7, use_basis: str = "seats") -> Team:
    host = api.tenant()
    tenants = [host] + [api.tenant() for _ in range(members - 1)]
    team = host.leader.created(
        "/v1/teams", {"name": "Fosterhjemsteamet Øvre Romerike", "use_basis": use_basis}
    )
    year = today().year
    for tenant, population in zip(tenants, POPULATIONS, strict=False):
        host.leader.created(
            f"/v1/teams/{team['id']}/members",
            {"member_service_id": tenant.service_id, "joined_on": f"{year - 1}-01-01"},
        )
        host.leader.created(
            f"/v1/teams/{team['id']}/populations",
            {
                "member_service_id": tenant.service_id,
                "year": year,
                "population": population,
                "counted_on": f"{year - 1}-07-01",
            },
        )
    supervisor_id, supervisor = team_member(api, host, "Siri Veileder")
    coordinator_id, coordinator = team_member(api, host, "Kari Koordinator")
    for staff_id, role in ((supervisor_id, "supervisor"), (coordinator_id, "coordinator")):
        host.leader.created(
            f"/v1/teams/{team['id']}/staff", {"staff_id": staff_id, "team_role": role}
        )
    return Team(api, host, tenants, team, supervisor_id, supervisor, coordinator)


def order_body(team: Team, case: Case, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "team_id": team.team["id"],
        "category": "concern_for_breakdown",
        "concerns": "childs_foster_parents",
        "child_id": case.child["id"],
        "foster_home_id": case.foster_home["id"],
        "work_on": "Samspillet mellom fosterfar og barnet i hverdagen.",
        "reason": "Fosterforeldrene er slitne og vurderer å avslutte.",
        "desired_outcome": "Fosterhjemmet fortsetter.",
    }
    body.update(overrides)
    return body


STEPS = ("ordered", "accepted", "called_back", "started", "closed")


def order_at(
    team: Team, member: Tenant, step: str, *, case: Case | None = None, **overrides: Any
) -> tuple[Case, dict[str, Any]]:
    """A case of ``member`` and its order, walked by the team to ``step``."""
    case = case or make_case(team.api, member)
    order = member.leader.created("/v1/team-orders", order_body(team, case, **overrides))
    url = f"/v1/team-orders/{order['id']}"
    on = today().isoformat()
    walk = {
        "accepted": ("accept", {"accepted_on": on, "supervisor_id": team.supervisor_id}),
        "called_back": ("call-back", {"called_back_on": on}),
        "started": (
            "start",
            {
                "started_on": on,
                "evaluation_date": f"{today().year + 1}-03-01",
                "time_limit_date": f"{today().year + 1}-06-30",
            },
        ),
        "closed": (
            "close",
            {
                "closed_on": on,
                "report": "Åtte samtaler.",
                "breakdown_outcome": "foster_home_continued",
            },
        ),
    }
    for name in STEPS[1 : STEPS.index(step) + 1]:
        action, body = walk[name]
        if action == "close" and order["category"] != "concern_for_breakdown":
            body = {k: v for k, v in body.items() if k != "breakdown_outcome"}
        order = ok(team.supervisor.post(f"{url}/{action}", json=body))
    return case, order
