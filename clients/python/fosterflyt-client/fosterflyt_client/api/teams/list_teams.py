import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_team_read import PageTeamRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    updated_since: datetime.datetime | None | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_on_behalf_of, Unset):
        headers["X-On-Behalf-Of"] = x_on_behalf_of

    params: dict[str, Any] = {}

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit

    json_updated_since: None | str | Unset
    if isinstance(updated_since, Unset):
        json_updated_since = UNSET
    elif isinstance(updated_since, datetime.datetime):
        json_updated_since = updated_since.isoformat()
    else:
        json_updated_since = updated_since
    params["updated_since"] = json_updated_since

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/teams",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageTeamRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageTeamRead.from_dict(response.json())

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
) -> Response[PageTeamRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    updated_since: datetime.datetime | None | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[PageTeamRead | Problem]:
    """List teams

     The teams the caller's services host, and those they are (or were) members of.

    Args:
        cursor (None | str | Unset): `next_cursor` from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.
        updated_since (datetime.datetime | None | Unset): Only rows changed at or after this time
            (ISO 8601 with time zone).
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTeamRead | Problem]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        updated_since=updated_since,
        x_on_behalf_of=x_on_behalf_of,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    updated_since: datetime.datetime | None | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> PageTeamRead | Problem | None:
    """List teams

     The teams the caller's services host, and those they are (or were) members of.

    Args:
        cursor (None | str | Unset): `next_cursor` from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.
        updated_since (datetime.datetime | None | Unset): Only rows changed at or after this time
            (ISO 8601 with time zone).
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTeamRead | Problem
    """

    return sync_detailed(
        client=client,
        cursor=cursor,
        limit=limit,
        updated_since=updated_since,
        x_on_behalf_of=x_on_behalf_of,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    updated_since: datetime.datetime | None | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[PageTeamRead | Problem]:
    """List teams

     The teams the caller's services host, and those they are (or were) members of.

    Args:
        cursor (None | str | Unset): `next_cursor` from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.
        updated_since (datetime.datetime | None | Unset): Only rows changed at or after this time
            (ISO 8601 with time zone).
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTeamRead | Problem]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        updated_since=updated_since,
        x_on_behalf_of=x_on_behalf_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    updated_since: datetime.datetime | None | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> PageTeamRead | Problem | None:
    """List teams

     The teams the caller's services host, and those they are (or were) members of.

    Args:
        cursor (None | str | Unset): `next_cursor` from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.
        updated_since (datetime.datetime | None | Unset): Only rows changed at or after this time
            (ISO 8601 with time zone).
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTeamRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            cursor=cursor,
            limit=limit,
            updated_since=updated_since,
            x_on_behalf_of=x_on_behalf_of,
        )
    ).parsed
