from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.definition_read_definition import DefinitionReadDefinition


T = TypeVar("T", bound="DefinitionRead")


@_attrs_define
class DefinitionRead:
    """A workflow definition as shipped (``definition``) with its other versions.

    Attributes:
        versions (list[int]):
        definition (DefinitionReadDefinition):
    """

    versions: list[int]
    definition: DefinitionReadDefinition
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        versions = self.versions

        definition = self.definition.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "versions": versions,
                "definition": definition,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.definition_read_definition import DefinitionReadDefinition  # noqa: PLC0415

        d = dict(src_dict)
        versions = cast(list[int], d.pop("versions"))

        definition = DefinitionReadDefinition.from_dict(d.pop("definition"))

        definition_read = cls(
            versions=versions,
            definition=definition,
        )

        definition_read.additional_properties = d
        return definition_read

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
