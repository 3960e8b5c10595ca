from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.decided_by import DecidedBy

if TYPE_CHECKING:
    from ..models.participant_read import ParticipantRead
    from ..models.revision_read import RevisionRead


T = TypeVar("T", bound="ArrangementRead")


@_attrs_define
class ArrangementRead:
    """
    Attributes:
        id (UUID):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        service_id (UUID):
        placement_id (UUID):
        decided_by (DecidedBy):
        decided_on (datetime.date):
        reference (None | str):
        participants (list[ParticipantRead]):
        every (str):
        frequency_text (str): How often, in Norwegian (hver tredje måned).
        first_visit_on (datetime.date):
        duration_minutes (int | None):
        supervised (bool):
        supervised_by (None | str):
        place (None | str):
        minimum (None | str):
        notes (None | str):
        ended_on (datetime.date | None):
        end_reason (None | str):
        revision (int):
        revisions (list[RevisionRead]): Earlier values, oldest first.
        recorded_by (str):
    """

    id: UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    service_id: UUID
    placement_id: UUID
    decided_by: DecidedBy
    decided_on: datetime.date
    reference: None | str
    participants: list[ParticipantRead]
    every: str
    frequency_text: str
    first_visit_on: datetime.date
    duration_minutes: int | None
    supervised: bool
    supervised_by: None | str
    place: None | str
    minimum: None | str
    notes: None | str
    ended_on: datetime.date | None
    end_reason: None | str
    revision: int
    revisions: list[RevisionRead]
    recorded_by: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        service_id = str(self.service_id)

        placement_id = str(self.placement_id)

        decided_by = self.decided_by.value

        decided_on = self.decided_on.isoformat()

        reference: None | str
        reference = self.reference

        participants = []
        for participants_item_data in self.participants:
            participants_item = participants_item_data.to_dict()
            participants.append(participants_item)

        every = self.every

        frequency_text = self.frequency_text

        first_visit_on = self.first_visit_on.isoformat()

        duration_minutes: int | None
        duration_minutes = self.duration_minutes

        supervised = self.supervised

        supervised_by: None | str
        supervised_by = self.supervised_by

        place: None | str
        place = self.place

        minimum: None | str
        minimum = self.minimum

        notes: None | str
        notes = self.notes

        ended_on: None | str
        if isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        end_reason: None | str
        end_reason = self.end_reason

        revision = self.revision

        revisions = []
        for revisions_item_data in self.revisions:
            revisions_item = revisions_item_data.to_dict()
            revisions.append(revisions_item)

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
                "decided_by": decided_by,
                "decided_on": decided_on,
                "reference": reference,
                "participants": participants,
                "every": every,
                "frequency_text": frequency_text,
                "first_visit_on": first_visit_on,
                "duration_minutes": duration_minutes,
                "supervised": supervised,
                "supervised_by": supervised_by,
                "place": place,
                "minimum": minimum,
                "notes": notes,
                "ended_on": ended_on,
                "end_reason": end_reason,
                "revision": revision,
                "revisions": revisions,
                "recorded_by": recorded_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.participant_read import ParticipantRead  # noqa: PLC0415
        from ..models.revision_read import RevisionRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        service_id = UUID(d.pop("service_id"))

        placement_id = UUID(d.pop("placement_id"))

        decided_by = DecidedBy(d.pop("decided_by"))

        decided_on = datetime.date.fromisoformat(d.pop("decided_on"))

        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))

        participants = []
        _participants = d.pop("participants")
        for participants_item_data in _participants:
            participants_item = ParticipantRead.from_dict(participants_item_data)

            participants.append(participants_item)

        every = d.pop("every")

        frequency_text = d.pop("frequency_text")

        first_visit_on = datetime.date.fromisoformat(d.pop("first_visit_on"))

        def _parse_duration_minutes(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        duration_minutes = _parse_duration_minutes(d.pop("duration_minutes"))

        supervised = d.pop("supervised")

        def _parse_supervised_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        supervised_by = _parse_supervised_by(d.pop("supervised_by"))

        def _parse_place(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        place = _parse_place(d.pop("place"))

        def _parse_minimum(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        minimum = _parse_minimum(d.pop("minimum"))

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

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

        revision = d.pop("revision")

        revisions = []
        _revisions = d.pop("revisions")
        for revisions_item_data in _revisions:
            revisions_item = RevisionRead.from_dict(revisions_item_data)

            revisions.append(revisions_item)

        recorded_by = d.pop("recorded_by")

        arrangement_read = cls(
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            service_id=service_id,
            placement_id=placement_id,
            decided_by=decided_by,
            decided_on=decided_on,
            reference=reference,
            participants=participants,
            every=every,
            frequency_text=frequency_text,
            first_visit_on=first_visit_on,
            duration_minutes=duration_minutes,
            supervised=supervised,
            supervised_by=supervised_by,
            place=place,
            minimum=minimum,
            notes=notes,
            ended_on=ended_on,
            end_reason=end_reason,
            revision=revision,
            revisions=revisions,
            recorded_by=recorded_by,
        )

        arrangement_read.additional_properties = d
        return arrangement_read

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
