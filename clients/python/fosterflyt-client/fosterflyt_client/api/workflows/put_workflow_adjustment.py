from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.adjustment_put import AdjustmentPut
from ...models.adjustment_read import AdjustmentRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    key: str,
    *,
    body: AdjustmentPut,
    service_id: None | Unset | UUID = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_on_behalf_of, Unset):
        headers["X-On-Behalf-Of"] = x_on_behalf_of

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
        "method": "put",
        "url": "/v1/workflow-adjustments/{key}".format(
            key=quote(str(key), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AdjustmentRead | Problem | None:
    if response.status_code == 200:
        response_200 = AdjustmentRead.from_dict(response.json())

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
) -> Response[AdjustmentRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    key: str,
    *,
    client: AuthenticatedClient,
    body: AdjustmentPut,
    service_id: None | Unset | UUID = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[AdjustmentRead | Problem]:
    """Adjust a workflow for a service (leader)

     Change a step's offset or switch it off (only workflows marked adjustable: Omsorgspakken); give a
    step to another role (any workflow, not a leader's decision; the service must have staff with the
    role); start an optional programme (En god start, Omsorgspakken) only on request. Placements started
    from now on follow the adjustment, running ones keep the plan and owners they started with.

    Args:
        key (str):
        service_id (None | Unset | UUID): The service the new row belongs to. Needed only when
            your token grants several services (inter-municipal teams) or you are an admin.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        body (AdjustmentPut): The service's whole adjustment of one workflow (steps left out
            follow the definition).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AdjustmentRead | Problem]
    """

    kwargs = _get_kwargs(
        key=key,
        body=body,
        service_id=service_id,
        x_on_behalf_of=x_on_behalf_of,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    key: str,
    *,
    client: AuthenticatedClient,
    body: AdjustmentPut,
    service_id: None | Unset | UUID = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> AdjustmentRead | Problem | None:
    """Adjust a workflow for a service (leader)

     Change a step's offset or switch it off (only workflows marked adjustable: Omsorgspakken); give a
    step to another role (any workflow, not a leader's decision; the service must have staff with the
    role); start an optional programme (En god start, Omsorgspakken) only on request. Placements started
    from now on follow the adjustment, running ones keep the plan and owners they started with.

    Args:
        key (str):
        service_id (None | Unset | UUID): The service the new row belongs to. Needed only when
            your token grants several services (inter-municipal teams) or you are an admin.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        body (AdjustmentPut): The service's whole adjustment of one workflow (steps left out
            follow the definition).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AdjustmentRead | Problem
    """

    return sync_detailed(
        key=key,
        client=client,
        body=body,
        service_id=service_id,
        x_on_behalf_of=x_on_behalf_of,
    ).parsed


async def asyncio_detailed(
    key: str,
    *,
    client: AuthenticatedClient,
    body: AdjustmentPut,
    service_id: None | Unset | UUID = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[AdjustmentRead | Problem]:
    """Adjust a workflow for a service (leader)

     Change a step's offset or switch it off (only workflows marked adjustable: Omsorgspakken); give a
    step to another role (any workflow, not a leader's decision; the service must have staff with the
    role); start an optional programme (En god start, Omsorgspakken) only on request. Placements started
    from now on follow the adjustment, running ones keep the plan and owners they started with.

    Args:
        key (str):
        service_id (None | Unset | UUID): The service the new row belongs to. Needed only when
            your token grants several services (inter-municipal teams) or you are an admin.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        body (AdjustmentPut): The service's whole adjustment of one workflow (steps left out
            follow the definition).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AdjustmentRead | Problem]
    """

    kwargs = _get_kwargs(
        key=key,
        body=body,
        service_id=service_id,
        x_on_behalf_of=x_on_behalf_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    key: str,
    *,
    client: AuthenticatedClient,
    body: AdjustmentPut,
    service_id: None | Unset | UUID = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> AdjustmentRead | Problem | None:
    """Adjust a workflow for a service (leader)

     Change a step's offset or switch it off (only workflows marked adjustable: Omsorgspakken); give a
    step to another role (any workflow, not a leader's decision; the service must have staff with the
    role); start an optional programme (En god start, Omsorgspakken) only on request. Placements started
    from now on follow the adjustment, running ones keep the plan and owners they started with.

    Args:
        key (str):
        service_id (None | Unset | UUID): The service the new row belongs to. Needed only when
            your token grants several services (inter-municipal teams) or you are an admin.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        body (AdjustmentPut): The service's whole adjustment of one workflow (steps left out
            follow the definition).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AdjustmentRead | Problem
    """

    return (
        await asyncio_detailed(
            key=key,
            client=client,
            body=body,
            service_id=service_id,
            x_on_behalf_of=x_on_behalf_of,
        )
    ).parsed
