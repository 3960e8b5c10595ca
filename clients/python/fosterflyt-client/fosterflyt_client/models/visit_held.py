from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.visit_kind import VisitKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="VisitHeld")


@_attrs_define
class VisitHeld:
    """
    Attributes:
        visited_on (datetime.date):
        kind (VisitKind):
        title (str): The task's title, or «Ekstra oppfølgingsbesøk».
        task_id (None | Unset | UUID):
        extra_visit_id (None | Unset | UUID):
    """

    visited_on: datetime.date
    kind: VisitKind
    title: str
    task_id: None | Unset | UUID = UNSET
    extra_visit_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        visited_on = self.visited_on.isoformat()

        kind = self.kind.value

        title = self.title

        task_id: None | str | Unset
        if isinstance(self.task_id, Unset):
            task_id = UNSET
        elif isinstance(self.task_id, UUID):
            task_id = str(self.task_id)
        else:
            task_id = self.task_id

        extra_visit_id: None | str | Unset
        if isinstance(self.extra_visit_id, Unset):
            extra_visit_id = UNSET
        elif isinstance(self.extra_visit_id, UUID):
            extra_visit_id = str(self.extra_visit_id)
        else:
            extra_visit_id = self.extra_visit_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "visited_on": visited_on,
                "kind": kind,
                "title": title,
            }
        )
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if extra_visit_id is not UNSET:
            field_dict["extra_visit_id"] = extra_visit_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        visited_on = datetime.date.fromisoformat(d.pop("visited_on"))

        kind = VisitKind(d.pop("kind"))

        title = d.pop("title")

        def _parse_task_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                task_id_type_0 = UUID(data)

                return task_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        task_id = _parse_task_id(d.pop("task_id", UNSET))

        def _parse_extra_visit_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                extra_visit_id_type_0 = UUID(data)

                return extra_visit_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        extra_visit_id = _parse_extra_visit_id(d.pop("extra_visit_id", UNSET))

        visit_held = cls(
            visited_on=visited_on,
            kind=kind,
            title=title,
            task_id=task_id,
            extra_visit_id=extra_visit_id,
        )

        visit_held.additional_properties = d
        return visit_held

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
