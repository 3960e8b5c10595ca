from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="WorkflowStart")


@_attrs_define
class WorkflowStart:
    """
    Attributes:
        definition_key (str):
    """

    definition_key: str

    def to_dict(self) -> dict[str, Any]:
        definition_key = self.definition_key

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "definition_key": definition_key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        definition_key = d.pop("definition_key")

        workflow_start = cls(
            definition_key=definition_key,
        )

        return workflow_start
