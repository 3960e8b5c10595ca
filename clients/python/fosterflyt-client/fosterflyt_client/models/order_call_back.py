from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="OrderCallBack")


@_attrs_define
class OrderCallBack:
    """
    Attributes:
        called_back_on (datetime.date): A date from 1900-01-01 to 2199-12-31.
    """

    called_back_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        called_back_on = self.called_back_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "called_back_on": called_back_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        called_back_on = datetime.date.fromisoformat(d.pop("called_back_on"))

        order_call_back = cls(
            called_back_on=called_back_on,
        )

        return order_call_back
