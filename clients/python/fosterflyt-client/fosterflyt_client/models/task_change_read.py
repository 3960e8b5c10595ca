from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TaskChangeRead")


@_attrs_define
class TaskChangeRead:
    """One entry of a task's history: created, moved, edited, completed, skipped, reopened or
    cancelled, with who did it and why.

        Attributes:
            id (UUID):
            task_id (UUID):
            changed_at (datetime.datetime):
            changed_by (str):
            action (str):
            old_due_date (datetime.date | None):
            new_due_date (datetime.date | None):
            reason (str):
    """

    id: UUID
    task_id: UUID
    changed_at: datetime.datetime
    changed_by: str
    action: str
    old_due_date: datetime.date | None
    new_due_date: datetime.date | None
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        task_id = str(self.task_id)

        changed_at = self.changed_at.isoformat()

        changed_by = self.changed_by

        action = self.action

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

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "task_id": task_id,
                "changed_at": changed_at,
                "changed_by": changed_by,
                "action": action,
                "old_due_date": old_due_date,
                "new_due_date": new_due_date,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        task_id = UUID(d.pop("task_id"))

        changed_at = datetime.datetime.fromisoformat(d.pop("changed_at"))

        changed_by = d.pop("changed_by")

        action = d.pop("action")

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

        reason = d.pop("reason")

        task_change_read = cls(
            id=id,
            task_id=task_id,
            changed_at=changed_at,
            changed_by=changed_by,
            action=action,
            old_due_date=old_due_date,
            new_due_date=new_due_date,
            reason=reason,
        )

        task_change_read.additional_properties = d
        return task_change_read

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
