"""Pure rules, no database: placement status, national id validation, pagination cursors."""

from __future__ import annotations

import base64
import json
import random
import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from pydantic import ValidationError
from stdnum.no import fodselsnummer

from app.children.schemas import ChildCreate, ChildUpdate
from app.clock import today
from app.errors import InvalidCursor, ValidationFailed
from app.pagination import decode_cursor, encode_cursor
from app.placements.models import PlacementStatus, placement_status
from app.schemas import national_id_birth_date
from tests.helpers import national_id_for

ON = date(2026, 3, 15)
BIRTH = date(2015, 10, 15)


def d_number_for(birth: date, *, seed: int = 0) -> str:
    """A D-number (day + 40) with valid check digits for ``birth`` (born 2000–2039)."""
    rng = random.Random(seed)
    while True:
        individual = rng.randint(500, 999)
        base = f"{birth.day + 40:02d}{birth:%m%y}{individual:03d}"
        k1 = fodselsnummer.calc_check_digit1(base)
        if len(k1) != 1:
            continue
        k2 = fodselsnummer.calc_check_digit2(base + k1)
        if len(k2) == 1:
            return base + k1 + k2


def with_wrong_checksum(national_id: str) -> str:
    return national_id[:-1] + str((int(national_id[-1]) + 1) % 10)


def child(**overrides: Any) -> ChildCreate:
    data: dict[str, Any] = {"given_name": "Emma", "family_name": "Eksempel", "birth_date": BIRTH}
    data.update(overrides)
    return ChildCreate.model_validate(data)


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


class TestPlacementStatus:
    def test_a_placement_starting_after_the_day_is_planned(self) -> None:
        assert placement_status(ON + timedelta(days=1), None, ON) is PlacementStatus.PLANNED

    def test_a_placement_starting_on_the_day_is_active(self) -> None:
        assert placement_status(ON, None, ON) is PlacementStatus.ACTIVE

    def test_an_open_ended_placement_that_has_started_is_active(self) -> None:
        assert placement_status(ON - timedelta(days=400), None, ON) is PlacementStatus.ACTIVE

    def test_a_placement_ending_after_the_day_is_still_active(self) -> None:
        status = placement_status(ON - timedelta(days=10), ON + timedelta(days=1), ON)
        assert status is PlacementStatus.ACTIVE

    def test_a_placement_is_ended_on_its_end_date(self) -> None:
        assert placement_status(ON - timedelta(days=10), ON, ON) is PlacementStatus.ENDED

    def test_a_placement_is_ended_after_its_end_date(self) -> None:
        status = placement_status(ON - timedelta(days=10), ON - timedelta(days=1), ON)
        assert status is PlacementStatus.ENDED

    def test_a_planned_placement_with_a_later_end_date_is_planned(self) -> None:
        status = placement_status(ON + timedelta(days=1), ON + timedelta(days=30), ON)
        assert status is PlacementStatus.PLANNED

    def test_a_one_day_placement_on_the_day_is_ended(self) -> None:
        assert placement_status(ON, ON, ON) is PlacementStatus.ENDED


class TestNationalIdValidation:
    def test_a_valid_fodselsnummer_is_accepted(self) -> None:
        national_id = national_id_for(BIRTH)
        assert child(national_id=national_id).national_id == national_id

    def test_a_valid_d_number_is_accepted(self) -> None:
        d_number = d_number_for(BIRTH)
        assert child(national_id=d_number).national_id == d_number

    def test_no_national_id_is_accepted(self) -> None:
        assert child().national_id is None

    def test_surrounding_whitespace_is_trimmed(self) -> None:
        national_id = national_id_for(BIRTH)
        assert child(national_id=f" {national_id} ").national_id == national_id

    @pytest.mark.parametrize(
        "make",
        [
            lambda: with_wrong_checksum(national_id_for(BIRTH)),
            lambda: with_wrong_checksum(d_number_for(BIRTH)),
            lambda: national_id_for(BIRTH)[:10],
            lambda: national_id_for(BIRTH) + "0",
            lambda: national_id_for(BIRTH)[:6] + " " + national_id_for(BIRTH)[6:],
            lambda: "1510159508x",
        ],
        ids=["fnr_checksum", "d_number_checksum", "ten_digits", "twelve_digits", "space", "letter"],
    )
    def test_an_invalid_national_id_is_rejected_without_echoing_it(self, make: Any) -> None:
        value = make()
        with pytest.raises(ValidationError) as caught:
            child(national_id=value)
        errors = caught.value.errors()
        assert [e["loc"] for e in errors] == [("national_id",)]
        assert value not in errors[0]["msg"]

    def test_a_national_id_for_an_unborn_person_is_rejected(self) -> None:
        future = today() + timedelta(days=30)
        with pytest.raises(ValidationError) as caught:
            child(national_id=national_id_for(future))
        assert [e["loc"] for e in caught.value.errors()] == [("national_id",)]

    def test_a_birth_date_disagreeing_with_the_national_id_is_a_birth_date_error(self) -> None:
        with pytest.raises(ValidationFailed) as caught:
            child(national_id=national_id_for(BIRTH), birth_date=BIRTH + timedelta(days=1))
        assert caught.value.errors is not None
        assert [(e.pointer, e.code) for e in caught.value.errors] == [
            ("#/birth_date", "birth_date_mismatch")
        ]

    def test_a_d_number_carries_the_birth_date_without_the_forty(self) -> None:
        d_number = d_number_for(BIRTH)
        assert d_number[:2] == "55"
        assert national_id_birth_date(d_number) == BIRTH
        with pytest.raises(ValidationFailed):
            child(national_id=d_number, birth_date=BIRTH - timedelta(days=1))

    def test_a_change_may_clear_the_national_id_but_not_the_given_name(self) -> None:
        assert ChildUpdate.model_validate({"national_id": None}).changes() == {"national_id": None}
        with pytest.raises(ValidationError):
            ChildUpdate.model_validate({"given_name": None})

    def test_a_change_validates_the_national_id(self) -> None:
        wrong = with_wrong_checksum(national_id_for(BIRTH))
        with pytest.raises(ValidationError) as caught:
            ChildUpdate.model_validate({"national_id": wrong})
        assert [e["loc"] for e in caught.value.errors()] == [("national_id",)]


KEY = "Placement.created_at"


class TestCursor:
    @pytest.mark.parametrize(
        "created",
        [
            datetime(2026, 3, 15, 12, 30, 45, 123456, tzinfo=UTC),
            datetime(2026, 3, 15, 13, 30, tzinfo=timezone(timedelta(hours=1))),
        ],
        ids=["utc", "oslo_offset"],
    )
    def test_a_cursor_round_trips(self, created: datetime) -> None:
        row_id = uuid.uuid4()
        cursor = encode_cursor(created, row_id, list_key=KEY)
        assert decode_cursor(cursor, list_key=KEY) == (created, row_id)
        assert "=" not in cursor
        assert cursor.isascii()

    @pytest.mark.parametrize(
        "cursor",
        [
            "",
            "not a cursor!",
            "@@@@",
            b64(b"not json"),
            b64(b"\xff\xfe\x00"),
            b64(json.dumps({"a": 1}).encode()),
            b64(json.dumps([KEY, "2026-03-15T12:00:00+00:00"]).encode()),
            b64(json.dumps([KEY, "2026-03-15T12:00:00+00:00", str(uuid.uuid4()), 1]).encode()),
            b64(json.dumps([KEY, "2026-03-15T12:00:00", str(uuid.uuid4())]).encode()),
            b64(json.dumps([KEY, "yesterday", str(uuid.uuid4())]).encode()),
            b64(json.dumps([KEY, "2026-03-15T12:00:00+00:00", "not-a-uuid"]).encode()),
            b64(json.dumps([KEY, None, str(uuid.uuid4())]).encode()),
            b64(json.dumps(5).encode()),
            b64(
                json.dumps(
                    ["Child.created_at", "2026-03-15T12:00:00+00:00", str(uuid.uuid4())]
                ).encode()
            ),
            b64(json.dumps([KEY, "2026-03-15T12:00:00+00:00", 5]).encode()),
            b64(json.dumps([KEY, "2026-03-15T12:00:00+00:00", ["x"]]).encode()),
        ],
        ids=[
            "empty",
            "not_base64",
            "symbols",
            "not_json",
            "not_utf8",
            "object",
            "one_element",
            "three_elements",
            "naive_timestamp",
            "not_a_timestamp",
            "not_a_uuid",
            "null_timestamp",
            "number",
            "another_list",
            "number_as_id",
            "list_as_id",
        ],
    )
    def test_garbage_is_an_invalid_cursor(self, cursor: str) -> None:
        with pytest.raises(InvalidCursor):
            decode_cursor(cursor, list_key=KEY)
