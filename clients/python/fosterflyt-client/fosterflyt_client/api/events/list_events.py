from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.event_page import EventPage
from ...models.event_type import EventType
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    cursor: None | str | Unset = UNSET,
    after: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    type_: list[EventType] | None | Unset = UNSET,
    service_id: None | Unset | UUID = UNSET,
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

    json_after: None | str | Unset
    if isinstance(after, Unset):
        json_after = UNSET
    else:
        json_after = after
    params["after"] = json_after

    params["limit"] = limit

    json_type_: list[str] | None | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, list):
        json_type_ = []
        for type_type_0_item_data in type_:
            type_type_0_item = type_type_0_item_data.value
            json_type_.append(type_type_0_item)

    else:
        json_type_ = type_
    params["type"] = json_type_

    json_service_id: None | str | Unset
    if isinstance(service_id, Unset):
        json_service_id = UNSET
    elif isinstance(service_id, UUID):
        json_service_id = str(service_id)
    else:
        json_service_id = service_id
    params["service_id"] = json_service_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/events",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EventPage | Problem | None:
    if response.status_code == 200:
        response_200 = EventPage.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EventPage | Problem]:
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
    after: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    type_: list[EventType] | None | Unset = UNSET,
    service_id: None | Unset | UUID = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[EventPage | Problem]:
    """The event feed

     Every change in your services, oldest first, resumable: keep `next_cursor` and pass it as `after`
    next time. Events are written in the same transaction as the change, so none is lost. Payloads hold
    ids only. Types: `approval.created`, `approval.decided`, `approval.updated`,
    `contact_visit.changed`, `contact_visit.created`, `contact_visit_arrangement.changed`,
    `contact_visit_arrangement.created`, `contact_visit_report.received`, `document.generated`,
    `foster_home_child.added`, `foster_home_child.updated`, `life_story.part_written`, `parent.created`,
    `parent.updated`, `placement.created`, `placement.ended`, `placement.updated`, `plan.created`,
    `plan.reviewed`, `plan.revised`, `supervision_report.received`, `supervision_visitor.appointed`,
    `supervision_visitor.ended`, `supervision_visitor.updated`, `task.cancelled`, `task.completed`,
    `task.created`, `task.due_soon`, `task.overdue`, `task.reopened`, `task.rescheduled`,
    `task.skipped`, `team_order.accepted`, `team_order.called_back`, `team_order.closed`,
    `team_order.declined`, `team_order.ordered`, `team_order.started`, `webhook_subscription.disabled`,
    `workflow.closed`, `workflow.completed`, `workflow.started`. Like every list: at most 100 a page, a
    `Link` header to the next page while there is more, and an unknown parameter or event type is a 422.

    Args:
        cursor (None | str | Unset): `next_cursor` from the previous page.
        after (None | str | Unset): The same as `cursor` (the feed's first name).
        limit (int | Unset): Page size, at most 100. Default: 100.
        type_ (list[EventType] | None | Unset): Only these types.
        service_id (None | Unset | UUID):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventPage | Problem]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        after=after,
        limit=limit,
        type_=type_,
        service_id=service_id,
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
    after: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    type_: list[EventType] | None | Unset = UNSET,
    service_id: None | Unset | UUID = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> EventPage | Problem | None:
    """The event feed

     Every change in your services, oldest first, resumable: keep `next_cursor` and pass it as `after`
    next time. Events are written in the same transaction as the change, so none is lost. Payloads hold
    ids only. Types: `approval.created`, `approval.decided`, `approval.updated`,
    `contact_visit.changed`, `contact_visit.created`, `contact_visit_arrangement.changed`,
    `contact_visit_arrangement.created`, `contact_visit_report.received`, `document.generated`,
    `foster_home_child.added`, `foster_home_child.updated`, `life_story.part_written`, `parent.created`,
    `parent.updated`, `placement.created`, `placement.ended`, `placement.updated`, `plan.created`,
    `plan.reviewed`, `plan.revised`, `supervision_report.received`, `supervision_visitor.appointed`,
    `supervision_visitor.ended`, `supervision_visitor.updated`, `task.cancelled`, `task.completed`,
    `task.created`, `task.due_soon`, `task.overdue`, `task.reopened`, `task.rescheduled`,
    `task.skipped`, `team_order.accepted`, `team_order.called_back`, `team_order.closed`,
    `team_order.declined`, `team_order.ordered`, `team_order.started`, `webhook_subscription.disabled`,
    `workflow.closed`, `workflow.completed`, `workflow.started`. Like every list: at most 100 a page, a
    `Link` header to the next page while there is more, and an unknown parameter or event type is a 422.

    Args:
        cursor (None | str | Unset): `next_cursor` from the previous page.
        after (None | str | Unset): The same as `cursor` (the feed's first name).
        limit (int | Unset): Page size, at most 100. Default: 100.
        type_ (list[EventType] | None | Unset): Only these types.
        service_id (None | Unset | UUID):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventPage | Problem
    """

    return sync_detailed(
        client=client,
        cursor=cursor,
        after=after,
        limit=limit,
        type_=type_,
        service_id=service_id,
        x_on_behalf_of=x_on_behalf_of,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    after: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    type_: list[EventType] | None | Unset = UNSET,
    service_id: None | Unset | UUID = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[EventPage | Problem]:
    """The event feed

     Every change in your services, oldest first, resumable: keep `next_cursor` and pass it as `after`
    next time. Events are written in the same transaction as the change, so none is lost. Payloads hold
    ids only. Types: `approval.created`, `approval.decided`, `approval.updated`,
    `contact_visit.changed`, `contact_visit.created`, `contact_visit_arrangement.changed`,
    `contact_visit_arrangement.created`, `contact_visit_report.received`, `document.generated`,
    `foster_home_child.added`, `foster_home_child.updated`, `life_story.part_written`, `parent.created`,
    `parent.updated`, `placement.created`, `placement.ended`, `placement.updated`, `plan.created`,
    `plan.reviewed`, `plan.revised`, `supervision_report.received`, `supervision_visitor.appointed`,
    `supervision_visitor.ended`, `supervision_visitor.updated`, `task.cancelled`, `task.completed`,
    `task.created`, `task.due_soon`, `task.overdue`, `task.reopened`, `task.rescheduled`,
    `task.skipped`, `team_order.accepted`, `team_order.called_back`, `team_order.closed`,
    `team_order.declined`, `team_order.ordered`, `team_order.started`, `webhook_subscription.disabled`,
    `workflow.closed`, `workflow.completed`, `workflow.started`. Like every list: at most 100 a page, a
    `Link` header to the next page while there is more, and an unknown parameter or event type is a 422.

    Args:
        cursor (None | str | Unset): `next_cursor` from the previous page.
        after (None | str | Unset): The same as `cursor` (the feed's first name).
        limit (int | Unset): Page size, at most 100. Default: 100.
        type_ (list[EventType] | None | Unset): Only these types.
        service_id (None | Unset | UUID):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventPage | Problem]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        after=after,
        limit=limit,
        type_=type_,
        service_id=service_id,
        x_on_behalf_of=x_on_behalf_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    after: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    type_: list[EventType] | None | Unset = UNSET,
    service_id: None | Unset | UUID = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> EventPage | Problem | None:
    """The event feed

     Every change in your services, oldest first, resumable: keep `next_cursor` and pass it as `after`
    next time. Events are written in the same transaction as the change, so none is lost. Payloads hold
    ids only. Types: `approval.created`, `approval.decided`, `approval.updated`,
    `contact_visit.changed`, `contact_visit.created`, `contact_visit_arrangement.changed`,
    `contact_visit_arrangement.created`, `contact_visit_report.received`, `document.generated`,
    `foster_home_child.added`, `foster_home_child.updated`, `life_story.part_written`, `parent.created`,
    `parent.updated`, `placement.created`, `placement.ended`, `placement.updated`, `plan.created`,
    `plan.reviewed`, `plan.revised`, `supervision_report.received`, `supervision_visitor.appointed`,
    `supervision_visitor.ended`, `supervision_visitor.updated`, `task.cancelled`, `task.completed`,
    `task.created`, `task.due_soon`, `task.overdue`, `task.reopened`, `task.rescheduled`,
    `task.skipped`, `team_order.accepted`, `team_order.called_back`, `team_order.closed`,
    `team_order.declined`, `team_order.ordered`, `team_order.started`, `webhook_subscription.disabled`,
    `workflow.closed`, `workflow.completed`, `workflow.started`. Like every list: at most 100 a page, a
    `Link` header to the next page while there is more, and an unknown parameter or event type is a 422.

    Args:
        cursor (None | str | Unset): `next_cursor` from the previous page.
        after (None | str | Unset): The same as `cursor` (the feed's first name).
        limit (int | Unset): Page size, at most 100. Default: 100.
        type_ (list[EventType] | None | Unset): Only these types.
        service_id (None | Unset | UUID):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            cursor=cursor,
            after=after,
            limit=limit,
            type_=type_,
            service_id=service_id,
            x_on_behalf_of=x_on_behalf_of,
        )
    ).parsed
