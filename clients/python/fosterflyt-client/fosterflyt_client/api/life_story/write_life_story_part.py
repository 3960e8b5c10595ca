from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.life_story_part_read import LifeStoryPartRead
from ...models.life_story_part_write import LifeStoryPartWrite
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    child_id: UUID,
    part_key: str,
    *,
    body: LifeStoryPartWrite,
    if_match: None | str | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    if not isinstance(x_on_behalf_of, Unset):
        headers["X-On-Behalf-Of"] = x_on_behalf_of

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/children/{child_id}/life-story/parts/{part_key}".format(
            child_id=quote(str(child_id), safe=""),
            part_key=quote(str(part_key), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LifeStoryPartRead | Problem | None:
    if response.status_code == 200:
        response_200 = LifeStoryPartRead.from_dict(response.json())

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
) -> Response[LifeStoryPartRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    child_id: UUID,
    part_key: str,
    *,
    client: AuthenticatedClient,
    body: LifeStoryPartWrite,
    if_match: None | str | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[LifeStoryPartRead | Problem]:
    """Write a new version of a part

     Send the part's whole text as it should read now: it becomes the part's next version, and every
    earlier version stays readable. Once a part has been written, send `If-Match` with the ETag of your
    last `GET` of the part (428 without it, 412 when someone wrote the part since), so that two writers
    never overwrite each other unseen. The first write of a part needs no `If-Match`. An empty text is a
    422 at `#/text`. The response is the part with its new version and ETag; `life_story.part_written`
    is raised.

    Args:
        child_id (UUID):
        part_key (str): The part: `min_historie`, `hvorfor_jeg_ikke_bor_hjemme`, `familien_min`,
            `viktige_personer`, `det_jeg_er_god_til` or `det_som_har_vaert_vanskelig`.
        if_match (None | str | Unset): The ETag from your last read. Required: a stale one gets
            412.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        body (LifeStoryPartWrite): A new version of one part: the whole text as it should read
            now.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LifeStoryPartRead | Problem]
    """

    kwargs = _get_kwargs(
        child_id=child_id,
        part_key=part_key,
        body=body,
        if_match=if_match,
        x_on_behalf_of=x_on_behalf_of,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    child_id: UUID,
    part_key: str,
    *,
    client: AuthenticatedClient,
    body: LifeStoryPartWrite,
    if_match: None | str | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> LifeStoryPartRead | Problem | None:
    """Write a new version of a part

     Send the part's whole text as it should read now: it becomes the part's next version, and every
    earlier version stays readable. Once a part has been written, send `If-Match` with the ETag of your
    last `GET` of the part (428 without it, 412 when someone wrote the part since), so that two writers
    never overwrite each other unseen. The first write of a part needs no `If-Match`. An empty text is a
    422 at `#/text`. The response is the part with its new version and ETag; `life_story.part_written`
    is raised.

    Args:
        child_id (UUID):
        part_key (str): The part: `min_historie`, `hvorfor_jeg_ikke_bor_hjemme`, `familien_min`,
            `viktige_personer`, `det_jeg_er_god_til` or `det_som_har_vaert_vanskelig`.
        if_match (None | str | Unset): The ETag from your last read. Required: a stale one gets
            412.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        body (LifeStoryPartWrite): A new version of one part: the whole text as it should read
            now.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LifeStoryPartRead | Problem
    """

    return sync_detailed(
        child_id=child_id,
        part_key=part_key,
        client=client,
        body=body,
        if_match=if_match,
        x_on_behalf_of=x_on_behalf_of,
    ).parsed


async def asyncio_detailed(
    child_id: UUID,
    part_key: str,
    *,
    client: AuthenticatedClient,
    body: LifeStoryPartWrite,
    if_match: None | str | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> Response[LifeStoryPartRead | Problem]:
    """Write a new version of a part

     Send the part's whole text as it should read now: it becomes the part's next version, and every
    earlier version stays readable. Once a part has been written, send `If-Match` with the ETag of your
    last `GET` of the part (428 without it, 412 when someone wrote the part since), so that two writers
    never overwrite each other unseen. The first write of a part needs no `If-Match`. An empty text is a
    422 at `#/text`. The response is the part with its new version and ETag; `life_story.part_written`
    is raised.

    Args:
        child_id (UUID):
        part_key (str): The part: `min_historie`, `hvorfor_jeg_ikke_bor_hjemme`, `familien_min`,
            `viktige_personer`, `det_jeg_er_god_til` or `det_som_har_vaert_vanskelig`.
        if_match (None | str | Unset): The ETag from your last read. Required: a stale one gets
            412.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        body (LifeStoryPartWrite): A new version of one part: the whole text as it should read
            now.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LifeStoryPartRead | Problem]
    """

    kwargs = _get_kwargs(
        child_id=child_id,
        part_key=part_key,
        body=body,
        if_match=if_match,
        x_on_behalf_of=x_on_behalf_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    child_id: UUID,
    part_key: str,
    *,
    client: AuthenticatedClient,
    body: LifeStoryPartWrite,
    if_match: None | str | Unset = UNSET,
    x_on_behalf_of: None | str | Unset = UNSET,
) -> LifeStoryPartRead | Problem | None:
    """Write a new version of a part

     Send the part's whole text as it should read now: it becomes the part's next version, and every
    earlier version stays readable. Once a part has been written, send `If-Match` with the ETag of your
    last `GET` of the part (428 without it, 412 when someone wrote the part since), so that two writers
    never overwrite each other unseen. The first write of a part needs no `If-Match`. An empty text is a
    422 at `#/text`. The response is the part with its new version and ETag; `life_story.part_written`
    is raised.

    Args:
        child_id (UUID):
        part_key (str): The part: `min_historie`, `hvorfor_jeg_ikke_bor_hjemme`, `familien_min`,
            `viktige_personer`, `det_jeg_er_god_til` or `det_som_har_vaert_vanskelig`.
        if_match (None | str | Unset): The ETag from your last read. Required: a stale one gets
            412.
        x_on_behalf_of (None | str | Unset): The journal-system user the request is made for (an
            opaque user id, printable ASCII, at most 128 characters; never a name or national id).
            Accepted by every authenticated operation; recorded with each audit entry the operation
            writes (reads and changes of a child's data).
        body (LifeStoryPartWrite): A new version of one part: the whole text as it should read
            now.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LifeStoryPartRead | Problem
    """

    return (
        await asyncio_detailed(
            child_id=child_id,
            part_key=part_key,
            client=client,
            body=body,
            if_match=if_match,
            x_on_behalf_of=x_on_behalf_of,
        )
    ).parsed
