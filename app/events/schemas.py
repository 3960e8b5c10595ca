from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, Field, GetJsonSchemaHandler, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from app.events.service import event_types
from app.schemas import ReadModel, StrictModel


def _known(value: str) -> str:
    if value not in event_types():
        raise PydanticCustomError("unknown_event_type", "Not an event type of this feed")
    return value


class _EventTypes:
    """The declared types as the schema's enum, read when the document is generated: the
    domains declare theirs with their models, after this module is imported."""

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        result = handler(schema)
        result["enum"] = event_types()
        return result


EventType = Annotated[str, AfterValidator(_known), _EventTypes()]


class EventRead(ReadModel):
    """A thin event: what happened to which ids. Fetch details through the API."""

    id: uuid.UUID
    type: Annotated[str, _EventTypes()]
    occurred_at: datetime
    service_id: uuid.UUID
    subject_id: uuid.UUID = Field(description="The placement, workflow, task or document.")
    placement_id: uuid.UUID | None
    data: dict[str, Any] = Field(description="Ids and codes only; never personal data.")


class EventPage(BaseModel):
    items: list[EventRead]
    next_cursor: str = Field(description="Pass as `cursor` (or `after`) to resume; always present.")
    has_more: bool


class EventFilters(StrictModel):
    """The feed's query, checked like every list's: an unknown parameter or event type is a
    422, not an unfiltered or empty page."""

    cursor: str | None = Field(
        default=None, max_length=200, description="`next_cursor` from the previous page."
    )
    after: str | None = Field(
        default=None, max_length=200, description="The same as `cursor` (the feed's first name)."
    )
    limit: int = Field(default=100, ge=1, le=100, description="Page size, at most 100.")
    type: list[EventType] | None = Field(default=None, description="Only these types.")
    service_id: uuid.UUID | None = None

    @model_validator(mode="after")
    def _one_cursor(self) -> EventFilters:
        if self.cursor is not None and self.after is not None and self.cursor != self.after:
            raise PydanticCustomError("one_cursor", "Send the cursor as cursor or after, not both")
        return self

    @property
    def resume_from(self) -> str | None:
        return self.cursor or self.after
