from __future__ import annotations

import uuid
from datetime import date

from pydantic import Field, model_validator

from app.clock import today
from app.errors import FieldError, ValidationFailed, body_error
from app.schemas import (
    BirthDate,
    ExternalRef,
    ExternalRefFilters,
    NationalId,
    NonBlankStr,
    RecordRead,
    StrictModel,
    UpdateModel,
    national_id_birth_date,
)


def birth_date_errors(birth_date: date, national_id: str | None, today: date) -> list[FieldError]:
    """The rules a child's birth date must follow, as field errors (empty when valid)."""
    errors = []
    if birth_date > today:
        errors.append(body_error("birth_date", "The birth date is in the future", "future_date"))
    if national_id is not None and national_id_birth_date(national_id) != birth_date:
        errors.append(
            body_error(
                "birth_date",
                "The birth date does not agree with national_id",
                "birth_date_mismatch",
            )
        )
    return errors


class ChildCreate(StrictModel):
    given_name: NonBlankStr = Field(examples=["Emma"])
    family_name: NonBlankStr = Field(examples=["Hansen"])
    birth_date: BirthDate = Field(examples=["2015-10-15"])
    national_id: NationalId | None = None
    external_ref: ExternalRef | None = None

    @model_validator(mode="after")
    def _birth_date_agrees(self) -> ChildCreate:
        errors = birth_date_errors(self.birth_date, self.national_id, today())
        if errors:
            raise ValidationFailed("The birth date is not valid.", errors=errors)
        return self


class ChildUpdate(UpdateModel):
    nullable = frozenset({"national_id", "external_ref"})

    given_name: NonBlankStr | None = None
    family_name: NonBlankStr | None = None
    birth_date: BirthDate | None = None
    national_id: NationalId | None = None
    external_ref: ExternalRef | None = None


class ChildRead(RecordRead):
    service_id: uuid.UUID
    given_name: str
    family_name: str
    birth_date: date
    national_id: str | None
    external_ref: ExternalRef | None


class ChildFilters(ExternalRefFilters):
    """Filters for the list of children."""
