from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.decided_by import DecidedBy
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.participant import Participant


T = TypeVar("T", bound="ArrangementCreate")


@_attrs_define
class ArrangementCreate:
    """What the tribunal, a court or an agreement set for the child's contact visits.

    Attributes:
        decided_by (DecidedBy):
        decided_on (datetime.date): The day of the decision or agreement.
        participants (list[Participant]):
        every (str): How often, as an ISO 8601 interval from `first_visit_on`: `P3M` is four times a year, `P2W` every
            second week, `P1M` once a month.
        first_visit_on (datetime.date): The first visit of the schedule; the others follow every `every`. Not before the
            placement started.
        supervised (bool):
        reference (None | str | Unset): The decision's case number or the agreement's name.
        duration_minutes (int | None | Unset):
        supervised_by (None | str | Unset): Who supervises (only with `supervised`).
        place (None | str | Unset):
        minimum (None | str | Unset): The minimum the tribunal set, in its words.
        notes (None | str | Unset):
    """

    decided_by: DecidedBy
    decided_on: datetime.date
    participants: list[Participant]
    every: str
    first_visit_on: datetime.date
    supervised: bool
    reference: None | str | Unset = UNSET
    duration_minutes: int | None | Unset = UNSET
    supervised_by: None | str | Unset = UNSET
    place: None | str | Unset = UNSET
    minimum: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        decided_by = self.decided_by.value

        decided_on = self.decided_on.isoformat()

        participants = []
        for participants_item_data in self.participants:
            participants_item = participants_item_data.to_dict()
            participants.append(participants_item)

        every = self.every

        first_visit_on = self.first_visit_on.isoformat()

        supervised = self.supervised

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        duration_minutes: int | None | Unset
        if isinstance(self.duration_minutes, Unset):
            duration_minutes = UNSET
        else:
            duration_minutes = self.duration_minutes

        supervised_by: None | str | Unset
        if isinstance(self.supervised_by, Unset):
            supervised_by = UNSET
        else:
            supervised_by = self.supervised_by

        place: None | str | Unset
        if isinstance(self.place, Unset):
            place = UNSET
        else:
            place = self.place

        minimum: None | str | Unset
        if isinstance(self.minimum, Unset):
            minimum = UNSET
        else:
            minimum = self.minimum

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "decided_by": decided_by,
                "decided_on": decided_on,
                "participants": participants,
                "every": every,
                "first_visit_on": first_visit_on,
                "supervised": supervised,
            }
        )
        if reference is not UNSET:
            field_dict["reference"] = reference
        if duration_minutes is not UNSET:
            field_dict["duration_minutes"] = duration_minutes
        if supervised_by is not UNSET:
            field_dict["supervised_by"] = supervised_by
        if place is not UNSET:
            field_dict["place"] = place
        if minimum is not UNSET:
            field_dict["minimum"] = minimum
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.participant import Participant  # noqa: PLC0415

        d = dict(src_dict)
        decided_by = DecidedBy(d.pop("decided_by"))

        decided_on = datetime.date.fromisoformat(d.pop("decided_on"))

        participants = []
        _participants = d.pop("participants")
        for participants_item_data in _participants:
            participants_item = Participant.from_dict(participants_item_data)

            participants.append(participants_item)

        every = d.pop("every")

        first_visit_on = datetime.date.fromisoformat(d.pop("first_visit_on"))

        supervised = d.pop("supervised")

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        def _parse_duration_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration_minutes = _parse_duration_minutes(d.pop("duration_minutes", UNSET))

        def _parse_supervised_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        supervised_by = _parse_supervised_by(d.pop("supervised_by", UNSET))

        def _parse_place(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        place = _parse_place(d.pop("place", UNSET))

        def _parse_minimum(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        minimum = _parse_minimum(d.pop("minimum", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        arrangement_create = cls(
            decided_by=decided_by,
            decided_on=decided_on,
            participants=participants,
            every=every,
            first_visit_on=first_visit_on,
            supervised=supervised,
            reference=reference,
            duration_minutes=duration_minutes,
            supervised_by=supervised_by,
            place=place,
            minimum=minimum,
            notes=notes,
        )

        return arrangement_create
