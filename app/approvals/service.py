"""Recording the approval of a placement's foster home for its child, and what it still lacks.

An ordinary placement is approved before the move: every check is due by the moving day, and
what was not recorded by then is listed as ``missing_before_move``. A placement in a kinship
home on an emergency basis (urgent, in the child's family or network) is approved after the
move, by the rule set's deadline; its due work is also a task (workflow
``godkjenning-slekt-nettverk``), completed when the decision is recorded (``app.flows``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.approvals.errors import ApprovalExists
from app.approvals.models import ApprovalEvent, ApprovalOutcome, FosterHomeApproval
from app.approvals.schemas import (
    ApprovalCheck,
    ApprovalCreate,
    ApprovalRead,
    ApprovalUpdate,
    CheckKey,
    CheckStatus,
    PoliceCertificateRead,
)
from app.audit.trail import AuditTrail
from app.clock import today
from app.errors import FieldError, NotFound, ValidationFailed, body_error
from app.events.service import emit
from app.foster_homes.models import FosterHome, FosterHomeKind
from app.placements.models import LegalBasis, Placement
from app.placements.service import PlacementRepository
from app.preconditions import Precondition
from app.principal import Principal
from app.workflows.models import WorkflowInstance
from app.workflows.service import current_rule_set

RULE = "network_emergency_approval_within"
BUFDIR_TEMPLATE_FROM = date(2024, 9, 16)  # Bufdir's fosterhjemsavtale mandatory from this day
DATES = (
    "assessment_date",
    "home_visit_date",
    "training_completed_on",
    "agreement_signed_on",
    "emergency_decided_on",
    "parents_informed_on",
    "quick_check_on",
    "decision_date",
)


URGENT_WORKFLOW = "godkjenning-slekt-nettverk"


def is_urgent(session: Session, placement: Placement, home: FosterHome) -> bool:
    """Urgent in the family or network: a kinship home on an emergency basis, the test the
    workflow ``godkjenning-slekt-nettverk`` starts on; still so once that workflow has started
    and the emergency decision has become a care order."""
    if home.kind is not FosterHomeKind.KINSHIP:
        return False
    if placement.legal_basis is LegalBasis.EMERGENCY:
        return True
    started = session.scalar(
        select(WorkflowInstance.id)
        .where(
            WorkflowInstance.placement_id == placement.id,
            WorkflowInstance.definition_key == URGENT_WORKFLOW,
        )
        .limit(1)
    )
    return started is not None


@dataclass(frozen=True)
class Deadline:
    due_by: date
    rule: str | None


def urgent_rule(session: Session) -> str:
    """The urgent deadline's rule as an explanation quotes it, from the rule set in force."""
    return current_rule_set(session).cited(RULE)


def deadline(session: Session, placement: Placement, home: FosterHome) -> Deadline:
    """The moving day, or for an urgent placement the rule set's deadline after it."""
    if not is_urgent(session, placement, home):
        return Deadline(placement.start_date, None)
    rules = current_rule_set(session)
    return Deadline(rules.duration(RULE).after(placement.start_date), rules.cited(RULE))


def _status(done_on: date | None, due_by: date, on: date) -> CheckStatus:
    if done_on is not None:
        return CheckStatus.DONE if done_on <= due_by else CheckStatus.LATE
    return CheckStatus.DUE if on <= due_by else CheckStatus.MISSING


def _certificates_missing(row: FosterHomeApproval, home: FosterHome) -> list[str]:
    checked = {str(c["name"]).casefold() for c in row.police_certificates}
    return [str(p["name"]) for p in home.foster_parents if str(p["name"]).casefold() not in checked]


def _certificates_done(row: FosterHomeApproval, home: FosterHome) -> date | None:
    if _certificates_missing(row, home) or not row.police_certificates:
        return None
    return max(date.fromisoformat(str(c["checked_on"])) for c in row.police_certificates)


def to_read(session: Session, row: FosterHomeApproval) -> ApprovalRead:
    """The approval with each check's status against its deadline (as of today)."""
    placement = session.get_one(Placement, row.placement_id)
    home = session.get_one(FosterHome, placement.foster_home_id)
    due = deadline(session, placement, home)
    on = today()
    done: dict[CheckKey, date | None] = {
        CheckKey.ASSESSMENT: row.assessment_date,
        CheckKey.HOME_VISIT: row.home_visit_date,
        CheckKey.TRAINING: row.training_completed_on,
        CheckKey.POLICE_CERTIFICATES: _certificates_done(row, home),
        CheckKey.AGREEMENT: row.agreement_signed_on,
        CheckKey.DECISION: row.decision_date,
    }
    checks = [
        ApprovalCheck(key=key, done_on=day, due_by=due.due_by, status=_status(day, due.due_by, on))
        for key, day in done.items()
    ]
    urgent = due.rule is not None
    return ApprovalRead(
        id=row.id,
        service_id=row.service_id,
        placement_id=row.placement_id,
        urgent=urgent,
        due_by=due.due_by,
        rule=due.rule,
        status=_status(row.decision_date, due.due_by, on),
        checks=checks,
        missing_before_move=[]
        if urgent
        else [c.key for c in checks if c.status in (CheckStatus.LATE, CheckStatus.MISSING)],
        police_certificates_missing=_certificates_missing(row, home),
        assessment_date=row.assessment_date,
        home_visit_date=row.home_visit_date,
        training_course=row.training_course,
        training_completed_on=row.training_completed_on,
        police_certificates=[
            PoliceCertificateRead.model_validate(c) for c in row.police_certificates
        ],
        agreement_signed_on=row.agreement_signed_on,
        agreement_bufdir_template=row.agreement_bufdir_template,
        emergency_decided_on=row.emergency_decided_on,
        emergency_decided_by=row.emergency_decided_by,
        parents_informed_on=row.parents_informed_on,
        quick_check_on=row.quick_check_on,
        decision_date=row.decision_date,
        decided_by=row.decided_by,
        outcome=row.outcome,
        conditions=row.conditions,
        notes=row.notes,
        recorded_by=row.recorded_by,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _problems(values: dict[str, Any], home: FosterHome) -> list[FieldError]:
    """Every way the approval as it would be stored is wrong, each at its field."""
    errors: list[FieldError] = []
    on = today()
    for name in DATES:
        day = values.get(name)
        if day is not None and day > on:
            errors.append(
                body_error(name, "Recorded after it happened: not after today", "in_future")
            )
    certificates = values.get("police_certificates") or []
    seen: set[str] = set()
    for index, certificate in enumerate(certificates):
        name = str(certificate["name"]).casefold()
        if name in seen:
            errors.append(
                body_error(f"police_certificates/{index}/name", "Listed twice", "duplicate")
            )
        seen.add(name)
        if certificate["checked_on"] > on:
            errors.append(
                body_error(
                    f"police_certificates/{index}/checked_on",
                    "Recorded after it happened: not after today",
                    "in_future",
                )
            )
    if (values.get("training_course") is None) != (values.get("training_completed_on") is None):
        missing = (
            "training_course" if values.get("training_course") is None else "training_completed_on"
        )
        errors.append(
            body_error(missing, "The course and the day it was completed go together", "required")
        )
    signed = values.get("agreement_signed_on")
    if (
        signed is not None
        and signed >= BUFDIR_TEMPLATE_FROM
        and not values.get("agreement_bufdir_template")
    ):
        errors.append(
            body_error(
                "agreement_bufdir_template",
                "A fosterhjemsavtale signed from 16 September 2024 is on Bufdir's template",
                "bufdir_template_required",
            )
        )
    outcome = values.get("outcome")
    decision = ("decision_date", "decided_by")
    if outcome is not None:
        errors += [
            body_error(name, "A decision needs its date and who made it", "required")
            for name in decision
            if values.get(name) is None
        ]
    elif any(values.get(name) is not None for name in decision):
        errors.append(body_error("outcome", "A decision needs its outcome", "required"))
    if outcome is ApprovalOutcome.APPROVED_WITH_CONDITIONS and not values.get("conditions"):
        errors.append(body_error("conditions", "Approved with conditions: name them", "required"))
    if outcome in (ApprovalOutcome.APPROVED, ApprovalOutcome.APPROVED_WITH_CONDITIONS):
        checked = {str(c["name"]).casefold() for c in certificates}
        lacking = [
            str(p["name"]) for p in home.foster_parents if str(p["name"]).casefold() not in checked
        ]
        if lacking:
            errors.append(
                body_error(
                    "police_certificates",
                    # Validation errors never echo a value (SECURITY.md): the names are in
                    # the approval's police_certificates_missing.
                    f"{len(lacking)} foster parent(s) of the home without a checked police "
                    "certificate: the home cannot be approved without one for each",
                    "police_certificate_missing",
                )
            )
    assessed, decided = values.get("assessment_date"), values.get("decision_date")
    if assessed is not None and decided is not None and decided < assessed:
        errors.append(body_error("decision_date", "Before the assessment", "before_assessment"))
    return errors


def _stored(values: dict[str, Any]) -> dict[str, Any]:
    """The validated values as the row holds them (certificates as JSON)."""
    out = dict(values)
    out["police_certificates"] = [
        {"name": c["name"], "checked_on": c["checked_on"].isoformat()}
        for c in values.get("police_certificates") or []
    ]
    out["agreement_bufdir_template"] = bool(values.get("agreement_bufdir_template"))
    return out


def _current(row: FosterHomeApproval) -> dict[str, Any]:
    values: dict[str, Any] = {
        name: getattr(row, name)
        for name in ApprovalCreate.model_fields
        if name != "police_certificates"
    }
    values["police_certificates"] = [
        {"name": c["name"], "checked_on": date.fromisoformat(str(c["checked_on"]))}
        for c in row.police_certificates
    ]
    return values


def _check(values: dict[str, Any], home: FosterHome) -> None:
    errors = _problems(values, home)
    if errors:
        raise ValidationFailed("The approval is not consistent.", errors=errors)


def _emit(session: Session, row: FosterHomeApproval, event: ApprovalEvent) -> None:
    emit(
        session,
        service_id=row.service_id,
        type=event,
        subject_id=row.id,
        placement_id=row.placement_id,
        data={"outcome": row.outcome.value if row.outcome else None},
    )


def create_approval(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    *,
    data: ApprovalCreate,
    audit: AuditTrail,
) -> FosterHomeApproval:
    placement = PlacementRepository(session, principal).get(placement_id)
    home = session.get_one(FosterHome, placement.foster_home_id)
    existing = session.scalar(
        select(FosterHomeApproval.id).where(FosterHomeApproval.placement_id == placement.id)
    )
    if existing is not None:
        raise ApprovalExists(
            "The placement already has an approval: change it with PATCH.",
            existing=f"/v1/placements/{placement.id}/approval",
        )
    values = data.model_dump()
    _check(values, home)
    row = FosterHomeApproval(
        service_id=placement.service_id,
        placement_id=placement.id,
        recorded_by=principal.subject,
        **_stored(values),
    )
    session.add(row)
    session.flush()
    _emit(session, row, ApprovalEvent.CREATED)
    if row.outcome is not None:
        _emit(session, row, ApprovalEvent.DECIDED)
    return audit.one(row)


def _find(
    session: Session, placement: Placement, *, for_update: bool = False
) -> FosterHomeApproval:
    stmt = select(FosterHomeApproval).where(FosterHomeApproval.placement_id == placement.id)
    row = session.scalar(stmt.with_for_update() if for_update else stmt)
    if row is None:
        raise NotFound("The placement has no approval yet: create it with POST.")
    return row


def get_approval(
    session: Session, principal: Principal, placement_id: uuid.UUID, *, audit: AuditTrail
) -> FosterHomeApproval:
    placement = PlacementRepository(session, principal).get(placement_id)
    return audit.one(_find(session, placement))


def update_approval(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    *,
    data: ApprovalUpdate,
    precondition: Precondition,
    audit: AuditTrail,
) -> FosterHomeApproval:
    placement = PlacementRepository(session, principal).get(placement_id)
    home = session.get_one(FosterHome, placement.foster_home_id)
    row = _find(session, placement, for_update=True)
    precondition.check(row)
    decided_before = row.outcome is not None
    values = {**_current(row), **data.model_dump(exclude_unset=True)}
    _check(values, home)
    for name, value in _stored(values).items():
        setattr(row, name, value)
    session.flush()
    _emit(session, row, ApprovalEvent.UPDATED)
    if row.outcome is not None and not decided_before:
        _emit(session, row, ApprovalEvent.DECIDED)
    return audit.one(row)


@dataclass(frozen=True)
class DatedItem:
    """Something dated about the approval, for the placement's year wheel."""

    on: date
    key: str
    title: str  # Norwegian


TITLES = {
    "assessment_date": "Fosterhjemmet vurdert for barnet",
    "home_visit_date": "Hjemmebesøk i fosterhjemmet",
    "training_completed_on": "Fosterforeldrenes opplæring fullført",
    "agreement_signed_on": "Fosterhjemsavtalen underskrevet",
    "emergency_decided_on": "Akuttvedtak",
    "parents_informed_on": "Foreldrene informert",
    "quick_check_on": "Rask kontroll av hjemmet",
    "decision_date": "Vedtak om godkjenning av fosterhjemmet",
}


def dated_items(
    session: Session, principal: Principal, placement_id: uuid.UUID, *, audit: AuditTrail
) -> list[DatedItem]:
    """The approval's dates, earliest first, and the deadline while no decision is recorded."""
    placement = PlacementRepository(session, principal).get(placement_id)
    home = session.get_one(FosterHome, placement.foster_home_id)
    row = session.scalar(
        select(FosterHomeApproval).where(FosterHomeApproval.placement_id == placement.id)
    )
    items: list[DatedItem] = []
    if row is not None:
        audit.one(row)
        items = [
            DatedItem(getattr(row, name), name, title)
            for name, title in TITLES.items()
            if getattr(row, name) is not None
        ]
    if row is None or row.decision_date is None:
        due = deadline(session, placement, home)
        items.append(DatedItem(due.due_by, "due_by", "Frist for godkjenning av fosterhjemmet"))
    return sorted(items, key=lambda i: (i.on, i.key))
