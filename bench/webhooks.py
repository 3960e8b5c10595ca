"""Webhook isolation: a healthy subscription's delivery delay beside hanging receivers.

The real worker (``fosterflyt worker``, shipped settings: 10 s read timeout, 16 deliveries in
flight, 2 per subscription, a 1 s poll) runs pinned to CPU 0 against the bench database. This
process, on CPU 1, runs the receivers on loopback and commits four events a second for each of six
services of their own: one whose receiver answers 204 at once, five whose receivers hang for a
minute (each attempt costs the worker its whole timeout). The delay of a healthy delivery is the
time from its event's commit to the receiver getting the request: the worker's poll, the
fan-out, the claim and the POST. The floor is the same run with no hanging receivers, measured
just before. Target (issue #18 item 1): p99 under 2 s beside five hanging subscriptions.

    .venv/bin/python bench/webhooks.py [--db sqlite|postgresql] [--seconds 30]

(``bench/run.py`` also runs it, on the loaded database, after document filling.)
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, delete, select, text  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

import app.models  # noqa: E402, F401  (every event type registered)
from app.db import make_engine  # noqa: E402
from app.events.models import Event  # noqa: E402
from app.events.service import emit  # noqa: E402
from app.services.models import Service  # noqa: E402
from app.tasks.models import TaskEvent  # noqa: E402
from app.webhooks import signing  # noqa: E402
from app.webhooks.fanout import start_cursor  # noqa: E402
from app.webhooks.models import (  # noqa: E402
    SubscriptionStatus,
    WebhookHealth,
    WebhookSubscription,
)
from bench.server import DRIVER_CPU, SERVER_CPU  # noqa: E402

HANGING = 5
RATE = 4  # events a second for each service
HANG_SECONDS = 60.0
TARGET_P99_MS = 2000.0


class _Endpoint:
    """A receiver on loopback: notes when each ``webhook-id`` arrived, then waits ``hang``."""

    def __init__(self, hang: float) -> None:
        self.hang = hang
        self.arrived: dict[str, float] = {}
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                now = time.time()
                self.rfile.read(int(self.headers.get("content-length", "0")))
                endpoint.arrived.setdefault(self.headers.get("webhook-id", ""), now)
                if endpoint.hang:
                    time.sleep(endpoint.hang)
                self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hooks"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@dataclass
class Delays:
    """One measurement: each healthy delivery's delay in ms, and what else happened."""

    hanging: int
    seconds: float
    delays_ms: list[float] = field(default_factory=list)
    missing: int = 0  # healthy events that never arrived
    hanging_requests: int = 0  # requests the hanging receivers got
    hanging_events: int = 0  # events committed for the hanging subscriptions
    # PostgreSQL: the oldest transaction of another database seen during the run, in seconds.
    # The fan-out takes only events below the server's snapshot horizon, which such a
    # transaction holds back too (a shared server: other databases' long transactions).
    horizon_held_s: float = 0.0

    def percentile(self, q: float) -> float:
        ordered = sorted(self.delays_ms)
        return ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))] if ordered else 0.0


def _worker(url: str) -> subprocess.Popen[bytes]:
    taskset = shutil.which("taskset")
    prefix = [taskset, "-c", str(SERVER_CPU)] if taskset else []
    env = {
        **os.environ,
        "FOSTERFLYT_DATABASE_URL": url,
        "FOSTERFLYT_WEBHOOK_ALLOW_PRIVATE": "true",  # loopback receivers
        "FOSTERFLYT_LOG_LEVEL": "WARNING",
    }
    process = subprocess.Popen(  # noqa: S603  (fixed arguments, no shell)
        [*prefix, sys.executable, "-m", "app.cli", "worker"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert process.stderr is not None
    line = process.stderr.readline().decode()
    if "worker running" not in line:
        process.kill()
        raise RuntimeError(f"the worker did not start: {line}")
    return process


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(20)  # the attempts in flight end within their timeout first
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)
    if process.stderr is not None:
        process.stderr.close()


def _horizon_held(engine: Engine) -> float:
    """The age of the oldest running transaction of another database that has a transaction
    id: the server's snapshots count it as running, so the fan-out waits for it (PostgreSQL;
    0 on SQLite)."""
    if engine.dialect.name != "postgresql":
        return 0.0
    with engine.connect() as connection:
        age = connection.execute(
            text(
                "SELECT coalesce(max(extract(epoch FROM now() - xact_start)), 0) "
                "FROM pg_stat_activity WHERE datname IS DISTINCT FROM current_database() "
                "AND backend_xid IS NOT NULL"
            )
        ).scalar_one()
    return float(age)


def measure(url: str, *, hanging: int, seconds: float) -> Delays:
    """Commit ``RATE`` events a second for ``seconds`` to a healthy subscription and to
    ``hanging`` hanging ones, with the worker running; the healthy deliveries' delays."""
    engine = make_engine(url)
    rng = random.Random(18)  # noqa: S311  (org numbers of throwaway services)
    healthy = _Endpoint(0)
    stuck = [_Endpoint(HANG_SECONDS) for _ in range(hanging)]
    services: list[uuid.UUID] = []
    with Session(engine) as session:
        for endpoint in [healthy, *stuck]:
            service = Service(
                name="Bench webhooks",
                org_number=str(rng.randrange(900_000_000, 999_999_999)),
                municipality_numbers=["0301"],
            )
            session.add(service)
            session.flush()
            subscription = WebhookSubscription(
                service_id=service.id,
                url=endpoint.url,
                description=None,
                event_types=[],
                status=SubscriptionStatus.ENABLED,
                secret=signing.new_secret(),
                created_by="bench",
            )
            session.add(subscription)
            session.flush()
            session.add(WebhookHealth(subscription_id=subscription.id, failure_streak=0))
            start_cursor(session, subscription)
            services.append(service.id)
        session.commit()
    result = Delays(hanging=hanging, seconds=seconds)
    committed: dict[str, float] = {}
    worker = _worker(url)
    try:
        started = time.monotonic()
        tick = 0
        while time.monotonic() - started < seconds:
            if tick % RATE == 0:
                result.horizon_held_s = max(result.horizon_held_s, _horizon_held(engine))
            for number, service_id in enumerate(services):
                subject = uuid.uuid4()
                with Session(engine) as session:
                    emit(
                        session,
                        service_id=service_id,
                        type=TaskEvent.COMPLETED,
                        subject_id=subject,
                        # The event type's declared data (app/events/data.py checks it).
                        data={
                            "workflow_id": str(uuid.uuid4()),
                            "step_key": "besok",
                            "outcome": None,
                        },
                    )
                    session.flush()
                    event_id = str(
                        session.scalar(select(Event.id).where(Event.subject_id == subject))
                    )
                    session.commit()
                if number == 0:
                    committed[event_id] = time.time()
                else:
                    result.hanging_events += 1
            tick += 1
            pause = started + tick / RATE - time.monotonic()
            if pause > 0:
                time.sleep(pause)
        waiting_until = time.monotonic() + 15
        while len(healthy.arrived) < len(committed) and time.monotonic() < waiting_until:
            time.sleep(0.05)
    finally:
        _stop(worker)
        for endpoint in [healthy, *stuck]:
            endpoint.close()
        with Session(engine) as session:  # leave the bench database as it was
            session.execute(
                delete(WebhookSubscription).where(WebhookSubscription.service_id.in_(services))
            )
            session.execute(delete(Event).where(Event.service_id.in_(services)))
            session.execute(delete(Service).where(Service.id.in_(services)))
            session.commit()
        engine.dispose()
    for event_id, at in committed.items():
        if event_id in healthy.arrived:
            result.delays_ms.append((healthy.arrived[event_id] - at) * 1000)
        else:
            result.missing += 1
    result.hanging_requests = sum(len(e.arrived) for e in stuck)
    return result


def rows(url: str, kind: str, seconds: float) -> list[dict[str, Any]]:
    """The floor (no hanging receivers) and the isolation measurement, as bench rows."""
    out: list[dict[str, Any]] = []
    floor = measure(url, hanging=0, seconds=seconds)
    beside = measure(url, hanging=HANGING, seconds=seconds)
    for key, title, measured in (
        ("webhook_floor", "floor: webhook delay, no hanging receivers", floor),
        ("webhook_isolation", f"webhook delay beside {HANGING} hanging receivers", beside),
    ):
        row: dict[str, Any] = {
            "key": key,
            "title": title,
            "db": kind,
            "p50_ms": measured.percentile(50),
            "p99_ms": measured.percentile(99),
            "max_ms": max(measured.delays_ms, default=0.0),
            "count": len(measured.delays_ms),
            "unit": "deliveries",
            "missing": measured.missing,
            "hanging_events": measured.hanging_events,
            "hanging_requests": measured.hanging_requests,
            "horizon_held_s": measured.horizon_held_s,
        }
        if measured.missing:
            row["failed"] = f"{measured.missing} healthy deliveries never arrived"
        out.append(row)
    if floor.delays_ms and beside.delays_ms:
        out[1].update(
            floor="webhook_floor",
            ratio=out[1]["p99_ms"] / out[0]["p99_ms"],
            ratio_kind="time",
        )
    return out


def describe(row: dict[str, Any]) -> str:
    return (
        f"  {row['title']}: p50 {row['p50_ms']:.0f} ms, p99 {row['p99_ms']:.0f} ms, max "
        f"{row['max_ms']:.0f} ms over {row['count']} deliveries; hanging receivers got "
        f"{row['hanging_requests']} requests for {row['hanging_events']} events; other "
        f"databases' transactions held the snapshot horizon for up to "
        f"{row['horizon_held_s']:.0f} s"
    )


def main(argv: list[str] | None = None) -> int:
    from bench.database import BenchDatabase
    from bench.driver import pin_to

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["postgresql", "sqlite"], default="postgresql")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument(
        "--pg-url",
        default=os.environ.get(
            "FOSTERFLYT_BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
        ),
    )
    parser.add_argument("--pg-name", default="fosterflyt_bench_webhooks")
    args = parser.parse_args(argv)
    pin_to(DRIVER_CPU)
    db = (
        BenchDatabase.postgresql(args.pg_url, args.pg_name)
        if args.db == "postgresql"
        else BenchDatabase.sqlite()
    )
    db.create()
    try:
        measured = rows(db.sqlalchemy_url, args.db, args.seconds)
    finally:
        db.drop()
    for row in measured:
        print(describe(row))
    beside = measured[1]
    ok = not beside.get("failed") and beside["p99_ms"] < TARGET_P99_MS
    print(
        f"target: p99 < {TARGET_P99_MS:.0f} ms beside {HANGING} hanging: {'PASS' if ok else 'FAIL'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
