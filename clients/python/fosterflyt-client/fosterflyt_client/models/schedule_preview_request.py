from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.legal_basis import LegalBasis
from ..types import UNSET, Unset

T = TypeVar("T", bound="SchedulePreviewRequest")


@_attrs_define
class SchedulePreviewRequest:
    """Proposed placement dates; fields left out keep their stored value, ``null`` clears.

    Attributes:
        start_date (datetime.date | None | Unset):
        agreement_end_date (datetime.date | None | Unset):
        end_date (datetime.date | None | Unset):
        legal_basis (LegalBasis | None | Unset): A new legal basis: the preview then shows the tasks of the workflows
            that would close and of those that would start (care_order needs care_order_date).
        care_order_date (datetime.date | None | Unset):
    """

    start_date: datetime.date | None | Unset = UNSET
    agreement_end_date: datetime.date | None | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    legal_basis: LegalBasis | None | Unset = UNSET
    care_order_date: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        start_date: None | str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        elif isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        agreement_end_date: None | str | Unset
        if isinstance(self.agreement_end_date, Unset):
            agreement_end_date = UNSET
        elif isinstance(self.agreement_end_date, datetime.date):
            agreement_end_date = self.agreement_end_date.isoformat()
        else:
            agreement_end_date = self.agreement_end_date

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        legal_basis: None | str | Unset
        if isinstance(self.legal_basis, Unset):
            legal_basis = UNSET
        elif isinstance(self.legal_basis, LegalBasis):
            legal_basis = self.legal_basis.value
        else:
            legal_basis = self.legal_basis

        care_order_date: None | str | Unset
        if isinstance(self.care_order_date, Unset):
            care_order_date = UNSET
        elif isinstance(self.care_order_date, datetime.date):
            care_order_date = self.care_order_date.isoformat()
        else:
            care_order_date = self.care_order_date

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if agreement_end_date is not UNSET:
            field_dict["agreement_end_date"] = agreement_end_date
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if legal_basis is not UNSET:
            field_dict["legal_basis"] = legal_basis
        if care_order_date is not UNSET:
            field_dict["care_order_date"] = care_order_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

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

        schedule_preview_request = cls(
            start_date=start_date,
            agreement_end_date=agreement_end_date,
            end_date=end_date,
            legal_basis=legal_basis,
            care_order_date=care_order_date,
        )

        return schedule_preview_request
