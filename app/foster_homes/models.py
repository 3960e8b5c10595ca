from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.audit.kinds import Kind
from app.audit.kinds import register as register_audited
from app.db import Base, string_enum
from app.tenancy import ExternalRefMixin, TenantRow


class FosterHomeKind(StrEnum):
    ORDINARY = "ordinary"
    KINSHIP = "kinship"  # in the child's family or network (slekt og nettverk)
    EMERGENCY = "emergency"


class FosterHome(TenantRow, ExternalRefMixin, Base):
    __tablename__ = "foster_homes"
    __table_args__ = (
        UniqueConstraint("service_id", "external_system", "external_key"),
        UniqueConstraint("id", "service_id"),
    )

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[FosterHomeKind] = mapped_column(string_enum(FosterHomeKind, "foster_home_kind"))
    foster_parents: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    street_address: Mapped[str] = mapped_column(String(200))
    postal_code: Mapped[str] = mapped_column(String(4))
    postal_place: Mapped[str] = mapped_column(String(100))
    municipality_number: Mapped[str] = mapped_column(String(4))
    approved_date: Mapped[date | None]

    @property
    def address(self) -> dict[str, str]:
        return {
            "street_address": self.street_address,
            "postal_code": self.postal_code,
            "postal_place": self.postal_place,
        }


register_audited(
    Kind("foster_home", FosterHome, path_id="foster_home_id", collections=("foster-homes",))
)
