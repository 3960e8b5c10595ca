from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.starts import Starts
from ..types import UNSET, Unset

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
        start (None | Starts | Unset):
    """

    id: UUID
    service_id: UUID
    definition_key: str
    steps: AdjustmentReadSteps
    changed_by: str
    updated_at: datetime.datetime
    start: None | Starts | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        service_id = str(self.service_id)

        definition_key = self.definition_key

        steps = self.steps.to_dict()

        changed_by = self.changed_by

        updated_at = self.updated_at.isoformat()

        start: None | str | Unset
        if isinstance(self.start, Unset):
            start = UNSET
        elif isinstance(self.start, Starts):
            start = self.start.value
        else:
            start = self.start

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
        if start is not UNSET:
            field_dict["start"] = start

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

        adjustment_read = cls(
            id=id,
            service_id=service_id,
            definition_key=definition_key,
            steps=steps,
            changed_by=changed_by,
            updated_at=updated_at,
            start=start,
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
