"""A child's rammefortelling: each version of each part, kept for good.

A part is never changed in place: writing it adds a version (who, when, the text), and the part's
current text is its newest version. The history is the rows themselves.
"""

from __future__ import annotations

import uuid
from enum import StrEnum

from pydantic import Field
from sqlalchemy import ForeignKeyConstraint, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.audit.kinds import Kind
from app.audit.kinds import register as register_audited
from app.db import Base
from app.events.data import EventData, EventId
from app.events.service import register_types as register_event_types
from app.tenancy import TenantRow


class LifeStoryVersion(TenantRow, Base):
    """One version of one part of a child's rammefortelling (``app.life_story.parts``)."""

    __tablename__ = "life_story_versions"
    __table_args__ = (
        # A child of the row's own service (composite key: never another service's child).
        ForeignKeyConstraint(["child_id", "service_id"], ["children.id", "children.service_id"]),
        UniqueConstraint("child_id", "part_key", "number"),
        Index("ix_life_story_versions_child_id", "child_id"),
    )

    child_id: Mapped[uuid.UUID]
    part_key: Mapped[str] = mapped_column(String(64))
    number: Mapped[int] = mapped_column(doc="1 for the part's first version, then 2, 3, …")
    text: Mapped[str] = mapped_column(Text)
    written_by: Mapped[str] = mapped_column(String(200), doc="The writer's token subject.")
    written_by_role: Mapped[str] = mapped_column(
        String(32), doc="The writer's role in the service (contact_person, leader, integration)."
    )
    written_by_name: Mapped[str | None] = mapped_column(
        String(200), doc="The writer's name when the writer is a member of staff."
    )
    on_behalf_of: Mapped[str | None] = mapped_column(
        String(128), doc="The journal-system user a journal system wrote it for (X-On-Behalf-Of)."
    )


register_audited(Kind("life_story_version", LifeStoryVersion, child=LifeStoryVersion.child_id))


class LifeStoryEvent(StrEnum):
    PART_WRITTEN = "life_story.part_written"


class PartWrittenData(EventData):
    child_id: EventId
    part_key: str = Field(description="The part of the rammefortelling.", examples=["min_historie"])
    number: int = Field(description="The part's version number.", examples=[1])


register_event_types(LifeStoryEvent, data={LifeStoryEvent.PART_WRITTEN: PartWrittenData})
