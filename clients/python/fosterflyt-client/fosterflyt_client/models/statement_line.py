from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.split import Split


T = TypeVar("T", bound="StatementLine")


@_attrs_define
class StatementLine:
    """One member's statement for the year: the preliminary split and, once settled, the
    settlement and the difference (positive: the member pays more; negative: it gets back).

        Attributes:
            team_id (UUID):
            year (int):
            member_service_id (UUID):
            member_name (str):
            population (int):
            population_share (str): The member's share of the members' total population, in percent with two decimals.
            preliminary (Split):
            settlement (None | Split):
            difference (int | None):
    """

    team_id: UUID
    year: int
    member_service_id: UUID
    member_name: str
    population: int
    population_share: str
    preliminary: Split
    settlement: None | Split
    difference: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.split import Split  # noqa: PLC0415

        team_id = str(self.team_id)

        year = self.year

        member_service_id = str(self.member_service_id)

        member_name = self.member_name

        population = self.population

        population_share = self.population_share

        preliminary = self.preliminary.to_dict()

        settlement: dict[str, Any] | None
        if isinstance(self.settlement, Split):
            settlement = self.settlement.to_dict()
        else:
            settlement = self.settlement

        difference: int | None
        difference = self.difference

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "team_id": team_id,
                "year": year,
                "member_service_id": member_service_id,
                "member_name": member_name,
                "population": population,
                "population_share": population_share,
                "preliminary": preliminary,
                "settlement": settlement,
                "difference": difference,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.split import Split  # noqa: PLC0415

        d = dict(src_dict)
        team_id = UUID(d.pop("team_id"))

        year = d.pop("year")

        member_service_id = UUID(d.pop("member_service_id"))

        member_name = d.pop("member_name")

        population = d.pop("population")

        population_share = d.pop("population_share")

        preliminary = Split.from_dict(d.pop("preliminary"))

        def _parse_settlement(data: object) -> None | Split:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                settlement_type_0 = Split.from_dict(data)

                return settlement_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Split, data)

        settlement = _parse_settlement(d.pop("settlement"))

        def _parse_difference(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        difference = _parse_difference(d.pop("difference"))

        statement_line = cls(
            team_id=team_id,
            year=year,
            member_service_id=member_service_id,
            member_name=member_name,
            population=population,
            population_share=population_share,
            preliminary=preliminary,
            settlement=settlement,
            difference=difference,
        )

        statement_line.additional_properties = d
        return statement_line

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
