from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.life_story_version_read import LifeStoryVersionRead


T = TypeVar("T", bound="LifeStoryPartRead")


@_attrs_define
class LifeStoryPartRead:
    """One part of the rammefortelling with its current version (none yet: ``version`` 0).

    Its ETag is the ``If-Match`` of the next write of the part.

        Attributes:
            key (str):
            title (str): The part's heading, in Norwegian.
            guidance (str): What the contact person writes in it, in Norwegian.
            version (int): The current version's number; 0 while nothing is written.
            current (LifeStoryVersionRead | None): The newest version, if any.
    """

    key: str
    title: str
    guidance: str
    version: int
    current: LifeStoryVersionRead | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.life_story_version_read import LifeStoryVersionRead  # noqa: PLC0415

        key = self.key

        title = self.title

        guidance = self.guidance

        version = self.version

        current: dict[str, Any] | None
        if isinstance(self.current, LifeStoryVersionRead):
            current = self.current.to_dict()
        else:
            current = self.current

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "title": title,
                "guidance": guidance,
                "version": version,
                "current": current,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.life_story_version_read import LifeStoryVersionRead  # noqa: PLC0415

        d = dict(src_dict)
        key = d.pop("key")

        title = d.pop("title")

        guidance = d.pop("guidance")

        version = d.pop("version")

        def _parse_current(data: object) -> LifeStoryVersionRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                current_type_0 = LifeStoryVersionRead.from_dict(data)

                return current_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LifeStoryVersionRead | None, data)

        current = _parse_current(d.pop("current"))

        life_story_part_read = cls(
            key=key,
            title=title,
            guidance=guidance,
            version=version,
            current=current,
        )

        life_story_part_read.additional_properties = d
        return life_story_part_read

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
