from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="OrderStart")


@_attrs_define
class OrderStart:
    """
    Attributes:
        started_on (datetime.date): The start conversation (oppstartssamtale).
        evaluation_date (datetime.date): The evaluation agreed at the start; after started_on, not after the time limit.
        time_limit_date (datetime.date): The assignment's last day: the team's access to the case ends with it.
    """

    started_on: datetime.date
    evaluation_date: datetime.date
    time_limit_date: datetime.date

    def to_dict(self) -> dict[str, Any]:
        started_on = self.started_on.isoformat()

        evaluation_date = self.evaluation_date.isoformat()

        time_limit_date = self.time_limit_date.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "started_on": started_on,
                "evaluation_date": evaluation_date,
                "time_limit_date": time_limit_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        started_on = datetime.date.fromisoformat(d.pop("started_on"))

        evaluation_date = datetime.date.fromisoformat(d.pop("evaluation_date"))

        time_limit_date = datetime.date.fromisoformat(d.pop("time_limit_date"))

        order_start = cls(
            started_on=started_on,
            evaluation_date=evaluation_date,
            time_limit_date=time_limit_date,
        )

        return order_start
