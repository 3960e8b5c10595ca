from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.objections import Objections


T = TypeVar("T", bound="VisitReductionCreate")


@_attrs_define
class VisitReductionCreate:
    """
    Attributes:
        effective_from (datetime.date): A date from 1900-01-01 to 2199-12-31.
        reason (str): Why fewer visits are enough (required).
        objections (Objections | Unset):
        objection_notes (None | str | Unset): Required when anyone objects: their view and why the reduction stands.
    """

    effective_from: datetime.date
    reason: str
    objections: Objections | Unset = UNSET
    objection_notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        effective_from = self.effective_from.isoformat()

        reason = self.reason

        objections: dict[str, Any] | Unset = UNSET
        if not isinstance(self.objections, Unset):
            objections = self.objections.to_dict()

        objection_notes: None | str | Unset
        if isinstance(self.objection_notes, Unset):
            objection_notes = UNSET
        else:
            objection_notes = self.objection_notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "effective_from": effective_from,
                "reason": reason,
            }
        )
        if objections is not UNSET:
            field_dict["objections"] = objections
        if objection_notes is not UNSET:
            field_dict["objection_notes"] = objection_notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.objections import Objections  # noqa: PLC0415

        d = dict(src_dict)
        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        reason = d.pop("reason")

        _objections = d.pop("objections", UNSET)
        objections: Objections | Unset
        if isinstance(_objections, Unset):
            objections = UNSET
        else:
            objections = Objections.from_dict(_objections)

        def _parse_objection_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        objection_notes = _parse_objection_notes(d.pop("objection_notes", UNSET))

        visit_reduction_create = cls(
            effective_from=effective_from,
            reason=reason,
            objections=objections,
            objection_notes=objection_notes,
        )

        return visit_reduction_create
