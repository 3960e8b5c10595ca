from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.instance_status import InstanceStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="WorkflowRead")


@_attrs_define
class WorkflowRead:
    """
    Attributes:
        id (UUID):
        service_id (UUID):
        placement_id (UUID):
        definition_key (str):
        definition_version (int):
        status (InstanceStatus):
        workflow_start (datetime.date):
        planned_from (datetime.date | None):
        outcome (None | str):
        completed_at (datetime.datetime | None):
        started_by (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        parent_household_id (None | Unset | UUID): The household of the child's parents this run follows up, for a
            workflow planned per parent household.
    """

    id: UUID
    service_id: UUID
    placement_id: UUID
    definition_key: str
    definition_version: int
    status: InstanceStatus
    workflow_start: datetime.date
    planned_from: datetime.date | None
    outcome: None | str
    completed_at: datetime.datetime | None
    started_by: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    parent_household_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        service_id = str(self.service_id)

        placement_id = str(self.placement_id)

        definition_key = self.definition_key

        definition_version = self.definition_version

        status = self.status.value

        workflow_start = self.workflow_start.isoformat()

        planned_from: None | str
        if isinstance(self.planned_from, datetime.date):
            planned_from = self.planned_from.isoformat()
        else:
            planned_from = self.planned_from

        outcome: None | str
        outcome = self.outcome

        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        started_by = self.started_by

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        parent_household_id: None | str | Unset
        if isinstance(self.parent_household_id, Unset):
            parent_household_id = UNSET
        elif isinstance(self.parent_household_id, UUID):
            parent_household_id = str(self.parent_household_id)
        else:
            parent_household_id = self.parent_household_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "service_id": service_id,
                "placement_id": placement_id,
                "definition_key": definition_key,
                "definition_version": definition_version,
                "status": status,
                "workflow_start": workflow_start,
                "planned_from": planned_from,
                "outcome": outcome,
                "completed_at": completed_at,
                "started_by": started_by,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if parent_household_id is not UNSET:
            field_dict["parent_household_id"] = parent_household_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        service_id = UUID(d.pop("service_id"))

        placement_id = UUID(d.pop("placement_id"))

        definition_key = d.pop("definition_key")

        definition_version = d.pop("definition_version")

        status = InstanceStatus(d.pop("status"))

        workflow_start = datetime.date.fromisoformat(d.pop("workflow_start"))

        def _parse_planned_from(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                planned_from_type_0 = datetime.date.fromisoformat(data)

                return planned_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        planned_from = _parse_planned_from(d.pop("planned_from"))

        def _parse_outcome(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome = _parse_outcome(d.pop("outcome"))

        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))

        started_by = d.pop("started_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_parent_household_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_household_id_type_0 = UUID(data)

                return parent_household_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        parent_household_id = _parse_parent_household_id(d.pop("parent_household_id", UNSET))

        workflow_read = cls(
            id=id,
            service_id=service_id,
            placement_id=placement_id,
            definition_key=definition_key,
            definition_version=definition_version,
            status=status,
            workflow_start=workflow_start,
            planned_from=planned_from,
            outcome=outcome,
            completed_at=completed_at,
            started_by=started_by,
            created_at=created_at,
            updated_at=updated_at,
            parent_household_id=parent_household_id,
        )

        workflow_read.additional_properties = d
        return workflow_read

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
