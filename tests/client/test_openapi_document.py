"""The OpenAPI document integrators generate clients from: valid OpenAPI 3.1, and every operation
named, summarised, scoped and with problem+json errors."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from jsonschema import Draft202012Validator, FormatChecker
from openapi_spec_validator import OpenAPIV31SpecValidator

from app.docs.examples import ExampleBuilder, bodies
from app.errors import PROBLEM_BASE, PROBLEM_MEDIA_TYPE
from app.principal import Scope

METHODS = {"get", "put", "post", "patch", "delete", "head", "options"}
# Operations without a bearer token: probes for orchestrators, and the calendar feed whose secret
# URL is its credential (calendar clients cannot send headers).
PUBLIC = {"healthz", "readyz", "getCalendarFeed"}
PROBLEM_REF = "#/components/schemas/Problem"


@pytest.fixture
def document(http: httpx.Client) -> dict[str, Any]:
    response = http.get("/openapi.json")
    assert response.status_code == 200
    return dict(response.json())


def operations(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [
        (f"{method.upper()} {path}", operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    ]


class TestOpenApiDocumentForIntegrators:
    def test_the_document_is_valid_openapi_3_1(self, document: dict[str, Any]) -> None:
        assert document["openapi"].startswith("3.1")
        errors = [str(e.message) for e in OpenAPIV31SpecValidator(document).iter_errors()]
        assert errors == []

    def test_every_operation_has_a_unique_operation_id_and_a_summary(
        self, document: dict[str, Any]
    ) -> None:
        ids = [operation.get("operationId") for _, operation in operations(document)]
        for where, operation in operations(document):
            assert operation.get("operationId"), where
            assert operation.get("summary"), where
        assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)

    def test_every_operation_but_the_public_ones_declares_its_bearer_scopes(
        self, document: dict[str, Any]
    ) -> None:
        schemes = document["components"]["securitySchemes"]
        assert schemes["HTTPBearer"]["type"] == "http"
        assert schemes["HTTPBearer"]["scheme"] == "bearer"
        known = {str(s) for s in Scope}
        public = set()
        for where, operation in operations(document):
            if operation["operationId"] in PUBLIC:
                public.add(operation["operationId"])
                assert not operation.get("security"), where
                continue
            security = operation.get("security")
            assert security, f"{where} declares no security (or add it to PUBLIC, saying why)"
            scopes = {
                scope for requirement in security for scope in requirement.get("HTTPBearer", [])
            }
            for requirement in security:
                assert set(requirement) <= set(schemes), f"{where}: undeclared scheme"
            assert scopes, f"{where} declares no scope"
            assert scopes <= known, f"{where}: unknown scopes {scopes - known}"
            assert {"401", "403"} <= set(operation["responses"]), where
        assert public == PUBLIC

    def test_every_error_response_is_problem_json(self, document: dict[str, Any]) -> None:
        problem = document["components"]["schemas"]["Problem"]
        assert {"type", "title", "status"} <= set(problem["required"])
        for where, operation in operations(document):
            for status, response in operation["responses"].items():
                if not status.startswith(("4", "5")):
                    continue
                if operation["operationId"] == "readyz" and status == "503":
                    continue  # the readiness body says what is not ready (Health), by design
                content = response.get("content", {})
                assert list(content) == [PROBLEM_MEDIA_TYPE], f"{where} {status}"
                assert content[PROBLEM_MEDIA_TYPE]["schema"] == {"$ref": PROBLEM_REF}
                assert response["description"].startswith("`"), f"{where} {status} names no type"

    def test_every_success_response_declares_its_body(self, document: dict[str, Any]) -> None:
        for where, operation in operations(document):
            successes = {s: r for s, r in operation["responses"].items() if s.startswith("2")}
            assert successes, where
            for status, response in successes.items():
                if status == "204":  # No Content: a body would be an error
                    assert not response.get("content"), f"{where} {status}"
                    continue
                assert response.get("content"), f"{where} {status}"
                for media_type, body in response["content"].items():
                    assert body.get("schema"), f"{where} {status} {media_type}"

    def test_every_operation_with_a_body_declares_the_errors_of_reading_it(
        self, document: dict[str, Any]
    ) -> None:
        # Found by the contract test: an unparseable body's 400 was answered but not declared.
        for where, operation in operations(document):
            body = operation.get("requestBody")
            if not body:
                continue
            responses = operation["responses"]
            assert "`payload-too-large`" in responses["413"]["description"], where
            assert "`unsupported-media-type`" in responses["415"]["description"], where
            if "application/json" in body["content"]:
                assert "`invalid-json`" in responses["400"]["description"], where
                assert "`json-too-deep`" in responses["400"]["description"], where
            if "multipart/form-data" in body["content"]:
                assert "`bad-request`" in responses["400"]["description"], where


class TestEveryBodyHasAnExample:
    """Issue #18 item 6: request and response bodies had no example, so the docs and Swagger UI
    showed ``"string"`` for every field and mock servers had nothing to answer with."""

    def test_every_request_and_response_body_has_an_example(self, document: dict[str, Any]) -> None:
        missing = [
            f"{where} {status} {media}"
            for where, status, media, body, _ in bodies(document)
            if "example" not in body and body.get("schema", {}).get("format") != "binary"
        ]
        if missing:
            builder = ExampleBuilder(document)
            for _, _, _, body, _ in bodies(document):
                if "example" not in body:
                    builder.of(body.get("schema", {}), "body")
            fields = sorted(builder.missing)
            pytest.fail(
                f"{len(missing)} bodies have no example, first {missing[:5]}, because these "
                "fields have none: give each `Field(examples=[...])` in its model (or, for a "
                "name used alike across the API, an entry in FIELD_EXAMPLES of "
                f"app/docs/examples.py): {fields}"
            )

    def test_every_example_is_valid_against_its_schema(self, document: dict[str, Any]) -> None:
        invalid = []
        for where, status, media, body, _ in bodies(document):
            if "example" not in body or "schema" not in body:
                continue
            schema = {**body["schema"], "components": document["components"]}
            validator = Draft202012Validator(schema, format_checker=FormatChecker())
            errors = [
                f"{'/'.join(map(str, e.path))}: {e.message}"
                for e in validator.iter_errors(body["example"])
            ]
            if errors:
                invalid.append(f"{where} {status} {media}: {errors[:3]}")
        assert invalid == [], (
            "Fix the example of these fields (Field(examples=[...]) in the model, or "
            f"FIELD_EXAMPLES in app/docs/examples.py): {invalid[:20]}"
        )

    def test_a_problem_example_shows_the_problem_its_response_names(
        self, document: dict[str, Any]
    ) -> None:
        responses = document["paths"]["/v1/children/{child_id}"]["get"]["responses"]
        example = responses["404"]["content"][PROBLEM_MEDIA_TYPE]["example"]
        assert example["type"] == PROBLEM_BASE + "not-found"
        assert example["status"] == 404
        body = document["paths"]["/v1/children"]["post"]["requestBody"]["content"]
        assert body["application/json"]["example"]["given_name"]
