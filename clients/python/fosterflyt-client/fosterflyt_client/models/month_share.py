from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MonthShare")


@_attrs_define
class MonthShare:
    """
    Attributes:
        due (int): Tasks due in the period (not cancelled).
        on_time (int): Completed on or before the due date.
        late (int): Completed after the due date.
        overdue (int): Open, and the due date has passed.
        skipped (int): Skipped, with a reason.
        pending (int): Open and not yet due.
        on_time_share (float | None): on_time / (on_time + late + overdue); null when that is 0.
        month (str): YYYY-MM of the due dates.
    """

    due: int
    on_time: int
    late: int
    overdue: int
    skipped: int
    pending: int
    on_time_share: float | None
    month: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        due = self.due

        on_time = self.on_time

        late = self.late

        overdue = self.overdue

        skipped = self.skipped

        pending = self.pending

        on_time_share: float | None
        on_time_share = self.on_time_share

        month = self.month

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "due": due,
                "on_time": on_time,
                "late": late,
                "overdue": overdue,
                "skipped": skipped,
                "pending": pending,
                "on_time_share": on_time_share,
                "month": month,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        due = d.pop("due")

        on_time = d.pop("on_time")

        late = d.pop("late")

        overdue = d.pop("overdue")

        skipped = d.pop("skipped")

        pending = d.pop("pending")

        def _parse_on_time_share(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        on_time_share = _parse_on_time_share(d.pop("on_time_share"))

        month = d.pop("month")

        month_share = cls(
            due=due,
            on_time=on_time,
            late=late,
            overdue=overdue,
            skipped=skipped,
            pending=pending,
            on_time_share=on_time_share,
            month=month,
        )

        month_share.additional_properties = d
        return month_share

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
