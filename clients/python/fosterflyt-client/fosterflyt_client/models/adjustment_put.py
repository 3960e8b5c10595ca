from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.starts import Starts
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.adjustment_put_steps import AdjustmentPutSteps


T = TypeVar("T", bound="AdjustmentPut")


@_attrs_define
class AdjustmentPut:
    """The service's whole adjustment of one workflow (steps left out follow the definition).

    Attributes:
        steps (AdjustmentPutSteps | Unset):
        start (None | Starts | Unset): on_request: the workflow no longer starts with every placement; a contact person
            starts it for a placement (POST /v1/placements/{id}/workflows). Only for a programme a service may choose
            (optional: true in the definition, e.g. En god start). Left out: as the definition says.
    """

    steps: AdjustmentPutSteps | Unset = UNSET
    start: None | Starts | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        steps: dict[str, Any] | Unset = UNSET
        if not isinstance(self.steps, Unset):
            steps = self.steps.to_dict()

        start: None | str | Unset
        if isinstance(self.start, Unset):
            start = UNSET
        elif isinstance(self.start, Starts):
            start = self.start.value
        else:
            start = self.start

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if steps is not UNSET:
            field_dict["steps"] = steps
        if start is not UNSET:
            field_dict["start"] = start

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.adjustment_put_steps import AdjustmentPutSteps  # noqa: PLC0415

        d = dict(src_dict)
        _steps = d.pop("steps", UNSET)
        steps: AdjustmentPutSteps | Unset
        if isinstance(_steps, Unset):
            steps = UNSET
        else:
            steps = AdjustmentPutSteps.from_dict(_steps)

        def _parse_start(data: object) -> None | Starts | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_type_0 = Starts(data)

                return start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Starts | Unset, data)

        start = _parse_start(d.pop("start", UNSET))

        adjustment_put = cls(
            steps=steps,
            start=start,
        )

        return adjustment_put
