"""Child welfare services (the tenants), as admins register them over HTTP."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from app.errors import PROBLEM_BASE, PROBLEM_MEDIA_TYPE
from app.principal import Role
from tests.helpers import Api, org_number, token


def service_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "Barneverntjenesten i Vestby",
        "org_number": org_number(),
        "municipality_numbers": ["3216"],
    }
    body.update(overrides)
    return body


def with_wrong_check_digit(valid: str) -> str:
    return valid[:-1] + str((int(valid[-1]) + 1) % 10)


def problem(response: httpx.Response, status: int, slug: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE)
    body: dict[str, Any] = response.json()
    assert body["type"] == PROBLEM_BASE + slug
    return body


def pointers(body: dict[str, Any]) -> list[str]:
    return [e["pointer"] for e in body["errors"]]


class TestRegisterAService:
    def test_an_admin_registers_a_service_and_gets_it_back(self, api: Api) -> None:
        body = service_body(municipality_numbers=["3216", "3218"])
        response = api.admin.post("/v1/services", json=body)
        assert response.status_code == 201, response.text
        created = response.json()
        assert {k: created[k] for k in body} == body
        assert response.headers["location"].endswith(f"/v1/services/{created['id']}")
        assert response.headers["etag"]

        fetched = api.admin.get(f"/v1/services/{created['id']}")
        assert fetched.status_code == 200
        assert fetched.json() == created
        assert fetched.headers["etag"] == response.headers["etag"]

    def test_the_name_is_trimmed_and_must_not_be_blank(self, api: Api) -> None:
        created = api.admin.created("/v1/services", service_body(name="  Barnevernet Øst  "))
        assert created["name"] == "Barnevernet Øst"
        response = api.admin.post("/v1/services", json=service_body(name="   "))
        assert pointers(problem(response, 422, "validation-error")) == ["#/name"]

    def test_an_unknown_field_is_rejected(self, api: Api) -> None:
        response = api.admin.post("/v1/services", json=service_body(nickname="Vest"))
        assert pointers(problem(response, 422, "validation-error")) == ["#/nickname"]

    @pytest.mark.parametrize("role", [Role.LEADER, Role.INTEGRATION])
    def test_only_an_admin_may_register_a_service(self, api: Api, role: Role) -> None:
        own = api.service()
        caller = api.caller(token(role, services=[own["id"]]))
        body = service_body()
        problem(caller.post("/v1/services", json=body), 403, "forbidden")
        listed = api.admin.get("/v1/services", params={"limit": 100}).json()["items"]
        assert body["org_number"] not in {s["org_number"] for s in listed}


class TestTheOrgNumberIsChecked:
    @pytest.mark.parametrize(
        "bad",
        [
            with_wrong_check_digit("974760673"),
            "97476067",
            "9747606730",
            "97476067a",
            "974 760 673",
        ],
    )
    def test_an_invalid_org_number_is_422_pointing_at_org_number(self, api: Api, bad: str) -> None:
        response = api.admin.post("/v1/services", json=service_body(org_number=bad))
        body = problem(response, 422, "validation-error")
        assert pointers(body) == ["#/org_number"]
        assert bad not in response.text  # errors never echo the submitted value

    def test_a_valid_org_number_with_the_check_digit_changed_is_rejected(self, api: Api) -> None:
        valid = org_number(seed=7)
        assert (
            api.admin.post("/v1/services", json=service_body(org_number=valid)).status_code == 201
        )
        response = api.admin.post(
            "/v1/services", json=service_body(org_number=with_wrong_check_digit(valid))
        )
        assert pointers(problem(response, 422, "validation-error")) == ["#/org_number"]

    def test_a_second_service_with_the_same_org_number_is_409(self, api: Api) -> None:
        first = api.admin.created("/v1/services", service_body())
        response = api.admin.post(
            "/v1/services", json=service_body(org_number=first["org_number"], name="Kopi")
        )
        problem(response, 409, "duplicate-resource")
        listed = api.admin.get("/v1/services", params={"limit": 100}).json()["items"]
        assert [s["id"] for s in listed if s["org_number"] == first["org_number"]] == [first["id"]]

    def test_the_org_number_cannot_be_changed(self, api: Api) -> None:
        created = api.admin.created("/v1/services", service_body())
        response = api.admin.patch(
            f"/v1/services/{created['id']}",
            json={"org_number": org_number()},
            headers={"If-Match": "*"},
        )
        assert pointers(problem(response, 422, "validation-error")) == ["#/org_number"]


class TestMunicipalityNumbers:
    @pytest.mark.parametrize("bad", ["301", "32011", "32a1", "", " 3201x"])
    def test_each_must_be_four_digits(self, api: Api, bad: str) -> None:
        response = api.admin.post(
            "/v1/services", json=service_body(municipality_numbers=["3201", bad])
        )
        assert pointers(problem(response, 422, "validation-error")) == ["#/municipality_numbers/1"]

    def test_at_least_one_is_required(self, api: Api) -> None:
        response = api.admin.post("/v1/services", json=service_body(municipality_numbers=[]))
        assert pointers(problem(response, 422, "validation-error")) == ["#/municipality_numbers"]

    def test_each_may_appear_once(self, api: Api) -> None:
        response = api.admin.post(
            "/v1/services", json=service_body(municipality_numbers=["3201", "3203", "3201"])
        )
        assert pointers(problem(response, 422, "validation-error")) == ["#/municipality_numbers"]

    def test_a_change_follows_the_same_rules(self, api: Api) -> None:
        created = api.admin.created("/v1/services", service_body())
        url = f"/v1/services/{created['id']}"
        for bad, pointer in (
            (["3201", "3201"], "#/municipality_numbers"),
            (["320"], "#/municipality_numbers/0"),
            ([], "#/municipality_numbers"),
        ):
            response = api.admin.patch(
                url, json={"municipality_numbers": bad}, headers={"If-Match": "*"}
            )
            assert pointers(problem(response, 422, "validation-error")) == [pointer], bad
        assert api.admin.get(url).json()["municipality_numbers"] == ["3216"]


class TestListServices:
    def test_an_admin_lists_every_service(self, api: Api) -> None:
        created = [api.admin.created("/v1/services", service_body())["id"] for _ in range(3)]
        response = api.admin.get("/v1/services", params={"limit": 100})
        assert response.status_code == 200
        assert set(created) <= {s["id"] for s in response.json()["items"]}

    def test_a_member_lists_only_the_services_the_token_grants(self, api: Api) -> None:
        mine, other = api.tenant(), api.tenant()
        for caller in (mine.leader, mine.integration, mine.contact):
            response = caller.get("/v1/services")
            assert [s["id"] for s in response.json()["items"]] == [mine.service_id]
        both = api.caller(token(Role.LEADER, services=[mine.service_id, other.service_id]))
        listed = {s["id"] for s in both.get("/v1/services").json()["items"]}
        assert listed == {mine.service_id, other.service_id}

    def test_the_list_pages_with_a_cursor(self, api: Api) -> None:
        created = {api.admin.created("/v1/services", service_body())["id"] for _ in range(3)}
        seen: list[str] = []
        params: dict[str, Any] = {"limit": 2}
        for _ in range(10):
            page = api.admin.get("/v1/services", params=params).json()
            seen += [s["id"] for s in page["items"]]
            if not page["has_more"]:
                break
            params = {"limit": 2, "cursor": page["next_cursor"]}
        assert len(seen) == len(set(seen))
        assert created <= set(seen)


class TestChangeAService:
    def test_a_change_with_the_current_etag_is_applied(self, api: Api) -> None:
        created = api.admin.created("/v1/services", service_body())
        url = f"/v1/services/{created['id']}"
        etag = api.admin.get(url).headers["etag"]
        response = api.admin.patch(
            url,
            json={"name": "Barnevernet Vest", "municipality_numbers": ["3216", "3218"]},
            headers={"If-Match": etag},
        )
        assert response.status_code == 200, response.text
        changed = response.json()
        assert changed["name"] == "Barnevernet Vest"
        assert changed["municipality_numbers"] == ["3216", "3218"]
        assert changed["org_number"] == created["org_number"]
        assert response.headers["etag"] != etag
        assert api.admin.get(url).json() == changed

    def test_a_change_with_a_stale_etag_is_412(self, api: Api) -> None:
        created = api.admin.created("/v1/services", service_body())
        url = f"/v1/services/{created['id']}"
        stale = api.admin.get(url).headers["etag"]
        ok = api.admin.patch(url, json={"name": "Første"}, headers={"If-Match": stale})
        assert ok.status_code == 200, ok.text
        response = api.admin.patch(url, json={"name": "Andre"}, headers={"If-Match": stale})
        problem(response, 412, "precondition-failed")
        assert api.admin.get(url).json()["name"] == "Første"

    def test_a_change_without_if_match_is_428(self, api: Api) -> None:
        created = api.admin.created("/v1/services", service_body())
        response = api.admin.patch(f"/v1/services/{created['id']}", json={"name": "Uten"})
        problem(response, 428, "precondition-required")

    def test_a_required_field_cannot_be_set_to_null(self, api: Api) -> None:
        created = api.admin.created("/v1/services", service_body())
        response = api.admin.patch(
            f"/v1/services/{created['id']}", json={"name": None}, headers={"If-Match": "*"}
        )
        problem(response, 422, "validation-error")

    def test_null_municipality_numbers_is_422_not_a_server_error(self, api: Api) -> None:
        # Found by the contract test: the uniqueness check ran on null and crashed (500).
        created = api.admin.created("/v1/services", service_body())
        url = f"/v1/services/{created['id']}"
        response = api.admin.patch(
            url, json={"municipality_numbers": None, "name": "Ny"}, headers={"If-Match": "*"}
        )
        problem(response, 422, "validation-error")
        assert api.admin.get(url).json()["municipality_numbers"] == ["3216"]

    def test_a_leader_may_not_change_their_own_service(self, api: Api) -> None:
        tenant = api.tenant()
        response = tenant.leader.patch(
            f"/v1/services/{tenant.service_id}", json={"name": "Nytt"}, headers={"If-Match": "*"}
        )
        problem(response, 403, "forbidden")
