from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VisitYear")


@_attrs_define
class VisitYear:
    """One year since the move (the last one may be cut short by the placement's end).

    Attributes:
        starts_on (datetime.date):
        ends_on (datetime.date): The year's last day, or the placement's end.
        complete (bool): false: the year is still running or was cut short.
        held (int):
        required (int): The rule set's minimum for a whole year.
        reduced (bool): A reduction was in force the whole year.
        met (bool | None): Whether a complete year met the minimum.
    """

    starts_on: datetime.date
    ends_on: datetime.date
    complete: bool
    held: int
    required: int
    reduced: bool
    met: bool | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        complete = self.complete

        held = self.held

        required = self.required

        reduced = self.reduced

        met: bool | None
        met = self.met

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "starts_on": starts_on,
                "ends_on": ends_on,
                "complete": complete,
                "held": held,
                "required": required,
                "reduced": reduced,
                "met": met,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        complete = d.pop("complete")

        held = d.pop("held")

        required = d.pop("required")

        reduced = d.pop("reduced")

        def _parse_met(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        met = _parse_met(d.pop("met"))

        visit_year = cls(
            starts_on=starts_on,
            ends_on=ends_on,
            complete=complete,
            held=held,
            required=required,
            reduced=reduced,
            met=met,
        )

        visit_year.additional_properties = d
        return visit_year

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
