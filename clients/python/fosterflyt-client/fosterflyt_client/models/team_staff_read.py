from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.team_role import TeamRole

T = TypeVar("T", bound="TeamStaffRead")


@_attrs_define
class TeamStaffRead:
    """
    Attributes:
        id (UUID):
        team_id (UUID):
        staff_id (UUID):
        team_role (TeamRole):
        created_at (datetime.datetime):
    """

    id: UUID
    team_id: UUID
    staff_id: UUID
    team_role: TeamRole
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        team_id = str(self.team_id)

        staff_id = str(self.staff_id)

        team_role = self.team_role.value

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "team_id": team_id,
                "staff_id": staff_id,
                "team_role": team_role,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        team_id = UUID(d.pop("team_id"))

        staff_id = UUID(d.pop("staff_id"))

        team_role = TeamRole(d.pop("team_role"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        team_staff_read = cls(
            id=id,
            team_id=team_id,
            staff_id=staff_id,
            team_role=team_role,
            created_at=created_at,
        )

        team_staff_read.additional_properties = d
        return team_staff_read

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
