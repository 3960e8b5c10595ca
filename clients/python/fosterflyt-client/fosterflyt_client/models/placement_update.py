from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.legal_basis import LegalBasis
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.external_ref import ExternalRef


T = TypeVar("T", bound="PlacementUpdate")


@_attrs_define
class PlacementUpdate:
    """Change a running placement. A move to another foster home is a new placement, and a
    placement ends through ``POST /v1/placements/{id}/end``.

        Attributes:
            contact_person_id (None | Unset | UUID):
            supervisor_id (None | Unset | UUID): A foster-home supervisor (role supervisor) of the service: the assignee of
                the placement's supervisor steps (En god start, where a service gives them to a supervisor). The open supervisor
                tasks go to the new one; null: none.
            start_date (datetime.date | None | Unset):
            legal_basis (LegalBasis | None | Unset): A change closes the workflows that apply only to the old basis (their
                open tasks lapse) and starts those of the new one (care_order needs care_order_date).
            agreement_end_date (datetime.date | None | Unset):
            care_order_date (datetime.date | None | Unset): Required when legal_basis changes to care_order (an emergency or
                voluntary placement that became a care order): the tribunal's decision, on or after start_date and not after
                today. The care-order workflows then start, counting from it.
            external_ref (ExternalRef | None | Unset):
    """

    contact_person_id: None | Unset | UUID = UNSET
    supervisor_id: None | Unset | UUID = UNSET
    start_date: datetime.date | None | Unset = UNSET
    legal_basis: LegalBasis | None | Unset = UNSET
    agreement_end_date: datetime.date | None | Unset = UNSET
    care_order_date: datetime.date | None | Unset = UNSET
    external_ref: ExternalRef | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.external_ref import ExternalRef  # noqa: PLC0415

        contact_person_id: None | str | Unset
        if isinstance(self.contact_person_id, Unset):
            contact_person_id = UNSET
        elif isinstance(self.contact_person_id, UUID):
            contact_person_id = str(self.contact_person_id)
        else:
            contact_person_id = self.contact_person_id

        supervisor_id: None | str | Unset
        if isinstance(self.supervisor_id, Unset):
            supervisor_id = UNSET
        elif isinstance(self.supervisor_id, UUID):
            supervisor_id = str(self.supervisor_id)
        else:
            supervisor_id = self.supervisor_id

        start_date: None | str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        elif isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        legal_basis: None | str | Unset
        if isinstance(self.legal_basis, Unset):
            legal_basis = UNSET
        elif isinstance(self.legal_basis, LegalBasis):
            legal_basis = self.legal_basis.value
        else:
            legal_basis = self.legal_basis

        agreement_end_date: None | str | Unset
        if isinstance(self.agreement_end_date, Unset):
            agreement_end_date = UNSET
        elif isinstance(self.agreement_end_date, datetime.date):
            agreement_end_date = self.agreement_end_date.isoformat()
        else:
            agreement_end_date = self.agreement_end_date

        care_order_date: None | str | Unset
        if isinstance(self.care_order_date, Unset):
            care_order_date = UNSET
        elif isinstance(self.care_order_date, datetime.date):
            care_order_date = self.care_order_date.isoformat()
        else:
            care_order_date = self.care_order_date

        external_ref: dict[str, Any] | None | Unset
        if isinstance(self.external_ref, Unset):
            external_ref = UNSET
        elif isinstance(self.external_ref, ExternalRef):
            external_ref = self.external_ref.to_dict()
        else:
            external_ref = self.external_ref

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if contact_person_id is not UNSET:
            field_dict["contact_person_id"] = contact_person_id
        if supervisor_id is not UNSET:
            field_dict["supervisor_id"] = supervisor_id
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if legal_basis is not UNSET:
            field_dict["legal_basis"] = legal_basis
        if agreement_end_date is not UNSET:
            field_dict["agreement_end_date"] = agreement_end_date
        if care_order_date is not UNSET:
            field_dict["care_order_date"] = care_order_date
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.external_ref import ExternalRef  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_contact_person_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contact_person_id_type_0 = UUID(data)

                return contact_person_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        contact_person_id = _parse_contact_person_id(d.pop("contact_person_id", UNSET))

        def _parse_supervisor_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                supervisor_id_type_0 = UUID(data)

                return supervisor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        supervisor_id = _parse_supervisor_id(d.pop("supervisor_id", UNSET))

        def _parse_start_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.date.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        start_date = _parse_start_date(d.pop("start_date", UNSET))

        def _parse_legal_basis(data: object) -> LegalBasis | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                legal_basis_type_0 = LegalBasis(data)

                return legal_basis_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LegalBasis | None | Unset, data)

        legal_basis = _parse_legal_basis(d.pop("legal_basis", UNSET))

        def _parse_agreement_end_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                agreement_end_date_type_0 = datetime.date.fromisoformat(data)

                return agreement_end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        agreement_end_date = _parse_agreement_end_date(d.pop("agreement_end_date", UNSET))

        def _parse_care_order_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                care_order_date_type_0 = datetime.date.fromisoformat(data)

                return care_order_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        care_order_date = _parse_care_order_date(d.pop("care_order_date", UNSET))

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

        placement_update = cls(
            contact_person_id=contact_person_id,
            supervisor_id=supervisor_id,
            start_date=start_date,
            legal_basis=legal_basis,
            agreement_end_date=agreement_end_date,
            care_order_date=care_order_date,
            external_ref=external_ref,
        )

        return placement_update
