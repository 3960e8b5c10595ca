from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.closed_day import ClosedDay
from ..types import UNSET, Unset

T = TypeVar("T", bound="ServiceRead")


@_attrs_define
class ServiceRead:
    """
    Attributes:
        id (UUID):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        name (str):
        org_number (str):
        municipality_numbers (list[str]):
        closed_days (list[ClosedDay] | Unset):
    """

    id: UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    name: str
    org_number: str
    municipality_numbers: list[str]
    closed_days: list[ClosedDay] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        name = self.name

        org_number = self.org_number

        municipality_numbers = self.municipality_numbers

        closed_days: list[str] | Unset = UNSET
        if not isinstance(self.closed_days, Unset):
            closed_days = []
            for closed_days_item_data in self.closed_days:
                closed_days_item = closed_days_item_data.value
                closed_days.append(closed_days_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "updated_at": updated_at,
                "name": name,
                "org_number": org_number,
                "municipality_numbers": municipality_numbers,
            }
        )
        if closed_days is not UNSET:
            field_dict["closed_days"] = closed_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        name = d.pop("name")

        org_number = d.pop("org_number")

        municipality_numbers = cast(list[str], d.pop("municipality_numbers"))

        _closed_days = d.pop("closed_days", UNSET)
        closed_days: list[ClosedDay] | Unset = UNSET
        if _closed_days is not UNSET:
            closed_days = []
            for closed_days_item_data in _closed_days:
                closed_days_item = ClosedDay(closed_days_item_data)

                closed_days.append(closed_days_item)

        service_read = cls(
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            name=name,
            org_number=org_number,
            municipality_numbers=municipality_numbers,
            closed_days=closed_days,
        )

        service_read.additional_properties = d
        return service_read

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
