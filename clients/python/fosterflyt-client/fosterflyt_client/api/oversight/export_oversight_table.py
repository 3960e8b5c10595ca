import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export_format import ExportFormat
from ...models.export_table import ExportTable
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    service_id: None | Unset | UUID = UNSET,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
    rule: None | str | Unset = UNSET,
    table: ExportTable,
    format_: ExportFormat,
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

    json_start: None | str | Unset
    if isinstance(start, Unset):
        json_start = UNSET
    elif isinstance(start, datetime.date):
        json_start = start.isoformat()
    else:
        json_start = start
    params["start"] = json_start

    json_end: None | str | Unset
    if isinstance(end, Unset):
        json_end = UNSET
    elif isinstance(end, datetime.date):
        json_end = end.isoformat()
    else:
        json_end = end
    params["end"] = json_end

    json_rule: None | str | Unset
    if isinstance(rule, Unset):
        json_rule = UNSET
    else:
        json_rule = rule
    params["rule"] = json_rule

    json_table = table.value
    params["table"] = json_table

    json_format_ = format_.value
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/oversight/export",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    service_id: None | Unset | UUID = UNSET,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
    rule: None | str | Unset = UNSET,
    table: ExportTable,
    format_: ExportFormat,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[Problem | str]:
    """An oversight table as CSV or XLSX

     The table of `/v1/oversight/compliance`, `.../children`, `.../staff`, `.../months`, `/indicators` or
    `/breakdowns` as one file, for the same service, period and rule. No names or national ids:
    services, staff and children by id. In every table but `children`, a count from 1 to
    FOSTERFLYT_OVERSIGHT_SMALL_NUMBERS_BELOW − 1 (default 5) is written as `<5` and the share beside it
    left empty; `children` is a 409 when it would list fewer children than that. An unknown `table` or
    `format` is a 422 at the parameter. Recorded as an export.

    Args:
        service_id (None | Unset | UUID): The service reported on. Left out: every service where
            you may read oversight (an admin: every service).
        start (datetime.date | None | Unset): First day of the period (default: twelve months
            before end).
        end (datetime.date | None | Unset): Last day of the period, included (default: today, or
            twelve months after start). At most five years after start.
        rule (None | str | Unset): One rule's key (GET /v1/oversight/rules); left out, every rule.
        table (ExportTable):
        format_ (ExportFormat):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        service_id=service_id,
        start=start,
        end=end,
        rule=rule,
        table=table,
        format_=format_,
        x_on_behalf_of=x_on_behalf_of,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    service_id: None | Unset | UUID = UNSET,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
    rule: None | str | Unset = UNSET,
    table: ExportTable,
    format_: ExportFormat,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Problem | str | None:
    """An oversight table as CSV or XLSX

     The table of `/v1/oversight/compliance`, `.../children`, `.../staff`, `.../months`, `/indicators` or
    `/breakdowns` as one file, for the same service, period and rule. No names or national ids:
    services, staff and children by id. In every table but `children`, a count from 1 to
    FOSTERFLYT_OVERSIGHT_SMALL_NUMBERS_BELOW − 1 (default 5) is written as `<5` and the share beside it
    left empty; `children` is a 409 when it would list fewer children than that. An unknown `table` or
    `format` is a 422 at the parameter. Recorded as an export.

    Args:
        service_id (None | Unset | UUID): The service reported on. Left out: every service where
            you may read oversight (an admin: every service).
        start (datetime.date | None | Unset): First day of the period (default: twelve months
            before end).
        end (datetime.date | None | Unset): Last day of the period, included (default: today, or
            twelve months after start). At most five years after start.
        rule (None | str | Unset): One rule's key (GET /v1/oversight/rules); left out, every rule.
        table (ExportTable):
        format_ (ExportFormat):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        client=client,
        service_id=service_id,
        start=start,
        end=end,
        rule=rule,
        table=table,
        format_=format_,
        x_on_behalf_of=x_on_behalf_of,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    service_id: None | Unset | UUID = UNSET,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
    rule: None | str | Unset = UNSET,
    table: ExportTable,
    format_: ExportFormat,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[Problem | str]:
    """An oversight table as CSV or XLSX

     The table of `/v1/oversight/compliance`, `.../children`, `.../staff`, `.../months`, `/indicators` or
    `/breakdowns` as one file, for the same service, period and rule. No names or national ids:
    services, staff and children by id. In every table but `children`, a count from 1 to
    FOSTERFLYT_OVERSIGHT_SMALL_NUMBERS_BELOW − 1 (default 5) is written as `<5` and the share beside it
    left empty; `children` is a 409 when it would list fewer children than that. An unknown `table` or
    `format` is a 422 at the parameter. Recorded as an export.

    Args:
        service_id (None | Unset | UUID): The service reported on. Left out: every service where
            you may read oversight (an admin: every service).
        start (datetime.date | None | Unset): First day of the period (default: twelve months
            before end).
        end (datetime.date | None | Unset): Last day of the period, included (default: today, or
            twelve months after start). At most five years after start.
        rule (None | str | Unset): One rule's key (GET /v1/oversight/rules); left out, every rule.
        table (ExportTable):
        format_ (ExportFormat):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        service_id=service_id,
        start=start,
        end=end,
        rule=rule,
        table=table,
        format_=format_,
        x_on_behalf_of=x_on_behalf_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    service_id: None | Unset | UUID = UNSET,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
    rule: None | str | Unset = UNSET,
    table: ExportTable,
    format_: ExportFormat,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Problem | str | None:
    """An oversight table as CSV or XLSX

     The table of `/v1/oversight/compliance`, `.../children`, `.../staff`, `.../months`, `/indicators` or
    `/breakdowns` as one file, for the same service, period and rule. No names or national ids:
    services, staff and children by id. In every table but `children`, a count from 1 to
    FOSTERFLYT_OVERSIGHT_SMALL_NUMBERS_BELOW − 1 (default 5) is written as `<5` and the share beside it
    left empty; `children` is a 409 when it would list fewer children than that. An unknown `table` or
    `format` is a 422 at the parameter. Recorded as an export.

    Args:
        service_id (None | Unset | UUID): The service reported on. Left out: every service where
            you may read oversight (an admin: every service).
        start (datetime.date | None | Unset): First day of the period (default: twelve months
            before end).
        end (datetime.date | None | Unset): Last day of the period, included (default: today, or
            twelve months after start). At most five years after start.
        rule (None | str | Unset): One rule's key (GET /v1/oversight/rules); left out, every rule.
        table (ExportTable):
        format_ (ExportFormat):
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            service_id=service_id,
            start=start,
            end=end,
            rule=rule,
            table=table,
            format_=format_,
            x_on_behalf_of=x_on_behalf_of,
        )
    ).parsed
