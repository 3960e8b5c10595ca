"""Webhook deliveries: claim those that are due, POST each, record the outcome (the
application's worker, :mod:`app.worker`, runs several at once through
:class:`app.webhooks.dispatch.Dispatcher`, each subscription within its share).

Every step is a short transaction; no transaction is open while a receiver is being called (a
long one would hold back the event feed, which waits for older transactions). A delivery is
claimed with a lease (``SELECT … FOR UPDATE SKIP LOCKED`` on PostgreSQL, so workers share the
work); a worker that dies mid-delivery leaves the lease to expire and the delivery is attempted
again: at least once, and in the normal case exactly once.

One POST per attempt, also with several workers and a receiver that answers as slowly as it
can (security review 2026-12, finding 3, where an 80 s trickle outlived the 65 s lease and a
second worker POSTed the same attempt again):

1. *A claim is exclusive while its lease runs.* Only a pending delivery without a lease, or
   with an expired one, can be claimed, and claims are serialised (the row lock on PostgreSQL,
   ``BEGIN IMMEDIATE`` on SQLite).
2. *An attempt is over before its lease is.* :func:`deliver_one` starts the attempt's
   :class:`~app.webhooks.delivery.Deadline` on the monotonic clock before it reads the wall
   clock the lease is counted from, and every blocking step of the attempt (name lookup,
   connect, TLS, each write and read) gets at most the time left. Settings refuse a deadline
   that is not shorter than the lease. So a live worker has hung up before anyone else may
   claim the delivery, however the receiver paces its bytes.
3. *A late finisher is harmless.* Each claim writes a new ``lease_token``: the fencing token.
   :func:`record` applies an outcome only while the delivery still carries the token of the
   claim that made it. A worker that was stopped past its lease (a paused process or VM, a
   clock that jumped) and whose delivery was claimed again logs the POST it made, as it was
   made, but cannot mark the delivery delivered or failed, move its schedule, disable the
   subscription, or release the newer claim.

What is left is "at least once": a worker that dies or is paused mid-attempt leaves its lease to
expire, and the next attempt may repeat a POST the receiver already got, with the same
``webhook-id`` for the receiver to deduplicate on. Worker hosts' clocks must agree to well within
the lease minus the deadline (35 s by default): the lease is compared with each host's clock.

"""

from __future__ import annotations

import logging
import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from time import time

from sqlalchemy import ColumnElement, and_, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, aliased, sessionmaker

from app.config import Settings
from app.events.models import Event
from app.events.schemas import EventRead
from app.events.service import emit
from app.webhooks import delivery, signing
from app.webhooks.models import (
    DeliveryStatus,
    SubscriptionStatus,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEvent,
    WebhookHealth,
    WebhookSubscription,
)

log = logging.getLogger("app.webhooks")

# Seconds before each attempt (Standard Webhooks' schedule): now, 5 s, 5 min, 30 min, 2 h, 5 h,
# 10 h, 10 h — eight attempts over about 27 hours. Each delay gets up to 10 % jitter.
SCHEDULE = (0, 5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600)
JITTER = 0.1
RETRIES_EXHAUSTED = "retries_exhausted"


def retry_delay(step: int) -> timedelta:
    """The wait before attempt ``step + 1`` (``step`` attempts made so far)."""
    base = SCHEDULE[step]
    return timedelta(seconds=base + random.uniform(0, base * JITTER))  # noqa: S311 (jitter)


def _postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


# Outcomes where the receiver held the attempt for its whole timeout or deadline.
TIMEOUTS = frozenset({"timeout", delivery.DEADLINE_EXCEEDED})
# A subscription whose receiver keeps timing out waits 5 s after the first timeout, then twice
# as long after each further one in a row, at most 5 minutes (any answer ends the streak).
PAUSE_FIRST = 5.0
PAUSE_MAX = 300.0


def pause_after(streak: int) -> timedelta:
    """How long a subscription waits after ``streak`` timeouts in a row."""
    return timedelta(seconds=min(PAUSE_FIRST * 2 ** min(streak - 1, 16), PAUSE_MAX))


@dataclass(frozen=True)
class Claim:
    delivery_id: uuid.UUID
    subscription_id: uuid.UUID
    token: uuid.UUID
    url: str
    secrets: tuple[str, ...]  # the current secret first; the replaced one during the overlap
    msg_id: str
    body: bytes


def disable(
    session: Session, subscription: WebhookSubscription, *, code: str, reason: str, now: datetime
) -> None:
    """Stop deliveries to a subscription: pending deliveries fail, and the feed announces it
    (``code`` is the event's ``data.reason``: ``manual`` or ``retries_exhausted``)."""
    subscription.status = SubscriptionStatus.DISABLED
    subscription.disabled_reason = reason
    subscription.disabled_at = now
    session.execute(
        update(WebhookDelivery)
        .where(
            WebhookDelivery.subscription_id == subscription.id,
            WebhookDelivery.status == DeliveryStatus.PENDING,
            or_(WebhookDelivery.lease_until.is_(None), WebhookDelivery.lease_until < now),
        )
        .values(
            status=DeliveryStatus.FAILED,
            next_attempt_at=None,
            last_error="subscription_disabled",
            updated_at=now,
        )
    )
    emit(
        session,
        service_id=subscription.service_id,
        type=WebhookEvent.SUBSCRIPTION_DISABLED,
        subject_id=subscription.id,
        data={"reason": code},
    )
    # Ids and a code only: no URL (it may carry a token in its path) and no personal data.
    log.warning(f"webhook subscription {subscription.id} disabled: {code}")


def claim(session: Session, *, now: datetime, lease: timedelta) -> Claim | None:
    """Take the next due delivery, if any, and hold it for ``lease`` (commits)."""
    taken = claim_many(session, now=now, lease=lease, limit=1)
    return taken[0] if taken else None


def _in_flight(now: datetime) -> ColumnElement[bool]:
    return and_(
        WebhookDelivery.status == DeliveryStatus.PENDING,
        WebhookDelivery.lease_until.is_not(None),
        WebhookDelivery.lease_until >= now,
    )


def _due(now: datetime) -> ColumnElement[bool]:
    return and_(
        WebhookDelivery.status == DeliveryStatus.PENDING,
        WebhookDelivery.next_attempt_at <= now,
        or_(WebhookDelivery.lease_until.is_(None), WebhookDelivery.lease_until < now),
    )


def claim_many(
    session: Session,
    *,
    now: datetime,
    lease: timedelta,
    limit: int,
    per_subscription: int = 1,
) -> list[Claim]:
    """Take up to ``limit`` due deliveries, at most ``per_subscription`` of any subscription
    in flight (counting other workers' claims), and hold each for ``lease`` (commits).

    The subscriptions whose deliveries have waited longest come first, one subscription's
    backlog never crowds out another's (its share is capped), and a paused subscription
    (:class:`WebhookHealth`) is passed over. On PostgreSQL each chosen subscription's health
    row is locked (``SKIP LOCKED``: one another worker is claiming for is left to it) before its
    deliveries are counted and claimed, so workers never exceed the share together; rows are
    always locked health first, then deliveries, here and in :func:`record`.
    """
    other = aliased(WebhookDelivery)
    in_flight = (
        select(func.count())
        .select_from(other)
        .where(
            other.subscription_id == WebhookDelivery.subscription_id,
            other.status == DeliveryStatus.PENDING,
            other.lease_until.is_not(None),
            other.lease_until >= now,
        )
        .correlate(WebhookDelivery)
        .scalar_subquery()
    )
    candidates = list(
        session.scalars(
            select(WebhookDelivery.subscription_id)
            .join(WebhookSubscription, WebhookSubscription.id == WebhookDelivery.subscription_id)
            .outerjoin(
                WebhookHealth, WebhookHealth.subscription_id == WebhookDelivery.subscription_id
            )
            .where(
                _due(now),
                WebhookSubscription.status == SubscriptionStatus.ENABLED,
                or_(WebhookHealth.paused_until.is_(None), WebhookHealth.paused_until <= now),
                in_flight < per_subscription,
            )
            .group_by(WebhookDelivery.subscription_id)
            .order_by(func.min(WebhookDelivery.next_attempt_at), WebhookDelivery.subscription_id)
            .limit(limit)
        )
    )
    if not candidates:
        session.commit()
        return []
    _ensure_health(session, candidates)
    postgres = _postgres(session)
    if postgres:
        candidates = list(
            session.scalars(
                select(WebhookHealth.subscription_id)
                .where(WebhookHealth.subscription_id.in_(candidates))
                .order_by(WebhookHealth.subscription_id)
                .with_for_update(skip_locked=True)
            )
        )
    # Counted again: under the lock, other workers' claims are visible.
    busy: dict[uuid.UUID, int] = {
        subscription_id: count
        for subscription_id, count in session.execute(
            select(WebhookDelivery.subscription_id, func.count())
            .where(WebhookDelivery.subscription_id.in_(candidates), _in_flight(now))
            .group_by(WebhookDelivery.subscription_id)
        )
    }
    rows: list[WebhookDelivery] = []
    for subscription_id in candidates:
        room = min(per_subscription - busy.get(subscription_id, 0), limit - len(rows))
        if room <= 0:
            continue
        stmt = (
            select(WebhookDelivery)
            .where(WebhookDelivery.subscription_id == subscription_id, _due(now))
            .order_by(WebhookDelivery.next_attempt_at, WebhookDelivery.id)
            .limit(room)
        )
        if postgres:
            stmt = stmt.with_for_update(skip_locked=True)
        rows += session.scalars(stmt)
    taken: list[Claim] = []
    subscriptions = {
        s.id: s
        for s in session.scalars(
            select(WebhookSubscription).where(
                WebhookSubscription.id.in_({r.subscription_id for r in rows})
            )
        )
    }
    events = {
        e.id: e
        for e in session.scalars(select(Event).where(Event.id.in_([r.event_id for r in rows])))
    }
    for row in rows:
        row.lease_until = now + lease
        row.lease_token = uuid.uuid4()
        subscription = subscriptions[row.subscription_id]
        event = events[row.event_id]
        taken.append(
            Claim(
                delivery_id=row.id,
                subscription_id=row.subscription_id,
                token=row.lease_token,
                url=subscription.url,
                secrets=subscription.signing_secrets(now),
                msg_id=str(event.id),
                body=EventRead.model_validate(event).model_dump_json().encode(),
            )
        )
    session.commit()
    return taken


def _ensure_health(session: Session, subscription_ids: list[uuid.UUID]) -> None:
    """Every subscription has a health row from its creation (and the migration); one that
    lacks it gets it here, so it is never passed over (a concurrent insert is no error)."""
    present = set(
        session.scalars(
            select(WebhookHealth.subscription_id).where(
                WebhookHealth.subscription_id.in_(subscription_ids)
            )
        )
    )
    missing = [s for s in subscription_ids if s not in present]
    if not missing:
        return
    insert = postgresql.insert if _postgres(session) else sqlite.insert
    session.execute(
        insert(WebhookHealth)
        .values([{"subscription_id": s, "failure_streak": 0} for s in missing])
        .on_conflict_do_nothing()
    )


def record(session: Session, taken: Claim, outcome: delivery.Outcome, *, now: datetime) -> None:
    """Write the attempt to the log and decide what comes next (commits)."""
    health_stmt = select(WebhookHealth).where(
        WebhookHealth.subscription_id == taken.subscription_id
    )
    stmt = select(WebhookDelivery).where(WebhookDelivery.id == taken.delivery_id)
    if _postgres(session):
        health_stmt = health_stmt.with_for_update()  # health first, as claims lock them
        stmt = stmt.with_for_update()
    health = session.scalar(health_stmt)
    row = session.scalar(stmt)
    if row is None:  # the subscription was deleted meanwhile
        session.commit()
        return
    session.add(
        WebhookAttempt(
            delivery_id=row.id,
            attempted_at=now,
            duration_ms=outcome.duration_ms,
            status_code=outcome.status_code,
            error=outcome.error,
        )
    )
    if row.lease_token != taken.token:
        # The fencing token: our lease expired and the delivery was claimed again (or
        # redelivered). The POST we made is in the log above; the outcome is not ours to apply.
        session.commit()
        log.warning(f"webhook delivery {row.id}: an attempt ended after its lease was taken over")
        return
    subscription = session.get_one(WebhookSubscription, row.subscription_id)
    paused_until = _note_health(session, health, outcome, now=now)
    row.attempt_count += 1
    row.schedule_step += 1
    row.last_attempt_at = now
    row.last_status_code = outcome.status_code
    row.last_error = outcome.error
    row.lease_until = None
    row.lease_token = None
    if outcome.ok:
        row.status = DeliveryStatus.SUCCEEDED
        row.delivered_at = now
        row.next_attempt_at = None
    elif subscription.status is SubscriptionStatus.DISABLED:
        row.status = DeliveryStatus.FAILED
        row.next_attempt_at = None
    elif row.schedule_step >= len(SCHEDULE):
        row.status = DeliveryStatus.FAILED
        row.next_attempt_at = None
        disable(
            session,
            subscription,
            code=RETRIES_EXHAUSTED,
            reason=f"Every attempt to deliver an event failed for a day ({len(SCHEDULE)} "
            f"attempts, the last: {outcome.error}).",
            now=now,
        )
    else:
        row.next_attempt_at = now + retry_delay(row.schedule_step)
        if paused_until is not None:
            row.next_attempt_at = max(row.next_attempt_at, paused_until)
    session.commit()


def _note_health(
    session: Session, health: WebhookHealth | None, outcome: delivery.Outcome, *, now: datetime
) -> datetime | None:
    """Count a timeout towards the subscription's pause, or end the streak; returns the pause
    now in force, if any. A new pause also moves the subscription's waiting deliveries to its
    end, so the delivery log shows when each will be tried."""
    if health is None:
        return None
    if outcome.error not in TIMEOUTS:
        health.failure_streak = 0
        health.paused_until = None
        return None
    health.failure_streak += 1
    until = now + pause_after(health.failure_streak)
    if health.paused_until is None or health.paused_until < until:
        health.paused_until = until
        session.execute(
            update(WebhookDelivery)
            .where(
                WebhookDelivery.subscription_id == health.subscription_id,
                WebhookDelivery.status == DeliveryStatus.PENDING,
                WebhookDelivery.next_attempt_at < until,
                or_(WebhookDelivery.lease_until.is_(None), WebhookDelivery.lease_until < now),
            )
            .values(next_attempt_at=until)
            .execution_options(synchronize_session=False)
        )
    return health.paused_until


def send(
    sessions: sessionmaker[Session],
    settings: Settings,
    taken: Claim,
    *,
    deadline: delivery.Deadline,
    now: datetime,
) -> bool:
    """POST one claimed delivery and record the outcome: True if it was delivered.

    ``deadline`` was started before the claim was made at ``now`` (the wall clock its lease is
    counted from), so the attempt is over before the lease runs out.
    """
    timestamp = int(time())  # the real time of signing, whatever ``now`` the schedule uses
    headers = signing.headers(
        taken.secrets, msg_id=taken.msg_id, timestamp=timestamp, body=taken.body
    )
    outcome = delivery.post(
        taken.url, body=taken.body, headers=headers, settings=settings, deadline=deadline
    )
    with sessions() as session:
        record(session, taken, outcome, now=now)
    return outcome.ok
