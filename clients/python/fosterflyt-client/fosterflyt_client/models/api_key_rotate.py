from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ApiKeyRotate")


@_attrs_define
class ApiKeyRotate:
    """
    Attributes:
        grace_seconds (int | Unset): How long the old key keeps working, so the journal system can switch without
            downtime (at most 7 days; 0 ends it at once). Default: 3600.
    """

    grace_seconds: int | Unset = 3600

    def to_dict(self) -> dict[str, Any]:
        grace_seconds = self.grace_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if grace_seconds is not UNSET:
            field_dict["grace_seconds"] = grace_seconds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grace_seconds = d.pop("grace_seconds", UNSET)

        api_key_rotate = cls(
            grace_seconds=grace_seconds,
        )

        return api_key_rotate
