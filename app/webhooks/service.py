"""Webhook subscriptions of a service, their delivery log and manual redelivery."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import policy
from app.config import get_settings
from app.db import utcnow
from app.errors import (
    Conflict,
    DuplicateResource,
    NotFound,
    body_error,
)
from app.pagination import paginate
from app.policy import Capability
from app.preconditions import Precondition
from app.principal import Principal
from app.tenancy import TenantRepository, resolve_service
from app.webhooks import signing, urls
from app.webhooks.errors import WebhookUrlRefused
from app.webhooks.fanout import start_cursor
from app.webhooks.models import (
    DeliveryStatus,
    SubscriptionStatus,
    WebhookAttempt,
    WebhookDelivery,
    WebhookHealth,
    WebhookSubscription,
)
from app.webhooks.schemas import (
    DeliveryFilters,
    SubscriptionFilters,
    WebhookAttemptRead,
    WebhookDeliveryRead,
    WebhookSubscriptionCreate,
    WebhookSubscriptionUpdate,
)
from app.webhooks.sending import disable


class SubscriptionRepository(TenantRepository[WebhookSubscription]):
    model = WebhookSubscription
    path = "webhook-subscriptions"
    noun = "webhook subscription"
    case_data = False
    capability = Capability.MANAGE_WEBHOOKS


class DeliveryRepository(TenantRepository[WebhookDelivery]):
    model = WebhookDelivery
    path = "deliveries"
    noun = "delivery"
    case_data = False
    capability = Capability.MANAGE_WEBHOOKS


def _may_manage(principal: Principal) -> None:
    """Webhooks are the service's integration setup: leaders and integrations only."""
    policy.require_somewhere(principal, Capability.MANAGE_WEBHOOKS)


def _checked_url(raw: str) -> str:
    try:
        urls.check(raw, allow_private=get_settings().webhook_allow_private)
    except urls.UrlRefused as refused:
        raise WebhookUrlRefused(
            refused.message, errors=[body_error("url", refused.message, refused.code)]
        ) from None
    return raw


def _ensure_url_free(
    session: Session, service_id: uuid.UUID, url: str, exclude: uuid.UUID | None
) -> None:
    stmt = select(WebhookSubscription.id).where(
        WebhookSubscription.service_id == service_id, WebhookSubscription.url == url
    )
    if exclude is not None:
        stmt = stmt.where(WebhookSubscription.id != exclude)
    existing = session.scalar(stmt)
    if existing is not None:
        raise DuplicateResource(
            "This service already has a subscription for this URL.",
            existing=f"/v1/webhook-subscriptions/{existing}",
        )


def create_subscription(
    session: Session,
    principal: Principal,
    *,
    data: WebhookSubscriptionCreate,
    service_id: uuid.UUID | None,
) -> WebhookSubscription:
    _may_manage(principal)
    owner = resolve_service(principal, service_id)
    policy.require(principal, Capability.MANAGE_WEBHOOKS, owner)
    url = _checked_url(data.url)
    _ensure_url_free(session, owner, url, None)
    row = WebhookSubscription(
        service_id=owner,
        url=url,
        description=data.description,
        event_types=sorted(set(data.event_types)),
        status=SubscriptionStatus.ENABLED,
        secret=signing.new_secret(),
        created_by=principal.subject,
    )
    session.add(row)
    session.flush()
    session.add(WebhookHealth(subscription_id=row.id, failure_streak=0))
    start_cursor(session, row)
    session.flush()
    return row


def get_subscription(
    session: Session, principal: Principal, subscription_id: uuid.UUID
) -> WebhookSubscription:
    _may_manage(principal)
    return SubscriptionRepository(session, principal).get(subscription_id)


def list_subscriptions(
    session: Session, principal: Principal, params: SubscriptionFilters
) -> tuple[list[WebhookSubscription], str | None]:
    _may_manage(principal)
    return SubscriptionRepository(session, principal).list(params)


def update_subscription(
    session: Session,
    principal: Principal,
    subscription_id: uuid.UUID,
    *,
    data: WebhookSubscriptionUpdate,
    precondition: Precondition,
) -> WebhookSubscription:
    _may_manage(principal)
    row = SubscriptionRepository(session, principal).get_for_update(subscription_id)
    precondition.check(row)
    changes = data.changes()
    if "url" in changes and data.url is not None and data.url != row.url:
        row.url = _checked_url(data.url)
        _ensure_url_free(session, row.service_id, row.url, row.id)
    if "event_types" in changes and data.event_types is not None:
        row.event_types = sorted(set(data.event_types))
    if "description" in changes:
        row.description = data.description
    if data.status == "disabled" and row.status is SubscriptionStatus.ENABLED:
        disable(
            session,
            row,
            code="manual",
            reason=f"Disabled through the API by {principal.subject}.",
            now=utcnow(),
        )
    elif data.status == "enabled" and row.status is SubscriptionStatus.DISABLED:
        row.status = SubscriptionStatus.ENABLED
        row.disabled_reason = None
        row.disabled_at = None
        start_cursor(session, row)
    session.flush()
    return row


def delete_subscription(session: Session, principal: Principal, subscription_id: uuid.UUID) -> None:
    """Delete the subscription with its delivery log (the database cascades)."""
    row = get_subscription(session, principal, subscription_id)
    session.delete(row)
    session.flush()


def rotate_secret(
    session: Session, principal: Principal, subscription_id: uuid.UUID
) -> WebhookSubscription:
    """A new secret, signing every attempt from now on. The secret it replaces keeps signing
    too (a second signature) for ``webhook_secret_overlap_seconds``, so the receiver can switch
    without refusing deliveries; a second rotation within that time drops the oldest."""
    _may_manage(principal)
    row = SubscriptionRepository(session, principal).get_for_update(subscription_id)
    overlap = get_settings().webhook_secret_overlap_seconds
    if overlap > 0:
        row.previous_secret = row.secret
        row.previous_secret_expires_at = utcnow() + timedelta(seconds=overlap)
    else:
        row.previous_secret = None
        row.previous_secret_expires_at = None
    row.secret = signing.new_secret()
    session.flush()
    return row


def list_deliveries(
    session: Session, principal: Principal, subscription_id: uuid.UUID, params: DeliveryFilters
) -> tuple[list[WebhookDelivery], str | None]:
    subscription = get_subscription(session, principal, subscription_id)
    stmt = (
        DeliveryRepository(session, principal)
        .readable()
        .where(WebhookDelivery.subscription_id == subscription.id)
    )
    if params.status is not None:
        stmt = stmt.where(WebhookDelivery.status == params.status)
    if params.updated_since is not None:
        stmt = stmt.where(WebhookDelivery.updated_at >= params.updated_since)
    return paginate(session, stmt, WebhookDelivery, cursor=params.cursor, limit=params.limit)


def delivery_reads(session: Session, rows: list[WebhookDelivery]) -> list[WebhookDeliveryRead]:
    """The deliveries with their attempts (one query for the whole page)."""
    attempts: dict[uuid.UUID, list[WebhookAttemptRead]] = {row.id: [] for row in rows}
    if rows:
        stmt = (
            select(WebhookAttempt)
            .where(WebhookAttempt.delivery_id.in_(list(attempts)))
            .order_by(WebhookAttempt.attempted_at, WebhookAttempt.id)
        )
        for attempt in session.scalars(stmt):
            attempts[attempt.delivery_id].append(WebhookAttemptRead.model_validate(attempt))
    return [
        WebhookDeliveryRead.model_validate(
            {
                **{
                    name: getattr(row, name)
                    for name in WebhookDeliveryRead.model_fields
                    if name != "attempts"
                },
                "attempts": attempts[row.id],
            }
        )
        for row in rows
    ]


def redeliver(
    session: Session, principal: Principal, subscription_id: uuid.UUID, delivery_id: uuid.UUID
) -> WebhookDelivery:
    """Attempt the delivery again now, with a fresh retry schedule."""
    subscription = get_subscription(session, principal, subscription_id)
    row = DeliveryRepository(session, principal).get_for_update(delivery_id)
    if row.subscription_id != subscription.id:
        raise NotFound("No delivery with this id is visible to you.")
    if subscription.status is not SubscriptionStatus.ENABLED:
        raise Conflict("The subscription is disabled: enable it first.")
    now = utcnow()
    in_flight = row.lease_until is not None and row.lease_until > now
    if not (row.status is DeliveryStatus.PENDING and in_flight):
        row.status = DeliveryStatus.PENDING
        row.schedule_step = 0
        row.next_attempt_at = now
        row.lease_until = None
        row.lease_token = None
    session.flush()
    return row
