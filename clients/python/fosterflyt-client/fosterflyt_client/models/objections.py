from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Objections")


@_attrs_define
class Objections:
    """
    Attributes:
        child (bool | Unset):  Default: False.
        foster_parents (bool | Unset):  Default: False.
        parents (bool | Unset):  Default: False.
    """

    child: bool | Unset = False
    foster_parents: bool | Unset = False
    parents: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        child = self.child

        foster_parents = self.foster_parents

        parents = self.parents

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if child is not UNSET:
            field_dict["child"] = child
        if foster_parents is not UNSET:
            field_dict["foster_parents"] = foster_parents
        if parents is not UNSET:
            field_dict["parents"] = parents

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        child = d.pop("child", UNSET)

        foster_parents = d.pop("foster_parents", UNSET)

        parents = d.pop("parents", UNSET)

        objections = cls(
            child=child,
            foster_parents=foster_parents,
            parents=parents,
        )

        return objections
