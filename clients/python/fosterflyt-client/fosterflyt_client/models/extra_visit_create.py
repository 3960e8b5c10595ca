from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ExtraVisitCreate")


@_attrs_define
class ExtraVisitCreate:
    """A follow-up visit nobody planned, recorded after it was held.

    Attributes:
        visited_on (datetime.date): The day of the visit: during the placement, not after today.
        spoke_with_child_alone (bool):
        reason (str): Why the child needed an extra visit.
        notes (str): The child's own views and the service's assessment.
    """

    visited_on: datetime.date
    spoke_with_child_alone: bool
    reason: str
    notes: str

    def to_dict(self) -> dict[str, Any]:
        visited_on = self.visited_on.isoformat()

        spoke_with_child_alone = self.spoke_with_child_alone

        reason = self.reason

        notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "visited_on": visited_on,
                "spoke_with_child_alone": spoke_with_child_alone,
                "reason": reason,
                "notes": notes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        visited_on = datetime.date.fromisoformat(d.pop("visited_on"))

        spoke_with_child_alone = d.pop("spoke_with_child_alone")

        reason = d.pop("reason")

        notes = d.pop("notes")

        extra_visit_create = cls(
            visited_on=visited_on,
            spoke_with_child_alone=spoke_with_child_alone,
            reason=reason,
            notes=notes,
        )

        return extra_visit_create
