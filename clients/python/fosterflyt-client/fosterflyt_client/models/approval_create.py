from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.approval_outcome import ApprovalOutcome
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.police_certificate import PoliceCertificate


T = TypeVar("T", bound="ApprovalCreate")


@_attrs_define
class ApprovalCreate:
    """What is known so far; the rest is added with PATCH as it is done.

    Attributes:
        assessment_date (datetime.date | None | Unset): The service finished assessing the home for this child.
        home_visit_date (datetime.date | None | Unset):
        training_course (None | str | Unset): The training the foster parents completed (e.g. PRIDE).
        training_completed_on (datetime.date | None | Unset):
        police_certificates (list[PoliceCertificate] | None | Unset):
        agreement_signed_on (datetime.date | None | Unset): The fosterhjemsavtale was signed (before the move).
        agreement_bufdir_template (bool | None | Unset): The fosterhjemsavtale is on Bufdir's template (mandatory for
            agreements signed from 16 September 2024).
        emergency_decided_on (datetime.date | None | Unset): An urgent move: the day of the emergency decision.
        emergency_decided_by (None | str | Unset):
        parents_informed_on (datetime.date | None | Unset):
        quick_check_on (datetime.date | None | Unset): An urgent move: the quick check of the home.
        decision_date (datetime.date | None | Unset):
        decided_by (None | str | Unset):
        outcome (ApprovalOutcome | None | Unset):
        conditions (None | str | Unset): Required with approved_with_conditions.
        notes (None | str | Unset):
    """

    assessment_date: datetime.date | None | Unset = UNSET
    home_visit_date: datetime.date | None | Unset = UNSET
    training_course: None | str | Unset = UNSET
    training_completed_on: datetime.date | None | Unset = UNSET
    police_certificates: list[PoliceCertificate] | None | Unset = UNSET
    agreement_signed_on: datetime.date | None | Unset = UNSET
    agreement_bufdir_template: bool | None | Unset = UNSET
    emergency_decided_on: datetime.date | None | Unset = UNSET
    emergency_decided_by: None | str | Unset = UNSET
    parents_informed_on: datetime.date | None | Unset = UNSET
    quick_check_on: datetime.date | None | Unset = UNSET
    decision_date: datetime.date | None | Unset = UNSET
    decided_by: None | str | Unset = UNSET
    outcome: ApprovalOutcome | None | Unset = UNSET
    conditions: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        assessment_date: None | str | Unset
        if isinstance(self.assessment_date, Unset):
            assessment_date = UNSET
        elif isinstance(self.assessment_date, datetime.date):
            assessment_date = self.assessment_date.isoformat()
        else:
            assessment_date = self.assessment_date

        home_visit_date: None | str | Unset
        if isinstance(self.home_visit_date, Unset):
            home_visit_date = UNSET
        elif isinstance(self.home_visit_date, datetime.date):
            home_visit_date = self.home_visit_date.isoformat()
        else:
            home_visit_date = self.home_visit_date

        training_course: None | str | Unset
        if isinstance(self.training_course, Unset):
            training_course = UNSET
        else:
            training_course = self.training_course

        training_completed_on: None | str | Unset
        if isinstance(self.training_completed_on, Unset):
            training_completed_on = UNSET
        elif isinstance(self.training_completed_on, datetime.date):
            training_completed_on = self.training_completed_on.isoformat()
        else:
            training_completed_on = self.training_completed_on

        police_certificates: list[dict[str, Any]] | None | Unset
        if isinstance(self.police_certificates, Unset):
            police_certificates = UNSET
        elif isinstance(self.police_certificates, list):
            police_certificates = []
            for police_certificates_type_0_item_data in self.police_certificates:
                police_certificates_type_0_item = police_certificates_type_0_item_data.to_dict()
                police_certificates.append(police_certificates_type_0_item)

        else:
            police_certificates = self.police_certificates

        agreement_signed_on: None | str | Unset
        if isinstance(self.agreement_signed_on, Unset):
            agreement_signed_on = UNSET
        elif isinstance(self.agreement_signed_on, datetime.date):
            agreement_signed_on = self.agreement_signed_on.isoformat()
        else:
            agreement_signed_on = self.agreement_signed_on

        agreement_bufdir_template: bool | None | Unset
        if isinstance(self.agreement_bufdir_template, Unset):
            agreement_bufdir_template = UNSET
        else:
            agreement_bufdir_template = self.agreement_bufdir_template

        emergency_decided_on: None | str | Unset
        if isinstance(self.emergency_decided_on, Unset):
            emergency_decided_on = UNSET
        elif isinstance(self.emergency_decided_on, datetime.date):
            emergency_decided_on = self.emergency_decided_on.isoformat()
        else:
            emergency_decided_on = self.emergency_decided_on

        emergency_decided_by: None | str | Unset
        if isinstance(self.emergency_decided_by, Unset):
            emergency_decided_by = UNSET
        else:
            emergency_decided_by = self.emergency_decided_by

        parents_informed_on: None | str | Unset
        if isinstance(self.parents_informed_on, Unset):
            parents_informed_on = UNSET
        elif isinstance(self.parents_informed_on, datetime.date):
            parents_informed_on = self.parents_informed_on.isoformat()
        else:
            parents_informed_on = self.parents_informed_on

        quick_check_on: None | str | Unset
        if isinstance(self.quick_check_on, Unset):
            quick_check_on = UNSET
        elif isinstance(self.quick_check_on, datetime.date):
            quick_check_on = self.quick_check_on.isoformat()
        else:
            quick_check_on = self.quick_check_on

        decision_date: None | str | Unset
        if isinstance(self.decision_date, Unset):
            decision_date = UNSET
        elif isinstance(self.decision_date, datetime.date):
            decision_date = self.decision_date.isoformat()
        else:
            decision_date = self.decision_date

        decided_by: None | str | Unset
        if isinstance(self.decided_by, Unset):
            decided_by = UNSET
        else:
            decided_by = self.decided_by

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        elif isinstance(self.outcome, ApprovalOutcome):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        conditions: None | str | Unset
        if isinstance(self.conditions, Unset):
            conditions = UNSET
        else:
            conditions = self.conditions

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if assessment_date is not UNSET:
            field_dict["assessment_date"] = assessment_date
        if home_visit_date is not UNSET:
            field_dict["home_visit_date"] = home_visit_date
        if training_course is not UNSET:
            field_dict["training_course"] = training_course
        if training_completed_on is not UNSET:
            field_dict["training_completed_on"] = training_completed_on
        if police_certificates is not UNSET:
            field_dict["police_certificates"] = police_certificates
        if agreement_signed_on is not UNSET:
            field_dict["agreement_signed_on"] = agreement_signed_on
        if agreement_bufdir_template is not UNSET:
            field_dict["agreement_bufdir_template"] = agreement_bufdir_template
        if emergency_decided_on is not UNSET:
            field_dict["emergency_decided_on"] = emergency_decided_on
        if emergency_decided_by is not UNSET:
            field_dict["emergency_decided_by"] = emergency_decided_by
        if parents_informed_on is not UNSET:
            field_dict["parents_informed_on"] = parents_informed_on
        if quick_check_on is not UNSET:
            field_dict["quick_check_on"] = quick_check_on
        if decision_date is not UNSET:
            field_dict["decision_date"] = decision_date
        if decided_by is not UNSET:
            field_dict["decided_by"] = decided_by
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if conditions is not UNSET:
            field_dict["conditions"] = conditions
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.police_certificate import PoliceCertificate  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_assessment_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assessment_date_type_0 = datetime.date.fromisoformat(data)

                return assessment_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        assessment_date = _parse_assessment_date(d.pop("assessment_date", UNSET))

        def _parse_home_visit_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                home_visit_date_type_0 = datetime.date.fromisoformat(data)

                return home_visit_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        home_visit_date = _parse_home_visit_date(d.pop("home_visit_date", UNSET))

        def _parse_training_course(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        training_course = _parse_training_course(d.pop("training_course", UNSET))

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

        def _parse_police_certificates(data: object) -> list[PoliceCertificate] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                police_certificates_type_0 = []
                _police_certificates_type_0 = data
                for police_certificates_type_0_item_data in _police_certificates_type_0:
                    police_certificates_type_0_item = PoliceCertificate.from_dict(police_certificates_type_0_item_data)

                    police_certificates_type_0.append(police_certificates_type_0_item)

                return police_certificates_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PoliceCertificate] | None | Unset, data)

        police_certificates = _parse_police_certificates(d.pop("police_certificates", UNSET))

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

        def _parse_agreement_bufdir_template(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        agreement_bufdir_template = _parse_agreement_bufdir_template(d.pop("agreement_bufdir_template", UNSET))

        def _parse_emergency_decided_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                emergency_decided_on_type_0 = datetime.date.fromisoformat(data)

                return emergency_decided_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        emergency_decided_on = _parse_emergency_decided_on(d.pop("emergency_decided_on", UNSET))

        def _parse_emergency_decided_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        emergency_decided_by = _parse_emergency_decided_by(d.pop("emergency_decided_by", UNSET))

        def _parse_parents_informed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parents_informed_on_type_0 = datetime.date.fromisoformat(data)

                return parents_informed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        parents_informed_on = _parse_parents_informed_on(d.pop("parents_informed_on", UNSET))

        def _parse_quick_check_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                quick_check_on_type_0 = datetime.date.fromisoformat(data)

                return quick_check_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        quick_check_on = _parse_quick_check_on(d.pop("quick_check_on", UNSET))

        def _parse_decision_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decision_date_type_0 = datetime.date.fromisoformat(data)

                return decision_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        decision_date = _parse_decision_date(d.pop("decision_date", UNSET))

        def _parse_decided_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decided_by = _parse_decided_by(d.pop("decided_by", UNSET))

        def _parse_outcome(data: object) -> ApprovalOutcome | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_0 = ApprovalOutcome(data)

                return outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ApprovalOutcome | None | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        def _parse_conditions(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        conditions = _parse_conditions(d.pop("conditions", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        approval_create = cls(
            assessment_date=assessment_date,
            home_visit_date=home_visit_date,
            training_course=training_course,
            training_completed_on=training_completed_on,
            police_certificates=police_certificates,
            agreement_signed_on=agreement_signed_on,
            agreement_bufdir_template=agreement_bufdir_template,
            emergency_decided_on=emergency_decided_on,
            emergency_decided_by=emergency_decided_by,
            parents_informed_on=parents_informed_on,
            quick_check_on=quick_check_on,
            decision_date=decision_date,
            decided_by=decided_by,
            outcome=outcome,
            conditions=conditions,
            notes=notes,
        )

        return approval_create
