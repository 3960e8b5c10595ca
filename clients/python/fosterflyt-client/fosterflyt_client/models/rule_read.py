from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RuleRead")


@_attrs_define
class RuleRead:
    """A rule compliance is counted for: a step of a shipped workflow definition.

    Attributes:
        key (str):
        definition_key (str):
        step_key (str):
        group (str): visits, supervision, annual_evaluation, parent_follow_up, plans, return_home or other.
        title (str):
        definition_title (str):
        programme (str):
        legal_basis (str):
        decision (bool): The step ends in a conclusion (one of its outcomes).
    """

    key: str
    definition_key: str
    step_key: str
    group: str
    title: str
    definition_title: str
    programme: str
    legal_basis: str
    decision: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        definition_key = self.definition_key

        step_key = self.step_key

        group = self.group

        title = self.title

        definition_title = self.definition_title

        programme = self.programme

        legal_basis = self.legal_basis

        decision = self.decision

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "definition_key": definition_key,
                "step_key": step_key,
                "group": group,
                "title": title,
                "definition_title": definition_title,
                "programme": programme,
                "legal_basis": legal_basis,
                "decision": decision,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        definition_key = d.pop("definition_key")

        step_key = d.pop("step_key")

        group = d.pop("group")

        title = d.pop("title")

        definition_title = d.pop("definition_title")

        programme = d.pop("programme")

        legal_basis = d.pop("legal_basis")

        decision = d.pop("decision")

        rule_read = cls(
            key=key,
            definition_key=definition_key,
            step_key=step_key,
            group=group,
            title=title,
            definition_title=definition_title,
            programme=programme,
            legal_basis=legal_basis,
            decision=decision,
        )

        rule_read.additional_properties = d
        return rule_read

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
