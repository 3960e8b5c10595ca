"""HTTP semantics shared by every resource: ETags, conditional requests, response helpers
(cursor pagination itself is :mod:`app.pagination`)."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import Header, Query, Request, Response
from pydantic import BaseModel

from app.db import RecordMixin
from app.errors import PreconditionFailed, PreconditionRequired
from app.preconditions import STALE, UNCONDITIONAL, Precondition
from app.schemas import Page

JSON = "application/json"
M = TypeVar("M", bound=RecordMixin)
R = TypeVar("R", bound=BaseModel)
K = TypeVar("K")


def render(model: BaseModel) -> bytes:
    return model.model_dump_json().encode()


def etag_for(body: bytes) -> str:
    """A strong ETag over the exact representation, so derived fields can never go stale."""
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _etag_list(header: str) -> list[str]:
    return [part.strip().removeprefix("W/") for part in header.split(",") if part.strip()]


def item_response(
    request: Request,
    model: BaseModel,
    *,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> Response:
    """The JSON body with its ETag; 304 when ``If-None-Match`` already names it."""
    body = render(model)
    etag = etag_for(body)
    all_headers = {"ETag": etag, **(headers or {})}
    inm = request.headers.get("if-none-match")
    if status_code == 200 and inm and (inm.strip() == "*" or etag in _etag_list(inm)):
        return Response(status_code=304, headers={"ETag": etag})
    return Response(content=body, status_code=status_code, media_type=JSON, headers=all_headers)


def secret_response(
    resource: BaseModel,
    body: BaseModel,
    *,
    status_code: int,
    location: str | None = None,
) -> Response:
    """The one response that shows a secret (``body``: the resource and the secret): never
    stored by a cache, and its ETag is the resource's, the one a GET gives (an ETag derived
    from the secret would let it be guessed at)."""
    headers = {"ETag": etag_for(render(resource)), "Cache-Control": "no-store"}
    if location is not None:
        headers["Location"] = location
    return Response(content=render(body), status_code=status_code, media_type=JSON, headers=headers)


IfMatchHeader = Annotated[
    str | None,
    Header(
        alias="If-Match",
        description="The ETag from your last read. Required: a stale one gets 412.",
    ),
]


@dataclass(frozen=True)
class IfMatch:
    """The JSON API's precondition: ``If-Match`` names the current representation (its ETag),
    which ``represent`` builds from the row the service loaded for update."""

    header: str
    represent: Callable[[Any], BaseModel]

    def check(self, current: RecordMixin) -> None:
        tags = _etag_list(self.header)
        if "*" in tags:
            return
        if etag_for(render(self.represent(current))) not in tags:
            raise PreconditionFailed(STALE)


def require_if_match(header: str | None, represent: Callable[[Any], BaseModel]) -> Precondition:
    """``If-Match`` is required: 428 without it."""
    if not header:
        raise PreconditionRequired("Send If-Match with the ETag from your last GET.")
    return IfMatch(header, represent)


def optional_if_match(header: str | None, represent: Callable[[Any], BaseModel]) -> Precondition:
    """``If-Match`` checked when sent; without it the change is unconditional."""
    return IfMatch(header, represent) if header else UNCONDITIONAL


def page_response(
    request: Request,
    rows: list[Any],
    next_cursor: str | None,
    read: type[R],
    convert: Callable[[Any], R] | None = None,
) -> Response:
    to_item = convert or read.model_validate
    page = Page[read](  # type: ignore[valid-type]
        items=[to_item(r) for r in rows],
        next_cursor=next_cursor,
        has_more=next_cursor is not None,
    )
    headers = {}
    if next_cursor is not None:
        # A reference relative to the request (RFC 8288 §3.1), never built from the Host header.
        url = request.url.include_query_params(cursor=next_cursor)
        headers["Link"] = f'<{url.path}?{url.query}>; rel="next"'
    return Response(content=render(page), media_type=JSON, headers=headers)


ServiceIdQuery = Annotated[
    uuid.UUID | None,
    Query(
        description="The service the new row belongs to. Needed only when your token grants "
        "several services (inter-municipal teams) or you are an admin.",
    ),
]
