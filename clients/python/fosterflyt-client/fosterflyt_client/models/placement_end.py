from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.breakdown_reason import BreakdownReason
from ..models.end_reason import EndReason
from ..types import UNSET, Unset

T = TypeVar("T", bound="PlacementEnd")


@_attrs_define
class PlacementEnd:
    """
    Attributes:
        end_date (datetime.date): The day the child moved out (the moving day), from 1900-01-01 to 2199-12-31.
        end_reason (EndReason):
        end_planned (bool | None | Unset): Whether the end was planned (true) or a breakdown (false: an unintended end,
            with a breakdown_reason). Left out: not recorded.
        breakdown_reason (BreakdownReason | None | Unset): Why the placement broke down; required when end_planned is
            false, and only then.
    """

    end_date: datetime.date
    end_reason: EndReason
    end_planned: bool | None | Unset = UNSET
    breakdown_reason: BreakdownReason | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        end_date = self.end_date.isoformat()

        end_reason = self.end_reason.value

        end_planned: bool | None | Unset
        if isinstance(self.end_planned, Unset):
            end_planned = UNSET
        else:
            end_planned = self.end_planned

        breakdown_reason: None | str | Unset
        if isinstance(self.breakdown_reason, Unset):
            breakdown_reason = UNSET
        elif isinstance(self.breakdown_reason, BreakdownReason):
            breakdown_reason = self.breakdown_reason.value
        else:
            breakdown_reason = self.breakdown_reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "end_date": end_date,
                "end_reason": end_reason,
            }
        )
        if end_planned is not UNSET:
            field_dict["end_planned"] = end_planned
        if breakdown_reason is not UNSET:
            field_dict["breakdown_reason"] = breakdown_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        end_date = datetime.date.fromisoformat(d.pop("end_date"))

        end_reason = EndReason(d.pop("end_reason"))

        def _parse_end_planned(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        end_planned = _parse_end_planned(d.pop("end_planned", UNSET))

        def _parse_breakdown_reason(data: object) -> BreakdownReason | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                breakdown_reason_type_0 = BreakdownReason(data)

                return breakdown_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BreakdownReason | None | Unset, data)

        breakdown_reason = _parse_breakdown_reason(d.pop("breakdown_reason", UNSET))

        placement_end = cls(
            end_date=end_date,
            end_reason=end_reason,
            end_planned=end_planned,
            breakdown_reason=breakdown_reason,
        )

        return placement_end
