from __future__ import annotations

import uuid

from pydantic import Field

from app.schemas import (
    Email,
    ExternalRef,
    ExternalRefFilters,
    NonBlankStr,
    RecordRead,
    StrictModel,
    UpdateModel,
)
from app.staff.models import StaffRole


class StaffCreate(StrictModel):
    name: NonBlankStr = Field(examples=["Kari Nordmann"])
    email: Email = Field(examples=["kari.nordmann@vestby.kommune.no"])
    role: StaffRole
    external_ref: ExternalRef | None = None


class StaffUpdate(UpdateModel):
    nullable = frozenset({"external_ref"})

    name: NonBlankStr | None = None
    email: Email | None = None
    role: StaffRole | None = None
    external_ref: ExternalRef | None = None


class StaffRead(RecordRead):
    service_id: uuid.UUID
    name: str
    email: str
    role: StaffRole
    external_ref: ExternalRef | None


class StaffFilters(ExternalRefFilters):
    role: StaffRole | None = None
