import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.order_status import OrderStatus
from ...models.page_order_read import PageOrderRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    updated_since: datetime.datetime | None | Unset = UNSET,
    team_id: None | Unset | UUID = UNSET,
    member_service_id: None | Unset | UUID = UNSET,
    status: None | OrderStatus | Unset = UNSET,
    child_id: None | Unset | UUID = UNSET,
    due_by: datetime.date | None | Unset = UNSET,
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

    json_team_id: None | str | Unset
    if isinstance(team_id, Unset):
        json_team_id = UNSET
    elif isinstance(team_id, UUID):
        json_team_id = str(team_id)
    else:
        json_team_id = team_id
    params["team_id"] = json_team_id

    json_member_service_id: None | str | Unset
    if isinstance(member_service_id, Unset):
        json_member_service_id = UNSET
    elif isinstance(member_service_id, UUID):
        json_member_service_id = str(member_service_id)
    else:
        json_member_service_id = member_service_id
    params["member_service_id"] = json_member_service_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, OrderStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_child_id: None | str | Unset
    if isinstance(child_id, Unset):
        json_child_id = UNSET
    elif isinstance(child_id, UUID):
        json_child_id = str(child_id)
    else:
        json_child_id = child_id
    params["child_id"] = json_child_id

    json_due_by: None | str | Unset
    if isinstance(due_by, Unset):
        json_due_by = UNSET
    elif isinstance(due_by, datetime.date):
        json_due_by = due_by.isoformat()
    else:
        json_due_by = due_by
    params["due_by"] = json_due_by

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/team-orders",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageOrderRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageOrderRead.from_dict(response.json())

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
) -> Response[PageOrderRead | Problem]:
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
    team_id: None | Unset | UUID = UNSET,
    member_service_id: None | Unset | UUID = UNSET,
    status: None | OrderStatus | Unset = UNSET,
    child_id: None | Unset | UUID = UNSET,
    due_by: datetime.date | None | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[PageOrderRead | Problem]:
    """List orders

     The host's leaders and integrations see every order of its teams, the team's staff those of their
    teams, and a member service's leaders and integrations its own orders. `due_by` gives the team's
    reminders: orders whose next step is due by that day.

    Args:
        cursor (None | str | Unset): `next_cursor` from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.
        updated_since (datetime.datetime | None | Unset): Only rows changed at or after this time
            (ISO 8601 with time zone).
        team_id (None | Unset | UUID):
        member_service_id (None | Unset | UUID):
        status (None | OrderStatus | Unset):
        child_id (None | Unset | UUID):
        due_by (datetime.date | None | Unset): Only orders whose next step is due on or before
            this day (the team's reminders).
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageOrderRead | Problem]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        updated_since=updated_since,
        team_id=team_id,
        member_service_id=member_service_id,
        status=status,
        child_id=child_id,
        due_by=due_by,
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
    team_id: None | Unset | UUID = UNSET,
    member_service_id: None | Unset | UUID = UNSET,
    status: None | OrderStatus | Unset = UNSET,
    child_id: None | Unset | UUID = UNSET,
    due_by: datetime.date | None | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> PageOrderRead | Problem | None:
    """List orders

     The host's leaders and integrations see every order of its teams, the team's staff those of their
    teams, and a member service's leaders and integrations its own orders. `due_by` gives the team's
    reminders: orders whose next step is due by that day.

    Args:
        cursor (None | str | Unset): `next_cursor` from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.
        updated_since (datetime.datetime | None | Unset): Only rows changed at or after this time
            (ISO 8601 with time zone).
        team_id (None | Unset | UUID):
        member_service_id (None | Unset | UUID):
        status (None | OrderStatus | Unset):
        child_id (None | Unset | UUID):
        due_by (datetime.date | None | Unset): Only orders whose next step is due on or before
            this day (the team's reminders).
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageOrderRead | Problem
    """

    return sync_detailed(
        client=client,
        cursor=cursor,
        limit=limit,
        updated_since=updated_since,
        team_id=team_id,
        member_service_id=member_service_id,
        status=status,
        child_id=child_id,
        due_by=due_by,
        x_on_behalf_of=x_on_behalf_of,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    updated_since: datetime.datetime | None | Unset = UNSET,
    team_id: None | Unset | UUID = UNSET,
    member_service_id: None | Unset | UUID = UNSET,
    status: None | OrderStatus | Unset = UNSET,
    child_id: None | Unset | UUID = UNSET,
    due_by: datetime.date | None | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[PageOrderRead | Problem]:
    """List orders

     The host's leaders and integrations see every order of its teams, the team's staff those of their
    teams, and a member service's leaders and integrations its own orders. `due_by` gives the team's
    reminders: orders whose next step is due by that day.

    Args:
        cursor (None | str | Unset): `next_cursor` from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.
        updated_since (datetime.datetime | None | Unset): Only rows changed at or after this time
            (ISO 8601 with time zone).
        team_id (None | Unset | UUID):
        member_service_id (None | Unset | UUID):
        status (None | OrderStatus | Unset):
        child_id (None | Unset | UUID):
        due_by (datetime.date | None | Unset): Only orders whose next step is due on or before
            this day (the team's reminders).
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageOrderRead | Problem]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        updated_since=updated_since,
        team_id=team_id,
        member_service_id=member_service_id,
        status=status,
        child_id=child_id,
        due_by=due_by,
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
    team_id: None | Unset | UUID = UNSET,
    member_service_id: None | Unset | UUID = UNSET,
    status: None | OrderStatus | Unset = UNSET,
    child_id: None | Unset | UUID = UNSET,
    due_by: datetime.date | None | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> PageOrderRead | Problem | None:
    """List orders

     The host's leaders and integrations see every order of its teams, the team's staff those of their
    teams, and a member service's leaders and integrations its own orders. `due_by` gives the team's
    reminders: orders whose next step is due by that day.

    Args:
        cursor (None | str | Unset): `next_cursor` from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.
        updated_since (datetime.datetime | None | Unset): Only rows changed at or after this time
            (ISO 8601 with time zone).
        team_id (None | Unset | UUID):
        member_service_id (None | Unset | UUID):
        status (None | OrderStatus | Unset):
        child_id (None | Unset | UUID):
        due_by (datetime.date | None | Unset): Only orders whose next step is due on or before
            this day (the team's reminders).
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageOrderRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            cursor=cursor,
            limit=limit,
            updated_since=updated_since,
            team_id=team_id,
            member_service_id=member_service_id,
            status=status,
            child_id=child_id,
            due_by=due_by,
            x_on_behalf_of=x_on_behalf_of,
        )
    ).parsed
