from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, UTCDateTime, utcnow


class IdempotencyRecord(Base):
    """The stored response of a create made with an ``Idempotency-Key``, per caller.

    ``caller`` is the token's subject *and* the services it grants: one vendor client (one
    ``sub``) acting for two municipalities is two callers, so a key can never replay one
    service's data to another.
    """

    __tablename__ = "idempotency_records"
    __table_args__ = (
        UniqueConstraint("caller", "key"),
        Index("ix_idempotency_records_created_at", "created_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    # None for a row of no service (an administrator's rule-set version).
    service_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("services.id", ondelete="CASCADE")
    )
    caller: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(200))
    method: Mapped[str] = mapped_column(String(10))
    path: Mapped[str] = mapped_column(String(500))
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int]
    body: Mapped[bytes] = mapped_column(LargeBinary)
    headers: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
