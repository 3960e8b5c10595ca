from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.relation import Relation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address import Address


T = TypeVar("T", bound="ParentUpdate")


@_attrs_define
class ParentUpdate:
    """
    Attributes:
        name (None | str | Unset):
        relation (None | Relation | Unset):
        relation_text (None | str | Unset):
        phone (None | str | Unset):
        email (None | str | Unset):
        address (Address | None | Unset):
        parental_responsibility (bool | None | Unset):
        wants_follow_up (bool | None | Unset):
        declined_on (datetime.date | None | Unset): null: the parent accepts the follow-up again (the decline note goes
            too).
        decline_note (None | str | Unset):
        lives_with (None | Unset | UUID): Another parent of the child this parent now lives with; null: the parent moved
            out and has a household of their own.
    """

    name: None | str | Unset = UNSET
    relation: None | Relation | Unset = UNSET
    relation_text: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    address: Address | None | Unset = UNSET
    parental_responsibility: bool | None | Unset = UNSET
    wants_follow_up: bool | None | Unset = UNSET
    declined_on: datetime.date | None | Unset = UNSET
    decline_note: None | str | Unset = UNSET
    lives_with: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.address import Address  # noqa: PLC0415

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        relation: None | str | Unset
        if isinstance(self.relation, Unset):
            relation = UNSET
        elif isinstance(self.relation, Relation):
            relation = self.relation.value
        else:
            relation = self.relation

        relation_text: None | str | Unset
        if isinstance(self.relation_text, Unset):
            relation_text = UNSET
        else:
            relation_text = self.relation_text

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        address: dict[str, Any] | None | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        elif isinstance(self.address, Address):
            address = self.address.to_dict()
        else:
            address = self.address

        parental_responsibility: bool | None | Unset
        if isinstance(self.parental_responsibility, Unset):
            parental_responsibility = UNSET
        else:
            parental_responsibility = self.parental_responsibility

        wants_follow_up: bool | None | Unset
        if isinstance(self.wants_follow_up, Unset):
            wants_follow_up = UNSET
        else:
            wants_follow_up = self.wants_follow_up

        declined_on: None | str | Unset
        if isinstance(self.declined_on, Unset):
            declined_on = UNSET
        elif isinstance(self.declined_on, datetime.date):
            declined_on = self.declined_on.isoformat()
        else:
            declined_on = self.declined_on

        decline_note: None | str | Unset
        if isinstance(self.decline_note, Unset):
            decline_note = UNSET
        else:
            decline_note = self.decline_note

        lives_with: None | str | Unset
        if isinstance(self.lives_with, Unset):
            lives_with = UNSET
        elif isinstance(self.lives_with, UUID):
            lives_with = str(self.lives_with)
        else:
            lives_with = self.lives_with

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if relation is not UNSET:
            field_dict["relation"] = relation
        if relation_text is not UNSET:
            field_dict["relation_text"] = relation_text
        if phone is not UNSET:
            field_dict["phone"] = phone
        if email is not UNSET:
            field_dict["email"] = email
        if address is not UNSET:
            field_dict["address"] = address
        if parental_responsibility is not UNSET:
            field_dict["parental_responsibility"] = parental_responsibility
        if wants_follow_up is not UNSET:
            field_dict["wants_follow_up"] = wants_follow_up
        if declined_on is not UNSET:
            field_dict["declined_on"] = declined_on
        if decline_note is not UNSET:
            field_dict["decline_note"] = decline_note
        if lives_with is not UNSET:
            field_dict["lives_with"] = lives_with

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address import Address  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_relation(data: object) -> None | Relation | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                relation_type_0 = Relation(data)

                return relation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Relation | Unset, data)

        relation = _parse_relation(d.pop("relation", UNSET))

        def _parse_relation_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        relation_text = _parse_relation_text(d.pop("relation_text", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_address(data: object) -> Address | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                address_type_0 = Address.from_dict(data)

                return address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Address | None | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        def _parse_parental_responsibility(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        parental_responsibility = _parse_parental_responsibility(d.pop("parental_responsibility", UNSET))

        def _parse_wants_follow_up(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        wants_follow_up = _parse_wants_follow_up(d.pop("wants_follow_up", UNSET))

        def _parse_declined_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                declined_on_type_0 = datetime.date.fromisoformat(data)

                return declined_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        declined_on = _parse_declined_on(d.pop("declined_on", UNSET))

        def _parse_decline_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decline_note = _parse_decline_note(d.pop("decline_note", UNSET))

        def _parse_lives_with(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lives_with_type_0 = UUID(data)

                return lives_with_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        lives_with = _parse_lives_with(d.pop("lives_with", UNSET))

        parent_update = cls(
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
            lives_with=lives_with,
        )

        return parent_update
