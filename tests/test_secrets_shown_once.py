"""Secrets shown once come back in one shape everywhere (issue #18 item 5): an API key created
or rotated, a webhook subscription created or its secret rotated, a calendar feed created. Each
is ``{"resource": <what GET returns>, "secret": {"kind", "value", "previous_expires_at"}}``,
never cached, with the resource's ETag."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx

from tests.helpers import Api, ok

PUBLIC = "https://93.184.215.14/fosterflyt/hooks"


def shown_once(response: httpx.Response, status: int, kind: str) -> dict[str, Any]:
    """The checks every once-shown response passes; its body."""
    body = ok(response, status)
    assert set(body) == {"resource", "secret"}
    assert set(body["secret"]) == {"kind", "value", "previous_expires_at"}
    assert body["secret"]["kind"] == kind
    assert response.headers["cache-control"] == "no-store"
    assert body["secret"]["value"] not in str(body["resource"])
    return body


def seconds_from_now(value: str) -> float:
    return (datetime.fromisoformat(value) - datetime.now(UTC)).total_seconds()


class TestEverySecretShownOnceHasOneShape:
    def test_an_api_key_created_and_rotated(self, api: Api) -> None:
        tenant = api.tenant()
        response = tenant.leader.post("/v1/api-keys", json={"name": "Fagsystem"})
        created = shown_once(response, 201, "api_key")
        assert created["secret"]["previous_expires_at"] is None
        assert created["secret"]["value"].startswith(created["resource"]["prefix"] + "_")
        path = f"/v1/api-keys/{created['resource']['id']}"
        fetched = tenant.leader.get(path)
        assert ok(fetched) == created["resource"]
        assert fetched.headers["etag"] == response.headers["etag"]
        rotated = shown_once(
            tenant.leader.post(f"{path}/rotate", json={"grace_seconds": 600}), 201, "api_key"
        )
        assert rotated["secret"]["value"] != created["secret"]["value"]
        grace = seconds_from_now(rotated["secret"]["previous_expires_at"])
        assert 500 < grace <= 600
        assert ok(tenant.leader.get(path))["expires_at"] == rotated["secret"]["previous_expires_at"]

    def test_a_webhook_subscription_created_and_its_secret_rotated(self, api: Api) -> None:
        tenant = api.tenant()
        response = tenant.integration.post("/v1/webhook-subscriptions", json={"url": PUBLIC})
        created = shown_once(response, 201, "webhook_signing_secret")
        assert created["secret"]["value"].startswith("whsec_")
        assert created["secret"]["previous_expires_at"] is None
        fetched = tenant.integration.get(response.headers["location"])
        assert ok(fetched) == created["resource"]
        assert fetched.headers["etag"] == response.headers["etag"]
        path = f"/v1/webhook-subscriptions/{created['resource']['id']}/rotate-secret"
        rotated = shown_once(tenant.integration.post(path), 200, "webhook_signing_secret")
        assert rotated["secret"]["value"] != created["secret"]["value"]
        overlap = seconds_from_now(rotated["secret"]["previous_expires_at"])
        assert 24 * 3600 - 60 < overlap <= 24 * 3600  # the default overlap: a day

    def test_a_calendar_feed_created(self, api: Api) -> None:
        tenant = api.tenant()
        response = tenant.contact.post("/v1/calendar-feeds")
        created = shown_once(response, 201, "calendar_feed_url")
        assert created["secret"]["value"].endswith(".ics")
        assert created["secret"]["previous_expires_at"] is None
        listed = ok(tenant.contact.get("/v1/calendar-feeds"))["items"]
        assert listed == [created["resource"]]


def test_the_secret_kinds_are_an_enum_in_the_openapi_document(api: Api) -> None:
    schemas = ok(api.admin.get("/openapi.json"))["components"]["schemas"]
    assert schemas["SecretKind"]["enum"] == [
        "api_key",
        "webhook_signing_secret",
        "calendar_feed_url",
    ]
    for name in ("ApiKeyCreated", "WebhookSubscriptionWithSecret", "CalendarFeedCreated"):
        assert set(schemas[name]["properties"]) == {"resource", "secret"}, name
        assert schemas[name]["properties"]["secret"]["$ref"].endswith("/ShownSecret"), name
