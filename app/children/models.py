from __future__ import annotations

from datetime import date

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, validates

from app.audit.kinds import Kind
from app.audit.kinds import register as register_audited
from app.children.national_ids import stored_hash
from app.db import Base
from app.tenancy import ExternalRefMixin, TenantRow


class Child(TenantRow, ExternalRefMixin, Base):
    """A child followed up by a service. ``national_id`` is personal data: never log it.

    A national id is unique per service through ``national_id_hash``, its keyed hash
    (:mod:`app.children.national_ids`), set whenever the number is: no index holds the number
    itself, so no unique violation can quote it.
    """

    __tablename__ = "children"
    __table_args__ = (
        UniqueConstraint("service_id", "national_id_hash"),
        UniqueConstraint("service_id", "external_system", "external_key"),
        UniqueConstraint("id", "service_id"),
    )

    given_name: Mapped[str] = mapped_column(String(200))
    family_name: Mapped[str] = mapped_column(String(200))
    birth_date: Mapped[date]
    national_id: Mapped[str | None] = mapped_column(String(11))
    national_id_hash: Mapped[str | None] = mapped_column(String(64))

    @validates("national_id")
    def _hash_national_id(self, _name: str, value: str | None) -> str | None:
        self.national_id_hash = stored_hash(value)
        return value

    def __repr__(self) -> str:
        return f"Child(id={self.id})"


register_audited(
    Kind("child", Child, child=Child.id, path_id="child_id", collections=("children",))
)
