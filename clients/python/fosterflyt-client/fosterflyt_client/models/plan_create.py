from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.care_plan_stage import CarePlanStage
from ..models.plan_kind import PlanKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanCreate")


@_attrs_define
class PlanCreate:
    """
    Attributes:
        kind (PlanKind):
        adopted_on (datetime.date): The day the plan was adopted: not after today nor after the placement ended; not
            before the move, except that a care plan or measures plan, made before the move, may be adopted up to three
            months before it.
        child_took_part (bool): Participation must be documented (barnevernsloven § 1-4): whether the child, the parents
            and the foster home took part in making the plan, and in participation_notes how the child's views were heard or
            why someone did not take part.
        parents_took_part (bool):
        foster_home_took_part (bool):
        summary (str): The plan's goals and content, or a summary of them.
        stage (CarePlanStage | None | Unset): Care plans only, and required for them: preliminary (foreløpig, when the
            care order is made; one per child) or final (endelig).
        valid_until (datetime.date | None | Unset): Required for a measures plan (time-limited); on or after adopted_on.
        participation_notes (None | str | Unset):
        document_id (None | Unset | UUID): A document filled for this placement that holds the plan.
    """

    kind: PlanKind
    adopted_on: datetime.date
    child_took_part: bool
    parents_took_part: bool
    foster_home_took_part: bool
    summary: str
    stage: CarePlanStage | None | Unset = UNSET
    valid_until: datetime.date | None | Unset = UNSET
    participation_notes: None | str | Unset = UNSET
    document_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        adopted_on = self.adopted_on.isoformat()

        child_took_part = self.child_took_part

        parents_took_part = self.parents_took_part

        foster_home_took_part = self.foster_home_took_part

        summary = self.summary

        stage: None | str | Unset
        if isinstance(self.stage, Unset):
            stage = UNSET
        elif isinstance(self.stage, CarePlanStage):
            stage = self.stage.value
        else:
            stage = self.stage

        valid_until: None | str | Unset
        if isinstance(self.valid_until, Unset):
            valid_until = UNSET
        elif isinstance(self.valid_until, datetime.date):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        participation_notes: None | str | Unset
        if isinstance(self.participation_notes, Unset):
            participation_notes = UNSET
        else:
            participation_notes = self.participation_notes

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
                "kind": kind,
                "adopted_on": adopted_on,
                "child_took_part": child_took_part,
                "parents_took_part": parents_took_part,
                "foster_home_took_part": foster_home_took_part,
                "summary": summary,
            }
        )
        if stage is not UNSET:
            field_dict["stage"] = stage
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until
        if participation_notes is not UNSET:
            field_dict["participation_notes"] = participation_notes
        if document_id is not UNSET:
            field_dict["document_id"] = document_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = PlanKind(d.pop("kind"))

        adopted_on = datetime.date.fromisoformat(d.pop("adopted_on"))

        child_took_part = d.pop("child_took_part")

        parents_took_part = d.pop("parents_took_part")

        foster_home_took_part = d.pop("foster_home_took_part")

        summary = d.pop("summary")

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

        def _parse_participation_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        participation_notes = _parse_participation_notes(d.pop("participation_notes", UNSET))

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

        plan_create = cls(
            kind=kind,
            adopted_on=adopted_on,
            child_took_part=child_took_part,
            parents_took_part=parents_took_part,
            foster_home_took_part=foster_home_took_part,
            summary=summary,
            stage=stage,
            valid_until=valid_until,
            participation_notes=participation_notes,
            document_id=document_id,
        )

        return plan_create
