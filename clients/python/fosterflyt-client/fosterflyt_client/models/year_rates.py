from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.member_count import MemberCount


T = TypeVar("T", bound="YearRates")


@_attrs_define
class YearRates:
    """
    Attributes:
        group_budget (int): The group-guidance part of the budget, whole kroner.
        individual_budget (int): The individual-guidance part (about one full-time position), paid by purchases; whole
            kroner.
        hourly_rate (int): The year's rate per hour of individual guidance, whole kroner.
        planned_use (list[MemberCount] | Unset): Seats (or attendances) each member plans, for the preliminary split of
            the use half. Without any, the use half follows the fixed key.
        planned_hours (list[MemberCount] | Unset): Hours of individual guidance each member plans to buy (whole hours).
    """

    group_budget: int
    individual_budget: int
    hourly_rate: int
    planned_use: list[MemberCount] | Unset = UNSET
    planned_hours: list[MemberCount] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        group_budget = self.group_budget

        individual_budget = self.individual_budget

        hourly_rate = self.hourly_rate

        planned_use: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.planned_use, Unset):
            planned_use = []
            for planned_use_item_data in self.planned_use:
                planned_use_item = planned_use_item_data.to_dict()
                planned_use.append(planned_use_item)

        planned_hours: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.planned_hours, Unset):
            planned_hours = []
            for planned_hours_item_data in self.planned_hours:
                planned_hours_item = planned_hours_item_data.to_dict()
                planned_hours.append(planned_hours_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "group_budget": group_budget,
                "individual_budget": individual_budget,
                "hourly_rate": hourly_rate,
            }
        )
        if planned_use is not UNSET:
            field_dict["planned_use"] = planned_use
        if planned_hours is not UNSET:
            field_dict["planned_hours"] = planned_hours

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.member_count import MemberCount  # noqa: PLC0415

        d = dict(src_dict)
        group_budget = d.pop("group_budget")

        individual_budget = d.pop("individual_budget")

        hourly_rate = d.pop("hourly_rate")

        _planned_use = d.pop("planned_use", UNSET)
        planned_use: list[MemberCount] | Unset = UNSET
        if _planned_use is not UNSET:
            planned_use = []
            for planned_use_item_data in _planned_use:
                planned_use_item = MemberCount.from_dict(planned_use_item_data)

                planned_use.append(planned_use_item)

        _planned_hours = d.pop("planned_hours", UNSET)
        planned_hours: list[MemberCount] | Unset = UNSET
        if _planned_hours is not UNSET:
            planned_hours = []
            for planned_hours_item_data in _planned_hours:
                planned_hours_item = MemberCount.from_dict(planned_hours_item_data)

                planned_hours.append(planned_hours_item)

        year_rates = cls(
            group_budget=group_budget,
            individual_budget=individual_budget,
            hourly_rate=hourly_rate,
            planned_use=planned_use,
            planned_hours=planned_hours,
        )

        return year_rates
