from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.body_record_supervision_report import BodyRecordSupervisionReport
from ...models.problem import Problem
from ...models.supervision_report_read import SupervisionReportRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BodyRecordSupervisionReport,
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
        "url": "/v1/supervision-reports",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SupervisionReportRead | None:
    if response.status_code == 201:
        response_201 = SupervisionReportRead.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | SupervisionReportRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: BodyRecordSupervisionReport,
    x_on_behalf_of: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | SupervisionReportRead]:
    """Record a supervision report that has arrived

     multipart/form-data with `placement_id`, `visit_date`, `received_on` (the day the report arrived),
    `spoke_with_child_alone` and `file` (the report as PDF or .docx, recognised from its bytes; a .docx
    is checked like an uploaded template: size, zip bomb, external content). Another service's placement
    is a 404. The report completes the placement's next open supervision visit (`task_id`), and the
    review of the report (`gjennomgang_tilsynsrapport`) is then due a rule-set duration after
    `received_on`, with its explanation and provenance on the task.

    Args:
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        idempotency_key (None | str | Unset): Any unique string (a UUID is fine). A retry with the
            same key and body returns the original response instead of creating a duplicate.
        body (BodyRecordSupervisionReport):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SupervisionReportRead]
    """

    kwargs = _get_kwargs(
        body=body,
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
    body: BodyRecordSupervisionReport,
    x_on_behalf_of: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | SupervisionReportRead | None:
    """Record a supervision report that has arrived

     multipart/form-data with `placement_id`, `visit_date`, `received_on` (the day the report arrived),
    `spoke_with_child_alone` and `file` (the report as PDF or .docx, recognised from its bytes; a .docx
    is checked like an uploaded template: size, zip bomb, external content). Another service's placement
    is a 404. The report completes the placement's next open supervision visit (`task_id`), and the
    review of the report (`gjennomgang_tilsynsrapport`) is then due a rule-set duration after
    `received_on`, with its explanation and provenance on the task.

    Args:
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        idempotency_key (None | str | Unset): Any unique string (a UUID is fine). A retry with the
            same key and body returns the original response instead of creating a duplicate.
        body (BodyRecordSupervisionReport):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SupervisionReportRead
    """

    return sync_detailed(
        client=client,
        body=body,
        x_on_behalf_of=x_on_behalf_of,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: BodyRecordSupervisionReport,
    x_on_behalf_of: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | SupervisionReportRead]:
    """Record a supervision report that has arrived

     multipart/form-data with `placement_id`, `visit_date`, `received_on` (the day the report arrived),
    `spoke_with_child_alone` and `file` (the report as PDF or .docx, recognised from its bytes; a .docx
    is checked like an uploaded template: size, zip bomb, external content). Another service's placement
    is a 404. The report completes the placement's next open supervision visit (`task_id`), and the
    review of the report (`gjennomgang_tilsynsrapport`) is then due a rule-set duration after
    `received_on`, with its explanation and provenance on the task.

    Args:
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        idempotency_key (None | str | Unset): Any unique string (a UUID is fine). A retry with the
            same key and body returns the original response instead of creating a duplicate.
        body (BodyRecordSupervisionReport):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SupervisionReportRead]
    """

    kwargs = _get_kwargs(
        body=body,
        x_on_behalf_of=x_on_behalf_of,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: BodyRecordSupervisionReport,
    x_on_behalf_of: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | SupervisionReportRead | None:
    """Record a supervision report that has arrived

     multipart/form-data with `placement_id`, `visit_date`, `received_on` (the day the report arrived),
    `spoke_with_child_alone` and `file` (the report as PDF or .docx, recognised from its bytes; a .docx
    is checked like an uploaded template: size, zip bomb, external content). Another service's placement
    is a 404. The report completes the placement's next open supervision visit (`task_id`), and the
    review of the report (`gjennomgang_tilsynsrapport`) is then due a rule-set duration after
    `received_on`, with its explanation and provenance on the task.

    Args:
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        idempotency_key (None | str | Unset): Any unique string (a UUID is fine). A retry with the
            same key and body returns the original response instead of creating a duplicate.
        body (BodyRecordSupervisionReport):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SupervisionReportRead
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_on_behalf_of=x_on_behalf_of,
            idempotency_key=idempotency_key,
        )
    ).parsed
