from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="AddressRead")


@_attrs_define
class AddressRead:
    """
    Attributes:
        street_address (str):
        postal_code (str):
        postal_place (str):
    """

    street_address: str
    postal_code: str
    postal_place: str

    def to_dict(self) -> dict[str, Any]:
        street_address = self.street_address

        postal_code = self.postal_code

        postal_place = self.postal_place

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "street_address": street_address,
                "postal_code": postal_code,
                "postal_place": postal_place,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        street_address = d.pop("street_address")

        postal_code = d.pop("postal_code")

        postal_place = d.pop("postal_place")

        address_read = cls(
            street_address=street_address,
            postal_code=postal_code,
            postal_place=postal_place,
        )

        return address_read
