"""The team's statistics per member and month, over HTTP."""

from __future__ import annotations

from app.clock import today
from tests.helpers import Api, ok, problem
from tests.teams.helpers import make_team, order_at


class TestStatisticsPerMemberAndMonth:
    def test_orders_decisions_hours_and_breakdown_outcomes_are_counted(self, api: Api) -> None:
        team = make_team(api, members=3)
        a, b = team.members[1], team.members[2]
        order_at(team, a, "ordered")
        order_at(team, a, "closed")  # concern for breakdown, foster home continued
        _, declined = order_at(team, a, "ordered", category="other")
        ok(
            team.coordinator.post(
                f"/v1/team-orders/{declined['id']}/decline",
                json={"declined_on": today().isoformat(), "reason": "Annen instans."},
            )
        )
        _, started = order_at(team, b, "started", category="foster_parent_guidance")
        ok(
            team.supervisor.post(
                f"/v1/team-orders/{started['id']}/hours",
                json={"worked_on": today().isoformat(), "hours": 2.5},
            )
        )
        url = f"/v1/teams/{team.team['id']}/statistics"
        rows = ok(team.host.leader.get(url, params={"year": today().year}))["items"]
        by_member = {r["member_service_id"]: r for r in rows}
        assert set(by_member) == {a.service_id, b.service_id}
        first = by_member[a.service_id]
        assert first["month"] == today().month
        assert (first["ordered"], first["accepted"], first["declined"], first["waiting"]) == (
            3,
            1,
            1,
            1,
        )
        assert (
            first["concern_for_breakdown"],
            first["foster_home_continued"],
            first["placement_ended"],
        ) == (2, 1, 0)
        assert first["median_days_to_start"] == 0
        second = by_member[b.service_id]
        assert (second["ordered"], second["hours"], second["concern_for_breakdown"]) == (1, 2.5, 0)
        # A member sees its own rows only; a contact person none.
        mine = ok(a.leader.get(url))["items"]
        assert [r["member_service_id"] for r in mine] == [a.service_id]
        problem(team.supervisor.get(url), 403, "forbidden")

    def test_a_concern_whose_placement_broke_down_is_counted_as_an_unplanned_end(
        self, api: Api
    ) -> None:
        team = make_team(api, members=2)
        member = team.members[1]
        case, order = order_at(team, member, "started")
        ended = member.integration.post(
            f"/v1/placements/{case.placement['id']}/end",
            json={
                "end_date": today().isoformat(),
                "end_reason": "moved_to_other_foster_home",
                "end_planned": False,
                "breakdown_reason": "foster_home_gave_notice",
            },
        )
        assert ended.status_code == 200, ended.text
        ok(
            team.supervisor.post(
                f"/v1/team-orders/{order['id']}/close",
                json={
                    "closed_on": today().isoformat(),
                    "report": "Fosterhjemmet sa opp.",
                    "breakdown_outcome": "placement_ended",
                },
            )
        )
        url = f"/v1/teams/{team.team['id']}/statistics"
        [row] = ok(team.host.leader.get(url, params={"year": today().year}))["items"]
        assert (
            row["placement_ended"],
            row["placement_ended_planned"],
            row["placement_ended_unplanned"],
        ) == (1, 0, 1)
