"""The shape of each event type's ``data``: ids, dates and codes, never personal data.

Each domain declares one :class:`EventData` per event type beside its event ``StrEnum`` and
registers both (``register_types(PlacementEvent, data={...})``). :func:`app.events.service.emit`
checks every payload against its model, and the OpenAPI document publishes the models as a
union discriminated by ``type`` (``app/docs/events.py``), so a generated client has each shape.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field


class EventData(BaseModel):
    """An event's ``data``: exactly these fields (an event of no data is ``{}``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class NoData(EventData):
    """The event carries nothing beyond its type and ids: ``data`` is ``{}``."""


EventId = Annotated[uuid.UUID, Field(examples=["5f0c2a8e-3b1d-4c6e-9a7f-2d4b8e1c0a93"])]
EventDate = Annotated[date, Field(examples=["2026-11-20"])]
ChangedFields = Annotated[
    list[str],
    Field(description="The names of the fields that changed.", examples=[["contact_person_id"]]),
]
