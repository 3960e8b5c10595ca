from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.staff_role import StaffRole
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.external_ref import ExternalRef


T = TypeVar("T", bound="StaffCreate")


@_attrs_define
class StaffCreate:
    """
    Attributes:
        name (str):
        email (str):
        role (StaffRole):
        external_ref (ExternalRef | None | Unset):
    """

    name: str
    email: str
    role: StaffRole
    external_ref: ExternalRef | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.external_ref import ExternalRef  # noqa: PLC0415

        name = self.name

        email = self.email

        role = self.role.value

        external_ref: dict[str, Any] | None | Unset
        if isinstance(self.external_ref, Unset):
            external_ref = UNSET
        elif isinstance(self.external_ref, ExternalRef):
            external_ref = self.external_ref.to_dict()
        else:
            external_ref = self.external_ref

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "email": email,
                "role": role,
            }
        )
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.external_ref import ExternalRef  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        email = d.pop("email")

        role = StaffRole(d.pop("role"))

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

        staff_create = cls(
            name=name,
            email=email,
            role=role,
            external_ref=external_ref,
        )

        return staff_create
