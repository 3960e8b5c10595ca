"""Shared schema building blocks: strict bases, reusable ``Annotated`` types, pages."""

from __future__ import annotations

import re
import uuid
from contextvars import ContextVar
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Generic, TypeVar

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    StringConstraints,
    ValidationInfo,
    field_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema
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

    @field_validator("*", mode="after")
    @classmethod
    def _no_null_for_required(cls, value: Any, info: ValidationInfo) -> Any:
        # Run for each field sent (a default is not validated), so every null is reported at
        # its own field (issue #18 item 4: one was, at "#/").
        if value is None and info.field_name not in cls.nullable:
            raise PydanticCustomError("null_not_allowed", "This field cannot be null")
        return value

    def changes(self) -> dict[str, object]:
        return self.model_dump(exclude_unset=True)


def _check_org_number(value: str) -> str:
    if not orgnr.is_valid(value):
        raise ValueError("Not a valid Norwegian organisation number (checksum)")
    return value


TENOR_MONTH_OFFSET = 80
"""Skatteetaten's Tenor test registry writes its synthetic numbers with 80 added to the month."""

accept_synthetic_national_ids: ContextVar[bool] = ContextVar(
    "accept_synthetic_national_ids", default=False
)
"""Set per request from ``FOSTERFLYT_ACCEPT_SYNTHETIC_NATIONAL_IDS`` (never on in production)."""


def is_synthetic(value: str) -> bool:
    """A Tenor test number: its month digits are 81–92."""
    return int(value[2:4]) > TENOR_MONTH_OFFSET


def _without_tenor_offset(value: str) -> str:
    return value[:2] + f"{int(value[2:4]) - TENOR_MONTH_OFFSET:02d}" + value[4:]


def _check_national_id(value: str) -> str:
    # Never include the value itself in a message: it can reach a client and a log.
    if is_synthetic(value):
        if not accept_synthetic_national_ids.get():
            raise PydanticCustomError(
                "synthetic_national_id",
                "A synthetic test number (Tenor); this server accepts only real ones",
            )
        try:  # the check digits are computed over the number as written, offset included
            if value[9] != fodselsnummer.calc_check_digit1(value[:9]) or value[
                10
            ] != fodselsnummer.calc_check_digit2(value[:10]):
                raise stdnum_errors.InvalidChecksum()
            fodselsnummer.get_birth_date(_without_tenor_offset(value))
        except stdnum_errors.ValidationError:
            raise ValueError("Not a valid synthetic test number (checksum or date)") from None
        return value
    try:
        fodselsnummer.validate(value)
        fodselsnummer.get_birth_date(value)
    except stdnum_errors.ValidationError:
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
        description="Fødselsnummer or D-number (11 digits), checksum validated. Never logged. "
        "A synthetic Tenor test number (month + 80) only where the server is set to accept "
        "them (code synthetic_national_id otherwise).",
        examples=["15108695088"],
    ),
]
PostalCode = Annotated[str, StringConstraints(pattern=r"^\d{4}$")]


# -- Dates and times ------------------------------------------------------------------------------
#
# Every date and time a client sends lies in a range wide enough for any real case and narrow
# enough that what the rules do with it (add years of offsets, take the day after a due date,
# convert a time in any zone to UTC) stays inside the years 1 to 9999 that Python and both
# databases share. Found by the December 2026 review: 9999-12-01 as a placement's start was a
# 500 while its workflows were planned, a task due 9999-12-31 broke its assignee's calendar feed.

EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2199, 12, 31)
EARLIEST_TIME = datetime(1900, 1, 1, tzinfo=UTC)
END_OF_TIME = datetime(2200, 1, 1, tzinfo=UTC)  # the first instant after the range
DATE_RANGE = f"{EARLIEST_DATE.isoformat()} to {LATEST_DATE.isoformat()}"


def date_in_range(value: date) -> bool:
    return EARLIEST_DATE <= value <= LATEST_DATE


def time_in_range(value: datetime) -> bool:
    """Whether an aware ``value`` lies in the range, in UTC. Comparing aware datetimes never
    converts them, so this is safe where ``astimezone`` would overflow (9999-12-31T23:59:59
    at -14:00 is in year 10000 in UTC)."""
    return EARLIEST_TIME <= value < END_OF_TIME


def _case_date(value: date) -> date:
    if not date_in_range(value):
        raise PydanticCustomError("date_out_of_range", f"Expected a date from {DATE_RANGE}")
    return value


def _birth_date(value: date) -> date:
    # The future is refused by the child's own rules (code future_date), against today.
    if value < EARLIEST_DATE:
        raise PydanticCustomError(
            "date_out_of_range", f"Expected a birth date from {EARLIEST_DATE.isoformat()}"
        )
    return value


def _instant(value: datetime) -> datetime:
    if not time_in_range(value):
        raise PydanticCustomError(
            "datetime_out_of_range",
            f"Expected a time from {EARLIEST_TIME:%Y-%m-%dT%H:%M:%SZ} up to "
            f"{END_OF_TIME:%Y-%m-%dT%H:%M:%SZ} (UTC)",
        )
    return value


class _Described:
    """Adds the range to the OpenAPI schema of a type (a field's own description, when it has
    one, says it instead: pydantic puts the field's text over the type's)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        result = handler.resolve_ref_schema(handler(schema))
        result.setdefault("description", self.text)
        return result


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ISO_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d")


def iso_date_only(value: object) -> object:
    """A date as the contract writes it, ``YYYY-MM-DD``: pydantic alone would also take ``0``
    (1970-01-01) and a date with a time (issue #18 item 4)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value  # built in Python, not sent
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        return value
    raise PydanticCustomError("date_format", "Expected a date written YYYY-MM-DD")


def iso_datetime_only(value: object) -> object:
    """A time written in ISO 8601: pydantic alone would read a number (or a string of digits) as
    seconds since 1970."""
    if isinstance(value, datetime) or (isinstance(value, str) and ISO_DATE_TIME.match(value)):
        return value
    raise PydanticCustomError(
        "datetime_format", "Expected a date and time written in ISO 8601, with a time zone"
    )


CaseDate = Annotated[
    date,
    BeforeValidator(iso_date_only),
    AfterValidator(_case_date),
    _Described(f"A date from {DATE_RANGE}."),
]
"""A date of a case (a placement's dates, a due date, a decision's date): 1900-01-01 to
2199-12-31, else 422 ``date_out_of_range`` at the field."""

BirthDate = Annotated[
    date,
    BeforeValidator(iso_date_only),
    AfterValidator(_birth_date),
    _Described(f"From {EARLIEST_DATE.isoformat()}, not in the future."),
]
"""A child's birth date: not before 1900-01-01 (422 ``date_out_of_range``); a date in the future
is refused by the child's rules (422 ``future_date``)."""

Instant = Annotated[
    AwareDatetime,
    BeforeValidator(iso_datetime_only),
    AfterValidator(_instant),
    _Described("ISO 8601 with a time zone, from 1900-01-01T00:00:00Z up to 2200-01-01T00:00:00Z."),
]
"""A time a client sends (a list's ``updated_since``, an audit window): with a time zone, and
from 1900-01-01T00:00:00Z up to (not including) 2200-01-01T00:00:00Z, else 422
``datetime_out_of_range``."""


def national_id_birth_date(value: str) -> date:
    if is_synthetic(value):
        return fodselsnummer.get_birth_date(_without_tenor_offset(value))
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
    updated_since: Instant | None = Field(
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

    @classmethod
    def whole(cls, items: list[T]) -> Page[T]:
        """A short list whose every item fits one page (templates, a task's history): the same
        shape as every list, without more to fetch."""
        return cls(items=items, next_cursor=None, has_more=False)


class SecretKind(StrEnum):
    API_KEY = "api_key"
    WEBHOOK_SIGNING_SECRET = "webhook_signing_secret"  # noqa: S105 (a name, not a secret)
    CALENDAR_FEED_URL = "calendar_feed_url"


class ShownSecret(BaseModel):
    """A secret in the one response that shows it. Every such response (an API key created or
    rotated, a webhook subscription created or its secret rotated, a calendar feed created) is
    ``{"resource": <what GET returns>, "secret": <this>}`` (docs/integrators.md, "Secrets")."""

    kind: SecretKind = Field(examples=["webhook_signing_secret"])
    value: str = Field(
        description="The secret itself: shown only here, store it now. Lost: rotate it (a "
        "calendar feed: create a new one).",
        examples=["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
    )
    previous_expires_at: datetime | None = Field(
        description="After a rotation: until when the secret it replaced keeps working (an "
        "API key's grace time, a webhook secret's overlap); null otherwise.",
        examples=[None],
    )
