from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="ServiceCreate")


@_attrs_define
class ServiceCreate:
    """
    Attributes:
        name (str):
        org_number (str): Nine-digit organisation number (Brønnøysund), checksum validated.
        municipality_numbers (list[str]):
    """

    name: str
    org_number: str
    municipality_numbers: list[str]

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        org_number = self.org_number

        municipality_numbers = self.municipality_numbers

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "org_number": org_number,
                "municipality_numbers": municipality_numbers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        org_number = d.pop("org_number")

        municipality_numbers = cast(list[str], d.pop("municipality_numbers"))

        service_create = cls(
            name=name,
            org_number=org_number,
            municipality_numbers=municipality_numbers,
        )

        return service_create
