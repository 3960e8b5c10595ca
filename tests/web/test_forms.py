"""Forms: Norwegian dates in, messages a person can act on out (bokmål, next to the field)."""

from __future__ import annotations

from pydantic import BaseModel, Field, ValidationError

from app.schemas import CaseDate, NationalId
from app.web.forms import iso_date, norwegian_date, validation_messages


def test_a_date_written_the_norwegian_way_becomes_an_iso_date() -> None:
    assert iso_date("17.5.2026") == "2026-05-17"
    assert iso_date(" 07.12.2026 ") == "2026-12-07"
    assert iso_date("2026-12-07") == "2026-12-07"
    assert iso_date("") is None
    assert iso_date("31.02.2026") == "31.02.2026"  # left for the model to refuse
    assert norwegian_date("2026-05-17") == "17.05.2026"


class _Form(BaseModel):
    name: str = Field(min_length=1, max_length=5)
    start: CaseDate
    national_id: NationalId


def test_each_refused_field_gets_a_message_in_bokmal_in_the_forms_order() -> None:
    labels = {"name": "Navn", "start": "Startdato", "national_id": "Fødselsnummer"}
    try:
        _Form.model_validate(
            {"name": "for langt", "start": "31.02.2026", "national_id": "12345678901"}
        )
    except ValidationError as exc:
        found = validation_messages(exc, labels)
    assert list(found) == ["name", "start", "national_id"]
    assert found["name"] == "Navn kan ha høyst 5 tegn"
    assert found["start"] == "Startdato må være en dato, for eksempel 17.5.2026"
    assert "Fødselsnummeret er ikke gyldig" in found["national_id"]
