"""Every error is an RFC 9457 ``application/problem+json`` document with a stable ``type``; input
errors point at each offending field, and a submitted national id never comes back."""

from __future__ import annotations

import base64
import json
import logging
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from app.error_handlers import database_unavailable
from app.errors import AppError, RetryLater
from app.logging import JsonFormatter
from app.principal import Role
from tests.conftest import LiveServer
from tests.helpers import Api, Caller, Tenant, child_body, national_id_for, token

PROBLEM = "https://fosterflyt.no/problems/"
TEN_MB = 10 * 1024 * 1024
BIRTH = date(2015, 10, 15)


def assert_problem(response: httpx.Response, status: int, slug: str) -> dict[str, Any]:
    """The response is a complete problem document of this status and type."""
    assert response.status_code == status, response.text
    media_type = response.headers["content-type"].split(";")[0].strip()
    assert media_type == "application/problem+json"
    body = response.json()
    assert body["type"] == PROBLEM + slug
    assert body["status"] == status
    assert isinstance(body["title"], str)
    assert body["title"]
    assert isinstance(body.get("detail"), str), body
    assert body["detail"]
    return dict(body)


def field_error(
    problem: dict[str, Any], *, pointer: str | None = None, parameter: str | None = None
) -> dict[str, Any]:
    """The one entry of ``errors[]`` that names this body pointer or parameter."""
    assert (pointer is None) != (parameter is None)
    errors = problem.get("errors")
    assert isinstance(errors, list), problem
    assert errors
    for error in errors:
        assert isinstance(error["detail"], str)
        assert error["location"] in ("body", "query", "path", "header")
        assert isinstance(error["code"], str)
        assert error["code"]
        if error["location"] == "body":
            assert error.get("pointer", "").startswith("#/"), error
            assert "parameter" not in error
        else:
            assert error.get("parameter"), error
            assert "pointer" not in error
    matches = [
        e
        for e in errors
        if (pointer is not None and e.get("pointer") == pointer)
        or (parameter is not None and e.get("parameter") == parameter)
    ]
    assert len(matches) == 1, errors
    return dict(matches[0])


def children(caller: Caller) -> list[dict[str, Any]]:
    response = caller.get("/v1/children", params={"limit": 100})
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


def bad_checksum(national_id: str) -> str:
    return national_id[:-1] + str((int(national_id[-1]) + 1) % 10)


def cursor_of(value: Any) -> str:
    raw = json.dumps(value).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.fixture
def tenant(api: Api) -> Tenant:
    return api.tenant()


# -- Bodies that are not JSON --------------------------------------------------------------------


class TestInvalidJson:
    @pytest.mark.parametrize(
        "content",
        [
            pytest.param(b"this is not json", id="not-json"),
            pytest.param(b'{"given_name": "Emma", "family_name": "Eks', id="truncated"),
            pytest.param(b'{"given_name": "Emma",}', id="trailing-comma"),
        ],
    )
    def test_a_body_that_does_not_parse_is_400_invalid_json(
        self, tenant: Tenant, content: bytes
    ) -> None:
        response = tenant.integration.post(
            "/v1/children", content=content, headers={"Content-Type": "application/json"}
        )
        problem = assert_problem(response, 400, "invalid-json")
        assert problem.get("instance") == "/v1/children"
        assert children(tenant.integration) == []

    def test_a_patch_body_that_does_not_parse_is_400_invalid_json(self, tenant: Tenant) -> None:
        child = tenant.integration.created("/v1/children", child_body())
        url = f"/v1/children/{child['id']}"
        response = tenant.integration.patch(
            url,
            content=b'{"given_name": ',
            headers={"Content-Type": "application/json", "If-Match": "*"},
        )
        assert_problem(response, 400, "invalid-json")
        assert tenant.integration.get(url).json() == child

    def test_a_body_that_is_not_utf8_is_400_invalid_json(self, tenant: Tenant) -> None:
        # Found by the contract test: FastAPI answered an undocumented bare 400 `bad-request`.
        response = tenant.integration.post(
            "/v1/children", content=b"\xff\xfe{", headers={"Content-Type": "application/json"}
        )
        assert_problem(response, 400, "invalid-json")
        assert children(tenant.integration) == []


class TestNulCharacters:
    """PostgreSQL cannot store a NUL character: found by fuzzing as 500s on PostgreSQL only."""

    def test_a_nul_in_a_body_string_is_422_at_its_pointer(self, tenant: Tenant) -> None:
        response = tenant.integration.post("/v1/children", json=child_body(given_name="Em\u0000ma"))
        problem = assert_problem(response, 422, "validation-error")
        assert field_error(problem, pointer="#/given_name")["code"] == "value_error"
        assert children(tenant.integration) == []

    def test_a_nul_inside_free_form_answers_is_422(self, tenant: Tenant) -> None:
        response = tenant.integration.post(
            f"/v1/tasks/{uuid.uuid4()}/complete", json={"answers": {"notat": "a\u0000b"}}
        )
        problem = assert_problem(response, 422, "validation-error")
        field_error(problem, pointer="#/answers")

    def test_a_nul_in_a_list_filter_is_422_naming_it(self, tenant: Tenant) -> None:
        response = tenant.integration.get(
            "/v1/children", params={"external_system": "journal\u0000"}
        )
        problem = assert_problem(response, 422, "validation-error")
        field_error(problem, parameter="external_system")

    def test_a_nul_in_a_path_key_is_never_a_server_error(
        self, tenant: Tenant, engine: Engine
    ) -> None:
        response = tenant.leader.get("/v1/templates/mal%00en")
        # SQLite compares the key and finds nothing; PostgreSQL refuses the value itself.
        if engine.dialect.name == "postgresql":
            assert_problem(response, 422, "validation-error")
        else:
            assert_problem(response, 404, "not-found")


# -- Body fields ---------------------------------------------------------------------------------


class TestBodyFieldErrors:
    def test_a_string_where_a_date_belongs_points_at_the_field(self, tenant: Tenant) -> None:
        response = tenant.integration.post(
            "/v1/children", json=child_body(birth_date="fifteenth of October")
        )
        problem = assert_problem(response, 422, "validation-error")
        error = field_error(problem, pointer="#/birth_date")
        assert error["location"] == "body"
        assert "fifteenth" not in response.text  # the submitted value is not echoed

    def test_an_unknown_body_field_is_extra_forbidden_at_its_pointer(self, tenant: Tenant) -> None:
        response = tenant.integration.post("/v1/children", json=child_body(nickname="Emmy"))
        problem = assert_problem(response, 422, "validation-error")
        error = field_error(problem, pointer="#/nickname")
        assert error["code"] == "extra_forbidden"
        assert error["location"] == "body"

    def test_a_missing_field_is_code_missing_at_its_pointer(self, tenant: Tenant) -> None:
        body = child_body()
        del body["family_name"]
        response = tenant.integration.post("/v1/children", json=body)
        problem = assert_problem(response, 422, "validation-error")
        assert field_error(problem, pointer="#/family_name")["code"] == "missing"

    def test_a_nested_field_error_points_into_the_object(self, tenant: Tenant) -> None:
        response = tenant.integration.post(
            "/v1/children", json=child_body(external_ref={"system": "visma"})
        )
        problem = assert_problem(response, 422, "validation-error")
        assert field_error(problem, pointer="#/external_ref/key")["code"] == "missing"

    def test_every_bad_field_is_listed(self, tenant: Tenant) -> None:
        response = tenant.integration.post(
            "/v1/children", json={"given_name": "", "birth_date": "nope", "colour": "red"}
        )
        problem = assert_problem(response, 422, "validation-error")
        pointers = {e["pointer"] for e in problem["errors"]}
        assert pointers == {"#/given_name", "#/family_name", "#/birth_date", "#/colour"}

    def test_a_patch_with_an_unknown_field_is_422_and_changes_nothing(self, tenant: Tenant) -> None:
        child = tenant.integration.created("/v1/children", child_body())
        url = f"/v1/children/{child['id']}"
        response = tenant.integration.patch(
            url, json={"given_name": "Nora", "shoe_size": 31}, headers={"If-Match": "*"}
        )
        problem = assert_problem(response, 422, "validation-error")
        assert field_error(problem, pointer="#/shoe_size")["code"] == "extra_forbidden"
        assert tenant.integration.get(url).json() == child


# -- Query and path parameters -------------------------------------------------------------------


class TestParameterErrors:
    @pytest.mark.parametrize(
        "path", ["/v1/children", "/v1/foster-homes", "/v1/placements", "/v1/staff"]
    )
    def test_an_unknown_query_parameter_on_a_list_is_422_naming_it(
        self, tenant: Tenant, path: str
    ) -> None:
        response = tenant.leader.get(path, params={"colour": "blue"})
        problem = assert_problem(response, 422, "validation-error")
        error = field_error(problem, parameter="colour")
        assert error["location"] == "query"
        assert error["code"] == "extra_forbidden"

    def test_an_unknown_query_parameter_on_the_service_list_is_422(self, api: Api) -> None:
        response = api.admin.get("/v1/services", params={"municipality": "3201"})
        problem = assert_problem(response, 422, "validation-error")
        assert field_error(problem, parameter="municipality")["location"] == "query"

    @pytest.mark.parametrize("limit", ["10000", "101", "0", "-1", "ten"])
    def test_a_limit_out_of_range_is_422_naming_limit(self, tenant: Tenant, limit: str) -> None:
        response = tenant.integration.get("/v1/children", params={"limit": limit})
        problem = assert_problem(response, 422, "validation-error")
        assert field_error(problem, parameter="limit")["location"] == "query"

    def test_the_largest_allowed_limit_is_accepted(self, tenant: Tenant) -> None:
        response = tenant.integration.get("/v1/children", params={"limit": 100})
        assert response.status_code == 200, response.text

    @pytest.mark.parametrize(
        "path",
        [
            "/v1/children/not-a-uuid",
            "/v1/foster-homes/12345",
            "/v1/placements/zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
            "/v1/staff/not-a-uuid",
            "/v1/services/not-a-uuid",
        ],
    )
    def test_a_malformed_path_uuid_is_422_in_the_path(self, api: Api, path: str) -> None:
        tenant = api.tenant()
        caller = api.admin if path.startswith("/v1/services") else tenant.leader
        response = caller.get(path)
        problem = assert_problem(response, 422, "validation-error")
        errors = problem["errors"]
        assert len(errors) == 1, errors
        assert errors[0]["location"] == "path"
        assert errors[0]["parameter"].endswith("_id")
        assert errors[0]["code"] == "uuid_parsing"

    def test_a_malformed_uuid_in_a_query_filter_is_422_naming_it(self, tenant: Tenant) -> None:
        response = tenant.integration.get("/v1/placements", params={"child_id": "abc"})
        problem = assert_problem(response, 422, "validation-error")
        assert field_error(problem, parameter="child_id")["location"] == "query"

    def test_an_empty_idempotency_key_is_422_in_the_header(self, tenant: Tenant) -> None:
        response = tenant.integration.post(
            "/v1/children", json=child_body(), headers={"Idempotency-Key": ""}
        )
        problem = assert_problem(response, 422, "validation-error")
        assert field_error(problem, parameter="Idempotency-Key")["location"] == "header"
        assert children(tenant.integration) == []


class TestInvalidCursor:
    @pytest.mark.parametrize(
        "cursor",
        [
            pytest.param("garbage", id="not-base64-json"),
            pytest.param("!!!!", id="not-base64"),
            pytest.param(cursor_of({"a": 1}), id="an-object"),
            pytest.param(cursor_of([1, 2, 3]), id="three-items"),
            pytest.param(cursor_of(["yesterday", str(uuid.uuid4())]), id="not-a-time"),
            pytest.param(cursor_of(["2026-01-05T12:00:00", str(uuid.uuid4())]), id="naive-time"),
            pytest.param(cursor_of(["2026-01-05T12:00:00+00:00", "nope"]), id="not-a-uuid"),
            pytest.param(cursor_of(["2026-01-05T12:00:00+00:00", None]), id="null-id"),
            pytest.param(cursor_of(["2026-01-05T12:00:00+00:00", 5]), id="numeric-id"),
            pytest.param(cursor_of([20260105, str(uuid.uuid4())]), id="numeric-time"),
        ],
    )
    def test_a_malformed_cursor_is_400_invalid_cursor(self, tenant: Tenant, cursor: str) -> None:
        response = tenant.integration.get("/v1/children", params={"cursor": cursor})
        assert_problem(response, 400, "invalid-cursor")

    def test_a_malformed_cursor_on_every_list_is_400(self, api: Api) -> None:
        tenant = api.tenant()
        for caller, path in [
            (tenant.leader, "/v1/foster-homes"),
            (tenant.leader, "/v1/placements"),
            (tenant.leader, "/v1/staff"),
            (api.admin, "/v1/services"),
        ]:
            response = caller.get(path, params={"cursor": "garbage"})
            assert_problem(response, 400, "invalid-cursor")


# -- Body size and content type -----------------------------------------------------------------


def ten_megabytes_of_json() -> Iterator[bytes]:
    yield b'{"given_name": "'
    chunk = b"a" * 65536
    for _ in range(TEN_MB // len(chunk)):
        yield chunk
    yield b'", "family_name": "Eksempel", "birth_date": "2015-10-15"}'


class TestPayloadTooLarge:
    def test_a_10_mb_body_with_content_length_is_413(self, tenant: Tenant) -> None:
        content = b"".join(ten_megabytes_of_json())
        response = tenant.integration.post(
            "/v1/children", content=content, headers={"Content-Type": "application/json"}
        )
        assert_problem(response, 413, "payload-too-large")
        assert children(tenant.integration) == []

    def test_a_10_mb_streamed_body_without_content_length_is_413(self, tenant: Tenant) -> None:
        request = tenant.integration.http.build_request(
            "POST",
            "/v1/children",
            content=ten_megabytes_of_json(),
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {tenant.integration.bearer}",
            },
        )
        assert "content-length" not in request.headers
        assert request.headers["transfer-encoding"] == "chunked"
        response = tenant.integration.http.send(request)
        assert_problem(response, 413, "payload-too-large")
        assert children(tenant.integration) == []

    def test_a_body_just_under_the_limit_is_not_413(self, tenant: Tenant) -> None:
        body = json.dumps(child_body(given_name="E" * 900_000)).encode()
        response = tenant.integration.post(
            "/v1/children", content=body, headers={"Content-Type": "application/json"}
        )
        # Too long for the field, but the size guard let it through to validation.
        problem = assert_problem(response, 422, "validation-error")
        assert field_error(problem, pointer="#/given_name")["code"] == "string_too_long"


class TestUnsupportedMediaType:
    @pytest.mark.parametrize(
        "content_type", ["text/plain", "application/x-www-form-urlencoded", "application/xml"]
    )
    def test_a_body_that_is_not_json_by_content_type_is_415(
        self, tenant: Tenant, content_type: str
    ) -> None:
        response = tenant.integration.post(
            "/v1/children",
            content=json.dumps(child_body()).encode(),
            headers={"Content-Type": content_type},
        )
        assert_problem(response, 415, "unsupported-media-type")
        assert children(tenant.integration) == []

    def test_a_patch_with_text_plain_is_415_and_changes_nothing(self, tenant: Tenant) -> None:
        child = tenant.integration.created("/v1/children", child_body())
        url = f"/v1/children/{child['id']}"
        response = tenant.integration.patch(
            url,
            content=b'{"given_name": "Nora"}',
            headers={"Content-Type": "text/plain", "If-Match": "*"},
        )
        assert_problem(response, 415, "unsupported-media-type")
        assert tenant.integration.get(url).json() == child

    def test_json_with_a_charset_parameter_is_accepted(self, tenant: Tenant) -> None:
        response = tenant.integration.post(
            "/v1/children",
            content=json.dumps(child_body()).encode(),
            headers={"Content-Type": "application/json; charset=utf-8"},
        )
        assert response.status_code == 201, response.text


# -- Routes, methods and authentication ---------------------------------------------------------


class TestRoutingErrors:
    def test_an_unknown_route_is_404_problem_json(self, api: Api) -> None:
        response = api.admin.get("/v1/no-such-thing")
        assert_problem(response, 404, "not-found")

    def test_an_unknown_route_without_a_token_is_still_problem_json(self, api: Api) -> None:
        response = api.anonymous.get("/nowhere/at/all")
        assert_problem(response, 404, "not-found")

    def test_an_unknown_id_is_404_not_found(self, tenant: Tenant) -> None:
        response = tenant.integration.get(f"/v1/children/{uuid.uuid4()}")
        assert_problem(response, 404, "not-found")

    def test_an_unsupported_method_is_405_problem_json(self, tenant: Tenant) -> None:
        child = tenant.integration.created("/v1/children", child_body())
        response = tenant.integration.request("DELETE", f"/v1/children/{child['id']}")
        assert_problem(response, 405, "method-not-allowed")
        assert tenant.integration.get(f"/v1/children/{child['id']}").status_code == 200

    def test_a_405_lists_every_method_the_resource_supports_in_allow(self, tenant: Tenant) -> None:
        # RFC 9110 15.5.6: Allow lists the target resource's supported methods.
        child = tenant.integration.created("/v1/children", child_body())
        response = tenant.integration.request("DELETE", f"/v1/children/{child['id']}")
        assert response.status_code == 405
        allowed = {m.strip() for m in response.headers.get("allow", "").split(",")}
        assert {"GET", "PATCH"} <= allowed

    def test_a_request_without_a_token_is_401_problem_json(self, api: Api) -> None:
        response = api.anonymous.get("/v1/children")
        assert_problem(response, 401, "unauthenticated")
        assert response.headers["www-authenticate"].startswith("Bearer")

    def test_a_token_without_the_scope_is_403_problem_json(self, tenant: Tenant) -> None:
        # Contact persons read children but do not register them.
        response = tenant.contact.post("/v1/children", json=child_body())
        assert_problem(response, 403, "forbidden")
        assert children(tenant.integration) == []


# -- A rejected create leaves nothing behind ----------------------------------------------------


class TestRejectedCreateLeavesNothing:
    def _post(self, tenant: Tenant, kind: str) -> httpx.Response:
        caller = tenant.integration
        if kind == "422":
            return caller.post("/v1/children", json=child_body(birth_date="2015-13-45"))
        if kind == "422-future":
            return caller.post("/v1/children", json=child_body(birth_date="2999-01-01"))
        if kind == "400":
            return caller.post(
                "/v1/children", content=b"{", headers={"Content-Type": "application/json"}
            )
        if kind == "413":
            return caller.post(
                "/v1/children",
                content=b"".join(ten_megabytes_of_json()),
                headers={"Content-Type": "application/json"},
            )
        assert kind == "415"
        return caller.post(
            "/v1/children",
            content=json.dumps(child_body()).encode(),
            headers={"Content-Type": "text/plain"},
        )

    @pytest.mark.parametrize("kind", ["422", "422-future", "400", "413", "415"])
    def test_a_rejected_child_is_not_in_the_list(self, tenant: Tenant, kind: str) -> None:
        existing = tenant.integration.created("/v1/children", child_body(given_name="Ida"))
        response = self._post(tenant, kind)
        assert response.status_code == int(kind.split("-")[0]), response.text
        assert [c["id"] for c in children(tenant.integration)] == [existing["id"]]

    def test_a_duplicate_is_409_and_only_the_first_exists(self, tenant: Tenant) -> None:
        national_id = national_id_for(BIRTH)
        first = tenant.integration.created("/v1/children", child_body(national_id=national_id))
        response = tenant.integration.post("/v1/children", json=child_body(national_id=national_id))
        assert_problem(response, 409, "duplicate-resource")
        assert [c["id"] for c in children(tenant.integration)] == [first["id"]]


# -- National ids never come back in an error ---------------------------------------------------


class TestNationalIdNeverEchoed:
    def test_a_bad_checksum_is_422_without_the_number(self, tenant: Tenant) -> None:
        wrong = bad_checksum(national_id_for(BIRTH))
        response = tenant.integration.post("/v1/children", json=child_body(national_id=wrong))
        problem = assert_problem(response, 422, "validation-error")
        field_error(problem, pointer="#/national_id")
        assert wrong not in response.text
        assert children(tenant.integration) == []

    @pytest.mark.parametrize("value", ["1510159", "151015123456789", "15101550O12"])
    def test_a_number_of_the_wrong_shape_is_422_without_the_number(
        self, tenant: Tenant, value: str
    ) -> None:
        response = tenant.integration.post("/v1/children", json=child_body(national_id=value))
        problem = assert_problem(response, 422, "validation-error")
        field_error(problem, pointer="#/national_id")
        assert value not in response.text

    def test_a_birth_date_that_disagrees_is_422_without_the_number(self, tenant: Tenant) -> None:
        national_id = national_id_for(date(2016, 3, 1))
        response = tenant.integration.post("/v1/children", json=child_body(national_id=national_id))
        problem = assert_problem(response, 422, "validation-error")
        assert field_error(problem, pointer="#/birth_date")["code"] == "birth_date_mismatch"
        assert national_id not in response.text

    def test_a_duplicate_national_id_is_409_without_the_number(self, tenant: Tenant) -> None:
        national_id = national_id_for(BIRTH, seed=1)
        tenant.integration.created("/v1/children", child_body(national_id=national_id))
        response = tenant.integration.post(
            "/v1/children", json=child_body(given_name="Annen", national_id=national_id)
        )
        assert_problem(response, 409, "duplicate-resource")
        assert national_id not in response.text
        assert len(children(tenant.integration)) == 1

    def test_a_duplicate_national_id_on_patch_is_409_without_the_number(
        self, tenant: Tenant
    ) -> None:
        national_id = national_id_for(BIRTH, seed=2)
        tenant.integration.created("/v1/children", child_body(national_id=national_id))
        other = tenant.integration.created("/v1/children", child_body(given_name="Annen"))
        url = f"/v1/children/{other['id']}"
        response = tenant.integration.patch(
            url, json={"national_id": national_id}, headers={"If-Match": "*"}
        )
        assert_problem(response, 409, "duplicate-resource")
        assert national_id not in response.text
        assert tenant.integration.get(url).json()["national_id"] is None

    def test_a_bad_checksum_on_patch_is_422_without_the_number(self, tenant: Tenant) -> None:
        child = tenant.integration.created("/v1/children", child_body())
        wrong = bad_checksum(national_id_for(BIRTH, seed=3))
        response = tenant.integration.patch(
            f"/v1/children/{child['id']}", json={"national_id": wrong}, headers={"If-Match": "*"}
        )
        problem = assert_problem(response, 422, "validation-error")
        field_error(problem, pointer="#/national_id")
        assert wrong not in response.text

    def test_an_unparseable_body_holding_a_number_does_not_echo_it(self, tenant: Tenant) -> None:
        national_id = national_id_for(BIRTH, seed=4)
        content = f'{{"given_name": "Emma", "national_id": "{national_id}", '.encode()
        response = tenant.integration.post(
            "/v1/children", content=content, headers={"Content-Type": "application/json"}
        )
        assert_problem(response, 400, "invalid-json")
        assert national_id not in response.text

    def test_a_number_sent_where_a_name_belongs_is_not_echoed(self, tenant: Tenant) -> None:
        national_id = national_id_for(BIRTH, seed=5)
        response = tenant.integration.post(
            "/v1/children", json=child_body(given_name=int(national_id), nickname=national_id)
        )
        assert_problem(response, 422, "validation-error")
        assert national_id not in response.text

    def test_an_idempotency_key_reuse_does_not_echo_the_number(self, api: Api) -> None:
        tenant = api.tenant()
        caller = api.caller(
            token(Role.INTEGRATION, services=[tenant.service_id], subject="nid-echo-check")
        )
        key = {"Idempotency-Key": str(uuid.uuid4())}
        first_id = national_id_for(BIRTH, seed=6)
        second_id = national_id_for(BIRTH, seed=7)
        assert first_id != second_id
        caller.created("/v1/children", child_body(national_id=first_id), headers=key)
        response = caller.post("/v1/children", json=child_body(national_id=second_id), headers=key)
        assert_problem(response, 422, "idempotency-key-reused")
        assert first_id not in response.text
        assert second_id not in response.text


class TestUnexpectedErrors:
    def test_an_unexpected_error_is_a_500_problem_and_its_message_reaches_neither_side(
        self, engine: Engine
    ) -> None:
        national_id = national_id_for(BIRTH, seed=8)
        server = LiveServer(engine)

        def boom() -> None:
            raise RuntimeError(f"row refused: Sigrid Særnavn {national_id}")

        server.app.add_api_route("/boom", boom)
        records: list[str] = []
        handler = logging.Handler()
        handler.emit = lambda record: records.append(JsonFormatter().format(record))  # type: ignore[method-assign]
        logging.getLogger("app").addHandler(handler)
        server.start()
        try:
            response = httpx.get(f"{server.url}/boom")
        finally:
            server.stop()
            logging.getLogger("app").removeHandler(handler)
        body = assert_problem(response, 500, "internal-error")
        assert body["detail"] == "An unexpected error occurred."
        assert national_id not in response.text
        logged = [json.loads(r) for r in records if "unhandled error" in r]
        assert len(logged) == 1
        assert logged[0]["error_type"] == "RuntimeError"
        assert any("in boom" in frame for frame in logged[0]["frames"])  # where, for operators
        for secret in (national_id, "Sigrid", "Særnavn", "row refused"):
            assert secret not in "\n".join(records)  # ... but never what


class TestWhichDatabaseErrorsAre503:
    """``OperationalError`` is 503 ``database-unavailable`` when the database could not serve the
    request now; SQLite's other operational errors are faults (500). Real driver errors."""

    @staticmethod
    def wrapped(error: Exception, *, invalidated: bool = False) -> OperationalError:
        return OperationalError("SELECT 1", {}, error, connection_invalidated=invalidated)

    def test_sqlite_busy_is_unavailable(self, tmp_path: Path) -> None:
        path = tmp_path / "locked.db"
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        other = sqlite3.connect(path, isolation_level=None, timeout=0)
        with pytest.raises(sqlite3.OperationalError) as caught:
            other.execute("BEGIN IMMEDIATE")
        holder.close()
        other.close()
        assert database_unavailable(self.wrapped(caught.value))

    def test_a_missing_table_on_sqlite_is_a_fault(self) -> None:
        with pytest.raises(sqlite3.OperationalError) as caught:
            sqlite3.connect(":memory:").execute("SELECT * FROM no_such_table")
        assert not database_unavailable(self.wrapped(caught.value))
        assert database_unavailable(self.wrapped(caught.value, invalidated=True))

    def test_a_server_side_operational_error_is_unavailable(self) -> None:
        with pytest.raises(psycopg.OperationalError) as caught:
            psycopg.connect("postgresql://nobody@127.0.0.1:1/none", connect_timeout=1)
        assert database_unavailable(self.wrapped(caught.value))


def _every_error() -> list[type[AppError]]:
    import app.main  # noqa: F401  (imports every domain, and so every domain's errors.py)

    found: list[type[AppError]] = []
    todo = [AppError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


class TestTheErrorTreeIsWhatTheDocsSay:
    def test_every_problem_type_is_in_the_integrators_table(self) -> None:
        section = Path("docs/integrators.md").read_text().split("## Errors")[1].split("\n## ")[0]
        raised = [c for c in _every_error() if c is not RetryLater]  # a base, never raised itself
        missing = sorted(c.slug for c in raised if f"`{c.slug}`" not in section)
        assert missing == []

    def test_every_problem_type_is_unique(self) -> None:
        slugs = [c.slug for c in _every_error() if "slug" in c.__dict__ or c is AppError]
        assert len(slugs) == len(set(slugs))

    def test_the_kernel_tree_in_the_docstring_names_every_kernel_error_with_its_status(
        self,
    ) -> None:
        import app.errors

        kernel = [c for c in _every_error() if c.__module__ == "app.errors"]
        doc = app.errors.__doc__ or ""
        missing = [c.__name__ for c in kernel if f"{c.__name__} ({c.status} {c.slug})" not in doc]
        assert missing == []

    def test_domain_errors_live_in_their_domain(self) -> None:
        outside = sorted(
            f"{c.__module__}.{c.__name__}"
            for c in _every_error()
            if c.__module__ != "app.errors" and not c.__module__.endswith(".errors")
        )
        assert outside == []
