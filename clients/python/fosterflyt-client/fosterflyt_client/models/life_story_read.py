from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.life_story_part_read import LifeStoryPartRead


T = TypeVar("T", bound="LifeStoryRead")


@_attrs_define
class LifeStoryRead:
    """The child's rammefortelling as it reads now: every part, in order.

    Attributes:
        child_id (UUID):
        parts (list[LifeStoryPartRead]):
        last_written_at (datetime.datetime | None): When any part was last written.
    """

    child_id: UUID
    parts: list[LifeStoryPartRead]
    last_written_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        child_id = str(self.child_id)

        parts = []
        for parts_item_data in self.parts:
            parts_item = parts_item_data.to_dict()
            parts.append(parts_item)

        last_written_at: None | str
        if isinstance(self.last_written_at, datetime.datetime):
            last_written_at = self.last_written_at.isoformat()
        else:
            last_written_at = self.last_written_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "child_id": child_id,
                "parts": parts,
                "last_written_at": last_written_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.life_story_part_read import LifeStoryPartRead  # noqa: PLC0415

        d = dict(src_dict)
        child_id = UUID(d.pop("child_id"))

        parts = []
        _parts = d.pop("parts")
        for parts_item_data in _parts:
            parts_item = LifeStoryPartRead.from_dict(parts_item_data)

            parts.append(parts_item)

        def _parse_last_written_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_written_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_written_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_written_at = _parse_last_written_at(d.pop("last_written_at"))

        life_story_read = cls(
            child_id=child_id,
            parts=parts,
            last_written_at=last_written_at,
        )

        life_story_read.additional_properties = d
        return life_story_read

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
