"""Keyset pagination over (sort key, id): opaque cursors and the paged query."""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import Select, and_, or_
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.db import RecordMixin
from app.errors import InvalidCursor
from app.schemas import time_in_range

M = TypeVar("M", bound=RecordMixin)
K = TypeVar("K")


def encode_cursor(first: datetime | date, row_id: uuid.UUID, *, list_key: str) -> str:
    """An opaque cursor for one list (``list_key``: the table and the sort), so that a cursor
    from another list is refused instead of read as a position in this one."""
    raw = json.dumps([list_key, first.isoformat(), str(row_id)]).encode()
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
    *,
    list_key: str,
) -> tuple[K, uuid.UUID]:
    """The (sort key, id) a cursor of this list holds; anything :func:`encode_cursor` did not
    make for this list is a 400, also a time outside :func:`app.schemas.time_in_range`. A date
    sort key may be any date: a computed due date can lie past the range clients may send, and
    dates never overflow."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        made_for, first, row_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not all(isinstance(part, str) for part in (made_for, first, row_id)):
            raise ValueError("cursor parts must be strings")
        if made_for != list_key:
            raise InvalidCursor("This cursor belongs to another list; use this list's next_cursor.")
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
    list_key = f"{model.__name__}.{column.key}"
    if cursor is not None:
        parse = date.fromisoformat if is_date else _aware
        first, row_id = decode_cursor(cursor, parse, list_key=list_key)
        stmt = stmt.where(or_(column > first, and_(column == first, model.id > row_id)))
    rows = list(session.scalars(stmt.order_by(column, model.id).limit(limit + 1)))
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    return rows, encode_cursor(getattr(rows[-1], column.key), rows[-1].id, list_key=list_key)
