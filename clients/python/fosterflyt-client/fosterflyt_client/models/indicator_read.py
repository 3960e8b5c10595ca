from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IndicatorRead")


@_attrs_define
class IndicatorRead:
    """One of the national audit's questions as a figure: ``numerator`` of ``denominator``.

    Attributes:
        key (str): visits_spoken_alone, supervision_spoken_alone, children_with_current_plan,
            children_below_visit_minimum, assessments_without_conclusion or decisions_not_carried_out (docs/oversight.md
            defines each).
        numerator (int):
        denominator (int):
        share (float | None): numerator / denominator; null for 0.
    """

    key: str
    numerator: int
    denominator: int
    share: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        numerator = self.numerator

        denominator = self.denominator

        share: float | None
        share = self.share

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "numerator": numerator,
                "denominator": denominator,
                "share": share,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        numerator = d.pop("numerator")

        denominator = d.pop("denominator")

        def _parse_share(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        share = _parse_share(d.pop("share"))

        indicator_read = cls(
            key=key,
            numerator=numerator,
            denominator=denominator,
            share=share,
        )

        indicator_read.additional_properties = d
        return indicator_read

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
