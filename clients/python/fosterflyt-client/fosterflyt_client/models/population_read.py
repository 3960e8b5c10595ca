from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PopulationRead")


@_attrs_define
class PopulationRead:
    """
    Attributes:
        id (UUID):
        team_id (UUID):
        member_service_id (UUID):
        year (int):
        population (int):
        counted_on (datetime.date):
        created_at (datetime.datetime):
    """

    id: UUID
    team_id: UUID
    member_service_id: UUID
    year: int
    population: int
    counted_on: datetime.date
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        team_id = str(self.team_id)

        member_service_id = str(self.member_service_id)

        year = self.year

        population = self.population

        counted_on = self.counted_on.isoformat()

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "team_id": team_id,
                "member_service_id": member_service_id,
                "year": year,
                "population": population,
                "counted_on": counted_on,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        team_id = UUID(d.pop("team_id"))

        member_service_id = UUID(d.pop("member_service_id"))

        year = d.pop("year")

        population = d.pop("population")

        counted_on = datetime.date.fromisoformat(d.pop("counted_on"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        population_read = cls(
            id=id,
            team_id=team_id,
            member_service_id=member_service_id,
            year=year,
            population=population,
            counted_on=counted_on,
            created_at=created_at,
        )

        population_read.additional_properties = d
        return population_read

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
