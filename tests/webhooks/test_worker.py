"""The worker under stress: killed mid-delivery, two at once, raising due-soon and overdue once,
and not skipping an event that a slow transaction commits late."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.clock import today
from app.config import Settings
from app.db import make_engine, utcnow
from app.events.models import Event
from app.events.service import current_tx_id, emit
from app.main import create_app
from app.tasks.models import TaskEvent
from app.tasks.notices import raise_due_notices
from app.webhooks.fanout import fan_out
from app.webhooks.models import WebhookDelivery
from app.worker import run_once
from tests.helpers import Case, Tenant, make_case
from tests.webhooks.conftest import Committed, Receiver, deliveries, subscribe

ROOT = Path(__file__).resolve().parents[2]

# The data a task event carries (emit checks it against the type's published shape).
SKIPPED = {"workflow_id": "5f0c2a8e-3b1d-4c6e-9a7f-2d4b8e1c0a93", "step_key": "besok"}
DONE = {**SKIPPED, "outcome": None}


def recent_case(db: Committed, tenant: Tenant, days_ago: int = 3) -> Case:
    return make_case(db.api, tenant, start_date=(today() - timedelta(days=days_ago)).isoformat())


def a_change(tenant: Tenant, case: Case, basis: str = "voluntary") -> None:
    response = tenant.integration.patch(
        f"/v1/placements/{case.placement['id']}",
        json={"legal_basis": basis},
        headers={"If-Match": "*"},
    )
    assert response.status_code == 200, response.text


def postgres(db: Committed) -> bool:
    return db.engine.dialect.name == "postgresql"


class TestAWorkerKilledMidDelivery:
    def test_the_delivery_is_made_later_by_another_worker(
        self, db: Committed, receiver: Receiver, allow_private: None
    ) -> None:
        receiver.hang = 60  # the receiver keeps the first attempt waiting
        tenant = db.api.tenant()
        subscription = subscribe(
            tenant.integration, receiver.url, event_types=["placement.updated"]
        )
        a_change(tenant, recent_case(db, tenant))
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "FOSTERFLYT_DATABASE_URL": db.url,
            "FOSTERFLYT_WEBHOOK_ALLOW_PRIVATE": "true",
            "FOSTERFLYT_WEBHOOK_TIMEOUT_SECONDS": "30",
            "FOSTERFLYT_WORKER_POLL_SECONDS": "0.2",
        }
        worker = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "worker"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            assert receiver.arrived.wait(60), "the worker never called the receiver"
            worker.send_signal(signal.SIGKILL)
            worker.wait(10)
        finally:
            if worker.poll() is None:
                worker.kill()
        [entry] = deliveries(tenant.integration, subscription["id"])
        assert entry["status"] == "pending"  # claimed, never answered, nothing recorded
        assert entry["attempts"] == []
        receiver.hang = 0
        db.run()  # the dead worker's lease has not expired: nobody attempts it yet
        assert len(receiver.received) == 1
        lease = Settings().webhook_lease_seconds  # the killed worker's (the default)
        db.run(now=utcnow() + timedelta(seconds=lease + 1))
        [entry] = deliveries(tenant.integration, subscription["id"])
        assert entry["status"] == "succeeded"
        assert len(receiver.received) == 2
        assert receiver.ids()[0] == receiver.ids()[1]  # the same webhook-id: receivers dedupe
        receiver.verify_all(subscription["secret"])


class TestTwoWorkersAtOnce:
    def test_no_event_is_delivered_twice(
        self, db: Committed, receiver: Receiver, allow_private: None
    ) -> None:
        receiver.hang = 0.02  # long enough for the workers to interleave
        tenant = db.api.tenant()
        subscription = subscribe(tenant.integration, receiver.url, event_types=["task.created"])
        recent_case(db, tenant)
        with Session(db.engine) as session:  # fan out first, so both find work waiting

            def fanned() -> int:
                fan_out(session, now=utcnow())
                session.commit()
                return len(session.scalars(select(WebhookDelivery.id)).all())

            deadline = time.monotonic() + 30
            while fanned() < 10:
                assert time.monotonic() < deadline
                time.sleep(0.1)
            expected = len(session.scalars(select(WebhookDelivery.id)).all())
        engines = [db.engine, _fresh_engine(db)]
        # The fixture's 0.5 s timeouts are for receivers that never answer; here a busy machine
        # must not turn a slow 204 into a failed attempt (and so a delivery left pending).
        patient = db.settings.model_copy(
            update={"webhook_timeout_seconds": 10, "webhook_connect_timeout_seconds": 10}
        )
        start = threading.Barrier(2)
        errors: list[BaseException] = []

        def work(engine: Any) -> None:
            try:
                start.wait()
                run_once(engine, patient, notices=False)
            except BaseException as error:
                errors.append(error)

        threads = [threading.Thread(target=work, args=(e,)) for e in engines]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        engines[1].dispose()
        assert errors == []
        counts = Counter(receiver.ids())
        assert len(counts) == expected
        assert set(counts.values()) == {1}, counts.most_common(3)
        log = deliveries(tenant.integration, subscription["id"])
        assert {d["status"] for d in log} == {"succeeded"}, [d["last_error"] for d in log]
        assert all(d["attempt_count"] == 1 for d in log)


def _fresh_engine(db: Committed) -> Engine:
    return make_engine(db.url)


def notices_of(db: Committed, tenant: Tenant) -> Counter[tuple[str, str, str]]:
    """The service's due-soon and overdue events, read from the outbox (committed rows; the
    feed may hold them back a while on a busy PostgreSQL server)."""
    with Session(db.engine) as session:
        rows = session.scalars(
            select(Event).where(
                Event.service_id == uuid.UUID(tenant.service_id),
                Event.type.in_(["task.due_soon", "task.overdue"]),
            )
        ).all()
        return Counter((e.type, str(e.subject_id), e.data["due_date"]) for e in rows)


def open_tasks(tenant: Tenant, case: Case) -> list[dict[str, Any]]:
    response = tenant.integration.get(
        "/v1/tasks",
        params={"placement_id": case.placement["id"], "status": "open", "limit": 100},
    )
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


class TestDueSoonAndOverdue:
    def test_each_is_raised_once_for_the_open_tasks_in_the_window(self, db: Committed) -> None:
        tenant = db.api.tenant()
        case = recent_case(db, tenant, days_ago=20)
        days = 30
        settings = db.settings.model_copy(update={"due_soon_days": days})
        horizon = (today() + timedelta(days=days)).isoformat()
        tasks = open_tasks(tenant, case)
        expected = {
            ("task.overdue" if t["due_date"] < today().isoformat() else "task.due_soon", t["id"])
            for t in tasks
            if t["due_date"] <= horizon
        }
        assert {kind for kind, _ in expected} == {"task.overdue", "task.due_soon"}
        run_once(db.engine, settings)
        run_once(db.engine, settings)  # a second run raises nothing new
        raised = notices_of(db, tenant)
        assert {(kind, task) for kind, task, _ in raised} == expected
        assert set(raised.values()) == {1}

    def test_two_workers_at_once_raise_each_once(self, db: Committed) -> None:
        tenant = db.api.tenant()
        recent_case(db, tenant, days_ago=20)
        start = threading.Barrier(2)
        errors: list[BaseException] = []

        def work() -> None:
            try:
                with Session(db.engine) as session:
                    start.wait()
                    raise_due_notices(session, on=today(), days_ahead=30)
                    session.commit()
            except BaseException as error:
                errors.append(error)

        threads = [threading.Thread(target=work) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert errors == []
        raised = notices_of(db, tenant)
        assert {kind for kind, _, _ in raised} == {"task.overdue", "task.due_soon"}
        assert set(raised.values()) == {1}

    def test_a_task_moved_to_a_new_date_is_announced_again_a_closed_one_never(
        self, db: Committed
    ) -> None:
        tenant = db.api.tenant()
        case = recent_case(db, tenant, days_ago=20)
        db.run()
        overdue = [t for t in open_tasks(tenant, case) if t["due_date"] < today().isoformat()]
        moved, skipped = overdue[0], overdue[1]
        new_date = (today() + timedelta(days=2)).isoformat()
        response = tenant.integration.patch(
            f"/v1/tasks/{moved['id']}", json={"due_date": new_date}, headers={"If-Match": "*"}
        )
        assert response.status_code == 200, response.text
        response = tenant.integration.post(
            f"/v1/tasks/{skipped['id']}/skip", json={"reason": "Ikke aktuelt."}
        )
        assert response.status_code == 200, response.text
        before = notices_of(db, tenant)
        db.run()
        after = notices_of(db, tenant)
        assert after - before == Counter({("task.due_soon", moved["id"], new_date): 1})


class TestTheFanOutSkipsNothing:
    def test_an_event_a_slow_transaction_commits_late_is_still_delivered(
        self, db: Committed, receiver: Receiver, allow_private: None
    ) -> None:
        if not postgres(db):
            pytest.skip("PostgreSQL only: SQLite serialises writers, so events commit in order")
        tenant = db.api.tenant()
        subscription = subscribe(tenant.integration, receiver.url)
        service_id = uuid.UUID(tenant.service_id)
        slow, fast = Session(db.engine), Session(db.engine)
        try:
            # The slow transaction takes its id first but writes its event last.
            emit(
                slow,
                service_id=service_id,
                type=TaskEvent.COMPLETED,
                subject_id=uuid.uuid4(),
                data=DONE,
            )
            slow.flush()
            emit(
                fast,
                service_id=service_id,
                type=TaskEvent.SKIPPED,
                subject_id=uuid.uuid4(),
                data=SKIPPED,
            )
            fast.commit()
            db.run()
            assert receiver.received == []  # held back: 'slow' may still write before it
            slow.commit()
            db.run_until(lambda: len(receiver.received) == 2)
        finally:
            slow.close()
            fast.close()
        assert sorted(r.event["type"] for r in receiver.received) == [
            "task.completed",
            "task.skipped",
        ]
        assert len(deliveries(tenant.integration, subscription["id"])) == 2

    def test_an_event_written_early_by_a_transaction_that_commits_last_is_still_delivered(
        self, db: Committed, receiver: Receiver, allow_private: None
    ) -> None:
        """The case a position cursor gets wrong: the older transaction (smaller id) writes its
        event after the newer one, commits first, and the newer one's event (smaller position)
        commits last."""
        if not postgres(db):
            pytest.skip("PostgreSQL only: SQLite serialises writers, so events commit in order")
        tenant = db.api.tenant()
        subscribe(tenant.integration, receiver.url)
        service_id = uuid.UUID(tenant.service_id)
        older, newer = Session(db.engine), Session(db.engine)
        try:
            assert current_tx_id(older) < current_tx_id(newer)
            emit(
                newer,
                service_id=service_id,
                type=TaskEvent.SKIPPED,
                subject_id=uuid.uuid4(),
                data=SKIPPED,
            )
            newer.flush()  # the smaller position, not yet committed
            emit(
                older,
                service_id=service_id,
                type=TaskEvent.COMPLETED,
                subject_id=uuid.uuid4(),
                data=DONE,
            )
            older.commit()
            db.run_until(lambda: len(receiver.received) == 1)
            newer.commit()
            db.run_until(lambda: len(receiver.received) == 2)
        finally:
            older.close()
            newer.close()
        assert [r.event["type"] for r in receiver.received] == ["task.completed", "task.skipped"]


class TestTheCommand:
    def environment(self, db: Committed) -> dict[str, str]:
        return {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "FOSTERFLYT_DATABASE_URL": db.url,
            "FOSTERFLYT_WEBHOOK_ALLOW_PRIVATE": "true",
            "FOSTERFLYT_WORKER_POLL_SECONDS": "0.2",
        }

    def test_worker_once_does_what_is_due_and_exits(
        self, db: Committed, receiver: Receiver, allow_private: None
    ) -> None:
        tenant = db.api.tenant()
        subscribe(tenant.integration, receiver.url, event_types=["placement.updated"])
        a_change(tenant, recent_case(db, tenant))
        done = subprocess.run(
            [sys.executable, "-m", "app.cli", "worker", "--once"],
            env=self.environment(db),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        report = json.loads(done.stdout)
        assert set(report) == {"notices", "fanned_out", "delivered", "failed"}
        # On a busy PostgreSQL server the fan-out may wait for older transactions: finish here.
        db.run_until(lambda: len(receiver.received) == 1)

    def test_worker_stops_cleanly_on_sigterm(self, db: Committed) -> None:
        worker = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "worker"],
            env=self.environment(db),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert worker.stderr is not None
            assert "worker running" in worker.stderr.readline()
            worker.send_signal(signal.SIGTERM)
            assert worker.wait(15) == 0
        finally:
            if worker.poll() is None:
                worker.kill()
            worker.wait(10)
            if worker.stderr is not None:
                worker.stderr.close()


class TestTheInProcessWorker:
    def test_it_runs_with_the_apps_lifespan_and_stops_with_it(
        self, db: Committed, receiver: Receiver, allow_private: None
    ) -> None:
        assert "fosterflyt-worker" not in {t.name for t in threading.enumerate()}
        tenant = db.api.tenant()
        subscribe(tenant.integration, receiver.url, event_types=["placement.updated"])
        a_change(tenant, recent_case(db, tenant))
        settings = db.settings.model_copy(
            update={"worker_in_process": True, "worker_poll_seconds": 0.1}
        )
        app = create_app(settings, db.engine)

        async def serve() -> None:  # what uvicorn does with a lifespan: start up, shut down
            async with app.router.lifespan_context(app):
                assert "fosterflyt-worker" in {t.name for t in threading.enumerate()}
                assert receiver.arrived.wait(30)

        asyncio.run(serve())
        assert "fosterflyt-worker" not in {t.name for t in threading.enumerate()}
        assert receiver.received[0].event["type"] == "placement.updated"

    def test_it_is_on_by_default_for_sqlite_only(self, db: Committed) -> None:
        sqlite = db.settings.model_copy(update={"database_url": "sqlite:///x.db"})
        pg = db.settings.model_copy(update={"database_url": "postgresql://h/db"})
        assert sqlite.runs_worker_in_process is True
        assert pg.runs_worker_in_process is False
