from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.staff_role import StaffRole
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.external_ref import ExternalRef


T = TypeVar("T", bound="StaffUpdate")


@_attrs_define
class StaffUpdate:
    """
    Attributes:
        name (None | str | Unset):
        email (None | str | Unset):
        role (None | StaffRole | Unset):
        external_ref (ExternalRef | None | Unset):
    """

    name: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    role: None | StaffRole | Unset = UNSET
    external_ref: ExternalRef | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.external_ref import ExternalRef  # noqa: PLC0415

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        elif isinstance(self.role, StaffRole):
            role = self.role.value
        else:
            role = self.role

        external_ref: dict[str, Any] | None | Unset
        if isinstance(self.external_ref, Unset):
            external_ref = UNSET
        elif isinstance(self.external_ref, ExternalRef):
            external_ref = self.external_ref.to_dict()
        else:
            external_ref = self.external_ref

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if email is not UNSET:
            field_dict["email"] = email
        if role is not UNSET:
            field_dict["role"] = role
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.external_ref import ExternalRef  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_role(data: object) -> None | StaffRole | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                role_type_0 = StaffRole(data)

                return role_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StaffRole | Unset, data)

        role = _parse_role(d.pop("role", UNSET))

        def _parse_external_ref(data: object) -> ExternalRef | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                external_ref_type_0 = ExternalRef.from_dict(data)

                return external_ref_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExternalRef | None | Unset, data)

        external_ref = _parse_external_ref(d.pop("external_ref", UNSET))

        staff_update = cls(
            name=name,
            email=email,
            role=role,
            external_ref=external_ref,
        )

        return staff_update
