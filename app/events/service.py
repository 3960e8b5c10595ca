"""The transactional outbox and its feed.

``emit`` adds an event to the session that makes the change, so both commit or neither does.
Payloads are thin — type, time, ids — never personal data; receivers fetch details through the
authorised API.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import uuid
from typing import Any

from sqlalchemy import BigInteger, Text, cast, func, or_, select, text
from sqlalchemy.orm import Session

from app.auth import Principal
from app.errors import InvalidCursor
from app.events.models import Event

TYPES = (
    "placement.created",
    "placement.updated",
    "placement.ended",
    "workflow.started",
    "workflow.completed",
    "workflow.closed",
    "task.created",
    "task.rescheduled",
    "task.completed",
    "task.skipped",
    "task.reopened",
    "task.cancelled",
    "task.due_soon",
    "task.overdue",
    "document.generated",
    "webhook_subscription.disabled",
)


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
    type: str,
    subject_id: uuid.UUID,
    placement_id: uuid.UUID | None = None,
    data: dict[str, Any] | None = None,
) -> None:
    assert type in TYPES, type
    session.add(
        Event(
            service_id=service_id,
            type=type,
            subject_id=subject_id,
            placement_id=placement_id,
            data=data or {},
            tx_id=current_tx_id(session),
        )
    )


def _caller(principal: Principal) -> str:
    grants = ",".join(sorted(str(s) for s in principal.service_ids))
    return hashlib.sha256(f"{principal.subject}|{grants}".encode()).hexdigest()[:16]


def encode_cursor(principal: Principal, position: int) -> str:
    raw = json.dumps({"p": position, "c": _caller(principal)}).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(principal: Principal, cursor: str) -> int:
    try:
        raw = json.loads(base64.urlsafe_b64decode((cursor + "=" * (-len(cursor) % 4)).encode()))
        position, caller = raw["p"], raw["c"]
        if not isinstance(position, int) or isinstance(position, bool) or position < 0:
            raise ValueError("position")
    except (ValueError, TypeError, KeyError, binascii.Error):
        raise InvalidCursor("Use next_cursor exactly as the feed returned it.") from None
    if caller != _caller(principal):
        raise InvalidCursor("This cursor belongs to another caller's feed.")
    return int(position)


def feed(
    session: Session,
    principal: Principal,
    *,
    after: str | None,
    limit: int,
    types: list[str] | None,
    service_id: uuid.UUID | None,
) -> tuple[list[Event], str | None, bool]:
    """Events of the caller's services after the cursor, oldest first."""
    position = decode_cursor(principal, after) if after else 0
    stmt = select(Event).where(
        Event.service_id.in_(principal.service_ids), Event.position > position
    )
    if service_id is not None:
        stmt = stmt.where(Event.service_id == service_id)
    if types:
        stmt = stmt.where(Event.type.in_(types))
    if session.get_bind().dialect.name == "postgresql":
        # Hold back events whose transaction may still be running: a concurrent transaction can
        # hold an earlier position and commit later, and the feed must not skip it.
        horizon = cast(cast(func.pg_snapshot_xmin(func.pg_current_snapshot()), Text), BigInteger)
        own = cast(cast(func.pg_current_xact_id_if_assigned(), Text), BigInteger)
        stmt = stmt.where(or_(Event.tx_id < horizon, Event.tx_id == own))
    rows = list(session.scalars(stmt.order_by(Event.position).limit(limit + 1)))
    has_more = len(rows) > limit
    rows = rows[:limit]
    last = rows[-1].position if rows else position
    return rows, encode_cursor(principal, last), has_more
