from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.calendar_feed_created import CalendarFeedCreated
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
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
        "url": "/v1/calendar-feeds",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CalendarFeedCreated | Problem | None:
    if response.status_code == 201:
        response_201 = CalendarFeedCreated.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[CalendarFeedCreated | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    x_on_behalf_of: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CalendarFeedCreated | Problem]:
    """Create a calendar feed of my open tasks

     For the staff member named by the token. The URL is shown once; subscribe to it in Outlook. Events
    show the task and its deadline, never the child's name.

    Args:
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
        Response[CalendarFeedCreated | Problem]
    """

    kwargs = _get_kwargs(
        x_on_behalf_of=x_on_behalf_of,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    x_on_behalf_of: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> CalendarFeedCreated | Problem | None:
    """Create a calendar feed of my open tasks

     For the staff member named by the token. The URL is shown once; subscribe to it in Outlook. Events
    show the task and its deadline, never the child's name.

    Args:
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
        CalendarFeedCreated | Problem
    """

    return sync_detailed(
        client=client,
        x_on_behalf_of=x_on_behalf_of,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    x_on_behalf_of: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CalendarFeedCreated | Problem]:
    """Create a calendar feed of my open tasks

     For the staff member named by the token. The URL is shown once; subscribe to it in Outlook. Events
    show the task and its deadline, never the child's name.

    Args:
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
        Response[CalendarFeedCreated | Problem]
    """

    kwargs = _get_kwargs(
        x_on_behalf_of=x_on_behalf_of,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    x_on_behalf_of: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> CalendarFeedCreated | Problem | None:
    """Create a calendar feed of my open tasks

     For the staff member named by the token. The URL is shown once; subscribe to it in Outlook. Events
    show the task and its deadline, never the child's name.

    Args:
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
        CalendarFeedCreated | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            x_on_behalf_of=x_on_behalf_of,
            idempotency_key=idempotency_key,
        )
    ).parsed
