"""The child's parents through the HTTP API: each a person of their own, with contact details,
parental responsibility, whether they want follow-up, who declined and when, and who lives
with whom."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest

from app.clock import today
from tests.helpers import Api, Caller, all_events, make_case, pointers, problem
from tests.people.helpers import add_parent, father, parent_body


def url(child_id: str, parent_id: str | None = None) -> str:
    base = f"/v1/children/{child_id}/parents"
    return base if parent_id is None else f"{base}/{parent_id}"


def patch(caller: Caller, path: str, body: dict[str, Any]) -> Any:
    current = caller.get(path)
    assert current.status_code == 200, current.text
    return caller.patch(path, json=body, headers={"If-Match": current.headers["ETag"]})


class TestRegisterAParent:
    def test_a_parent_is_registered_with_contact_details_and_parental_responsibility(
        self, api: Api
    ) -> None:
        case = make_case(api)
        response = case.tenant.integration.post(url(case.child["id"]), json=parent_body())
        assert response.status_code == 201, response.text
        parent = response.json()
        assert response.headers["Location"].endswith(parent["id"])
        assert parent["child_id"] == case.child["id"]
        assert parent["service_id"] == case.tenant.service_id
        assert parent["name"] == "Kari Nordmann"
        assert parent["relation"] == "mother"
        assert parent["phone"] == "+47 912 34 567"
        assert parent["address"]["postal_place"] == "Bergen"
        assert parent["parental_responsibility"] is True
        assert parent["wants_follow_up"] is True
        assert parent["declined_on"] is None
        assert parent["followed_up"] is True

    def test_parents_who_live_apart_have_households_of_their_own(self, api: Api) -> None:
        case = make_case(api)
        mother = add_parent(case)
        dad = add_parent(case, **father())
        assert mother["household_id"] != dad["household_id"]

    def test_a_parent_who_lives_with_another_shares_their_household(self, api: Api) -> None:
        case = make_case(api)
        mother = add_parent(case)
        dad = add_parent(case, **father(lives_with=mother["id"]))
        assert dad["household_id"] == mother["household_id"]

    def test_the_list_holds_the_childs_parents_oldest_first(self, api: Api) -> None:
        case = make_case(api)
        mother = add_parent(case)
        dad = add_parent(case, **father())
        add_parent(make_case(api, tenant=case.tenant), name="Annen Forelder")
        page = case.tenant.integration.get(url(case.child["id"])).json()
        assert [p["id"] for p in page["items"]] == [mother["id"], dad["id"]]

    def test_a_retried_create_with_the_same_idempotency_key_registers_one_parent(
        self, api: Api
    ) -> None:
        case = make_case(api)
        headers = {"Idempotency-Key": "forelder-1"}
        first = case.tenant.integration.post(
            url(case.child["id"]), json=parent_body(), headers=headers
        )
        again = case.tenant.integration.post(
            url(case.child["id"]), json=parent_body(), headers=headers
        )
        assert first.status_code == again.status_code == 201
        assert first.json()["id"] == again.json()["id"]
        assert len(case.tenant.integration.get(url(case.child["id"])).json()["items"]) == 1

    def test_registering_and_changing_a_parent_is_announced_without_personal_data(
        self, api: Api
    ) -> None:
        case = make_case(api)
        parent = add_parent(case)
        assert (
            patch(
                case.tenant.integration,
                url(case.child["id"], parent["id"]),
                {"phone": "22 22 22 22"},
            ).status_code
            == 200
        )
        items = [e for e in all_events(case.tenant.integration) if e["subject_id"] == parent["id"]]
        assert [e["type"] for e in items] == ["parent.created", "parent.updated"]
        assert all(e["data"] == {"child_id": case.child["id"]} for e in items)
        assert "Nordmann" not in json.dumps(all_events(case.tenant.integration))


class TestABadParentIsRefused:
    def test_a_parent_without_a_name_is_refused_at_the_name(self, api: Api) -> None:
        case = make_case(api)
        body = parent_body()
        del body["name"]
        response = case.tenant.integration.post(url(case.child["id"]), json=body)
        assert "#/name" in pointers(problem(response, 422, "validation-error"))
        assert case.tenant.integration.get(url(case.child["id"])).json()["items"] == []

    @pytest.mark.parametrize("name", ["", "   "])
    def test_a_blank_name_is_refused_at_the_name(self, api: Api, name: str) -> None:
        case = make_case(api)
        response = case.tenant.integration.post(url(case.child["id"]), json=parent_body(name=name))
        assert "#/name" in pointers(problem(response, 422, "validation-error"))

    def test_a_name_cannot_be_erased_by_a_change(self, api: Api) -> None:
        case = make_case(api)
        parent = add_parent(case)
        response = patch(
            case.tenant.integration, url(case.child["id"], parent["id"]), {"name": None}
        )
        problem(response, 422, "validation-error")

    def test_the_relation_other_needs_a_description(self, api: Api) -> None:
        case = make_case(api)
        response = case.tenant.integration.post(
            url(case.child["id"]), json=parent_body(relation="other")
        )
        assert pointers(problem(response, 422, "validation-error")) == ["#/relation_text"]
        ok = case.tenant.integration.post(
            url(case.child["id"]), json=parent_body(relation="other", relation_text="medmor")
        )
        assert ok.status_code == 201, ok.text

    def test_a_decline_dated_in_the_future_is_refused(self, api: Api) -> None:
        case = make_case(api)
        tomorrow = (today() + timedelta(days=1)).isoformat()
        response = case.tenant.integration.post(
            url(case.child["id"]), json=parent_body(declined_on=tomorrow)
        )
        assert pointers(problem(response, 422, "validation-error")) == ["#/declined_on"]

    def test_a_decline_note_without_its_date_is_refused(self, api: Api) -> None:
        case = make_case(api)
        response = case.tenant.integration.post(
            url(case.child["id"]), json=parent_body(decline_note="Sa nei på telefon.")
        )
        assert pointers(problem(response, 422, "validation-error")) == ["#/declined_on"]

    @pytest.mark.parametrize(
        ("field", "value"),
        [("phone", "ring meg"), ("email", "ikke-en-adresse"), ("relation", "aunt")],
    )
    def test_malformed_contact_details_are_refused_at_their_field(
        self, api: Api, field: str, value: str
    ) -> None:
        case = make_case(api)
        response = case.tenant.integration.post(
            url(case.child["id"]), json=parent_body(**{field: value})
        )
        assert f"#/{field}" in pointers(problem(response, 422, "validation-error"))

    def test_living_with_a_parent_of_another_child_is_refused(self, api: Api) -> None:
        case = make_case(api)
        other = add_parent(make_case(api, tenant=case.tenant))
        response = case.tenant.integration.post(
            url(case.child["id"]), json=father(lives_with=other["id"])
        )
        assert pointers(problem(response, 422, "unknown-reference")) == ["#/lives_with"]

    def test_a_parent_cannot_live_with_themself(self, api: Api) -> None:
        case = make_case(api)
        parent = add_parent(case)
        path = url(case.child["id"], parent["id"])
        response = patch(case.tenant.integration, path, {"lives_with": parent["id"]})
        assert pointers(problem(response, 422, "unknown-reference")) == ["#/lives_with"]

    def test_another_services_child_is_a_404(self, api: Api) -> None:
        case = make_case(api)
        outsider = api.tenant()
        response = outsider.integration.post(url(case.child["id"]), json=parent_body())
        problem(response, 404, "not-found")

    def test_a_parent_read_through_another_child_is_a_404(self, api: Api) -> None:
        case = make_case(api)
        parent = add_parent(case)
        sibling = make_case(api, tenant=case.tenant)
        response = case.tenant.integration.get(url(sibling.child["id"], parent["id"]))
        problem(response, 404, "not-found")


class TestChangeAParent:
    def test_a_change_needs_the_etag_of_the_last_read(self, api: Api) -> None:
        case = make_case(api)
        parent = add_parent(case)
        path = url(case.child["id"], parent["id"])
        problem(
            case.tenant.integration.patch(path, json={"phone": "22 11 00 99"}),
            428,
            "precondition-required",
        )
        stale = case.tenant.integration.get(path).headers["ETag"]
        assert patch(case.tenant.integration, path, {"phone": "22 33 44 55"}).status_code == 200
        response = case.tenant.integration.patch(
            path, json={"phone": "99 88 77 66"}, headers={"If-Match": stale}
        )
        problem(response, 412, "precondition-failed")
        assert case.tenant.integration.get(path).json()["phone"] == "22 33 44 55"

    def test_a_decline_is_recorded_with_its_date_and_note(self, api: Api) -> None:
        case = make_case(api)
        parent = add_parent(case)
        path = url(case.child["id"], parent["id"])
        day = today().isoformat()
        response = patch(
            case.tenant.integration, path, {"declined_on": day, "decline_note": "Ønsker ikke."}
        )
        assert response.status_code == 200, response.text
        changed = response.json()
        assert changed["declined_on"] == day
        assert changed["decline_note"] == "Ønsker ikke."
        assert changed["followed_up"] is False
        accepted = patch(case.tenant.integration, path, {"declined_on": None}).json()
        assert (accepted["declined_on"], accepted["decline_note"]) == (None, None)
        assert accepted["followed_up"] is True

    def test_a_parent_who_moves_out_gets_a_household_of_their_own(self, api: Api) -> None:
        case = make_case(api)
        mother = add_parent(case)
        dad = add_parent(case, **father(lives_with=mother["id"]))
        moved = patch(
            case.tenant.integration, url(case.child["id"], dad["id"]), {"lives_with": None}
        ).json()
        assert moved["household_id"] != mother["household_id"]
        again = case.tenant.integration.get(url(case.child["id"], mother["id"])).json()
        assert again["household_id"] == mother["household_id"]

    def test_the_address_can_be_cleared(self, api: Api) -> None:
        case = make_case(api)
        parent = add_parent(case)
        path = url(case.child["id"], parent["id"])
        assert patch(case.tenant.integration, path, {"address": None}).json()["address"] is None


class TestWhoSeesAParent:
    def test_a_contact_person_who_does_not_follow_the_child_gets_a_404(self, api: Api) -> None:
        case = make_case(api)
        parent = add_parent(case)
        assert case.tenant.contact.get(url(case.child["id"], parent["id"])).status_code == 200
        from tests.test_tenancy import add_contact_person

        _, stranger = add_contact_person(api, case.tenant)
        problem(stranger.get(url(case.child["id"], parent["id"])), 404, "not-found")

    def test_the_parents_are_in_the_childs_privacy_export(self, api: Api) -> None:
        case = make_case(api)
        parent = add_parent(case)
        export = case.tenant.leader.get(f"/v1/children/{case.child['id']}/export")
        assert export.status_code == 200, export.text
        assert [p["id"] for p in export.json()["parents"]] == [parent["id"]]
