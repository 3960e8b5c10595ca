from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ExternalRef")


@_attrs_define
class ExternalRef:
    """A journal system's own key for a resource, unique per child welfare service.

    Attributes:
        system (str):
        key (str):
    """

    system: str
    key: str

    def to_dict(self) -> dict[str, Any]:
        system = self.system

        key = self.key

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "system": system,
                "key": key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        system = d.pop("system")

        key = d.pop("key")

        external_ref = cls(
            system=system,
            key=key,
        )

        return external_ref
