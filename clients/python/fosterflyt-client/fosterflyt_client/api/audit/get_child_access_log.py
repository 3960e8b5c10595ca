import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_child_access_log_order import GetChildAccessLogOrder
from ...models.page_audit_event_read import PageAuditEventRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    child_id: UUID,
    *,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    order: GetChildAccessLogOrder | Unset = GetChildAccessLogOrder.NEWEST,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
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

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order.value

    params["order"] = json_order

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.datetime):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.datetime):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/children/{child_id}/access-log".format(
            child_id=quote(str(child_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageAuditEventRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageAuditEventRead.from_dict(response.json())

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
) -> Response[PageAuditEventRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    child_id: UUID,
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    order: GetChildAccessLogOrder | Unset = GetChildAccessLogOrder.NEWEST,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[PageAuditEventRead | Problem]:
    """A child's access history (leader)

     Who read or changed the child's data, when, for whom and with what outcome, newest first and
    paginated. With `Accept: text/csv` the whole history (in the `from`/`to` window), oldest first, as
    one CSV file. Reading it is itself recorded.

    Args:
        child_id (UUID):
        cursor (None | str | Unset): `next_cursor` from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.
        order (GetChildAccessLogOrder | Unset): Newest first (default) or oldest first. Default:
            GetChildAccessLogOrder.NEWEST.
        from_ (datetime.datetime | None | Unset): Only entries at or after this time.
        to (datetime.datetime | None | Unset): Only entries before this time.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAuditEventRead | Problem]
    """

    kwargs = _get_kwargs(
        child_id=child_id,
        cursor=cursor,
        limit=limit,
        order=order,
        from_=from_,
        to=to,
        x_on_behalf_of=x_on_behalf_of,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    child_id: UUID,
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    order: GetChildAccessLogOrder | Unset = GetChildAccessLogOrder.NEWEST,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> PageAuditEventRead | Problem | None:
    """A child's access history (leader)

     Who read or changed the child's data, when, for whom and with what outcome, newest first and
    paginated. With `Accept: text/csv` the whole history (in the `from`/`to` window), oldest first, as
    one CSV file. Reading it is itself recorded.

    Args:
        child_id (UUID):
        cursor (None | str | Unset): `next_cursor` from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.
        order (GetChildAccessLogOrder | Unset): Newest first (default) or oldest first. Default:
            GetChildAccessLogOrder.NEWEST.
        from_ (datetime.datetime | None | Unset): Only entries at or after this time.
        to (datetime.datetime | None | Unset): Only entries before this time.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAuditEventRead | Problem
    """

    return sync_detailed(
        child_id=child_id,
        client=client,
        cursor=cursor,
        limit=limit,
        order=order,
        from_=from_,
        to=to,
        x_on_behalf_of=x_on_behalf_of,
    ).parsed


async def asyncio_detailed(
    child_id: UUID,
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    order: GetChildAccessLogOrder | Unset = GetChildAccessLogOrder.NEWEST,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[PageAuditEventRead | Problem]:
    """A child's access history (leader)

     Who read or changed the child's data, when, for whom and with what outcome, newest first and
    paginated. With `Accept: text/csv` the whole history (in the `from`/`to` window), oldest first, as
    one CSV file. Reading it is itself recorded.

    Args:
        child_id (UUID):
        cursor (None | str | Unset): `next_cursor` from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.
        order (GetChildAccessLogOrder | Unset): Newest first (default) or oldest first. Default:
            GetChildAccessLogOrder.NEWEST.
        from_ (datetime.datetime | None | Unset): Only entries at or after this time.
        to (datetime.datetime | None | Unset): Only entries before this time.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAuditEventRead | Problem]
    """

    kwargs = _get_kwargs(
        child_id=child_id,
        cursor=cursor,
        limit=limit,
        order=order,
        from_=from_,
        to=to,
        x_on_behalf_of=x_on_behalf_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    child_id: UUID,
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    order: GetChildAccessLogOrder | Unset = GetChildAccessLogOrder.NEWEST,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> PageAuditEventRead | Problem | None:
    """A child's access history (leader)

     Who read or changed the child's data, when, for whom and with what outcome, newest first and
    paginated. With `Accept: text/csv` the whole history (in the `from`/`to` window), oldest first, as
    one CSV file. Reading it is itself recorded.

    Args:
        child_id (UUID):
        cursor (None | str | Unset): `next_cursor` from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.
        order (GetChildAccessLogOrder | Unset): Newest first (default) or oldest first. Default:
            GetChildAccessLogOrder.NEWEST.
        from_ (datetime.datetime | None | Unset): Only entries at or after this time.
        to (datetime.datetime | None | Unset): Only entries before this time.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAuditEventRead | Problem
    """

    return (
        await asyncio_detailed(
            child_id=child_id,
            client=client,
            cursor=cursor,
            limit=limit,
            order=order,
            from_=from_,
            to=to,
            x_on_behalf_of=x_on_behalf_of,
        )
    ).parsed
