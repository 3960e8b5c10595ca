"""Issue #18 item 5: every POST that creates something honours ``Idempotency-Key``.

Before, only some creates did: a retried ``POST /v1/api-keys`` made a second live key, and a
retried webhook subscription lost its once-shown secret. A retry with the same key and body now
gets the first response — the same secret, not a second one — and creates nothing.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
from sqlalchemy import Connection, text

from app.principal import Role
from tests.documents.test_documents_api import GOOD, MANIFEST
from tests.helpers import Api, Caller, day, make_case, ok, problem, token
from tests.supervision.helpers import PDF

PUBLIC = "https://93.184.215.14/fosterflyt/hooks"  # an IP literal: no DNS needed in the tests


def key() -> dict[str, str]:
    return {"Idempotency-Key": str(uuid.uuid4())}


def twice(caller: Caller, url: str, **request: Any) -> tuple[httpx.Response, httpx.Response]:
    """The same POST sent twice with one Idempotency-Key, as a client retries a lost answer."""
    headers = {**request.pop("headers", {}), **key()}
    first = caller.post(url, headers=headers, **request)
    retry = caller.post(url, headers=headers, **request)
    return first, retry


def assert_replayed(first: httpx.Response, retry: httpx.Response, status: int = 201) -> None:
    assert first.status_code == status, first.text
    assert "idempotent-replayed" not in first.headers
    assert retry.status_code == status, retry.text
    assert retry.headers["idempotent-replayed"] == "true"
    assert retry.content == first.content
    for header in ("location", "etag", "cache-control"):
        assert retry.headers.get(header) == first.headers.get(header), header


class TestASecretShownOnceComesBackOnARetry:
    def test_a_retried_api_key_create_returns_the_same_key_and_makes_no_second_one(
        self, api: Api, connection: Connection
    ) -> None:
        tenant = api.tenant()
        first, retry = twice(tenant.leader, "/v1/api-keys", json={"name": "Fagsystem"})
        assert_replayed(first, retry)
        created = first.json()
        assert [k["id"] for k in ok(tenant.leader.get("/v1/api-keys"))["items"]] == [
            created["resource"]["id"]
        ]
        as_key = api.caller(created["secret"]["value"])
        assert as_key.get("/v1/children").status_code == 200
        # The stored response is sealed: the database holds no key in the clear.
        stored = connection.execute(text("SELECT key, body FROM idempotency_records")).all()
        assert stored
        secret = created["secret"]["value"].encode()
        assert all(secret not in bytes(body) for _, body in stored)
        assert all(k.startswith("sealed:") for k, _ in stored)

    def test_a_retried_rotation_returns_the_same_new_key(self, api: Api) -> None:
        tenant = api.tenant()
        created = ok(tenant.leader.post("/v1/api-keys", json={"name": "Fagsystem"}), 201)
        path = f"/v1/api-keys/{created['resource']['id']}/rotate"
        first, retry = twice(tenant.leader, path, json={"grace_seconds": 60})
        assert_replayed(first, retry)
        assert len(ok(tenant.leader.get("/v1/api-keys"))["items"]) == 2

    def test_an_api_key_with_the_same_key_and_another_body_is_422(self, api: Api) -> None:
        tenant = api.tenant()
        headers = key()
        ok(tenant.leader.post("/v1/api-keys", json={"name": "A"}, headers=headers), 201)
        other = tenant.leader.post("/v1/api-keys", json={"name": "B"}, headers=headers)
        problem(other, 422, "idempotency-key-reused")
        assert len(ok(tenant.leader.get("/v1/api-keys"))["items"]) == 1

    def test_a_retried_webhook_subscription_returns_the_same_secret(self, api: Api) -> None:
        tenant = api.tenant()
        first, retry = twice(tenant.integration, "/v1/webhook-subscriptions", json={"url": PUBLIC})
        assert_replayed(first, retry)
        assert first.json()["secret"]["value"].startswith("whsec_")
        listed = ok(tenant.integration.get("/v1/webhook-subscriptions"))["items"]
        assert [s["id"] for s in listed] == [first.json()["resource"]["id"]]

    def test_a_retried_secret_rotation_returns_the_same_new_secret(self, api: Api) -> None:
        tenant = api.tenant()
        created = ok(
            tenant.integration.post("/v1/webhook-subscriptions", json={"url": PUBLIC}), 201
        )
        path = f"/v1/webhook-subscriptions/{created['resource']['id']}/rotate-secret"
        first, retry = twice(tenant.integration, path)
        assert_replayed(first, retry, status=200)
        assert first.json()["secret"]["value"] != created["secret"]["value"]

    def test_a_retried_calendar_feed_returns_the_same_address(self, api: Api) -> None:
        case = make_case(api)
        first, retry = twice(case.tenant.contact, "/v1/calendar-feeds")
        assert_replayed(first, retry)
        feeds = ok(case.tenant.contact.get("/v1/calendar-feeds"))["items"]
        assert [f["id"] for f in feeds] == [first.json()["resource"]["id"]]


class TestUploadsAreIdempotentToo:
    def test_a_retried_supervision_report_is_recorded_once(self, api: Api) -> None:
        """Each multipart request has a boundary of its own: the retry is still the same form."""
        case = make_case(api, start_date=day(-70).isoformat())
        form = {
            "placement_id": case.placement["id"],
            "visit_date": day(-9).isoformat(),
            "received_on": day(-2).isoformat(),
            "spoke_with_child_alone": "true",
        }
        files = {"file": ("tilsynsrapport.pdf", PDF, "application/pdf")}
        first, retry = twice(
            case.tenant.integration, "/v1/supervision-reports", data=form, files=files
        )
        assert_replayed(first, retry)
        path = f"/v1/placements/{case.placement['id']}/supervision-reports"
        assert len(ok(case.tenant.integration.get(path))["items"]) == 1

        other_file = {"file": ("tilsynsrapport.pdf", PDF + b"%", "application/pdf")}
        headers = {"Idempotency-Key": first.request.headers["Idempotency-Key"]}
        changed = case.tenant.integration.post(
            "/v1/supervision-reports", data=form, files=other_file, headers=headers
        )
        problem(changed, 422, "idempotency-key-reused")

    def test_a_retried_template_upload_makes_one_version(self, api: Api) -> None:
        tenant = api.tenant()
        first, retry = twice(
            tenant.leader,
            "/v1/templates",
            files={"file": ("mal.docx", GOOD, "application/octet-stream")},
            data={"manifest": json.dumps(MANIFEST)},
        )
        assert_replayed(first, retry)
        assert first.json()["version"] == 1
        assert ok(tenant.leader.get(first.headers["location"]))["version"] == 1


class TestAnAdministratorsCreateIsIdempotent:
    def test_a_retried_rule_set_publication_makes_one_version(self, api: Api) -> None:
        current = ok(api.admin.get("/v1/rule-sets/current"))
        body = {"title": "Samme regler", "valid_from": day(0).isoformat()}
        body["values"] = current["values"]
        first, retry = twice(api.admin, "/v1/rule-sets", json=body)
        assert_replayed(first, retry)
        versions = [r["version"] for r in ok(api.admin.get("/v1/rule-sets"))["items"]]
        assert versions == [1, 2]

    def test_a_key_of_no_service_is_not_replayed_to_another_caller(self, api: Api) -> None:
        current = ok(api.admin.get("/v1/rule-sets/current"))
        body = {"title": "Samme regler", "valid_from": day(0).isoformat()}
        body["values"] = current["values"]
        headers = key()
        ok(api.admin.post("/v1/rule-sets", json=body, headers=headers), 201)
        other_admin = api.caller(token(Role.ADMIN, subject="another-admin"))
        again = other_admin.post("/v1/rule-sets", json=body, headers=headers)
        assert again.status_code == 201, again.text
        assert "idempotent-replayed" not in again.headers
