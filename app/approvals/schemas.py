from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from app.approvals.models import ApprovalOutcome
from app.schemas import CaseDate, NonBlankStr, ReadModel, StrictModel, UpdateModel

LongText = Annotated[str, Field(min_length=1, max_length=20000)]


class PoliceCertificate(StrictModel):
    name: NonBlankStr = Field(
        description="Whose certificate: a foster parent (as named on the foster home) or another "
        "adult living in the home.",
        examples=["Kari Nordmann"],
    )
    checked_on: CaseDate = Field(description="The day the service checked the certificate.")


PoliceCertificates = Annotated[list[PoliceCertificate], Field(max_length=10)]


class _ApprovalFields(StrictModel):
    assessment_date: CaseDate | None = Field(
        default=None, description="The service finished assessing the home for this child."
    )
    home_visit_date: CaseDate | None = None
    training_course: NonBlankStr | None = Field(
        default=None, description="The training the foster parents completed (e.g. PRIDE)."
    )
    training_completed_on: CaseDate | None = None
    police_certificates: PoliceCertificates | None = None
    agreement_signed_on: CaseDate | None = Field(
        default=None, description="The fosterhjemsavtale was signed (before the move)."
    )
    agreement_bufdir_template: bool | None = Field(
        default=None,
        description="The fosterhjemsavtale is on Bufdir's template (mandatory for agreements "
        "signed from 16 September 2024).",
    )
    emergency_decided_on: CaseDate | None = Field(
        default=None, description="An urgent move: the day of the emergency decision."
    )
    emergency_decided_by: NonBlankStr | None = None
    parents_informed_on: CaseDate | None = None
    quick_check_on: CaseDate | None = Field(
        default=None, description="An urgent move: the quick check of the home."
    )
    decision_date: CaseDate | None = None
    decided_by: NonBlankStr | None = Field(default=None, examples=["Lise Leder, avdelingsleder"])
    outcome: ApprovalOutcome | None = None
    conditions: LongText | None = Field(
        default=None, description="Required with approved_with_conditions."
    )
    notes: LongText | None = None


class ApprovalCreate(_ApprovalFields):
    """What is known so far; the rest is added with PATCH as it is done."""


class ApprovalUpdate(_ApprovalFields, UpdateModel):
    nullable = frozenset(_ApprovalFields.model_fields) - {
        "police_certificates",
        "agreement_bufdir_template",
    }


class CheckStatus(StrEnum):
    DONE = "done"  # recorded on or before its deadline
    LATE = "late"  # recorded after its deadline
    DUE = "due"  # not recorded; the deadline has not passed
    MISSING = "missing"  # not recorded, and the deadline has passed


class CheckKey(StrEnum):
    ASSESSMENT = "assessment"
    HOME_VISIT = "home_visit"
    TRAINING = "training"
    POLICE_CERTIFICATES = "police_certificates"
    AGREEMENT = "agreement"
    DECISION = "decision"


class ApprovalCheck(ReadModel):
    key: CheckKey
    done_on: date | None
    due_by: date
    status: CheckStatus


class PoliceCertificateRead(ReadModel):
    name: str
    checked_on: date


class ApprovalRead(ReadModel):
    id: uuid.UUID
    service_id: uuid.UUID
    placement_id: uuid.UUID
    urgent: bool = Field(
        description="A kinship home (family and network) on an emergency basis: approved after "
        "the move, by `due_by`."
    )
    due_by: date = Field(
        description="The move (an ordinary placement) or the rule set's deadline after it "
        "(an urgent one)."
    )
    rule: str | None = Field(description="The rule behind an urgent placement's deadline.")
    status: CheckStatus = Field(description="The decision's status against `due_by`.")
    checks: list[ApprovalCheck]
    missing_before_move: list[CheckKey] = Field(
        description="An ordinary placement: what was not recorded on or before the moving day."
    )
    police_certificates_missing: list[str] = Field(
        description="Foster parents of the home without a checked police certificate."
    )
    assessment_date: date | None
    home_visit_date: date | None
    training_course: str | None
    training_completed_on: date | None
    police_certificates: list[PoliceCertificateRead]
    agreement_signed_on: date | None
    agreement_bufdir_template: bool
    emergency_decided_on: date | None
    emergency_decided_by: str | None
    parents_informed_on: date | None
    quick_check_on: date | None
    decision_date: date | None
    decided_by: str | None
    outcome: ApprovalOutcome | None
    conditions: str | None
    notes: str | None
    recorded_by: str
    created_at: datetime
    updated_at: datetime
