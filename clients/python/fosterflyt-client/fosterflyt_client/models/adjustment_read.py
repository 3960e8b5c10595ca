from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.adjustment_read_steps import AdjustmentReadSteps


T = TypeVar("T", bound="AdjustmentRead")


@_attrs_define
class AdjustmentRead:
    """
    Attributes:
        id (UUID):
        service_id (UUID):
        definition_key (str):
        steps (AdjustmentReadSteps):
        changed_by (str):
        updated_at (datetime.datetime):
    """

    id: UUID
    service_id: UUID
    definition_key: str
    steps: AdjustmentReadSteps
    changed_by: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        service_id = str(self.service_id)

        definition_key = self.definition_key

        steps = self.steps.to_dict()

        changed_by = self.changed_by

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "service_id": service_id,
                "definition_key": definition_key,
                "steps": steps,
                "changed_by": changed_by,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.adjustment_read_steps import AdjustmentReadSteps  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        service_id = UUID(d.pop("service_id"))

        definition_key = d.pop("definition_key")

        steps = AdjustmentReadSteps.from_dict(d.pop("steps"))

        changed_by = d.pop("changed_by")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        adjustment_read = cls(
            id=id,
            service_id=service_id,
            definition_key=definition_key,
            steps=steps,
            changed_by=changed_by,
            updated_at=updated_at,
        )

        adjustment_read.additional_properties = d
        return adjustment_read

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
