from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.breakdown_reason import BreakdownReason
from ..models.end_reason import EndReason
from ..models.legal_basis import LegalBasis
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.external_ref import ExternalRef


T = TypeVar("T", bound="PlacementCreate")


@_attrs_define
class PlacementCreate:
    """
    Attributes:
        child_id (UUID):
        foster_home_id (UUID):
        contact_person_id (UUID): A contact person or leader of the service.
        start_date (datetime.date): A date from 1900-01-01 to 2199-12-31.
        legal_basis (LegalBasis):
        supervisor_id (None | Unset | UUID): A foster-home supervisor (role supervisor) of the service: the assignee of
            the placement's supervisor steps (En god start, where a service gives them to a supervisor).
        end_date (datetime.date | None | Unset): For a placement that has already ended (e.g. an import).
        end_reason (EndReason | None | Unset):
        end_planned (bool | None | Unset): Whether the end was planned (true) or a breakdown (false: an unintended end,
            with a breakdown_reason). Left out: not recorded.
        breakdown_reason (BreakdownReason | None | Unset): Why the placement broke down; required when end_planned is
            false, and only then.
        agreement_end_date (datetime.date | None | Unset): When the assignment agreement (oppdragsavtale) ends.
        care_order_date (datetime.date | None | Unset): With legal_basis care_order: the date of the tribunal's decision
            (nemndas vedtak), not after today. Left out, it is the child's previous placement's while that was on the care
            order. Parent follow-up and the return-home assessment count from it.
        external_ref (ExternalRef | None | Unset):
    """

    child_id: UUID
    foster_home_id: UUID
    contact_person_id: UUID
    start_date: datetime.date
    legal_basis: LegalBasis
    supervisor_id: None | Unset | UUID = UNSET
    end_date: datetime.date | None | Unset = UNSET
    end_reason: EndReason | None | Unset = UNSET
    end_planned: bool | None | Unset = UNSET
    breakdown_reason: BreakdownReason | None | Unset = UNSET
    agreement_end_date: datetime.date | None | Unset = UNSET
    care_order_date: datetime.date | None | Unset = UNSET
    external_ref: ExternalRef | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.external_ref import ExternalRef  # noqa: PLC0415

        child_id = str(self.child_id)

        foster_home_id = str(self.foster_home_id)

        contact_person_id = str(self.contact_person_id)

        start_date = self.start_date.isoformat()

        legal_basis = self.legal_basis.value

        supervisor_id: None | str | Unset
        if isinstance(self.supervisor_id, Unset):
            supervisor_id = UNSET
        elif isinstance(self.supervisor_id, UUID):
            supervisor_id = str(self.supervisor_id)
        else:
            supervisor_id = self.supervisor_id

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        end_reason: None | str | Unset
        if isinstance(self.end_reason, Unset):
            end_reason = UNSET
        elif isinstance(self.end_reason, EndReason):
            end_reason = self.end_reason.value
        else:
            end_reason = self.end_reason

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

        field_dict.update(
            {
                "child_id": child_id,
                "foster_home_id": foster_home_id,
                "contact_person_id": contact_person_id,
                "start_date": start_date,
                "legal_basis": legal_basis,
            }
        )
        if supervisor_id is not UNSET:
            field_dict["supervisor_id"] = supervisor_id
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if end_reason is not UNSET:
            field_dict["end_reason"] = end_reason
        if end_planned is not UNSET:
            field_dict["end_planned"] = end_planned
        if breakdown_reason is not UNSET:
            field_dict["breakdown_reason"] = breakdown_reason
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
        child_id = UUID(d.pop("child_id"))

        foster_home_id = UUID(d.pop("foster_home_id"))

        contact_person_id = UUID(d.pop("contact_person_id"))

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        legal_basis = LegalBasis(d.pop("legal_basis"))

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

        def _parse_end_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end_date = _parse_end_date(d.pop("end_date", UNSET))

        def _parse_end_reason(data: object) -> EndReason | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_reason_type_0 = EndReason(data)

                return end_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EndReason | None | Unset, data)

        end_reason = _parse_end_reason(d.pop("end_reason", UNSET))

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

        placement_create = cls(
            child_id=child_id,
            foster_home_id=foster_home_id,
            contact_person_id=contact_person_id,
            start_date=start_date,
            legal_basis=legal_basis,
            supervisor_id=supervisor_id,
            end_date=end_date,
            end_reason=end_reason,
            end_planned=end_planned,
            breakdown_reason=breakdown_reason,
            agreement_end_date=agreement_end_date,
            care_order_date=care_order_date,
            external_ref=external_ref,
        )

        return placement_create
