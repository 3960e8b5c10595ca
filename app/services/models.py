from __future__ import annotations

import uuid

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, RecordMixin


class Service(RecordMixin, Base):
    """A child welfare service (barneverntjeneste): the tenant every other row belongs to."""

    __tablename__ = "services"

    name: Mapped[str] = mapped_column(String(200))
    org_number: Mapped[str] = mapped_column(String(9), unique=True)
    municipality_numbers: Mapped[list[str]] = mapped_column(JSON)

    @property
    def service_id(self) -> uuid.UUID:
        return self.id
