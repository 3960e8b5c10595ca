from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.team_order_data import TeamOrderData


T = TypeVar("T", bound="TeamOrderDeclinedEvent")


@_attrs_define
class TeamOrderDeclinedEvent:
    """A `team_order.declined` event.

    Attributes:
        id (UUID):
        type_ (Literal['team_order.declined']):
        occurred_at (datetime.datetime):
        service_id (UUID):
        subject_id (UUID): The placement, workflow, task or document.
        placement_id (None | UUID):
        data (TeamOrderData): Every step of an order says where the order now stands (never whom it is about).
    """

    id: UUID
    type_: Literal["team_order.declined"]
    occurred_at: datetime.datetime
    service_id: UUID
    subject_id: UUID
    placement_id: None | UUID
    data: TeamOrderData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        type_ = self.type_

        occurred_at = self.occurred_at.isoformat()

        service_id = str(self.service_id)

        subject_id = str(self.subject_id)

        placement_id: None | str
        if isinstance(self.placement_id, UUID):
            placement_id = str(self.placement_id)
        else:
            placement_id = self.placement_id

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "occurred_at": occurred_at,
                "service_id": service_id,
                "subject_id": subject_id,
                "placement_id": placement_id,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.team_order_data import TeamOrderData  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        type_ = cast(Literal["team_order.declined"], d.pop("type"))
        if type_ != "team_order.declined":
            raise ValueError(f"type must match const 'team_order.declined', got '{type_}'")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        service_id = UUID(d.pop("service_id"))

        subject_id = UUID(d.pop("subject_id"))

        def _parse_placement_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                placement_id_type_0 = UUID(data)

                return placement_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        placement_id = _parse_placement_id(d.pop("placement_id"))

        data = TeamOrderData.from_dict(d.pop("data"))

        team_order_declined_event = cls(
            id=id,
            type_=type_,
            occurred_at=occurred_at,
            service_id=service_id,
            subject_id=subject_id,
            placement_id=placement_id,
            data=data,
        )

        team_order_declined_event.additional_properties = d
        return team_order_declined_event

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
