from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_rule_read import PageRuleRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_on_behalf_of, Unset):
        headers["X-On-Behalf-Of"] = x_on_behalf_of

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/oversight/rules",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageRuleRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageRuleRead.from_dict(response.json())

        return response_200

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
) -> Response[PageRuleRead | Problem]:
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
) -> Response[PageRuleRead | Problem]:
    """The rules compliance is counted for

     Every step of the shipped workflow definitions, keyed `<definition>.<step>`, with the group the
    national audit's questions use (visits, supervision, annual_evaluation, parent_follow_up, plans,
    return_home, other).

    Args:
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRuleRead | Problem]
    """

    kwargs = _get_kwargs(
        x_on_behalf_of=x_on_behalf_of,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> PageRuleRead | Problem | None:
    """The rules compliance is counted for

     Every step of the shipped workflow definitions, keyed `<definition>.<step>`, with the group the
    national audit's questions use (visits, supervision, annual_evaluation, parent_follow_up, plans,
    return_home, other).

    Args:
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRuleRead | Problem
    """

    return sync_detailed(
        client=client,
        x_on_behalf_of=x_on_behalf_of,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[PageRuleRead | Problem]:
    """The rules compliance is counted for

     Every step of the shipped workflow definitions, keyed `<definition>.<step>`, with the group the
    national audit's questions use (visits, supervision, annual_evaluation, parent_follow_up, plans,
    return_home, other).

    Args:
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRuleRead | Problem]
    """

    kwargs = _get_kwargs(
        x_on_behalf_of=x_on_behalf_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> PageRuleRead | Problem | None:
    """The rules compliance is counted for

     Every step of the shipped workflow definitions, keyed `<definition>.<step>`, with the group the
    national audit's questions use (visits, supervision, annual_evaluation, parent_follow_up, plans,
    return_home, other).

    Args:
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRuleRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            x_on_behalf_of=x_on_behalf_of,
        )
    ).parsed
