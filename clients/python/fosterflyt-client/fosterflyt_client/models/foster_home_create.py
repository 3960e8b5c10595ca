from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.foster_home_kind import FosterHomeKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address import Address
    from ..models.external_ref import ExternalRef
    from ..models.foster_parent import FosterParent


T = TypeVar("T", bound="FosterHomeCreate")


@_attrs_define
class FosterHomeCreate:
    """
    Attributes:
        name (str):
        kind (FosterHomeKind):
        foster_parents (list[FosterParent]):
        address (Address):
        municipality_number (str): Four-digit municipality number (kommunenummer).
        approved_date (datetime.date | None | Unset): When the home was approved; emergency homes may lack it.
        external_ref (ExternalRef | None | Unset):
    """

    name: str
    kind: FosterHomeKind
    foster_parents: list[FosterParent]
    address: Address
    municipality_number: str
    approved_date: datetime.date | None | Unset = UNSET
    external_ref: ExternalRef | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.external_ref import ExternalRef  # noqa: PLC0415

        name = self.name

        kind = self.kind.value

        foster_parents = []
        for foster_parents_item_data in self.foster_parents:
            foster_parents_item = foster_parents_item_data.to_dict()
            foster_parents.append(foster_parents_item)

        address = self.address.to_dict()

        municipality_number = self.municipality_number

        approved_date: None | str | Unset
        if isinstance(self.approved_date, Unset):
            approved_date = UNSET
        elif isinstance(self.approved_date, datetime.date):
            approved_date = self.approved_date.isoformat()
        else:
            approved_date = self.approved_date

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
                "name": name,
                "kind": kind,
                "foster_parents": foster_parents,
                "address": address,
                "municipality_number": municipality_number,
            }
        )
        if approved_date is not UNSET:
            field_dict["approved_date"] = approved_date
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.external_ref import ExternalRef  # noqa: PLC0415
        from ..models.foster_parent import FosterParent  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        kind = FosterHomeKind(d.pop("kind"))

        foster_parents = []
        _foster_parents = d.pop("foster_parents")
        for foster_parents_item_data in _foster_parents:
            foster_parents_item = FosterParent.from_dict(foster_parents_item_data)

            foster_parents.append(foster_parents_item)

        address = Address.from_dict(d.pop("address"))

        municipality_number = d.pop("municipality_number")

        def _parse_approved_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_date_type_0 = datetime.date.fromisoformat(data)

                return approved_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        approved_date = _parse_approved_date(d.pop("approved_date", UNSET))

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

        foster_home_create = cls(
            name=name,
            kind=kind,
            foster_parents=foster_parents,
            address=address,
            municipality_number=municipality_number,
            approved_date=approved_date,
            external_ref=external_ref,
        )

        return foster_home_create
