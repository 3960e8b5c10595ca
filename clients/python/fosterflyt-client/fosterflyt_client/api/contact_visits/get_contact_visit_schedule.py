import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_visit_schedule import ContactVisitSchedule
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    placement_id: UUID,
    *,
    from_date: datetime.date | None | Unset = UNSET,
    to_date: datetime.date | None | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_on_behalf_of, Unset):
        headers["X-On-Behalf-Of"] = x_on_behalf_of

    params: dict[str, Any] = {}

    json_from_date: None | str | Unset
    if isinstance(from_date, Unset):
        json_from_date = UNSET
    elif isinstance(from_date, datetime.date):
        json_from_date = from_date.isoformat()
    else:
        json_from_date = from_date
    params["from_date"] = json_from_date

    json_to_date: None | str | Unset
    if isinstance(to_date, Unset):
        json_to_date = UNSET
    elif isinstance(to_date, datetime.date):
        json_to_date = to_date.isoformat()
    else:
        json_to_date = to_date
    params["to_date"] = json_to_date

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/placements/{placement_id}/contact-visits/schedule".format(
            placement_id=quote(str(placement_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContactVisitSchedule | Problem | None:
    if response.status_code == 200:
        response_200 = ContactVisitSchedule.from_dict(response.json())

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
) -> Response[ContactVisitSchedule | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    placement_id: UUID,
    *,
    client: AuthenticatedClient,
    from_date: datetime.date | None | Unset = UNSET,
    to_date: datetime.date | None | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[ContactVisitSchedule | Problem]:
    """The contact visits planned in a period

     Every visit the arrangements plan from `from_date` (default today) to `to_date` (default twelve
    months on, at most five years), with the visit recorded for that day where there is one (`visit_id`,
    `status`), and visits recorded off the schedule. These are dates, not tasks: the plan and reviews of
    the arrangement and the review of each report are tasks (`GET /v1/tasks`).

    Args:
        placement_id (UUID):
        from_date (datetime.date | None | Unset): Default: today.
        to_date (datetime.date | None | Unset): Default: twelve months on.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactVisitSchedule | Problem]
    """

    kwargs = _get_kwargs(
        placement_id=placement_id,
        from_date=from_date,
        to_date=to_date,
        x_on_behalf_of=x_on_behalf_of,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    placement_id: UUID,
    *,
    client: AuthenticatedClient,
    from_date: datetime.date | None | Unset = UNSET,
    to_date: datetime.date | None | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> ContactVisitSchedule | Problem | None:
    """The contact visits planned in a period

     Every visit the arrangements plan from `from_date` (default today) to `to_date` (default twelve
    months on, at most five years), with the visit recorded for that day where there is one (`visit_id`,
    `status`), and visits recorded off the schedule. These are dates, not tasks: the plan and reviews of
    the arrangement and the review of each report are tasks (`GET /v1/tasks`).

    Args:
        placement_id (UUID):
        from_date (datetime.date | None | Unset): Default: today.
        to_date (datetime.date | None | Unset): Default: twelve months on.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactVisitSchedule | Problem
    """

    return sync_detailed(
        placement_id=placement_id,
        client=client,
        from_date=from_date,
        to_date=to_date,
        x_on_behalf_of=x_on_behalf_of,
    ).parsed


async def asyncio_detailed(
    placement_id: UUID,
    *,
    client: AuthenticatedClient,
    from_date: datetime.date | None | Unset = UNSET,
    to_date: datetime.date | None | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[ContactVisitSchedule | Problem]:
    """The contact visits planned in a period

     Every visit the arrangements plan from `from_date` (default today) to `to_date` (default twelve
    months on, at most five years), with the visit recorded for that day where there is one (`visit_id`,
    `status`), and visits recorded off the schedule. These are dates, not tasks: the plan and reviews of
    the arrangement and the review of each report are tasks (`GET /v1/tasks`).

    Args:
        placement_id (UUID):
        from_date (datetime.date | None | Unset): Default: today.
        to_date (datetime.date | None | Unset): Default: twelve months on.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactVisitSchedule | Problem]
    """

    kwargs = _get_kwargs(
        placement_id=placement_id,
        from_date=from_date,
        to_date=to_date,
        x_on_behalf_of=x_on_behalf_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    placement_id: UUID,
    *,
    client: AuthenticatedClient,
    from_date: datetime.date | None | Unset = UNSET,
    to_date: datetime.date | None | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> ContactVisitSchedule | Problem | None:
    """The contact visits planned in a period

     Every visit the arrangements plan from `from_date` (default today) to `to_date` (default twelve
    months on, at most five years), with the visit recorded for that day where there is one (`visit_id`,
    `status`), and visits recorded off the schedule. These are dates, not tasks: the plan and reviews of
    the arrangement and the review of each report are tasks (`GET /v1/tasks`).

    Args:
        placement_id (UUID):
        from_date (datetime.date | None | Unset): Default: today.
        to_date (datetime.date | None | Unset): Default: twelve months on.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactVisitSchedule | Problem
    """

    return (
        await asyncio_detailed(
            placement_id=placement_id,
            client=client,
            from_date=from_date,
            to_date=to_date,
            x_on_behalf_of=x_on_behalf_of,
        )
    ).parsed
