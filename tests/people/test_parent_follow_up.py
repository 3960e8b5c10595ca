"""The parents' follow-up per household (issue #14 item 1, review rows 43 and 73, §4.2): a
care-order placement plans one conversation series per household of parents who want
follow-up, each named; a decline cancels that household's open conversations and keeps the
ones held; Veien videre starts per parent who accepted."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx

from app.clock import today
from tests.helpers import (
    Api,
    Caller,
    Case,
    all_events,
    child_body,
    foster_home_body,
    make_case,
    placement_body,
    pointers,
    problem,
)
from tests.people.helpers import add_parent, father

FOLLOW_UP = "oppfolging-foreldre"


def recent(api: Api) -> Case:
    """A care-order placement that started ten days ago."""
    return make_case(api, start_date=(today() - timedelta(days=10)).isoformat())


def tasks_of(case: Case, key: str = FOLLOW_UP, **params: str) -> list[dict[str, Any]]:
    response = case.tenant.leader.get(
        "/v1/tasks", params={"placement_id": case.placement["id"], "limit": 100, **params}
    )
    assert response.status_code == 200, response.text
    return [t for t in response.json()["items"] if t["definition_key"] == key]


def workflows_of(case: Case, key: str = FOLLOW_UP) -> list[dict[str, Any]]:
    response = case.tenant.leader.get(
        "/v1/workflows", params={"placement_id": case.placement["id"], "limit": 100}
    )
    assert response.status_code == 200, response.text
    return [w for w in response.json()["items"] if w["definition_key"] == key]


def patch(caller: Caller, url: str, body: dict[str, Any]) -> dict[str, Any]:
    current = caller.get(url)
    assert current.status_code == 200, current.text
    response = caller.patch(url, json=body, headers={"If-Match": current.headers["ETag"]})
    assert response.status_code == 200, response.text
    return dict(response.json())


def parent_url(case: Case, parent: dict[str, Any]) -> str:
    return f"/v1/children/{case.child['id']}/parents/{parent['id']}"


def series(case: Case) -> dict[str, list[dict[str, Any]]]:
    """The open conversations by title."""
    found: dict[str, list[dict[str, Any]]] = {}
    for task in tasks_of(case, status="open"):
        found.setdefault(task["title"], []).append(task)
    return found


class TestEachHouseholdOfParentsGetsItsOwnConversations:
    def test_two_parents_who_live_apart_get_two_named_conversation_series(self, api: Api) -> None:
        case = recent(api)
        mother = add_parent(case)
        dad = add_parent(case, **father())
        found = series(case)
        assert set(found) == {
            "Oppfølgingssamtale med Kari Nordmann",
            "Oppfølgingssamtale med Ola Nordmann",
        }
        for title, parent in (("Kari", mother), ("Ola", dad)):
            tasks = found[f"Oppfølgingssamtale med {title} Nordmann"]
            assert {t["parent_household_id"] for t in tasks} == {parent["household_id"]}
            assert all(f". Gjelder {title} Nordmann. " in t["explanation"] for t in tasks)
            assert all(t["explanation"].startswith("Frist ") for t in tasks)
        # the same plan for both: twice a year from the care order (the rule set's routine);
        # bunched deadlines of one contact person may be spread a few days earlier
        dates = [[t["nominal_date"] for t in tasks] for tasks in found.values()]
        assert dates[0] == dates[1]
        assert len(workflows_of(case)) == 3  # the one for the parents together closed, two run
        assert {w["status"] for w in workflows_of(case) if w["parent_household_id"]} == {"active"}

    def test_parents_registered_before_the_placement_are_planned_when_it_starts(
        self, api: Api
    ) -> None:
        tenant = api.tenant()
        child = tenant.integration.created("/v1/children", child_body())
        url = f"/v1/children/{child['id']}/parents"
        tenant.integration.created(url, {**father(), "name": "Kari Nordmann", "relation": "mother"})
        tenant.integration.created(url, father())
        home = tenant.integration.created("/v1/foster-homes", foster_home_body())
        start = (today() - timedelta(days=10)).isoformat()
        body = placement_body(
            tenant, child_id=child["id"], foster_home_id=home["id"], start_date=start
        )
        placement = tenant.integration.created("/v1/placements", body)
        case = Case(tenant=tenant, child=child, foster_home=home, placement=placement)
        assert set(series(case)) == {
            "Oppfølgingssamtale med Kari Nordmann",
            "Oppfølgingssamtale med Ola Nordmann",
        }
        assert len(workflows_of(case)) == 2

    def test_two_parents_who_live_together_get_one_conversation_series(self, api: Api) -> None:
        case = recent(api)
        mother = add_parent(case)
        add_parent(case, **father(lives_with=mother["id"]))
        assert set(series(case)) == {"Oppfølgingssamtale med Kari Nordmann og Ola Nordmann"}

    def test_without_registered_parents_one_series_follows_up_the_parents_together(
        self, api: Api
    ) -> None:
        case = recent(api)
        assert set(series(case)) == {"Oppfølgingssamtale med foreldrene"}
        assert all(t["parent_household_id"] is None for t in tasks_of(case))

    def test_a_parent_who_does_not_want_follow_up_gets_no_conversations(self, api: Api) -> None:
        case = recent(api)
        add_parent(case)
        add_parent(case, **father(wants_follow_up=False))
        assert set(series(case)) == {"Oppfølgingssamtale med Kari Nordmann"}

    def test_a_voluntary_placement_plans_no_parent_conversations(self, api: Api) -> None:
        case = make_case(
            api, legal_basis="voluntary", start_date=(today() - timedelta(days=10)).isoformat()
        )
        add_parent(case)
        assert tasks_of(case) == []

    def test_a_renamed_parent_renames_their_open_conversations(self, api: Api) -> None:
        case = recent(api)
        mother = add_parent(case)
        patch(case.tenant.integration, parent_url(case, mother), {"name": "Kari Nordvik"})
        assert set(series(case)) == {"Oppfølgingssamtale med Kari Nordvik"}
        tasks = series(case)["Oppfølgingssamtale med Kari Nordvik"]
        assert all("Gjelder Kari Nordvik." in t["explanation"] for t in tasks)

    def test_a_parent_who_moves_out_gets_a_series_of_their_own(self, api: Api) -> None:
        case = recent(api)
        mother = add_parent(case)
        dad = add_parent(case, **father(lives_with=mother["id"]))
        patch(case.tenant.integration, parent_url(case, dad), {"lives_with": None})
        assert set(series(case)) == {
            "Oppfølgingssamtale med Kari Nordmann",
            "Oppfølgingssamtale med Ola Nordmann",
        }


class TestADeclineEndsThatHouseholdsConversations:
    def test_a_parent_who_declines_has_the_open_conversations_cancelled_with_why(
        self, api: Api
    ) -> None:
        case = recent(api)
        add_parent(case)
        dad = add_parent(case, **father())
        ola = series(case)["Oppfølgingssamtale med Ola Nordmann"]
        held = ola[0]
        answers = {"dato": today().isoformat(), "foreldrene_deltok": True, "notat": "Godt møte."}
        done = case.tenant.leader.post(
            f"/v1/tasks/{held['id']}/complete", json={"answers": answers}
        )
        assert done.status_code == 200, done.text
        declined = today().isoformat()
        patch(
            case.tenant.integration,
            parent_url(case, dad),
            {"declined_on": declined, "decline_note": "Ønsker ikke flere samtaler."},
        )
        assert set(series(case)) == {"Oppfølgingssamtale med Kari Nordmann"}
        by_id = {t["id"]: t for t in tasks_of(case)}
        assert by_id[held["id"]]["status"] == "completed"  # a conversation held stays
        cancelled = [t for t in ola if t["id"] != held["id"]]
        assert cancelled
        assert all(by_id[t["id"]]["status"] == "cancelled" for t in cancelled)
        history = case.tenant.leader.get(f"/v1/tasks/{cancelled[0]['id']}/changes").json()["items"]
        reason = history[-1]["reason"]
        assert history[-1]["action"] == "cancelled"
        assert "Ola Nordmann takket nei" in reason
        assert today().strftime("%Y") in reason

    def test_when_one_of_two_parents_living_together_declines_the_other_keeps_the_series(
        self, api: Api
    ) -> None:
        case = recent(api)
        mother = add_parent(case)
        dad = add_parent(case, **father(lives_with=mother["id"]))
        before = series(case)["Oppfølgingssamtale med Kari Nordmann og Ola Nordmann"]
        patch(case.tenant.integration, parent_url(case, dad), {"declined_on": today().isoformat()})
        after = series(case)["Oppfølgingssamtale med Kari Nordmann"]
        assert [t["id"] for t in after] == [t["id"] for t in before]

    def test_a_parent_who_accepts_again_gets_a_new_series(self, api: Api) -> None:
        case = recent(api)
        mother = add_parent(case)
        first = {t["id"] for t in tasks_of(case, status="open")}
        url = parent_url(case, mother)
        patch(case.tenant.integration, url, {"declined_on": today().isoformat()})
        patch(case.tenant.integration, url, {"declined_on": None})
        again = series(case)["Oppfølgingssamtale med Kari Nordmann"]
        assert again
        assert not first & {t["id"] for t in again}  # new tasks; the cancelled ones stay so

    def test_a_decline_is_announced_as_cancelled_tasks(self, api: Api) -> None:
        case = recent(api)
        mother = add_parent(case)
        open_ids = {t["id"] for t in tasks_of(case, status="open")}
        patch(
            case.tenant.integration, parent_url(case, mother), {"declined_on": today().isoformat()}
        )
        feed = all_events(case.tenant.integration)
        cancelled = {e["subject_id"] for e in feed if e["type"] == "task.cancelled"}
        assert open_ids <= cancelled
        assert tasks_of(case, status="open") == []


class TestVeienVidereStartsPerParent:
    def test_each_parent_who_accepts_gets_their_own_series(self, api: Api) -> None:
        case = recent(api)
        mother = add_parent(case)
        dad = add_parent(case, **father())
        url = f"/v1/placements/{case.placement['id']}/workflows"
        for parent in (mother, dad):
            started = case.tenant.leader.created(
                url, {"definition_key": "veien-videre", "parent_id": parent["id"]}
            )
            assert started["parent_household_id"] == parent["household_id"]
        titles = {t["title"] for t in tasks_of(case, "veien-videre")}
        assert "Samtale 1: Samarbeid – Kari Nordmann" in titles
        assert "Samtale 4: Hvorfor ble barnet mitt flyttet? – Ola Nordmann" in titles
        again = case.tenant.leader.post(
            url, json={"definition_key": "veien-videre", "parent_id": mother["id"]}
        )
        problem(again, 409, "workflow-running")

    def test_the_parent_must_be_named_once_parents_are_registered(self, api: Api) -> None:
        case = recent(api)
        add_parent(case)
        url = f"/v1/placements/{case.placement['id']}/workflows"
        response = case.tenant.leader.post(url, json={"definition_key": "veien-videre"})
        assert pointers(problem(response, 422, "validation-error")) == ["#/parent_id"]

    def test_another_childs_parent_or_one_who_declined_is_refused(self, api: Api) -> None:
        case = recent(api)
        declined = add_parent(case, declined_on=today().isoformat())
        other = add_parent(make_case(api, tenant=case.tenant))
        url = f"/v1/placements/{case.placement['id']}/workflows"
        for parent, slug in ((other, "unknown-reference"), (declined, "validation-error")):
            response = case.tenant.leader.post(
                url, json={"definition_key": "veien-videre", "parent_id": parent["id"]}
            )
            assert pointers(problem(response, 422, slug)) == ["#/parent_id"]

    def test_a_decline_after_accepting_cancels_the_open_conversations(self, api: Api) -> None:
        case = recent(api)
        mother = add_parent(case)
        url = f"/v1/placements/{case.placement['id']}/workflows"
        case.tenant.leader.created(
            url, {"definition_key": "veien-videre", "parent_id": mother["id"]}
        )
        patch(
            case.tenant.integration, parent_url(case, mother), {"declined_on": today().isoformat()}
        )
        assert tasks_of(case, "veien-videre", status="open") == []


class TestNamesStayOutOfTheCalendar:
    def test_the_calendar_feed_shows_the_conversation_without_the_parents_names(
        self, api: Api, http: httpx.Client
    ) -> None:
        case = recent(api)
        add_parent(case)
        feed = case.tenant.contact.post("/v1/calendar-feeds").json()["secret"]["value"]
        body = http.get("/" + feed.split("/", 3)[3])
        assert body.status_code == 200
        assert "Oppfølgingssamtale med foreldrene" in body.text
        assert "Nordmann" not in body.text
