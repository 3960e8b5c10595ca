from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ScheduleChange")


@_attrs_define
class ScheduleChange:
    """
    Attributes:
        action (str): created, moved or cancelled
        task_id (None | UUID):
        step_key (str):
        occurrence (int):
        title (str):
        old_due_date (datetime.date | None):
        new_due_date (datetime.date | None):
    """

    action: str
    task_id: None | UUID
    step_key: str
    occurrence: int
    title: str
    old_due_date: datetime.date | None
    new_due_date: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        task_id: None | str
        if isinstance(self.task_id, UUID):
            task_id = str(self.task_id)
        else:
            task_id = self.task_id

        step_key = self.step_key

        occurrence = self.occurrence

        title = self.title

        old_due_date: None | str
        if isinstance(self.old_due_date, datetime.date):
            old_due_date = self.old_due_date.isoformat()
        else:
            old_due_date = self.old_due_date

        new_due_date: None | str
        if isinstance(self.new_due_date, datetime.date):
            new_due_date = self.new_due_date.isoformat()
        else:
            new_due_date = self.new_due_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "task_id": task_id,
                "step_key": step_key,
                "occurrence": occurrence,
                "title": title,
                "old_due_date": old_due_date,
                "new_due_date": new_due_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        def _parse_task_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                task_id_type_0 = UUID(data)

                return task_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        task_id = _parse_task_id(d.pop("task_id"))

        step_key = d.pop("step_key")

        occurrence = d.pop("occurrence")

        title = d.pop("title")

        def _parse_old_due_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                old_due_date_type_0 = datetime.date.fromisoformat(data)

                return old_due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        old_due_date = _parse_old_due_date(d.pop("old_due_date"))

        def _parse_new_due_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                new_due_date_type_0 = datetime.date.fromisoformat(data)

                return new_due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        new_due_date = _parse_new_due_date(d.pop("new_due_date"))

        schedule_change = cls(
            action=action,
            task_id=task_id,
            step_key=step_key,
            occurrence=occurrence,
            title=title,
            old_due_date=old_due_date,
            new_due_date=new_due_date,
        )

        schedule_change.additional_properties = d
        return schedule_change

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
