"""Rotating a webhook secret keeps the old one valid for an overlap (issue #18 item 5): during
it every delivery carries two ``v1,`` signatures, the new secret's and the old one's, and the
official ``standardwebhooks`` verifier accepts the request with either secret; after it only
the new one signs."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

from app.clock import today
from app.config import get_settings
from app.db import utcnow
from tests.helpers import Caller, Tenant, make_case
from tests.webhooks.conftest import Committed, Received, Receiver, subscribe

OVERLAP = 24 * 3600


def rotate(caller: Caller, subscription_id: str) -> dict[str, Any]:
    response = caller.post(f"/v1/webhook-subscriptions/{subscription_id}/rotate-secret")
    assert response.status_code == 200, response.text
    return dict(response.json()["secret"])


def an_event(db: Committed, tenant: Tenant, case_id: str | None = None) -> str:
    """One placement.updated event (a new case first, if none is given); the placement."""
    if case_id is None:
        case = make_case(db.api, tenant, start_date=(today() - timedelta(days=3)).isoformat())
        case_id = str(case.placement["id"])
    basis = "voluntary"
    current = tenant.integration.get(f"/v1/placements/{case_id}").json()
    if current["legal_basis"] == basis:
        basis = "emergency"
    response = tenant.integration.patch(
        f"/v1/placements/{case_id}", json={"legal_basis": basis}, headers={"If-Match": "*"}
    )
    assert response.status_code == 200, response.text
    return case_id


def accepts(secret: str, request: Received) -> bool:
    try:
        Webhook(secret).verify(request.body, request.headers)
    except WebhookVerificationError:
        return False
    return True


class TestRotatingAWebhookSecret:
    def test_during_the_overlap_either_secret_verifies_and_after_it_only_the_new_one(
        self, db: Committed, receiver: Receiver, allow_private: None
    ) -> None:
        tenant = db.api.tenant()
        subscription = subscribe(
            tenant.integration, receiver.url, event_types=["placement.updated"]
        )
        old = subscription["secret"]
        new = rotate(tenant.integration, subscription["id"])
        assert new["value"] != old
        placement = an_event(db, tenant)
        db.run_until(lambda: len(receiver.received) == 1)
        during = receiver.received[0]
        signatures = during.headers["webhook-signature"].split(" ")
        assert len(signatures) == 2
        assert all(s.startswith("v1,") for s in signatures)
        assert accepts(new["value"], during)
        assert accepts(old, during)

        # After the overlap (the worker's clock a day on): the new secret only.
        an_event(db, tenant, placement)
        later = utcnow() + timedelta(seconds=OVERLAP + 60)
        db.run_until(lambda: len(receiver.received) == 2, now=later)
        after = receiver.received[1]
        assert len(after.headers["webhook-signature"].split(" ")) == 1
        assert accepts(new["value"], after)
        assert not accepts(old, after)

    def test_a_second_rotation_in_the_overlap_drops_the_oldest_secret(
        self, db: Committed, receiver: Receiver, allow_private: None
    ) -> None:
        tenant = db.api.tenant()
        subscription = subscribe(
            tenant.integration, receiver.url, event_types=["placement.updated"]
        )
        first = subscription["secret"]
        second = rotate(tenant.integration, subscription["id"])["value"]
        third = rotate(tenant.integration, subscription["id"])["value"]
        an_event(db, tenant)
        db.run_until(lambda: len(receiver.received) == 1)
        [request] = receiver.received
        assert accepts(third, request)
        assert accepts(second, request)
        assert not accepts(first, request)

    def test_with_no_overlap_configured_the_old_secret_stops_at_once(
        self,
        db: Committed,
        receiver: Receiver,
        allow_private: None,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        monkeypatch.setattr(get_settings(), "webhook_secret_overlap_seconds", 0)
        tenant = db.api.tenant()
        subscription = subscribe(
            tenant.integration, receiver.url, event_types=["placement.updated"]
        )
        new = rotate(tenant.integration, subscription["id"])
        assert new["previous_expires_at"] is None
        an_event(db, tenant)
        db.run_until(lambda: len(receiver.received) == 1)
        [request] = receiver.received
        assert len(request.headers["webhook-signature"].split(" ")) == 1
        assert accepts(new["value"], request)
        assert not accepts(subscription["secret"], request)
