from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TaskRescheduledData")


@_attrs_define
class TaskRescheduledData:
    """
    Attributes:
        workflow_id (UUID): The workflow the task belongs to.
        step_key (str): The workflow step.
        due_date (datetime.date): The task's due date now.
        by_hand (bool | Unset): Present and true when a person moved the date (else the rules did). Default: False.
    """

    workflow_id: UUID
    step_key: str
    due_date: datetime.date
    by_hand: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        workflow_id = str(self.workflow_id)

        step_key = self.step_key

        due_date = self.due_date.isoformat()

        by_hand = self.by_hand

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "workflow_id": workflow_id,
                "step_key": step_key,
                "due_date": due_date,
            }
        )
        if by_hand is not UNSET:
            field_dict["by_hand"] = by_hand

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        workflow_id = UUID(d.pop("workflow_id"))

        step_key = d.pop("step_key")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        by_hand = d.pop("by_hand", UNSET)

        task_rescheduled_data = cls(
            workflow_id=workflow_id,
            step_key=step_key,
            due_date=due_date,
            by_hand=by_hand,
        )

        task_rescheduled_data.additional_properties = d
        return task_rescheduled_data

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
