from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.care_plan_stage import CarePlanStage
from ..models.plan_kind import PlanKind

if TYPE_CHECKING:
    from ..models.plan_review_read import PlanReviewRead
    from ..models.plan_revision_read import PlanRevisionRead


T = TypeVar("T", bound="PlanRead")


@_attrs_define
class PlanRead:
    """
    Attributes:
        id (UUID):
        service_id (UUID):
        placement_id (UUID):
        child_id (UUID):
        kind (PlanKind):
        stage (CarePlanStage | None):
        adopted_on (datetime.date):
        valid_until (datetime.date | None):
        child_took_part (bool):
        parents_took_part (bool):
        foster_home_took_part (bool):
        participation_notes (None | str):
        summary (str):
        document_id (None | UUID):
        revision (int): 1 when registered, one more for each revision.
        recorded_by (str):
        revisions (list[PlanRevisionRead]): Every revision, the first first.
        reviews (list[PlanReviewRead]): Reviews recorded by the plan's review tasks, earliest first.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    service_id: UUID
    placement_id: UUID
    child_id: UUID
    kind: PlanKind
    stage: CarePlanStage | None
    adopted_on: datetime.date
    valid_until: datetime.date | None
    child_took_part: bool
    parents_took_part: bool
    foster_home_took_part: bool
    participation_notes: None | str
    summary: str
    document_id: None | UUID
    revision: int
    recorded_by: str
    revisions: list[PlanRevisionRead]
    reviews: list[PlanReviewRead]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        service_id = str(self.service_id)

        placement_id = str(self.placement_id)

        child_id = str(self.child_id)

        kind = self.kind.value

        stage: None | str
        if isinstance(self.stage, CarePlanStage):
            stage = self.stage.value
        else:
            stage = self.stage

        adopted_on = self.adopted_on.isoformat()

        valid_until: None | str
        if isinstance(self.valid_until, datetime.date):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        child_took_part = self.child_took_part

        parents_took_part = self.parents_took_part

        foster_home_took_part = self.foster_home_took_part

        participation_notes: None | str
        participation_notes = self.participation_notes

        summary = self.summary

        document_id: None | str
        if isinstance(self.document_id, UUID):
            document_id = str(self.document_id)
        else:
            document_id = self.document_id

        revision = self.revision

        recorded_by = self.recorded_by

        revisions = []
        for revisions_item_data in self.revisions:
            revisions_item = revisions_item_data.to_dict()
            revisions.append(revisions_item)

        reviews = []
        for reviews_item_data in self.reviews:
            reviews_item = reviews_item_data.to_dict()
            reviews.append(reviews_item)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "service_id": service_id,
                "placement_id": placement_id,
                "child_id": child_id,
                "kind": kind,
                "stage": stage,
                "adopted_on": adopted_on,
                "valid_until": valid_until,
                "child_took_part": child_took_part,
                "parents_took_part": parents_took_part,
                "foster_home_took_part": foster_home_took_part,
                "participation_notes": participation_notes,
                "summary": summary,
                "document_id": document_id,
                "revision": revision,
                "recorded_by": recorded_by,
                "revisions": revisions,
                "reviews": reviews,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_review_read import PlanReviewRead  # noqa: PLC0415
        from ..models.plan_revision_read import PlanRevisionRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        service_id = UUID(d.pop("service_id"))

        placement_id = UUID(d.pop("placement_id"))

        child_id = UUID(d.pop("child_id"))

        kind = PlanKind(d.pop("kind"))

        def _parse_stage(data: object) -> CarePlanStage | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stage_type_0 = CarePlanStage(data)

                return stage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CarePlanStage | None, data)

        stage = _parse_stage(d.pop("stage"))

        adopted_on = datetime.date.fromisoformat(d.pop("adopted_on"))

        def _parse_valid_until(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0 = datetime.date.fromisoformat(data)

                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        valid_until = _parse_valid_until(d.pop("valid_until"))

        child_took_part = d.pop("child_took_part")

        parents_took_part = d.pop("parents_took_part")

        foster_home_took_part = d.pop("foster_home_took_part")

        def _parse_participation_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        participation_notes = _parse_participation_notes(d.pop("participation_notes"))

        summary = d.pop("summary")

        def _parse_document_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                document_id_type_0 = UUID(data)

                return document_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        document_id = _parse_document_id(d.pop("document_id"))

        revision = d.pop("revision")

        recorded_by = d.pop("recorded_by")

        revisions = []
        _revisions = d.pop("revisions")
        for revisions_item_data in _revisions:
            revisions_item = PlanRevisionRead.from_dict(revisions_item_data)

            revisions.append(revisions_item)

        reviews = []
        _reviews = d.pop("reviews")
        for reviews_item_data in _reviews:
            reviews_item = PlanReviewRead.from_dict(reviews_item_data)

            reviews.append(reviews_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        plan_read = cls(
            id=id,
            service_id=service_id,
            placement_id=placement_id,
            child_id=child_id,
            kind=kind,
            stage=stage,
            adopted_on=adopted_on,
            valid_until=valid_until,
            child_took_part=child_took_part,
            parents_took_part=parents_took_part,
            foster_home_took_part=foster_home_took_part,
            participation_notes=participation_notes,
            summary=summary,
            document_id=document_id,
            revision=revision,
            recorded_by=recorded_by,
            revisions=revisions,
            reviews=reviews,
            created_at=created_at,
            updated_at=updated_at,
        )

        plan_read.additional_properties = d
        return plan_read

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
