from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.external_ref import ExternalRef


T = TypeVar("T", bound="ChildCreate")


@_attrs_define
class ChildCreate:
    """
    Attributes:
        given_name (str):
        family_name (str):
        birth_date (datetime.date): From 1900-01-01, not in the future.
        national_id (None | str | Unset):
        external_ref (ExternalRef | None | Unset):
    """

    given_name: str
    family_name: str
    birth_date: datetime.date
    national_id: None | str | Unset = UNSET
    external_ref: ExternalRef | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.external_ref import ExternalRef  # noqa: PLC0415

        given_name = self.given_name

        family_name = self.family_name

        birth_date = self.birth_date.isoformat()

        national_id: None | str | Unset
        if isinstance(self.national_id, Unset):
            national_id = UNSET
        else:
            national_id = self.national_id

        external_ref: dict[str, Any] | None | Unset
        if isinstance(self.external_ref, Unset):
            external_ref = UNSET
        elif isinstance(self.external_ref, ExternalRef):
            external_ref = self.external_ref.to_dict()
        else:
            external_ref = self.external_ref

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "given_name": given_name,
                "family_name": family_name,
                "birth_date": birth_date,
            }
        )
        if national_id is not UNSET:
            field_dict["national_id"] = national_id
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.external_ref import ExternalRef  # noqa: PLC0415

        d = dict(src_dict)
        given_name = d.pop("given_name")

        family_name = d.pop("family_name")

        birth_date = datetime.date.fromisoformat(d.pop("birth_date"))

        def _parse_national_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        national_id = _parse_national_id(d.pop("national_id", UNSET))

        def _parse_external_ref(data: object) -> ExternalRef | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                external_ref_type_0 = ExternalRef.from_dict(data)

                return external_ref_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExternalRef | None | Unset, data)

        external_ref = _parse_external_ref(d.pop("external_ref", UNSET))

        child_create = cls(
            given_name=given_name,
            family_name=family_name,
            birth_date=birth_date,
            national_id=national_id,
            external_ref=external_ref,
        )

        return child_create
