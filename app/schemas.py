"""Shared schema building blocks: strict bases, reusable ``Annotated`` types, pages."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any, ClassVar, Generic, TypeVar

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)
from stdnum import exceptions as stdnum_errors
from stdnum.no import fodselsnummer, orgnr


def has_nul(value: object) -> bool:
    """Whether a string anywhere in ``value`` (dict keys included, at any depth) holds a NUL.

    Walks with its own stack, not by recursion, so no depth of nesting can exhaust Python's
    (bodies are also refused past 64 levels before they are parsed: ``app/json_depth.py``).
    Nested models are not entered: they check their own fields.
    """
    pending: list[object] = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list | tuple | set | frozenset):
            pending.extend(item)
    return False


class StrictModel(BaseModel):
    """Input models: unknown fields are rejected, strings are trimmed, and no string may hold a
    NUL character (PostgreSQL cannot store one; refused here on every database alike)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        if has_nul(value):
            raise ValueError("NUL characters (\\u0000) are not allowed")
        return value


class ReadModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class UpdateModel(StrictModel):
    """A partial update, applied with ``exclude_unset``.

    ``null`` is accepted only for the fields named in ``nullable``: sending ``null`` for a field
    that must have a value is a validation error, not a silent erase.
    """

    nullable: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="after")
    def _no_null_for_required(self) -> UpdateModel:
        for name in self.model_fields_set:
            if getattr(self, name) is None and name not in self.nullable:
                raise ValueError(f"'{name}' cannot be null")
        return self

    def changes(self) -> dict[str, object]:
        return self.model_dump(exclude_unset=True)


def _check_org_number(value: str) -> str:
    if not orgnr.is_valid(value):
        raise ValueError("Not a valid Norwegian organisation number (checksum)")
    return value


def _check_national_id(value: str) -> str:
    try:
        fodselsnummer.validate(value)
        fodselsnummer.get_birth_date(value)
    except stdnum_errors.ValidationError:
        # Never include the value itself: this message can reach a client and a log.
        raise ValueError("Not a valid fødselsnummer or D-number (checksum or date)") from None
    return value


NonBlankStr = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Email = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, to_lower=True, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
    ),
]
OrgNumber = Annotated[
    str,
    StringConstraints(pattern=r"^\d{9}$"),
    AfterValidator(_check_org_number),
    Field(
        description="Nine-digit organisation number (Brønnøysund), checksum validated.",
        examples=["974760673"],
    ),
]
MunicipalityNumber = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}$"),
    Field(description="Four-digit municipality number (kommunenummer).", examples=["4601"]),
]
NationalId = Annotated[
    str,
    StringConstraints(pattern=r"^\d{11}$"),
    AfterValidator(_check_national_id),
    Field(
        description="Fødselsnummer or D-number (11 digits), checksum validated. Never logged.",
        examples=["15108695088"],
    ),
]
PostalCode = Annotated[str, StringConstraints(pattern=r"^\d{4}$")]


def national_id_birth_date(value: str) -> date:
    return fodselsnummer.get_birth_date(value)


class ExternalRef(StrictModel):
    """A journal system's own key for a resource, unique per child welfare service."""

    system: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)
    ] = Field(examples=["visma-flyt-barnevern"])
    key: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=128)] = (
        Field(examples=["SAK-2026-00123"])
    )

    @classmethod
    def of(cls, system: str | None, key: str | None) -> ExternalRef | None:
        """The reference stored in a row's two columns (none unless both are set)."""
        if system is None or key is None:
            return None
        return cls(system=system, key=key)


class ListParams(StrictModel):
    """Query parameters every list takes; unknown parameters are rejected, so a misspelt filter
    is an error instead of a silently unfiltered list."""

    cursor: str | None = Field(
        default=None, max_length=200, description="`next_cursor` from the previous page."
    )
    limit: int = Field(default=50, ge=1, le=100, description="Page size, at most 100.")
    updated_since: AwareDatetime | None = Field(
        default=None,
        description="Only rows changed at or after this time (ISO 8601 with time zone).",
    )


class ExternalRefFilters(ListParams):
    service_id: uuid.UUID | None = None
    external_system: str | None = Field(default=None, max_length=64)
    external_key: str | None = Field(default=None, max_length=128)


class RecordRead(ReadModel):
    id: uuid.UUID
    created_at: datetime
    updated_at: datetime


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list. Pass ``next_cursor`` as ``cursor`` to get the next page."""

    items: list[T]
    next_cursor: str | None = None
    has_more: bool
