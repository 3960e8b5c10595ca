from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.approval_outcome import ApprovalOutcome
from ..models.check_key import CheckKey
from ..models.check_status import CheckStatus

if TYPE_CHECKING:
    from ..models.approval_check import ApprovalCheck
    from ..models.police_certificate_read import PoliceCertificateRead


T = TypeVar("T", bound="ApprovalRead")


@_attrs_define
class ApprovalRead:
    """
    Attributes:
        id (UUID):
        service_id (UUID):
        placement_id (UUID):
        urgent (bool): A kinship home (family and network) on an emergency basis: approved after the move, by `due_by`.
        due_by (datetime.date): The move (an ordinary placement) or the rule set's deadline after it (an urgent one).
        rule (None | str): The rule behind an urgent placement's deadline.
        status (CheckStatus):
        checks (list[ApprovalCheck]):
        missing_before_move (list[CheckKey]): An ordinary placement: what was not recorded on or before the moving day.
        police_certificates_missing (list[str]): Foster parents of the home without a checked police certificate.
        assessment_date (datetime.date | None):
        home_visit_date (datetime.date | None):
        training_course (None | str):
        training_completed_on (datetime.date | None):
        police_certificates (list[PoliceCertificateRead]):
        agreement_signed_on (datetime.date | None):
        agreement_bufdir_template (bool):
        emergency_decided_on (datetime.date | None):
        emergency_decided_by (None | str):
        parents_informed_on (datetime.date | None):
        quick_check_on (datetime.date | None):
        decision_date (datetime.date | None):
        decided_by (None | str):
        outcome (ApprovalOutcome | None):
        conditions (None | str):
        notes (None | str):
        recorded_by (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    service_id: UUID
    placement_id: UUID
    urgent: bool
    due_by: datetime.date
    rule: None | str
    status: CheckStatus
    checks: list[ApprovalCheck]
    missing_before_move: list[CheckKey]
    police_certificates_missing: list[str]
    assessment_date: datetime.date | None
    home_visit_date: datetime.date | None
    training_course: None | str
    training_completed_on: datetime.date | None
    police_certificates: list[PoliceCertificateRead]
    agreement_signed_on: datetime.date | None
    agreement_bufdir_template: bool
    emergency_decided_on: datetime.date | None
    emergency_decided_by: None | str
    parents_informed_on: datetime.date | None
    quick_check_on: datetime.date | None
    decision_date: datetime.date | None
    decided_by: None | str
    outcome: ApprovalOutcome | None
    conditions: None | str
    notes: None | str
    recorded_by: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        service_id = str(self.service_id)

        placement_id = str(self.placement_id)

        urgent = self.urgent

        due_by = self.due_by.isoformat()

        rule: None | str
        rule = self.rule

        status = self.status.value

        checks = []
        for checks_item_data in self.checks:
            checks_item = checks_item_data.to_dict()
            checks.append(checks_item)

        missing_before_move = []
        for missing_before_move_item_data in self.missing_before_move:
            missing_before_move_item = missing_before_move_item_data.value
            missing_before_move.append(missing_before_move_item)

        police_certificates_missing = self.police_certificates_missing

        assessment_date: None | str
        if isinstance(self.assessment_date, datetime.date):
            assessment_date = self.assessment_date.isoformat()
        else:
            assessment_date = self.assessment_date

        home_visit_date: None | str
        if isinstance(self.home_visit_date, datetime.date):
            home_visit_date = self.home_visit_date.isoformat()
        else:
            home_visit_date = self.home_visit_date

        training_course: None | str
        training_course = self.training_course

        training_completed_on: None | str
        if isinstance(self.training_completed_on, datetime.date):
            training_completed_on = self.training_completed_on.isoformat()
        else:
            training_completed_on = self.training_completed_on

        police_certificates = []
        for police_certificates_item_data in self.police_certificates:
            police_certificates_item = police_certificates_item_data.to_dict()
            police_certificates.append(police_certificates_item)

        agreement_signed_on: None | str
        if isinstance(self.agreement_signed_on, datetime.date):
            agreement_signed_on = self.agreement_signed_on.isoformat()
        else:
            agreement_signed_on = self.agreement_signed_on

        agreement_bufdir_template = self.agreement_bufdir_template

        emergency_decided_on: None | str
        if isinstance(self.emergency_decided_on, datetime.date):
            emergency_decided_on = self.emergency_decided_on.isoformat()
        else:
            emergency_decided_on = self.emergency_decided_on

        emergency_decided_by: None | str
        emergency_decided_by = self.emergency_decided_by

        parents_informed_on: None | str
        if isinstance(self.parents_informed_on, datetime.date):
            parents_informed_on = self.parents_informed_on.isoformat()
        else:
            parents_informed_on = self.parents_informed_on

        quick_check_on: None | str
        if isinstance(self.quick_check_on, datetime.date):
            quick_check_on = self.quick_check_on.isoformat()
        else:
            quick_check_on = self.quick_check_on

        decision_date: None | str
        if isinstance(self.decision_date, datetime.date):
            decision_date = self.decision_date.isoformat()
        else:
            decision_date = self.decision_date

        decided_by: None | str
        decided_by = self.decided_by

        outcome: None | str
        if isinstance(self.outcome, ApprovalOutcome):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        conditions: None | str
        conditions = self.conditions

        notes: None | str
        notes = self.notes

        recorded_by = self.recorded_by

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "service_id": service_id,
                "placement_id": placement_id,
                "urgent": urgent,
                "due_by": due_by,
                "rule": rule,
                "status": status,
                "checks": checks,
                "missing_before_move": missing_before_move,
                "police_certificates_missing": police_certificates_missing,
                "assessment_date": assessment_date,
                "home_visit_date": home_visit_date,
                "training_course": training_course,
                "training_completed_on": training_completed_on,
                "police_certificates": police_certificates,
                "agreement_signed_on": agreement_signed_on,
                "agreement_bufdir_template": agreement_bufdir_template,
                "emergency_decided_on": emergency_decided_on,
                "emergency_decided_by": emergency_decided_by,
                "parents_informed_on": parents_informed_on,
                "quick_check_on": quick_check_on,
                "decision_date": decision_date,
                "decided_by": decided_by,
                "outcome": outcome,
                "conditions": conditions,
                "notes": notes,
                "recorded_by": recorded_by,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.approval_check import ApprovalCheck  # noqa: PLC0415
        from ..models.police_certificate_read import PoliceCertificateRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        service_id = UUID(d.pop("service_id"))

        placement_id = UUID(d.pop("placement_id"))

        urgent = d.pop("urgent")

        due_by = datetime.date.fromisoformat(d.pop("due_by"))

        def _parse_rule(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rule = _parse_rule(d.pop("rule"))

        status = CheckStatus(d.pop("status"))

        checks = []
        _checks = d.pop("checks")
        for checks_item_data in _checks:
            checks_item = ApprovalCheck.from_dict(checks_item_data)

            checks.append(checks_item)

        missing_before_move = []
        _missing_before_move = d.pop("missing_before_move")
        for missing_before_move_item_data in _missing_before_move:
            missing_before_move_item = CheckKey(missing_before_move_item_data)

            missing_before_move.append(missing_before_move_item)

        police_certificates_missing = cast(list[str], d.pop("police_certificates_missing"))

        def _parse_assessment_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assessment_date_type_0 = datetime.date.fromisoformat(data)

                return assessment_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        assessment_date = _parse_assessment_date(d.pop("assessment_date"))

        def _parse_home_visit_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                home_visit_date_type_0 = datetime.date.fromisoformat(data)

                return home_visit_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        home_visit_date = _parse_home_visit_date(d.pop("home_visit_date"))

        def _parse_training_course(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        training_course = _parse_training_course(d.pop("training_course"))

        def _parse_training_completed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                training_completed_on_type_0 = datetime.date.fromisoformat(data)

                return training_completed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        training_completed_on = _parse_training_completed_on(d.pop("training_completed_on"))

        police_certificates = []
        _police_certificates = d.pop("police_certificates")
        for police_certificates_item_data in _police_certificates:
            police_certificates_item = PoliceCertificateRead.from_dict(police_certificates_item_data)

            police_certificates.append(police_certificates_item)

        def _parse_agreement_signed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                agreement_signed_on_type_0 = datetime.date.fromisoformat(data)

                return agreement_signed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        agreement_signed_on = _parse_agreement_signed_on(d.pop("agreement_signed_on"))

        agreement_bufdir_template = d.pop("agreement_bufdir_template")

        def _parse_emergency_decided_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                emergency_decided_on_type_0 = datetime.date.fromisoformat(data)

                return emergency_decided_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        emergency_decided_on = _parse_emergency_decided_on(d.pop("emergency_decided_on"))

        def _parse_emergency_decided_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        emergency_decided_by = _parse_emergency_decided_by(d.pop("emergency_decided_by"))

        def _parse_parents_informed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parents_informed_on_type_0 = datetime.date.fromisoformat(data)

                return parents_informed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        parents_informed_on = _parse_parents_informed_on(d.pop("parents_informed_on"))

        def _parse_quick_check_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                quick_check_on_type_0 = datetime.date.fromisoformat(data)

                return quick_check_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        quick_check_on = _parse_quick_check_on(d.pop("quick_check_on"))

        def _parse_decision_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decision_date_type_0 = datetime.date.fromisoformat(data)

                return decision_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        decision_date = _parse_decision_date(d.pop("decision_date"))

        def _parse_decided_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))

        def _parse_outcome(data: object) -> ApprovalOutcome | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_0 = ApprovalOutcome(data)

                return outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ApprovalOutcome | None, data)

        outcome = _parse_outcome(d.pop("outcome"))

        def _parse_conditions(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        conditions = _parse_conditions(d.pop("conditions"))

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        recorded_by = d.pop("recorded_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        approval_read = cls(
            id=id,
            service_id=service_id,
            placement_id=placement_id,
            urgent=urgent,
            due_by=due_by,
            rule=rule,
            status=status,
            checks=checks,
            missing_before_move=missing_before_move,
            police_certificates_missing=police_certificates_missing,
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
            recorded_by=recorded_by,
            created_at=created_at,
            updated_at=updated_at,
        )

        approval_read.additional_properties = d
        return approval_read

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
