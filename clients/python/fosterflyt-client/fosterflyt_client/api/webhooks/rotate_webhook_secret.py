from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.webhook_subscription_with_secret import WebhookSubscriptionWithSecret
from ...types import UNSET, Response, Unset


def _get_kwargs(
    subscription_id: UUID,
    *,
    x_on_behalf_of: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_on_behalf_of, Unset):
        headers["X-On-Behalf-Of"] = x_on_behalf_of

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/webhook-subscriptions/{subscription_id}/rotate-secret".format(
            subscription_id=quote(str(subscription_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WebhookSubscriptionWithSecret | None:
    if response.status_code == 200:
        response_200 = WebhookSubscriptionWithSecret.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | WebhookSubscriptionWithSecret]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
    x_on_behalf_of: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | WebhookSubscriptionWithSecret]:
    """Replace the signing secret

     Returns the new secret, once. Every attempt from now on is signed with it and, for
    `FOSTERFLYT_WEBHOOK_SECRET_OVERLAP_SECONDS` (24 h by default, until `secret.previous_expires_at`),
    also with the secret it replaced: two `v1,` signatures in `webhook-signature`, so receivers can
    switch secrets without refusing a delivery.

    Args:
        subscription_id (UUID):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        idempotency_key (None | str | Unset): Any unique string (a UUID is fine). A retry with the
            same key and body returns the original response instead of creating a duplicate.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookSubscriptionWithSecret]
    """

    kwargs = _get_kwargs(
        subscription_id=subscription_id,
        x_on_behalf_of=x_on_behalf_of,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
    x_on_behalf_of: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | WebhookSubscriptionWithSecret | None:
    """Replace the signing secret

     Returns the new secret, once. Every attempt from now on is signed with it and, for
    `FOSTERFLYT_WEBHOOK_SECRET_OVERLAP_SECONDS` (24 h by default, until `secret.previous_expires_at`),
    also with the secret it replaced: two `v1,` signatures in `webhook-signature`, so receivers can
    switch secrets without refusing a delivery.

    Args:
        subscription_id (UUID):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        idempotency_key (None | str | Unset): Any unique string (a UUID is fine). A retry with the
            same key and body returns the original response instead of creating a duplicate.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookSubscriptionWithSecret
    """

    return sync_detailed(
        subscription_id=subscription_id,
        client=client,
        x_on_behalf_of=x_on_behalf_of,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
    x_on_behalf_of: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | WebhookSubscriptionWithSecret]:
    """Replace the signing secret

     Returns the new secret, once. Every attempt from now on is signed with it and, for
    `FOSTERFLYT_WEBHOOK_SECRET_OVERLAP_SECONDS` (24 h by default, until `secret.previous_expires_at`),
    also with the secret it replaced: two `v1,` signatures in `webhook-signature`, so receivers can
    switch secrets without refusing a delivery.

    Args:
        subscription_id (UUID):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        idempotency_key (None | str | Unset): Any unique string (a UUID is fine). A retry with the
            same key and body returns the original response instead of creating a duplicate.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookSubscriptionWithSecret]
    """

    kwargs = _get_kwargs(
        subscription_id=subscription_id,
        x_on_behalf_of=x_on_behalf_of,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
    x_on_behalf_of: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | WebhookSubscriptionWithSecret | None:
    """Replace the signing secret

     Returns the new secret, once. Every attempt from now on is signed with it and, for
    `FOSTERFLYT_WEBHOOK_SECRET_OVERLAP_SECONDS` (24 h by default, until `secret.previous_expires_at`),
    also with the secret it replaced: two `v1,` signatures in `webhook-signature`, so receivers can
    switch secrets without refusing a delivery.

    Args:
        subscription_id (UUID):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        idempotency_key (None | str | Unset): Any unique string (a UUID is fine). A retry with the
            same key and body returns the original response instead of creating a duplicate.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookSubscriptionWithSecret
    """

    return (
        await asyncio_detailed(
            subscription_id=subscription_id,
            client=client,
            x_on_behalf_of=x_on_behalf_of,
            idempotency_key=idempotency_key,
        )
    ).parsed
