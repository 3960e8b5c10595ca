from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="StepAdjustment")


@_attrs_define
class StepAdjustment:
    """
    Attributes:
        offset (None | str | Unset): A new offset from the step's anchor (ISO 8601, e.g. P10D).
        enabled (bool | Unset): false: the step is not planned at all. Default: True.
    """

    offset: None | str | Unset = UNSET
    enabled: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        offset: None | str | Unset
        if isinstance(self.offset, Unset):
            offset = UNSET
        else:
            offset = self.offset

        enabled = self.enabled

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if offset is not UNSET:
            field_dict["offset"] = offset
        if enabled is not UNSET:
            field_dict["enabled"] = enabled

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_offset(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        offset = _parse_offset(d.pop("offset", UNSET))

        enabled = d.pop("enabled", UNSET)

        step_adjustment = cls(
            offset=offset,
            enabled=enabled,
        )

        return step_adjustment
