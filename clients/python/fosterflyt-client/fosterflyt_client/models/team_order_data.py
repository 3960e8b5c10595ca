from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TeamOrderData")


@_attrs_define
class TeamOrderData:
    """Every step of an order says where the order now stands (never whom it is about).

    Attributes:
        team_id (UUID):
        status (str): The order's status after the step.
        category (str):
        urgent (bool): A concern for breakdown is urgent.
    """

    team_id: UUID
    status: str
    category: str
    urgent: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        team_id = str(self.team_id)

        status = self.status

        category = self.category

        urgent = self.urgent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "team_id": team_id,
                "status": status,
                "category": category,
                "urgent": urgent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        team_id = UUID(d.pop("team_id"))

        status = d.pop("status")

        category = d.pop("category")

        urgent = d.pop("urgent")

        team_order_data = cls(
            team_id=team_id,
            status=status,
            category=category,
            urgent=urgent,
        )

        team_order_data.additional_properties = d
        return team_order_data

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
