from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, Field, StringConstraints
from pydantic_core import PydanticCustomError

from app.events.service import event_types
from app.schemas import (
    ListParams,
    ReadModel,
    RecordRead,
    ShownSecret,
    StrictModel,
    UpdateModel,
)
from app.webhooks.models import DeliveryStatus, SubscriptionStatus


def _known_type(value: str) -> str:
    if value not in event_types():
        raise ValueError("Not an event type; see the list in the description of GET /v1/events")
    return value


EventType = Annotated[
    str,
    AfterValidator(_known_type),
    # The types are read when the schema is built, once every domain has declared its own.
    Field(
        json_schema_extra=lambda schema: schema.update(enum=event_types()),
        examples=["task.overdue"],
    ),
]


def _at_most_every_type(value: list[str]) -> list[str]:
    if len(value) > len(event_types()):
        raise PydanticCustomError(
            "too_long",
            "List should have at most {max_length} items",
            {"max_length": len(event_types())},
        )
    return value


EventTypes = Annotated[
    list[EventType],
    AfterValidator(_at_most_every_type),
    Field(
        json_schema_extra=lambda schema: schema.update(maxItems=len(event_types())),
        description="The event types to receive; an empty list means every type.",
    ),
]
WebhookUrl = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=2000),
    Field(
        description="A public https:// endpoint (private, loopback and link-local addresses "
        "are refused).",
        examples=["https://journal.example.no/fosterflyt/webhooks"],
    ),
]
Description = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


class WebhookSubscriptionCreate(StrictModel):
    url: WebhookUrl
    event_types: EventTypes = Field(default_factory=list)
    description: Description | None = None


class WebhookSubscriptionUpdate(UpdateModel):
    nullable = frozenset({"description"})

    url: WebhookUrl | None = None
    event_types: EventTypes | None = None
    description: Description | None = None
    status: Literal["enabled", "disabled"] | None = Field(
        default=None,
        description="`disabled` stops deliveries; `enabled` resumes them with events from now "
        "on (catch up through GET /v1/events).",
    )


class WebhookSubscriptionRead(RecordRead):
    service_id: uuid.UUID
    url: str
    event_types: list[str]
    description: str | None
    status: SubscriptionStatus
    disabled_reason: str | None = Field(description="Why the subscription is disabled.")
    disabled_at: datetime | None


class WebhookSubscriptionWithSecret(BaseModel):
    """Shown once: the signing secret, with the subscription."""

    resource: WebhookSubscriptionRead
    secret: ShownSecret = Field(
        description="`kind` `webhook_signing_secret`; `value` is the Standard Webhooks secret "
        "(`whsec_…`). After a rotation `previous_expires_at` is when the old secret stops "
        "signing deliveries (until then each carries both signatures)."
    )


class WebhookAttemptRead(ReadModel):
    attempted_at: datetime
    duration_ms: int
    status_code: int | None = Field(description="The receiver's HTTP status, if it answered.")
    error: str | None = Field(
        description="`timeout`, `connect_error`, `network_error`, `http_status`, `redirect`, "
        "`private_address`, `unresolvable`, …; null on success."
    )


class WebhookDeliveryRead(RecordRead):
    subscription_id: uuid.UUID
    event_id: uuid.UUID = Field(description="Also the `webhook-id` header of every attempt.")
    event_type: str
    status: DeliveryStatus
    attempt_count: int
    next_attempt_at: datetime | None
    last_attempt_at: datetime | None
    last_status_code: int | None
    last_error: str | None
    delivered_at: datetime | None
    attempts: list[WebhookAttemptRead] = Field(description="Oldest first.")


class DeliveryFilters(ListParams):
    status: DeliveryStatus | None = None


class SubscriptionFilters(ListParams):
    service_id: uuid.UUID | None = None
    status: SubscriptionStatus | None = None
