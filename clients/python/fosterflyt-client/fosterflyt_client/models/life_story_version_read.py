from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LifeStoryVersionRead")


@_attrs_define
class LifeStoryVersionRead:
    """One version of a part, as it was written.

    Attributes:
        id (UUID):
        child_id (UUID):
        part_key (str):
        number (int): 1 for the part's first version, then 2, 3, …
        text (str):
        written_by (str): The writer's token subject.
        written_by_role (str): The writer's role in the service: contact_person, leader or integration.
        written_by_name (None | str): The writer's name when staff wrote it.
        on_behalf_of (None | str): The journal-system user a journal system wrote it for.
        created_at (datetime.datetime): When this version was written.
    """

    id: UUID
    child_id: UUID
    part_key: str
    number: int
    text: str
    written_by: str
    written_by_role: str
    written_by_name: None | str
    on_behalf_of: None | str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        child_id = str(self.child_id)

        part_key = self.part_key

        number = self.number

        text = self.text

        written_by = self.written_by

        written_by_role = self.written_by_role

        written_by_name: None | str
        written_by_name = self.written_by_name

        on_behalf_of: None | str
        on_behalf_of = self.on_behalf_of

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "child_id": child_id,
                "part_key": part_key,
                "number": number,
                "text": text,
                "written_by": written_by,
                "written_by_role": written_by_role,
                "written_by_name": written_by_name,
                "on_behalf_of": on_behalf_of,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        child_id = UUID(d.pop("child_id"))

        part_key = d.pop("part_key")

        number = d.pop("number")

        text = d.pop("text")

        written_by = d.pop("written_by")

        written_by_role = d.pop("written_by_role")

        def _parse_written_by_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        written_by_name = _parse_written_by_name(d.pop("written_by_name"))

        def _parse_on_behalf_of(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        on_behalf_of = _parse_on_behalf_of(d.pop("on_behalf_of"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        life_story_version_read = cls(
            id=id,
            child_id=child_id,
            part_key=part_key,
            number=number,
            text=text,
            written_by=written_by,
            written_by_role=written_by_role,
            written_by_name=written_by_name,
            on_behalf_of=on_behalf_of,
            created_at=created_at,
        )

        life_story_version_read.additional_properties = d
        return life_story_version_read

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
