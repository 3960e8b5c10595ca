from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.service_read import ServiceRead
from ...models.service_update import ServiceUpdate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    service_id: UUID,
    *,
    body: ServiceUpdate,
    if_match: None | str | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    if not isinstance(x_on_behalf_of, Unset):
        headers["X-On-Behalf-Of"] = x_on_behalf_of

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/services/{service_id}".format(
            service_id=quote(str(service_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ServiceRead | None:
    if response.status_code == 200:
        response_200 = ServiceRead.from_dict(response.json())

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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

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
) -> Response[Problem | ServiceRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    service_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ServiceUpdate,
    if_match: None | str | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[Problem | ServiceRead]:
    """Change a service

     Partial update; send If-Match with the ETag from your last GET.

    Args:
        service_id (UUID):
        if_match (None | str | Unset): The ETag from your last read. Required: a stale one gets
            412.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        body (ServiceUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ServiceRead]
    """

    kwargs = _get_kwargs(
        service_id=service_id,
        body=body,
        if_match=if_match,
        x_on_behalf_of=x_on_behalf_of,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    service_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ServiceUpdate,
    if_match: None | str | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Problem | ServiceRead | None:
    """Change a service

     Partial update; send If-Match with the ETag from your last GET.

    Args:
        service_id (UUID):
        if_match (None | str | Unset): The ETag from your last read. Required: a stale one gets
            412.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        body (ServiceUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ServiceRead
    """

    return sync_detailed(
        service_id=service_id,
        client=client,
        body=body,
        if_match=if_match,
        x_on_behalf_of=x_on_behalf_of,
    ).parsed


async def asyncio_detailed(
    service_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ServiceUpdate,
    if_match: None | str | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[Problem | ServiceRead]:
    """Change a service

     Partial update; send If-Match with the ETag from your last GET.

    Args:
        service_id (UUID):
        if_match (None | str | Unset): The ETag from your last read. Required: a stale one gets
            412.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        body (ServiceUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ServiceRead]
    """

    kwargs = _get_kwargs(
        service_id=service_id,
        body=body,
        if_match=if_match,
        x_on_behalf_of=x_on_behalf_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    service_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ServiceUpdate,
    if_match: None | str | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Problem | ServiceRead | None:
    """Change a service

     Partial update; send If-Match with the ETag from your last GET.

    Args:
        service_id (UUID):
        if_match (None | str | Unset): The ETag from your last read. Required: a stale one gets
            412.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        body (ServiceUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ServiceRead
    """

    return (
        await asyncio_detailed(
            service_id=service_id,
            client=client,
            body=body,
            if_match=if_match,
            x_on_behalf_of=x_on_behalf_of,
        )
    ).parsed
