from __future__ import annotations

import datetime
from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..types import File

T = TypeVar("T", bound="BodyRecordSupervisionReport")


@_attrs_define
class BodyRecordSupervisionReport:
    """
    Attributes:
        placement_id (UUID):
        visit_date (datetime.date): The day of the visit.
        received_on (datetime.date): The day the report arrived.
        spoke_with_child_alone (bool):
        file (File): The report (PDF or .docx).
    """

    placement_id: UUID
    visit_date: datetime.date
    received_on: datetime.date
    spoke_with_child_alone: bool
    file: File
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        placement_id = str(self.placement_id)

        visit_date = self.visit_date.isoformat()

        received_on = self.received_on.isoformat()

        spoke_with_child_alone = self.spoke_with_child_alone

        file = self.file.to_tuple()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "placement_id": placement_id,
                "visit_date": visit_date,
                "received_on": received_on,
                "spoke_with_child_alone": spoke_with_child_alone,
                "file": file,
            }
        )

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("placement_id", (None, str(self.placement_id), "text/plain")))

        files.append(("visit_date", (None, self.visit_date.isoformat().encode(), "text/plain")))

        files.append(("received_on", (None, self.received_on.isoformat().encode(), "text/plain")))

        files.append(("spoke_with_child_alone", (None, str(self.spoke_with_child_alone).encode(), "text/plain")))

        files.append(("file", self.file.to_tuple()))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        placement_id = UUID(d.pop("placement_id"))

        visit_date = datetime.date.fromisoformat(d.pop("visit_date"))

        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        spoke_with_child_alone = d.pop("spoke_with_child_alone")

        file = File(payload=BytesIO(d.pop("file")))

        body_record_supervision_report = cls(
            placement_id=placement_id,
            visit_date=visit_date,
            received_on=received_on,
            spoke_with_child_alone=spoke_with_child_alone,
            file=file,
        )

        body_record_supervision_report.additional_properties = d
        return body_record_supervision_report

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
