"""A staff member's calendar feed: a revocable secret URL with their open tasks."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, UTCDateTime
from app.tenancy import TenantRow


class CalendarFeed(TenantRow, Base):
    """A revocable secret URL with a staff member's open tasks (calendar clients send no token)."""

    __tablename__ = "calendar_feeds"

    staff_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    token_prefix: Mapped[str] = mapped_column(String(12))
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(200))
