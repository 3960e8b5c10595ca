from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, UTCDateTime, utcnow


class Event(Base):
    """The outbox: one row per state change, written in the change's own transaction.

    ``position`` orders the feed. On PostgreSQL ``tx_id`` is the writing transaction's id, so the
    feed can hold back events of transactions that might still be running (a later position can
    commit before an earlier one).
    """

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_service_id_position", "service_id", "position"),
        # The webhook fan-out reads a service's events in (tx_id, position) order.
        Index("ix_events_service_id_tx_id_position", "service_id", "tx_id", "position"),
    )

    position: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    id: Mapped[uuid.UUID] = mapped_column(unique=True, default=uuid.uuid4)
    service_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("services.id"))
    type: Mapped[str] = mapped_column(String(64))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    subject_id: Mapped[uuid.UUID]
    placement_id: Mapped[uuid.UUID | None]
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    tx_id: Mapped[int] = mapped_column(BigInteger, default=0)
