from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.auth import authorize
from app.db import DbSession
from app.errors import (
    Conflict,
    DuplicateResource,
    InvalidCursor,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    responses,
)
from app.http import (
    IfMatchHeader,
    ServiceIdQuery,
    item_response,
    page_response,
    require_if_match,
    secret_response,
)
from app.idempotency.errors import IdempotencyInFlight, IdempotencyKeyReused
from app.idempotency.service import Idempotency, idempotent
from app.principal import Principal, Scope
from app.schemas import Page, SecretKind, ShownSecret
from app.webhooks import service
from app.webhooks.errors import WebhookUrlRefused
from app.webhooks.models import WebhookSubscription
from app.webhooks.schemas import (
    DeliveryFilters,
    SubscriptionFilters,
    WebhookDeliveryRead,
    WebhookSubscriptionCreate,
    WebhookSubscriptionRead,
    WebhookSubscriptionUpdate,
    WebhookSubscriptionWithSecret,
)

router = APIRouter(prefix="/v1/webhook-subscriptions", tags=["webhooks"])
Reader = Annotated[Principal, authorize(Scope.WEBHOOKS_READ)]
Writer = Annotated[Principal, authorize(Scope.WEBHOOKS_WRITE)]


def _with_secret(row: WebhookSubscription, status_code: int, location: str | None) -> Response:
    resource = WebhookSubscriptionRead.model_validate(row)
    secret = ShownSecret(
        kind=SecretKind.WEBHOOK_SIGNING_SECRET,
        value=row.secret,
        previous_expires_at=row.previous_secret_expires_at,
    )
    body = WebhookSubscriptionWithSecret(resource=resource, secret=secret)
    return secret_response(resource, body, status_code=status_code, location=location)


@router.post(
    "",
    status_code=201,
    response_model=WebhookSubscriptionWithSecret,
    operation_id="createWebhookSubscription",
    summary="Subscribe an endpoint to events",
    description="Events of the service that happen from now on are POSTed to `url`, signed "
    "(Standard Webhooks). The response holds the signing `secret`: it is shown only here. "
    "One subscription per URL: a retried create gets 409 with the existing one in `existing` "
    "(rotate its secret if the first response was lost).",
    responses=responses(
        WebhookUrlRefused, DuplicateResource, IdempotencyKeyReused, IdempotencyInFlight
    ),
)
def create_subscription(
    body: WebhookSubscriptionCreate,
    principal: Writer,
    session: DbSession,
    idem: Idempotency,
    service_id: ServiceIdQuery = None,
) -> Response:
    def run() -> tuple[uuid.UUID, Response]:
        row = service.create_subscription(session, principal, data=body, service_id=service_id)
        return row.service_id, _with_secret(row, 201, f"/v1/webhook-subscriptions/{row.id}")

    return idempotent(session=session, principal=principal, idem=idem, run=run, shows_secret=True)


@router.get(
    "",
    response_model=Page[WebhookSubscriptionRead],
    operation_id="listWebhookSubscriptions",
    summary="List webhook subscriptions",
    description="The subscriptions of your services (never their secrets).",
    responses=responses(InvalidCursor),
)
def list_subscriptions(
    principal: Reader,
    session: DbSession,
    request: Request,
    params: Annotated[SubscriptionFilters, Query()],
) -> Response:
    rows, next_cursor = service.list_subscriptions(session, principal, params)
    return page_response(request, rows, next_cursor, WebhookSubscriptionRead)


@router.get(
    "/{subscription_id}",
    response_model=WebhookSubscriptionRead,
    operation_id="getWebhookSubscription",
    summary="Get a webhook subscription",
    description="With `status` and, when disabled, `disabled_reason`. Never the secret.",
    responses=responses(NotFound),
)
def get_subscription(
    subscription_id: uuid.UUID, principal: Reader, session: DbSession, request: Request
) -> Response:
    row = service.get_subscription(session, principal, subscription_id)
    return item_response(request, WebhookSubscriptionRead.model_validate(row))


@router.patch(
    "/{subscription_id}",
    response_model=WebhookSubscriptionRead,
    operation_id="updateWebhookSubscription",
    summary="Change, disable or enable a subscription",
    description="Partial update with If-Match. `status: disabled` stops deliveries (pending ones "
    "fail and can be redelivered later); `status: enabled` resumes with events from now on.",
    responses=responses(
        NotFound, WebhookUrlRefused, DuplicateResource, PreconditionFailed, PreconditionRequired
    ),
)
def update_subscription(
    subscription_id: uuid.UUID,
    body: WebhookSubscriptionUpdate,
    principal: Writer,
    session: DbSession,
    request: Request,
    if_match: IfMatchHeader = None,
) -> Response:
    row = service.update_subscription(
        session,
        principal,
        subscription_id,
        data=body,
        precondition=require_if_match(if_match, WebhookSubscriptionRead.model_validate),
    )
    return item_response(request, WebhookSubscriptionRead.model_validate(row))


@router.delete(
    "/{subscription_id}",
    status_code=204,
    operation_id="deleteWebhookSubscription",
    summary="Delete a subscription",
    description="Deletes the subscription and its delivery log; nothing more is sent.",
    responses=responses(NotFound),
)
def delete_subscription(
    subscription_id: uuid.UUID, principal: Writer, session: DbSession
) -> Response:
    service.delete_subscription(session, principal, subscription_id)
    return Response(status_code=204)


@router.post(
    "/{subscription_id}/rotate-secret",
    response_model=WebhookSubscriptionWithSecret,
    operation_id="rotateWebhookSecret",
    summary="Replace the signing secret",
    description="Returns the new secret, once. Every attempt from now on is signed with it "
    "and, for `FOSTERFLYT_WEBHOOK_SECRET_OVERLAP_SECONDS` (24 h by default, until "
    "`secret.previous_expires_at`), also with the secret it replaced: two `v1,` signatures in "
    "`webhook-signature`, so receivers can switch secrets without refusing a delivery.",
    responses=responses(NotFound, IdempotencyKeyReused, IdempotencyInFlight),
)
def rotate_secret(
    subscription_id: uuid.UUID, principal: Writer, session: DbSession, idem: Idempotency
) -> Response:
    def run() -> tuple[uuid.UUID, Response]:
        row = service.rotate_secret(session, principal, subscription_id)
        return row.service_id, _with_secret(row, 200, None)

    return idempotent(session=session, principal=principal, idem=idem, run=run, shows_secret=True)


@router.get(
    "/{subscription_id}/deliveries",
    response_model=Page[WebhookDeliveryRead],
    operation_id="listWebhookDeliveries",
    summary="The delivery log",
    description="One entry per event sent to this subscription, newest last, with every "
    "attempt: time, duration, status code or error class. Filter by `status`.",
    responses=responses(NotFound, InvalidCursor),
)
def list_deliveries(
    subscription_id: uuid.UUID,
    principal: Reader,
    session: DbSession,
    request: Request,
    params: Annotated[DeliveryFilters, Query()],
) -> Response:
    rows, next_cursor = service.list_deliveries(session, principal, subscription_id, params)
    reads = service.delivery_reads(session, rows)
    return page_response(request, reads, next_cursor, WebhookDeliveryRead, lambda r: r)


@router.post(
    "/{subscription_id}/deliveries/{delivery_id}/redeliver",
    status_code=202,
    response_model=WebhookDeliveryRead,
    operation_id="redeliverWebhook",
    summary="Send a delivery again",
    description="Queues the event for another attempt now, with a fresh retry schedule "
    "(also after a success). The same `webhook-id` is sent, so receivers can deduplicate.",
    responses=responses(NotFound, Conflict),
)
def redeliver(
    subscription_id: uuid.UUID,
    delivery_id: uuid.UUID,
    principal: Writer,
    session: DbSession,
    request: Request,
) -> Response:
    row = service.redeliver(session, principal, subscription_id, delivery_id)
    return item_response(request, service.delivery_reads(session, [row])[0], status_code=202)
