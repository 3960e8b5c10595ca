"""Webhook subscriptions over HTTP: the secret shown once, URLs that are refused, changes."""

from __future__ import annotations

import base64
import ipaddress
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from standardwebhooks import Webhook

from app.principal import Role
from app.webhooks import signing
from app.webhooks.urls import is_public
from tests.helpers import Api, ok, pointers, problem, token
from tests.webhooks.conftest import subscribe, with_secret

PUBLIC = "https://93.184.215.14/fosterflyt/hooks"  # an IP literal: no DNS needed in the tests


class TestTheSecretIsShownOnce:
    def test_the_create_response_holds_a_standard_webhooks_secret_and_nothing_else_does(
        self, api: Api
    ) -> None:
        tenant = api.tenant()
        response = tenant.integration.post(
            "/v1/webhook-subscriptions",
            json={"url": PUBLIC, "event_types": ["task.overdue"], "description": "Journal"},
        )
        created = with_secret(ok(response, 201))
        assert response.headers["cache-control"] == "no-store"
        assert created["secret"].startswith("whsec_")
        assert len(base64.b64decode(created["secret"].removeprefix("whsec_"))) >= 24
        assert created["status"] == "enabled"
        assert created["event_types"] == ["task.overdue"]
        path = response.headers["location"]
        fetched = tenant.integration.get(path)
        assert "secret" not in fetched.json()
        assert fetched.headers["etag"] == response.headers["etag"]
        listed = tenant.leader.get("/v1/webhook-subscriptions").json()["items"]
        assert [s["id"] for s in listed] == [created["id"]]
        assert created["secret"] not in fetched.text + str(listed)

    def test_rotating_gives_a_new_secret_once(self, api: Api) -> None:
        tenant = api.tenant()
        created = subscribe(tenant.integration, PUBLIC)
        rotated = with_secret(
            ok(tenant.integration.post(f"/v1/webhook-subscriptions/{created['id']}/rotate-secret"))
        )
        assert rotated["secret"].startswith("whsec_")
        assert rotated["secret"] != created["secret"]

    def test_the_same_url_twice_is_a_409_pointing_at_the_first(self, api: Api) -> None:
        tenant = api.tenant()
        first = subscribe(tenant.integration, PUBLIC)
        again = tenant.integration.post("/v1/webhook-subscriptions", json={"url": PUBLIC})
        body = problem(again, 409, "duplicate-resource")
        assert body["existing"] == f"/v1/webhook-subscriptions/{first['id']}"


REFUSED = {
    "http://93.184.215.14/hooks": "https_required",
    "https://127.0.0.1/hooks": "private_address",
    "https://169.254.169.254/latest/meta-data": "private_address",
    "https://[::1]/hooks": "private_address",
    "https://10.1.2.3/hooks": "private_address",
    "https://192.168.0.10/hooks": "private_address",
    "https://[::ffff:127.0.0.1]/hooks": "private_address",
    "https://[::ffff:a9fe:a9fe]/hooks": "private_address",
    "https://0.0.0.0/hooks": "private_address",
    "https://224.0.0.1/hooks": "private_address",
    "https://localhost/hooks": "private_address",
    "https://user:pw@93.184.215.14/hooks": "credentials_in_url",
    "ftp://93.184.215.14/hooks": "https_required",
    "not a url": "https_required",
    "https://no-such-host.invalid/hooks": "unresolvable",
}


class TestUnsafeUrlsAreRefused:
    @pytest.mark.parametrize(("url", "code"), sorted(REFUSED.items()))
    def test_a_url_that_is_not_a_public_https_endpoint_is_refused(
        self, api: Api, url: str, code: str
    ) -> None:
        tenant = api.tenant()
        response = tenant.integration.post("/v1/webhook-subscriptions", json={"url": url})
        body = problem(response, 422, "webhook-url-refused")
        assert pointers(body) == ["#/url"]
        assert body["errors"][0]["code"] == code
        assert tenant.integration.get("/v1/webhook-subscriptions").json()["items"] == []

    def test_changing_the_url_to_a_private_address_is_refused(self, api: Api) -> None:
        tenant = api.tenant()
        created = subscribe(tenant.integration, PUBLIC)
        response = tenant.integration.patch(
            f"/v1/webhook-subscriptions/{created['id']}",
            json={"url": "https://169.254.169.254/"},
            headers={"If-Match": "*"},
        )
        assert pointers(problem(response, 422, "webhook-url-refused")) == ["#/url"]

    @pytest.mark.parametrize(
        "address",
        [
            "127.0.0.1",
            "10.0.0.1",
            "172.16.5.4",
            "100.64.0.1",
            "169.254.169.254",
            "::1",
            "fe80::1",
            "fc00::1",
            "::ffff:10.0.0.1",
            "2002:7f00:1::",  # 6to4 around 127.0.0.1
            "64:ff9b::a9fe:a9fe",  # NAT64 around 169.254.169.254
            "ff02::1",
            "::",
        ],
    )
    def test_private_and_special_addresses_are_not_public(self, address: str) -> None:
        assert not is_public(ipaddress.ip_address(address))

    @pytest.mark.parametrize("address", ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"])
    def test_public_addresses_are_public(self, address: str) -> None:
        assert is_public(ipaddress.ip_address(address))

    def test_private_addresses_are_accepted_when_the_setting_allows_them(
        self, api: Api, allow_private: None
    ) -> None:
        tenant = api.tenant()
        created = subscribe(tenant.integration, "http://127.0.0.1:9/hooks")
        assert created["url"] == "http://127.0.0.1:9/hooks"


class TestTheBodyIsValidated:
    def test_an_unknown_event_type_points_at_it(self, api: Api) -> None:
        tenant = api.tenant()
        response = tenant.integration.post(
            "/v1/webhook-subscriptions",
            json={"url": PUBLIC, "event_types": ["task.overdue", "task.exploded"]},
        )
        assert pointers(problem(response, 422, "validation-error")) == ["#/event_types/1"]

    def test_the_secret_cannot_be_chosen_by_the_client(self, api: Api) -> None:
        tenant = api.tenant()
        response = tenant.integration.post(
            "/v1/webhook-subscriptions", json={"url": PUBLIC, "secret": "whsec_AAAA"}
        )
        assert pointers(problem(response, 422, "validation-error")) == ["#/secret"]


class TestDisablingAndEnabling:
    def test_disabling_shows_the_reason_and_is_announced_in_the_feed(self, api: Api) -> None:
        tenant = api.tenant()
        created = subscribe(tenant.integration, PUBLIC)
        path = f"/v1/webhook-subscriptions/{created['id']}"
        etag = tenant.integration.get(path).headers["etag"]
        disabled = ok(
            tenant.integration.patch(path, json={"status": "disabled"}, headers={"If-Match": etag})
        )
        assert disabled["status"] == "disabled"
        assert disabled["disabled_reason"]
        assert disabled["disabled_at"]
        events = tenant.integration.get(
            "/v1/events", params={"type": "webhook_subscription.disabled"}
        ).json()["items"]
        assert [(e["subject_id"], e["data"]) for e in events] == [
            (created["id"], {"reason": "manual"})
        ]
        enabled = ok(
            tenant.integration.patch(path, json={"status": "enabled"}, headers={"If-Match": "*"})
        )
        assert (enabled["status"], enabled["disabled_reason"]) == ("enabled", None)

    def test_a_stale_etag_is_refused(self, api: Api) -> None:
        tenant = api.tenant()
        created = subscribe(tenant.integration, PUBLIC)
        path = f"/v1/webhook-subscriptions/{created['id']}"
        response = tenant.integration.patch(
            path, json={"description": "x"}, headers={"If-Match": '"stale"'}
        )
        problem(response, 412, "precondition-failed")

    def test_deleting_removes_it(self, api: Api) -> None:
        tenant = api.tenant()
        created = subscribe(tenant.integration, PUBLIC)
        path = f"/v1/webhook-subscriptions/{created['id']}"
        assert tenant.integration.request("DELETE", path).status_code == 204
        problem(tenant.integration.get(path), 404, "not-found")


class TestWhoMayManageWebhooks:
    def test_a_contact_person_may_not_even_with_the_scope(self, api: Api) -> None:
        tenant = api.tenant()
        contact = api.caller(
            token(
                Role.CONTACT_PERSON,
                services=[tenant.service_id],
                staff=tenant.contact_id,
                scopes=["webhooks:read", "webhooks:write"],
            )
        )
        response = contact.post("/v1/webhook-subscriptions", json={"url": PUBLIC})
        problem(response, 403, "forbidden")
        problem(contact.get("/v1/webhook-subscriptions"), 403, "forbidden")

    def test_a_contact_persons_default_token_lacks_the_scope(self, api: Api) -> None:
        tenant = api.tenant()
        problem(tenant.contact.get("/v1/webhook-subscriptions"), 403, "forbidden")

    def test_another_service_sees_none_of_them(self, api: Api) -> None:
        mine, other = api.tenant(), api.tenant()
        mine.integration.created("/v1/webhook-subscriptions", {"url": PUBLIC})
        assert other.integration.get("/v1/webhook-subscriptions").json()["items"] == []


class TestSignatures:
    def test_our_signature_verifies_with_the_reference_implementation(self) -> None:
        secret = signing.new_secret()
        body = b'{"id":"e1","type":"task.overdue"}'
        now = int(datetime.now(UTC).timestamp())
        headers = signing.headers(secret, msg_id="msg_1", timestamp=now, body=body)
        assert Webhook(secret).verify(body, headers) == {"id": "e1", "type": "task.overdue"}

    def test_the_signature_matches_the_specifications_example(self) -> None:
        # The example of the Standard Webhooks specification (spec/standard-webhooks.md).
        secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
        body = b'{"test": 2432232314}'
        signature = signing.sign(
            secret, msg_id="msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp=1614265330, body=body
        )
        assert signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


class TestTheDocumentedVerifier:
    def verifier(self) -> Any:
        text = (Path(__file__).resolve().parents[2] / "docs" / "integrators.md").read_text()
        snippet = text.split("## Webhooks", 1)[1].split("```python", 1)[1].split("```", 1)[0]
        namespace: dict[str, Any] = {}
        exec(compile(snippet, "integrators.md", "exec"), namespace)
        return namespace["verify"]

    def test_the_snippet_in_the_guide_accepts_our_signatures_and_refuses_tampering(self) -> None:
        verify = self.verifier()
        secret = signing.new_secret()
        body = b'{"id":"e1"}'
        now = int(time.time())
        headers = signing.headers(secret, msg_id="e1", timestamp=now, body=body)
        assert verify(secret, headers, body) is True
        assert verify(secret, headers, b'{"id":"e2"}') is False
        assert verify(signing.new_secret(), headers, body) is False
        old = signing.headers(secret, msg_id="e1", timestamp=now - 3600, body=body)
        assert verify(secret, old, body) is False
