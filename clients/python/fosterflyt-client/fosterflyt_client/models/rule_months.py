from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.month_share import MonthShare


T = TypeVar("T", bound="RuleMonths")


@_attrs_define
class RuleMonths:
    """
    Attributes:
        rule (str):
        title (str):
        months (list[MonthShare]): Every month of the period, oldest first.
    """

    rule: str
    title: str
    months: list[MonthShare]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rule = self.rule

        title = self.title

        months = []
        for months_item_data in self.months:
            months_item = months_item_data.to_dict()
            months.append(months_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rule": rule,
                "title": title,
                "months": months,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.month_share import MonthShare  # noqa: PLC0415

        d = dict(src_dict)
        rule = d.pop("rule")

        title = d.pop("title")

        months = []
        _months = d.pop("months")
        for months_item_data in _months:
            months_item = MonthShare.from_dict(months_item_data)

            months.append(months_item)

        rule_months = cls(
            rule=rule,
            title=title,
            months=months,
        )

        rule_months.additional_properties = d
        return rule_months

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
