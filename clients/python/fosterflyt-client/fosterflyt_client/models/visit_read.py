from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cancelled_by import CancelledBy
from ..models.visit_status import VisitStatus

T = TypeVar("T", bound="VisitRead")


@_attrs_define
class VisitRead:
    """
    Attributes:
        id (UUID):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        service_id (UUID):
        placement_id (UUID):
        arrangement_id (None | UUID):
        planned_on (datetime.date):
        status (VisitStatus):
        held_on (datetime.date | None):
        cancelled_by (CancelledBy | None):
        cancellation_reason (None | str):
        supervised (bool | None):
        notes (None | str):
        recorded_by (str):
    """

    id: UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    service_id: UUID
    placement_id: UUID
    arrangement_id: None | UUID
    planned_on: datetime.date
    status: VisitStatus
    held_on: datetime.date | None
    cancelled_by: CancelledBy | None
    cancellation_reason: None | str
    supervised: bool | None
    notes: None | str
    recorded_by: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        service_id = str(self.service_id)

        placement_id = str(self.placement_id)

        arrangement_id: None | str
        if isinstance(self.arrangement_id, UUID):
            arrangement_id = str(self.arrangement_id)
        else:
            arrangement_id = self.arrangement_id

        planned_on = self.planned_on.isoformat()

        status = self.status.value

        held_on: None | str
        if isinstance(self.held_on, datetime.date):
            held_on = self.held_on.isoformat()
        else:
            held_on = self.held_on

        cancelled_by: None | str
        if isinstance(self.cancelled_by, CancelledBy):
            cancelled_by = self.cancelled_by.value
        else:
            cancelled_by = self.cancelled_by

        cancellation_reason: None | str
        cancellation_reason = self.cancellation_reason

        supervised: bool | None
        supervised = self.supervised

        notes: None | str
        notes = self.notes

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
                "arrangement_id": arrangement_id,
                "planned_on": planned_on,
                "status": status,
                "held_on": held_on,
                "cancelled_by": cancelled_by,
                "cancellation_reason": cancellation_reason,
                "supervised": supervised,
                "notes": notes,
                "recorded_by": recorded_by,
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

        def _parse_arrangement_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                arrangement_id_type_0 = UUID(data)

                return arrangement_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        arrangement_id = _parse_arrangement_id(d.pop("arrangement_id"))

        planned_on = datetime.date.fromisoformat(d.pop("planned_on"))

        status = VisitStatus(d.pop("status"))

        def _parse_held_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                held_on_type_0 = datetime.date.fromisoformat(data)

                return held_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        held_on = _parse_held_on(d.pop("held_on"))

        def _parse_cancelled_by(data: object) -> CancelledBy | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancelled_by_type_0 = CancelledBy(data)

                return cancelled_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CancelledBy | None, data)

        cancelled_by = _parse_cancelled_by(d.pop("cancelled_by"))

        def _parse_cancellation_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cancellation_reason = _parse_cancellation_reason(d.pop("cancellation_reason"))

        def _parse_supervised(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        supervised = _parse_supervised(d.pop("supervised"))

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        recorded_by = d.pop("recorded_by")

        visit_read = cls(
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            service_id=service_id,
            placement_id=placement_id,
            arrangement_id=arrangement_id,
            planned_on=planned_on,
            status=status,
            held_on=held_on,
            cancelled_by=cancelled_by,
            cancellation_reason=cancellation_reason,
            supervised=supervised,
            notes=notes,
            recorded_by=recorded_by,
        )

        visit_read.additional_properties = d
        return visit_read

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
