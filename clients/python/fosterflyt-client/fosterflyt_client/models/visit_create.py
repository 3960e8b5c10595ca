from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.cancelled_by import CancelledBy
from ..models.visit_status import VisitStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="VisitCreate")


@_attrs_define
class VisitCreate:
    """
    Attributes:
        planned_on (datetime.date): The day of the visit, within the placement.
        arrangement_id (None | Unset | UUID): The arrangement it belongs to; none for an extra visit.
        status (VisitStatus | Unset):
        held_on (datetime.date | None | Unset): The day it was held, if not `planned_on` (status held).
        cancelled_by (CancelledBy | None | Unset): With status cancelled.
        cancellation_reason (None | str | Unset):
        supervised (bool | None | Unset):
        notes (None | str | Unset):
    """

    planned_on: datetime.date
    arrangement_id: None | Unset | UUID = UNSET
    status: VisitStatus | Unset = UNSET
    held_on: datetime.date | None | Unset = UNSET
    cancelled_by: CancelledBy | None | Unset = UNSET
    cancellation_reason: None | str | Unset = UNSET
    supervised: bool | None | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        planned_on = self.planned_on.isoformat()

        arrangement_id: None | str | Unset
        if isinstance(self.arrangement_id, Unset):
            arrangement_id = UNSET
        elif isinstance(self.arrangement_id, UUID):
            arrangement_id = str(self.arrangement_id)
        else:
            arrangement_id = self.arrangement_id

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        held_on: None | str | Unset
        if isinstance(self.held_on, Unset):
            held_on = UNSET
        elif isinstance(self.held_on, datetime.date):
            held_on = self.held_on.isoformat()
        else:
            held_on = self.held_on

        cancelled_by: None | str | Unset
        if isinstance(self.cancelled_by, Unset):
            cancelled_by = UNSET
        elif isinstance(self.cancelled_by, CancelledBy):
            cancelled_by = self.cancelled_by.value
        else:
            cancelled_by = self.cancelled_by

        cancellation_reason: None | str | Unset
        if isinstance(self.cancellation_reason, Unset):
            cancellation_reason = UNSET
        else:
            cancellation_reason = self.cancellation_reason

        supervised: bool | None | Unset
        if isinstance(self.supervised, Unset):
            supervised = UNSET
        else:
            supervised = self.supervised

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "planned_on": planned_on,
            }
        )
        if arrangement_id is not UNSET:
            field_dict["arrangement_id"] = arrangement_id
        if status is not UNSET:
            field_dict["status"] = status
        if held_on is not UNSET:
            field_dict["held_on"] = held_on
        if cancelled_by is not UNSET:
            field_dict["cancelled_by"] = cancelled_by
        if cancellation_reason is not UNSET:
            field_dict["cancellation_reason"] = cancellation_reason
        if supervised is not UNSET:
            field_dict["supervised"] = supervised
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        planned_on = datetime.date.fromisoformat(d.pop("planned_on"))

        def _parse_arrangement_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                arrangement_id_type_0 = UUID(data)

                return arrangement_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        arrangement_id = _parse_arrangement_id(d.pop("arrangement_id", UNSET))

        _status = d.pop("status", UNSET)
        status: VisitStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = VisitStatus(_status)

        def _parse_held_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                held_on_type_0 = datetime.date.fromisoformat(data)

                return held_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        held_on = _parse_held_on(d.pop("held_on", UNSET))

        def _parse_cancelled_by(data: object) -> CancelledBy | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancelled_by_type_0 = CancelledBy(data)

                return cancelled_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CancelledBy | None | Unset, data)

        cancelled_by = _parse_cancelled_by(d.pop("cancelled_by", UNSET))

        def _parse_cancellation_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cancellation_reason = _parse_cancellation_reason(d.pop("cancellation_reason", UNSET))

        def _parse_supervised(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        supervised = _parse_supervised(d.pop("supervised", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        visit_create = cls(
            planned_on=planned_on,
            arrangement_id=arrangement_id,
            status=status,
            held_on=held_on,
            cancelled_by=cancelled_by,
            cancellation_reason=cancellation_reason,
            supervised=supervised,
            notes=notes,
        )

        return visit_create
