import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.legal_basis import LegalBasis
from ...models.page_placement_read import PagePlacementRead
from ...models.placement_status import PlacementStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    updated_since: datetime.datetime | None | Unset = UNSET,
    service_id: None | Unset | UUID = UNSET,
    external_system: None | str | Unset = UNSET,
    external_key: None | str | Unset = UNSET,
    child_id: None | Unset | UUID = UNSET,
    foster_home_id: None | Unset | UUID = UNSET,
    contact_person_id: None | Unset | UUID = UNSET,
    legal_basis: LegalBasis | None | Unset = UNSET,
    status: None | PlacementStatus | Unset = UNSET,
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

    json_external_system: None | str | Unset
    if isinstance(external_system, Unset):
        json_external_system = UNSET
    else:
        json_external_system = external_system
    params["external_system"] = json_external_system

    json_external_key: None | str | Unset
    if isinstance(external_key, Unset):
        json_external_key = UNSET
    else:
        json_external_key = external_key
    params["external_key"] = json_external_key

    json_child_id: None | str | Unset
    if isinstance(child_id, Unset):
        json_child_id = UNSET
    elif isinstance(child_id, UUID):
        json_child_id = str(child_id)
    else:
        json_child_id = child_id
    params["child_id"] = json_child_id

    json_foster_home_id: None | str | Unset
    if isinstance(foster_home_id, Unset):
        json_foster_home_id = UNSET
    elif isinstance(foster_home_id, UUID):
        json_foster_home_id = str(foster_home_id)
    else:
        json_foster_home_id = foster_home_id
    params["foster_home_id"] = json_foster_home_id

    json_contact_person_id: None | str | Unset
    if isinstance(contact_person_id, Unset):
        json_contact_person_id = UNSET
    elif isinstance(contact_person_id, UUID):
        json_contact_person_id = str(contact_person_id)
    else:
        json_contact_person_id = contact_person_id
    params["contact_person_id"] = json_contact_person_id

    json_legal_basis: None | str | Unset
    if isinstance(legal_basis, Unset):
        json_legal_basis = UNSET
    elif isinstance(legal_basis, LegalBasis):
        json_legal_basis = legal_basis.value
    else:
        json_legal_basis = legal_basis
    params["legal_basis"] = json_legal_basis

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, PlacementStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/placements",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PagePlacementRead | Problem | None:
    if response.status_code == 200:
        response_200 = PagePlacementRead.from_dict(response.json())

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
) -> Response[PagePlacementRead | Problem]:
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
    external_system: None | str | Unset = UNSET,
    external_key: None | str | Unset = UNSET,
    child_id: None | Unset | UUID = UNSET,
    foster_home_id: None | Unset | UUID = UNSET,
    contact_person_id: None | Unset | UUID = UNSET,
    legal_basis: LegalBasis | None | Unset = UNSET,
    status: None | PlacementStatus | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[PagePlacementRead | Problem]:
    """List placements

     Contact persons see the placements they follow; leaders and integrations every placement of their
    services.

    Args:
        cursor (None | str | Unset): `next_cursor` from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.
        updated_since (datetime.datetime | None | Unset): Only rows changed at or after this time
            (ISO 8601 with time zone).
        service_id (None | Unset | UUID):
        external_system (None | str | Unset):
        external_key (None | str | Unset):
        child_id (None | Unset | UUID):
        foster_home_id (None | Unset | UUID):
        contact_person_id (None | Unset | UUID):
        legal_basis (LegalBasis | None | Unset):
        status (None | PlacementStatus | Unset):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePlacementRead | Problem]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        updated_since=updated_since,
        service_id=service_id,
        external_system=external_system,
        external_key=external_key,
        child_id=child_id,
        foster_home_id=foster_home_id,
        contact_person_id=contact_person_id,
        legal_basis=legal_basis,
        status=status,
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
    external_system: None | str | Unset = UNSET,
    external_key: None | str | Unset = UNSET,
    child_id: None | Unset | UUID = UNSET,
    foster_home_id: None | Unset | UUID = UNSET,
    contact_person_id: None | Unset | UUID = UNSET,
    legal_basis: LegalBasis | None | Unset = UNSET,
    status: None | PlacementStatus | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> PagePlacementRead | Problem | None:
    """List placements

     Contact persons see the placements they follow; leaders and integrations every placement of their
    services.

    Args:
        cursor (None | str | Unset): `next_cursor` from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.
        updated_since (datetime.datetime | None | Unset): Only rows changed at or after this time
            (ISO 8601 with time zone).
        service_id (None | Unset | UUID):
        external_system (None | str | Unset):
        external_key (None | str | Unset):
        child_id (None | Unset | UUID):
        foster_home_id (None | Unset | UUID):
        contact_person_id (None | Unset | UUID):
        legal_basis (LegalBasis | None | Unset):
        status (None | PlacementStatus | Unset):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePlacementRead | Problem
    """

    return sync_detailed(
        client=client,
        cursor=cursor,
        limit=limit,
        updated_since=updated_since,
        service_id=service_id,
        external_system=external_system,
        external_key=external_key,
        child_id=child_id,
        foster_home_id=foster_home_id,
        contact_person_id=contact_person_id,
        legal_basis=legal_basis,
        status=status,
        x_on_behalf_of=x_on_behalf_of,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    updated_since: datetime.datetime | None | Unset = UNSET,
    service_id: None | Unset | UUID = UNSET,
    external_system: None | str | Unset = UNSET,
    external_key: None | str | Unset = UNSET,
    child_id: None | Unset | UUID = UNSET,
    foster_home_id: None | Unset | UUID = UNSET,
    contact_person_id: None | Unset | UUID = UNSET,
    legal_basis: LegalBasis | None | Unset = UNSET,
    status: None | PlacementStatus | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[PagePlacementRead | Problem]:
    """List placements

     Contact persons see the placements they follow; leaders and integrations every placement of their
    services.

    Args:
        cursor (None | str | Unset): `next_cursor` from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.
        updated_since (datetime.datetime | None | Unset): Only rows changed at or after this time
            (ISO 8601 with time zone).
        service_id (None | Unset | UUID):
        external_system (None | str | Unset):
        external_key (None | str | Unset):
        child_id (None | Unset | UUID):
        foster_home_id (None | Unset | UUID):
        contact_person_id (None | Unset | UUID):
        legal_basis (LegalBasis | None | Unset):
        status (None | PlacementStatus | Unset):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePlacementRead | Problem]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        updated_since=updated_since,
        service_id=service_id,
        external_system=external_system,
        external_key=external_key,
        child_id=child_id,
        foster_home_id=foster_home_id,
        contact_person_id=contact_person_id,
        legal_basis=legal_basis,
        status=status,
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
    external_system: None | str | Unset = UNSET,
    external_key: None | str | Unset = UNSET,
    child_id: None | Unset | UUID = UNSET,
    foster_home_id: None | Unset | UUID = UNSET,
    contact_person_id: None | Unset | UUID = UNSET,
    legal_basis: LegalBasis | None | Unset = UNSET,
    status: None | PlacementStatus | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> PagePlacementRead | Problem | None:
    """List placements

     Contact persons see the placements they follow; leaders and integrations every placement of their
    services.

    Args:
        cursor (None | str | Unset): `next_cursor` from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.
        updated_since (datetime.datetime | None | Unset): Only rows changed at or after this time
            (ISO 8601 with time zone).
        service_id (None | Unset | UUID):
        external_system (None | str | Unset):
        external_key (None | str | Unset):
        child_id (None | Unset | UUID):
        foster_home_id (None | Unset | UUID):
        contact_person_id (None | Unset | UUID):
        legal_basis (LegalBasis | None | Unset):
        status (None | PlacementStatus | Unset):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePlacementRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            cursor=cursor,
            limit=limit,
            updated_since=updated_since,
            service_id=service_id,
            external_system=external_system,
            external_key=external_key,
            child_id=child_id,
            foster_home_id=foster_home_id,
            contact_person_id=contact_person_id,
            legal_basis=legal_basis,
            status=status,
            x_on_behalf_of=x_on_behalf_of,
        )
    ).parsed
