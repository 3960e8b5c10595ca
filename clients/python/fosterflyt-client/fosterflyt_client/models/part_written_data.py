from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PartWrittenData")


@_attrs_define
class PartWrittenData:
    """
    Attributes:
        child_id (UUID):
        part_key (str): The part of the rammefortelling.
        number (int): The part's version number.
    """

    child_id: UUID
    part_key: str
    number: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        child_id = str(self.child_id)

        part_key = self.part_key

        number = self.number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "child_id": child_id,
                "part_key": part_key,
                "number": number,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        child_id = UUID(d.pop("child_id"))

        part_key = d.pop("part_key")

        number = d.pop("number")

        part_written_data = cls(
            child_id=child_id,
            part_key=part_key,
            number=number,
        )

        part_written_data.additional_properties = d
        return part_written_data

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
