from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.plan_kind import PlanKind

T = TypeVar("T", bound="PlanReviewedData")


@_attrs_define
class PlanReviewedData:
    """
    Attributes:
        kind (PlanKind):
        conclusion (str): The outcome's or choice's key.
        task_id (UUID): The review task.
    """

    kind: PlanKind
    conclusion: str
    task_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        conclusion = self.conclusion

        task_id = str(self.task_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "conclusion": conclusion,
                "task_id": task_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = PlanKind(d.pop("kind"))

        conclusion = d.pop("conclusion")

        task_id = UUID(d.pop("task_id"))

        plan_reviewed_data = cls(
            kind=kind,
            conclusion=conclusion,
            task_id=task_id,
        )

        plan_reviewed_data.additional_properties = d
        return plan_reviewed_data

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
