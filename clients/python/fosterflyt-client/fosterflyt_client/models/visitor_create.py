from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="VisitorCreate")


@_attrs_define
class VisitorCreate:
    """Appoint a supervision visitor (tilsynsfører) for the placement.

    Attributes:
        name (str):
        appointed_on (datetime.date): The day of the appointment: not after today.
        phone (None | str | Unset):
        email (None | str | Unset):
        police_certificate_checked_on (datetime.date | None | Unset): The day the service saw the police certificate
            (politiattest).
        training_completed_on (datetime.date | None | Unset): The day the visitor completed tilsynsførerkurs; empty: not
            yet.
        agreement_signed_on (datetime.date | None | Unset): The day the assignment agreement was signed.
    """

    name: str
    appointed_on: datetime.date
    phone: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    police_certificate_checked_on: datetime.date | None | Unset = UNSET
    training_completed_on: datetime.date | None | Unset = UNSET
    agreement_signed_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        appointed_on = self.appointed_on.isoformat()

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

        police_certificate_checked_on: None | str | Unset
        if isinstance(self.police_certificate_checked_on, Unset):
            police_certificate_checked_on = UNSET
        elif isinstance(self.police_certificate_checked_on, datetime.date):
            police_certificate_checked_on = self.police_certificate_checked_on.isoformat()
        else:
            police_certificate_checked_on = self.police_certificate_checked_on

        training_completed_on: None | str | Unset
        if isinstance(self.training_completed_on, Unset):
            training_completed_on = UNSET
        elif isinstance(self.training_completed_on, datetime.date):
            training_completed_on = self.training_completed_on.isoformat()
        else:
            training_completed_on = self.training_completed_on

        agreement_signed_on: None | str | Unset
        if isinstance(self.agreement_signed_on, Unset):
            agreement_signed_on = UNSET
        elif isinstance(self.agreement_signed_on, datetime.date):
            agreement_signed_on = self.agreement_signed_on.isoformat()
        else:
            agreement_signed_on = self.agreement_signed_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "appointed_on": appointed_on,
            }
        )
        if phone is not UNSET:
            field_dict["phone"] = phone
        if email is not UNSET:
            field_dict["email"] = email
        if police_certificate_checked_on is not UNSET:
            field_dict["police_certificate_checked_on"] = police_certificate_checked_on
        if training_completed_on is not UNSET:
            field_dict["training_completed_on"] = training_completed_on
        if agreement_signed_on is not UNSET:
            field_dict["agreement_signed_on"] = agreement_signed_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        appointed_on = datetime.date.fromisoformat(d.pop("appointed_on"))

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

        def _parse_police_certificate_checked_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                police_certificate_checked_on_type_0 = datetime.date.fromisoformat(data)

                return police_certificate_checked_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        police_certificate_checked_on = _parse_police_certificate_checked_on(
            d.pop("police_certificate_checked_on", UNSET)
        )

        def _parse_training_completed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                training_completed_on_type_0 = datetime.date.fromisoformat(data)

                return training_completed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        training_completed_on = _parse_training_completed_on(d.pop("training_completed_on", UNSET))

        def _parse_agreement_signed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                agreement_signed_on_type_0 = datetime.date.fromisoformat(data)

                return agreement_signed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        agreement_signed_on = _parse_agreement_signed_on(d.pop("agreement_signed_on", UNSET))

        visitor_create = cls(
            name=name,
            appointed_on=appointed_on,
            phone=phone,
            email=email,
            police_certificate_checked_on=police_certificate_checked_on,
            training_completed_on=training_completed_on,
            agreement_signed_on=agreement_signed_on,
        )

        return visitor_create
