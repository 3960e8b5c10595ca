from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.closed_day import ClosedDay
from ..types import UNSET, Unset

T = TypeVar("T", bound="ServiceUpdate")


@_attrs_define
class ServiceUpdate:
    """
    Attributes:
        name (None | str | Unset):
        municipality_numbers (list[str] | None | Unset):
        closed_days (list[ClosedDay] | None | Unset):
    """

    name: None | str | Unset = UNSET
    municipality_numbers: list[str] | None | Unset = UNSET
    closed_days: list[ClosedDay] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        municipality_numbers: list[str] | None | Unset
        if isinstance(self.municipality_numbers, Unset):
            municipality_numbers = UNSET
        elif isinstance(self.municipality_numbers, list):
            municipality_numbers = self.municipality_numbers

        else:
            municipality_numbers = self.municipality_numbers

        closed_days: list[str] | None | Unset
        if isinstance(self.closed_days, Unset):
            closed_days = UNSET
        elif isinstance(self.closed_days, list):
            closed_days = []
            for closed_days_type_0_item_data in self.closed_days:
                closed_days_type_0_item = closed_days_type_0_item_data.value
                closed_days.append(closed_days_type_0_item)

        else:
            closed_days = self.closed_days

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if municipality_numbers is not UNSET:
            field_dict["municipality_numbers"] = municipality_numbers
        if closed_days is not UNSET:
            field_dict["closed_days"] = closed_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_municipality_numbers(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                municipality_numbers_type_0 = cast(list[str], data)

                return municipality_numbers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        municipality_numbers = _parse_municipality_numbers(d.pop("municipality_numbers", UNSET))

        def _parse_closed_days(data: object) -> list[ClosedDay] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                closed_days_type_0 = []
                _closed_days_type_0 = data
                for closed_days_type_0_item_data in _closed_days_type_0:
                    closed_days_type_0_item = ClosedDay(closed_days_type_0_item_data)

                    closed_days_type_0.append(closed_days_type_0_item)

                return closed_days_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ClosedDay] | None | Unset, data)

        closed_days = _parse_closed_days(d.pop("closed_days", UNSET))

        service_update = cls(
            name=name,
            municipality_numbers=municipality_numbers,
            closed_days=closed_days,
        )

        return service_update
