import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_task_read import PageTaskRead
from ...models.problem import Problem
from ...models.task_status import TaskStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    updated_since: datetime.datetime | None | Unset = UNSET,
    service_id: None | Unset | UUID = UNSET,
    placement_id: None | Unset | UUID = UNSET,
    assignee_id: None | Unset | UUID = UNSET,
    status: None | TaskStatus | Unset = UNSET,
    due_before: datetime.date | None | Unset = UNSET,
    due_after: datetime.date | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
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

    json_service_id: None | str | Unset
    if isinstance(service_id, Unset):
        json_service_id = UNSET
    elif isinstance(service_id, UUID):
        json_service_id = str(service_id)
    else:
        json_service_id = service_id
    params["service_id"] = json_service_id

    json_placement_id: None | str | Unset
    if isinstance(placement_id, Unset):
        json_placement_id = UNSET
    elif isinstance(placement_id, UUID):
        json_placement_id = str(placement_id)
    else:
        json_placement_id = placement_id
    params["placement_id"] = json_placement_id

    json_assignee_id: None | str | Unset
    if isinstance(assignee_id, Unset):
        json_assignee_id = UNSET
    elif isinstance(assignee_id, UUID):
        json_assignee_id = str(assignee_id)
    else:
        json_assignee_id = assignee_id
    params["assignee_id"] = json_assignee_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, TaskStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_due_before: None | str | Unset
    if isinstance(due_before, Unset):
        json_due_before = UNSET
    elif isinstance(due_before, datetime.date):
        json_due_before = due_before.isoformat()
    else:
        json_due_before = due_before
    params["due_before"] = json_due_before

    json_due_after: None | str | Unset
    if isinstance(due_after, Unset):
        json_due_after = UNSET
    elif isinstance(due_after, datetime.date):
        json_due_after = due_after.isoformat()
    else:
        json_due_after = due_after
    params["due_after"] = json_due_after

    json_overdue: bool | None | Unset
    if isinstance(overdue, Unset):
        json_overdue = UNSET
    else:
        json_overdue = overdue
    params["overdue"] = json_overdue

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tasks",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageTaskRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageTaskRead.from_dict(response.json())

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
) -> Response[PageTaskRead | Problem]:
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
    service_id: None | Unset | UUID = UNSET,
    placement_id: None | Unset | UUID = UNSET,
    assignee_id: None | Unset | UUID = UNSET,
    status: None | TaskStatus | Unset = UNSET,
    due_before: datetime.date | None | Unset = UNSET,
    due_after: datetime.date | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[PageTaskRead | Problem]:
    """List tasks

     Sorted by due date. `assignee_id=<you>&status=open` is a contact person's work list;
    `service_id=...&overdue=true` a leader's overview. `overdue` is computed from today's date in
    Europe/Oslo when you ask.

    Args:
        cursor (None | str | Unset): `next_cursor` from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.
        updated_since (datetime.datetime | None | Unset): Only rows changed at or after this time
            (ISO 8601 with time zone).
        service_id (None | Unset | UUID):
        placement_id (None | Unset | UUID):
        assignee_id (None | Unset | UUID):
        status (None | TaskStatus | Unset):
        due_before (datetime.date | None | Unset): Due on or before this date.
        due_after (datetime.date | None | Unset): Due on or after this date.
        overdue (bool | None | Unset): true: open and due before today; false: everything else.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTaskRead | Problem]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        updated_since=updated_since,
        service_id=service_id,
        placement_id=placement_id,
        assignee_id=assignee_id,
        status=status,
        due_before=due_before,
        due_after=due_after,
        overdue=overdue,
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
    service_id: None | Unset | UUID = UNSET,
    placement_id: None | Unset | UUID = UNSET,
    assignee_id: None | Unset | UUID = UNSET,
    status: None | TaskStatus | Unset = UNSET,
    due_before: datetime.date | None | Unset = UNSET,
    due_after: datetime.date | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> PageTaskRead | Problem | None:
    """List tasks

     Sorted by due date. `assignee_id=<you>&status=open` is a contact person's work list;
    `service_id=...&overdue=true` a leader's overview. `overdue` is computed from today's date in
    Europe/Oslo when you ask.

    Args:
        cursor (None | str | Unset): `next_cursor` from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.
        updated_since (datetime.datetime | None | Unset): Only rows changed at or after this time
            (ISO 8601 with time zone).
        service_id (None | Unset | UUID):
        placement_id (None | Unset | UUID):
        assignee_id (None | Unset | UUID):
        status (None | TaskStatus | Unset):
        due_before (datetime.date | None | Unset): Due on or before this date.
        due_after (datetime.date | None | Unset): Due on or after this date.
        overdue (bool | None | Unset): true: open and due before today; false: everything else.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTaskRead | Problem
    """

    return sync_detailed(
        client=client,
        cursor=cursor,
        limit=limit,
        updated_since=updated_since,
        service_id=service_id,
        placement_id=placement_id,
        assignee_id=assignee_id,
        status=status,
        due_before=due_before,
        due_after=due_after,
        overdue=overdue,
        x_on_behalf_of=x_on_behalf_of,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    updated_since: datetime.datetime | None | Unset = UNSET,
    service_id: None | Unset | UUID = UNSET,
    placement_id: None | Unset | UUID = UNSET,
    assignee_id: None | Unset | UUID = UNSET,
    status: None | TaskStatus | Unset = UNSET,
    due_before: datetime.date | None | Unset = UNSET,
    due_after: datetime.date | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[PageTaskRead | Problem]:
    """List tasks

     Sorted by due date. `assignee_id=<you>&status=open` is a contact person's work list;
    `service_id=...&overdue=true` a leader's overview. `overdue` is computed from today's date in
    Europe/Oslo when you ask.

    Args:
        cursor (None | str | Unset): `next_cursor` from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.
        updated_since (datetime.datetime | None | Unset): Only rows changed at or after this time
            (ISO 8601 with time zone).
        service_id (None | Unset | UUID):
        placement_id (None | Unset | UUID):
        assignee_id (None | Unset | UUID):
        status (None | TaskStatus | Unset):
        due_before (datetime.date | None | Unset): Due on or before this date.
        due_after (datetime.date | None | Unset): Due on or after this date.
        overdue (bool | None | Unset): true: open and due before today; false: everything else.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTaskRead | Problem]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        updated_since=updated_since,
        service_id=service_id,
        placement_id=placement_id,
        assignee_id=assignee_id,
        status=status,
        due_before=due_before,
        due_after=due_after,
        overdue=overdue,
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
    service_id: None | Unset | UUID = UNSET,
    placement_id: None | Unset | UUID = UNSET,
    assignee_id: None | Unset | UUID = UNSET,
    status: None | TaskStatus | Unset = UNSET,
    due_before: datetime.date | None | Unset = UNSET,
    due_after: datetime.date | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> PageTaskRead | Problem | None:
    """List tasks

     Sorted by due date. `assignee_id=<you>&status=open` is a contact person's work list;
    `service_id=...&overdue=true` a leader's overview. `overdue` is computed from today's date in
    Europe/Oslo when you ask.

    Args:
        cursor (None | str | Unset): `next_cursor` from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.
        updated_since (datetime.datetime | None | Unset): Only rows changed at or after this time
            (ISO 8601 with time zone).
        service_id (None | Unset | UUID):
        placement_id (None | Unset | UUID):
        assignee_id (None | Unset | UUID):
        status (None | TaskStatus | Unset):
        due_before (datetime.date | None | Unset): Due on or before this date.
        due_after (datetime.date | None | Unset): Due on or after this date.
        overdue (bool | None | Unset): true: open and due before today; false: everything else.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTaskRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            cursor=cursor,
            limit=limit,
            updated_since=updated_since,
            service_id=service_id,
            placement_id=placement_id,
            assignee_id=assignee_id,
            status=status,
            due_before=due_before,
            due_after=due_after,
            overdue=overdue,
            x_on_behalf_of=x_on_behalf_of,
        )
    ).parsed
