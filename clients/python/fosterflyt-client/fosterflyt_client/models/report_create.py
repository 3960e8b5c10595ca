from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReportCreate")


@_attrs_define
class ReportCreate:
    """
    Attributes:
        received_on (datetime.date): The day the report arrived: its review is due counting from it.
        written_by (str): Who wrote it (the person supervising).
        visit_id (None | Unset | UUID): The visit it reports on.
        summary (None | str | Unset):
    """

    received_on: datetime.date
    written_by: str
    visit_id: None | Unset | UUID = UNSET
    summary: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        received_on = self.received_on.isoformat()

        written_by = self.written_by

        visit_id: None | str | Unset
        if isinstance(self.visit_id, Unset):
            visit_id = UNSET
        elif isinstance(self.visit_id, UUID):
            visit_id = str(self.visit_id)
        else:
            visit_id = self.visit_id

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "received_on": received_on,
                "written_by": written_by,
            }
        )
        if visit_id is not UNSET:
            field_dict["visit_id"] = visit_id
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        written_by = d.pop("written_by")

        def _parse_visit_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                visit_id_type_0 = UUID(data)

                return visit_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        visit_id = _parse_visit_id(d.pop("visit_id", UNSET))

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        report_create = cls(
            received_on=received_on,
            written_by=written_by,
            visit_id=visit_id,
            summary=summary,
        )

        return report_create
