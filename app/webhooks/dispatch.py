"""Deliveries in flight at once: a worker's pool of attempts, so no receiver holds up another's.

A receiver that hangs keeps one attempt waiting for its whole timeout. Attempted one after the
other, every delivery queued behind it waited too (issue #18 item 1: 21 s on SQLite, 41 s on
PostgreSQL for another tenant's event). Here each attempt runs on a thread of its own, up to
``FOSTERFLYT_WEBHOOK_CONCURRENCY`` at once in the process, and a subscription has at most
``FOSTERFLYT_WEBHOOK_SUBSCRIPTION_CONCURRENCY`` in flight across every worker process
(:func:`app.webhooks.sending.claim_many` counts and locks), so hanging receivers hold their own
shares and the rest of the pool keeps going. A receiver that keeps timing out is paused
(:class:`app.webhooks.models.WebhookHealth`) and costs one probe per pause.

The guarantees of :mod:`app.webhooks.sending` are unchanged: each attempt is claimed with a
lease and a fencing token, its deadline starts before the claim, and its outcome is recorded in
a short transaction of its own.
"""

from __future__ import annotations

import logging
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.db import utcnow
from app.webhooks import delivery
from app.webhooks.sending import claim_many, send

log = logging.getLogger("app.webhooks")


class Dispatcher:
    """Claims due deliveries into free slots and sends each on a thread of the pool."""

    def __init__(self, sessions: sessionmaker[Session], settings: Settings) -> None:
        self.sessions = sessions
        self.settings = settings
        self.slots = settings.webhook_concurrency
        self.pool = ThreadPoolExecutor(self.slots, thread_name_prefix="fosterflyt-webhook")
        self.in_flight: set[Future[bool]] = set()
        self.delivered = 0
        self.failed = 0
        self.errors: list[str] = []

    def fill(self, *, now: datetime | None = None, most: int | None = None) -> int:
        """Claim as many due deliveries as there are free slots (at most ``most``) and start
        them; returns how many were started."""
        free = self.slots - len(self.in_flight)
        if most is not None:
            free = min(free, most)
        if free <= 0:
            return 0
        # The monotonic clock first, then the wall clock: the deadline starts no later than
        # the lease, so it also ends first (app/webhooks/sending.py, point 2).
        deadline = delivery.Deadline.after(self.settings.webhook_attempt_deadline_seconds)
        at = now if now is not None else utcnow()
        with self.sessions() as session:
            taken = claim_many(
                session,
                now=at,
                lease=timedelta(seconds=self.settings.webhook_lease_seconds),
                limit=free,
                per_subscription=self.settings.webhook_subscription_concurrency,
            )
        for claim in taken:
            self.in_flight.add(
                self.pool.submit(
                    send, self.sessions, self.settings, claim, deadline=deadline, now=at
                )
            )
        return len(taken)

    def wait(self, timeout: float | None) -> None:
        """Until an attempt in flight ends (or ``timeout`` seconds pass); counts the ended."""
        if not self.in_flight:
            return
        done, self.in_flight = wait(self.in_flight, timeout, return_when=FIRST_COMPLETED)
        for future in done:
            error = future.exception()
            if error is not None:
                # Recording failed (the database may be restarting): the lease expires and the
                # delivery is attempted again.
                self.failed += 1
                self.errors.append(type(error).__name__)
                log.error("webhook attempt failed", extra={"error_type": type(error).__name__})
            elif future.result():
                self.delivered += 1
            else:
                self.failed += 1

    def close(self) -> None:
        """Let the attempts in flight finish (each within its deadline), then stop the pool."""
        while self.in_flight:
            self.wait(None)
        self.pool.shutdown(wait=True)
