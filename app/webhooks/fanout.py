"""Fan-out: events that match an enabled subscription become deliveries, none skipped.

Each subscription has a cursor ``(tx_id, position)``. On PostgreSQL the fan-out only takes events
of transactions below the snapshot's xmin — every such transaction has finished, so no event
with a smaller ``(tx_id, position)`` can still appear — the same hold-back as the feed. Ordering
by transaction first matters: a transaction that took its id early can write its event after a
later transaction's event has committed; ordered by position alone, that event would be passed.
On SQLite writers are serialised (``BEGIN IMMEDIATE``) and ``tx_id`` is 0, so this is position
order.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Text, and_, cast, func, or_, select
from sqlalchemy.orm import Session

from app.events.models import Event
from app.events.service import current_tx_id
from app.webhooks.models import (
    DeliveryStatus,
    SubscriptionStatus,
    WebhookCursor,
    WebhookDelivery,
    WebhookHealth,
    WebhookSubscription,
)

BATCH = 500


def _postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def start_cursor(session: Session, subscription: WebhookSubscription) -> None:
    """Point the subscription's cursor at "now": it gets the events of transactions that begin
    after this one, and this one's later events; never older ones."""
    tx_id = current_tx_id(session)  # 0 on SQLite
    position = int(session.scalar(select(func.max(Event.position))) or 0)
    cursor = session.get(WebhookCursor, subscription.id)
    if cursor is None:
        session.add(
            WebhookCursor(
                subscription_id=subscription.id, after_tx_id=tx_id, after_position=position
            )
        )
    else:
        cursor.after_tx_id, cursor.after_position = tx_id, position


def fan_out(session: Session, *, now: datetime) -> int:
    """Turn new events into deliveries for every enabled subscription; returns how many.

    Cursors are locked with SKIP LOCKED, so two workers fan out different subscriptions and a
    subscription's events become deliveries once (the unique (subscription, event) pair is the
    last guard).
    """
    stmt = (
        select(WebhookCursor, WebhookSubscription, WebhookHealth.paused_until)
        .join(WebhookSubscription, WebhookSubscription.id == WebhookCursor.subscription_id)
        .outerjoin(WebhookHealth, WebhookHealth.subscription_id == WebhookCursor.subscription_id)
        .where(WebhookSubscription.status == SubscriptionStatus.ENABLED)
        .order_by(WebhookCursor.subscription_id)
    )
    if _postgres(session):
        stmt = stmt.with_for_update(of=WebhookCursor, skip_locked=True)
    created = 0
    for cursor, subscription, paused_until in session.execute(stmt).all():
        # A paused subscription's new deliveries wait for the pause (the claim would pass them
        # over anyway; this way the delivery log says when they will be tried).
        due = max(now, paused_until) if paused_until is not None else now
        created += _fan_out_one(session, cursor, subscription, now=due)
    session.flush()
    return created


def _fan_out_one(
    session: Session, cursor: WebhookCursor, subscription: WebhookSubscription, *, now: datetime
) -> int:
    wanted = set(subscription.event_types)
    created = 0
    while True:
        after = or_(
            Event.tx_id > cursor.after_tx_id,
            and_(Event.tx_id == cursor.after_tx_id, Event.position > cursor.after_position),
        )
        stmt = select(Event).where(Event.service_id == subscription.service_id, after)
        if _postgres(session):
            horizon = cast(
                cast(func.pg_snapshot_xmin(func.pg_current_snapshot()), Text), BigInteger
            )
            own = cast(cast(func.pg_current_xact_id_if_assigned(), Text), BigInteger)
            stmt = stmt.where(or_(Event.tx_id < horizon, Event.tx_id == own))
        events = list(session.scalars(stmt.order_by(Event.tx_id, Event.position).limit(BATCH)))
        for event in events:
            if wanted and event.type not in wanted:
                continue
            session.add(
                WebhookDelivery(
                    service_id=subscription.service_id,
                    subscription_id=subscription.id,
                    event_id=event.id,
                    event_type=event.type,
                    status=DeliveryStatus.PENDING,
                    attempt_count=0,
                    schedule_step=0,
                    next_attempt_at=now,
                )
            )
            created += 1
        if events:
            cursor.after_tx_id, cursor.after_position = events[-1].tx_id, events[-1].position
        if len(events) < BATCH:
            return created
