from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.foster_home_kind import FosterHomeKind

if TYPE_CHECKING:
    from ..models.address_read import AddressRead
    from ..models.external_ref import ExternalRef
    from ..models.foster_parent_read import FosterParentRead


T = TypeVar("T", bound="FosterHomeRead")


@_attrs_define
class FosterHomeRead:
    """
    Attributes:
        id (UUID):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        service_id (UUID):
        name (str):
        kind (FosterHomeKind):
        foster_parents (list[FosterParentRead]):
        address (AddressRead):
        municipality_number (str):
        approved_date (datetime.date | None):
        external_ref (ExternalRef | None):
    """

    id: UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    service_id: UUID
    name: str
    kind: FosterHomeKind
    foster_parents: list[FosterParentRead]
    address: AddressRead
    municipality_number: str
    approved_date: datetime.date | None
    external_ref: ExternalRef | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.external_ref import ExternalRef  # noqa: PLC0415

        id = str(self.id)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        service_id = str(self.service_id)

        name = self.name

        kind = self.kind.value

        foster_parents = []
        for foster_parents_item_data in self.foster_parents:
            foster_parents_item = foster_parents_item_data.to_dict()
            foster_parents.append(foster_parents_item)

        address = self.address.to_dict()

        municipality_number = self.municipality_number

        approved_date: None | str
        if isinstance(self.approved_date, datetime.date):
            approved_date = self.approved_date.isoformat()
        else:
            approved_date = self.approved_date

        external_ref: dict[str, Any] | None
        if isinstance(self.external_ref, ExternalRef):
            external_ref = self.external_ref.to_dict()
        else:
            external_ref = self.external_ref

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "updated_at": updated_at,
                "service_id": service_id,
                "name": name,
                "kind": kind,
                "foster_parents": foster_parents,
                "address": address,
                "municipality_number": municipality_number,
                "approved_date": approved_date,
                "external_ref": external_ref,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address_read import AddressRead  # noqa: PLC0415
        from ..models.external_ref import ExternalRef  # noqa: PLC0415
        from ..models.foster_parent_read import FosterParentRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        service_id = UUID(d.pop("service_id"))

        name = d.pop("name")

        kind = FosterHomeKind(d.pop("kind"))

        foster_parents = []
        _foster_parents = d.pop("foster_parents")
        for foster_parents_item_data in _foster_parents:
            foster_parents_item = FosterParentRead.from_dict(foster_parents_item_data)

            foster_parents.append(foster_parents_item)

        address = AddressRead.from_dict(d.pop("address"))

        municipality_number = d.pop("municipality_number")

        def _parse_approved_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_date_type_0 = datetime.date.fromisoformat(data)

                return approved_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        approved_date = _parse_approved_date(d.pop("approved_date"))

        def _parse_external_ref(data: object) -> ExternalRef | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                external_ref_type_0 = ExternalRef.from_dict(data)

                return external_ref_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExternalRef | None, data)

        external_ref = _parse_external_ref(d.pop("external_ref"))

        foster_home_read = cls(
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            service_id=service_id,
            name=name,
            kind=kind,
            foster_parents=foster_parents,
            address=address,
            municipality_number=municipality_number,
            approved_date=approved_date,
            external_ref=external_ref,
        )

        foster_home_read.additional_properties = d
        return foster_home_read

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
