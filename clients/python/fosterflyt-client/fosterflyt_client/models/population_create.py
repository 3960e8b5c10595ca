from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="PopulationCreate")


@_attrs_define
class PopulationCreate:
    """
    Attributes:
        member_service_id (UUID):
        year (int):
        population (int): Inhabitants of the municipalities the member covers, a whole number above zero (the fixed
            key).
        counted_on (datetime.date): The date the figure is from (e.g. SSB's figure at the end of the second quarter).
    """

    member_service_id: UUID
    year: int
    population: int
    counted_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        member_service_id = str(self.member_service_id)

        year = self.year

        population = self.population

        counted_on = self.counted_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "member_service_id": member_service_id,
                "year": year,
                "population": population,
                "counted_on": counted_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        member_service_id = UUID(d.pop("member_service_id"))

        year = d.pop("year")

        population = d.pop("population")

        counted_on = datetime.date.fromisoformat(d.pop("counted_on"))

        population_create = cls(
            member_service_id=member_service_id,
            year=year,
            population=population,
            counted_on=counted_on,
        )

        return population_create
