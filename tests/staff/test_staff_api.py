"""Staff of a child welfare service: contact persons, leaders and supervisors."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from app.errors import PROBLEM_BASE, PROBLEM_MEDIA_TYPE
from app.principal import Role
from tests.helpers import Api, Tenant, token


def staff_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "Nora Nordmann",
        "email": "nora.nordmann@vestby.kommune.no",
        "role": "contact_person",
    }
    body.update(overrides)
    return body


def problem(response: httpx.Response, status: int, slug: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE)
    body: dict[str, Any] = response.json()
    assert body["type"] == PROBLEM_BASE + slug
    return body


def ids(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [s["id"] for s in response.json()["items"]]


@pytest.fixture
def tenant(api: Api) -> Tenant:
    return api.tenant()


class TestAddAStaffMember:
    def test_a_leader_adds_staff_to_their_own_service_without_service_id(
        self, api: Api, tenant: Tenant
    ) -> None:
        response = tenant.leader.post("/v1/staff", json=staff_body())
        assert response.status_code == 201, response.text
        created = response.json()
        assert created["service_id"] == tenant.service_id
        assert created["name"] == "Nora Nordmann"
        assert created["role"] == "contact_person"
        assert created["external_ref"] is None
        assert response.headers["location"].endswith(f"/v1/staff/{created['id']}")
        fetched = tenant.leader.get(f"/v1/staff/{created['id']}")
        assert fetched.status_code == 200
        assert fetched.json() == created

    def test_an_integration_adds_staff_to_its_own_service(self, tenant: Tenant) -> None:
        created = tenant.integration.created("/v1/staff", staff_body(role="supervisor"))
        assert created["service_id"] == tenant.service_id

    def test_a_leader_may_not_add_staff_to_another_service(self, api: Api, tenant: Tenant) -> None:
        other = api.tenant()
        response = tenant.leader.post(f"/v1/staff?service_id={other.service_id}", json=staff_body())
        body = problem(response, 422, "validation-error")
        assert [(e["parameter"], e["code"]) for e in body["errors"]] == [
            ("service_id", "service_not_granted")
        ]
        assert ids(api.admin.get("/v1/staff", params={"service_id": other.service_id})) == [
            other.leader_id,
            other.contact_id,
        ]

    def test_an_admin_adds_staff_to_the_service_it_names(self, api: Api, tenant: Tenant) -> None:
        created = api.admin.created(f"/v1/staff?service_id={tenant.service_id}", staff_body())
        assert created["service_id"] == tenant.service_id
        assert created["id"] in ids(tenant.leader.get("/v1/staff"))

    def test_an_admin_must_name_the_service(self, api: Api, tenant: Tenant) -> None:
        body = problem(api.admin.post("/v1/staff", json=staff_body()), 422, "validation-error")
        assert [(e["parameter"], e["location"], e["code"]) for e in body["errors"]] == [
            ("service_id", "query", "missing")
        ]

    def test_an_admin_naming_a_service_that_does_not_exist_gets_404(self, api: Api) -> None:
        response = api.admin.post(f"/v1/staff?service_id={uuid.uuid4()}", json=staff_body())
        problem(response, 404, "not-found")

    def test_a_contact_person_may_not_add_staff(self, tenant: Tenant) -> None:
        body = problem(tenant.contact.post("/v1/staff", json=staff_body()), 403, "forbidden")
        assert "staff:write" in body["detail"]

    def test_an_unknown_field_is_rejected(self, tenant: Tenant) -> None:
        response = tenant.leader.post("/v1/staff", json=staff_body(phone="12345678"))
        body = problem(response, 422, "validation-error")
        assert [e["pointer"] for e in body["errors"]] == ["#/phone"]


class TestTheStaffRole:
    @pytest.mark.parametrize("role", ["contact_person", "leader", "supervisor"])
    def test_each_role_of_the_enum_is_accepted(self, tenant: Tenant, role: str) -> None:
        created = tenant.leader.created("/v1/staff", staff_body(role=role))
        assert created["role"] == role

    @pytest.mark.parametrize("role", ["boss", "Leader", "admin", "integration", "", None])
    def test_a_role_outside_the_enum_is_422(self, tenant: Tenant, role: str | None) -> None:
        response = tenant.leader.post("/v1/staff", json=staff_body(role=role))
        body = problem(response, 422, "validation-error")
        assert [e["pointer"] for e in body["errors"]] == ["#/role"]

    def test_a_change_to_a_role_outside_the_enum_is_422(self, tenant: Tenant) -> None:
        response = tenant.leader.patch(
            f"/v1/staff/{tenant.contact_id}", json={"role": "boss"}, headers={"If-Match": "*"}
        )
        problem(response, 422, "validation-error")
        assert tenant.leader.get(f"/v1/staff/{tenant.contact_id}").json()["role"] == (
            "contact_person"
        )

    def test_the_list_filters_on_role(self, tenant: Tenant) -> None:
        supervisor = tenant.leader.created("/v1/staff", staff_body(role="supervisor"))
        assert ids(tenant.leader.get("/v1/staff", params={"role": "supervisor"})) == [
            supervisor["id"]
        ]
        assert ids(tenant.leader.get("/v1/staff", params={"role": "leader"})) == [tenant.leader_id]


class TestTheEmail:
    def test_the_email_is_stored_in_lower_case_and_trimmed(self, tenant: Tenant) -> None:
        created = tenant.leader.created(
            "/v1/staff", staff_body(email="  Nora.Nordmann@Vestby.Kommune.NO ")
        )
        assert created["email"] == "nora.nordmann@vestby.kommune.no"

    def test_a_change_of_email_is_stored_in_lower_case(self, tenant: Tenant) -> None:
        response = tenant.leader.patch(
            f"/v1/staff/{tenant.contact_id}",
            json={"email": "Kari.K@Test.Example"},
            headers={"If-Match": "*"},
        )
        assert response.status_code == 200, response.text
        assert response.json()["email"] == "kari.k@test.example"

    @pytest.mark.parametrize("bad", ["nora", "nora@", "@vestby.no", "nora@vestby", "no ra@x.no"])
    def test_an_invalid_email_is_422(self, tenant: Tenant, bad: str) -> None:
        response = tenant.leader.post("/v1/staff", json=staff_body(email=bad))
        body = problem(response, 422, "validation-error")
        assert [e["pointer"] for e in body["errors"]] == ["#/email"]

    def test_an_email_is_unique_within_a_service_whatever_its_case(self, tenant: Tenant) -> None:
        tenant.leader.created("/v1/staff", staff_body())
        response = tenant.leader.post(
            "/v1/staff", json=staff_body(name="Nora Kopi", email="NORA.nordmann@vestby.kommune.no")
        )
        problem(response, 409, "duplicate-resource")
        emails = [s["email"] for s in tenant.leader.get("/v1/staff").json()["items"]]
        assert emails.count("nora.nordmann@vestby.kommune.no") == 1

    def test_the_same_email_may_be_used_in_another_service(self, api: Api, tenant: Tenant) -> None:
        other = api.tenant()
        first = tenant.leader.created("/v1/staff", staff_body())
        second = other.leader.created("/v1/staff", staff_body())
        assert first["email"] == second["email"]
        assert first["service_id"] != second["service_id"]

    def test_changing_to_a_colleagues_email_is_409(self, tenant: Tenant) -> None:
        leader = tenant.leader.get(f"/v1/staff/{tenant.leader_id}").json()
        response = tenant.leader.patch(
            f"/v1/staff/{tenant.contact_id}",
            json={"email": leader["email"].upper()},
            headers={"If-Match": "*"},
        )
        problem(response, 409, "duplicate-resource")

    def test_keeping_ones_own_email_is_not_a_conflict(self, tenant: Tenant) -> None:
        contact = tenant.leader.get(f"/v1/staff/{tenant.contact_id}").json()
        response = tenant.leader.patch(
            f"/v1/staff/{tenant.contact_id}",
            json={"email": contact["email"], "name": "Kari Ny"},
            headers={"If-Match": "*"},
        )
        assert response.status_code == 200, response.text


REF = {"system": "visma-flyt-barnevern", "key": "ANS-0042"}


class TestTheExternalRef:
    def test_a_duplicate_external_ref_is_409_pointing_at_the_existing_staff_member(
        self, tenant: Tenant
    ) -> None:
        first = tenant.integration.created("/v1/staff", staff_body(external_ref=REF))
        assert first["external_ref"] == REF
        response = tenant.integration.post(
            "/v1/staff",
            json=staff_body(name="Ola Annen", email="ola@test.example", external_ref=REF),
        )
        body = problem(response, 409, "duplicate-external-ref")
        assert body["existing"] == f"/v1/staff/{first['id']}"
        existing = tenant.integration.get(body["existing"])
        assert existing.status_code == 200
        assert existing.json() == first

    def test_the_same_external_ref_may_be_used_in_another_service(
        self, api: Api, tenant: Tenant
    ) -> None:
        other = api.tenant()
        tenant.integration.created("/v1/staff", staff_body(external_ref=REF))
        created = other.integration.created("/v1/staff", staff_body(external_ref=REF))
        assert created["service_id"] == other.service_id

    def test_changing_to_a_taken_external_ref_is_409_pointing_at_its_holder(
        self, tenant: Tenant
    ) -> None:
        holder = tenant.integration.created("/v1/staff", staff_body(external_ref=REF))
        response = tenant.integration.patch(
            f"/v1/staff/{tenant.contact_id}",
            json={"external_ref": REF},
            headers={"If-Match": "*"},
        )
        body = problem(response, 409, "duplicate-external-ref")
        assert body["existing"] == f"/v1/staff/{holder['id']}"
        assert tenant.integration.get(body["existing"]).json()["id"] == holder["id"]
        contact = tenant.integration.get(f"/v1/staff/{tenant.contact_id}").json()
        assert contact["external_ref"] is None

    def test_the_external_ref_can_be_set_kept_and_cleared(self, tenant: Tenant) -> None:
        url = f"/v1/staff/{tenant.contact_id}"
        for ref in (REF, REF, None):
            response = tenant.integration.patch(
                url, json={"external_ref": ref}, headers={"If-Match": "*"}
            )
            assert response.status_code == 200, response.text
            assert response.json()["external_ref"] == ref

    def test_the_list_finds_a_staff_member_by_external_ref(self, tenant: Tenant) -> None:
        created = tenant.integration.created("/v1/staff", staff_body(external_ref=REF))
        response = tenant.integration.get(
            "/v1/staff",
            params={"external_system": REF["system"], "external_key": REF["key"]},
        )
        assert ids(response) == [created["id"]]


class TestListAndChangeStaff:
    def test_the_list_shows_the_staff_of_the_callers_service_only(
        self, api: Api, tenant: Tenant
    ) -> None:
        other = api.tenant()
        added = tenant.leader.created("/v1/staff", staff_body())
        expected = [tenant.leader_id, tenant.contact_id, added["id"]]
        assert ids(tenant.leader.get("/v1/staff")) == expected
        assert ids(tenant.contact.get("/v1/staff")) == expected
        assert ids(other.leader.get("/v1/staff")) == [other.leader_id, other.contact_id]

    def test_an_admin_lists_staff_of_every_service(self, api: Api, tenant: Tenant) -> None:
        other = api.tenant()
        listed = set(ids(api.admin.get("/v1/staff", params={"limit": 100})))
        assert {tenant.leader_id, tenant.contact_id, other.leader_id, other.contact_id} <= listed
        filtered = ids(api.admin.get("/v1/staff", params={"service_id": other.service_id}))
        assert filtered == [other.leader_id, other.contact_id]

    def test_an_unknown_list_parameter_is_rejected(self, tenant: Tenant) -> None:
        response = tenant.leader.get("/v1/staff", params={"rolle": "leader"})
        problem(response, 422, "validation-error")

    def test_a_change_with_the_current_etag_is_applied(self, tenant: Tenant) -> None:
        url = f"/v1/staff/{tenant.contact_id}"
        current = tenant.leader.get(url)
        response = tenant.leader.patch(
            url,
            json={"name": "Kari Kontakt-Hansen", "role": "leader"},
            headers={"If-Match": current.headers["etag"]},
        )
        assert response.status_code == 200, response.text
        changed = response.json()
        assert changed["name"] == "Kari Kontakt-Hansen"
        assert changed["role"] == "leader"
        assert changed["email"] == current.json()["email"]
        assert tenant.leader.get(url).json() == changed

    def test_a_change_with_a_stale_etag_is_412(self, tenant: Tenant) -> None:
        url = f"/v1/staff/{tenant.contact_id}"
        stale = tenant.leader.get(url).headers["etag"]
        first = tenant.leader.patch(url, json={"name": "Kari En"}, headers={"If-Match": stale})
        assert first.status_code == 200, first.text
        second = tenant.leader.patch(url, json={"name": "Kari To"}, headers={"If-Match": stale})
        problem(second, 412, "precondition-failed")
        assert tenant.leader.get(url).json()["name"] == "Kari En"

    def test_a_change_without_if_match_is_428(self, tenant: Tenant) -> None:
        response = tenant.leader.patch(f"/v1/staff/{tenant.contact_id}", json={"name": "X"})
        problem(response, 428, "precondition-required")

    def test_a_contact_person_reads_but_may_not_change_a_colleague(self, tenant: Tenant) -> None:
        assert tenant.contact.get(f"/v1/staff/{tenant.leader_id}").status_code == 200
        response = tenant.contact.patch(
            f"/v1/staff/{tenant.leader_id}", json={"name": "X"}, headers={"If-Match": "*"}
        )
        problem(response, 403, "forbidden")

    def test_staff_of_another_service_is_404(self, api: Api, tenant: Tenant) -> None:
        other = api.tenant()
        scoped = api.caller(token(Role.LEADER, services=[tenant.service_id]))
        problem(scoped.get(f"/v1/staff/{other.leader_id}"), 404, "not-found")
        response = scoped.patch(
            f"/v1/staff/{other.leader_id}", json={"name": "X"}, headers={"If-Match": "*"}
        )
        problem(response, 404, "not-found")
