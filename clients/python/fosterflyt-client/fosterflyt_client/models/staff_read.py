from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.staff_role import StaffRole

if TYPE_CHECKING:
    from ..models.external_ref import ExternalRef


T = TypeVar("T", bound="StaffRead")


@_attrs_define
class StaffRead:
    """
    Attributes:
        id (UUID):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        service_id (UUID):
        name (str):
        email (str):
        role (StaffRole):
        external_ref (ExternalRef | None):
    """

    id: UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    service_id: UUID
    name: str
    email: str
    role: StaffRole
    external_ref: ExternalRef | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.external_ref import ExternalRef  # noqa: PLC0415

        id = str(self.id)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        service_id = str(self.service_id)

        name = self.name

        email = self.email

        role = self.role.value

        external_ref: dict[str, Any] | None
        if isinstance(self.external_ref, ExternalRef):
            external_ref = self.external_ref.to_dict()
        else:
            external_ref = self.external_ref

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "updated_at": updated_at,
                "service_id": service_id,
                "name": name,
                "email": email,
                "role": role,
                "external_ref": external_ref,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.external_ref import ExternalRef  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        service_id = UUID(d.pop("service_id"))

        name = d.pop("name")

        email = d.pop("email")

        role = StaffRole(d.pop("role"))

        def _parse_external_ref(data: object) -> ExternalRef | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                external_ref_type_0 = ExternalRef.from_dict(data)

                return external_ref_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExternalRef | None, data)

        external_ref = _parse_external_ref(d.pop("external_ref"))

        staff_read = cls(
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            service_id=service_id,
            name=name,
            email=email,
            role=role,
            external_ref=external_ref,
        )

        staff_read.additional_properties = d
        return staff_read

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
