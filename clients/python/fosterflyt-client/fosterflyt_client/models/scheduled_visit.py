from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.visit_status import VisitStatus

T = TypeVar("T", bound="ScheduledVisit")


@_attrs_define
class ScheduledVisit:
    """
    Attributes:
        planned_on (datetime.date):
        arrangement_id (None | UUID): None: a visit recorded off schedule.
        occurrence (int | None): Which visit of the arrangement (1 = the first).
        participants (str): Who the child sees, in Norwegian.
        supervised (bool | None):
        visit_id (None | UUID): The recorded visit on that day, if any.
        status (VisitStatus):
    """

    planned_on: datetime.date
    arrangement_id: None | UUID
    occurrence: int | None
    participants: str
    supervised: bool | None
    visit_id: None | UUID
    status: VisitStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        planned_on = self.planned_on.isoformat()

        arrangement_id: None | str
        if isinstance(self.arrangement_id, UUID):
            arrangement_id = str(self.arrangement_id)
        else:
            arrangement_id = self.arrangement_id

        occurrence: int | None
        occurrence = self.occurrence

        participants = self.participants

        supervised: bool | None
        supervised = self.supervised

        visit_id: None | str
        if isinstance(self.visit_id, UUID):
            visit_id = str(self.visit_id)
        else:
            visit_id = self.visit_id

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "planned_on": planned_on,
                "arrangement_id": arrangement_id,
                "occurrence": occurrence,
                "participants": participants,
                "supervised": supervised,
                "visit_id": visit_id,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        planned_on = datetime.date.fromisoformat(d.pop("planned_on"))

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

        def _parse_occurrence(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        occurrence = _parse_occurrence(d.pop("occurrence"))

        participants = d.pop("participants")

        def _parse_supervised(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        supervised = _parse_supervised(d.pop("supervised"))

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

        status = VisitStatus(d.pop("status"))

        scheduled_visit = cls(
            planned_on=planned_on,
            arrangement_id=arrangement_id,
            occurrence=occurrence,
            participants=participants,
            supervised=supervised,
            visit_id=visit_id,
            status=status,
        )

        scheduled_visit.additional_properties = d
        return scheduled_visit

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
