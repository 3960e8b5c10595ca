from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.review_task_read import ReviewTaskRead


T = TypeVar("T", bound="ContactVisitReportRead")


@_attrs_define
class ContactVisitReportRead:
    """
    Attributes:
        id (UUID):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        service_id (UUID):
        placement_id (UUID):
        visit_id (None | UUID):
        received_on (datetime.date):
        written_by (str):
        summary (None | str):
        review_instance_id (UUID):
        review_task (None | ReviewTaskRead):
        recorded_by (str):
    """

    id: UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    service_id: UUID
    placement_id: UUID
    visit_id: None | UUID
    received_on: datetime.date
    written_by: str
    summary: None | str
    review_instance_id: UUID
    review_task: None | ReviewTaskRead
    recorded_by: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.review_task_read import ReviewTaskRead  # noqa: PLC0415

        id = str(self.id)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        service_id = str(self.service_id)

        placement_id = str(self.placement_id)

        visit_id: None | str
        if isinstance(self.visit_id, UUID):
            visit_id = str(self.visit_id)
        else:
            visit_id = self.visit_id

        received_on = self.received_on.isoformat()

        written_by = self.written_by

        summary: None | str
        summary = self.summary

        review_instance_id = str(self.review_instance_id)

        review_task: dict[str, Any] | None
        if isinstance(self.review_task, ReviewTaskRead):
            review_task = self.review_task.to_dict()
        else:
            review_task = self.review_task

        recorded_by = self.recorded_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "updated_at": updated_at,
                "service_id": service_id,
                "placement_id": placement_id,
                "visit_id": visit_id,
                "received_on": received_on,
                "written_by": written_by,
                "summary": summary,
                "review_instance_id": review_instance_id,
                "review_task": review_task,
                "recorded_by": recorded_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.review_task_read import ReviewTaskRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        service_id = UUID(d.pop("service_id"))

        placement_id = UUID(d.pop("placement_id"))

        def _parse_visit_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                visit_id_type_0 = UUID(data)

                return visit_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        visit_id = _parse_visit_id(d.pop("visit_id"))

        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        written_by = d.pop("written_by")

        def _parse_summary(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        summary = _parse_summary(d.pop("summary"))

        review_instance_id = UUID(d.pop("review_instance_id"))

        def _parse_review_task(data: object) -> None | ReviewTaskRead:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                review_task_type_0 = ReviewTaskRead.from_dict(data)

                return review_task_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReviewTaskRead, data)

        review_task = _parse_review_task(d.pop("review_task"))

        recorded_by = d.pop("recorded_by")

        contact_visit_report_read = cls(
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            service_id=service_id,
            placement_id=placement_id,
            visit_id=visit_id,
            received_on=received_on,
            written_by=written_by,
            summary=summary,
            review_instance_id=review_instance_id,
            review_task=review_task,
            recorded_by=recorded_by,
        )

        contact_visit_report_read.additional_properties = d
        return contact_visit_report_read

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
