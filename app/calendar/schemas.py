from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from app.schemas import ReadModel


class CalendarFeedRead(ReadModel):
    id: uuid.UUID
    service_id: uuid.UUID
    staff_id: uuid.UUID
    token_prefix: str = Field(
        description="The first characters of the secret, to tell feeds apart."
    )
    created_at: datetime
    revoked_at: datetime | None


class CalendarFeedCreated(BaseModel):
    """Shown once: keep ``url`` secret, it opens the feed without a token."""

    feed: CalendarFeedRead
    url: str
