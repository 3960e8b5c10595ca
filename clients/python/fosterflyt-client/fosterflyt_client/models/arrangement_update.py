from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.decided_by import DecidedBy
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.participant import Participant


T = TypeVar("T", bound="ArrangementUpdate")


@_attrs_define
class ArrangementUpdate:
    """A change of the arrangement; the values it replaces are kept as a revision.

    Attributes:
        change_reason (str): Why the arrangement changes (a new decision).
        decided_by (DecidedBy | None | Unset):
        decided_on (datetime.date | None | Unset):
        reference (None | str | Unset):
        participants (list[Participant] | None | Unset):
        every (None | str | Unset):
        first_visit_on (datetime.date | None | Unset):
        duration_minutes (int | None | Unset):
        supervised (bool | None | Unset):
        supervised_by (None | str | Unset):
        place (None | str | Unset):
        minimum (None | str | Unset):
        notes (None | str | Unset):
        ended_on (datetime.date | None | Unset): The arrangement no longer applies after this day.
        end_reason (None | str | Unset):
    """

    change_reason: str
    decided_by: DecidedBy | None | Unset = UNSET
    decided_on: datetime.date | None | Unset = UNSET
    reference: None | str | Unset = UNSET
    participants: list[Participant] | None | Unset = UNSET
    every: None | str | Unset = UNSET
    first_visit_on: datetime.date | None | Unset = UNSET
    duration_minutes: int | None | Unset = UNSET
    supervised: bool | None | Unset = UNSET
    supervised_by: None | str | Unset = UNSET
    place: None | str | Unset = UNSET
    minimum: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    ended_on: datetime.date | None | Unset = UNSET
    end_reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        change_reason = self.change_reason

        decided_by: None | str | Unset
        if isinstance(self.decided_by, Unset):
            decided_by = UNSET
        elif isinstance(self.decided_by, DecidedBy):
            decided_by = self.decided_by.value
        else:
            decided_by = self.decided_by

        decided_on: None | str | Unset
        if isinstance(self.decided_on, Unset):
            decided_on = UNSET
        elif isinstance(self.decided_on, datetime.date):
            decided_on = self.decided_on.isoformat()
        else:
            decided_on = self.decided_on

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        participants: list[dict[str, Any]] | None | Unset
        if isinstance(self.participants, Unset):
            participants = UNSET
        elif isinstance(self.participants, list):
            participants = []
            for participants_type_0_item_data in self.participants:
                participants_type_0_item = participants_type_0_item_data.to_dict()
                participants.append(participants_type_0_item)

        else:
            participants = self.participants

        every: None | str | Unset
        if isinstance(self.every, Unset):
            every = UNSET
        else:
            every = self.every

        first_visit_on: None | str | Unset
        if isinstance(self.first_visit_on, Unset):
            first_visit_on = UNSET
        elif isinstance(self.first_visit_on, datetime.date):
            first_visit_on = self.first_visit_on.isoformat()
        else:
            first_visit_on = self.first_visit_on

        duration_minutes: int | None | Unset
        if isinstance(self.duration_minutes, Unset):
            duration_minutes = UNSET
        else:
            duration_minutes = self.duration_minutes

        supervised: bool | None | Unset
        if isinstance(self.supervised, Unset):
            supervised = UNSET
        else:
            supervised = self.supervised

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

        ended_on: None | str | Unset
        if isinstance(self.ended_on, Unset):
            ended_on = UNSET
        elif isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        end_reason: None | str | Unset
        if isinstance(self.end_reason, Unset):
            end_reason = UNSET
        else:
            end_reason = self.end_reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "change_reason": change_reason,
            }
        )
        if decided_by is not UNSET:
            field_dict["decided_by"] = decided_by
        if decided_on is not UNSET:
            field_dict["decided_on"] = decided_on
        if reference is not UNSET:
            field_dict["reference"] = reference
        if participants is not UNSET:
            field_dict["participants"] = participants
        if every is not UNSET:
            field_dict["every"] = every
        if first_visit_on is not UNSET:
            field_dict["first_visit_on"] = first_visit_on
        if duration_minutes is not UNSET:
            field_dict["duration_minutes"] = duration_minutes
        if supervised is not UNSET:
            field_dict["supervised"] = supervised
        if supervised_by is not UNSET:
            field_dict["supervised_by"] = supervised_by
        if place is not UNSET:
            field_dict["place"] = place
        if minimum is not UNSET:
            field_dict["minimum"] = minimum
        if notes is not UNSET:
            field_dict["notes"] = notes
        if ended_on is not UNSET:
            field_dict["ended_on"] = ended_on
        if end_reason is not UNSET:
            field_dict["end_reason"] = end_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.participant import Participant  # noqa: PLC0415

        d = dict(src_dict)
        change_reason = d.pop("change_reason")

        def _parse_decided_by(data: object) -> DecidedBy | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_by_type_0 = DecidedBy(data)

                return decided_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DecidedBy | None | Unset, data)

        decided_by = _parse_decided_by(d.pop("decided_by", UNSET))

        def _parse_decided_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_on_type_0 = datetime.date.fromisoformat(data)

                return decided_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        decided_on = _parse_decided_on(d.pop("decided_on", UNSET))

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        def _parse_participants(data: object) -> list[Participant] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                participants_type_0 = []
                _participants_type_0 = data
                for participants_type_0_item_data in _participants_type_0:
                    participants_type_0_item = Participant.from_dict(participants_type_0_item_data)

                    participants_type_0.append(participants_type_0_item)

                return participants_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Participant] | None | Unset, data)

        participants = _parse_participants(d.pop("participants", UNSET))

        def _parse_every(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        every = _parse_every(d.pop("every", UNSET))

        def _parse_first_visit_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_visit_on_type_0 = datetime.date.fromisoformat(data)

                return first_visit_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        first_visit_on = _parse_first_visit_on(d.pop("first_visit_on", UNSET))

        def _parse_duration_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration_minutes = _parse_duration_minutes(d.pop("duration_minutes", UNSET))

        def _parse_supervised(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        supervised = _parse_supervised(d.pop("supervised", UNSET))

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

        def _parse_ended_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_on_type_0 = datetime.date.fromisoformat(data)

                return ended_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        ended_on = _parse_ended_on(d.pop("ended_on", UNSET))

        def _parse_end_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        end_reason = _parse_end_reason(d.pop("end_reason", UNSET))

        arrangement_update = cls(
            change_reason=change_reason,
            decided_by=decided_by,
            decided_on=decided_on,
            reference=reference,
            participants=participants,
            every=every,
            first_visit_on=first_visit_on,
            duration_minutes=duration_minutes,
            supervised=supervised,
            supervised_by=supervised_by,
            place=place,
            minimum=minimum,
            notes=notes,
            ended_on=ended_on,
            end_reason=end_reason,
        )

        return arrangement_update
