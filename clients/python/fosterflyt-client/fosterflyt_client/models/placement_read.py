from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.breakdown_reason import BreakdownReason
from ..models.end_reason import EndReason
from ..models.legal_basis import LegalBasis
from ..models.placement_status import PlacementStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.external_ref import ExternalRef


T = TypeVar("T", bound="PlacementRead")


@_attrs_define
class PlacementRead:
    """
    Attributes:
        id (UUID):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        service_id (UUID):
        child_id (UUID):
        foster_home_id (UUID):
        contact_person_id (UUID):
        start_date (datetime.date):
        end_date (datetime.date | None):
        end_reason (EndReason | None):
        legal_basis (LegalBasis):
        agreement_end_date (datetime.date | None):
        care_order_date (datetime.date | None):
        status (PlacementStatus):
        external_ref (ExternalRef | None):
        supervisor_id (None | Unset | UUID):
        end_planned (bool | None | Unset):
        breakdown_reason (BreakdownReason | None | Unset):
    """

    id: UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    service_id: UUID
    child_id: UUID
    foster_home_id: UUID
    contact_person_id: UUID
    start_date: datetime.date
    end_date: datetime.date | None
    end_reason: EndReason | None
    legal_basis: LegalBasis
    agreement_end_date: datetime.date | None
    care_order_date: datetime.date | None
    status: PlacementStatus
    external_ref: ExternalRef | None
    supervisor_id: None | Unset | UUID = UNSET
    end_planned: bool | None | Unset = UNSET
    breakdown_reason: BreakdownReason | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.external_ref import ExternalRef  # noqa: PLC0415

        id = str(self.id)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        service_id = str(self.service_id)

        child_id = str(self.child_id)

        foster_home_id = str(self.foster_home_id)

        contact_person_id = str(self.contact_person_id)

        start_date = self.start_date.isoformat()

        end_date: None | str
        if isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        end_reason: None | str
        if isinstance(self.end_reason, EndReason):
            end_reason = self.end_reason.value
        else:
            end_reason = self.end_reason

        legal_basis = self.legal_basis.value

        agreement_end_date: None | str
        if isinstance(self.agreement_end_date, datetime.date):
            agreement_end_date = self.agreement_end_date.isoformat()
        else:
            agreement_end_date = self.agreement_end_date

        care_order_date: None | str
        if isinstance(self.care_order_date, datetime.date):
            care_order_date = self.care_order_date.isoformat()
        else:
            care_order_date = self.care_order_date

        status = self.status.value

        external_ref: dict[str, Any] | None
        if isinstance(self.external_ref, ExternalRef):
            external_ref = self.external_ref.to_dict()
        else:
            external_ref = self.external_ref

        supervisor_id: None | str | Unset
        if isinstance(self.supervisor_id, Unset):
            supervisor_id = UNSET
        elif isinstance(self.supervisor_id, UUID):
            supervisor_id = str(self.supervisor_id)
        else:
            supervisor_id = self.supervisor_id

        end_planned: bool | None | Unset
        if isinstance(self.end_planned, Unset):
            end_planned = UNSET
        else:
            end_planned = self.end_planned

        breakdown_reason: None | str | Unset
        if isinstance(self.breakdown_reason, Unset):
            breakdown_reason = UNSET
        elif isinstance(self.breakdown_reason, BreakdownReason):
            breakdown_reason = self.breakdown_reason.value
        else:
            breakdown_reason = self.breakdown_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "updated_at": updated_at,
                "service_id": service_id,
                "child_id": child_id,
                "foster_home_id": foster_home_id,
                "contact_person_id": contact_person_id,
                "start_date": start_date,
                "end_date": end_date,
                "end_reason": end_reason,
                "legal_basis": legal_basis,
                "agreement_end_date": agreement_end_date,
                "care_order_date": care_order_date,
                "status": status,
                "external_ref": external_ref,
            }
        )
        if supervisor_id is not UNSET:
            field_dict["supervisor_id"] = supervisor_id
        if end_planned is not UNSET:
            field_dict["end_planned"] = end_planned
        if breakdown_reason is not UNSET:
            field_dict["breakdown_reason"] = breakdown_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.external_ref import ExternalRef  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        service_id = UUID(d.pop("service_id"))

        child_id = UUID(d.pop("child_id"))

        foster_home_id = UUID(d.pop("foster_home_id"))

        contact_person_id = UUID(d.pop("contact_person_id"))

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        def _parse_end_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        end_date = _parse_end_date(d.pop("end_date"))

        def _parse_end_reason(data: object) -> EndReason | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_reason_type_0 = EndReason(data)

                return end_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EndReason | None, data)

        end_reason = _parse_end_reason(d.pop("end_reason"))

        legal_basis = LegalBasis(d.pop("legal_basis"))

        def _parse_agreement_end_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                agreement_end_date_type_0 = datetime.date.fromisoformat(data)

                return agreement_end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        agreement_end_date = _parse_agreement_end_date(d.pop("agreement_end_date"))

        def _parse_care_order_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                care_order_date_type_0 = datetime.date.fromisoformat(data)

                return care_order_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        care_order_date = _parse_care_order_date(d.pop("care_order_date"))

        status = PlacementStatus(d.pop("status"))

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

        def _parse_end_planned(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        end_planned = _parse_end_planned(d.pop("end_planned", UNSET))

        def _parse_breakdown_reason(data: object) -> BreakdownReason | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                breakdown_reason_type_0 = BreakdownReason(data)

                return breakdown_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BreakdownReason | None | Unset, data)

        breakdown_reason = _parse_breakdown_reason(d.pop("breakdown_reason", UNSET))

        placement_read = cls(
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            service_id=service_id,
            child_id=child_id,
            foster_home_id=foster_home_id,
            contact_person_id=contact_person_id,
            start_date=start_date,
            end_date=end_date,
            end_reason=end_reason,
            legal_basis=legal_basis,
            agreement_end_date=agreement_end_date,
            care_order_date=care_order_date,
            status=status,
            external_ref=external_ref,
            supervisor_id=supervisor_id,
            end_planned=end_planned,
            breakdown_reason=breakdown_reason,
        )

        placement_read.additional_properties = d
        return placement_read

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
