"""Roles per service: a person can lead in one municipality and be a contact person in another
(an inter-municipal team). The token carries a grant per service; each service's rows are served
as that service's role allows, and the audit trail records the role the person had there."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
import jwt
import pytest
from dateutil.relativedelta import relativedelta

from app.auth import mint_token
from app.clock import today
from app.config import get_settings
from app.errors import Unauthenticated
from app.policy import Capability, may
from app.principal import DEFAULT_SCOPES, Grant, Principal, Role
from tests.helpers import Api, Caller, Case, Tenant, child_body, make_case


def grants_token(grants: dict[str, tuple[Role, str | None]], subject: str = "team-member") -> str:
    return mint_token(
        get_settings(),
        subject=subject,
        grants={
            uuid.UUID(service): Grant(role, uuid.UUID(staff) if staff else None)
            for service, (role, staff) in grants.items()
        },
    )


@dataclass
class Team:
    """Lise leads in A and is contact person (staff row ``b.contact_id``) in B."""

    a: Tenant
    b: Tenant
    person: Caller
    case_a: Case  # A's case, followed by A's own contact person
    mine_b: Case  # B's case that Lise follows
    other_b: Case  # B's case someone else follows


@pytest.fixture
def team(api: Api) -> Team:
    a, b = api.tenant(), api.tenant()
    started = (today() - relativedelta(years=2, days=40)).isoformat()
    agreement = (today() + relativedelta(years=2)).isoformat()
    case_a = make_case(api, a, start_date=started, agreement_end_date=agreement)
    mine_b = make_case(api, b, start_date=started, agreement_end_date=agreement)
    colleague = api.admin.created(
        f"/v1/staff?service_id={b.service_id}",
        {"name": "Per Kollega", "email": "per@test.example", "role": "contact_person"},
    )
    other_b = make_case(api, b, contact_person_id=colleague["id"])
    person = api.caller(
        grants_token(
            {
                a.service_id: (Role.LEADER, a.leader_id),
                b.service_id: (Role.CONTACT_PERSON, b.contact_id),
            }
        )
    )
    return Team(a, b, person, case_a, mine_b, other_b)


def ids(response: Any) -> set[str]:
    assert response.status_code == 200, response.text
    return {item["id"] for item in response.json()["items"]}


class TestEachServiceIsServedAsItsRoleAllows:
    def test_a_leader_sees_every_case_of_the_service_they_lead(self, team: Team) -> None:
        response = team.person.get(f"/v1/children/{team.case_a.child['id']}")
        assert response.status_code == 200, response.text
        placement = team.person.get(f"/v1/placements/{team.case_a.placement['id']}")
        assert placement.status_code == 200, placement.text

    def test_a_contact_person_sees_their_own_case_in_the_other_service(self, team: Team) -> None:
        response = team.person.get(f"/v1/children/{team.mine_b.child['id']}")
        assert response.status_code == 200, response.text

    def test_a_contact_person_does_not_see_a_colleagues_case(self, team: Team) -> None:
        for path in (
            f"/v1/children/{team.other_b.child['id']}",
            f"/v1/placements/{team.other_b.placement['id']}",
            f"/v1/foster-homes/{team.other_b.foster_home['id']}",
        ):
            response = team.person.get(path)
            assert response.status_code == 404, (path, response.text)
            assert response.json()["type"].endswith("/not-found")

    def test_a_list_across_both_services_shows_exactly_what_each_role_allows(
        self, team: Team
    ) -> None:
        children = ids(team.person.get("/v1/children", params={"limit": 100}))
        assert team.case_a.child["id"] in children
        assert team.mine_b.child["id"] in children
        assert team.other_b.child["id"] not in children
        tasks = team.person.get("/v1/tasks", params={"limit": 100}).json()["items"]
        placements = {t["placement_id"] for t in tasks}
        assert team.case_a.placement["id"] in placements
        assert team.mine_b.placement["id"] in placements
        assert team.other_b.placement["id"] not in placements


class TestLeaderDecisionsAreTakenInTheServiceTheyLead:
    def reduce(self, team: Team, case: Case) -> Any:
        return team.person.post(
            f"/v1/placements/{case.placement['id']}/visit-reductions",
            json={
                "effective_from": today().isoformat(),
                "reason": "Barnet har bodd stabilt og godt i fosterhjemmet i over to år.",
            },
        )

    def test_visits_are_reduced_where_the_person_leads(self, team: Team) -> None:
        response = self.reduce(team, team.case_a)
        assert response.status_code == 201, response.text

    def test_not_where_the_person_is_a_contact_person(self, team: Team) -> None:
        response = self.reduce(team, team.mine_b)
        assert response.status_code == 403, response.text
        assert response.json()["detail"] == "Only a leader can reduce the follow-up visits."

    def test_api_keys_are_created_only_for_the_service_they_lead(self, team: Team) -> None:
        body = {"name": "Journal", "scopes": ["children:read"]}
        led = team.person.post(f"/v1/api-keys?service_id={team.a.service_id}", json=body)
        assert led.status_code == 201, led.text
        followed = team.person.post(f"/v1/api-keys?service_id={team.b.service_id}", json=body)
        assert followed.status_code == 403, followed.text
        listed = team.person.get("/v1/api-keys").json()["items"]
        items = listed["items"] if isinstance(listed, dict) else listed
        assert {k["service_id"] for k in items} == {team.a.service_id}

    def test_the_audit_trail_is_read_only_where_the_person_leads(self, team: Team) -> None:
        led = team.person.get(f"/v1/children/{team.case_a.child['id']}/access-log")
        assert led.status_code == 200, led.text
        followed = team.person.get(f"/v1/children/{team.mine_b.child['id']}/access-log")
        assert followed.status_code == 403, followed.text
        searched = team.person.get("/v1/audit-events", params={"service_id": team.b.service_id})
        assert searched.status_code == 403, searched.text


class TestTheAuditTrailRecordsTheRoleInTheEntrysService:
    def test_each_read_is_recorded_with_the_role_held_in_that_service(self, team: Team) -> None:
        team.person.get(f"/v1/children/{team.case_a.child['id']}")
        team.person.get(f"/v1/children/{team.mine_b.child['id']}")
        team.person.get("/v1/children", params={"limit": 100})

        def entries(tenant: Tenant, child: dict[str, Any]) -> list[dict[str, Any]]:
            response = tenant.leader.get(
                "/v1/audit-events",
                params={"child_id": child["id"], "subject": "team-member", "limit": 100},
            )
            assert response.status_code == 200, response.text
            return list(response.json()["items"])

        in_a = entries(team.a, team.case_a.child)
        in_b = entries(team.b, team.mine_b.child)
        assert {e["action"] for e in in_a} == {"read", "list"}
        assert {e["action"] for e in in_b} == {"read", "list"}
        assert {(e["actor_role"], e["actor_staff_id"]) for e in in_a} == {
            ("leader", team.a.leader_id)
        }
        assert {(e["actor_role"], e["actor_staff_id"]) for e in in_b} == {
            ("contact_person", team.b.contact_id)
        }


def signed(claims: dict[str, Any]) -> str:
    settings = get_settings()
    now = int(time.time())
    base = {
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "sub": "someone",
        "iat": now,
        "exp": now + int(timedelta(minutes=5).total_seconds()),
        "scope": "children:read",
    }
    return jwt.encode(base | claims, settings.signing_secret(), algorithm="HS256")


class TestAMalformedGrantsClaimIsRefused:
    @pytest.mark.parametrize(
        ("grants", "extra"),
        [
            ("not a list", {}),
            ([], {}),
            ([{"service": "not-a-uuid", "role": "leader"}], {}),
            ([{"service": str(uuid.uuid4()), "role": "contact_person"}], {}),
            ([{"service": str(uuid.uuid4()), "role": "admin"}], {}),
            ([{"service": str(uuid.uuid4()), "role": "leader", "extra": 1}], {}),
            ([{"service": "6f1c5b0e-8f7e-4a53-9b8a-4b2f0f1d2c3a", "role": "leader"}] * 2, {}),
            ([{"service": str(uuid.uuid4()), "role": "leader"}], {"role": "leader"}),
        ],
        ids=[
            "not-a-list",
            "empty",
            "bad-service",
            "contact-without-staff",
            "admin-in-a-service",
            "unknown-key",
            "service-twice",
            "also-a-role",
        ],
    )
    def test_the_token_is_401(self, api: Api, grants: Any, extra: dict[str, Any]) -> None:
        response = api.caller(signed({"grants": grants, **extra})).get("/v1/children")
        assert response.status_code == 401, response.text
        assert response.json()["type"].endswith("/unauthenticated")


class TestPolicy:
    service, other = uuid.uuid4(), uuid.uuid4()
    person = Principal(
        "p",
        {service: Grant(Role.LEADER), other: Grant(Role.CONTACT_PERSON, uuid.uuid4())},
        frozenset(),
    )

    def test_only_a_leader_in_the_tasks_service_may_reopen_it(self) -> None:
        assert may(self.person, Capability.REOPEN_TASK, self.service)
        assert not may(self.person, Capability.REOPEN_TASK, self.other)

    def test_an_integration_may_not_take_a_leaders_decision(self) -> None:
        integration = Principal.single("i", Role.INTEGRATION, {self.service}, ())
        assert not may(integration, Capability.REOPEN_TASK, self.service)
        assert not may(integration, Capability.REDUCE_VISITS, self.service)
        assert not may(integration, Capability.MANAGE_API_KEYS, self.service)
        assert may(integration, Capability.MANAGE_WEBHOOKS, self.service)

    def test_nothing_is_allowed_in_a_service_the_principal_does_not_act_for(self) -> None:
        assert not any(may(self.person, c, uuid.uuid4()) for c in Capability)

    def test_an_admin_holds_no_case_capability(self) -> None:
        admin = Principal.single("a", Role.ADMIN, (), ())
        assert not any(may(admin, c, self.service) for c in Capability)


def test_every_capability_has_holders_and_a_refusal() -> None:
    from app.policy import HOLDERS, REFUSALS

    assert set(HOLDERS) == set(Capability) == set(REFUSALS)


class TestAuthenticatorsArePluggable:
    def test_another_way_in_produces_the_same_principal_and_is_served_alike(
        self, api: Api, server_with: Any
    ) -> None:
        """A browser session (the web app) will be one more authenticator: nothing in
        app/auth.py changes. Here a stand-in that knows one header value per principal."""
        tenant = api.tenant()
        child = tenant.integration.created("/v1/children", child_body())
        principal = Principal.single(
            "session-user", Role.LEADER, {uuid.UUID(tenant.service_id)}, DEFAULT_SCOPES[Role.LEADER]
        )

        class HeaderSession:
            def authenticate(self, request: Any, bearer: str | None) -> Principal | None:
                value = request.headers.get("x-test-session")
                if value is None:
                    return None
                if value != "known":
                    raise Unauthenticated("The session has ended.")
                return principal

        server = server_with()
        server.app.state.authenticators.append(HeaderSession())
        with httpx.Client(base_url=server.url) as http:
            seen = http.get(f"/v1/children/{child['id']}", headers={"X-Test-Session": "known"})
            ended = http.get(f"/v1/children/{child['id']}", headers={"X-Test-Session": "gone"})
            nothing = http.get(f"/v1/children/{child['id']}")
        assert seen.status_code == 200, seen.text
        assert ended.status_code == 401
        assert ended.json()["detail"] == "The session has ended."
        assert nothing.status_code == 401
        entries = tenant.leader.get(
            "/v1/audit-events", params={"child_id": child["id"], "subject": "session-user"}
        ).json()["items"]
        assert [(e["action"], e["actor_role"]) for e in entries] == [("read", "leader")]
