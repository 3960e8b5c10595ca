from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MonthStatistics")


@_attrs_define
class MonthStatistics:
    """One member's month: orders counted in the month they were ordered, hours in the month
    they were worked.

        Attributes:
            member_service_id (UUID):
            year (int):
            month (int):
            ordered (int):
            urgent (int): Concern-for-breakdown orders among them.
            accepted (int): Accepted (also once started or closed).
            declined (int):
            waiting (int): Not decided yet.
            closed (int):
            median_days_to_start (float | None): Median days from order to start conversation, over the started orders.
            hours (float): Hours logged in the month.
            concern_for_breakdown (int):
            foster_home_continued (int): Concern-for-breakdown orders closed with the foster home continuing.
            placement_ended (int): Concern-for-breakdown orders closed with the placement ended.
            placement_ended_planned (int): Of those, the placements whose end was planned (`end_planned` true).
            placement_ended_unplanned (int): Of those, the placements that broke down (`end_planned` false); the rest have
                no planned or unplanned end recorded.
    """

    member_service_id: UUID
    year: int
    month: int
    ordered: int
    urgent: int
    accepted: int
    declined: int
    waiting: int
    closed: int
    median_days_to_start: float | None
    hours: float
    concern_for_breakdown: int
    foster_home_continued: int
    placement_ended: int
    placement_ended_planned: int
    placement_ended_unplanned: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        member_service_id = str(self.member_service_id)

        year = self.year

        month = self.month

        ordered = self.ordered

        urgent = self.urgent

        accepted = self.accepted

        declined = self.declined

        waiting = self.waiting

        closed = self.closed

        median_days_to_start: float | None
        median_days_to_start = self.median_days_to_start

        hours = self.hours

        concern_for_breakdown = self.concern_for_breakdown

        foster_home_continued = self.foster_home_continued

        placement_ended = self.placement_ended

        placement_ended_planned = self.placement_ended_planned

        placement_ended_unplanned = self.placement_ended_unplanned

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "member_service_id": member_service_id,
                "year": year,
                "month": month,
                "ordered": ordered,
                "urgent": urgent,
                "accepted": accepted,
                "declined": declined,
                "waiting": waiting,
                "closed": closed,
                "median_days_to_start": median_days_to_start,
                "hours": hours,
                "concern_for_breakdown": concern_for_breakdown,
                "foster_home_continued": foster_home_continued,
                "placement_ended": placement_ended,
                "placement_ended_planned": placement_ended_planned,
                "placement_ended_unplanned": placement_ended_unplanned,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        member_service_id = UUID(d.pop("member_service_id"))

        year = d.pop("year")

        month = d.pop("month")

        ordered = d.pop("ordered")

        urgent = d.pop("urgent")

        accepted = d.pop("accepted")

        declined = d.pop("declined")

        waiting = d.pop("waiting")

        closed = d.pop("closed")

        def _parse_median_days_to_start(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        median_days_to_start = _parse_median_days_to_start(d.pop("median_days_to_start"))

        hours = d.pop("hours")

        concern_for_breakdown = d.pop("concern_for_breakdown")

        foster_home_continued = d.pop("foster_home_continued")

        placement_ended = d.pop("placement_ended")

        placement_ended_planned = d.pop("placement_ended_planned")

        placement_ended_unplanned = d.pop("placement_ended_unplanned")

        month_statistics = cls(
            member_service_id=member_service_id,
            year=year,
            month=month,
            ordered=ordered,
            urgent=urgent,
            accepted=accepted,
            declined=declined,
            waiting=waiting,
            closed=closed,
            median_days_to_start=median_days_to_start,
            hours=hours,
            concern_for_breakdown=concern_for_breakdown,
            foster_home_continued=foster_home_continued,
            placement_ended=placement_ended,
            placement_ended_planned=placement_ended_planned,
            placement_ended_unplanned=placement_ended_unplanned,
        )

        month_statistics.additional_properties = d
        return month_statistics

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
