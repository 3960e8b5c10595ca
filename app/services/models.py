from __future__ import annotations

import uuid
from enum import StrEnum

from sqlalchemy import JSON, String, text
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, RecordMixin


class ClosedDay(StrEnum):
    """A day a service treats as closed although it is no public holiday."""

    CHRISTMAS_EVE = "christmas_eve"  # julaften, 24 December
    NEW_YEARS_EVE = "new_years_eve"  # nyttårsaften, 31 December

    @property
    def month_day(self) -> tuple[int, int]:
        return (12, 24) if self is ClosedDay.CHRISTMAS_EVE else (12, 31)


class Service(RecordMixin, Base):
    """A child welfare service (barneverntjeneste): the tenant every other row belongs to."""

    __tablename__ = "services"

    name: Mapped[str] = mapped_column(String(200))
    org_number: Mapped[str] = mapped_column(String(9), unique=True)
    municipality_numbers: Mapped[list[str]] = mapped_column(JSON)
    closed_days: Mapped[list[str]] = mapped_column(
        JSON,
        server_default=text("'[]'"),
        doc="ClosedDay values: deadlines move off these days as off a public holiday.",
    )

    @property
    def service_id(self) -> uuid.UUID:
        return self.id
