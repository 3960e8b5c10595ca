"""Orders from member services through their whole life cycle, over HTTP: order, accept or
decline with a reason, call back, start with the evaluation date and time limit, hours, close with
a report; the team's next step and the member's events."""

from __future__ import annotations

import uuid
from datetime import timedelta

from app.clock import today
from tests.helpers import Api, all_events, make_case, ok, pointers, problem
from tests.teams.helpers import make_team, order_at, order_body


class TestAnOrderWalksItsWholeLifeCycle:
    def test_order_accept_call_back_start_hours_and_close_with_a_report(self, api: Api) -> None:
        team = make_team(api)
        member = team.members[3]
        case = make_case(api, member)
        order = member.leader.created(
            "/v1/team-orders",
            order_body(team, case, category="foster_parent_guidance"),
        )
        assert order["status"] == "ordered"
        assert order["service_id"] == team.host.service_id
        assert order["member_service_id"] == member.service_id
        assert order["urgent"] is False
        assert order["next_step"] == "decide"
        assert order["next_step_due"] == (today() + timedelta(days=7)).isoformat()
        assert "tjenestens rutine" in order["next_step_rule"]
        url = f"/v1/team-orders/{order['id']}"
        on = today().isoformat()
        accepted = ok(
            team.coordinator.post(
                f"{url}/accept",
                json={"accepted_on": on, "supervisor_id": team.supervisor_id, "reason": "Ok."},
            )
        )
        assert (accepted["status"], accepted["next_step"]) == ("accepted", "call_back")
        assert accepted["access_from"] == on
        called = ok(team.supervisor.post(f"{url}/call-back", json={"called_back_on": on}))
        assert called["next_step"] == "start"
        assert called["next_step_due"] == (today() + timedelta(days=14)).isoformat()
        limit = (today() + timedelta(days=120)).isoformat()
        started = ok(
            team.supervisor.post(
                f"{url}/start",
                json={
                    "started_on": on,
                    "evaluation_date": (today() + timedelta(days=60)).isoformat(),
                    "time_limit_date": limit,
                },
            )
        )
        assert (started["status"], started["next_step"], started["next_step_due"]) == (
            "started",
            "close",
            limit,
        )
        assert started["access_until"] == limit
        ok(team.supervisor.post(f"{url}/hours", json={"worked_on": on, "hours": 1.5}))
        logged = ok(team.supervisor.post(f"{url}/hours", json={"worked_on": on, "hours": 2}))
        assert logged["hours_logged"] == 3.5
        hours = ok(team.supervisor.get(f"{url}/hours"))["items"]
        assert [h["minutes"] for h in hours] == [90, 120]
        closed = ok(team.supervisor.post(f"{url}/close", json={"closed_on": on, "report": "Bra."}))
        assert (closed["status"], closed["next_step"], closed["report"]) == (
            "closed",
            None,
            "Bra.",
        )
        # The member sees its order and every step of it in its own feed.
        assert ok(member.leader.get(url))["status"] == "closed"
        types = [
            e["type"] for e in all_events(member.integration) if e["subject_id"] == order["id"]
        ]
        assert types == [
            "team_order.ordered",
            "team_order.accepted",
            "team_order.called_back",
            "team_order.started",
            "team_order.closed",
        ]
        # The host's feed does not carry the member's events.
        assert not [e for e in all_events(team.host.integration) if e["subject_id"] == order["id"]]

    def test_a_concern_for_breakdown_is_urgent(self, api: Api) -> None:
        team = make_team(api, members=2)
        _, order = order_at(team, team.members[1], "ordered")
        assert order["urgent"] is True
        assert order["next_step_due"] == (today() + timedelta(days=1)).isoformat()
        assert "bekymring for brudd" in order["next_step_rule"]

    def test_a_declined_order_keeps_its_reason_and_has_no_next_step(self, api: Api) -> None:
        team = make_team(api, members=2)
        _, order = order_at(team, team.members[1], "ordered")
        declined = ok(
            team.coordinator.post(
                f"/v1/team-orders/{order['id']}/decline",
                json={"declined_on": today().isoformat(), "reason": "Henvis til BUP."},
            )
        )
        assert (declined["status"], declined["decision_reason"], declined["next_step"]) == (
            "declined",
            "Henvis til BUP.",
            None,
        )
        reason = problem(
            team.coordinator.post(
                f"/v1/team-orders/{order['id']}/decline", json={"declined_on": "2026-01-01"}
            ),
            422,
            "validation-error",
        )
        assert pointers(reason) == ["#/reason"]

    def test_the_reminders_are_the_orders_due_by_a_day(self, api: Api) -> None:
        team = make_team(api, members=2)
        _, urgent = order_at(team, team.members[1], "ordered")
        _, later = order_at(team, team.members[1], "ordered", category="other")
        tomorrow = (today() + timedelta(days=1)).isoformat()
        due = ok(team.supervisor.get("/v1/team-orders", params={"due_by": tomorrow}))["items"]
        assert [o["id"] for o in due] == [urgent["id"]]
        every = ok(team.supervisor.get("/v1/team-orders"))["items"]
        assert {o["id"] for o in every} == {urgent["id"], later["id"]}


class TestTheLifeCycleIsKept:
    def test_accepting_an_order_twice_is_a_conflict(self, api: Api) -> None:
        team = make_team(api, members=2)
        _, order = order_at(team, team.members[1], "accepted")
        problem(
            team.supervisor.post(
                f"/v1/team-orders/{order['id']}/accept",
                json={"accepted_on": today().isoformat()},
            ),
            409,
            "order-not-in-step",
        )

    def test_a_step_out_of_order_is_a_conflict(self, api: Api) -> None:
        team = make_team(api, members=2)
        _, order = order_at(team, team.members[1], "accepted")
        url = f"/v1/team-orders/{order['id']}"
        on = today().isoformat()
        start = {"started_on": on, "evaluation_date": "2199-01-01", "time_limit_date": "2199-02-01"}
        problem(team.supervisor.post(f"{url}/start", json=start), 409, "order-not-in-step")
        problem(
            team.supervisor.post(f"{url}/hours", json={"worked_on": on, "hours": 1}),
            409,
            "order-not-in-step",
        )
        problem(
            team.supervisor.post(f"{url}/close", json={"closed_on": on, "report": "x"}),
            409,
            "order-not-in-step",
        )

    def test_the_evaluation_date_lies_between_the_start_and_the_time_limit(self, api: Api) -> None:
        team = make_team(api, members=2)
        _, order = order_at(team, team.members[1], "called_back")
        on = today().isoformat()
        for evaluation, limit, pointer in (
            (on, "2199-01-01", "#/evaluation_date"),
            ("2199-03-01", "2199-01-01", "#/evaluation_date"),
            ("2199-03-01", (today() - timedelta(days=1)).isoformat(), "#/time_limit_date"),
        ):
            body = problem(
                team.supervisor.post(
                    f"/v1/team-orders/{order['id']}/start",
                    json={
                        "started_on": on,
                        "evaluation_date": evaluation,
                        "time_limit_date": limit,
                    },
                ),
                422,
                "validation-error",
            )
            assert pointer in pointers(body), body

    def test_a_date_in_the_future_or_before_the_order_is_refused(self, api: Api) -> None:
        team = make_team(api, members=2)
        _, order = order_at(team, team.members[1], "ordered")
        for accepted_on in (today() + timedelta(days=1), today() - timedelta(days=1)):
            body = problem(
                team.supervisor.post(
                    f"/v1/team-orders/{order['id']}/accept",
                    json={"accepted_on": accepted_on.isoformat()},
                ),
                422,
                "validation-error",
            )
            assert pointers(body) == ["#/accepted_on"]

    def test_hours_are_in_quarters(self, api: Api) -> None:
        team = make_team(api, members=2)
        _, order = order_at(team, team.members[1], "started")
        for hours in (0, -1, 0.1, 25):
            body = problem(
                team.supervisor.post(
                    f"/v1/team-orders/{order['id']}/hours",
                    json={"worked_on": today().isoformat(), "hours": hours},
                ),
                422,
                "validation-error",
            )
            assert pointers(body) == ["#/hours"], hours

    def test_the_supervisor_must_be_on_the_team(self, api: Api) -> None:
        team = make_team(api, members=2)
        _, order = order_at(team, team.members[1], "ordered")
        body = problem(
            team.coordinator.post(
                f"/v1/team-orders/{order['id']}/accept",
                json={"accepted_on": today().isoformat(), "supervisor_id": team.host.contact_id},
            ),
            422,
            "unknown-reference",
        )
        assert pointers(body) == ["#/supervisor_id"]


class TestTheCloseReport:
    def test_a_concern_for_breakdown_closes_with_how_it_ended(self, api: Api) -> None:
        team = make_team(api, members=2)
        _, order = order_at(team, team.members[1], "started")
        url = f"/v1/team-orders/{order['id']}/close"
        body = {"closed_on": today().isoformat(), "report": "Plasseringen ble avsluttet."}
        missing = problem(team.supervisor.post(url, json=body), 422, "validation-error")
        assert pointers(missing) == ["#/breakdown_outcome"]
        closed = ok(
            team.supervisor.post(url, json={**body, "breakdown_outcome": "placement_ended"})
        )
        assert closed["breakdown_outcome"] == "placement_ended"

    def test_another_category_closes_without_a_breakdown_outcome(self, api: Api) -> None:
        team = make_team(api, members=2)
        _, order = order_at(team, team.members[1], "started", category="other")
        body = problem(
            team.supervisor.post(
                f"/v1/team-orders/{order['id']}/close",
                json={
                    "closed_on": today().isoformat(),
                    "report": "Ferdig.",
                    "breakdown_outcome": "foster_home_continued",
                },
            ),
            422,
            "validation-error",
        )
        assert pointers(body) == ["#/breakdown_outcome"]


class TestOrderingNeedsAMembershipAndTheMembersOwnCase:
    def test_an_order_for_a_foster_home_of_a_service_that_is_not_a_member_is_404(
        self, api: Api
    ) -> None:
        team = make_team(api, members=2)
        outsider = api.tenant()
        theirs = make_case(api, outsider)
        mine = make_case(api, team.members[1])
        # A service that is not a member cannot order from the team at all.
        body = problem(
            outsider.leader.post("/v1/team-orders", json=order_body(team, theirs)),
            404,
            "not-found",
        )
        assert pointers(body) == ["#/team_id"]
        # A member cannot order for another service's foster home.
        body = problem(
            team.members[1].leader.post(
                "/v1/team-orders",
                json=order_body(
                    team,
                    mine,
                    concerns="foster_home",
                    child_id=None,
                    foster_home_id=theirs.foster_home["id"],
                ),
            ),
            404,
            "not-found",
        )
        assert pointers(body) == ["#/foster_home_id"]

    def test_concerns_says_which_case_ids_are_required(self, api: Api) -> None:
        team = make_team(api, members=2)
        case = make_case(api, team.members[1])
        body = problem(
            team.members[1].leader.post(
                "/v1/team-orders",
                json=order_body(team, case, child_id=None, foster_home_id=None),
            ),
            422,
            "validation-error",
        )
        assert pointers(body) == ["#/child_id", "#/foster_home_id"]

    def test_a_member_that_left_cannot_order(self, api: Api) -> None:
        team = make_team(api, members=1)
        former = api.tenant()
        team.host.leader.created(
            f"/v1/teams/{team.team['id']}/members",
            {
                "member_service_id": former.service_id,
                "joined_on": "2020-01-01",
                "left_on": "2021-12-31",
            },
        )
        case = make_case(api, former)
        problem(
            former.leader.post("/v1/team-orders", json=order_body(team, case)), 404, "not-found"
        )

    def test_a_members_contact_person_cannot_order(self, api: Api) -> None:
        team = make_team(api, members=2)
        case = make_case(api, team.members[1])
        problem(
            team.members[1].contact.post("/v1/team-orders", json=order_body(team, case)),
            403,
            "forbidden",
        )

    def test_the_member_does_not_work_its_own_order(self, api: Api) -> None:
        team = make_team(api, members=2)
        _, order = order_at(team, team.members[1], "ordered")
        problem(
            team.members[1].leader.post(
                f"/v1/team-orders/{order['id']}/accept",
                json={"accepted_on": today().isoformat()},
            ),
            403,
            "forbidden",
        )

    def test_an_unknown_team_is_404(self, api: Api) -> None:
        team = make_team(api, members=2)
        case = make_case(api, team.members[1])
        body = order_body(team, case, team_id=str(uuid.uuid4()))
        problem(team.members[1].leader.post("/v1/team-orders", json=body), 404, "not-found")
