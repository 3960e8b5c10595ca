from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.schedule_change import ScheduleChange


T = TypeVar("T", bound="SchedulePreview")


@_attrs_define
class SchedulePreview:
    """
    Attributes:
        placement_id (UUID):
        changes (list[ScheduleChange]):
    """

    placement_id: UUID
    changes: list[ScheduleChange]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        placement_id = str(self.placement_id)

        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "placement_id": placement_id,
                "changes": changes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.schedule_change import ScheduleChange  # noqa: PLC0415

        d = dict(src_dict)
        placement_id = UUID(d.pop("placement_id"))

        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:
            changes_item = ScheduleChange.from_dict(changes_item_data)

            changes.append(changes_item)

        schedule_preview = cls(
            placement_id=placement_id,
            changes=changes,
        )

        schedule_preview.additional_properties = d
        return schedule_preview

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
