from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_status import TaskStatus

T = TypeVar("T", bound="ReviewTaskRead")


@_attrs_define
class ReviewTaskRead:
    """
    Attributes:
        id (UUID):
        title (str):
        due_date (datetime.date):
        status (TaskStatus):
        rule (str):
        legal_basis (str):
        explanation (str): Why the review is due then, with the rule's provenance.
    """

    id: UUID
    title: str
    due_date: datetime.date
    status: TaskStatus
    rule: str
    legal_basis: str
    explanation: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        title = self.title

        due_date = self.due_date.isoformat()

        status = self.status.value

        rule = self.rule

        legal_basis = self.legal_basis

        explanation = self.explanation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "due_date": due_date,
                "status": status,
                "rule": rule,
                "legal_basis": legal_basis,
                "explanation": explanation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        title = d.pop("title")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        status = TaskStatus(d.pop("status"))

        rule = d.pop("rule")

        legal_basis = d.pop("legal_basis")

        explanation = d.pop("explanation")

        review_task_read = cls(
            id=id,
            title=title,
            due_date=due_date,
            status=status,
            rule=rule,
            legal_basis=legal_basis,
            explanation=explanation,
        )

        review_task_read.additional_properties = d
        return review_task_read

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
