from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.webhook_subscription_with_secret import WebhookSubscriptionWithSecret
from ...types import Response


def _get_kwargs(
    subscription_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/webhook-subscriptions/{subscription_id}/rotate-secret".format(
            subscription_id=quote(str(subscription_id), safe=""),
        ),
    }

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
) -> Response[Problem | WebhookSubscriptionWithSecret]:
    """Replace the signing secret

     Returns the new secret, once. Every attempt from now on is signed with it and, for
    `FOSTERFLYT_WEBHOOK_SECRET_OVERLAP_SECONDS` (24 h by default, until `secret.previous_expires_at`),
    also with the secret it replaced: two `v1,` signatures in `webhook-signature`, so receivers can
    switch secrets without refusing a delivery.

    Args:
        subscription_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookSubscriptionWithSecret]
    """

    kwargs = _get_kwargs(
        subscription_id=subscription_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | WebhookSubscriptionWithSecret | None:
    """Replace the signing secret

     Returns the new secret, once. Every attempt from now on is signed with it and, for
    `FOSTERFLYT_WEBHOOK_SECRET_OVERLAP_SECONDS` (24 h by default, until `secret.previous_expires_at`),
    also with the secret it replaced: two `v1,` signatures in `webhook-signature`, so receivers can
    switch secrets without refusing a delivery.

    Args:
        subscription_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookSubscriptionWithSecret
    """

    return sync_detailed(
        subscription_id=subscription_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | WebhookSubscriptionWithSecret]:
    """Replace the signing secret

     Returns the new secret, once. Every attempt from now on is signed with it and, for
    `FOSTERFLYT_WEBHOOK_SECRET_OVERLAP_SECONDS` (24 h by default, until `secret.previous_expires_at`),
    also with the secret it replaced: two `v1,` signatures in `webhook-signature`, so receivers can
    switch secrets without refusing a delivery.

    Args:
        subscription_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookSubscriptionWithSecret]
    """

    kwargs = _get_kwargs(
        subscription_id=subscription_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | WebhookSubscriptionWithSecret | None:
    """Replace the signing secret

     Returns the new secret, once. Every attempt from now on is signed with it and, for
    `FOSTERFLYT_WEBHOOK_SECRET_OVERLAP_SECONDS` (24 h by default, until `secret.previous_expires_at`),
    also with the secret it replaced: two `v1,` signatures in `webhook-signature`, so receivers can
    switch secrets without refusing a delivery.

    Args:
        subscription_id (UUID):

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
        )
    ).parsed
