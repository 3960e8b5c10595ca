"""Slow-drip receivers (security review 2026-12, finding 3): every attempt has a total deadline
shorter than the lease, so a receiver that trickles its answer costs one attempt its deadline,
two workers never POST one attempt twice, and a worker whose lease was taken over cannot change
what the delivery records.

Timings here are margins, never races: the receiver trickles for many times the deadline, and
the assertions allow the deadline plus seconds."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.clock import today
from app.config import Settings
from app.db import make_engine, utcnow
from app.webhooks import urls
from app.webhooks.delivery import Outcome, post
from app.webhooks.fanout import fan_out
from app.webhooks.models import WebhookDelivery
from app.webhooks.sending import SCHEDULE, claim, record
from app.worker import run_once
from tests.helpers import Tenant, make_case
from tests.webhooks.conftest import Committed, Receiver, Trickler, deliveries, subscribe

ROOT = Path(__file__).resolve().parents[2]
DEADLINE = 1.0
LEASE = 4.0
# Far more than any scheduling hiccup, far less than the trickle (30 lines x 0.3 s = 9 s).
MARGIN = 2.0


@pytest.fixture
def tight(db: Committed) -> Settings:
    """The test database's worker settings with a 1 s deadline and a 4 s lease."""
    return db.settings.model_copy(
        update={
            "webhook_attempt_deadline_seconds": DEADLINE,
            "webhook_lease_seconds": LEASE,
        }
    )


def one_change(db: Committed, tenant: Tenant) -> None:
    """A case, then one change to it: one ``placement.updated`` event."""
    case = make_case(db.api, tenant, start_date=(today() - timedelta(days=3)).isoformat())
    response = tenant.integration.patch(
        f"/v1/placements/{case.placement['id']}",
        json={"legal_basis": "voluntary"},
        headers={"If-Match": "*"},
    )
    assert response.status_code == 200, response.text


def seconds_between(later: str, earlier: str) -> float:
    return (datetime.fromisoformat(later) - datetime.fromisoformat(earlier)).total_seconds()


class TestAnAttemptHasATotalDeadline:
    def test_a_trickling_receiver_is_cut_off_at_the_deadline_and_retried_with_backoff(
        self, db: Committed, tight: Settings, trickler: Trickler, allow_private: None
    ) -> None:
        tenant = db.api.tenant()
        subscription = subscribe(
            tenant.integration, trickler.url, event_types=["placement.updated"]
        )
        one_change(db, tenant)
        start = utcnow()
        db.run_until(lambda: bool(trickler.drips), now=start, settings=tight, seconds=60)
        [drip] = trickler.all_ended()
        assert drip.ended is not None
        took = drip.ended - drip.arrived
        assert drip.hung_up, f"the worker waited out the whole trickle ({took:.1f} s)"
        assert took < DEADLINE + MARGIN
        [entry] = deliveries(tenant.integration, subscription["id"])
        assert (entry["status"], entry["last_error"]) == ("pending", "deadline_exceeded")
        [attempt] = entry["attempts"]
        assert (attempt["status_code"], attempt["error"]) == (None, "deadline_exceeded")
        assert attempt["duration_ms"] < (DEADLINE + MARGIN) * 1000
        # The normal backoff: the next attempt five seconds later (plus jitter), not at once.
        wait = seconds_between(entry["next_attempt_at"], attempt["attempted_at"])
        assert SCHEDULE[1] <= wait <= SCHEDULE[1] * 1.1 + 0.01
        run_once(db.engine, tight, now=start)
        assert len(trickler.drips) == 1
        trickler.trickle = False  # the receiver is fixed
        run_once(db.engine, tight, now=start + timedelta(seconds=6))
        [entry] = deliveries(tenant.integration, subscription["id"])
        assert entry["status"] == "succeeded"
        assert [a["error"] for a in entry["attempts"]] == ["deadline_exceeded", None]
        assert trickler.ids() == [entry["event_id"]] * 2

    def test_a_stalling_dns_lookup_counts_against_the_deadline(
        self,
        db: Committed,
        tight: Settings,
        receiver: Receiver,
        allow_private: None,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """A receiver's own name server can stall the lookup; it is part of the attempt."""
        monkeypatch.setattr(urls, "resolve", lambda host, port: ["127.0.0.1"])
        tenant = db.api.tenant()
        subscription = subscribe(
            tenant.integration,
            f"http://hooks.example.test:{receiver.port}/hooks",
            event_types=["placement.updated"],
        )
        released = threading.Event()

        def stalling(host: str, port: int) -> list[str]:
            released.wait(15)
            return ["127.0.0.1"]

        monkeypatch.setattr(urls, "resolve", stalling)

        def attempted() -> bool:
            log = deliveries(tenant.integration, subscription["id"])
            return bool(log and log[0]["attempts"])

        one_change(db, tenant)
        try:
            db.run_until(attempted, settings=tight, seconds=60)
        finally:
            released.set()
        [entry] = deliveries(tenant.integration, subscription["id"])
        [attempt] = entry["attempts"]
        assert attempt["duration_ms"] < (DEADLINE + MARGIN) * 1000
        assert attempt["error"] == "deadline_exceeded"
        assert receiver.received == []  # no request is sent once the deadline has passed

    def test_a_tls_handshake_that_never_completes_ends_at_the_deadline(self) -> None:
        """The handshake is part of the attempt too: here the step's own (connect) timeout is
        five times the deadline, and the deadline ends it."""
        settings = Settings(
            webhook_allow_private=True,
            webhook_connect_timeout_seconds=5,
            webhook_timeout_seconds=5,
            webhook_attempt_deadline_seconds=DEADLINE,
            webhook_lease_seconds=LEASE,
        )
        silent = socket.create_server(("127.0.0.1", 0))  # accepts (backlog), never says a word
        try:
            port = silent.getsockname()[1]
            outcome = post(
                f"https://127.0.0.1:{port}/hooks", body=b"{}", headers={}, settings=settings
            )
        finally:
            silent.close()
        assert (outcome.status_code, outcome.error) == (None, "deadline_exceeded")
        assert outcome.duration_ms < (DEADLINE + MARGIN) * 1000


class TestOnePostPerAttempt:
    def test_two_workers_post_a_trickled_attempt_once(
        self, db: Committed, tight: Settings, trickler: Trickler, allow_private: None
    ) -> None:
        """The review's run, scaled down: the receiver trickles for longer than the lease, and a
        second worker polls all the while. It must not claim the attempt still in flight."""
        tenant = db.api.tenant()
        subscription = subscribe(
            tenant.integration, trickler.url, event_types=["placement.updated"]
        )
        one_change(db, tenant)
        engines = [db.engine, make_engine(db.url)]
        stop = threading.Event()
        errors: list[BaseException] = []

        def work(engine: Engine) -> None:
            try:
                while not stop.is_set():
                    run_once(engine, tight, notices=False, stop=stop)
                    stop.wait(0.05)
            except BaseException as error:
                errors.append(error)

        threads = [threading.Thread(target=work, args=(e,)) for e in engines]
        for thread in threads:
            thread.start()
        try:
            assert trickler.arrived.wait(60), "no worker called the receiver"
            # Past the first attempt's lease: the other worker has polled it for a while.
            stop.wait(LEASE + 1.5)
        finally:
            stop.set()
            for thread in threads:
                thread.join(60)
            engines[1].dispose()
        assert errors == []
        drips = trickler.all_ended()
        [entry] = deliveries(tenant.integration, subscription["id"])
        assert trickler.most_at_once(entry["event_id"]) == 1, "two POSTs of one attempt at once"
        assert len(drips) == len(entry["attempts"]) == entry["attempt_count"]
        assert {a["error"] for a in entry["attempts"]} == {"deadline_exceeded"}


class TestTheFencingToken:
    def _the_delivery(self, db: Committed, tenant: Tenant) -> uuid.UUID:
        with Session(db.engine) as session:
            deadline = time.monotonic() + 60
            while True:
                fan_out(session, now=utcnow())
                session.commit()
                found = session.scalars(
                    select(WebhookDelivery.id).where(
                        WebhookDelivery.service_id == uuid.UUID(tenant.service_id)
                    )
                ).all()
                if found:
                    return found[0]
                assert time.monotonic() < deadline, "the fan-out did not get there in time"
                time.sleep(0.1)

    def test_a_worker_whose_lease_was_taken_over_cannot_change_the_delivery(
        self, db: Committed, tight: Settings, receiver: Receiver, allow_private: None
    ) -> None:
        tenant = db.api.tenant()
        subscription = subscribe(
            tenant.integration, receiver.url, event_types=["placement.updated"]
        )
        one_change(db, tenant)
        delivery_id = self._the_delivery(db, tenant)
        lease = timedelta(seconds=tight.webhook_lease_seconds)
        first_at = utcnow()
        with Session(db.engine) as session:
            first = claim(session, now=first_at, lease=lease)
        later = first_at + lease + timedelta(seconds=1)
        with Session(db.engine) as session:
            nothing = claim(session, now=first_at + lease / 2, lease=lease)
            second = claim(session, now=later, lease=lease)  # the first lease has run out
        assert nothing is None
        assert first is not None
        assert second is not None
        assert first.delivery_id == second.delivery_id == delivery_id
        assert first.token != second.token

        # The first worker comes back late with a success: its POST is in the log, but it no
        # longer decides anything: the delivery stays the second worker's.
        with Session(db.engine) as session:
            record(session, first, Outcome(200, None, 90_000), now=later)
        [entry] = deliveries(tenant.integration, subscription["id"])
        assert (entry["status"], entry["attempt_count"], entry["delivered_at"]) == (
            "pending",
            0,
            None,
        )
        assert [a["status_code"] for a in entry["attempts"]] == [200]
        with Session(db.engine) as session:
            row = session.get_one(WebhookDelivery, delivery_id)
            assert row.lease_token == second.token
            assert row.lease_until == later + lease

        # The second worker's own result is recorded as usual.
        with Session(db.engine) as session:
            record(session, second, Outcome(None, "deadline_exceeded", 1000), now=later)
        [entry] = deliveries(tenant.integration, subscription["id"])
        assert (entry["status"], entry["attempt_count"], entry["last_error"]) == (
            "pending",
            1,
            "deadline_exceeded",
        )
        assert entry["next_attempt_at"] is not None
        with Session(db.engine) as session:
            row = session.get_one(WebhookDelivery, delivery_id)
            assert (row.lease_token, row.lease_until) == (None, None)

        # Even later, the first worker's result still counts for nothing.
        with Session(db.engine) as session:
            record(session, first, Outcome(204, None, 90_000), now=later)
        [entry] = deliveries(tenant.integration, subscription["id"])
        assert (entry["status"], entry["attempt_count"]) == ("pending", 1)
        assert receiver.received == []  # claims and records only: nothing was sent here


class TestTheSettings:
    def test_the_deadline_must_be_shorter_than_the_lease(self) -> None:
        with pytest.raises(ValidationError, match="must be shorter than"):
            Settings(webhook_attempt_deadline_seconds=65, webhook_lease_seconds=65)
        Settings(webhook_attempt_deadline_seconds=64, webhook_lease_seconds=65)

    def test_the_default_deadline_is_well_inside_the_default_lease(self) -> None:
        settings = Settings()
        assert settings.webhook_attempt_deadline_seconds == 30
        assert settings.webhook_lease_seconds - settings.webhook_attempt_deadline_seconds >= 30

    def test_the_worker_refuses_to_start_with_a_deadline_beyond_the_lease(
        self, db: Committed
    ) -> None:
        done = subprocess.run(
            [sys.executable, "-m", "app.cli", "worker", "--once"],
            env={
                **os.environ,
                "PYTHONPATH": str(ROOT),
                "FOSTERFLYT_DATABASE_URL": db.url,
                "FOSTERFLYT_WEBHOOK_ATTEMPT_DEADLINE_SECONDS": "90",
                "FOSTERFLYT_WEBHOOK_LEASE_SECONDS": "60",
            },
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode != 0
        assert "FOSTERFLYT_WEBHOOK_ATTEMPT_DEADLINE_SECONDS" in done.stderr
        assert "must be shorter than" in done.stderr
        assert done.stdout == ""
