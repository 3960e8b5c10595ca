from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VisitorRead")


@_attrs_define
class VisitorRead:
    """
    Attributes:
        id (UUID):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        service_id (UUID):
        placement_id (UUID):
        name (str):
        phone (None | str):
        email (None | str):
        appointed_on (datetime.date):
        police_certificate_checked_on (datetime.date | None):
        training_completed_on (datetime.date | None):
        agreement_signed_on (datetime.date | None):
        ended_on (datetime.date | None):
        end_reason (None | str):
        appointed_by (str):
        current (bool): The appointment has not ended.
    """

    id: UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    service_id: UUID
    placement_id: UUID
    name: str
    phone: None | str
    email: None | str
    appointed_on: datetime.date
    police_certificate_checked_on: datetime.date | None
    training_completed_on: datetime.date | None
    agreement_signed_on: datetime.date | None
    ended_on: datetime.date | None
    end_reason: None | str
    appointed_by: str
    current: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        service_id = str(self.service_id)

        placement_id = str(self.placement_id)

        name = self.name

        phone: None | str
        phone = self.phone

        email: None | str
        email = self.email

        appointed_on = self.appointed_on.isoformat()

        police_certificate_checked_on: None | str
        if isinstance(self.police_certificate_checked_on, datetime.date):
            police_certificate_checked_on = self.police_certificate_checked_on.isoformat()
        else:
            police_certificate_checked_on = self.police_certificate_checked_on

        training_completed_on: None | str
        if isinstance(self.training_completed_on, datetime.date):
            training_completed_on = self.training_completed_on.isoformat()
        else:
            training_completed_on = self.training_completed_on

        agreement_signed_on: None | str
        if isinstance(self.agreement_signed_on, datetime.date):
            agreement_signed_on = self.agreement_signed_on.isoformat()
        else:
            agreement_signed_on = self.agreement_signed_on

        ended_on: None | str
        if isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        end_reason: None | str
        end_reason = self.end_reason

        appointed_by = self.appointed_by

        current = self.current

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "updated_at": updated_at,
                "service_id": service_id,
                "placement_id": placement_id,
                "name": name,
                "phone": phone,
                "email": email,
                "appointed_on": appointed_on,
                "police_certificate_checked_on": police_certificate_checked_on,
                "training_completed_on": training_completed_on,
                "agreement_signed_on": agreement_signed_on,
                "ended_on": ended_on,
                "end_reason": end_reason,
                "appointed_by": appointed_by,
                "current": current,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        service_id = UUID(d.pop("service_id"))

        placement_id = UUID(d.pop("placement_id"))

        name = d.pop("name")

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        appointed_on = datetime.date.fromisoformat(d.pop("appointed_on"))

        def _parse_police_certificate_checked_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                police_certificate_checked_on_type_0 = datetime.date.fromisoformat(data)

                return police_certificate_checked_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        police_certificate_checked_on = _parse_police_certificate_checked_on(d.pop("police_certificate_checked_on"))

        def _parse_training_completed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                training_completed_on_type_0 = datetime.date.fromisoformat(data)

                return training_completed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        training_completed_on = _parse_training_completed_on(d.pop("training_completed_on"))

        def _parse_agreement_signed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                agreement_signed_on_type_0 = datetime.date.fromisoformat(data)

                return agreement_signed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        agreement_signed_on = _parse_agreement_signed_on(d.pop("agreement_signed_on"))

        def _parse_ended_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_on_type_0 = datetime.date.fromisoformat(data)

                return ended_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ended_on = _parse_ended_on(d.pop("ended_on"))

        def _parse_end_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        end_reason = _parse_end_reason(d.pop("end_reason"))

        appointed_by = d.pop("appointed_by")

        current = d.pop("current")

        visitor_read = cls(
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            service_id=service_id,
            placement_id=placement_id,
            name=name,
            phone=phone,
            email=email,
            appointed_on=appointed_on,
            police_certificate_checked_on=police_certificate_checked_on,
            training_completed_on=training_completed_on,
            agreement_signed_on=agreement_signed_on,
            ended_on=ended_on,
            end_reason=end_reason,
            appointed_by=appointed_by,
            current=current,
        )

        visitor_read.additional_properties = d
        return visitor_read

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
