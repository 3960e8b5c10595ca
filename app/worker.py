"""The application's worker: what is due in the background, in short transactions.

Each round raises the due-soon and overdue events of tasks (:mod:`app.tasks.notices`) and fans
new events out into webhook deliveries (:mod:`app.webhooks.fanout`); deliveries are sent several
at once, each receiver within its own share (:mod:`app.webhooks.dispatch`), while the rounds go
on. It runs as ``fosterflyt worker`` or, with the embedded SQLite
database, as a thread of the API process (:class:`InProcessWorker`).

Tests call :func:`run_once` with an engine and a ``now`` of their choosing.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from datetime import datetime
from time import monotonic

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.clock import today
from app.config import Settings
from app.db import utcnow
from app.tasks.notices import raise_due_notices
from app.webhooks.dispatch import Dispatcher
from app.webhooks.fanout import fan_out

log = logging.getLogger("app.worker")


@dataclass
class Report:
    notices: int = 0
    fanned_out: int = 0
    delivered: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def run_once(
    engine: Engine | sessionmaker[Session],
    settings: Settings,
    *,
    now: datetime | None = None,
    notices: bool = True,
    stop: threading.Event | None = None,
    max_deliveries: int = 10_000,
) -> Report:
    """Do what is due now: raise notices, fan out, deliver (several at once) until nothing is
    due and nothing is in flight."""
    sessions = engine if isinstance(engine, sessionmaker) else sessionmaker(engine)
    report = Report()
    if notices:
        _raise_notices(sessions, settings, report)
    _fan_out(sessions, report, now=now)
    dispatcher = Dispatcher(sessions, settings)
    started = 0
    try:
        while stop is None or not stop.is_set():
            started += dispatcher.fill(now=now, most=max_deliveries - started)
            if not dispatcher.in_flight:
                break
            dispatcher.wait(None)
    finally:
        dispatcher.close()
    report.delivered, report.failed = dispatcher.delivered, dispatcher.failed
    report.errors += dispatcher.errors
    return report


def _raise_notices(sessions: sessionmaker[Session], settings: Settings, report: Report) -> None:
    with sessions() as session:
        report.notices += raise_due_notices(session, on=today(), days_ahead=settings.due_soon_days)
        session.commit()


def _fan_out(sessions: sessionmaker[Session], report: Report, *, now: datetime | None) -> None:
    with sessions() as session:
        report.fanned_out += fan_out(session, now=now or utcnow())
        session.commit()


NOTICE_INTERVAL_SECONDS = 60


def run_forever(engine: Engine, settings: Settings, stop: threading.Event) -> None:
    """Until ``stop`` is set: every ``worker_poll_seconds`` raise notices (every minute) and fan
    out; between rounds keep the delivery slots full, claiming the next delivery as soon as an
    attempt ends. Attempts in flight finish (within their deadline) before it returns."""
    sessions = sessionmaker(engine)
    dispatcher = Dispatcher(sessions, settings)
    last_notices = float("-inf")
    next_round = float("-inf")
    try:
        while not stop.is_set():
            if monotonic() >= next_round:
                due = monotonic() - last_notices >= NOTICE_INTERVAL_SECONDS
                try:
                    if due:
                        _raise_notices(sessions, settings, Report())
                        last_notices = monotonic()
                    _fan_out(sessions, Report(), now=None)
                except Exception as error:  # the database may be restarting: log, go on
                    log.error("worker round failed", extra={"error_type": type(error).__name__})
                next_round = monotonic() + settings.worker_poll_seconds
            try:
                dispatcher.fill()
            except Exception as error:
                log.error("worker round failed", extra={"error_type": type(error).__name__})
            left = max(next_round - monotonic(), 0.0)
            if dispatcher.in_flight:
                dispatcher.wait(left)
            else:
                stop.wait(left)
    finally:
        dispatcher.close()


class InProcessWorker:
    """The worker as a background thread of the API process (the embedded SQLite setup)."""

    def __init__(self, engine: Engine, settings: Settings) -> None:
        self.stop = threading.Event()
        self.thread = threading.Thread(
            target=run_forever,
            args=(engine, settings, self.stop),
            name="fosterflyt-worker",
            daemon=True,
        )

    def start(self) -> None:
        self.thread.start()

    def close(self, timeout: float = 30) -> None:
        self.stop.set()
        self.thread.join(timeout)
