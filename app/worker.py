"""The application's worker: what is due in the background, in short transactions.

Each round raises the due-soon and overdue events of tasks (:mod:`app.tasks.notices`), fans new
events out into webhook deliveries (:mod:`app.webhooks.fanout`) and delivers what is due
(:mod:`app.webhooks.sending`). It runs as ``fosterflyt worker`` or, with the embedded SQLite
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
from app.webhooks.fanout import fan_out
from app.webhooks.sending import deliver_one

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
    """Do what is due now: raise notices, fan out, deliver until nothing is due."""
    sessions = engine if isinstance(engine, sessionmaker) else sessionmaker(engine)
    report = Report()
    if notices:
        with sessions() as session:
            report.notices = raise_due_notices(
                session, on=today(), days_ahead=settings.due_soon_days
            )
            session.commit()
    with sessions() as session:
        report.fanned_out = fan_out(session, now=now or utcnow())
        session.commit()
    for _ in range(max_deliveries):
        if stop is not None and stop.is_set():
            break
        result = deliver_one(sessions, settings, now=now)
        if result is None:
            break
        if result:
            report.delivered += 1
        else:
            report.failed += 1
    return report


NOTICE_INTERVAL_SECONDS = 60


def run_forever(engine: Engine, settings: Settings, stop: threading.Event) -> None:
    """Poll until ``stop`` is set; an attempt in flight finishes first (within its deadline)."""
    last_notices = float("-inf")
    while not stop.is_set():
        due = monotonic() - last_notices >= NOTICE_INTERVAL_SECONDS
        try:
            run_once(engine, settings, notices=due, stop=stop)
            if due:
                last_notices = monotonic()
        except Exception as error:  # the database may be restarting: log, wait, go on
            log.error("worker round failed", extra={"error_type": type(error).__name__})
        stop.wait(settings.worker_poll_seconds)


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
