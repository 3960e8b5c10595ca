"""Placements through the HTTP API: the register's rules, ending, changes, lists and visibility.

Dates are relative to ``app.clock.today()`` (Europe/Oslo), the same clock the server uses.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
import pytest

from app.clock import today
from app.principal import Role
from tests.helpers import (
    Api,
    Caller,
    Tenant,
    child_body,
    foster_home_body,
    placement_body,
    token,
)

PROBLEM = "https://fosterflyt.no/problems/"


def day(offset: int) -> str:
    """Today (Europe/Oslo) plus ``offset`` days, as an ISO date."""
    return (today() + timedelta(days=offset)).isoformat()


def problem(response: httpx.Response, status: int, slug: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = dict(response.json())
    assert body["type"] == PROBLEM + slug, body
    return body


def pointers(body: dict[str, Any]) -> set[str]:
    return {e["pointer"] for e in body.get("errors") or [] if e.get("pointer")}


def patch(caller: Caller, url: str, body: dict[str, Any]) -> httpx.Response:
    current = caller.get(url)
    assert current.status_code == 200, current.text
    return caller.patch(url, json=body, headers={"If-Match": current.headers["ETag"]})


def listed(caller: Caller, **params: str) -> list[dict[str, Any]]:
    response = caller.get("/v1/placements", params=params)
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


def listed_ids(caller: Caller, **params: str) -> set[str]:
    return {item["id"] for item in listed(caller, **params)}


@dataclass
class Register:
    """A service with a child and a foster home, ready for placements."""

    api: Api
    tenant: Tenant
    child: dict[str, Any]
    home: dict[str, Any]

    def body(self, **overrides: Any) -> dict[str, Any]:
        overrides.setdefault("start_date", day(-100))
        child_id = overrides.pop("child_id", self.child["id"])
        home_id = overrides.pop("foster_home_id", self.home["id"])
        return placement_body(self.tenant, child_id=child_id, foster_home_id=home_id, **overrides)

    def post(self, **overrides: Any) -> httpx.Response:
        return self.tenant.integration.post("/v1/placements", json=self.body(**overrides))

    def place(self, **overrides: Any) -> dict[str, Any]:
        return self.tenant.integration.created("/v1/placements", self.body(**overrides))

    def new_child(self, **overrides: Any) -> dict[str, Any]:
        return self.tenant.integration.created("/v1/children", child_body(**overrides))

    def staff(self, role: str, name: str, email: str) -> dict[str, Any]:
        return self.api.admin.created(
            f"/v1/staff?service_id={self.tenant.service_id}",
            {"name": name, "email": email, "role": role},
        )

    def contact_person(self, name: str, email: str) -> tuple[str, Caller]:
        staff = self.staff("contact_person", name, email)
        bearer = token(Role.CONTACT_PERSON, services=[self.tenant.service_id], staff=staff["id"])
        return staff["id"], self.api.caller(bearer)

    def child_placements(self, child_id: str | None = None) -> list[dict[str, Any]]:
        return listed(self.tenant.integration, child_id=child_id or self.child["id"])

    def rejected(
        self, response: httpx.Response, status: int, slug: str, before: list[dict[str, Any]]
    ) -> dict[str, Any]:
        """The create was refused, and the child's placements are exactly what they were."""
        body = problem(response, status, slug)
        assert self.child_placements() == before
        return body


@pytest.fixture
def register(api: Api) -> Register:
    tenant = api.tenant()
    child = tenant.integration.created("/v1/children", child_body())
    home = tenant.integration.created("/v1/foster-homes", foster_home_body())
    return Register(api=api, tenant=tenant, child=child, home=home)


class TestRegisterAPlacement:
    def test_a_placement_that_started_in_the_past_is_active(self, register: Register) -> None:
        response = register.post(start_date=day(-30))
        assert response.status_code == 201, response.text
        placement = response.json()
        assert placement["status"] == "active"
        assert placement["child_id"] == register.child["id"]
        assert placement["foster_home_id"] == register.home["id"]
        assert placement["contact_person_id"] == register.tenant.contact_id
        assert placement["service_id"] == register.tenant.service_id
        assert placement["start_date"] == day(-30)
        assert placement["end_date"] is None
        assert placement["end_reason"] is None
        assert placement["legal_basis"] == "care_order"
        assert response.headers["Location"] == f"/v1/placements/{placement['id']}"
        assert register.tenant.integration.get(response.headers["Location"]).json() == placement

    def test_a_placement_starting_today_is_active(self, register: Register) -> None:
        assert register.place(start_date=day(0))["status"] == "active"

    def test_a_placement_starting_in_the_future_is_planned(self, register: Register) -> None:
        placement = register.place(start_date=day(14))
        assert placement["status"] == "planned"
        stored = register.tenant.integration.get(f"/v1/placements/{placement['id']}").json()
        assert stored["status"] == "planned"

    def test_an_imported_placement_that_ended_in_the_past_is_ended(
        self, register: Register
    ) -> None:
        placement = register.place(
            start_date=day(-200),
            end_date=day(-20),
            end_reason="returned_home",
            agreement_end_date=None,
        )
        assert placement["status"] == "ended"
        assert (placement["end_date"], placement["end_reason"]) == (day(-20), "returned_home")

    @pytest.mark.parametrize("legal_basis", ["care_order", "voluntary", "emergency"])
    def test_each_legal_basis_is_accepted(self, register: Register, legal_basis: str) -> None:
        assert register.place(legal_basis=legal_basis)["legal_basis"] == legal_basis

    def test_two_children_may_live_in_the_same_foster_home_at_the_same_time(
        self, register: Register
    ) -> None:
        first = register.place(start_date=day(-100))
        sibling = register.new_child(given_name="Ida", birth_date="2017-03-01")
        second = register.place(child_id=sibling["id"], start_date=day(-100))
        assert first["foster_home_id"] == second["foster_home_id"]


class TestReadAPlacement:
    """``GET /v1/placements/{id}`` reads the table's columns without the ORM (the hot path of a
    journal system's sync); it must show exactly what the ORM-built responses show."""

    @pytest.mark.parametrize(
        "overrides",
        [
            {"start_date": day(14), "external_ref": {"system": "modulus-barn", "key": "SAK-7"}},
            {
                "start_date": day(-200),
                "end_date": day(-20),
                "end_reason": "returned_home",
                "agreement_end_date": None,
            },
            {"start_date": day(-30), "legal_basis": "emergency"},
        ],
        ids=["planned-with-external-ref", "ended", "active"],
    )
    def test_the_item_shows_what_the_create_and_the_list_show(
        self, register: Register, overrides: dict[str, Any]
    ) -> None:
        response = register.post(**overrides)
        assert response.status_code == 201, response.text
        created = response.json()
        item = register.tenant.integration.get(f"/v1/placements/{created['id']}")
        assert item.status_code == 200, item.text
        assert item.json() == created
        assert item.headers["ETag"] == response.headers["ETag"]
        [in_list] = [p for p in listed(register.tenant.integration) if p["id"] == created["id"]]
        assert in_list == created

    def test_a_statement_reused_between_callers_applies_each_callers_own_filter(
        self, register: Register
    ) -> None:
        # Item reads reuse one statement per shape of caller, with the caller's ids as
        # parameters: two contact persons of one service, alternating, see only their own case.
        first_id, first = register.contact_person("Kari Kontakt", f"{uuid.uuid4().hex}@x.example")
        second_id, second = register.contact_person("Ola Kontakt", f"{uuid.uuid4().hex}@x.example")
        mine = register.place(contact_person_id=first_id)
        theirs = register.place(child_id=register.new_child()["id"], contact_person_id=second_id)
        for _ in range(2):
            assert first.get(f"/v1/placements/{mine['id']}").status_code == 200
            problem(first.get(f"/v1/placements/{theirs['id']}"), 404, "not-found")
            assert second.get(f"/v1/placements/{theirs['id']}").status_code == 200
            problem(second.get(f"/v1/placements/{mine['id']}"), 404, "not-found")


class TestPlacementDates:
    def test_an_end_date_before_the_start_date_is_rejected(self, register: Register) -> None:
        before = register.child_placements()
        response = register.post(start_date=day(-10), end_date=day(-11), end_reason="other")
        body = register.rejected(response, 422, "validation-error", before)
        assert pointers(body) == {"#/end_date"}

    def test_an_agreement_end_date_before_the_start_date_is_rejected(
        self, register: Register
    ) -> None:
        before = register.child_placements()
        response = register.post(start_date=day(-10), agreement_end_date=day(-11))
        body = register.rejected(response, 422, "validation-error", before)
        assert pointers(body) == {"#/agreement_end_date"}

    def test_a_start_date_before_the_childs_birth_is_rejected(self, register: Register) -> None:
        before = register.child_placements()
        response = register.post(start_date="2015-10-14")
        body = register.rejected(response, 422, "validation-error", before)
        assert pointers(body) == {"#/start_date"}

    def test_a_placement_may_start_on_the_day_the_child_was_born(self, register: Register) -> None:
        assert register.place(start_date="2015-10-15")["start_date"] == "2015-10-15"

    def test_an_end_reason_without_an_end_date_is_rejected(self, register: Register) -> None:
        before = register.child_placements()
        response = register.post(end_reason="returned_home")
        body = register.rejected(response, 422, "validation-error", before)
        assert pointers(body) == {"#/end_reason"}


class TestPlacementReferences:
    def test_a_supervisor_cannot_be_the_contact_person(self, register: Register) -> None:
        supervisor = register.staff("supervisor", "Siv Veileder", "siv@test.example")
        before = register.child_placements()
        response = register.post(contact_person_id=supervisor["id"])
        body = register.rejected(response, 422, "validation-error", before)
        assert pointers(body) == {"#/contact_person_id"}

    def test_a_leader_can_be_the_contact_person(self, register: Register) -> None:
        placement = register.place(contact_person_id=register.tenant.leader_id)
        assert placement["contact_person_id"] == register.tenant.leader_id

    def test_an_unknown_child_is_an_unknown_reference(self, register: Register) -> None:
        before = register.child_placements()
        response = register.post(child_id=str(uuid.uuid4()))
        body = register.rejected(response, 422, "unknown-reference", before)
        assert pointers(body) == {"#/child_id"}

    def test_a_child_of_another_service_is_an_unknown_reference(self, register: Register) -> None:
        stranger = register.api.tenant().integration.created("/v1/children", child_body())
        response = register.post(child_id=stranger["id"])
        assert pointers(problem(response, 422, "unknown-reference")) == {"#/child_id"}

    def test_an_unknown_foster_home_is_an_unknown_reference(self, register: Register) -> None:
        before = register.child_placements()
        response = register.post(foster_home_id=str(uuid.uuid4()))
        body = register.rejected(response, 422, "unknown-reference", before)
        assert pointers(body) == {"#/foster_home_id"}

    def test_a_foster_home_of_another_service_is_an_unknown_reference(
        self, register: Register
    ) -> None:
        other = register.api.tenant()
        home = other.integration.created("/v1/foster-homes", foster_home_body())
        before = register.child_placements()
        response = register.post(foster_home_id=home["id"])
        body = register.rejected(response, 422, "unknown-reference", before)
        assert pointers(body) == {"#/foster_home_id"}

    def test_an_unknown_contact_person_is_an_unknown_reference(self, register: Register) -> None:
        before = register.child_placements()
        response = register.post(contact_person_id=str(uuid.uuid4()))
        body = register.rejected(response, 422, "unknown-reference", before)
        assert pointers(body) == {"#/contact_person_id"}

    def test_a_duplicate_external_ref_is_a_conflict_naming_the_existing_placement(
        self, register: Register
    ) -> None:
        ref = {"system": "visma-flyt", "key": "PL-1"}
        first = register.place(
            start_date=day(-300), end_date=day(-100), end_reason="other", external_ref=ref
        )
        before = register.child_placements()
        response = register.post(start_date=day(-100), external_ref=ref)
        body = register.rejected(response, 409, "duplicate-external-ref", before)
        assert body["existing"] == f"/v1/placements/{first['id']}"

    def test_an_unknown_field_is_rejected(self, register: Register) -> None:
        before = register.child_placements()
        response = register.post(status="active")
        body = register.rejected(response, 422, "validation-error", before)
        assert pointers(body) == {"#/status"}


class TestOnePlacementPerChildPerDay:
    def test_a_child_cannot_have_two_placements_on_the_same_day(self, register: Register) -> None:
        first = register.place(start_date=day(-100))
        other_home = register.tenant.integration.created(
            "/v1/foster-homes", foster_home_body(name="Familien Fjell")
        )
        before = register.child_placements()
        response = register.post(start_date=day(-50), foster_home_id=other_home["id"])
        body = register.rejected(response, 409, "overlapping-placement", before)
        assert body["existing"] == f"/v1/placements/{first['id']}"

    def test_a_planned_placement_overlaps_an_open_ended_one(self, register: Register) -> None:
        first = register.place(start_date=day(-100))
        before = register.child_placements()
        response = register.post(start_date=day(30))
        body = register.rejected(response, 409, "overlapping-placement", before)
        assert body["existing"] == f"/v1/placements/{first['id']}"

    def test_an_earlier_placement_reaching_into_an_existing_one_overlaps(
        self, register: Register
    ) -> None:
        first = register.place(start_date=day(-100))
        before = register.child_placements()
        response = register.post(
            start_date=day(-200), end_date=day(-99), end_reason="moved_to_other_foster_home"
        )
        body = register.rejected(response, 409, "overlapping-placement", before)
        assert body["existing"] == f"/v1/placements/{first['id']}"

    def test_a_placement_may_start_on_the_previous_ones_end_date(self, register: Register) -> None:
        first = register.place(start_date=day(-200))
        ended = register.tenant.integration.post(
            f"/v1/placements/{first['id']}/end",
            json={"end_date": day(-50), "end_reason": "moved_to_other_foster_home"},
        )
        assert ended.status_code == 200, ended.text
        second = register.place(start_date=day(-50))
        assert second["status"] == "active"
        assert {p["id"] for p in register.child_placements()} == {first["id"], second["id"]}

    def test_a_placement_may_not_start_the_day_before_the_previous_ones_end_date(
        self, register: Register
    ) -> None:
        first = register.place(start_date=day(-200), end_date=day(-50), end_reason="other")
        before = register.child_placements()
        response = register.post(start_date=day(-51))
        body = register.rejected(response, 409, "overlapping-placement", before)
        assert body["existing"] == f"/v1/placements/{first['id']}"


class TestEndAPlacement:
    def test_ending_today_records_the_end_and_the_placement_is_ended(
        self, register: Register
    ) -> None:
        placement = register.place(start_date=day(-100))
        url = f"/v1/placements/{placement['id']}"
        response = register.tenant.integration.post(
            f"{url}/end", json={"end_date": day(0), "end_reason": "returned_home"}
        )
        assert response.status_code == 200, response.text
        ended = response.json()
        assert (ended["end_date"], ended["end_reason"], ended["status"]) == (
            day(0),
            "returned_home",
            "ended",
        )
        assert register.tenant.integration.get(url).json() == ended

    def test_ending_in_the_past_makes_the_placement_ended(self, register: Register) -> None:
        placement = register.place(start_date=day(-100))
        response = register.tenant.integration.post(
            f"/v1/placements/{placement['id']}/end",
            json={"end_date": day(-1), "end_reason": "adopted"},
        )
        assert response.status_code == 200, response.text
        assert response.json()["status"] == "ended"

    def test_a_placement_ending_in_the_future_stays_active_until_then(
        self, register: Register
    ) -> None:
        placement = register.place(start_date=day(-100))
        response = register.tenant.integration.post(
            f"/v1/placements/{placement['id']}/end",
            json={"end_date": day(1), "end_reason": "aged_out"},
        )
        assert response.status_code == 200, response.text
        assert (response.json()["end_date"], response.json()["status"]) == (day(1), "active")

    def test_an_ended_placement_cannot_be_ended_again(self, register: Register) -> None:
        placement = register.place(start_date=day(-100))
        url = f"/v1/placements/{placement['id']}"
        first = register.tenant.integration.post(
            f"{url}/end", json={"end_date": day(-1), "end_reason": "returned_home"}
        )
        assert first.status_code == 200, first.text
        again = register.tenant.integration.post(
            f"{url}/end", json={"end_date": day(0), "end_reason": "other"}
        )
        problem(again, 409, "placement-ended")
        stored = register.tenant.integration.get(url).json()
        assert (stored["end_date"], stored["end_reason"]) == (day(-1), "returned_home")

    def test_a_placement_cannot_end_before_it_started(self, register: Register) -> None:
        placement = register.place(start_date=day(-100))
        url = f"/v1/placements/{placement['id']}"
        response = register.tenant.integration.post(
            f"{url}/end", json={"end_date": day(-101), "end_reason": "other"}
        )
        assert pointers(problem(response, 422, "validation-error")) == {"#/end_date"}
        stored = register.tenant.integration.get(url).json()
        assert (stored["end_date"], stored["status"]) == (None, "active")

    def test_an_end_date_reaching_into_the_next_placement_is_a_conflict(
        self, register: Register
    ) -> None:
        current = register.place(start_date=day(-100))
        url = f"/v1/placements/{current['id']}"
        moving = register.tenant.integration.post(
            f"{url}/end", json={"end_date": day(10), "end_reason": "moved_to_other_foster_home"}
        )
        assert moving.status_code == 200, moving.text
        following = register.place(start_date=day(10))
        assert following["status"] == "planned"
        response = register.tenant.integration.post(
            f"{url}/end", json={"end_date": day(20), "end_reason": "moved_to_other_foster_home"}
        )
        body = problem(response, 409, "overlapping-placement")
        assert body["existing"] == f"/v1/placements/{following['id']}"
        assert register.tenant.integration.get(url).json()["end_date"] == day(10)

    def test_an_end_reason_is_required(self, register: Register) -> None:
        placement = register.place(start_date=day(-100))
        response = register.tenant.integration.post(
            f"/v1/placements/{placement['id']}/end", json={"end_date": day(0)}
        )
        assert pointers(problem(response, 422, "validation-error")) == {"#/end_reason"}

    def test_a_stale_if_match_is_refused(self, register: Register) -> None:
        placement = register.place(start_date=day(-100))
        url = f"/v1/placements/{placement['id']}"
        stale = register.tenant.integration.get(url).headers["ETag"]
        changed = patch(register.tenant.integration, url, {"legal_basis": "voluntary"})
        assert changed.status_code == 200, changed.text
        response = register.tenant.integration.post(
            f"{url}/end",
            json={"end_date": day(0), "end_reason": "other"},
            headers={"If-Match": stale},
        )
        problem(response, 412, "precondition-failed")
        assert register.tenant.integration.get(url).json()["end_date"] is None


class TestChangeAPlacement:
    def test_an_ended_placement_cannot_be_changed(self, register: Register) -> None:
        placement = register.place(start_date=day(-100), end_date=day(-1), end_reason="other")
        url = f"/v1/placements/{placement['id']}"
        problem(
            patch(register.tenant.integration, url, {"legal_basis": "voluntary"}),
            409,
            "placement-ended",
        )
        assert register.tenant.integration.get(url).json()["legal_basis"] == "care_order"

    def test_a_new_contact_person_takes_over_and_the_old_one_loses_sight(
        self, register: Register
    ) -> None:
        placement = register.place(start_date=day(-100))
        url = f"/v1/placements/{placement['id']}"
        new_id, new_contact = register.contact_person("Nils Ny", "nils@test.example")
        old_contact = register.tenant.contact
        assert old_contact.get(url).status_code == 200
        assert new_contact.get(url).status_code == 404

        response = patch(register.tenant.integration, url, {"contact_person_id": new_id})
        assert response.status_code == 200, response.text
        assert response.json()["contact_person_id"] == new_id

        problem(old_contact.get(url), 404, "not-found")
        seen = new_contact.get(url)
        assert seen.status_code == 200
        assert seen.json()["contact_person_id"] == new_id
        assert listed_ids(old_contact) == set()
        assert listed_ids(new_contact) == {placement["id"]}

    def test_a_contact_person_can_hand_over_their_own_placement(self, register: Register) -> None:
        placement = register.place(start_date=day(-100))
        url = f"/v1/placements/{placement['id']}"
        new_id, new_contact = register.contact_person("Nils Ny", "nils@test.example")
        response = patch(register.tenant.contact, url, {"contact_person_id": new_id})
        assert response.status_code == 200, response.text
        assert register.tenant.contact.get(url).status_code == 404
        assert new_contact.get(url).json()["contact_person_id"] == new_id

    def test_the_contact_person_cannot_be_changed_to_a_supervisor(self, register: Register) -> None:
        placement = register.place(start_date=day(-100))
        url = f"/v1/placements/{placement['id']}"
        supervisor = register.staff("supervisor", "Siv Veileder", "siv@test.example")
        response = patch(register.tenant.integration, url, {"contact_person_id": supervisor["id"]})
        assert pointers(problem(response, 422, "validation-error")) == {"#/contact_person_id"}
        stored = register.tenant.integration.get(url).json()
        assert stored["contact_person_id"] == register.tenant.contact_id

    def test_a_start_date_overlapping_another_placement_is_a_conflict(
        self, register: Register
    ) -> None:
        earlier = register.place(start_date=day(-300), end_date=day(-100), end_reason="other")
        current = register.place(start_date=day(-100))
        url = f"/v1/placements/{current['id']}"
        response = patch(register.tenant.integration, url, {"start_date": day(-150)})
        body = problem(response, 409, "overlapping-placement")
        assert body["existing"] == f"/v1/placements/{earlier['id']}"
        assert register.tenant.integration.get(url).json()["start_date"] == day(-100)

    def test_a_start_date_can_move_when_nothing_overlaps(self, register: Register) -> None:
        register.place(start_date=day(-300), end_date=day(-100), end_reason="other")
        current = register.place(start_date=day(-90))
        url = f"/v1/placements/{current['id']}"
        response = patch(register.tenant.integration, url, {"start_date": day(-100)})
        assert response.status_code == 200, response.text
        assert register.tenant.integration.get(url).json()["start_date"] == day(-100)

    def test_moving_the_start_into_the_future_makes_the_placement_planned(
        self, register: Register
    ) -> None:
        placement = register.place(start_date=day(-10))
        url = f"/v1/placements/{placement['id']}"
        response = patch(register.tenant.integration, url, {"start_date": day(10)})
        assert response.status_code == 200, response.text
        assert response.json()["status"] == "planned"

    @pytest.mark.parametrize("field", ["child_id", "foster_home_id"])
    def test_the_child_and_the_foster_home_cannot_be_changed(
        self, register: Register, field: str
    ) -> None:
        placement = register.place(start_date=day(-100))
        url = f"/v1/placements/{placement['id']}"
        other_child = register.new_child(given_name="Ida")
        other_home = register.tenant.integration.created(
            "/v1/foster-homes", foster_home_body(name="Familien Fjell")
        )
        replacement = {"child_id": other_child["id"], "foster_home_id": other_home["id"]}[field]
        response = patch(register.tenant.integration, url, {field: replacement})
        body = problem(response, 422, "validation-error")
        assert pointers(body) == {f"#/{field}"}
        assert register.tenant.integration.get(url).json() == placement

    def test_an_agreement_end_date_before_the_start_is_rejected(self, register: Register) -> None:
        placement = register.place(start_date=day(-100))
        url = f"/v1/placements/{placement['id']}"
        response = patch(register.tenant.integration, url, {"agreement_end_date": day(-101)})
        assert pointers(problem(response, 422, "validation-error")) == {"#/agreement_end_date"}

    def test_the_agreement_end_date_can_be_cleared_but_the_legal_basis_cannot(
        self, register: Register
    ) -> None:
        placement = register.place(start_date=day(-100))
        url = f"/v1/placements/{placement['id']}"
        cleared = patch(register.tenant.integration, url, {"agreement_end_date": None})
        assert cleared.status_code == 200, cleared.text
        assert cleared.json()["agreement_end_date"] is None
        problem(
            patch(register.tenant.integration, url, {"legal_basis": None}),
            422,
            "validation-error",
        )

    def test_a_change_without_if_match_is_refused(self, register: Register) -> None:
        placement = register.place(start_date=day(-100))
        response = register.tenant.integration.patch(
            f"/v1/placements/{placement['id']}", json={"legal_basis": "voluntary"}
        )
        problem(response, 428, "precondition-required")


class TestListPlacements:
    def test_the_status_filter_follows_the_dates(self, register: Register) -> None:
        planned = register.place(start_date=day(10))
        active_child = register.new_child(given_name="Ida")
        active = register.place(child_id=active_child["id"], start_date=day(-10))
        ended_child = register.new_child(given_name="Jon")
        ended = register.place(
            child_id=ended_child["id"], start_date=day(-100), end_date=day(0), end_reason="other"
        )
        caller = register.tenant.integration
        assert listed_ids(caller, status="planned") == {planned["id"]}
        assert listed_ids(caller, status="active") == {active["id"]}
        assert listed_ids(caller, status="ended") == {ended["id"]}
        assert listed_ids(caller) == {planned["id"], active["id"], ended["id"]}

    def test_a_placement_ending_tomorrow_is_listed_as_active(self, register: Register) -> None:
        placement = register.place(start_date=day(-10), end_date=day(1), end_reason="other")
        assert placement["status"] == "active"
        assert listed_ids(register.tenant.integration, status="active") == {placement["id"]}
        assert listed_ids(register.tenant.integration, status="ended") == set()

    def test_filtering_by_child_returns_only_that_childs_placements(
        self, register: Register
    ) -> None:
        first = register.place(start_date=day(-300), end_date=day(-100), end_reason="other")
        second = register.place(start_date=day(-100))
        other_child = register.new_child(given_name="Ida")
        register.place(child_id=other_child["id"])
        assert listed_ids(register.tenant.integration, child_id=register.child["id"]) == {
            first["id"],
            second["id"],
        }

    def test_filtering_by_contact_person_returns_only_their_placements(
        self, register: Register
    ) -> None:
        mine = register.place()
        colleague_id, _ = register.contact_person("Nils Ny", "nils@test.example")
        other_child = register.new_child(given_name="Ida")
        theirs = register.place(child_id=other_child["id"], contact_person_id=colleague_id)
        caller = register.tenant.integration
        assert listed_ids(caller, contact_person_id=register.tenant.contact_id) == {mine["id"]}
        assert listed_ids(caller, contact_person_id=colleague_id) == {theirs["id"]}

    def test_filtering_by_legal_basis_returns_only_that_basis(self, register: Register) -> None:
        care_order = register.place(legal_basis="care_order")
        other_child = register.new_child(given_name="Ida")
        voluntary = register.place(child_id=other_child["id"], legal_basis="voluntary")
        caller = register.tenant.integration
        assert listed_ids(caller, legal_basis="care_order") == {care_order["id"]}
        assert listed_ids(caller, legal_basis="voluntary") == {voluntary["id"]}
        assert listed_ids(caller, legal_basis="emergency") == set()

    def test_filters_combine(self, register: Register) -> None:
        register.place(start_date=day(-300), end_date=day(-100), end_reason="other")
        current = register.place(start_date=day(-100))
        assert listed_ids(
            register.tenant.integration, child_id=register.child["id"], status="active"
        ) == {current["id"]}

    def test_a_contact_person_lists_only_the_placements_they_follow(
        self, register: Register
    ) -> None:
        mine = register.place()
        colleague_id, colleague = register.contact_person("Nils Ny", "nils@test.example")
        other_child = register.new_child(given_name="Ida")
        theirs = register.place(child_id=other_child["id"], contact_person_id=colleague_id)
        assert listed_ids(register.tenant.contact) == {mine["id"]}
        assert listed_ids(colleague) == {theirs["id"]}
        assert listed_ids(register.tenant.contact, contact_person_id=colleague_id) == set()
        assert listed_ids(register.tenant.leader) == {mine["id"], theirs["id"]}
        problem(register.tenant.contact.get(f"/v1/placements/{theirs['id']}"), 404, "not-found")

    def test_another_service_sees_none_of_the_placements(self, register: Register) -> None:
        register.place()
        assert listed_ids(register.api.tenant().integration) == set()

    def test_an_unknown_status_is_rejected(self, register: Register) -> None:
        body = problem(
            register.tenant.integration.get("/v1/placements", params={"status": "paused"}),
            422,
            "validation-error",
        )
        assert {e.get("parameter") for e in body["errors"]} == {"status"}

    def test_pages_follow_the_cursor_without_gaps_or_repeats(self, register: Register) -> None:
        created = {register.place()["id"]}
        for name in ("Ida", "Jon", "Kai", "Liv"):
            child = register.new_child(given_name=name)
            created.add(register.place(child_id=child["id"])["id"])
        seen: list[str] = []
        params: dict[str, str] = {"limit": "2"}
        for _ in range(10):
            page = register.tenant.integration.get("/v1/placements", params=params)
            assert page.status_code == 200, page.text
            seen += [item["id"] for item in page.json()["items"]]
            if not page.json()["has_more"]:
                break
            params["cursor"] = page.json()["next_cursor"]
        assert sorted(seen) == sorted(created)

    @pytest.mark.parametrize(
        "cursor",
        [
            "not-a-cursor!",
            # base64url of ["2026-01-01T00:00:00+00:00", 5]: well-formed JSON, id not a string
            "WyIyMDI2LTAxLTAxVDAwOjAwOjAwKzAwOjAwIiwgNV0",
        ],
        ids=["garbage", "number_as_id"],
    )
    def test_a_cursor_that_was_not_issued_is_a_bad_request(
        self, register: Register, cursor: str
    ) -> None:
        response = register.tenant.integration.get("/v1/placements", params={"cursor": cursor})
        problem(response, 400, "invalid-cursor")
