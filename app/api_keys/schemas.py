from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated

from pydantic import AwareDatetime, BaseModel, Field, field_validator

from app.db import utcnow
from app.principal import API_KEY_SCOPES, Scope
from app.schemas import NonBlankStr, ReadModel, ShownSecret, StrictModel

MAX_GRACE_SECONDS = 7 * 24 * 3600
# The longest lifetime a key may be given. A key that should live longer has no expiry and is
# revoked by hand; a date further out only hides that choice (and 9999 overflowed in UTC).
MAX_KEY_LIFETIME = timedelta(days=730)


def _grantable(scopes: list[Scope]) -> list[Scope]:
    refused = sorted(str(s) for s in scopes if s not in API_KEY_SCOPES)
    if refused:
        raise ValueError(f"An API key cannot hold {', '.join(refused)}")
    return sorted(set(scopes))


class ApiKeyCreate(StrictModel):
    name: NonBlankStr = Field(description="Which system uses the key, e.g. 'Visma Flyt prod'.")
    scopes: list[Scope] = Field(
        default_factory=lambda: sorted(API_KEY_SCOPES),
        min_length=1,
        description="What the key may do: any of the integration role's scopes. Default: all.",
    )
    expires_at: AwareDatetime | None = Field(
        default=None,
        description="When the key stops working: in the future, at most 730 days ahead. None "
        "means until revoked.",
    )

    @field_validator("scopes")
    @classmethod
    def _check_scopes(cls, scopes: list[Scope]) -> list[Scope]:
        return _grantable(scopes)

    @field_validator("expires_at")
    @classmethod
    def _in_the_future(cls, value: datetime | None) -> datetime | None:
        """In the future and at most MAX_KEY_LIFETIME ahead; returned in UTC."""
        if value is None:
            return None
        too_late = "The expiry may be at most 730 days ahead"
        try:
            value = value.astimezone(UTC)
        except OverflowError:  # 9999-12-31T23:59:59-14:00 is past the last datetime in UTC
            raise ValueError(too_late) from None
        now = utcnow()
        if value <= now:
            raise ValueError("The expiry must be in the future")
        if value > now + MAX_KEY_LIFETIME:
            raise ValueError(too_late)
        return value


class ApiKeyRotate(StrictModel):
    grace_seconds: Annotated[int, Field(ge=0, le=MAX_GRACE_SECONDS)] = Field(
        default=3600,
        description="How long the old key keeps working, so the journal system can switch "
        "without downtime (at most 7 days; 0 ends it at once).",
    )


class ApiKeyRead(ReadModel):
    id: uuid.UUID
    service_id: uuid.UUID
    name: str
    prefix: str = Field(description="The key's visible start, to tell keys apart in logs.")
    scopes: list[str]
    created_at: datetime
    created_by: str
    expires_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None = Field(description="Updated at most once a minute.")
    replaced_by_id: uuid.UUID | None


class ApiKeyCreated(BaseModel):
    """Shown once: the key is not stored and cannot be shown again."""

    resource: ApiKeyRead
    secret: ShownSecret = Field(
        description="`kind` `api_key`; `value` is the key: send it as "
        "`Authorization: Bearer <key>`. After a rotation `previous_expires_at` is the end of "
        "the old key's grace time."
    )
