from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BreakdownRow")


@_attrs_define
class BreakdownRow:
    """Placements that ended, by one dimension (docs/oversight.md).

    Attributes:
        key (str): The year of the end (2026), the foster home's kind (ordinary, kinship, emergency), the time since the
            move (under_3_months, 3_to_12_months, 1_to_2_years, 2_years_or_more) or the breakdown's reason.
        ended (int):
        planned (int):
        unplanned (int): Breakdowns: end_planned false.
        unrecorded (int): Ends without end_planned.
        breakdown_rate (float | None): unplanned / (planned + unplanned); null for 0.
    """

    key: str
    ended: int
    planned: int
    unplanned: int
    unrecorded: int
    breakdown_rate: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        ended = self.ended

        planned = self.planned

        unplanned = self.unplanned

        unrecorded = self.unrecorded

        breakdown_rate: float | None
        breakdown_rate = self.breakdown_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "ended": ended,
                "planned": planned,
                "unplanned": unplanned,
                "unrecorded": unrecorded,
                "breakdown_rate": breakdown_rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        ended = d.pop("ended")

        planned = d.pop("planned")

        unplanned = d.pop("unplanned")

        unrecorded = d.pop("unrecorded")

        def _parse_breakdown_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        breakdown_rate = _parse_breakdown_rate(d.pop("breakdown_rate"))

        breakdown_row = cls(
            key=key,
            ended=ended,
            planned=planned,
            unplanned=unplanned,
            unrecorded=unrecorded,
            breakdown_rate=breakdown_rate,
        )

        breakdown_row.additional_properties = d
        return breakdown_row

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
