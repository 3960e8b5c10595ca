"""Webhook subscriptions, their fan-out cursors, deliveries and delivery attempts."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Literal

from pydantic import Field
from sqlalchemy import (
    JSON,
    BigInteger,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, UTCDateTime, string_enum, utcnow
from app.events.data import EventData
from app.events.service import register_types as register_event_types
from app.tenancy import TenantRow


class SubscriptionStatus(StrEnum):
    ENABLED = "enabled"
    DISABLED = "disabled"


class DeliveryStatus(StrEnum):
    PENDING = "pending"  # waiting for its next attempt
    SUCCEEDED = "succeeded"  # the receiver answered 2xx
    FAILED = "failed"  # retries exhausted, or the subscription was disabled meanwhile


class WebhookSubscription(TenantRow, Base):
    """An endpoint of a service that receives the service's events, signed with its secret.

    ``secret`` is the Standard Webhooks secret (``whsec_`` + base64). It is kept so the worker can
    sign (HMAC needs the key itself) and is returned only when created or rotated.
    """

    __tablename__ = "webhook_subscriptions"
    __table_args__ = (UniqueConstraint("service_id", "url"),)

    url: Mapped[str] = mapped_column(String(2000))
    description: Mapped[str | None] = mapped_column(String(500))
    event_types: Mapped[list[str]] = mapped_column(JSON)
    status: Mapped[SubscriptionStatus] = mapped_column(
        string_enum(SubscriptionStatus, "webhook_subscription_status")
    )
    disabled_reason: Mapped[str | None] = mapped_column(String(300))
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    secret: Mapped[str] = mapped_column(String(100))
    # The secret a rotation replaced, still signed with (beside ``secret``) until
    # ``previous_secret_expires_at``, so a receiver can switch without refusing deliveries.
    previous_secret: Mapped[str | None] = mapped_column(String(100))
    previous_secret_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(200))

    def signing_secrets(self, now: datetime) -> tuple[str, ...]:
        """The secrets a delivery made at ``now`` is signed with: the current one first."""
        if (
            self.previous_secret is not None
            and self.previous_secret_expires_at is not None
            and now < self.previous_secret_expires_at
        ):
            return (self.secret, self.previous_secret)
        return (self.secret,)


class WebhookCursor(Base):
    """How far the fan-out has turned a subscription's events into deliveries.

    Events are taken in ``(tx_id, position)`` order and only from transactions known to be
    finished (``tx_id`` below the snapshot's xmin on PostgreSQL), so an event that commits late
    is never passed over. Kept apart from the subscription so the fan-out does not change the
    subscription's version or ETag.
    """

    __tablename__ = "webhook_cursors"

    subscription_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("webhook_subscriptions.id", ondelete="CASCADE"), primary_key=True
    )
    after_tx_id: Mapped[int] = mapped_column(BigInteger)
    after_position: Mapped[int] = mapped_column(BigInteger)


class WebhookHealth(Base):
    """How a subscription's receiver has been answering, for the worker's backoff.

    ``failure_streak`` counts the attempts in a row that timed out (``timeout`` or
    ``deadline_exceeded``: the receiver held a delivery slot for the whole time); while
    ``paused_until`` is ahead, none of the subscription's deliveries is claimed, so a hanging
    receiver costs one probe per pause instead of a timeout per event. Any answer ends the
    streak. The row is also what claims lock (PostgreSQL), so the number of the subscription's
    deliveries in flight stays within ``FOSTERFLYT_WEBHOOK_SUBSCRIPTION_CONCURRENCY`` across
    every worker process. Kept apart from the subscription so it does not change the
    subscription's version or ETag.
    """

    __tablename__ = "webhook_health"

    subscription_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("webhook_subscriptions.id", ondelete="CASCADE"), primary_key=True
    )
    failure_streak: Mapped[int] = mapped_column(Integer, default=0)
    paused_until: Mapped[datetime | None] = mapped_column(UTCDateTime())


class WebhookDelivery(TenantRow, Base):
    """One event on its way to one subscription: at least once, retried with backoff."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        UniqueConstraint("subscription_id", "event_id"),
        Index("ix_webhook_deliveries_subscription_created", "subscription_id", "created_at", "id"),
        Index("ix_webhook_deliveries_status_next_attempt", "status", "next_attempt_at"),
        # A subscription's due and in-flight deliveries (the worker's per-subscription claims).
        Index(
            "ix_webhook_deliveries_subscription_status_next",
            "subscription_id",
            "status",
            "next_attempt_at",
        ),
    )

    subscription_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("webhook_subscriptions.id", ondelete="CASCADE")
    )
    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id"))
    event_type: Mapped[str] = mapped_column(String(64))
    status: Mapped[DeliveryStatus] = mapped_column(
        string_enum(DeliveryStatus, "webhook_delivery_status")
    )
    attempt_count: Mapped[int] = mapped_column(Integer, default=0)
    # Attempts made in the current retry schedule (a manual redelivery starts a new one).
    schedule_step: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # A worker's claim: nobody else attempts the delivery before ``lease_until``. A worker that
    # dies mid-delivery leaves the lease to expire, and the delivery is attempted again.
    # ``lease_token`` is new with every claim: the fencing token. Only the worker holding the
    # current one may record an outcome (app/webhooks/sending.py explains why one attempt is
    # POSTed once).
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    lease_token: Mapped[uuid.UUID | None]
    last_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_status_code: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(String(64))
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class WebhookAttempt(Base):
    """One HTTP attempt of a delivery: when, how long, the status code or the error class."""

    __tablename__ = "webhook_attempts"
    __table_args__ = (Index("ix_webhook_attempts_delivery_id", "delivery_id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    delivery_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("webhook_deliveries.id", ondelete="CASCADE")
    )
    attempted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    duration_ms: Mapped[int] = mapped_column(Integer)
    status_code: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(String(64))


class WebhookEvent(StrEnum):
    SUBSCRIPTION_DISABLED = "webhook_subscription.disabled"


class SubscriptionDisabledData(EventData):
    reason: Literal["retries_exhausted", "manual"] = Field(
        description="`retries_exhausted`: every attempt of a delivery failed; `manual`: you "
        "disabled it.",
        examples=["retries_exhausted"],
    )


register_event_types(
    WebhookEvent, data={WebhookEvent.SUBSCRIPTION_DISABLED: SubscriptionDisabledData}
)
