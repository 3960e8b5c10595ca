"""The OpenAPI document and the docs pages, as an integrator on a closed network meets them."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx

from app.docs import servers
from app.errors import PROBLEM_MEDIA_TYPE
from tests.helpers import Api, problem

ROOT = Path(__file__).resolve().parent.parent

# POSTs that create nothing a retry could duplicate, by operationId, and why a retry is harmless.
POSTS_THAT_CREATE_NOTHING = {
    "endPlacement": "a state change: a retry ends nothing twice (409 placement-ended)",
    "completeTask": "a state change: a retry is refused (409 task-not-open)",
    "skipTask": "a state change: a retry is refused (409 task-not-open)",
    "reopenTask": "a state change guarded by If-Match: a retry is refused",
    "previewPlacementSchedule": "computes a preview and stores nothing",
    "endVisitReduction": "a state change: a retry is refused (409 reduction-ended)",
    "revokeCalendarFeed": "revoking twice is harmless",
    "revokeApiKey": "revoking twice is harmless",
    "redeliverWebhook": "the event is delivered at least once anyway; receivers deduplicate",
    "endSupervisionVisitor": "a state change: a retry is refused (409 supervision-visitor-ended)",
    "acceptTeamOrder": "a step of the order: a retry is refused (409 order-not-in-step)",
    "declineTeamOrder": "a step of the order: a retry is refused (409 order-not-in-step)",
    "callBackTeamOrder": "a step of the order: a retry is refused (409 order-not-in-step)",
    "startTeamOrder": "a step of the order: a retry is refused (409 order-not-in-step)",
    "closeTeamOrder": "a step of the order: a retry is refused (409 order-not-in-step)",
}


class TestDocsWorkOffline:
    def test_swagger_ui_and_redoc_load_their_assets_from_this_server(
        self, http: httpx.Client
    ) -> None:
        for page in ("/docs", "/redoc"):
            html = http.get(page)
            assert html.status_code == 200
            sources = re.findall(r'(?:src|href)="([^"]+)"', html.text)
            assert sources, page
            for source in sources:
                assert source.startswith("/"), f"{page} loads {source} from elsewhere"
                assert http.get(source).status_code == 200, source
            assert "cdn" not in html.text.lower()


class TestOpenApiDocument:
    def test_every_schema_has_a_name_of_its_own(self, http: httpx.Client) -> None:
        """Two models of one name get module-path names (app__people__models__Relation), which
        the client generator cannot follow: every model and enum needs a name of its own."""
        names = http.get("/openapi.json").json()["components"]["schemas"]
        assert [n for n in names if n.startswith("app__")] == []

    def test_every_list_is_a_page(self, http: httpx.Client) -> None:
        """Issue #18 item 2: seven lists answered with a bare array."""
        schema = http.get("/openapi.json").json()
        bare = [
            f"{method.upper()} {path}"
            for path, item in schema["paths"].items()
            for method, operation in item.items()
            for status, response in operation["responses"].items()
            if status.startswith("2")
            and response.get("content", {})
            .get("application/json", {})
            .get("schema", {})
            .get("type")
            == "array"
        ]
        assert bare == []

    def test_event_types_and_form_field_types_are_enums(self, http: httpx.Client) -> None:
        """Issue #18 item 3: both were plain strings, so the generated client had no types."""
        schema = http.get("/openapi.json").json()
        components = schema["components"]["schemas"]
        event_type = components["EventType"]
        assert "placement.created" in event_type["enum"]
        assert event_type["enum"] == sorted(event_type["enum"])
        feed = next(
            p for p in schema["paths"]["/v1/events"]["get"]["parameters"] if p["name"] == "type"
        )
        assert feed["schema"]["anyOf"][0]["items"] == {"$ref": "#/components/schemas/EventType"}
        field_type = components["FormFieldRead"]["properties"]["type"]
        resolved = components[field_type["$ref"].rsplit("/", 1)[1]]
        assert set(resolved["enum"]) == {
            "text",
            "date",
            "boolean",
            "integer",
            "choice",
            "multichoice",
        }

    def test_every_operation_has_id_summary_description_tags_and_errors(
        self, http: httpx.Client
    ) -> None:
        schema = http.get("/openapi.json").json()
        seen_ids: set[str] = set()
        for path, item in schema["paths"].items():
            for method, operation in item.items():
                where = f"{method.upper()} {path}"
                assert operation.get("operationId"), where
                assert operation["operationId"] not in seen_ids, where
                seen_ids.add(operation["operationId"])
                assert operation.get("summary"), where
                assert operation.get("description"), where
                assert operation.get("tags"), where
                if path.startswith("/v1/"):
                    # 429 and 503 too (issue #18 item 6): a generated client hides a status its
                    # operation does not declare
                    assert {"401", "403", "422", "429", "503"} <= set(operation["responses"]), where
                    assert "Retry-After" in operation["responses"]["503"]["headers"], where
                    assert operation.get("security"), where

    def test_every_post_that_creates_something_accepts_an_idempotency_key(
        self, http: httpx.Client
    ) -> None:
        """Issue #18 item 5: a retried create must not make a second row (or a second live
        secret). Every ``POST`` declares ``Idempotency-Key`` unless it is listed in
        ``POSTS_THAT_CREATE_NOTHING`` with the reason a retry is harmless."""
        schema = http.get("/openapi.json").json()
        missing = []
        for path, item in schema["paths"].items():
            operation = item.get("post")
            if operation is None or operation["operationId"] in POSTS_THAT_CREATE_NOTHING:
                continue
            headers = {p["name"] for p in operation.get("parameters", []) if p["in"] == "header"}
            if "Idempotency-Key" not in headers:
                missing.append(f"POST {path} ({operation['operationId']})")
        assert missing == [], (
            "These POSTs create something but ignore Idempotency-Key. Give the route an "
            "`idem: Idempotency` parameter (app.idempotency.service) and answer through "
            "`create_response(...)` (or `idempotent(..., shows_secret=True)` when the response "
            "shows a secret once), declare IdempotencyKeyReused and IdempotencyInFlight in its "
            "`responses=`, and name it in docs/integrators.md (Retries). If the POST creates "
            "nothing a retry could duplicate, add its operationId to POSTS_THAT_CREATE_NOTHING "
            f"in tests/test_docs.py with the reason: {missing}"
        )
        stale = POSTS_THAT_CREATE_NOTHING.keys() - {
            op["operationId"] for item in schema["paths"].values() for op in item.values()
        }
        assert stale == set(), f"no such operation any more: {stale}"

    def test_the_docs_name_every_operation_that_honours_an_idempotency_key(
        self, http: httpx.Client
    ) -> None:
        schema = http.get("/openapi.json").json()
        docs = (ROOT / "docs" / "integrators.md").read_text(encoding="utf-8")
        retries = docs.split("## Retries: idempotency keys", 1)[1].split("\n## ", 1)[0]
        undocumented = [
            f"`{method.upper()} {path}`"
            for path, item in schema["paths"].items()
            for method, operation in item.items()
            if any(p["name"] == "Idempotency-Key" for p in operation.get("parameters", []))
            and f"`{method.upper()} {path}`" not in retries
        ]
        assert undocumented == [], (
            f"List these in docs/integrators.md under 'Retries: idempotency keys': {undocumented}"
        )

    def test_every_authenticated_operation_accepts_x_on_behalf_of_alike(
        self, http: httpx.Client
    ) -> None:
        """Issue #18 item 6: only the audited operations declared it, so a journal system that
        sends it on every request found it on some functions of its client and not others."""
        schema = http.get("/openapi.json").json()
        declared: dict[str, Any] = {}
        wrong = []
        for path, item in schema["paths"].items():
            for method, operation in item.items():
                where = f"{method.upper()} {path}"
                found = [
                    p for p in operation.get("parameters", []) if p["name"] == "X-On-Behalf-Of"
                ]
                if not operation.get("security"):
                    if found:
                        wrong.append(f"{where}: public, yet declares X-On-Behalf-Of")
                    continue
                if len(found) != 1:
                    wrong.append(f"{where}: declares X-On-Behalf-Of {len(found)} times")
                    continue
                declared[where] = found[0]
        assert wrong == [], (
            "X-On-Behalf-Of comes with the token check: authenticate the route with "
            f"`Annotated[Principal, authorize(Scope...)]` (app/auth.py) and it is declared: {wrong}"
        )
        assert len({json.dumps(p, sort_keys=True) for p in declared.values()}) == 1

    def test_an_invalid_x_on_behalf_of_is_refused_on_an_operation_outside_the_trail_too(
        self, api: Api
    ) -> None:
        tenant = api.tenant()
        refused = tenant.integration.get("/v1/events", headers={"X-On-Behalf-Of": "x" * 129})
        body = problem(refused, 422, "validation-error")
        assert [e["parameter"] for e in body["errors"]] == ["X-On-Behalf-Of"]
        accepted = tenant.integration.get(
            "/v1/events", headers={"X-On-Behalf-Of": "saksbehandler-4711"}
        )
        assert accepted.status_code == 200, accepted.text

    def test_the_document_names_its_server(self, http: httpx.Client) -> None:
        """Issue #18 item 6: no ``servers``, so generators had no base URL to default to."""
        schema = http.get("/openapi.json").json()
        assert schema["servers"] == [
            {"url": "/", "description": "The server this document was fetched from"}
        ]
        assert servers("https://fosterflyt.kommune.no/") == [
            {"url": "https://fosterflyt.kommune.no", "description": "This deployment"}
        ]

    def test_errors_are_documented_as_problem_json_not_fastapi_defaults(
        self, http: httpx.Client
    ) -> None:
        schema = http.get("/openapi.json").json()
        components = schema["components"]["schemas"]
        assert "HTTPValidationError" not in components
        assert {"Problem", "FieldError"} <= set(components)
        for path, item in schema["paths"].items():
            for method, operation in item.items():
                for status, response in operation["responses"].items():
                    if status.startswith("4"):
                        assert list(response["content"]) == [PROBLEM_MEDIA_TYPE], (
                            f"{method} {path} {status}"
                        )

    def test_routes_declare_their_scopes(self, http: httpx.Client) -> None:
        schema = http.get("/openapi.json").json()
        operation = schema["paths"]["/v1/placements"]["post"]
        assert operation["security"] == [{"HTTPBearer": ["placements:write"]}]

    def test_request_examples_are_published(self, http: httpx.Client) -> None:
        schema = http.get("/openapi.json").json()
        org = schema["components"]["schemas"]["ServiceCreate"]["properties"]["org_number"]
        assert org.get("examples")


class TestHealth:
    def test_liveness_answers_without_a_token(self, http: httpx.Client) -> None:
        response = http.get("/healthz")
        assert response.status_code == 200
        assert response.json()["status"] == "ok"

    def test_readiness_checks_the_database_is_at_the_latest_migration(
        self, http: httpx.Client
    ) -> None:
        from app.migrations import head_revision

        response = http.get("/readyz")
        assert response.status_code == 200
        assert response.json() == {"status": "ok", "database": "ok", "revision": head_revision()}
