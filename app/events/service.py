"""The transactional outbox and its feed.

``emit`` adds an event to the session that makes the change, so both commit or neither does. Each
domain declares its event types as a ``StrEnum`` and registers them (:func:`register_types`); the
feed's documentation and the webhook subscriptions' list of types come from that registry.
Payloads are thin — type, time, ids — never personal data; receivers fetch details through the
authorised API.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import uuid
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, Text, and_, cast, func, or_, select, text
from sqlalchemy.orm import Session

from app.db import BIGINT_MAX
from app.errors import InvalidCursor
from app.events.data import EventData
from app.events.models import Event
from app.principal import Principal

_types: dict[str, StrEnum] = {}
_data: dict[str, type[EventData]] = {}


def register_types(
    types: type[StrEnum], *, data: Mapping[StrEnum, type[EventData]] | None = None
) -> None:
    """Declare a domain's event types (a ``StrEnum`` of ``"<resource>.<what happened>"``) and the
    shape of each one's ``data`` (:mod:`app.events.data`; ``NoData`` for ``{}``)."""
    for member in types:
        _types[member.value] = member
    for member, model in (data or {}).items():
        if _types.get(member.value) is not member:
            raise ValueError(f"{member!r} is not one of {types.__name__}")
        _data[member.value] = model


def event_data_models() -> dict[str, type[EventData]]:
    """Each declared event type's data model, by type (a type without one is missing here)."""
    return {t: _data[t] for t in sorted(_data)}


def event_types() -> list[str]:
    """Every declared event type, sorted (the domains declare theirs in their ``models.py``)."""
    return sorted(_types)


def current_tx_id(session: Session) -> int:
    """The current transaction's id on PostgreSQL (cached per transaction), else 0."""
    if session.get_bind().dialect.name != "postgresql":
        return 0
    key = ("fosterflyt_tx_id", id(session.get_transaction()))
    cached = session.info.get(key)
    if cached is None:
        cached = int(session.scalar(text("SELECT pg_current_xact_id()::text::bigint")) or 0)
        session.info[key] = cached
    return int(cached)


def emit(
    session: Session,
    *,
    service_id: uuid.UUID,
    type: StrEnum,
    subject_id: uuid.UUID,
    placement_id: uuid.UUID | None = None,
    data: dict[str, Any] | None = None,
) -> None:
    if _types.get(type.value) is not type:
        raise ValueError(f"{type!r} is not a declared event type (events.register_types)")
    model = _data.get(type.value)
    if model is not None:
        # A payload that does not match its published shape is a programming error.
        model.model_validate(data or {})
    session.add(
        Event(
            service_id=service_id,
            type=type.value,
            subject_id=subject_id,
            placement_id=placement_id,
            data=data or {},
            tx_id=current_tx_id(session),
        )
    )


def _caller(principal: Principal) -> str:
    grants = ",".join(sorted(str(s) for s in principal.service_ids))
    return hashlib.sha256(f"{principal.subject}|{grants}".encode()).hexdigest()[:16]


def encode_cursor(principal: Principal, tx_id: int, position: int) -> str:
    raw = json.dumps({"t": tx_id, "p": position, "c": _caller(principal)}).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _count(value: object) -> int:
    """A transaction id or position: both are 64-bit columns, so a larger number cannot be one
    (and cannot be bound as a parameter on SQLite)."""
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= BIGINT_MAX:
        raise ValueError("not a count")
    return value


def decode_cursor(
    principal: Principal, cursor: str, *, parameter: str = "cursor"
) -> tuple[int, int]:
    try:
        raw = json.loads(base64.urlsafe_b64decode((cursor + "=" * (-len(cursor) % 4)).encode()))
        tx_id, position, caller = _count(raw["t"]), _count(raw["p"]), raw["c"]
    except (ValueError, TypeError, KeyError, binascii.Error):
        raise InvalidCursor(
            "Use next_cursor exactly as the feed returned it.", parameter=parameter
        ) from None
    if caller != _caller(principal):
        raise InvalidCursor("This cursor belongs to another caller's feed.", parameter=parameter)
    return tx_id, position


def feed(
    session: Session,
    principal: Principal,
    *,
    after: str | None,
    after_parameter: str = "cursor",
    limit: int,
    types: list[str] | None,
    service_id: uuid.UUID | None,
) -> tuple[list[Event], str | None, bool]:
    """Events of the caller's services after the cursor, in commit-safe order.

    On PostgreSQL the feed shows only events of transactions older than every transaction still
    running (below the snapshot's xmin), ordered by ``(tx_id, position)``. A transaction that
    might still commit always has a larger ``tx_id`` than anything shown, so the cursor never
    passes an event that appears later. Ordered by ``position`` alone it could: a transaction
    that took its id first but wrote last commits an event *behind* a position already served.
    On SQLite writers are serialised and ``tx_id`` is 0: the order is ``position``.
    """
    after_tx, after_position = (
        decode_cursor(principal, after, parameter=after_parameter) if after else (0, 0)
    )
    stmt = select(Event).where(
        Event.service_id.in_(principal.service_ids),
        or_(
            Event.tx_id > after_tx,
            and_(Event.tx_id == after_tx, Event.position > after_position),
        ),
    )
    if service_id is not None:
        stmt = stmt.where(Event.service_id == service_id)
    if types:
        stmt = stmt.where(Event.type.in_(types))
    if session.get_bind().dialect.name == "postgresql":
        # The caller's own transaction is shown too (a GET writes no events, so this matters
        # only when one transaction both writes and reads, as the tests do).
        horizon = cast(cast(func.pg_snapshot_xmin(func.pg_current_snapshot()), Text), BigInteger)
        own = cast(cast(func.pg_current_xact_id_if_assigned(), Text), BigInteger)
        stmt = stmt.where(or_(Event.tx_id < horizon, Event.tx_id == own))
    stmt = stmt.order_by(Event.tx_id, Event.position).limit(limit + 1)
    rows = list(session.scalars(stmt))
    has_more = len(rows) > limit
    rows = rows[:limit]
    last = (rows[-1].tx_id, rows[-1].position) if rows else (after_tx, after_position)
    return rows, encode_cursor(principal, *last), has_more
