"""The people around the child: its parents, each a person of their own (issue #14 item 1)."""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum

from pydantic import Field
from sqlalchemy import Boolean, ForeignKeyConstraint, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.audit.kinds import Kind
from app.audit.kinds import register as register_audited
from app.db import Base, string_enum
from app.events.data import EventData, EventId
from app.events.service import register_types as register_event_types
from app.tenancy import TenantRow


class Relation(StrEnum):
    MOTHER = "mother"
    FATHER = "father"
    OTHER = "other"  # described in relation_text (medmor, adoptivforelder, …)


class Parent(TenantRow, Base):
    """A parent of a child, in the child's own service. Personal data: audited like the child.

    ``household_id`` groups the parents who live together: one household gets one follow-up
    conversation and one letter; parents who live apart get one each. A parent's household is
    their own until they are registered as living with another parent of the child.
    """

    __tablename__ = "parents"
    __table_args__ = (
        ForeignKeyConstraint(["child_id", "service_id"], ["children.id", "children.service_id"]),
        Index("ix_parents_child_id", "child_id"),
    )

    child_id: Mapped[uuid.UUID]
    name: Mapped[str] = mapped_column(String(200))
    relation: Mapped[Relation] = mapped_column(string_enum(Relation, "parent_relation"))
    relation_text: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(32))
    email: Mapped[str | None] = mapped_column(String(254))
    street_address: Mapped[str | None] = mapped_column(String(200))
    postal_code: Mapped[str | None] = mapped_column(String(4))
    postal_place: Mapped[str | None] = mapped_column(String(100))
    parental_responsibility: Mapped[bool] = mapped_column(Boolean)
    wants_follow_up: Mapped[bool] = mapped_column(Boolean)
    declined_on: Mapped[date | None] = mapped_column(
        doc="The day the parent declined the follow-up offered (who declined, and when)."
    )
    decline_note: Mapped[str | None] = mapped_column(Text)
    household_id: Mapped[uuid.UUID]

    @property
    def address(self) -> dict[str, str] | None:
        if self.street_address is None or self.postal_code is None or self.postal_place is None:
            return None
        return {
            "street_address": self.street_address,
            "postal_code": self.postal_code,
            "postal_place": self.postal_place,
        }

    @property
    def followed_up(self) -> bool:
        """Whether the parent is offered the follow-up conversations: wants them, not declined."""
        return self.wants_follow_up and self.declined_on is None

    def __repr__(self) -> str:
        return f"Parent(id={self.id})"


register_audited(Kind("parent", Parent, child=Parent.child_id, path_id="parent_id"))


class ParentEvent(StrEnum):
    CREATED = "parent.created"
    UPDATED = "parent.updated"


class ParentEventData(EventData):
    child_id: EventId = Field(description="The child whose parent it is.")


register_event_types(
    ParentEvent, data={ParentEvent.CREATED: ParentEventData, ParentEvent.UPDATED: ParentEventData}
)
