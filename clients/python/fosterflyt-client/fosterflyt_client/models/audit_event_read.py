from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action import Action
from ..models.outcome import Outcome

T = TypeVar("T", bound="AuditEventRead")


@_attrs_define
class AuditEventRead:
    """One access to personal data. Ids only: never a name or a national id.

    Attributes:
        id (int):
        occurred_at (datetime.datetime):
        service_id (None | UUID): The service the entry belongs to: the owner of the resource (also when another
            service's caller was refused).
        actor_subject (str): The token's `sub`.
        actor_role (str):
        actor_staff_id (None | UUID):
        actor_service_ids (list[UUID]): The services the caller acts for.
        on_behalf_of (None | str): `X-On-Behalf-Of` as the caller sent it.
        action (Action):
        resource_type (str):
        resource_id (None | UUID): None for a search or a refused list.
        child_id (None | UUID): The child whose data it was, when one was.
        operation (None | str): The OpenAPI operationId, e.g. `getPlacement`.
        request_id (None | str): `X-Request-ID` of the request.
        outcome (Outcome):
        detail (None | str): For a refused attempt the problem type slug (`not-found`, `forbidden`); for a download its
            format and source.
    """

    id: int
    occurred_at: datetime.datetime
    service_id: None | UUID
    actor_subject: str
    actor_role: str
    actor_staff_id: None | UUID
    actor_service_ids: list[UUID]
    on_behalf_of: None | str
    action: Action
    resource_type: str
    resource_id: None | UUID
    child_id: None | UUID
    operation: None | str
    request_id: None | str
    outcome: Outcome
    detail: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        occurred_at = self.occurred_at.isoformat()

        service_id: None | str
        if isinstance(self.service_id, UUID):
            service_id = str(self.service_id)
        else:
            service_id = self.service_id

        actor_subject = self.actor_subject

        actor_role = self.actor_role

        actor_staff_id: None | str
        if isinstance(self.actor_staff_id, UUID):
            actor_staff_id = str(self.actor_staff_id)
        else:
            actor_staff_id = self.actor_staff_id

        actor_service_ids = []
        for actor_service_ids_item_data in self.actor_service_ids:
            actor_service_ids_item = str(actor_service_ids_item_data)
            actor_service_ids.append(actor_service_ids_item)

        on_behalf_of: None | str
        on_behalf_of = self.on_behalf_of

        action = self.action.value

        resource_type = self.resource_type

        resource_id: None | str
        if isinstance(self.resource_id, UUID):
            resource_id = str(self.resource_id)
        else:
            resource_id = self.resource_id

        child_id: None | str
        if isinstance(self.child_id, UUID):
            child_id = str(self.child_id)
        else:
            child_id = self.child_id

        operation: None | str
        operation = self.operation

        request_id: None | str
        request_id = self.request_id

        outcome = self.outcome.value

        detail: None | str
        detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "occurred_at": occurred_at,
                "service_id": service_id,
                "actor_subject": actor_subject,
                "actor_role": actor_role,
                "actor_staff_id": actor_staff_id,
                "actor_service_ids": actor_service_ids,
                "on_behalf_of": on_behalf_of,
                "action": action,
                "resource_type": resource_type,
                "resource_id": resource_id,
                "child_id": child_id,
                "operation": operation,
                "request_id": request_id,
                "outcome": outcome,
                "detail": detail,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        def _parse_service_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                service_id_type_0 = UUID(data)

                return service_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        service_id = _parse_service_id(d.pop("service_id"))

        actor_subject = d.pop("actor_subject")

        actor_role = d.pop("actor_role")

        def _parse_actor_staff_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_staff_id_type_0 = UUID(data)

                return actor_staff_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        actor_staff_id = _parse_actor_staff_id(d.pop("actor_staff_id"))

        actor_service_ids = []
        _actor_service_ids = d.pop("actor_service_ids")
        for actor_service_ids_item_data in _actor_service_ids:
            actor_service_ids_item = UUID(actor_service_ids_item_data)

            actor_service_ids.append(actor_service_ids_item)

        def _parse_on_behalf_of(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        on_behalf_of = _parse_on_behalf_of(d.pop("on_behalf_of"))

        action = Action(d.pop("action"))

        resource_type = d.pop("resource_type")

        def _parse_resource_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resource_id_type_0 = UUID(data)

                return resource_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        resource_id = _parse_resource_id(d.pop("resource_id"))

        def _parse_child_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                child_id_type_0 = UUID(data)

                return child_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        child_id = _parse_child_id(d.pop("child_id"))

        def _parse_operation(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        operation = _parse_operation(d.pop("operation"))

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        outcome = Outcome(d.pop("outcome"))

        def _parse_detail(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        detail = _parse_detail(d.pop("detail"))

        audit_event_read = cls(
            id=id,
            occurred_at=occurred_at,
            service_id=service_id,
            actor_subject=actor_subject,
            actor_role=actor_role,
            actor_staff_id=actor_staff_id,
            actor_service_ids=actor_service_ids,
            on_behalf_of=on_behalf_of,
            action=action,
            resource_type=resource_type,
            resource_id=resource_id,
            child_id=child_id,
            operation=operation,
            request_id=request_id,
            outcome=outcome,
            detail=detail,
        )

        audit_event_read.additional_properties = d
        return audit_event_read

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
