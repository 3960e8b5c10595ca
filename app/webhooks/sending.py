"""Webhook deliveries: claim one that is due, POST it, record the outcome (the application's
worker, :mod:`app.worker`, runs them).

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

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.db import utcnow
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


@dataclass(frozen=True)
class Claim:
    delivery_id: uuid.UUID
    token: uuid.UUID
    url: str
    secret: str
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
    stmt = (
        select(WebhookDelivery)
        .join(WebhookSubscription, WebhookSubscription.id == WebhookDelivery.subscription_id)
        .where(
            WebhookDelivery.status == DeliveryStatus.PENDING,
            WebhookDelivery.next_attempt_at <= now,
            or_(WebhookDelivery.lease_until.is_(None), WebhookDelivery.lease_until < now),
            WebhookSubscription.status == SubscriptionStatus.ENABLED,
        )
        .order_by(WebhookDelivery.next_attempt_at, WebhookDelivery.id)
        .limit(1)
    )
    if _postgres(session):
        stmt = stmt.with_for_update(of=WebhookDelivery, skip_locked=True)
    row = session.scalar(stmt)
    if row is None:
        session.commit()
        return None
    row.lease_until = now + lease
    row.lease_token = uuid.uuid4()
    subscription = session.get_one(WebhookSubscription, row.subscription_id)
    event = session.scalars(select(Event).where(Event.id == row.event_id)).one()
    result = Claim(
        delivery_id=row.id,
        token=row.lease_token,
        url=subscription.url,
        secret=subscription.secret,
        msg_id=str(event.id),
        body=EventRead.model_validate(event).model_dump_json().encode(),
    )
    session.commit()
    return result


def record(session: Session, taken: Claim, outcome: delivery.Outcome, *, now: datetime) -> None:
    """Write the attempt to the log and decide what comes next (commits)."""
    stmt = select(WebhookDelivery).where(WebhookDelivery.id == taken.delivery_id)
    if _postgres(session):
        stmt = stmt.with_for_update()
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
    session.commit()


def deliver_one(
    sessions: sessionmaker[Session], settings: Settings, *, now: datetime | None = None
) -> bool | None:
    """Claim, send and record one due delivery: True delivered, False failed, None none due.

    The attempt is over within ``webhook_attempt_deadline_seconds`` of the claim, before its
    lease (``webhook_lease_seconds``, counted from ``now``) runs out.
    """
    # The monotonic clock first, then the wall clock: the deadline starts no later than the
    # lease, so it also ends first (a claim that waits on a busy database eats into the
    # attempt's time, never into the margin before the lease ends).
    deadline = delivery.Deadline.after(settings.webhook_attempt_deadline_seconds)
    at = now if now is not None else utcnow()
    lease = timedelta(seconds=settings.webhook_lease_seconds)
    with sessions() as session:
        taken = claim(session, now=at, lease=lease)
    if taken is None:
        return None
    timestamp = int(time())  # the real time of signing, whatever ``now`` the schedule uses
    headers = signing.headers(
        taken.secret, msg_id=taken.msg_id, timestamp=timestamp, body=taken.body
    )
    outcome = delivery.post(
        taken.url, body=taken.body, headers=headers, settings=settings, deadline=deadline
    )
    with sessions() as session:
        record(session, taken, outcome, now=at)
    return outcome.ok
