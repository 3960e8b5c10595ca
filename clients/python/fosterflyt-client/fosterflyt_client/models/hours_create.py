from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="HoursCreate")


@_attrs_define
class HoursCreate:
    """
    Attributes:
        worked_on (datetime.date): A date from 1900-01-01 to 2199-12-31.
        hours (float): Hours in quarters (0.25 to 24).
        note (None | str | Unset):
    """

    worked_on: datetime.date
    hours: float
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        worked_on = self.worked_on.isoformat()

        hours = self.hours

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "worked_on": worked_on,
                "hours": hours,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        worked_on = datetime.date.fromisoformat(d.pop("worked_on"))

        hours = d.pop("hours")

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        hours_create = cls(
            worked_on=worked_on,
            hours=hours,
            note=note,
        )

        return hours_create
