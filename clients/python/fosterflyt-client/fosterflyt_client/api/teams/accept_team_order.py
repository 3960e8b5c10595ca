from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.order_accept import OrderAccept
from ...models.order_read import OrderRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    order_id: UUID,
    *,
    body: OrderAccept,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_on_behalf_of, Unset):
        headers["X-On-Behalf-Of"] = x_on_behalf_of

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/team-orders/{order_id}/accept".format(
            order_id=quote(str(order_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OrderRead | Problem | None:
    if response.status_code == 200:
        response_200 = OrderRead.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[OrderRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    order_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OrderAccept,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[OrderRead | Problem]:
    """Accept an order

     From `accepted_on` the team's staff read the ordered child and foster home in the member service;
    each read is in the member's audit trail. Accepting twice is 409. `supervisor_id` must be on the
    team (422). Only the team works an order: its staff, or the host's leader or integration (403 for a
    member). An order at another step is 409 `order-not-in-step`; a date after today or before the step
    before it is 422 at its field.

    Args:
        order_id (UUID):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        body (OrderAccept):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrderRead | Problem]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        body=body,
        x_on_behalf_of=x_on_behalf_of,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    order_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OrderAccept,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> OrderRead | Problem | None:
    """Accept an order

     From `accepted_on` the team's staff read the ordered child and foster home in the member service;
    each read is in the member's audit trail. Accepting twice is 409. `supervisor_id` must be on the
    team (422). Only the team works an order: its staff, or the host's leader or integration (403 for a
    member). An order at another step is 409 `order-not-in-step`; a date after today or before the step
    before it is 422 at its field.

    Args:
        order_id (UUID):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        body (OrderAccept):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrderRead | Problem
    """

    return sync_detailed(
        order_id=order_id,
        client=client,
        body=body,
        x_on_behalf_of=x_on_behalf_of,
    ).parsed


async def asyncio_detailed(
    order_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OrderAccept,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[OrderRead | Problem]:
    """Accept an order

     From `accepted_on` the team's staff read the ordered child and foster home in the member service;
    each read is in the member's audit trail. Accepting twice is 409. `supervisor_id` must be on the
    team (422). Only the team works an order: its staff, or the host's leader or integration (403 for a
    member). An order at another step is 409 `order-not-in-step`; a date after today or before the step
    before it is 422 at its field.

    Args:
        order_id (UUID):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        body (OrderAccept):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrderRead | Problem]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        body=body,
        x_on_behalf_of=x_on_behalf_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    order_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OrderAccept,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> OrderRead | Problem | None:
    """Accept an order

     From `accepted_on` the team's staff read the ordered child and foster home in the member service;
    each read is in the member's audit trail. Accepting twice is 409. `supervisor_id` must be on the
    team (422). Only the team works an order: its staff, or the host's leader or integration (403 for a
    member). An order at another step is 409 `order-not-in-step`; a date after today or before the step
    before it is 422 at its field.

    Args:
        order_id (UUID):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        body (OrderAccept):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrderRead | Problem
    """

    return (
        await asyncio_detailed(
            order_id=order_id,
            client=client,
            body=body,
            x_on_behalf_of=x_on_behalf_of,
        )
    ).parsed
