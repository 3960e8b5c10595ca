from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.breakdown_outcome import BreakdownOutcome
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrderClose")


@_attrs_define
class OrderClose:
    """
    Attributes:
        closed_on (datetime.date): A date from 1900-01-01 to 2199-12-31.
        report (str): The closing report (what was done, the outcome, advice to the member).
        breakdown_outcome (BreakdownOutcome | None | Unset): Required for a concern_for_breakdown order, refused for
            others: foster_home_continued or placement_ended.
    """

    closed_on: datetime.date
    report: str
    breakdown_outcome: BreakdownOutcome | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        closed_on = self.closed_on.isoformat()

        report = self.report

        breakdown_outcome: None | str | Unset
        if isinstance(self.breakdown_outcome, Unset):
            breakdown_outcome = UNSET
        elif isinstance(self.breakdown_outcome, BreakdownOutcome):
            breakdown_outcome = self.breakdown_outcome.value
        else:
            breakdown_outcome = self.breakdown_outcome

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "closed_on": closed_on,
                "report": report,
            }
        )
        if breakdown_outcome is not UNSET:
            field_dict["breakdown_outcome"] = breakdown_outcome

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        closed_on = datetime.date.fromisoformat(d.pop("closed_on"))

        report = d.pop("report")

        def _parse_breakdown_outcome(data: object) -> BreakdownOutcome | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                breakdown_outcome_type_0 = BreakdownOutcome(data)

                return breakdown_outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BreakdownOutcome | None | Unset, data)

        breakdown_outcome = _parse_breakdown_outcome(d.pop("breakdown_outcome", UNSET))

        order_close = cls(
            closed_on=closed_on,
            report=report,
            breakdown_outcome=breakdown_outcome,
        )

        return order_close
