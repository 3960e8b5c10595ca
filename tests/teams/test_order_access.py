"""Access follows the order (decisions.md 7): the team's staff read the ordered case of the
member only while the order is accepted and open, are refused (404) every other case of that
member, and every such read is in the member's audit trail."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import Connection, update

from app.clock import today
from app.teams.models import TeamOrder
from tests.helpers import Api, make_case, ok, problem
from tests.teams.helpers import make_team, order_at


def case_urls(case: object) -> list[str]:
    return [
        f"/v1/children/{case.child['id']}",  # type: ignore[attr-defined]
        f"/v1/foster-homes/{case.foster_home['id']}",  # type: ignore[attr-defined]
    ]


class TestTheTeamReadsTheOrderedCaseOnly:
    def test_the_team_reads_the_ordered_case_while_the_order_is_accepted_and_open(
        self, api: Api
    ) -> None:
        team = make_team(api)
        member = team.members[5]
        case, order = order_at(team, member, "ordered")
        # Ordered, not yet accepted: nothing.
        for url in case_urls(case):
            problem(team.supervisor.get(url), 404, "not-found")
        url = f"/v1/team-orders/{order['id']}"
        on = today().isoformat()
        ok(team.coordinator.post(f"{url}/accept", json={"accepted_on": on}))
        for caller in (team.supervisor, team.coordinator):
            assert ok(caller.get(case_urls(case)[0]))["id"] == case.child["id"]
            assert ok(caller.get(case_urls(case)[1]))["id"] == case.foster_home["id"]
        # The team's lists show the ordered case across its members.
        children = ok(team.supervisor.get("/v1/children", params={"limit": 100}))["items"]
        assert [c["id"] for c in children] == [case.child["id"]]
        ok(team.supervisor.post(f"{url}/call-back", json={"called_back_on": on}))
        limit = (today() + timedelta(days=90)).isoformat()
        ok(
            team.supervisor.post(
                f"{url}/start",
                json={
                    "started_on": on,
                    "evaluation_date": (today() + timedelta(days=30)).isoformat(),
                    "time_limit_date": limit,
                },
            )
        )
        assert ok(team.supervisor.get(case_urls(case)[0]))["id"] == case.child["id"]
        ok(
            team.supervisor.post(
                f"{url}/close",
                json={
                    "closed_on": on,
                    "report": "Ferdig.",
                    "breakdown_outcome": "foster_home_continued",
                },
            )
        )
        # Closing ends the access at once.
        for path in case_urls(case):
            problem(team.supervisor.get(path), 404, "not-found")
        assert ok(team.supervisor.get("/v1/children"))["items"] == []

    def test_every_other_case_of_the_member_is_refused(self, api: Api) -> None:
        team = make_team(api)
        member = team.members[2]
        _, _ = order_at(team, member, "accepted")
        other = make_case(api, member)
        for url in case_urls(other):
            problem(team.supervisor.get(url), 404, "not-found")
        problem(team.supervisor.get(f"/v1/placements/{other.placement['id']}"), 404, "not-found")
        # Nor a case of another member, nor the host's own case it does not follow.
        for url in case_urls(make_case(api, team.members[3])) + case_urls(
            make_case(api, team.host)
        ):
            problem(team.supervisor.get(url), 404, "not-found")

    def test_a_declined_order_never_opens_the_case(self, api: Api) -> None:
        team = make_team(api, members=2)
        case, order = order_at(team, team.members[1], "ordered")
        ok(
            team.coordinator.post(
                f"/v1/team-orders/{order['id']}/decline",
                json={"declined_on": today().isoformat(), "reason": "Ikke vårt område."},
            )
        )
        for url in case_urls(case):
            problem(team.supervisor.get(url), 404, "not-found")

    def test_the_access_ends_when_the_time_limit_has_passed(
        self, api: Api, connection: Connection
    ) -> None:
        team = make_team(api, members=2)
        case, order = order_at(team, team.members[1], "started")
        assert ok(team.supervisor.get(case_urls(case)[0]))["id"] == case.child["id"]
        connection.execute(
            update(TeamOrder)
            .where(TeamOrder.id == uuid.UUID(order["id"]))
            .values(access_until=today() - timedelta(days=1), version=TeamOrder.version + 1)
        )
        for url in case_urls(case):
            problem(team.supervisor.get(url), 404, "not-found")

    def test_staff_of_the_host_who_are_not_on_the_team_see_nothing(self, api: Api) -> None:
        team = make_team(api, members=2)
        case, _ = order_at(team, team.members[1], "accepted")
        for url in case_urls(case):
            problem(team.host.contact.get(url), 404, "not-found")
            problem(team.host.leader.get(url), 404, "not-found")

    def test_the_team_cannot_change_the_ordered_case(self, api: Api) -> None:
        team = make_team(api, members=2)
        case, _ = order_at(team, team.members[1], "accepted")
        placement = f"/v1/placements/{case.placement['id']}"
        problem(
            team.supervisor.patch(
                placement, json={"agreement_end_date": "2029-06-30"}, headers={"If-Match": "*"}
            ),
            404,
            "not-found",
        )


class TestTheMembersAuditTrailShowsTheTeamsReads:
    def test_each_read_and_each_refusal_is_in_the_members_trail(self, api: Api) -> None:
        team = make_team(api)
        member = team.members[4]
        case, _ = order_at(team, member, "accepted")
        other = make_case(api, member)
        ok(team.supervisor.get(f"/v1/children/{case.child['id']}"))
        ok(team.supervisor.get(f"/v1/foster-homes/{case.foster_home['id']}"))
        problem(team.supervisor.get(f"/v1/children/{other.child['id']}"), 404, "not-found")
        entries = ok(
            member.leader.get(
                "/v1/audit-events",
                params={"staff_id": team.supervisor_id, "order": "oldest", "limit": 100},
            )
        )["items"]
        seen = [(e["operation"], e["resource_id"], e["outcome"], e["service_id"]) for e in entries]
        assert seen == [
            ("getChild", case.child["id"], "success", member.service_id),
            ("getFosterHome", case.foster_home["id"], "success", member.service_id),
            ("getChild", other.child["id"], "refused", member.service_id),
        ]
        # The child's own access log shows the team's read too.
        log = ok(member.leader.get(f"/v1/children/{case.child['id']}/access-log"))["items"]
        assert any(e["actor_staff_id"] == team.supervisor_id for e in log)


class TestAMemberSeesOnlyItsOwnOrders:
    def test_members_see_their_own_orders_and_the_host_sees_all(self, api: Api) -> None:
        team = make_team(api, members=3)
        _, mine = order_at(team, team.members[1], "ordered")
        _, theirs = order_at(team, team.members[2], "ordered")
        listed = ok(team.members[1].leader.get("/v1/team-orders"))["items"]
        assert [o["id"] for o in listed] == [mine["id"]]
        problem(team.members[1].leader.get(f"/v1/team-orders/{theirs['id']}"), 404, "not-found")
        every = ok(team.host.leader.get("/v1/team-orders"))["items"]
        assert {o["id"] for o in every} == {mine["id"], theirs["id"]}
        # The member's contact person does not see the member's orders.
        assert ok(team.members[1].contact.get("/v1/team-orders"))["items"] == []
