from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="OrderDecline")


@_attrs_define
class OrderDecline:
    """
    Attributes:
        declined_on (datetime.date): A date from 1900-01-01 to 2199-12-31.
        reason (str): Why the team declines (required; the member sees it).
    """

    declined_on: datetime.date
    reason: str

    def to_dict(self) -> dict[str, Any]:
        declined_on = self.declined_on.isoformat()

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "declined_on": declined_on,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        declined_on = datetime.date.fromisoformat(d.pop("declined_on"))

        reason = d.pop("reason")

        order_decline = cls(
            declined_on=declined_on,
            reason=reason,
        )

        return order_decline
