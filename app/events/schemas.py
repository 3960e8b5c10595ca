from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from app.schemas import ReadModel


class EventRead(ReadModel):
    """A thin event: what happened to which ids. Fetch details through the API."""

    id: uuid.UUID
    type: str
    occurred_at: datetime
    service_id: uuid.UUID
    subject_id: uuid.UUID = Field(description="The placement, workflow, task or document.")
    placement_id: uuid.UUID | None
    data: dict[str, Any] = Field(description="Ids and codes only; never personal data.")


class EventPage(BaseModel):
    items: list[EventRead]
    next_cursor: str = Field(description="Pass as `after` to resume; always present.")
    has_more: bool
