from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.team_create import TeamCreate
from ...models.team_read import TeamRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: TeamCreate,
    service_id: None | Unset | UUID = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_on_behalf_of, Unset):
        headers["X-On-Behalf-Of"] = x_on_behalf_of

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

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
        "method": "post",
        "url": "/v1/teams",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TeamRead | None:
    if response.status_code == 201:
        response_201 = TeamRead.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | TeamRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TeamCreate,
    service_id: None | Unset | UUID = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | TeamRead]:
    """Set up a team hosted by the service

     An inter-municipal guidance team (vertskommunesamarbeid) hosted by the caller's service
    (`service_id` when the token grants several). Only the host's leader or integration sets it up (403
    otherwise). `use_basis` is the team's setting for the use half of the group-guidance cost: seats or
    attendance.

    Args:
        service_id (None | Unset | UUID): The service the new row belongs to. Needed only when
            your token grants several services (inter-municipal teams) or you are an admin.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        idempotency_key (None | str | Unset): Any unique string (a UUID is fine). A retry with the
            same key and body returns the original response instead of creating a duplicate.
        body (TeamCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TeamRead]
    """

    kwargs = _get_kwargs(
        body=body,
        service_id=service_id,
        x_on_behalf_of=x_on_behalf_of,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: TeamCreate,
    service_id: None | Unset | UUID = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | TeamRead | None:
    """Set up a team hosted by the service

     An inter-municipal guidance team (vertskommunesamarbeid) hosted by the caller's service
    (`service_id` when the token grants several). Only the host's leader or integration sets it up (403
    otherwise). `use_basis` is the team's setting for the use half of the group-guidance cost: seats or
    attendance.

    Args:
        service_id (None | Unset | UUID): The service the new row belongs to. Needed only when
            your token grants several services (inter-municipal teams) or you are an admin.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        idempotency_key (None | str | Unset): Any unique string (a UUID is fine). A retry with the
            same key and body returns the original response instead of creating a duplicate.
        body (TeamCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TeamRead
    """

    return sync_detailed(
        client=client,
        body=body,
        service_id=service_id,
        x_on_behalf_of=x_on_behalf_of,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TeamCreate,
    service_id: None | Unset | UUID = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | TeamRead]:
    """Set up a team hosted by the service

     An inter-municipal guidance team (vertskommunesamarbeid) hosted by the caller's service
    (`service_id` when the token grants several). Only the host's leader or integration sets it up (403
    otherwise). `use_basis` is the team's setting for the use half of the group-guidance cost: seats or
    attendance.

    Args:
        service_id (None | Unset | UUID): The service the new row belongs to. Needed only when
            your token grants several services (inter-municipal teams) or you are an admin.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        idempotency_key (None | str | Unset): Any unique string (a UUID is fine). A retry with the
            same key and body returns the original response instead of creating a duplicate.
        body (TeamCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TeamRead]
    """

    kwargs = _get_kwargs(
        body=body,
        service_id=service_id,
        x_on_behalf_of=x_on_behalf_of,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TeamCreate,
    service_id: None | Unset | UUID = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | TeamRead | None:
    """Set up a team hosted by the service

     An inter-municipal guidance team (vertskommunesamarbeid) hosted by the caller's service
    (`service_id` when the token grants several). Only the host's leader or integration sets it up (403
    otherwise). `use_basis` is the team's setting for the use half of the group-guidance cost: seats or
    attendance.

    Args:
        service_id (None | Unset | UUID): The service the new row belongs to. Needed only when
            your token grants several services (inter-municipal teams) or you are an admin.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        idempotency_key (None | str | Unset): Any unique string (a UUID is fine). A retry with the
            same key and body returns the original response instead of creating a duplicate.
        body (TeamCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TeamRead
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            service_id=service_id,
            x_on_behalf_of=x_on_behalf_of,
            idempotency_key=idempotency_key,
        )
    ).parsed
