from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.visit_reduction_end import VisitReductionEnd
from ...models.visit_reduction_read import VisitReductionRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    placement_id: UUID,
    reduction_id: UUID,
    *,
    body: VisitReductionEnd,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_on_behalf_of, Unset):
        headers["X-On-Behalf-Of"] = x_on_behalf_of

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/placements/{placement_id}/visit-reductions/{reduction_id}/end".format(
            placement_id=quote(str(placement_id), safe=""),
            reduction_id=quote(str(reduction_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | VisitReductionRead | None:
    if response.status_code == 200:
        response_200 = VisitReductionRead.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[Problem | VisitReductionRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    placement_id: UUID,
    reduction_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VisitReductionEnd,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[Problem | VisitReductionRead]:
    """End a reduction of follow-up visits (leader)

     When the child needs more again: from the day after `ended_on`, visits follow the usual minimum,
    counted from the last visit before. The reduction stays in the history with the reason. Open visits
    are recalculated at once. To change a reduction, end it and record a new one. Only leaders.

    Args:
        placement_id (UUID):
        reduction_id (UUID):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        body (VisitReductionEnd): A leader ends a reduction: from the day after ``ended_on``, the
            usual visits again.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VisitReductionRead]
    """

    kwargs = _get_kwargs(
        placement_id=placement_id,
        reduction_id=reduction_id,
        body=body,
        x_on_behalf_of=x_on_behalf_of,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    placement_id: UUID,
    reduction_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VisitReductionEnd,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Problem | VisitReductionRead | None:
    """End a reduction of follow-up visits (leader)

     When the child needs more again: from the day after `ended_on`, visits follow the usual minimum,
    counted from the last visit before. The reduction stays in the history with the reason. Open visits
    are recalculated at once. To change a reduction, end it and record a new one. Only leaders.

    Args:
        placement_id (UUID):
        reduction_id (UUID):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        body (VisitReductionEnd): A leader ends a reduction: from the day after ``ended_on``, the
            usual visits again.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VisitReductionRead
    """

    return sync_detailed(
        placement_id=placement_id,
        reduction_id=reduction_id,
        client=client,
        body=body,
        x_on_behalf_of=x_on_behalf_of,
    ).parsed


async def asyncio_detailed(
    placement_id: UUID,
    reduction_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VisitReductionEnd,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[Problem | VisitReductionRead]:
    """End a reduction of follow-up visits (leader)

     When the child needs more again: from the day after `ended_on`, visits follow the usual minimum,
    counted from the last visit before. The reduction stays in the history with the reason. Open visits
    are recalculated at once. To change a reduction, end it and record a new one. Only leaders.

    Args:
        placement_id (UUID):
        reduction_id (UUID):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        body (VisitReductionEnd): A leader ends a reduction: from the day after ``ended_on``, the
            usual visits again.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VisitReductionRead]
    """

    kwargs = _get_kwargs(
        placement_id=placement_id,
        reduction_id=reduction_id,
        body=body,
        x_on_behalf_of=x_on_behalf_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    placement_id: UUID,
    reduction_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VisitReductionEnd,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Problem | VisitReductionRead | None:
    """End a reduction of follow-up visits (leader)

     When the child needs more again: from the day after `ended_on`, visits follow the usual minimum,
    counted from the last visit before. The reduction stays in the history with the reason. Open visits
    are recalculated at once. To change a reduction, end it and record a new one. Only leaders.

    Args:
        placement_id (UUID):
        reduction_id (UUID):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        body (VisitReductionEnd): A leader ends a reduction: from the day after ``ended_on``, the
            usual visits again.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VisitReductionRead
    """

    return (
        await asyncio_detailed(
            placement_id=placement_id,
            reduction_id=reduction_id,
            client=client,
            body=body,
            x_on_behalf_of=x_on_behalf_of,
        )
    ).parsed
