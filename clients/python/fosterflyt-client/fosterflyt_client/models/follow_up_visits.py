from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.visit_held import VisitHeld
    from ..models.visit_year import VisitYear


T = TypeVar("T", bound="FollowUpVisits")


@_attrs_define
class FollowUpVisits:
    """Every follow-up visit held, and each year's count against the minimum.

    Attributes:
        placement_id (UUID):
        rule (str): The minimum and its provenance, in Norwegian.
        visits (list[VisitHeld]):
        years (list[VisitYear]):
    """

    placement_id: UUID
    rule: str
    visits: list[VisitHeld]
    years: list[VisitYear]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        placement_id = str(self.placement_id)

        rule = self.rule

        visits = []
        for visits_item_data in self.visits:
            visits_item = visits_item_data.to_dict()
            visits.append(visits_item)

        years = []
        for years_item_data in self.years:
            years_item = years_item_data.to_dict()
            years.append(years_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "placement_id": placement_id,
                "rule": rule,
                "visits": visits,
                "years": years,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.visit_held import VisitHeld  # noqa: PLC0415
        from ..models.visit_year import VisitYear  # noqa: PLC0415

        d = dict(src_dict)
        placement_id = UUID(d.pop("placement_id"))

        rule = d.pop("rule")

        visits = []
        _visits = d.pop("visits")
        for visits_item_data in _visits:
            visits_item = VisitHeld.from_dict(visits_item_data)

            visits.append(visits_item)

        years = []
        _years = d.pop("years")
        for years_item_data in _years:
            years_item = VisitYear.from_dict(years_item_data)

            years.append(years_item)

        follow_up_visits = cls(
            placement_id=placement_id,
            rule=rule,
            visits=visits,
            years=years,
        )

        follow_up_visits.additional_properties = d
        return follow_up_visits

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
