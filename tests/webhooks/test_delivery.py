"""Delivering webhooks: the worker against a receiver on loopback, over committed data, with a
clock the test controls instead of sleeping through the retry schedule."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

import pytest

from app.clock import today
from app.config import get_settings
from app.db import utcnow
from app.webhooks import urls
from app.webhooks.sending import SCHEDULE
from app.worker import run_once
from tests.helpers import Case, Tenant, make_case
from tests.webhooks.conftest import (
    Committed,
    Receiver,
    deliveries,
    eventually,
    feed_ids,
    subscribe,
)


def recent_case(db: Committed, tenant: Tenant) -> Case:
    return make_case(db.api, tenant, start_date=(today() - timedelta(days=3)).isoformat())


def a_change(tenant: Tenant, case: Case) -> None:
    """One event: the placement's legal basis changes."""
    path = f"/v1/placements/{case.placement['id']}"
    response = tenant.integration.patch(
        path, json={"legal_basis": "voluntary"}, headers={"If-Match": "*"}
    )
    assert response.status_code == 200, response.text


class TestAJournalSystemRoundTrip:
    def test_every_event_arrives_once_signed(
        self, db: Committed, receiver: Receiver, allow_private: None
    ) -> None:
        tenant = db.api.tenant()
        subscription = subscribe(tenant.integration, receiver.url)
        # Subscribed after the service's set-up: only what happens from now on is delivered.
        _, start = feed_ids(tenant)
        case = recent_case(db, tenant)
        visit = next(
            t
            for t in tenant.integration.get(
                "/v1/tasks", params={"placement_id": case.placement["id"], "limit": 100}
            ).json()["items"]
            if t["definition_key"] == "tilsyn" and t["step_key"] == "tilsynsbesok"
        )
        answers = {
            "besoksdato": today().isoformat(),
            "rapport_mottatt": today().isoformat(),
            "samtale_med_barnet_alene": True,
        }
        done = tenant.integration.post(
            f"/v1/tasks/{visit['id']}/complete", json={"answers": answers}
        )
        assert done.status_code == 200, done.text
        document = tenant.integration.post(
            "/v1/documents",
            json={
                "template_key": "oppfolgingsplan",
                "placement_id": case.placement["id"],
                "draft": True,
            },
        )
        assert document.status_code == 201, document.text

        expected: list[str] = []

        def everything_arrived() -> bool:
            expected[:] = feed_ids(tenant, start)[0]
            subjects = {r.event["subject_id"] for r in receiver.received}
            return document.json()["id"] in subjects and set(receiver.ids()) == set(expected)

        # The feed is the reference: what it lists after the subscription was made is what the
        # receiver must get (the worker's own due-soon/overdue events included).
        db.run_until(everything_arrived)
        types = [r.event["type"] for r in receiver.received]
        assert {"placement.created", "task.completed", "document.generated"} <= set(types)
        assert sorted(receiver.ids()) == sorted(expected)  # none missing, none twice
        assert document.json()["id"] in {r.event["subject_id"] for r in receiver.received}
        receiver.verify_all(subscription["secret"])
        for request in receiver.received:
            assert request.event["service_id"] == tenant.service_id
            assert case.child["family_name"].encode() not in request.body
        log = deliveries(tenant.integration, subscription["id"])
        assert len(log) == len(expected)
        assert {d["status"] for d in log} == {"succeeded"}
        assert all(len(d["attempts"]) == 1 and d["attempts"][0]["status_code"] == 204 for d in log)
        assert subscription["secret"] not in str(log)

    def test_only_the_chosen_types_are_delivered(
        self, db: Committed, receiver: Receiver, allow_private: None
    ) -> None:
        tenant = db.api.tenant()
        subscribe(tenant.integration, receiver.url, event_types=["placement.updated"])
        case = recent_case(db, tenant)
        a_change(tenant, case)
        db.run_until(lambda: len(receiver.received) >= 1)
        db.run()
        assert [r.event["type"] for r in receiver.received] == ["placement.updated"]


def one_pending_delivery(db: Committed, tenant: Tenant) -> None:
    """A case, then one change to it: one placement.updated event."""
    a_change(tenant, recent_case(db, tenant))


class TestFailingReceivers:
    def test_a_500_is_retried_with_backoff_and_the_log_shows_it(
        self, db: Committed, receiver: Receiver, allow_private: None
    ) -> None:
        receiver.status = 500
        tenant = db.api.tenant()
        subscription = subscribe(
            tenant.integration, receiver.url, event_types=["placement.updated"]
        )
        one_pending_delivery(db, tenant)
        start = utcnow()
        db.run_until(lambda: len(receiver.received) == 1, now=start)
        db.run(now=start)  # not due again yet: nothing more is sent
        assert len(receiver.received) == 1
        [entry] = deliveries(tenant.integration, subscription["id"])
        assert entry["status"] == "pending"
        assert entry["attempts"][0]["status_code"] == 500
        assert entry["attempts"][0]["error"] == "http_status"
        wait = (
            datetime_of(entry["next_attempt_at"])
            - datetime_of(entry["attempts"][0]["attempted_at"])
        ).total_seconds()
        assert SCHEDULE[1] <= wait <= SCHEDULE[1] * 1.1 + 0.01
        # The second attempt, five seconds later, also fails; the third waits five minutes.
        db.run(now=start + timedelta(seconds=6))
        [entry] = deliveries(tenant.integration, subscription["id"])
        assert [a["status_code"] for a in entry["attempts"]] == [500, 500]
        assert entry["attempt_count"] == 2
        wait = (
            datetime_of(entry["next_attempt_at"])
            - datetime_of(entry["attempts"][1]["attempted_at"])
        ).total_seconds()
        assert SCHEDULE[2] <= wait <= SCHEDULE[2] * 1.1 + 0.01
        assert len({r.headers["webhook-id"] for r in receiver.received}) == 1  # the same id
        receiver.verify_all(subscription["secret"])

    def test_a_hanging_receiver_costs_the_timeout_and_is_retried(
        self, db: Committed, receiver: Receiver, allow_private: None
    ) -> None:
        receiver.hang = 5
        tenant = db.api.tenant()
        subscription = subscribe(
            tenant.integration, receiver.url, event_types=["placement.updated"]
        )
        one_pending_delivery(db, tenant)
        start = utcnow()
        began = time.monotonic()
        db.run_until(lambda: len(receiver.received) == 1, now=start)
        assert time.monotonic() - began < 4  # bounded by the 0.5 s read timeout, not the hang
        [entry] = deliveries(tenant.integration, subscription["id"])
        assert (entry["status"], entry["last_error"]) == ("pending", "timeout")
        receiver.hang = 0
        db.run(now=start + timedelta(seconds=6))
        [entry] = deliveries(tenant.integration, subscription["id"])
        assert entry["status"] == "succeeded"
        assert [a["error"] for a in entry["attempts"]] == ["timeout", None]

    def test_a_receiver_down_for_an_hour_gets_the_events_when_it_is_back(
        self, db: Committed, receiver: Receiver, allow_private: None
    ) -> None:
        tenant = db.api.tenant()
        subscription = subscribe(
            tenant.integration, receiver.url, event_types=["placement.updated"]
        )
        receiver.stop()  # connection refused from now on
        one_pending_delivery(db, tenant)
        start = utcnow()
        db.run_until(
            lambda: (
                bool(deliveries(tenant.integration, subscription["id"])[0]["attempts"])
                if deliveries(tenant.integration, subscription["id"])
                else False
            ),
            now=start,
        )
        for minutes in (1, 10, 45):  # an hour of attempts, all refused
            db.run(now=start + timedelta(minutes=minutes))
        [entry] = deliveries(tenant.integration, subscription["id"])
        assert [a["error"] for a in entry["attempts"]] == ["connect_error"] * 4
        receiver.start()  # back, on the same port
        db.run(now=start + timedelta(hours=3))
        [entry] = deliveries(tenant.integration, subscription["id"])
        assert entry["status"] == "succeeded"
        assert len(receiver.received) == 1
        receiver.verify_all(subscription["secret"])
        got = tenant.integration.get(f"/v1/webhook-subscriptions/{subscription['id']}").json()
        assert got["status"] == "enabled"

    def test_a_redirect_is_not_followed(
        self, db: Committed, receiver: Receiver, allow_private: None
    ) -> None:
        elsewhere = Receiver().start()
        try:
            receiver.status, receiver.location = 307, elsewhere.url
            tenant = db.api.tenant()
            subscription = subscribe(
                tenant.integration, receiver.url, event_types=["placement.updated"]
            )
            one_pending_delivery(db, tenant)
            db.run_until(lambda: len(receiver.received) == 1)
            [entry] = deliveries(tenant.integration, subscription["id"])
            assert (entry["last_status_code"], entry["last_error"]) == (307, "redirect")
            assert elsewhere.received == []
        finally:
            elsewhere.stop()

    def test_a_private_address_is_refused_again_at_delivery_time(
        self, db: Committed, receiver: Receiver, allow_private: None
    ) -> None:
        tenant = db.api.tenant()
        # Accepted while private addresses were allowed; a strict worker refuses to connect.
        loopback = f"https://127.0.0.1:{receiver.port}/hooks"
        subscription = subscribe(tenant.integration, loopback, event_types=["placement.updated"])
        one_pending_delivery(db, tenant)
        strict = db.settings.model_copy(update={"webhook_allow_private": False})

        def attempted() -> bool:
            run_once(db.engine, strict)
            log = deliveries(tenant.integration, subscription["id"])
            return bool(log and log[0]["attempts"])

        deadline = time.monotonic() + 30
        while not attempted():
            assert time.monotonic() < deadline
            time.sleep(0.1)
        [entry] = deliveries(tenant.integration, subscription["id"])
        assert (entry["last_error"], entry["last_status_code"]) == ("private_address", None)
        assert receiver.received == []

    def test_a_name_that_resolves_elsewhere_at_delivery_time_is_refused(
        self, db: Committed, receiver: Receiver, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """DNS rebinding: public when subscribed, loopback when delivered."""
        answers = {"hooks.example.test": ["93.184.215.14"]}
        monkeypatch.setattr(urls, "resolve", lambda host, port: answers[host])
        tenant = db.api.tenant()
        subscription = subscribe(
            tenant.integration,
            f"https://hooks.example.test:{receiver.port}/hooks",
            event_types=["placement.updated"],
        )
        answers["hooks.example.test"] = ["127.0.0.1"]
        one_pending_delivery(db, tenant)
        strict = db.settings.model_copy(update={"webhook_allow_private": False})

        def attempted() -> bool:
            run_once(db.engine, strict)
            log = deliveries(tenant.integration, subscription["id"])
            return bool(log and log[0]["attempts"])

        deadline = time.monotonic() + 30
        while not attempted():
            assert time.monotonic() < deadline
            time.sleep(0.1)
        [entry] = deliveries(tenant.integration, subscription["id"])
        assert entry["last_error"] == "private_address"
        assert receiver.received == []

    def test_the_connection_goes_to_the_checked_address_not_a_second_lookup(
        self,
        db: Committed,
        receiver: Receiver,
        allow_private: None,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        # The system resolver knows nothing of this name: only the checked answer is used.
        monkeypatch.setattr(urls, "resolve", lambda host, port: ["127.0.0.1"])
        tenant = db.api.tenant()
        subscription = subscribe(
            tenant.integration,
            f"http://hooks.example.test:{receiver.port}/hooks",
            event_types=["placement.updated"],
        )
        one_pending_delivery(db, tenant)
        db.run_until(lambda: len(receiver.received) == 1)
        assert receiver.received[0].headers["Host"] == f"hooks.example.test:{receiver.port}"
        receiver.verify_all(subscription["secret"])


class TestDisablingAndRedelivery:
    def test_exhausted_retries_disable_the_subscription_and_the_feed_says_so(
        self, db: Committed, receiver: Receiver, allow_private: None
    ) -> None:
        receiver.status = 503
        tenant = db.api.tenant()
        subscription = subscribe(
            tenant.integration, receiver.url, event_types=["placement.updated"]
        )
        one_pending_delivery(db, tenant)
        start = utcnow()
        db.run_until(lambda: len(receiver.received) == 1, now=start)
        at = start
        for delay in SCHEDULE[1:]:
            at += timedelta(seconds=delay * 1.1 + 1)
            db.run(now=at)
        assert len(receiver.received) == len(SCHEDULE)
        got = tenant.integration.get(f"/v1/webhook-subscriptions/{subscription['id']}").json()
        assert got["status"] == "disabled"
        assert "failed" in got["disabled_reason"]
        [entry] = deliveries(tenant.integration, subscription["id"])
        assert entry["status"] == "failed"
        assert len(entry["attempts"]) == len(SCHEDULE)
        announced = eventually(
            lambda: tenant.integration.get(
                "/v1/events", params={"type": "webhook_subscription.disabled"}
            ).json()["items"]
        )
        assert [(e["subject_id"], e["data"]["reason"]) for e in announced] == [
            (subscription["id"], "retries_exhausted")
        ]
        db.run(now=at + timedelta(days=2))  # nothing more is attempted
        assert len(receiver.received) == len(SCHEDULE)

        # The receiver is fixed; the integrator enables the subscription and redelivers.
        receiver.status = 204
        path = f"/v1/webhook-subscriptions/{subscription['id']}"
        refused = tenant.integration.post(f"{path}/deliveries/{entry['id']}/redeliver")
        assert refused.status_code == 409, refused.text
        enabled = tenant.integration.patch(
            path, json={"status": "enabled"}, headers={"If-Match": "*"}
        )
        assert enabled.status_code == 200, enabled.text
        queued = tenant.integration.post(f"{path}/deliveries/{entry['id']}/redeliver")
        assert queued.status_code == 202, queued.text
        assert queued.json()["status"] == "pending"
        db.run()
        [entry] = deliveries(tenant.integration, subscription["id"])
        assert entry["status"] == "succeeded"
        assert len(entry["attempts"]) == len(SCHEDULE) + 1
        assert len(set(receiver.ids())) == 1
        receiver.verify_all(subscription["secret"])

    def test_redelivering_a_delivered_event_sends_it_again_with_the_same_id(
        self, db: Committed, receiver: Receiver, allow_private: None
    ) -> None:
        tenant = db.api.tenant()
        subscription = subscribe(
            tenant.integration, receiver.url, event_types=["placement.updated"]
        )
        one_pending_delivery(db, tenant)
        db.run_until(lambda: len(receiver.received) == 1)
        [entry] = deliveries(tenant.integration, subscription["id"])
        path = f"/v1/webhook-subscriptions/{subscription['id']}/deliveries/{entry['id']}/redeliver"
        assert tenant.integration.post(path).status_code == 202
        db.run()
        assert len(receiver.received) == 2
        assert receiver.ids()[0] == receiver.ids()[1] == entry["event_id"]
        other = db.api.tenant()
        assert other.integration.post(path).status_code == 404

    def test_a_disabled_subscription_gets_nothing_and_resumes_with_new_events(
        self, db: Committed, receiver: Receiver, allow_private: None
    ) -> None:
        tenant = db.api.tenant()
        subscription = subscribe(
            tenant.integration, receiver.url, event_types=["placement.updated"]
        )
        path = f"/v1/webhook-subscriptions/{subscription['id']}"
        tenant.integration.patch(path, json={"status": "disabled"}, headers={"If-Match": "*"})
        case = recent_case(db, tenant)
        a_change(tenant, case)
        db.run()
        tenant.integration.patch(path, json={"status": "enabled"}, headers={"If-Match": "*"})
        db.run()
        assert receiver.received == []
        response = tenant.integration.patch(
            f"/v1/placements/{case.placement['id']}",
            json={"legal_basis": "care_order", "care_order_date": case.placement["start_date"]},
            headers={"If-Match": "*"},
        )
        assert response.status_code == 200
        db.run_until(lambda: len(receiver.received) == 1)
        assert receiver.received[0].event["type"] == "placement.updated"


def datetime_of(value: str) -> datetime:
    return datetime.fromisoformat(value)


def test_the_worker_settings_are_short_in_tests(db: Committed) -> None:
    assert db.settings.webhook_timeout_seconds < 1
    assert get_settings().webhook_allow_private is False  # the default stays strict
