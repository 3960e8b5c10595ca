from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.objections import Objections


T = TypeVar("T", bound="VisitReductionRead")


@_attrs_define
class VisitReductionRead:
    """
    Attributes:
        id (UUID):
        service_id (UUID):
        placement_id (UUID):
        effective_from (datetime.date):
        reason (str):
        objections (Objections):
        objection_notes (None | str):
        decided_by (str):
        created_at (datetime.datetime):
        ended_on (datetime.date | None): Set once a leader ended the reduction.
        end_reason (None | str):
        ended_by (None | str):
    """

    id: UUID
    service_id: UUID
    placement_id: UUID
    effective_from: datetime.date
    reason: str
    objections: Objections
    objection_notes: None | str
    decided_by: str
    created_at: datetime.datetime
    ended_on: datetime.date | None
    end_reason: None | str
    ended_by: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        service_id = str(self.service_id)

        placement_id = str(self.placement_id)

        effective_from = self.effective_from.isoformat()

        reason = self.reason

        objections = self.objections.to_dict()

        objection_notes: None | str
        objection_notes = self.objection_notes

        decided_by = self.decided_by

        created_at = self.created_at.isoformat()

        ended_on: None | str
        if isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        end_reason: None | str
        end_reason = self.end_reason

        ended_by: None | str
        ended_by = self.ended_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "service_id": service_id,
                "placement_id": placement_id,
                "effective_from": effective_from,
                "reason": reason,
                "objections": objections,
                "objection_notes": objection_notes,
                "decided_by": decided_by,
                "created_at": created_at,
                "ended_on": ended_on,
                "end_reason": end_reason,
                "ended_by": ended_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.objections import Objections  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        service_id = UUID(d.pop("service_id"))

        placement_id = UUID(d.pop("placement_id"))

        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        reason = d.pop("reason")

        objections = Objections.from_dict(d.pop("objections"))

        def _parse_objection_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        objection_notes = _parse_objection_notes(d.pop("objection_notes"))

        decided_by = d.pop("decided_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_ended_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_on_type_0 = datetime.date.fromisoformat(data)

                return ended_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ended_on = _parse_ended_on(d.pop("ended_on"))

        def _parse_end_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        end_reason = _parse_end_reason(d.pop("end_reason"))

        def _parse_ended_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ended_by = _parse_ended_by(d.pop("ended_by"))

        visit_reduction_read = cls(
            id=id,
            service_id=service_id,
            placement_id=placement_id,
            effective_from=effective_from,
            reason=reason,
            objections=objections,
            objection_notes=objection_notes,
            decided_by=decided_by,
            created_at=created_at,
            ended_on=ended_on,
            end_reason=end_reason,
            ended_by=ended_by,
        )

        visit_reduction_read.additional_properties = d
        return visit_reduction_read

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
