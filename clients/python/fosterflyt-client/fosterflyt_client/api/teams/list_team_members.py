from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_member_read import PageMemberRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    team_id: UUID,
    *,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_on_behalf_of, Unset):
        headers["X-On-Behalf-Of"] = x_on_behalf_of

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/teams/{team_id}/members".format(
            team_id=quote(str(team_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageMemberRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageMemberRead.from_dict(response.json())

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
) -> Response[PageMemberRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    team_id: UUID,
    *,
    client: AuthenticatedClient,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[PageMemberRead | Problem]:
    """The team's member services and their periods

     Every membership period, earliest registered first.

    Args:
        team_id (UUID):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageMemberRead | Problem]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        x_on_behalf_of=x_on_behalf_of,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    team_id: UUID,
    *,
    client: AuthenticatedClient,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> PageMemberRead | Problem | None:
    """The team's member services and their periods

     Every membership period, earliest registered first.

    Args:
        team_id (UUID):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageMemberRead | Problem
    """

    return sync_detailed(
        team_id=team_id,
        client=client,
        x_on_behalf_of=x_on_behalf_of,
    ).parsed


async def asyncio_detailed(
    team_id: UUID,
    *,
    client: AuthenticatedClient,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[PageMemberRead | Problem]:
    """The team's member services and their periods

     Every membership period, earliest registered first.

    Args:
        team_id (UUID):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageMemberRead | Problem]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        x_on_behalf_of=x_on_behalf_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    team_id: UUID,
    *,
    client: AuthenticatedClient,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> PageMemberRead | Problem | None:
    """The team's member services and their periods

     Every membership period, earliest registered first.

    Args:
        team_id (UUID):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageMemberRead | Problem
    """

    return (
        await asyncio_detailed(
            team_id=team_id,
            client=client,
            x_on_behalf_of=x_on_behalf_of,
        )
    ).parsed
