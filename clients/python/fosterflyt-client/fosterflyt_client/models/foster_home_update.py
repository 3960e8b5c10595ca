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


T = TypeVar("T", bound="FosterHomeUpdate")


@_attrs_define
class FosterHomeUpdate:
    """
    Attributes:
        name (None | str | Unset):
        kind (FosterHomeKind | None | Unset):
        foster_parents (list[FosterParent] | None | Unset):
        address (Address | None | Unset):
        municipality_number (None | str | Unset):
        approved_date (datetime.date | None | Unset):
        external_ref (ExternalRef | None | Unset):
    """

    name: None | str | Unset = UNSET
    kind: FosterHomeKind | None | Unset = UNSET
    foster_parents: list[FosterParent] | None | Unset = UNSET
    address: Address | None | Unset = UNSET
    municipality_number: None | str | Unset = UNSET
    approved_date: datetime.date | None | Unset = UNSET
    external_ref: ExternalRef | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.external_ref import ExternalRef  # noqa: PLC0415

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, FosterHomeKind):
            kind = self.kind.value
        else:
            kind = self.kind

        foster_parents: list[dict[str, Any]] | None | Unset
        if isinstance(self.foster_parents, Unset):
            foster_parents = UNSET
        elif isinstance(self.foster_parents, list):
            foster_parents = []
            for foster_parents_type_0_item_data in self.foster_parents:
                foster_parents_type_0_item = foster_parents_type_0_item_data.to_dict()
                foster_parents.append(foster_parents_type_0_item)

        else:
            foster_parents = self.foster_parents

        address: dict[str, Any] | None | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        elif isinstance(self.address, Address):
            address = self.address.to_dict()
        else:
            address = self.address

        municipality_number: None | str | Unset
        if isinstance(self.municipality_number, Unset):
            municipality_number = UNSET
        else:
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

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if kind is not UNSET:
            field_dict["kind"] = kind
        if foster_parents is not UNSET:
            field_dict["foster_parents"] = foster_parents
        if address is not UNSET:
            field_dict["address"] = address
        if municipality_number is not UNSET:
            field_dict["municipality_number"] = municipality_number
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

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_kind(data: object) -> FosterHomeKind | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = FosterHomeKind(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FosterHomeKind | None | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        def _parse_foster_parents(data: object) -> list[FosterParent] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                foster_parents_type_0 = []
                _foster_parents_type_0 = data
                for foster_parents_type_0_item_data in _foster_parents_type_0:
                    foster_parents_type_0_item = FosterParent.from_dict(foster_parents_type_0_item_data)

                    foster_parents_type_0.append(foster_parents_type_0_item)

                return foster_parents_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[FosterParent] | None | Unset, data)

        foster_parents = _parse_foster_parents(d.pop("foster_parents", UNSET))

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

        def _parse_municipality_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        municipality_number = _parse_municipality_number(d.pop("municipality_number", UNSET))

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

        foster_home_update = cls(
            name=name,
            kind=kind,
            foster_parents=foster_parents,
            address=address,
            municipality_number=municipality_number,
            approved_date=approved_date,
            external_ref=external_ref,
        )

        return foster_home_update
