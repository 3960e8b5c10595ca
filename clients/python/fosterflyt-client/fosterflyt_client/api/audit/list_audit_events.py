import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.action import Action
from ...models.list_audit_events_order import ListAuditEventsOrder
from ...models.outcome import Outcome
from ...models.page_audit_event_read import PageAuditEventRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    order: ListAuditEventsOrder | Unset = ListAuditEventsOrder.NEWEST,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    service_id: None | Unset | UUID = UNSET,
    child_id: None | Unset | UUID = UNSET,
    staff_id: None | Unset | UUID = UNSET,
    subject: None | str | Unset = UNSET,
    action: Action | None | Unset = UNSET,
    outcome: None | Outcome | Unset = UNSET,
    resource_type: None | str | Unset = UNSET,
    resource_id: None | Unset | UUID = UNSET,
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

    json_service_id: None | str | Unset
    if isinstance(service_id, Unset):
        json_service_id = UNSET
    elif isinstance(service_id, UUID):
        json_service_id = str(service_id)
    else:
        json_service_id = service_id
    params["service_id"] = json_service_id

    json_child_id: None | str | Unset
    if isinstance(child_id, Unset):
        json_child_id = UNSET
    elif isinstance(child_id, UUID):
        json_child_id = str(child_id)
    else:
        json_child_id = child_id
    params["child_id"] = json_child_id

    json_staff_id: None | str | Unset
    if isinstance(staff_id, Unset):
        json_staff_id = UNSET
    elif isinstance(staff_id, UUID):
        json_staff_id = str(staff_id)
    else:
        json_staff_id = staff_id
    params["staff_id"] = json_staff_id

    json_subject: None | str | Unset
    if isinstance(subject, Unset):
        json_subject = UNSET
    else:
        json_subject = subject
    params["subject"] = json_subject

    json_action: None | str | Unset
    if isinstance(action, Unset):
        json_action = UNSET
    elif isinstance(action, Action):
        json_action = action.value
    else:
        json_action = action
    params["action"] = json_action

    json_outcome: None | str | Unset
    if isinstance(outcome, Unset):
        json_outcome = UNSET
    elif isinstance(outcome, Outcome):
        json_outcome = outcome.value
    else:
        json_outcome = outcome
    params["outcome"] = json_outcome

    json_resource_type: None | str | Unset
    if isinstance(resource_type, Unset):
        json_resource_type = UNSET
    else:
        json_resource_type = resource_type
    params["resource_type"] = json_resource_type

    json_resource_id: None | str | Unset
    if isinstance(resource_id, Unset):
        json_resource_id = UNSET
    elif isinstance(resource_id, UUID):
        json_resource_id = str(resource_id)
    else:
        json_resource_id = resource_id
    params["resource_id"] = json_resource_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/audit-events",
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
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    order: ListAuditEventsOrder | Unset = ListAuditEventsOrder.NEWEST,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    service_id: None | Unset | UUID = UNSET,
    child_id: None | Unset | UUID = UNSET,
    staff_id: None | Unset | UUID = UNSET,
    subject: None | str | Unset = UNSET,
    action: Action | None | Unset = UNSET,
    outcome: None | Outcome | Unset = UNSET,
    resource_type: None | str | Unset = UNSET,
    resource_id: None | Unset | UUID = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[PageAuditEventRead | Problem]:
    """Search the audit trail (leader)

     Every read and change of personal data in your services, and every refused attempt, newest first
    (`order=oldest` for oldest first). Filter by child, actor (`staff_id`, `subject`), `action`,
    `outcome`, resource and time (`from`, `to`). Entries hold ids only. Searching the trail is itself
    recorded.

    Args:
        cursor (None | str | Unset): `next_cursor` from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.
        order (ListAuditEventsOrder | Unset): Newest first (default) or oldest first. Default:
            ListAuditEventsOrder.NEWEST.
        from_ (datetime.datetime | None | Unset): Only entries at or after this time.
        to (datetime.datetime | None | Unset): Only entries before this time.
        service_id (None | Unset | UUID):
        child_id (None | Unset | UUID):
        staff_id (None | Unset | UUID): The actor's staff id.
        subject (None | str | Unset): The actor's `sub`.
        action (Action | None | Unset):
        outcome (None | Outcome | Unset):
        resource_type (None | str | Unset):
        resource_id (None | Unset | UUID):
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
        cursor=cursor,
        limit=limit,
        order=order,
        from_=from_,
        to=to,
        service_id=service_id,
        child_id=child_id,
        staff_id=staff_id,
        subject=subject,
        action=action,
        outcome=outcome,
        resource_type=resource_type,
        resource_id=resource_id,
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
    order: ListAuditEventsOrder | Unset = ListAuditEventsOrder.NEWEST,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    service_id: None | Unset | UUID = UNSET,
    child_id: None | Unset | UUID = UNSET,
    staff_id: None | Unset | UUID = UNSET,
    subject: None | str | Unset = UNSET,
    action: Action | None | Unset = UNSET,
    outcome: None | Outcome | Unset = UNSET,
    resource_type: None | str | Unset = UNSET,
    resource_id: None | Unset | UUID = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> PageAuditEventRead | Problem | None:
    """Search the audit trail (leader)

     Every read and change of personal data in your services, and every refused attempt, newest first
    (`order=oldest` for oldest first). Filter by child, actor (`staff_id`, `subject`), `action`,
    `outcome`, resource and time (`from`, `to`). Entries hold ids only. Searching the trail is itself
    recorded.

    Args:
        cursor (None | str | Unset): `next_cursor` from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.
        order (ListAuditEventsOrder | Unset): Newest first (default) or oldest first. Default:
            ListAuditEventsOrder.NEWEST.
        from_ (datetime.datetime | None | Unset): Only entries at or after this time.
        to (datetime.datetime | None | Unset): Only entries before this time.
        service_id (None | Unset | UUID):
        child_id (None | Unset | UUID):
        staff_id (None | Unset | UUID): The actor's staff id.
        subject (None | str | Unset): The actor's `sub`.
        action (Action | None | Unset):
        outcome (None | Outcome | Unset):
        resource_type (None | str | Unset):
        resource_id (None | Unset | UUID):
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
        client=client,
        cursor=cursor,
        limit=limit,
        order=order,
        from_=from_,
        to=to,
        service_id=service_id,
        child_id=child_id,
        staff_id=staff_id,
        subject=subject,
        action=action,
        outcome=outcome,
        resource_type=resource_type,
        resource_id=resource_id,
        x_on_behalf_of=x_on_behalf_of,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    order: ListAuditEventsOrder | Unset = ListAuditEventsOrder.NEWEST,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    service_id: None | Unset | UUID = UNSET,
    child_id: None | Unset | UUID = UNSET,
    staff_id: None | Unset | UUID = UNSET,
    subject: None | str | Unset = UNSET,
    action: Action | None | Unset = UNSET,
    outcome: None | Outcome | Unset = UNSET,
    resource_type: None | str | Unset = UNSET,
    resource_id: None | Unset | UUID = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[PageAuditEventRead | Problem]:
    """Search the audit trail (leader)

     Every read and change of personal data in your services, and every refused attempt, newest first
    (`order=oldest` for oldest first). Filter by child, actor (`staff_id`, `subject`), `action`,
    `outcome`, resource and time (`from`, `to`). Entries hold ids only. Searching the trail is itself
    recorded.

    Args:
        cursor (None | str | Unset): `next_cursor` from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.
        order (ListAuditEventsOrder | Unset): Newest first (default) or oldest first. Default:
            ListAuditEventsOrder.NEWEST.
        from_ (datetime.datetime | None | Unset): Only entries at or after this time.
        to (datetime.datetime | None | Unset): Only entries before this time.
        service_id (None | Unset | UUID):
        child_id (None | Unset | UUID):
        staff_id (None | Unset | UUID): The actor's staff id.
        subject (None | str | Unset): The actor's `sub`.
        action (Action | None | Unset):
        outcome (None | Outcome | Unset):
        resource_type (None | str | Unset):
        resource_id (None | Unset | UUID):
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
        cursor=cursor,
        limit=limit,
        order=order,
        from_=from_,
        to=to,
        service_id=service_id,
        child_id=child_id,
        staff_id=staff_id,
        subject=subject,
        action=action,
        outcome=outcome,
        resource_type=resource_type,
        resource_id=resource_id,
        x_on_behalf_of=x_on_behalf_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    order: ListAuditEventsOrder | Unset = ListAuditEventsOrder.NEWEST,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    service_id: None | Unset | UUID = UNSET,
    child_id: None | Unset | UUID = UNSET,
    staff_id: None | Unset | UUID = UNSET,
    subject: None | str | Unset = UNSET,
    action: Action | None | Unset = UNSET,
    outcome: None | Outcome | Unset = UNSET,
    resource_type: None | str | Unset = UNSET,
    resource_id: None | Unset | UUID = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> PageAuditEventRead | Problem | None:
    """Search the audit trail (leader)

     Every read and change of personal data in your services, and every refused attempt, newest first
    (`order=oldest` for oldest first). Filter by child, actor (`staff_id`, `subject`), `action`,
    `outcome`, resource and time (`from`, `to`). Entries hold ids only. Searching the trail is itself
    recorded.

    Args:
        cursor (None | str | Unset): `next_cursor` from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.
        order (ListAuditEventsOrder | Unset): Newest first (default) or oldest first. Default:
            ListAuditEventsOrder.NEWEST.
        from_ (datetime.datetime | None | Unset): Only entries at or after this time.
        to (datetime.datetime | None | Unset): Only entries before this time.
        service_id (None | Unset | UUID):
        child_id (None | Unset | UUID):
        staff_id (None | Unset | UUID): The actor's staff id.
        subject (None | str | Unset): The actor's `sub`.
        action (Action | None | Unset):
        outcome (None | Outcome | Unset):
        resource_type (None | str | Unset):
        resource_id (None | Unset | UUID):
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
            client=client,
            cursor=cursor,
            limit=limit,
            order=order,
            from_=from_,
            to=to,
            service_id=service_id,
            child_id=child_id,
            staff_id=staff_id,
            subject=subject,
            action=action,
            outcome=outcome,
            resource_type=resource_type,
            resource_id=resource_id,
            x_on_behalf_of=x_on_behalf_of,
        )
    ).parsed
