from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from pydantic import Field, StringConstraints

from app.errors import FieldError, body_error
from app.foster_homes.schemas import Address, AddressRead
from app.people.models import Relation
from app.schemas import (
    CaseDate,
    Email,
    ListParams,
    NonBlankStr,
    RecordRead,
    StrictModel,
    UpdateModel,
)

Phone = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^\+?[0-9][0-9 ()-]{2,30}$"),
    Field(
        description="A phone number: digits, spaces, dashes, an optional leading +.",
        examples=["+47 912 34 567"],
    ),
]
Note = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]


def parent_errors(
    *,
    relation: Relation,
    relation_text: str | None,
    declined_on: date | None,
    decline_note: str | None,
    today: date,
) -> list[FieldError]:
    """The rules a parent's record follows, as field errors (empty when valid)."""
    errors = []
    if relation is Relation.OTHER and relation_text is None:
        errors.append(
            body_error("relation_text", "Say what the relation is when it is 'other'", "missing")
        )
    if declined_on is not None and declined_on > today:
        errors.append(body_error("declined_on", "A decline is recorded after it", "in_future"))
    if decline_note is not None and declined_on is None:
        errors.append(
            body_error("declined_on", "A decline note needs the day the parent declined", "missing")
        )
    return errors


class ParentCreate(StrictModel):
    name: NonBlankStr = Field(examples=["Kari Nordmann"], description="The parent's full name.")
    relation: Relation = Field(description="mother, father, or other (then relation_text).")
    relation_text: NonBlankStr | None = Field(
        default=None, examples=["medmor"], description="What the relation is, for 'other'."
    )
    phone: Phone | None = None
    email: Email | None = None
    address: Address | None = None
    parental_responsibility: bool = Field(description="Whether the parent has foreldreansvar.")
    wants_follow_up: bool = Field(
        default=True,
        description="Whether the parent is to be offered the follow-up conversations (false: "
        "not relevant, e.g. no contact); a parent who was offered them and said no is recorded "
        "with declined_on instead.",
    )
    declined_on: CaseDate | None = Field(
        default=None, description="The day the parent declined the follow-up; not in the future."
    )
    decline_note: Note | None = Field(default=None, description="What the parent said, and how.")
    lives_with: uuid.UUID | None = Field(
        default=None,
        description="Another parent of the same child this parent lives with: they share a "
        "household, one follow-up conversation and one letter.",
    )


class ParentUpdate(UpdateModel):
    nullable = frozenset(
        {"relation_text", "phone", "email", "address", "declined_on", "decline_note", "lives_with"}
    )

    name: NonBlankStr | None = None
    relation: Relation | None = None
    relation_text: NonBlankStr | None = None
    phone: Phone | None = None
    email: Email | None = None
    address: Address | None = None
    parental_responsibility: bool | None = None
    wants_follow_up: bool | None = None
    declined_on: CaseDate | None = Field(
        default=None,
        description="null: the parent accepts the follow-up again (the decline note goes too).",
    )
    decline_note: Note | None = None
    lives_with: uuid.UUID | None = Field(
        default=None,
        description="Another parent of the child this parent now lives with; null: the parent "
        "moved out and has a household of their own.",
    )


class ParentRead(RecordRead):
    service_id: uuid.UUID
    child_id: uuid.UUID
    name: str
    relation: Relation
    relation_text: str | None
    phone: str | None
    email: str | None
    address: AddressRead | None
    parental_responsibility: bool
    wants_follow_up: bool
    declined_on: date | None
    decline_note: str | None
    household_id: uuid.UUID = Field(
        description="Parents with the same household_id live together and are followed up together."
    )
    followed_up: bool = Field(
        description="Offered the follow-up conversations: wants_follow_up and not declined."
    )


class ParentFilters(ListParams):
    """Filters for the list of a child's parents."""
