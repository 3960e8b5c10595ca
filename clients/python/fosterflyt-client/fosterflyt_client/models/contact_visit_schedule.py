from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.scheduled_visit import ScheduledVisit


T = TypeVar("T", bound="ContactVisitSchedule")


@_attrs_define
class ContactVisitSchedule:
    """The contact visits from ``from_date`` to ``to_date``: those the arrangements plan, with
    the visit recorded for the day where there is one, and recorded visits off the schedule.

        Attributes:
            placement_id (UUID):
            from_date (datetime.date):
            to_date (datetime.date):
            items (list[ScheduledVisit]):
    """

    placement_id: UUID
    from_date: datetime.date
    to_date: datetime.date
    items: list[ScheduledVisit]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        placement_id = str(self.placement_id)

        from_date = self.from_date.isoformat()

        to_date = self.to_date.isoformat()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "placement_id": placement_id,
                "from_date": from_date,
                "to_date": to_date,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scheduled_visit import ScheduledVisit  # noqa: PLC0415

        d = dict(src_dict)
        placement_id = UUID(d.pop("placement_id"))

        from_date = datetime.date.fromisoformat(d.pop("from_date"))

        to_date = datetime.date.fromisoformat(d.pop("to_date"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ScheduledVisit.from_dict(items_item_data)

            items.append(items_item)

        contact_visit_schedule = cls(
            placement_id=placement_id,
            from_date=from_date,
            to_date=to_date,
            items=items,
        )

        contact_visit_schedule.additional_properties = d
        return contact_visit_schedule

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
