from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="LifeStoryPartWrite")


@_attrs_define
class LifeStoryPartWrite:
    """A new version of one part: the whole text as it should read now.

    Attributes:
        text (str): The part's full text (not a change to it); at most 20,000 characters.
    """

    text: str

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text")

        life_story_part_write = cls(
            text=text,
        )

        return life_story_part_write
