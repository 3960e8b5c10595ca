from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.relation import Relation

if TYPE_CHECKING:
    from ..models.address_read import AddressRead


T = TypeVar("T", bound="ParentRead")


@_attrs_define
class ParentRead:
    """
    Attributes:
        id (UUID):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        service_id (UUID):
        child_id (UUID):
        name (str):
        relation (Relation):
        relation_text (None | str):
        phone (None | str):
        email (None | str):
        address (AddressRead | None):
        parental_responsibility (bool):
        wants_follow_up (bool):
        declined_on (datetime.date | None):
        decline_note (None | str):
        household_id (UUID): Parents with the same household_id live together and are followed up together.
        followed_up (bool): Offered the follow-up conversations: wants_follow_up and not declined.
    """

    id: UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    service_id: UUID
    child_id: UUID
    name: str
    relation: Relation
    relation_text: None | str
    phone: None | str
    email: None | str
    address: AddressRead | None
    parental_responsibility: bool
    wants_follow_up: bool
    declined_on: datetime.date | None
    decline_note: None | str
    household_id: UUID
    followed_up: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.address_read import AddressRead  # noqa: PLC0415

        id = str(self.id)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        service_id = str(self.service_id)

        child_id = str(self.child_id)

        name = self.name

        relation = self.relation.value

        relation_text: None | str
        relation_text = self.relation_text

        phone: None | str
        phone = self.phone

        email: None | str
        email = self.email

        address: dict[str, Any] | None
        if isinstance(self.address, AddressRead):
            address = self.address.to_dict()
        else:
            address = self.address

        parental_responsibility = self.parental_responsibility

        wants_follow_up = self.wants_follow_up

        declined_on: None | str
        if isinstance(self.declined_on, datetime.date):
            declined_on = self.declined_on.isoformat()
        else:
            declined_on = self.declined_on

        decline_note: None | str
        decline_note = self.decline_note

        household_id = str(self.household_id)

        followed_up = self.followed_up

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "updated_at": updated_at,
                "service_id": service_id,
                "child_id": child_id,
                "name": name,
                "relation": relation,
                "relation_text": relation_text,
                "phone": phone,
                "email": email,
                "address": address,
                "parental_responsibility": parental_responsibility,
                "wants_follow_up": wants_follow_up,
                "declined_on": declined_on,
                "decline_note": decline_note,
                "household_id": household_id,
                "followed_up": followed_up,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address_read import AddressRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        service_id = UUID(d.pop("service_id"))

        child_id = UUID(d.pop("child_id"))

        name = d.pop("name")

        relation = Relation(d.pop("relation"))

        def _parse_relation_text(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        relation_text = _parse_relation_text(d.pop("relation_text"))

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

        def _parse_address(data: object) -> AddressRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                address_type_0 = AddressRead.from_dict(data)

                return address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AddressRead | None, data)

        address = _parse_address(d.pop("address"))

        parental_responsibility = d.pop("parental_responsibility")

        wants_follow_up = d.pop("wants_follow_up")

        def _parse_declined_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                declined_on_type_0 = datetime.date.fromisoformat(data)

                return declined_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        declined_on = _parse_declined_on(d.pop("declined_on"))

        def _parse_decline_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decline_note = _parse_decline_note(d.pop("decline_note"))

        household_id = UUID(d.pop("household_id"))

        followed_up = d.pop("followed_up")

        parent_read = cls(
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            service_id=service_id,
            child_id=child_id,
            name=name,
            relation=relation,
            relation_text=relation_text,
            phone=phone,
            email=email,
            address=address,
            parental_responsibility=parental_responsibility,
            wants_follow_up=wants_follow_up,
            declined_on=declined_on,
            decline_note=decline_note,
            household_id=household_id,
            followed_up=followed_up,
        )

        parent_read.additional_properties = d
        return parent_read

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
