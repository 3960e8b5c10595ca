from __future__ import annotations

from enum import StrEnum

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, string_enum
from app.tenancy import ExternalRefMixin, TenantRow


class StaffRole(StrEnum):
    CONTACT_PERSON = "contact_person"
    LEADER = "leader"
    SUPERVISOR = "supervisor"


class Staff(TenantRow, ExternalRefMixin, Base):
    """A person working in a child welfare service."""

    __tablename__ = "staff"
    __table_args__ = (
        UniqueConstraint("service_id", "email"),
        UniqueConstraint("service_id", "external_system", "external_key"),
        UniqueConstraint("id", "service_id"),  # target of same-service foreign keys
    )

    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254))
    role: Mapped[StaffRole] = mapped_column(string_enum(StaffRole, "staff_role"))
