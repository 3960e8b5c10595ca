from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.year_read_planned_hours import YearReadPlannedHours
    from ..models.year_read_planned_use import YearReadPlannedUse


T = TypeVar("T", bound="YearRead")


@_attrs_define
class YearRead:
    """
    Attributes:
        id (UUID):
        team_id (UUID):
        year (int):
        group_budget (int):
        individual_budget (int):
        hourly_rate (int):
        planned_use (YearReadPlannedUse):
        planned_hours (YearReadPlannedHours):
        version (int):
        updated_at (datetime.datetime):
    """

    id: UUID
    team_id: UUID
    year: int
    group_budget: int
    individual_budget: int
    hourly_rate: int
    planned_use: YearReadPlannedUse
    planned_hours: YearReadPlannedHours
    version: int
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        team_id = str(self.team_id)

        year = self.year

        group_budget = self.group_budget

        individual_budget = self.individual_budget

        hourly_rate = self.hourly_rate

        planned_use = self.planned_use.to_dict()

        planned_hours = self.planned_hours.to_dict()

        version = self.version

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "team_id": team_id,
                "year": year,
                "group_budget": group_budget,
                "individual_budget": individual_budget,
                "hourly_rate": hourly_rate,
                "planned_use": planned_use,
                "planned_hours": planned_hours,
                "version": version,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.year_read_planned_hours import YearReadPlannedHours  # noqa: PLC0415
        from ..models.year_read_planned_use import YearReadPlannedUse  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        team_id = UUID(d.pop("team_id"))

        year = d.pop("year")

        group_budget = d.pop("group_budget")

        individual_budget = d.pop("individual_budget")

        hourly_rate = d.pop("hourly_rate")

        planned_use = YearReadPlannedUse.from_dict(d.pop("planned_use"))

        planned_hours = YearReadPlannedHours.from_dict(d.pop("planned_hours"))

        version = d.pop("version")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        year_read = cls(
            id=id,
            team_id=team_id,
            year=year,
            group_budget=group_budget,
            individual_budget=individual_budget,
            hourly_rate=hourly_rate,
            planned_use=planned_use,
            planned_hours=planned_hours,
            version=version,
            updated_at=updated_at,
        )

        year_read.additional_properties = d
        return year_read

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
