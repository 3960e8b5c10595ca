from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.team_role import TeamRole

T = TypeVar("T", bound="TeamStaffCreate")


@_attrs_define
class TeamStaffCreate:
    """
    Attributes:
        staff_id (UUID): A staff member of the host service.
        team_role (TeamRole):
    """

    staff_id: UUID
    team_role: TeamRole

    def to_dict(self) -> dict[str, Any]:
        staff_id = str(self.staff_id)

        team_role = self.team_role.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "staff_id": staff_id,
                "team_role": team_role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        staff_id = UUID(d.pop("staff_id"))

        team_role = TeamRole(d.pop("team_role"))

        team_staff_create = cls(
            staff_id=staff_id,
            team_role=team_role,
        )

        return team_staff_create
