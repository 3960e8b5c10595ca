"""Children through the HTTP API: registration, national identity numbers, changes and lookups."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from stdnum.no import fodselsnummer

from app.clock import today
from app.config import Settings
from tests.helpers import Api, Caller, Tenant, child_body, national_id_for

PROBLEM = "https://fosterflyt.no/problems/"
BIRTH = date(2015, 10, 15)


def problem(response: httpx.Response, status: int, slug: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = dict(response.json())
    assert body["type"] == PROBLEM + slug, body
    return body


def pointers(body: dict[str, Any]) -> set[str]:
    return {e["pointer"] for e in body.get("errors") or [] if e.get("pointer")}


def d_number_for(birth: date, *, seed: int = 0) -> str:
    """A D-number (day + 40) with valid check digits for ``birth`` (born 2000–2039)."""
    rng = random.Random(seed)
    while True:
        individual = rng.randint(500, 999)
        base = f"{birth.day + 40:02d}{birth:%m%y}{individual:03d}"
        k1 = fodselsnummer.calc_check_digit1(base)
        if len(k1) != 1:
            continue
        k2 = fodselsnummer.calc_check_digit2(base + k1)
        if len(k2) == 1:
            return base + k1 + k2


def with_wrong_checksum(national_id: str) -> str:
    return national_id[:-1] + str((int(national_id[-1]) + 1) % 10)


def patch(caller: Caller, url: str, body: dict[str, Any]) -> httpx.Response:
    current = caller.get(url)
    assert current.status_code == 200, current.text
    return caller.patch(url, json=body, headers={"If-Match": current.headers["ETag"]})


def child_ids(caller: Caller, **params: str) -> list[str]:
    response = caller.get("/v1/children", params=params)
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


class TestRegisterAChild:
    def test_a_child_can_be_registered_without_a_national_id(self, api: Api) -> None:
        tenant = api.tenant()
        response = tenant.integration.post("/v1/children", json=child_body())
        assert response.status_code == 201, response.text
        child = response.json()
        assert child["national_id"] is None
        assert child["given_name"] == "Emma"
        assert child["family_name"] == "Eksempel"
        assert child["birth_date"] == "2015-10-15"
        assert child["service_id"] == tenant.service_id
        assert response.headers["Location"] == f"/v1/children/{child['id']}"
        fetched = tenant.integration.get(response.headers["Location"])
        assert fetched.status_code == 200
        assert fetched.json() == child

    def test_a_child_can_be_registered_with_a_valid_fodselsnummer(self, api: Api) -> None:
        tenant = api.tenant()
        national_id = national_id_for(BIRTH)
        child = tenant.integration.created("/v1/children", child_body(national_id=national_id))
        assert child["national_id"] == national_id
        stored = tenant.integration.get(f"/v1/children/{child['id']}").json()
        assert stored["national_id"] == national_id
        assert stored["birth_date"] == BIRTH.isoformat()

    def test_a_child_can_be_registered_with_a_valid_d_number(self, api: Api) -> None:
        tenant = api.tenant()
        d_number = d_number_for(BIRTH)
        assert int(d_number[:2]) == BIRTH.day + 40
        child = tenant.integration.created("/v1/children", child_body(national_id=d_number))
        assert child["national_id"] == d_number
        assert child["birth_date"] == BIRTH.isoformat()

    def test_strings_are_trimmed(self, api: Api) -> None:
        tenant = api.tenant()
        child = tenant.integration.created(
            "/v1/children", child_body(given_name="  Emma  ", family_name="\tEksempel \n")
        )
        assert child["given_name"] == "Emma"
        assert child["family_name"] == "Eksempel"

    def test_a_blank_given_name_is_rejected(self, api: Api) -> None:
        tenant = api.tenant()
        body = problem(
            tenant.integration.post("/v1/children", json=child_body(given_name="   ")),
            422,
            "validation-error",
        )
        assert pointers(body) == {"#/given_name"}
        assert child_ids(tenant.integration) == []

    def test_a_missing_family_name_is_rejected(self, api: Api) -> None:
        tenant = api.tenant()
        request = child_body()
        del request["family_name"]
        body = problem(
            tenant.integration.post("/v1/children", json=request), 422, "validation-error"
        )
        assert pointers(body) == {"#/family_name"}


class TestNationalIdValidation:
    def test_a_national_id_with_a_wrong_checksum_is_rejected_and_not_echoed(self, api: Api) -> None:
        tenant = api.tenant()
        wrong = with_wrong_checksum(national_id_for(BIRTH))
        response = tenant.integration.post("/v1/children", json=child_body(national_id=wrong))
        body = problem(response, 422, "validation-error")
        assert pointers(body) == {"#/national_id"}
        assert wrong not in response.text
        assert child_ids(tenant.integration) == []

    def test_a_d_number_with_a_wrong_checksum_is_rejected_and_not_echoed(self, api: Api) -> None:
        tenant = api.tenant()
        wrong = with_wrong_checksum(d_number_for(BIRTH))
        response = tenant.integration.post("/v1/children", json=child_body(national_id=wrong))
        body = problem(response, 422, "validation-error")
        assert pointers(body) == {"#/national_id"}
        assert wrong not in response.text

    def test_a_national_id_that_is_not_eleven_digits_is_rejected(self, api: Api) -> None:
        tenant = api.tenant()
        too_short = national_id_for(BIRTH)[:10]
        response = tenant.integration.post("/v1/children", json=child_body(national_id=too_short))
        body = problem(response, 422, "validation-error")
        assert pointers(body) == {"#/national_id"}
        assert too_short not in response.text

    def test_a_birth_date_disagreeing_with_the_national_id_is_rejected(self, api: Api) -> None:
        tenant = api.tenant()
        national_id = national_id_for(BIRTH)
        response = tenant.integration.post(
            "/v1/children",
            json=child_body(national_id=national_id, birth_date="2015-10-16"),
        )
        body = problem(response, 422, "validation-error")
        assert pointers(body) == {"#/birth_date"}
        assert national_id not in response.text
        assert child_ids(tenant.integration) == []

    def test_a_d_number_must_agree_with_the_birth_date_too(self, api: Api) -> None:
        tenant = api.tenant()
        response = tenant.integration.post(
            "/v1/children",
            json=child_body(national_id=d_number_for(BIRTH), birth_date="2015-11-15"),
        )
        assert pointers(problem(response, 422, "validation-error")) == {"#/birth_date"}


class TestBirthDate:
    def test_a_birth_date_in_the_future_is_rejected(self, api: Api) -> None:
        tenant = api.tenant()
        tomorrow = (today() + timedelta(days=1)).isoformat()
        response = tenant.integration.post("/v1/children", json=child_body(birth_date=tomorrow))
        body = problem(response, 422, "validation-error")
        assert pointers(body) == {"#/birth_date"}
        assert [e["code"] for e in body["errors"]] == ["future_date"]
        assert child_ids(tenant.integration) == []

    def test_a_child_born_today_can_be_registered(self, api: Api) -> None:
        tenant = api.tenant()
        child = tenant.integration.created(
            "/v1/children", child_body(birth_date=today().isoformat())
        )
        assert child["birth_date"] == today().isoformat()


class TestNationalIdIsUniquePerService:
    def test_a_national_id_already_registered_in_the_service_is_a_conflict(self, api: Api) -> None:
        tenant = api.tenant()
        national_id = national_id_for(BIRTH)
        first = tenant.integration.created("/v1/children", child_body(national_id=national_id))
        response = tenant.integration.post(
            "/v1/children", json=child_body(given_name="Ida", national_id=national_id)
        )
        problem(response, 409, "duplicate-resource")
        assert national_id not in response.text
        assert child_ids(tenant.integration) == [first["id"]]

    def test_the_same_national_id_may_be_registered_in_another_service(self, api: Api) -> None:
        national_id = national_id_for(BIRTH)
        first = api.tenant().integration.created(
            "/v1/children", child_body(national_id=national_id)
        )
        other = api.tenant()
        second = other.integration.created("/v1/children", child_body(national_id=national_id))
        assert second["national_id"] == national_id
        assert second["id"] != first["id"]
        assert second["service_id"] == other.service_id

    def test_changing_the_national_id_to_one_already_registered_is_a_conflict(
        self, api: Api
    ) -> None:
        tenant = api.tenant()
        taken = national_id_for(BIRTH, seed=1)
        tenant.integration.created("/v1/children", child_body(national_id=taken))
        child = tenant.integration.created("/v1/children", child_body(given_name="Ida"))
        url = f"/v1/children/{child['id']}"
        response = patch(tenant.integration, url, {"national_id": taken})
        problem(response, 409, "duplicate-resource")
        assert taken not in response.text
        assert tenant.integration.get(url).json()["national_id"] is None


class TestChangeAChild:
    def test_a_name_can_be_changed(self, api: Api) -> None:
        tenant = api.tenant()
        child = tenant.integration.created("/v1/children", child_body())
        url = f"/v1/children/{child['id']}"
        response = patch(tenant.integration, url, {"given_name": " Ida "})
        assert response.status_code == 200, response.text
        assert response.json()["given_name"] == "Ida"
        assert response.json()["family_name"] == "Eksempel"
        assert tenant.integration.get(url).json()["given_name"] == "Ida"

    def test_null_for_given_name_is_rejected(self, api: Api) -> None:
        tenant = api.tenant()
        child = tenant.integration.created("/v1/children", child_body())
        url = f"/v1/children/{child['id']}"
        problem(patch(tenant.integration, url, {"given_name": None}), 422, "validation-error")
        assert tenant.integration.get(url).json()["given_name"] == "Emma"

    def test_null_for_several_fields_is_reported_at_each_field(self, api: Api) -> None:
        """Issue #18 item 4: only one of them was reported, and at ``#/``."""
        tenant = api.tenant()
        child = tenant.integration.created("/v1/children", child_body())
        url = f"/v1/children/{child['id']}"
        body = problem(
            patch(tenant.integration, url, {"given_name": None, "birth_date": None}),
            422,
            "validation-error",
        )
        assert sorted((e["pointer"], e["code"]) for e in body["errors"]) == [
            ("#/birth_date", "null_not_allowed"),
            ("#/given_name", "null_not_allowed"),
        ]

    def test_null_for_national_id_removes_it(self, api: Api) -> None:
        tenant = api.tenant()
        child = tenant.integration.created(
            "/v1/children", child_body(national_id=national_id_for(BIRTH))
        )
        url = f"/v1/children/{child['id']}"
        response = patch(tenant.integration, url, {"national_id": None})
        assert response.status_code == 200, response.text
        assert response.json()["national_id"] is None
        assert tenant.integration.get(url).json()["national_id"] is None

    def test_a_birth_date_disagreeing_with_the_stored_national_id_is_rejected(
        self, api: Api
    ) -> None:
        tenant = api.tenant()
        national_id = national_id_for(BIRTH)
        child = tenant.integration.created("/v1/children", child_body(national_id=national_id))
        url = f"/v1/children/{child['id']}"
        response = patch(tenant.integration, url, {"birth_date": "2015-10-16"})
        body = problem(response, 422, "validation-error")
        assert pointers(body) == {"#/birth_date"}
        assert national_id not in response.text
        assert tenant.integration.get(url).json()["birth_date"] == BIRTH.isoformat()

    def test_birth_date_and_national_id_may_change_together(self, api: Api) -> None:
        tenant = api.tenant()
        child = tenant.integration.created(
            "/v1/children", child_body(national_id=national_id_for(BIRTH))
        )
        url = f"/v1/children/{child['id']}"
        corrected = date(2015, 10, 16)
        new_id = national_id_for(corrected)
        response = patch(
            tenant.integration, url, {"birth_date": corrected.isoformat(), "national_id": new_id}
        )
        assert response.status_code == 200, response.text
        assert response.json()["birth_date"] == corrected.isoformat()
        assert response.json()["national_id"] == new_id

    def test_a_national_id_disagreeing_with_the_stored_birth_date_is_rejected(
        self, api: Api
    ) -> None:
        tenant = api.tenant()
        child = tenant.integration.created("/v1/children", child_body())
        url = f"/v1/children/{child['id']}"
        response = patch(
            tenant.integration, url, {"national_id": national_id_for(date(2016, 1, 2))}
        )
        assert pointers(problem(response, 422, "validation-error")) == {"#/birth_date"}
        assert tenant.integration.get(url).json()["national_id"] is None

    def test_a_birth_date_in_the_future_is_rejected(self, api: Api) -> None:
        tenant = api.tenant()
        child = tenant.integration.created("/v1/children", child_body())
        url = f"/v1/children/{child['id']}"
        tomorrow = (today() + timedelta(days=1)).isoformat()
        response = patch(tenant.integration, url, {"birth_date": tomorrow})
        assert pointers(problem(response, 422, "validation-error")) == {"#/birth_date"}
        assert tenant.integration.get(url).json()["birth_date"] == BIRTH.isoformat()

    def test_a_change_without_if_match_is_refused(self, api: Api) -> None:
        tenant = api.tenant()
        child = tenant.integration.created("/v1/children", child_body())
        url = f"/v1/children/{child['id']}"
        problem(
            tenant.integration.patch(url, json={"given_name": "Ida"}),
            428,
            "precondition-required",
        )
        assert tenant.integration.get(url).json()["given_name"] == "Emma"


class TestExternalRef:
    @staticmethod
    def register(tenant: Tenant, system: str, key: str, name: str = "Emma") -> dict[str, Any]:
        return tenant.integration.created(
            "/v1/children",
            child_body(given_name=name, external_ref={"system": system, "key": key}),
        )

    def test_a_duplicate_external_ref_is_a_conflict_naming_the_existing_child(
        self, api: Api
    ) -> None:
        tenant = api.tenant()
        first = self.register(tenant, "visma-flyt", "SAK-1")
        response = tenant.integration.post(
            "/v1/children",
            json=child_body(
                given_name="Ida", external_ref={"system": "visma-flyt", "key": "SAK-1"}
            ),
        )
        body = problem(response, 409, "duplicate-external-ref")
        assert body["existing"] == f"/v1/children/{first['id']}"
        assert child_ids(tenant.integration) == [first["id"]]

    def test_the_same_external_key_in_another_system_is_allowed(self, api: Api) -> None:
        tenant = api.tenant()
        self.register(tenant, "visma-flyt", "SAK-1")
        other = self.register(tenant, "familia", "SAK-1", name="Ida")
        assert other["external_ref"] == {"system": "familia", "key": "SAK-1"}

    def test_filtering_by_external_system_and_key_finds_exactly_that_child(self, api: Api) -> None:
        tenant = api.tenant()
        wanted = self.register(tenant, "visma-flyt", "SAK-1")
        self.register(tenant, "visma-flyt", "SAK-2", name="Ida")
        self.register(tenant, "familia", "SAK-1", name="Jon")
        self.register(api.tenant(), "visma-flyt", "SAK-1", name="Other service")
        found = child_ids(tenant.integration, external_system="visma-flyt", external_key="SAK-1")
        assert found == [wanted["id"]]

    def test_external_ref_is_trimmed(self, api: Api) -> None:
        tenant = api.tenant()
        child = self.register(tenant, " visma-flyt ", " SAK-1 ")
        assert child["external_ref"] == {"system": "visma-flyt", "key": "SAK-1"}


def tenor_number_for(birth: date, *, seed: int = 0) -> str:
    """A synthetic number as Skatteetaten's Tenor registry writes it: the month plus 80, with
    check digits computed over the number as written."""
    rng = random.Random(seed)
    while True:
        individual = rng.randint(500, 999)
        base = f"{birth:%d}{birth.month + 80:02d}{birth:%y}{individual:03d}"
        k1 = fodselsnummer.calc_check_digit1(base)
        if len(k1) != 1:
            continue
        k2 = fodselsnummer.calc_check_digit2(base + k1)
        if len(k2) == 1:
            return base + k1 + k2


@pytest.fixture
def test_system(api: Api, server_with: Any) -> Iterator[Caller]:
    """A journal vendor's test system: a server with the setting on, and a tenant's caller."""
    server = server_with(accept_synthetic_national_ids=True)
    with httpx.Client(base_url=server.url, timeout=30) as http:
        yield Caller(http, api.tenant().integration.bearer)


class TestSyntheticTestNumbers:
    """Issue #18 item 7: a vendor's test system registers children with Tenor numbers."""

    def test_a_tenor_number_is_refused_with_its_own_code_when_the_setting_is_off(
        self, api: Api
    ) -> None:
        tenant = api.tenant()
        synthetic = tenor_number_for(BIRTH)
        response = tenant.integration.post("/v1/children", json=child_body(national_id=synthetic))
        body = problem(response, 422, "validation-error")
        assert [(e["pointer"], e["code"]) for e in body["errors"]] == [
            ("#/national_id", "synthetic_national_id")
        ]
        assert synthetic not in response.text
        assert child_ids(tenant.integration) == []

    def test_a_tenor_number_is_accepted_with_its_birth_date_when_the_setting_is_on(
        self, test_system: Caller
    ) -> None:
        synthetic = tenor_number_for(BIRTH, seed=3)
        child = test_system.created("/v1/children", child_body(national_id=synthetic))
        assert child["national_id"] == synthetic
        disagreeing = child_body(national_id=tenor_number_for(BIRTH, seed=4))
        disagreeing["birth_date"] = (BIRTH + timedelta(days=1)).isoformat()
        refused = problem(
            test_system.post("/v1/children", json=disagreeing), 422, "validation-error"
        )
        assert pointers(refused) == {"#/birth_date"}  # the date comes from the offset month

    def test_a_tenor_number_with_a_wrong_checksum_is_refused_when_the_setting_is_on(
        self, test_system: Caller
    ) -> None:
        wrong = with_wrong_checksum(tenor_number_for(BIRTH))
        body = problem(
            test_system.post("/v1/children", json=child_body(national_id=wrong)),
            422,
            "validation-error",
        )
        assert [(e["pointer"], e["code"]) for e in body["errors"]] == [
            ("#/national_id", "value_error")
        ]

    def test_production_refuses_the_setting(self) -> None:
        with pytest.raises(ValueError, match="not production"):
            Settings(
                environment="production",
                accept_synthetic_national_ids=True,
                jwt_secret="x" * 40,
                national_id_key="y" * 40,
                public_base_url="https://fosterflyt.example",
            )
