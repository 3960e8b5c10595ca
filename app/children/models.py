from __future__ import annotations

from datetime import date

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base
from app.tenancy import ExternalRefMixin, TenantRow


class Child(TenantRow, ExternalRefMixin, Base):
    """A child followed up by a service. ``national_id`` is personal data: never log it."""

    __tablename__ = "children"
    __table_args__ = (
        UniqueConstraint("service_id", "national_id"),
        UniqueConstraint("service_id", "external_system", "external_key"),
        UniqueConstraint("id", "service_id"),
    )

    given_name: Mapped[str] = mapped_column(String(200))
    family_name: Mapped[str] = mapped_column(String(200))
    birth_date: Mapped[date]
    national_id: Mapped[str | None] = mapped_column(String(11))

    def __repr__(self) -> str:
        return f"Child(id={self.id})"
