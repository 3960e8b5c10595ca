from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, BigInteger, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.audit.kinds import NAME_LENGTH
from app.db import Base, UTCDateTime, utcnow


class AuditEvent(Base):
    """One access to personal data: who, for whom, what, which child, when, and the outcome.

    Append-only: the application never updates or deletes a row, and the migration installs
    triggers that make the database refuse ``UPDATE``, ``DELETE`` (and on PostgreSQL
    ``TRUNCATE``). Ids only, never names or national ids. No foreign keys: an entry outlives
    anything it names, and a refused attempt may name an id that does not exist.

    ``service_id`` is the service the entry belongs to (whose leaders see it): the owner of the
    resource, also for a refused attempt from another service; the caller's own services are in
    ``actor_service_ids``.
    """

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_service_id_occurred_at", "service_id", "occurred_at", "id"),
        Index("ix_audit_events_child_id_occurred_at", "child_id", "occurred_at", "id"),
        # The app's database role may only read and insert here (app/migrations.py).
        {"info": {"append_only": True}},
    )

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    service_id: Mapped[uuid.UUID | None]
    actor_subject: Mapped[str] = mapped_column(String(200))
    actor_role: Mapped[str] = mapped_column(String(32))
    actor_staff_id: Mapped[uuid.UUID | None]
    actor_service_ids: Mapped[list[str]] = mapped_column(JSON)
    on_behalf_of: Mapped[str | None] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(16))
    resource_type: Mapped[str] = mapped_column(String(NAME_LENGTH))
    resource_id: Mapped[uuid.UUID | None]
    child_id: Mapped[uuid.UUID | None]
    operation: Mapped[str | None] = mapped_column(String(64))
    request_id: Mapped[str | None] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(16))
    detail: Mapped[str | None] = mapped_column(String(64))
