from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DefinitionSummary")


@_attrs_define
class DefinitionSummary:
    """
    Attributes:
        key (str):
        version (int):
        versions (list[int]):
        title (str):
        description (str):
        programme (str):
        legal_basis (str):
        starts (str):
        step_count (int):
    """

    key: str
    version: int
    versions: list[int]
    title: str
    description: str
    programme: str
    legal_basis: str
    starts: str
    step_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        version = self.version

        versions = self.versions

        title = self.title

        description = self.description

        programme = self.programme

        legal_basis = self.legal_basis

        starts = self.starts

        step_count = self.step_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "version": version,
                "versions": versions,
                "title": title,
                "description": description,
                "programme": programme,
                "legal_basis": legal_basis,
                "starts": starts,
                "step_count": step_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        version = d.pop("version")

        versions = cast(list[int], d.pop("versions"))

        title = d.pop("title")

        description = d.pop("description")

        programme = d.pop("programme")

        legal_basis = d.pop("legal_basis")

        starts = d.pop("starts")

        step_count = d.pop("step_count")

        definition_summary = cls(
            key=key,
            version=version,
            versions=versions,
            title=title,
            description=description,
            programme=programme,
            legal_basis=legal_basis,
            starts=starts,
            step_count=step_count,
        )

        definition_summary.additional_properties = d
        return definition_summary

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
