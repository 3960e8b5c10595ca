"""Setting a team up over HTTP: the host, its members with their periods and yearly populations,
and its staff in team roles."""

from __future__ import annotations

import uuid

from app.clock import today
from tests.helpers import Api, ok, pointers, problem
from tests.teams.helpers import make_team, team_member


class TestTheHostSetsUpItsTeam:
    def test_a_team_of_seven_members_lists_its_members_populations_and_staff(
        self, api: Api
    ) -> None:
        team = make_team(api)
        url = f"/v1/teams/{team.team['id']}"
        members = ok(team.host.leader.get(f"{url}/members"))["items"]
        assert {m["member_service_id"] for m in members} == {t.service_id for t in team.members}
        populations = ok(team.host.leader.get(f"{url}/populations"))["items"]
        assert sum(p["population"] for p in populations) == 110500
        staff = ok(team.host.leader.get(f"{url}/staff"))["items"]
        assert sorted(s["team_role"] for s in staff) == ["coordinator", "supervisor"]
        assert ok(team.host.leader.get(url))["service_id"] == team.host.service_id

    def test_a_member_sees_the_team_and_an_outsider_gets_404(self, api: Api) -> None:
        team = make_team(api, members=2)
        url = f"/v1/teams/{team.team['id']}"
        assert ok(team.members[1].leader.get(url))["id"] == team.team["id"]
        listed = ok(team.members[1].leader.get("/v1/teams"))["items"]
        assert [t["id"] for t in listed] == [team.team["id"]]
        outsider = api.tenant()
        problem(outsider.leader.get(url), 404, "not-found")
        assert ok(outsider.leader.get("/v1/teams"))["items"] == []

    def test_only_the_hosts_leader_or_integration_sets_it_up(self, api: Api) -> None:
        team = make_team(api, members=2)
        url = f"/v1/teams/{team.team['id']}/members"
        body = {"member_service_id": api.tenant().service_id, "joined_on": "2027-01-01"}
        problem(team.members[1].leader.post(url, json=body), 403, "forbidden")
        problem(team.supervisor.post(url, json=body), 403, "forbidden")
        ok(team.host.integration.post(url, json=body), 201)


class TestMembershipPeriods:
    def test_overlapping_membership_periods_for_the_same_member_are_refused(self, api: Api) -> None:
        team = make_team(api, members=1)
        url = f"/v1/teams/{team.team['id']}/members"
        member = api.tenant().service_id
        ok(
            team.host.leader.post(
                url,
                json={
                    "member_service_id": member,
                    "joined_on": "2025-01-01",
                    "left_on": "2025-12-31",
                },
            ),
            201,
        )
        body = problem(
            team.host.leader.post(
                url, json={"member_service_id": member, "joined_on": "2025-06-01"}
            ),
            409,
            "overlapping-membership",
        )
        assert pointers(body) == ["#/joined_on"]
        # The day after the period ends is free.
        ok(
            team.host.leader.post(
                url, json={"member_service_id": member, "joined_on": "2026-01-01"}
            ),
            201,
        )

    def test_a_membership_that_ends_before_it_starts_is_refused(self, api: Api) -> None:
        team = make_team(api, members=1)
        body = problem(
            team.host.leader.post(
                f"/v1/teams/{team.team['id']}/members",
                json={
                    "member_service_id": api.tenant().service_id,
                    "joined_on": "2027-01-01",
                    "left_on": "2026-12-31",
                },
            ),
            422,
            "validation-error",
        )
        assert pointers(body) == ["#/left_on"]

    def test_an_unknown_member_service_is_an_unknown_reference(self, api: Api) -> None:
        team = make_team(api, members=1)
        body = problem(
            team.host.leader.post(
                f"/v1/teams/{team.team['id']}/members",
                json={"member_service_id": str(uuid.uuid4()), "joined_on": "2027-01-01"},
            ),
            422,
            "unknown-reference",
        )
        assert pointers(body) == ["#/member_service_id"]


class TestPopulations:
    def test_a_population_of_zero_or_below_is_refused(self, api: Api) -> None:
        team = make_team(api, members=2)
        url = f"/v1/teams/{team.team['id']}/populations"
        for population in (0, -5, 1.5, "many"):
            body = problem(
                team.host.leader.post(
                    url,
                    json={
                        "member_service_id": team.members[1].service_id,
                        "year": today().year + 1,
                        "population": population,
                        "counted_on": "2026-07-01",
                    },
                ),
                422,
                "validation-error",
            )
            assert pointers(body) == ["#/population"], population

    def test_a_population_is_set_once_per_member_and_year(self, api: Api) -> None:
        team = make_team(api, members=2)
        body = problem(
            team.host.leader.post(
                f"/v1/teams/{team.team['id']}/populations",
                json={
                    "member_service_id": team.members[1].service_id,
                    "year": today().year,
                    "population": 100,
                    "counted_on": "2026-07-01",
                },
            ),
            409,
            "population-exists",
        )
        assert pointers(body) == ["#/year"]

    def test_a_population_needs_a_membership_in_that_year(self, api: Api) -> None:
        team = make_team(api, members=1)
        body = problem(
            team.host.leader.post(
                f"/v1/teams/{team.team['id']}/populations",
                json={
                    "member_service_id": api.tenant().service_id,
                    "year": today().year,
                    "population": 100,
                    "counted_on": "2026-07-01",
                },
            ),
            422,
            "validation-error",
        )
        assert pointers(body) == ["#/member_service_id"]


class TestTeamStaff:
    def test_staff_of_another_service_cannot_join_the_team(self, api: Api) -> None:
        team = make_team(api, members=2)
        other_id, _ = team_member(api, team.members[1], "Per Annen")
        body = problem(
            team.host.leader.post(
                f"/v1/teams/{team.team['id']}/staff",
                json={"staff_id": other_id, "team_role": "supervisor"},
            ),
            422,
            "unknown-reference",
        )
        assert pointers(body) == ["#/staff_id"]

    def test_a_staff_member_joins_the_team_once(self, api: Api) -> None:
        team = make_team(api, members=1)
        problem(
            team.host.leader.post(
                f"/v1/teams/{team.team['id']}/staff",
                json={"staff_id": team.supervisor_id, "team_role": "coordinator"},
            ),
            409,
            "team-staff-exists",
        )
