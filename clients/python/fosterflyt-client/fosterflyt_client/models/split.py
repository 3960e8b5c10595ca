from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Split")


@_attrs_define
class Split:
    """
    Attributes:
        fixed (int): Group guidance by the fixed key, kroner.
        use (int): Group guidance by use, kroner.
        individual (int): Individual guidance, kroner.
        total (int):
        use_count (int): Seats or attendances counted.
        hours (float): Hours of individual guidance.
    """

    fixed: int
    use: int
    individual: int
    total: int
    use_count: int
    hours: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fixed = self.fixed

        use = self.use

        individual = self.individual

        total = self.total

        use_count = self.use_count

        hours = self.hours

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fixed": fixed,
                "use": use,
                "individual": individual,
                "total": total,
                "use_count": use_count,
                "hours": hours,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fixed = d.pop("fixed")

        use = d.pop("use")

        individual = d.pop("individual")

        total = d.pop("total")

        use_count = d.pop("use_count")

        hours = d.pop("hours")

        split = cls(
            fixed=fixed,
            use=use,
            individual=individual,
            total=total,
            use_count=use_count,
            hours=hours,
        )

        split.additional_properties = d
        return split

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
