from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.result import Result

T = TypeVar("T", bound="ComplianceTask")


@_attrs_define
class ComplianceTask:
    """One task behind a figure (the drill-down), with how it counts.

    Attributes:
        id (UUID):
        service_id (UUID):
        placement_id (UUID):
        rule (str):
        title (str):
        due_date (datetime.date):
        result (Result):
        assignee_id (None | UUID):
        completed_at (datetime.datetime | None):
        skip_reason (None | str):
    """

    id: UUID
    service_id: UUID
    placement_id: UUID
    rule: str
    title: str
    due_date: datetime.date
    result: Result
    assignee_id: None | UUID
    completed_at: datetime.datetime | None
    skip_reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        service_id = str(self.service_id)

        placement_id = str(self.placement_id)

        rule = self.rule

        title = self.title

        due_date = self.due_date.isoformat()

        result = self.result.value

        assignee_id: None | str
        if isinstance(self.assignee_id, UUID):
            assignee_id = str(self.assignee_id)
        else:
            assignee_id = self.assignee_id

        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        skip_reason: None | str
        skip_reason = self.skip_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "service_id": service_id,
                "placement_id": placement_id,
                "rule": rule,
                "title": title,
                "due_date": due_date,
                "result": result,
                "assignee_id": assignee_id,
                "completed_at": completed_at,
                "skip_reason": skip_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        service_id = UUID(d.pop("service_id"))

        placement_id = UUID(d.pop("placement_id"))

        rule = d.pop("rule")

        title = d.pop("title")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        result = Result(d.pop("result"))

        def _parse_assignee_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assignee_id_type_0 = UUID(data)

                return assignee_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        assignee_id = _parse_assignee_id(d.pop("assignee_id"))

        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))

        def _parse_skip_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        skip_reason = _parse_skip_reason(d.pop("skip_reason"))

        compliance_task = cls(
            id=id,
            service_id=service_id,
            placement_id=placement_id,
            rule=rule,
            title=title,
            due_date=due_date,
            result=result,
            assignee_id=assignee_id,
            completed_at=completed_at,
            skip_reason=skip_reason,
        )

        compliance_task.additional_properties = d
        return compliance_task

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
