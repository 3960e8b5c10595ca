from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.task_read import TaskRead
    from ..models.timeline_entry import TimelineEntry


T = TypeVar("T", bound="TimelineRead")


@_attrs_define
class TimelineRead:
    """The placement's year wheel (årshjul): every task, past and future, by due date, and
    beside them the dated records of plans, contact visits, supervision reports and the
    approval (planned contact visits from today and twelve months on).

        Attributes:
            placement_id (UUID):
            items (list[TaskRead]):
            entries (list[TimelineEntry] | Unset):
    """

    placement_id: UUID
    items: list[TaskRead]
    entries: list[TimelineEntry] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        placement_id = str(self.placement_id)

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        entries: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.entries, Unset):
            entries = []
            for entries_item_data in self.entries:
                entries_item = entries_item_data.to_dict()
                entries.append(entries_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "placement_id": placement_id,
                "items": items,
            }
        )
        if entries is not UNSET:
            field_dict["entries"] = entries

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.task_read import TaskRead  # noqa: PLC0415
        from ..models.timeline_entry import TimelineEntry  # noqa: PLC0415

        d = dict(src_dict)
        placement_id = UUID(d.pop("placement_id"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = TaskRead.from_dict(items_item_data)

            items.append(items_item)

        _entries = d.pop("entries", UNSET)
        entries: list[TimelineEntry] | Unset = UNSET
        if _entries is not UNSET:
            entries = []
            for entries_item_data in _entries:
                entries_item = TimelineEntry.from_dict(entries_item_data)

                entries.append(entries_item)

        timeline_read = cls(
            placement_id=placement_id,
            items=items,
            entries=entries,
        )

        timeline_read.additional_properties = d
        return timeline_read

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
