from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.care_plan_stage import CarePlanStage
from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanUpdate")


@_attrs_define
class PlanUpdate:
    """A revision: the changed fields and why. The plan keeps its id; the revision before stays
    in ``revisions``. The kind cannot change (register a new plan instead).

        Attributes:
            reason (str): Why the plan was revised (kept with the revision).
            stage (CarePlanStage | None | Unset): Care plans only, and required for them: preliminary (foreløpig, when the
                care order is made; one per child) or final (endelig).
            adopted_on (datetime.date | None | Unset): The day the plan was adopted: not after today nor after the placement
                ended; not before the move, except that a care plan or measures plan, made before the move, may be adopted up to
                three months before it.
            valid_until (datetime.date | None | Unset): Required for a measures plan (time-limited); on or after adopted_on.
            child_took_part (bool | None | Unset):
            parents_took_part (bool | None | Unset):
            foster_home_took_part (bool | None | Unset):
            participation_notes (None | str | Unset):
            summary (None | str | Unset):
            document_id (None | Unset | UUID):
    """

    reason: str
    stage: CarePlanStage | None | Unset = UNSET
    adopted_on: datetime.date | None | Unset = UNSET
    valid_until: datetime.date | None | Unset = UNSET
    child_took_part: bool | None | Unset = UNSET
    parents_took_part: bool | None | Unset = UNSET
    foster_home_took_part: bool | None | Unset = UNSET
    participation_notes: None | str | Unset = UNSET
    summary: None | str | Unset = UNSET
    document_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        stage: None | str | Unset
        if isinstance(self.stage, Unset):
            stage = UNSET
        elif isinstance(self.stage, CarePlanStage):
            stage = self.stage.value
        else:
            stage = self.stage

        adopted_on: None | str | Unset
        if isinstance(self.adopted_on, Unset):
            adopted_on = UNSET
        elif isinstance(self.adopted_on, datetime.date):
            adopted_on = self.adopted_on.isoformat()
        else:
            adopted_on = self.adopted_on

        valid_until: None | str | Unset
        if isinstance(self.valid_until, Unset):
            valid_until = UNSET
        elif isinstance(self.valid_until, datetime.date):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        child_took_part: bool | None | Unset
        if isinstance(self.child_took_part, Unset):
            child_took_part = UNSET
        else:
            child_took_part = self.child_took_part

        parents_took_part: bool | None | Unset
        if isinstance(self.parents_took_part, Unset):
            parents_took_part = UNSET
        else:
            parents_took_part = self.parents_took_part

        foster_home_took_part: bool | None | Unset
        if isinstance(self.foster_home_took_part, Unset):
            foster_home_took_part = UNSET
        else:
            foster_home_took_part = self.foster_home_took_part

        participation_notes: None | str | Unset
        if isinstance(self.participation_notes, Unset):
            participation_notes = UNSET
        else:
            participation_notes = self.participation_notes

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        document_id: None | str | Unset
        if isinstance(self.document_id, Unset):
            document_id = UNSET
        elif isinstance(self.document_id, UUID):
            document_id = str(self.document_id)
        else:
            document_id = self.document_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )
        if stage is not UNSET:
            field_dict["stage"] = stage
        if adopted_on is not UNSET:
            field_dict["adopted_on"] = adopted_on
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until
        if child_took_part is not UNSET:
            field_dict["child_took_part"] = child_took_part
        if parents_took_part is not UNSET:
            field_dict["parents_took_part"] = parents_took_part
        if foster_home_took_part is not UNSET:
            field_dict["foster_home_took_part"] = foster_home_took_part
        if participation_notes is not UNSET:
            field_dict["participation_notes"] = participation_notes
        if summary is not UNSET:
            field_dict["summary"] = summary
        if document_id is not UNSET:
            field_dict["document_id"] = document_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        def _parse_stage(data: object) -> CarePlanStage | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stage_type_0 = CarePlanStage(data)

                return stage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CarePlanStage | None | Unset, data)

        stage = _parse_stage(d.pop("stage", UNSET))

        def _parse_adopted_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                adopted_on_type_0 = datetime.date.fromisoformat(data)

                return adopted_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        adopted_on = _parse_adopted_on(d.pop("adopted_on", UNSET))

        def _parse_valid_until(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0 = datetime.date.fromisoformat(data)

                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_until = _parse_valid_until(d.pop("valid_until", UNSET))

        def _parse_child_took_part(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        child_took_part = _parse_child_took_part(d.pop("child_took_part", UNSET))

        def _parse_parents_took_part(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        parents_took_part = _parse_parents_took_part(d.pop("parents_took_part", UNSET))

        def _parse_foster_home_took_part(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        foster_home_took_part = _parse_foster_home_took_part(d.pop("foster_home_took_part", UNSET))

        def _parse_participation_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        participation_notes = _parse_participation_notes(d.pop("participation_notes", UNSET))

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        def _parse_document_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                document_id_type_0 = UUID(data)

                return document_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        document_id = _parse_document_id(d.pop("document_id", UNSET))

        plan_update = cls(
            reason=reason,
            stage=stage,
            adopted_on=adopted_on,
            valid_until=valid_until,
            child_took_part=child_took_part,
            parents_took_part=parents_took_part,
            foster_home_took_part=foster_home_took_part,
            participation_notes=participation_notes,
            summary=summary,
            document_id=document_id,
        )

        return plan_update
