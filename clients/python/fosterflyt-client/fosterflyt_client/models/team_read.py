from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.use_basis import UseBasis

T = TypeVar("T", bound="TeamRead")


@_attrs_define
class TeamRead:
    """
    Attributes:
        id (UUID):
        service_id (UUID): The host service.
        name (str):
        use_basis (UseBasis): What the use half of the group-guidance cost is counted in (a team setting).
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    service_id: UUID
    name: str
    use_basis: UseBasis
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        service_id = str(self.service_id)

        name = self.name

        use_basis = self.use_basis.value

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "service_id": service_id,
                "name": name,
                "use_basis": use_basis,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        service_id = UUID(d.pop("service_id"))

        name = d.pop("name")

        use_basis = UseBasis(d.pop("use_basis"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        team_read = cls(
            id=id,
            service_id=service_id,
            name=name,
            use_basis=use_basis,
            created_at=created_at,
            updated_at=updated_at,
        )

        team_read.additional_properties = d
        return team_read

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
