from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.end_reason import EndReason

T = TypeVar("T", bound="PlacementEnd")


@_attrs_define
class PlacementEnd:
    """
    Attributes:
        end_date (datetime.date): The day the child moved out (the moving day), from 1900-01-01 to 2199-12-31.
        end_reason (EndReason):
    """

    end_date: datetime.date
    end_reason: EndReason

    def to_dict(self) -> dict[str, Any]:
        end_date = self.end_date.isoformat()

        end_reason = self.end_reason.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "end_date": end_date,
                "end_reason": end_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        end_date = datetime.date.fromisoformat(d.pop("end_date"))

        end_reason = EndReason(d.pop("end_reason"))

        placement_end = cls(
            end_date=end_date,
            end_reason=end_reason,
        )

        return placement_end
