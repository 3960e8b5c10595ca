from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.breakdown_row import BreakdownRow


T = TypeVar("T", bound="BreakdownReport")


@_attrs_define
class BreakdownReport:
    """Placements that ended in the period, planned or unplanned, for the services together.

    Attributes:
        period_start (datetime.date):
        period_end (datetime.date):
        service_ids (list[UUID]):
        total (BreakdownRow): Placements that ended, by one dimension (docs/oversight.md).
        by_year (list[BreakdownRow]):
        by_foster_home_kind (list[BreakdownRow]):
        by_time_since_move (list[BreakdownRow]):
        by_reason (list[BreakdownRow]): Breakdowns only, by their reason.
    """

    period_start: datetime.date
    period_end: datetime.date
    service_ids: list[UUID]
    total: BreakdownRow
    by_year: list[BreakdownRow]
    by_foster_home_kind: list[BreakdownRow]
    by_time_since_move: list[BreakdownRow]
    by_reason: list[BreakdownRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        service_ids = []
        for service_ids_item_data in self.service_ids:
            service_ids_item = str(service_ids_item_data)
            service_ids.append(service_ids_item)

        total = self.total.to_dict()

        by_year = []
        for by_year_item_data in self.by_year:
            by_year_item = by_year_item_data.to_dict()
            by_year.append(by_year_item)

        by_foster_home_kind = []
        for by_foster_home_kind_item_data in self.by_foster_home_kind:
            by_foster_home_kind_item = by_foster_home_kind_item_data.to_dict()
            by_foster_home_kind.append(by_foster_home_kind_item)

        by_time_since_move = []
        for by_time_since_move_item_data in self.by_time_since_move:
            by_time_since_move_item = by_time_since_move_item_data.to_dict()
            by_time_since_move.append(by_time_since_move_item)

        by_reason = []
        for by_reason_item_data in self.by_reason:
            by_reason_item = by_reason_item_data.to_dict()
            by_reason.append(by_reason_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period_start": period_start,
                "period_end": period_end,
                "service_ids": service_ids,
                "total": total,
                "by_year": by_year,
                "by_foster_home_kind": by_foster_home_kind,
                "by_time_since_move": by_time_since_move,
                "by_reason": by_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.breakdown_row import BreakdownRow  # noqa: PLC0415

        d = dict(src_dict)
        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        service_ids = []
        _service_ids = d.pop("service_ids")
        for service_ids_item_data in _service_ids:
            service_ids_item = UUID(service_ids_item_data)

            service_ids.append(service_ids_item)

        total = BreakdownRow.from_dict(d.pop("total"))

        by_year = []
        _by_year = d.pop("by_year")
        for by_year_item_data in _by_year:
            by_year_item = BreakdownRow.from_dict(by_year_item_data)

            by_year.append(by_year_item)

        by_foster_home_kind = []
        _by_foster_home_kind = d.pop("by_foster_home_kind")
        for by_foster_home_kind_item_data in _by_foster_home_kind:
            by_foster_home_kind_item = BreakdownRow.from_dict(by_foster_home_kind_item_data)

            by_foster_home_kind.append(by_foster_home_kind_item)

        by_time_since_move = []
        _by_time_since_move = d.pop("by_time_since_move")
        for by_time_since_move_item_data in _by_time_since_move:
            by_time_since_move_item = BreakdownRow.from_dict(by_time_since_move_item_data)

            by_time_since_move.append(by_time_since_move_item)

        by_reason = []
        _by_reason = d.pop("by_reason")
        for by_reason_item_data in _by_reason:
            by_reason_item = BreakdownRow.from_dict(by_reason_item_data)

            by_reason.append(by_reason_item)

        breakdown_report = cls(
            period_start=period_start,
            period_end=period_end,
            service_ids=service_ids,
            total=total,
            by_year=by_year,
            by_foster_home_kind=by_foster_home_kind,
            by_time_since_move=by_time_since_move,
            by_reason=by_reason,
        )

        breakdown_report.additional_properties = d
        return breakdown_report

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
