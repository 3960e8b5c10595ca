from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from app.schemas import ReadModel, StrictModel

PartText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20000)]


class LifeStoryPartWrite(StrictModel):
    """A new version of one part: the whole text as it should read now."""

    text: PartText = Field(
        description="The part's full text (not a change to it); at most 20,000 characters."
    )


class LifeStoryVersionRead(ReadModel):
    """One version of a part, as it was written."""

    id: uuid.UUID
    child_id: uuid.UUID
    part_key: str
    number: int = Field(description="1 for the part's first version, then 2, 3, …")
    text: str
    written_by: str = Field(description="The writer's token subject.")
    written_by_role: str = Field(
        description="The writer's role in the service: contact_person, leader or integration."
    )
    written_by_name: str | None = Field(description="The writer's name when staff wrote it.")
    on_behalf_of: str | None = Field(
        description="The journal-system user a journal system wrote it for."
    )
    created_at: datetime = Field(description="When this version was written.")


class LifeStoryPartRead(BaseModel):
    """One part of the rammefortelling with its current version (none yet: ``version`` 0).

    Its ETag is the ``If-Match`` of the next write of the part."""

    key: str = Field(examples=["min_historie"])
    title: str = Field(description="The part's heading, in Norwegian.")
    guidance: str = Field(description="What the contact person writes in it, in Norwegian.")
    version: int = Field(description="The current version's number; 0 while nothing is written.")
    current: LifeStoryVersionRead | None = Field(description="The newest version, if any.")


class LifeStoryRead(BaseModel):
    """The child's rammefortelling as it reads now: every part, in order."""

    child_id: uuid.UUID
    parts: list[LifeStoryPartRead]
    last_written_at: datetime | None = Field(description="When any part was last written.")
