from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.adjustment_put_steps import AdjustmentPutSteps


T = TypeVar("T", bound="AdjustmentPut")


@_attrs_define
class AdjustmentPut:
    """The service's whole adjustment of one workflow (steps left out follow the definition).

    Attributes:
        steps (AdjustmentPutSteps):
    """

    steps: AdjustmentPutSteps

    def to_dict(self) -> dict[str, Any]:
        steps = self.steps.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "steps": steps,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.adjustment_put_steps import AdjustmentPutSteps  # noqa: PLC0415

        d = dict(src_dict)
        steps = AdjustmentPutSteps.from_dict(d.pop("steps"))

        adjustment_put = cls(
            steps=steps,
        )

        return adjustment_put
