"""HTTP semantics shared by every resource: ETags, conditional requests, cursor pagination."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import uuid
from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Any, TypeVar

from fastapi import Header, Query, Request, Response
from pydantic import BaseModel
from sqlalchemy import Select, and_, or_
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.db import RecordMixin
from app.errors import InvalidCursor, PreconditionFailed, PreconditionRequired
from app.schemas import Page, time_in_range

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


IfMatchHeader = Annotated[
    str | None,
    Header(
        alias="If-Match",
        description="The ETag from your last read. Required: a stale one gets 412.",
    ),
]


def require_if_match(if_match: str | None) -> str:
    if not if_match:
        raise PreconditionRequired("Send If-Match with the ETag from your last GET.")
    return if_match


def check_if_match(if_match: str, current: BaseModel) -> None:
    """Raise 412 unless ``if_match`` names the current representation."""
    tags = _etag_list(if_match)
    if "*" in tags:
        return
    if etag_for(render(current)) not in tags:
        raise PreconditionFailed("The resource has changed since you read it; GET it again.")


# -- Cursor pagination ---------------------------------------------------------------------------


def encode_cursor(first: datetime | date, row_id: uuid.UUID) -> str:
    raw = json.dumps([first.isoformat(), str(row_id)]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _aware(text: str) -> datetime:
    """An aware time in the range a stored stamp can have. A server-made cursor always is (its
    stamps come from the clock); a forged one at 9999-12-31T23:59:59-14:00 would overflow when
    the database layer converts it to UTC."""
    stamp = datetime.fromisoformat(text)
    if stamp.tzinfo is None:
        raise ValueError("naive")
    if not time_in_range(stamp):
        raise ValueError("out of range")
    return stamp


def decode_cursor(
    cursor: str,
    parse: Callable[[str], K] = _aware,  # type: ignore[assignment]
) -> tuple[K, uuid.UUID]:
    """The (sort key, id) a cursor holds; anything not made by :func:`encode_cursor` is a 400,
    also a time outside :func:`app.schemas.time_in_range`. A date sort key may be any date: a
    computed due date can lie past the range clients may send, and dates never overflow."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        first, row_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(first, str) or not isinstance(row_id, str):
            raise ValueError("cursor parts must be strings")
        return parse(first), uuid.UUID(row_id)
    except (ValueError, TypeError, binascii.Error, json.JSONDecodeError):
        raise InvalidCursor("Use next_cursor exactly as a previous page returned it.") from None


def paginate(
    session: Session,
    stmt: Select[M],
    model: type[M],
    *,
    cursor: str | None,
    limit: int,
    sort: InstrumentedAttribute[Any] | None = None,
) -> tuple[list[M], str | None]:
    """Keyset pagination over (sort, id), by default (created_at, id): stable under inserts,
    no OFFSET scans. ``sort`` must be a non-null date or datetime column of ``model``."""
    column = sort if sort is not None else model.created_at
    is_date = column.type.python_type is date
    if cursor is not None:
        first, row_id = decode_cursor(cursor, date.fromisoformat if is_date else _aware)
        stmt = stmt.where(or_(column > first, and_(column == first, model.id > row_id)))
    rows = list(session.scalars(stmt.order_by(column, model.id).limit(limit + 1)))
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    return rows, encode_cursor(getattr(rows[-1], column.key), rows[-1].id)


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
