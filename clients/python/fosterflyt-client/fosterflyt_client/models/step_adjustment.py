from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.role import Role
from ..types import UNSET, Unset

T = TypeVar("T", bound="StepAdjustment")


@_attrs_define
class StepAdjustment:
    """
    Attributes:
        offset (None | str | Unset): A new offset from the step's anchor (ISO 8601, e.g. P10D).
        enabled (bool | Unset): false: the step is not planned at all. Default: True.
        owner (None | Role | Unset): Who does the step in this service, instead of the definition's role: contact_person
            (the placement's contact person), supervisor (the placement's foster-home supervisor) or leader. Any workflow;
            not a step the leader decides. The service must have staff with the role.
    """

    offset: None | str | Unset = UNSET
    enabled: bool | Unset = True
    owner: None | Role | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        offset: None | str | Unset
        if isinstance(self.offset, Unset):
            offset = UNSET
        else:
            offset = self.offset

        enabled = self.enabled

        owner: None | str | Unset
        if isinstance(self.owner, Unset):
            owner = UNSET
        elif isinstance(self.owner, Role):
            owner = self.owner.value
        else:
            owner = self.owner

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if offset is not UNSET:
            field_dict["offset"] = offset
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if owner is not UNSET:
            field_dict["owner"] = owner

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

        def _parse_owner(data: object) -> None | Role | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_type_0 = Role(data)

                return owner_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Role | Unset, data)

        owner = _parse_owner(d.pop("owner", UNSET))

        step_adjustment = cls(
            offset=offset,
            enabled=enabled,
            owner=owner,
        )

        return step_adjustment
