from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from app.schemas import ReadModel, ShownSecret


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
    """Shown once: keep the URL secret, it opens the feed without a token."""

    resource: CalendarFeedRead
    secret: ShownSecret = Field(
        description="`kind` `calendar_feed_url`; `value` is the feed's address, to subscribe "
        "to in a calendar client."
    )
