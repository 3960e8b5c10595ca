from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator

from app.schemas import (
    MunicipalityNumber,
    NonBlankStr,
    OrgNumber,
    RecordRead,
    StrictModel,
    UpdateModel,
)
from app.services.models import ClosedDay

MunicipalityList = Annotated[list[MunicipalityNumber], Field(min_length=1, max_length=60)]


def _unique(values: list[str] | None) -> list[str] | None:
    # None reaches here from an update's explicit null, which UpdateModel then refuses (422).
    if values is not None and len(set(values)) != len(values):
        raise ValueError("Each municipality number may appear once")
    return values


class ServiceCreate(StrictModel):
    name: NonBlankStr = Field(examples=["Barneverntjenesten i Vestby"])
    org_number: OrgNumber
    municipality_numbers: MunicipalityList = Field(examples=[["3216"]])

    _unique = field_validator("municipality_numbers")(_unique)


ClosedDays = Annotated[
    list[ClosedDay],
    Field(
        max_length=2,
        description="Days the service treats as closed although no public holiday "
        "(christmas_eve, new_years_eve): deadlines move off them as off a holiday. Applies to "
        "tasks planned or re-planned from then on.",
    ),
]


class ServiceUpdate(UpdateModel):
    name: NonBlankStr | None = None
    municipality_numbers: MunicipalityList | None = None
    closed_days: ClosedDays | None = None

    _unique = field_validator("municipality_numbers")(_unique)

    @field_validator("closed_days")
    @classmethod
    def _once(cls, values: list[ClosedDay] | None) -> list[ClosedDay] | None:
        if values is not None and len(set(values)) != len(values):
            raise ValueError("Each closed day may appear once")
        return values


class ServiceRead(RecordRead):
    name: str
    org_number: str
    municipality_numbers: list[str]
    closed_days: list[ClosedDay] = Field(default_factory=list)
