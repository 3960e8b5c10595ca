"""Searching the audit trail: a leader's view of who read or changed what in their services."""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from datetime import datetime

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from app import policy
from app.audit.models import AuditEvent
from app.audit.schemas import AuditFilters, AuditWindow
from app.audit.trail import AuditTrail
from app.db import BIGINT_MAX
from app.errors import InvalidCursor
from app.policy import Capability
from app.principal import Principal
from app.schemas import time_in_range


def require_oversight(principal: Principal, service_id: uuid.UUID | None = None) -> None:
    """The audit trail is for those who oversee a whole service, never a contact person (the
    people it oversees), whatever scopes their token carries: in ``service_id``, or (a search)
    in at least one service."""
    if service_id is None:
        policy.require_somewhere(principal, Capability.READ_AUDIT)
    else:
        policy.require(principal, Capability.READ_AUDIT, service_id)


def overseen(principal: Principal) -> set[uuid.UUID]:
    """The services whose audit trail ``principal`` reads."""
    return set(policy.services_with(principal, Capability.READ_AUDIT))


def _encode(row: AuditEvent, order: str) -> str:
    raw = json.dumps([row.occurred_at.isoformat(), row.id, order]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str, order: str) -> tuple[datetime, int]:
    """The (occurred_at, id) of a cursor made by :func:`_encode` for this order; a 400 for
    anything else, also an id outside the 64-bit column or a time outside the range of
    :func:`app.schemas.time_in_range` (either would overflow while binding, not just miss)."""
    try:
        raw = json.loads(base64.urlsafe_b64decode((cursor + "=" * (-len(cursor) % 4)).encode()))
        stamp, row_id, cursor_order = raw
        if not isinstance(row_id, int) or isinstance(row_id, bool) or cursor_order != order:
            raise ValueError("cursor")
        if not 0 <= row_id <= BIGINT_MAX:
            raise ValueError("id out of range")
        at = datetime.fromisoformat(stamp)
        if at.tzinfo is None:
            raise ValueError("naive")
        if not time_in_range(at):
            raise ValueError("time out of range")
    except (ValueError, TypeError, binascii.Error):
        raise InvalidCursor(
            "Use next_cursor exactly as a previous page returned it, with the same order."
        ) from None
    return at, row_id


def searched_services(principal: Principal, service_id: uuid.UUID | None) -> set[uuid.UUID]:
    if service_id is None:
        return overseen(principal)
    if service_id in principal.service_ids:
        require_oversight(principal, service_id)  # a service the caller acts for, not as leader
    return {service_id} & overseen(principal)


def search(
    session: Session,
    principal: Principal,
    window: AuditWindow,
    *,
    where: list[ColumnElement[bool]],
    services: set[uuid.UUID],
) -> tuple[list[AuditEvent], str | None]:
    """A keyset page over (occurred_at, id) of the entries of ``services``."""
    stmt = select(AuditEvent).where(AuditEvent.service_id.in_(services), *where)
    if window.from_ is not None:
        stmt = stmt.where(AuditEvent.occurred_at >= window.from_)
    if window.to is not None:
        stmt = stmt.where(AuditEvent.occurred_at < window.to)
    newest = window.order == "newest"
    if window.cursor is not None:
        at, row_id = _decode(window.cursor, window.order)
        if newest:
            after = or_(
                AuditEvent.occurred_at < at,
                and_(AuditEvent.occurred_at == at, AuditEvent.id < row_id),
            )
        else:
            after = or_(
                AuditEvent.occurred_at > at,
                and_(AuditEvent.occurred_at == at, AuditEvent.id > row_id),
            )
        stmt = stmt.where(after)
    keys = (
        (AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
        if newest
        else (AuditEvent.occurred_at, AuditEvent.id)
    )
    rows = list(session.scalars(stmt.order_by(*keys).limit(window.limit + 1)))
    if len(rows) <= window.limit:
        return rows, None
    rows = rows[: window.limit]
    return rows, _encode(rows[-1], window.order)


def search_events(
    session: Session, principal: Principal, filters: AuditFilters, *, audit: AuditTrail
) -> tuple[list[AuditEvent], str | None]:
    """A search of the trail; the search itself is recorded, one entry per service searched."""
    require_oversight(principal)
    where: list[ColumnElement[bool]] = []
    columns = {
        "child_id": AuditEvent.child_id,
        "staff_id": AuditEvent.actor_staff_id,
        "subject": AuditEvent.actor_subject,
        "action": AuditEvent.action,
        "outcome": AuditEvent.outcome,
        "resource_type": AuditEvent.resource_type,
        "resource_id": AuditEvent.resource_id,
    }
    for name, column in columns.items():
        value = getattr(filters, name)
        if value is not None:
            where.append(column == (str(value) if name in ("action", "outcome") else value))
    services = searched_services(principal, filters.service_id)
    rows, cursor = search(session, principal, filters, where=where, services=services)
    audit.query("audit_event", service_ids=services, child_id=filters.child_id)
    return rows, cursor


def child_history(
    session: Session,
    principal: Principal,
    child_id: uuid.UUID,
    window: AuditWindow,
    *,
    service_id: uuid.UUID,
) -> tuple[list[AuditEvent], str | None]:
    """A child's access log (the caller has been shown to see the child, of ``service_id``)."""
    require_oversight(principal, service_id)
    return search(
        session,
        principal,
        window,
        where=[AuditEvent.child_id == child_id],
        services=overseen(principal),
    )


def all_child_history(
    session: Session,
    principal: Principal,
    child_id: uuid.UUID,
    window: AuditWindow,
    *,
    service_id: uuid.UUID,
) -> list[AuditEvent]:
    """Every entry about the child (of ``service_id``) in the services the caller oversees within
    the window, oldest first."""
    require_oversight(principal, service_id)
    stmt = (
        select(AuditEvent)
        .where(AuditEvent.service_id.in_(overseen(principal)), AuditEvent.child_id == child_id)
        .order_by(AuditEvent.occurred_at, AuditEvent.id)
    )
    if window.from_ is not None:
        stmt = stmt.where(AuditEvent.occurred_at >= window.from_)
    if window.to is not None:
        stmt = stmt.where(AuditEvent.occurred_at < window.to)
    return list(session.scalars(stmt))
