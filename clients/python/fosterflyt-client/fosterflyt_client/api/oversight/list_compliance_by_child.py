import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_child_compliance import PageChildCompliance
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    service_id: None | Unset | UUID = UNSET,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
    rule: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_on_behalf_of, Unset):
        headers["X-On-Behalf-Of"] = x_on_behalf_of

    params: dict[str, Any] = {}

    json_service_id: None | str | Unset
    if isinstance(service_id, Unset):
        json_service_id = UNSET
    elif isinstance(service_id, UUID):
        json_service_id = str(service_id)
    else:
        json_service_id = service_id
    params["service_id"] = json_service_id

    json_start: None | str | Unset
    if isinstance(start, Unset):
        json_start = UNSET
    elif isinstance(start, datetime.date):
        json_start = start.isoformat()
    else:
        json_start = start
    params["start"] = json_start

    json_end: None | str | Unset
    if isinstance(end, Unset):
        json_end = UNSET
    elif isinstance(end, datetime.date):
        json_end = end.isoformat()
    else:
        json_end = end
    params["end"] = json_end

    json_rule: None | str | Unset
    if isinstance(rule, Unset):
        json_rule = UNSET
    else:
        json_rule = rule
    params["rule"] = json_rule

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/oversight/compliance/children",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageChildCompliance | Problem | None:
    if response.status_code == 200:
        response_200 = PageChildCompliance.from_dict(response.json())

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
) -> Response[PageChildCompliance | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    service_id: None | Unset | UUID = UNSET,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
    rule: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[PageChildCompliance | Problem]:
    """Compliance per child

     One row per child (by id, never a name) and rule, ordered by child and rule. Each child shown is
    recorded in its access log. Leaders and integrations only; an admin sees aggregates, not children.
    The period is `start` to `end`, both included (default: the last twelve months up to today); a task
    counts in it when its due date does. An end before the start, a period over five years or an unknown
    `rule` is a 422 at the parameter; a service you do not act for is a 404. docs/oversight.md defines
    every figure.

    Args:
        service_id (None | Unset | UUID): The service reported on. Left out: every service where
            you may read oversight (an admin: every service).
        start (datetime.date | None | Unset): First day of the period (default: twelve months
            before end).
        end (datetime.date | None | Unset): Last day of the period, included (default: today, or
            twelve months after start). At most five years after start.
        rule (None | str | Unset): One rule's key (GET /v1/oversight/rules); left out, every rule.
        cursor (None | str | Unset): `next_cursor` from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageChildCompliance | Problem]
    """

    kwargs = _get_kwargs(
        service_id=service_id,
        start=start,
        end=end,
        rule=rule,
        cursor=cursor,
        limit=limit,
        x_on_behalf_of=x_on_behalf_of,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    service_id: None | Unset | UUID = UNSET,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
    rule: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> PageChildCompliance | Problem | None:
    """Compliance per child

     One row per child (by id, never a name) and rule, ordered by child and rule. Each child shown is
    recorded in its access log. Leaders and integrations only; an admin sees aggregates, not children.
    The period is `start` to `end`, both included (default: the last twelve months up to today); a task
    counts in it when its due date does. An end before the start, a period over five years or an unknown
    `rule` is a 422 at the parameter; a service you do not act for is a 404. docs/oversight.md defines
    every figure.

    Args:
        service_id (None | Unset | UUID): The service reported on. Left out: every service where
            you may read oversight (an admin: every service).
        start (datetime.date | None | Unset): First day of the period (default: twelve months
            before end).
        end (datetime.date | None | Unset): Last day of the period, included (default: today, or
            twelve months after start). At most five years after start.
        rule (None | str | Unset): One rule's key (GET /v1/oversight/rules); left out, every rule.
        cursor (None | str | Unset): `next_cursor` from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageChildCompliance | Problem
    """

    return sync_detailed(
        client=client,
        service_id=service_id,
        start=start,
        end=end,
        rule=rule,
        cursor=cursor,
        limit=limit,
        x_on_behalf_of=x_on_behalf_of,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    service_id: None | Unset | UUID = UNSET,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
    rule: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[PageChildCompliance | Problem]:
    """Compliance per child

     One row per child (by id, never a name) and rule, ordered by child and rule. Each child shown is
    recorded in its access log. Leaders and integrations only; an admin sees aggregates, not children.
    The period is `start` to `end`, both included (default: the last twelve months up to today); a task
    counts in it when its due date does. An end before the start, a period over five years or an unknown
    `rule` is a 422 at the parameter; a service you do not act for is a 404. docs/oversight.md defines
    every figure.

    Args:
        service_id (None | Unset | UUID): The service reported on. Left out: every service where
            you may read oversight (an admin: every service).
        start (datetime.date | None | Unset): First day of the period (default: twelve months
            before end).
        end (datetime.date | None | Unset): Last day of the period, included (default: today, or
            twelve months after start). At most five years after start.
        rule (None | str | Unset): One rule's key (GET /v1/oversight/rules); left out, every rule.
        cursor (None | str | Unset): `next_cursor` from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageChildCompliance | Problem]
    """

    kwargs = _get_kwargs(
        service_id=service_id,
        start=start,
        end=end,
        rule=rule,
        cursor=cursor,
        limit=limit,
        x_on_behalf_of=x_on_behalf_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    service_id: None | Unset | UUID = UNSET,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
    rule: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> PageChildCompliance | Problem | None:
    """Compliance per child

     One row per child (by id, never a name) and rule, ordered by child and rule. Each child shown is
    recorded in its access log. Leaders and integrations only; an admin sees aggregates, not children.
    The period is `start` to `end`, both included (default: the last twelve months up to today); a task
    counts in it when its due date does. An end before the start, a period over five years or an unknown
    `rule` is a 422 at the parameter; a service you do not act for is a 404. docs/oversight.md defines
    every figure.

    Args:
        service_id (None | Unset | UUID): The service reported on. Left out: every service where
            you may read oversight (an admin: every service).
        start (datetime.date | None | Unset): First day of the period (default: twelve months
            before end).
        end (datetime.date | None | Unset): Last day of the period, included (default: today, or
            twelve months after start). At most five years after start.
        rule (None | str | Unset): One rule's key (GET /v1/oversight/rules); left out, every rule.
        cursor (None | str | Unset): `next_cursor` from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageChildCompliance | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            service_id=service_id,
            start=start,
            end=end,
            rule=rule,
            cursor=cursor,
            limit=limit,
            x_on_behalf_of=x_on_behalf_of,
        )
    ).parsed
