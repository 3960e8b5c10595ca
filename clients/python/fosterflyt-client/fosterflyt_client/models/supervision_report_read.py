from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SupervisionReportRead")


@_attrs_define
class SupervisionReportRead:
    """
    Attributes:
        id (UUID):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        service_id (UUID):
        placement_id (UUID):
        visitor_id (None | UUID): The visitor appointed on the visit's day.
        visit_date (datetime.date):
        received_on (datetime.date): The day the report arrived at the service.
        spoke_with_child_alone (bool):
        task_id (None | UUID): The supervision visit task the report completed; its review task is due from
            `received_on` (GET /v1/placements/{id}/timeline).
        filename (str):
        media_type (str):
        sha256 (str):
        size (int):
        recorded_by (str):
        download (str): GET this URL for the file (recorded in the audit trail).
    """

    id: UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    service_id: UUID
    placement_id: UUID
    visitor_id: None | UUID
    visit_date: datetime.date
    received_on: datetime.date
    spoke_with_child_alone: bool
    task_id: None | UUID
    filename: str
    media_type: str
    sha256: str
    size: int
    recorded_by: str
    download: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        service_id = str(self.service_id)

        placement_id = str(self.placement_id)

        visitor_id: None | str
        if isinstance(self.visitor_id, UUID):
            visitor_id = str(self.visitor_id)
        else:
            visitor_id = self.visitor_id

        visit_date = self.visit_date.isoformat()

        received_on = self.received_on.isoformat()

        spoke_with_child_alone = self.spoke_with_child_alone

        task_id: None | str
        if isinstance(self.task_id, UUID):
            task_id = str(self.task_id)
        else:
            task_id = self.task_id

        filename = self.filename

        media_type = self.media_type

        sha256 = self.sha256

        size = self.size

        recorded_by = self.recorded_by

        download = self.download

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "updated_at": updated_at,
                "service_id": service_id,
                "placement_id": placement_id,
                "visitor_id": visitor_id,
                "visit_date": visit_date,
                "received_on": received_on,
                "spoke_with_child_alone": spoke_with_child_alone,
                "task_id": task_id,
                "filename": filename,
                "media_type": media_type,
                "sha256": sha256,
                "size": size,
                "recorded_by": recorded_by,
                "download": download,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        service_id = UUID(d.pop("service_id"))

        placement_id = UUID(d.pop("placement_id"))

        def _parse_visitor_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                visitor_id_type_0 = UUID(data)

                return visitor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        visitor_id = _parse_visitor_id(d.pop("visitor_id"))

        visit_date = datetime.date.fromisoformat(d.pop("visit_date"))

        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        spoke_with_child_alone = d.pop("spoke_with_child_alone")

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

        filename = d.pop("filename")

        media_type = d.pop("media_type")

        sha256 = d.pop("sha256")

        size = d.pop("size")

        recorded_by = d.pop("recorded_by")

        download = d.pop("download")

        supervision_report_read = cls(
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            service_id=service_id,
            placement_id=placement_id,
            visitor_id=visitor_id,
            visit_date=visit_date,
            received_on=received_on,
            spoke_with_child_alone=spoke_with_child_alone,
            task_id=task_id,
            filename=filename,
            media_type=media_type,
            sha256=sha256,
            size=size,
            recorded_by=recorded_by,
            download=download,
        )

        supervision_report_read.additional_properties = d
        return supervision_report_read

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
