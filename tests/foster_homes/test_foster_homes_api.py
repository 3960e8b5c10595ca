"""Foster homes through the HTTP API: kinds, foster parents, addresses, changes and filters."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.helpers import Api, Caller, foster_home_body

PROBLEM = "https://fosterflyt.no/problems/"


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


def home_ids(caller: Caller, **params: str) -> set[str]:
    response = caller.get("/v1/foster-homes", params=params)
    assert response.status_code == 200, response.text
    return {item["id"] for item in response.json()["items"]}


def parents(count: int) -> list[dict[str, str]]:
    return [{"name": f"Forelder {n}"} for n in range(1, count + 1)]


class TestRegisterAFosterHome:
    @pytest.mark.parametrize("kind", ["ordinary", "kinship", "emergency"])
    def test_each_kind_of_foster_home_can_be_registered(self, api: Api, kind: str) -> None:
        tenant = api.tenant()
        response = tenant.integration.post("/v1/foster-homes", json=foster_home_body(kind=kind))
        assert response.status_code == 201, response.text
        home = response.json()
        assert home["kind"] == kind
        assert home["service_id"] == tenant.service_id
        assert home["foster_parents"] == [{"name": "Ola Fjord"}, {"name": "Siri Fjord"}]
        assert home["address"] == {
            "street_address": "Fjordveien 1",
            "postal_code": "1337",
            "postal_place": "Sandvika",
        }
        assert home["municipality_number"] == "3201"
        assert home["approved_date"] == "2025-12-01"
        assert response.headers["Location"] == f"/v1/foster-homes/{home['id']}"
        assert tenant.integration.get(response.headers["Location"]).json() == home

    def test_an_unknown_kind_is_rejected(self, api: Api) -> None:
        tenant = api.tenant()
        response = tenant.integration.post(
            "/v1/foster-homes", json=foster_home_body(kind="institution")
        )
        assert pointers(problem(response, 422, "validation-error")) == {"#/kind"}
        assert home_ids(tenant.integration) == set()

    def test_strings_are_trimmed(self, api: Api) -> None:
        tenant = api.tenant()
        home = tenant.integration.created(
            "/v1/foster-homes",
            foster_home_body(name="  Familien Fjord ", foster_parents=[{"name": " Ola "}]),
        )
        assert home["name"] == "Familien Fjord"
        assert home["foster_parents"] == [{"name": "Ola"}]


class TestFosterParents:
    @pytest.mark.parametrize("count", [1, 4])
    def test_one_to_four_foster_parents_are_accepted(self, api: Api, count: int) -> None:
        tenant = api.tenant()
        home = tenant.integration.created(
            "/v1/foster-homes", foster_home_body(foster_parents=parents(count))
        )
        assert home["foster_parents"] == parents(count)

    @pytest.mark.parametrize("count", [0, 5])
    def test_zero_or_more_than_four_foster_parents_are_rejected(self, api: Api, count: int) -> None:
        tenant = api.tenant()
        response = tenant.integration.post(
            "/v1/foster-homes", json=foster_home_body(foster_parents=parents(count))
        )
        assert pointers(problem(response, 422, "validation-error")) == {"#/foster_parents"}
        assert home_ids(tenant.integration) == set()

    def test_a_foster_parent_needs_a_name(self, api: Api) -> None:
        tenant = api.tenant()
        response = tenant.integration.post(
            "/v1/foster-homes", json=foster_home_body(foster_parents=[{"name": " "}])
        )
        assert pointers(problem(response, 422, "validation-error")) == {"#/foster_parents/0/name"}


class TestAddressAndMunicipality:
    @pytest.mark.parametrize("postal_code", ["133", "13370", "13a7", ""])
    def test_a_postal_code_must_be_four_digits(self, api: Api, postal_code: str) -> None:
        tenant = api.tenant()
        body = foster_home_body()
        body["address"]["postal_code"] = postal_code
        response = tenant.integration.post("/v1/foster-homes", json=body)
        assert pointers(problem(response, 422, "validation-error")) == {"#/address/postal_code"}
        assert home_ids(tenant.integration) == set()

    def test_a_postal_code_with_a_leading_zero_is_kept_as_text(self, api: Api) -> None:
        tenant = api.tenant()
        body = foster_home_body()
        body["address"]["postal_code"] = "0150"
        home = tenant.integration.created("/v1/foster-homes", body)
        assert home["address"]["postal_code"] == "0150"

    @pytest.mark.parametrize("municipality_number", ["320", "32011", "32O1"])
    def test_a_municipality_number_must_be_four_digits(
        self, api: Api, municipality_number: str
    ) -> None:
        tenant = api.tenant()
        response = tenant.integration.post(
            "/v1/foster-homes", json=foster_home_body(municipality_number=municipality_number)
        )
        assert pointers(problem(response, 422, "validation-error")) == {"#/municipality_number"}
        assert home_ids(tenant.integration) == set()

    def test_an_address_needs_all_three_parts(self, api: Api) -> None:
        tenant = api.tenant()
        response = tenant.integration.post(
            "/v1/foster-homes", json=foster_home_body(address={"street_address": "Fjordveien 1"})
        )
        assert pointers(problem(response, 422, "validation-error")) == {
            "#/address/postal_code",
            "#/address/postal_place",
        }


class TestApprovedDate:
    def test_a_foster_home_can_be_registered_without_an_approved_date(self, api: Api) -> None:
        tenant = api.tenant()
        home = tenant.integration.created(
            "/v1/foster-homes", foster_home_body(kind="emergency", approved_date=None)
        )
        assert home["approved_date"] is None
        body = foster_home_body()
        del body["approved_date"]
        assert tenant.integration.created("/v1/foster-homes", body)["approved_date"] is None

    def test_the_approved_date_can_be_cleared_with_null(self, api: Api) -> None:
        tenant = api.tenant()
        home = tenant.integration.created("/v1/foster-homes", foster_home_body())
        url = f"/v1/foster-homes/{home['id']}"
        response = patch(tenant.integration, url, {"approved_date": None})
        assert response.status_code == 200, response.text
        assert response.json()["approved_date"] is None
        assert tenant.integration.get(url).json()["approved_date"] is None


class TestChangeAFosterHome:
    def test_a_new_address_replaces_all_three_parts(self, api: Api) -> None:
        tenant = api.tenant()
        home = tenant.integration.created("/v1/foster-homes", foster_home_body())
        url = f"/v1/foster-homes/{home['id']}"
        new_address = {
            "street_address": "Storgata 1",
            "postal_code": "1540",
            "postal_place": "Vestby",
        }
        response = patch(tenant.integration, url, {"address": new_address})
        assert response.status_code == 200, response.text
        assert response.json()["address"] == new_address
        stored = tenant.integration.get(url).json()
        assert stored["address"] == new_address
        assert stored["name"] == home["name"]
        assert stored["municipality_number"] == home["municipality_number"]

    def test_a_partial_address_is_rejected_and_nothing_changes(self, api: Api) -> None:
        tenant = api.tenant()
        home = tenant.integration.created("/v1/foster-homes", foster_home_body())
        url = f"/v1/foster-homes/{home['id']}"
        response = patch(tenant.integration, url, {"address": {"postal_code": "1540"}})
        assert pointers(problem(response, 422, "validation-error")) == {
            "#/address/street_address",
            "#/address/postal_place",
        }
        assert tenant.integration.get(url).json()["address"] == home["address"]

    def test_foster_parents_can_be_replaced_but_not_emptied(self, api: Api) -> None:
        tenant = api.tenant()
        home = tenant.integration.created("/v1/foster-homes", foster_home_body())
        url = f"/v1/foster-homes/{home['id']}"
        empty = patch(tenant.integration, url, {"foster_parents": []})
        assert pointers(problem(empty, 422, "validation-error")) == {"#/foster_parents"}
        replaced = patch(tenant.integration, url, {"foster_parents": [{"name": "Siri Fjord"}]})
        assert replaced.status_code == 200, replaced.text
        assert tenant.integration.get(url).json()["foster_parents"] == [{"name": "Siri Fjord"}]

    def test_null_for_a_required_field_is_rejected(self, api: Api) -> None:
        tenant = api.tenant()
        home = tenant.integration.created("/v1/foster-homes", foster_home_body())
        url = f"/v1/foster-homes/{home['id']}"
        problem(patch(tenant.integration, url, {"kind": None}), 422, "validation-error")
        problem(patch(tenant.integration, url, {"address": None}), 422, "validation-error")
        assert tenant.integration.get(url).json() == home

    def test_the_kind_and_municipality_can_change(self, api: Api) -> None:
        tenant = api.tenant()
        home = tenant.integration.created("/v1/foster-homes", foster_home_body(kind="emergency"))
        url = f"/v1/foster-homes/{home['id']}"
        response = patch(
            tenant.integration, url, {"kind": "ordinary", "municipality_number": "0301"}
        )
        assert response.status_code == 200, response.text
        stored = tenant.integration.get(url).json()
        assert (stored["kind"], stored["municipality_number"]) == ("ordinary", "0301")


class TestListFosterHomes:
    def test_filtering_by_kind_returns_only_that_kind(self, api: Api) -> None:
        tenant = api.tenant()
        created = {
            kind: tenant.integration.created("/v1/foster-homes", foster_home_body(kind=kind))["id"]
            for kind in ("ordinary", "kinship", "emergency")
        }
        assert home_ids(tenant.integration) == set(created.values())
        for kind, home_id in created.items():
            assert home_ids(tenant.integration, kind=kind) == {home_id}

    def test_filtering_by_municipality_number_returns_only_that_municipality(
        self, api: Api
    ) -> None:
        tenant = api.tenant()
        in_lillestrom = tenant.integration.created(
            "/v1/foster-homes", foster_home_body(municipality_number="3205")
        )["id"]
        tenant.integration.created("/v1/foster-homes", foster_home_body(municipality_number="3201"))
        assert home_ids(tenant.integration, municipality_number="3205") == {in_lillestrom}
        assert home_ids(tenant.integration, municipality_number="4601") == set()

    def test_kind_and_municipality_filters_combine(self, api: Api) -> None:
        tenant = api.tenant()
        wanted = tenant.integration.created(
            "/v1/foster-homes", foster_home_body(kind="kinship", municipality_number="3205")
        )["id"]
        tenant.integration.created(
            "/v1/foster-homes", foster_home_body(kind="ordinary", municipality_number="3205")
        )
        tenant.integration.created(
            "/v1/foster-homes", foster_home_body(kind="kinship", municipality_number="3201")
        )
        assert home_ids(tenant.integration, kind="kinship", municipality_number="3205") == {wanted}

    def test_an_invalid_filter_value_is_rejected(self, api: Api) -> None:
        tenant = api.tenant()
        bad_kind = problem(
            tenant.integration.get("/v1/foster-homes", params={"kind": "castle"}),
            422,
            "validation-error",
        )
        assert {e.get("parameter") for e in bad_kind["errors"]} == {"kind"}
        problem(
            tenant.integration.get("/v1/foster-homes", params={"municipality_number": "32"}),
            422,
            "validation-error",
        )

    def test_another_service_does_not_see_the_foster_homes(self, api: Api) -> None:
        tenant = api.tenant()
        tenant.integration.created("/v1/foster-homes", foster_home_body())
        assert home_ids(api.tenant().integration) == set()
