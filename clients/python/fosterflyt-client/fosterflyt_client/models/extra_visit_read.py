from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ExtraVisitRead")


@_attrs_define
class ExtraVisitRead:
    """
    Attributes:
        id (UUID):
        service_id (UUID):
        placement_id (UUID):
        visited_on (datetime.date):
        spoke_with_child_alone (bool):
        reason (str):
        notes (str):
        recorded_by (str):
        created_at (datetime.datetime):
    """

    id: UUID
    service_id: UUID
    placement_id: UUID
    visited_on: datetime.date
    spoke_with_child_alone: bool
    reason: str
    notes: str
    recorded_by: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        service_id = str(self.service_id)

        placement_id = str(self.placement_id)

        visited_on = self.visited_on.isoformat()

        spoke_with_child_alone = self.spoke_with_child_alone

        reason = self.reason

        notes = self.notes

        recorded_by = self.recorded_by

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "service_id": service_id,
                "placement_id": placement_id,
                "visited_on": visited_on,
                "spoke_with_child_alone": spoke_with_child_alone,
                "reason": reason,
                "notes": notes,
                "recorded_by": recorded_by,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        service_id = UUID(d.pop("service_id"))

        placement_id = UUID(d.pop("placement_id"))

        visited_on = datetime.date.fromisoformat(d.pop("visited_on"))

        spoke_with_child_alone = d.pop("spoke_with_child_alone")

        reason = d.pop("reason")

        notes = d.pop("notes")

        recorded_by = d.pop("recorded_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        extra_visit_read = cls(
            id=id,
            service_id=service_id,
            placement_id=placement_id,
            visited_on=visited_on,
            spoke_with_child_alone=spoke_with_child_alone,
            reason=reason,
            notes=notes,
            recorded_by=recorded_by,
            created_at=created_at,
        )

        extra_visit_read.additional_properties = d
        return extra_visit_read

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
