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


T = TypeVar("T", bound="ParentCreate")


@_attrs_define
class ParentCreate:
    """
    Attributes:
        name (str): The parent's full name.
        relation (Relation):
        parental_responsibility (bool): Whether the parent has foreldreansvar.
        relation_text (None | str | Unset): What the relation is, for 'other'.
        phone (None | str | Unset):
        email (None | str | Unset):
        address (Address | None | Unset):
        wants_follow_up (bool | Unset): Whether the parent is to be offered the follow-up conversations (false: not
            relevant, e.g. no contact); a parent who was offered them and said no is recorded with declined_on instead.
            Default: True.
        declined_on (datetime.date | None | Unset): The day the parent declined the follow-up; not in the future.
        decline_note (None | str | Unset): What the parent said, and how.
        lives_with (None | Unset | UUID): Another parent of the same child this parent lives with: they share a
            household, one follow-up conversation and one letter.
    """

    name: str
    relation: Relation
    parental_responsibility: bool
    relation_text: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    address: Address | None | Unset = UNSET
    wants_follow_up: bool | Unset = True
    declined_on: datetime.date | None | Unset = UNSET
    decline_note: None | str | Unset = UNSET
    lives_with: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.address import Address  # noqa: PLC0415

        name = self.name

        relation = self.relation.value

        parental_responsibility = self.parental_responsibility

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

        field_dict.update(
            {
                "name": name,
                "relation": relation,
                "parental_responsibility": parental_responsibility,
            }
        )
        if relation_text is not UNSET:
            field_dict["relation_text"] = relation_text
        if phone is not UNSET:
            field_dict["phone"] = phone
        if email is not UNSET:
            field_dict["email"] = email
        if address is not UNSET:
            field_dict["address"] = address
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
        name = d.pop("name")

        relation = Relation(d.pop("relation"))

        parental_responsibility = d.pop("parental_responsibility")

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

        wants_follow_up = d.pop("wants_follow_up", UNSET)

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

        parent_create = cls(
            name=name,
            relation=relation,
            parental_responsibility=parental_responsibility,
            relation_text=relation_text,
            phone=phone,
            email=email,
            address=address,
            wants_follow_up=wants_follow_up,
            declined_on=declined_on,
            decline_note=decline_note,
            lives_with=lives_with,
        )

        return parent_create
