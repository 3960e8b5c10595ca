from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="HoursRead")


@_attrs_define
class HoursRead:
    """
    Attributes:
        id (UUID):
        order_id (UUID):
        worked_on (datetime.date):
        minutes (int):
        note (None | str):
        logged_by (str):
        created_at (datetime.datetime):
    """

    id: UUID
    order_id: UUID
    worked_on: datetime.date
    minutes: int
    note: None | str
    logged_by: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        order_id = str(self.order_id)

        worked_on = self.worked_on.isoformat()

        minutes = self.minutes

        note: None | str
        note = self.note

        logged_by = self.logged_by

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "order_id": order_id,
                "worked_on": worked_on,
                "minutes": minutes,
                "note": note,
                "logged_by": logged_by,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        order_id = UUID(d.pop("order_id"))

        worked_on = datetime.date.fromisoformat(d.pop("worked_on"))

        minutes = d.pop("minutes")

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        logged_by = d.pop("logged_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        hours_read = cls(
            id=id,
            order_id=order_id,
            worked_on=worked_on,
            minutes=minutes,
            note=note,
            logged_by=logged_by,
            created_at=created_at,
        )

        hours_read.additional_properties = d
        return hours_read

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
