from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.plan_create import PlanCreate
from ...models.plan_read import PlanRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    placement_id: UUID,
    *,
    body: PlanCreate,
    x_on_behalf_of: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_on_behalf_of, Unset):
        headers["X-On-Behalf-Of"] = x_on_behalf_of

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/placements/{placement_id}/plans".format(
            placement_id=quote(str(placement_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PlanRead | Problem | None:
    if response.status_code == 201:
        response_201 = PlanRead.from_dict(response.json())

        return response_201

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PlanRead | Problem]:
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
    body: PlanCreate,
    x_on_behalf_of: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[PlanRead | Problem]:
    """Register a plan of the placement

     A care plan (omsorgsplan, preliminary or final), a measures plan (tiltaksplan, time-limited:
    `valid_until`), a follow-up plan (oppfølgingsplan) or the parents' follow-up plan, as adopted, with
    who took part (participation is documented). A child has one preliminary care plan: a second one
    gets 409 `preliminary-care-plan-exists` at `#/stage`. `adopted_on` lies in the placement and not
    after today (a care plan or measures plan, made before the move, up to three months before it): else
    422 at `#/adopted_on`. Its reviews are recorded by completing the plan workflows' review tasks.

    Args:
        placement_id (UUID):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        idempotency_key (None | str | Unset): Any unique string (a UUID is fine). A retry with the
            same key and body returns the original response instead of creating a duplicate.
        body (PlanCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanRead | Problem]
    """

    kwargs = _get_kwargs(
        placement_id=placement_id,
        body=body,
        x_on_behalf_of=x_on_behalf_of,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    placement_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PlanCreate,
    x_on_behalf_of: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> PlanRead | Problem | None:
    """Register a plan of the placement

     A care plan (omsorgsplan, preliminary or final), a measures plan (tiltaksplan, time-limited:
    `valid_until`), a follow-up plan (oppfølgingsplan) or the parents' follow-up plan, as adopted, with
    who took part (participation is documented). A child has one preliminary care plan: a second one
    gets 409 `preliminary-care-plan-exists` at `#/stage`. `adopted_on` lies in the placement and not
    after today (a care plan or measures plan, made before the move, up to three months before it): else
    422 at `#/adopted_on`. Its reviews are recorded by completing the plan workflows' review tasks.

    Args:
        placement_id (UUID):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        idempotency_key (None | str | Unset): Any unique string (a UUID is fine). A retry with the
            same key and body returns the original response instead of creating a duplicate.
        body (PlanCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanRead | Problem
    """

    return sync_detailed(
        placement_id=placement_id,
        client=client,
        body=body,
        x_on_behalf_of=x_on_behalf_of,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    placement_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PlanCreate,
    x_on_behalf_of: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[PlanRead | Problem]:
    """Register a plan of the placement

     A care plan (omsorgsplan, preliminary or final), a measures plan (tiltaksplan, time-limited:
    `valid_until`), a follow-up plan (oppfølgingsplan) or the parents' follow-up plan, as adopted, with
    who took part (participation is documented). A child has one preliminary care plan: a second one
    gets 409 `preliminary-care-plan-exists` at `#/stage`. `adopted_on` lies in the placement and not
    after today (a care plan or measures plan, made before the move, up to three months before it): else
    422 at `#/adopted_on`. Its reviews are recorded by completing the plan workflows' review tasks.

    Args:
        placement_id (UUID):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        idempotency_key (None | str | Unset): Any unique string (a UUID is fine). A retry with the
            same key and body returns the original response instead of creating a duplicate.
        body (PlanCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanRead | Problem]
    """

    kwargs = _get_kwargs(
        placement_id=placement_id,
        body=body,
        x_on_behalf_of=x_on_behalf_of,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    placement_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PlanCreate,
    x_on_behalf_of: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> PlanRead | Problem | None:
    """Register a plan of the placement

     A care plan (omsorgsplan, preliminary or final), a measures plan (tiltaksplan, time-limited:
    `valid_until`), a follow-up plan (oppfølgingsplan) or the parents' follow-up plan, as adopted, with
    who took part (participation is documented). A child has one preliminary care plan: a second one
    gets 409 `preliminary-care-plan-exists` at `#/stage`. `adopted_on` lies in the placement and not
    after today (a care plan or measures plan, made before the move, up to three months before it): else
    422 at `#/adopted_on`. Its reviews are recorded by completing the plan workflows' review tasks.

    Args:
        placement_id (UUID):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        idempotency_key (None | str | Unset): Any unique string (a UUID is fine). A retry with the
            same key and body returns the original response instead of creating a duplicate.
        body (PlanCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanRead | Problem
    """

    return (
        await asyncio_detailed(
            placement_id=placement_id,
            client=client,
            body=body,
            x_on_behalf_of=x_on_behalf_of,
            idempotency_key=idempotency_key,
        )
    ).parsed
