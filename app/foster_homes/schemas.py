from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from pydantic import Field

from app.foster_homes.models import FosterHomeKind
from app.schemas import (
    CaseDate,
    ExternalRef,
    ExternalRefFilters,
    MunicipalityNumber,
    NonBlankStr,
    PostalCode,
    RecordRead,
    StrictModel,
    UpdateModel,
)


class FosterParent(StrictModel):
    name: NonBlankStr = Field(examples=["Ola Nordmann"])


class Address(StrictModel):
    street_address: NonBlankStr = Field(examples=["Storgata 1"])
    postal_code: PostalCode = Field(examples=["1540"])
    postal_place: NonBlankStr = Field(examples=["Vestby"])


FosterParents = Annotated[list[FosterParent], Field(min_length=1, max_length=4)]


class FosterHomeCreate(StrictModel):
    name: NonBlankStr = Field(examples=["Familien Nordmann"])
    kind: FosterHomeKind
    foster_parents: FosterParents
    address: Address
    municipality_number: MunicipalityNumber
    approved_date: CaseDate | None = Field(
        default=None, description="When the home was approved; emergency homes may lack it."
    )
    external_ref: ExternalRef | None = None


class FosterHomeUpdate(UpdateModel):
    nullable = frozenset({"approved_date", "external_ref"})

    name: NonBlankStr | None = None
    kind: FosterHomeKind | None = None
    foster_parents: FosterParents | None = None
    address: Address | None = None
    municipality_number: MunicipalityNumber | None = None
    approved_date: CaseDate | None = None
    external_ref: ExternalRef | None = None


class FosterParentRead(StrictModel):
    name: str


class AddressRead(StrictModel):
    street_address: str
    postal_code: str
    postal_place: str


class FosterHomeRead(RecordRead):
    service_id: uuid.UUID
    name: str
    kind: FosterHomeKind
    foster_parents: list[FosterParentRead]
    address: AddressRead
    municipality_number: str
    approved_date: date | None
    external_ref: ExternalRef | None


class FosterHomeFilters(ExternalRefFilters):
    kind: FosterHomeKind | None = None
    municipality_number: MunicipalityNumber | None = None
