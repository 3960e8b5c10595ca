from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PlanReviewRead")


@_attrs_define
class PlanReviewRead:
    """
    Attributes:
        id (UUID):
        reviewed_on (datetime.date):
        conclusion (str): The outcome's or choice's key.
        conclusion_text (str): The conclusion in the step's words (Norwegian).
        child_took_part (bool):
        parents_took_part (bool):
        foster_home_took_part (bool):
        notes (None | str):
        task_id (None | UUID): The review task that recorded it.
        recorded_by (str):
        created_at (datetime.datetime):
    """

    id: UUID
    reviewed_on: datetime.date
    conclusion: str
    conclusion_text: str
    child_took_part: bool
    parents_took_part: bool
    foster_home_took_part: bool
    notes: None | str
    task_id: None | UUID
    recorded_by: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        reviewed_on = self.reviewed_on.isoformat()

        conclusion = self.conclusion

        conclusion_text = self.conclusion_text

        child_took_part = self.child_took_part

        parents_took_part = self.parents_took_part

        foster_home_took_part = self.foster_home_took_part

        notes: None | str
        notes = self.notes

        task_id: None | str
        if isinstance(self.task_id, UUID):
            task_id = str(self.task_id)
        else:
            task_id = self.task_id

        recorded_by = self.recorded_by

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "reviewed_on": reviewed_on,
                "conclusion": conclusion,
                "conclusion_text": conclusion_text,
                "child_took_part": child_took_part,
                "parents_took_part": parents_took_part,
                "foster_home_took_part": foster_home_took_part,
                "notes": notes,
                "task_id": task_id,
                "recorded_by": recorded_by,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        reviewed_on = datetime.date.fromisoformat(d.pop("reviewed_on"))

        conclusion = d.pop("conclusion")

        conclusion_text = d.pop("conclusion_text")

        child_took_part = d.pop("child_took_part")

        parents_took_part = d.pop("parents_took_part")

        foster_home_took_part = d.pop("foster_home_took_part")

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

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

        recorded_by = d.pop("recorded_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        plan_review_read = cls(
            id=id,
            reviewed_on=reviewed_on,
            conclusion=conclusion,
            conclusion_text=conclusion_text,
            child_took_part=child_took_part,
            parents_took_part=parents_took_part,
            foster_home_took_part=foster_home_took_part,
            notes=notes,
            task_id=task_id,
            recorded_by=recorded_by,
            created_at=created_at,
        )

        plan_review_read.additional_properties = d
        return plan_review_read

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
