from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.on_time_by_month import OnTimeByMonth
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    service_id: UUID,
    months: int | Unset = 12,
    rule: None | str | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_on_behalf_of, Unset):
        headers["X-On-Behalf-Of"] = x_on_behalf_of

    params: dict[str, Any] = {}

    json_service_id = str(service_id)
    params["service_id"] = json_service_id

    params["months"] = months

    json_rule: None | str | Unset
    if isinstance(rule, Unset):
        json_rule = UNSET
    else:
        json_rule = rule
    params["rule"] = json_rule

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/oversight/compliance/months",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OnTimeByMonth | Problem | None:
    if response.status_code == 200:
        response_200 = OnTimeByMonth.from_dict(response.json())

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
) -> Response[OnTimeByMonth | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    service_id: UUID,
    months: int | Unset = 12,
    rule: None | str | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[OnTimeByMonth | Problem]:
    """On-time share per rule per month

     For the leader page's chart: per rule, for each of the last `months` calendar months (this one
    included), the on-time share and its counts, by the month of the due date. An unknown `rule` is a
    422; a service you do not act for is a 404.

    Args:
        service_id (UUID):
        months (int | Unset): How many months, this one last. Default: 12.
        rule (None | str | Unset): One rule.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OnTimeByMonth | Problem]
    """

    kwargs = _get_kwargs(
        service_id=service_id,
        months=months,
        rule=rule,
        x_on_behalf_of=x_on_behalf_of,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    service_id: UUID,
    months: int | Unset = 12,
    rule: None | str | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> OnTimeByMonth | Problem | None:
    """On-time share per rule per month

     For the leader page's chart: per rule, for each of the last `months` calendar months (this one
    included), the on-time share and its counts, by the month of the due date. An unknown `rule` is a
    422; a service you do not act for is a 404.

    Args:
        service_id (UUID):
        months (int | Unset): How many months, this one last. Default: 12.
        rule (None | str | Unset): One rule.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OnTimeByMonth | Problem
    """

    return sync_detailed(
        client=client,
        service_id=service_id,
        months=months,
        rule=rule,
        x_on_behalf_of=x_on_behalf_of,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    service_id: UUID,
    months: int | Unset = 12,
    rule: None | str | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[OnTimeByMonth | Problem]:
    """On-time share per rule per month

     For the leader page's chart: per rule, for each of the last `months` calendar months (this one
    included), the on-time share and its counts, by the month of the due date. An unknown `rule` is a
    422; a service you do not act for is a 404.

    Args:
        service_id (UUID):
        months (int | Unset): How many months, this one last. Default: 12.
        rule (None | str | Unset): One rule.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OnTimeByMonth | Problem]
    """

    kwargs = _get_kwargs(
        service_id=service_id,
        months=months,
        rule=rule,
        x_on_behalf_of=x_on_behalf_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    service_id: UUID,
    months: int | Unset = 12,
    rule: None | str | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> OnTimeByMonth | Problem | None:
    """On-time share per rule per month

     For the leader page's chart: per rule, for each of the last `months` calendar months (this one
    included), the on-time share and its counts, by the month of the due date. An unknown `rule` is a
    422; a service you do not act for is a 404.

    Args:
        service_id (UUID):
        months (int | Unset): How many months, this one last. Default: 12.
        rule (None | str | Unset): One rule.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OnTimeByMonth | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            service_id=service_id,
            months=months,
            rule=rule,
            x_on_behalf_of=x_on_behalf_of,
        )
    ).parsed
