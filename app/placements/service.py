"""Placements: a child in a foster home, with the rules that keep the register consistent.

Rules, each a clear error:
- the child, the foster home and the contact person belong to one service (422 unknown-reference);
- a contact person places a child only into a foster home of their own cases, since a placement
  is what makes a home readable to them (422 unknown-reference, as for a missing home);
- a contact person does not register a placement that has already ended (403 forbidden): past
  placements come from a leader or the journal system;
- the contact person is a ``contact_person`` or ``leader``, the supervisor a ``supervisor``
  of the same service (422);
- ``end_date`` and ``agreement_end_date`` are not before ``start_date``; ``start_date`` is not
  before the child's birth (422);
- ``care_order_date`` goes only with a care order, is not after today, and when the legal basis
  changes to a care order it is required and not before ``start_date`` (the placement was on
  another basis until then) (422); a new care-order placement without one takes the child's
  previous placement's, while that was on the care order;
- a child has at most one placement on any day (409 overlapping-placement);
- an ended placement is not changed (409 placement-ended).

A conflict names the existing placement (``existing``) only to a caller who may read it.
What follows from a placement's creation or change (its workflows) is :mod:`app.flows`' job.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Row, and_, or_, select
from sqlalchemy.orm import Session

from app import policy
from app.audit.trail import AuditTrail
from app.children.service import ChildRepository
from app.clock import today
from app.errors import FieldError, NotFound, UnknownReference, ValidationFailed, body_error
from app.events.service import emit
from app.foster_homes.service import FosterHomeRepository
from app.placements.errors import OverlappingPlacement, PlacementAlreadyEnded
from app.placements.models import (
    BreakdownReason,
    LegalBasis,
    Placement,
    PlacementEvent,
    PlacementStatus,
    placement_status,
)
from app.placements.schemas import (
    PlacementCreate,
    PlacementEnd,
    PlacementFilters,
    PlacementUpdate,
)
from app.policy import Capability
from app.preconditions import Precondition
from app.principal import Principal
from app.staff.models import StaffRole
from app.staff.service import StaffRepository
from app.tenancy import TenantRepository, apply_changes

CONTACT_ROLES = (StaffRole.CONTACT_PERSON, StaffRole.LEADER)


class PlacementRepository(TenantRepository[Placement]):
    model = Placement
    path = "placements"
    noun = "placement"

    def case_filter(self, staff_id: Any) -> ColumnElement[bool]:
        mine: ColumnElement[bool] = Placement.contact_person_id == staff_id
        return mine

    def supervised_filter(self, staff_id: Any) -> ColumnElement[bool]:
        supervised: ColumnElement[bool] = Placement.supervisor_id == staff_id
        return supervised

    def overlapping(
        self, child_id: uuid.UUID, start: date, end: date | None, exclude: uuid.UUID | None
    ) -> Placement | None:
        """Another placement of the child sharing a day with [start, end)."""
        conditions = [
            Placement.child_id == child_id,
            or_(Placement.end_date.is_(None), Placement.end_date > start),
        ]
        if end is not None:
            conditions.append(Placement.start_date < end)
        if exclude is not None:
            conditions.append(Placement.id != exclude)
        row: Placement | None = self.session.scalar(select(Placement).where(*conditions).limit(1))
        return row


def status_condition(status: PlacementStatus, on: date) -> ColumnElement[bool]:
    """SQL for :func:`app.placements.models.placement_status` == ``status``."""
    ended = and_(Placement.end_date.is_not(None), Placement.end_date <= on)
    match status:
        case PlacementStatus.ENDED:
            return ended
        case PlacementStatus.PLANNED:
            return and_(Placement.start_date > on, ~ended)
        case PlacementStatus.ACTIVE:
            return and_(
                Placement.start_date <= on,
                or_(Placement.end_date.is_(None), Placement.end_date > on),
            )


def _date_errors(
    start: date, end: date | None, agreement_end: date | None, birth: date
) -> list[FieldError]:
    errors = []
    if end is not None and end < start:
        errors.append(body_error("end_date", "end_date is before start_date", "before_start"))
    if agreement_end is not None and agreement_end < start:
        errors.append(
            body_error(
                "agreement_end_date", "agreement_end_date is before start_date", "before_start"
            )
        )
    if start < birth:
        errors.append(
            body_error("start_date", "start_date is before the child's birth date", "before_birth")
        )
    return errors


def care_order_errors(
    legal_basis: LegalBasis,
    care_order_date: date | None,
    *,
    changed_to_care_order: bool,
    start: date,
) -> list[FieldError]:
    field = "care_order_date"
    if care_order_date is None:
        if changed_to_care_order:
            return [
                body_error(
                    field,
                    "A placement that becomes a care order needs the tribunal's decision date",
                    "required",
                )
            ]
        return []
    if legal_basis is not LegalBasis.CARE_ORDER:
        return [
            body_error(field, "care_order_date goes with legal_basis care_order", "not_care_order")
        ]
    if care_order_date > today():
        return [body_error(field, "care_order_date is in the future", "in_future")]
    if changed_to_care_order and care_order_date < start:
        return [
            body_error(
                field,
                "The placement began on another legal basis: the care order cannot predate it",
                "before_start",
            )
        ]
    return []


def _previous_care_order(session: Session, child_id: uuid.UUID, start: date) -> date | None:
    """The care-order date of the child's placement just before ``start``, if it was on one."""
    previous = session.scalar(
        select(Placement)
        .where(Placement.child_id == child_id, Placement.start_date < start)
        .order_by(Placement.start_date.desc())
        .limit(1)
    )
    if previous is None or previous.legal_basis is not LegalBasis.CARE_ORDER:
        return None
    return previous.care_order_date


@dataclass(frozen=True)
class _StaffField:
    """A field naming a staff member of the child's service in one of some roles."""

    field: str
    noun: str
    roles: tuple[StaffRole, ...]
    wrong_role: tuple[str, str]  # the problem's detail, the field error's detail


CONTACT_PERSON_FIELD = _StaffField(
    "contact_person_id",
    "contact person",
    CONTACT_ROLES,
    (
        "The contact person must have the role contact_person or leader.",
        "Not a contact person or leader",
    ),
)
SUPERVISOR_FIELD = _StaffField(
    "supervisor_id",
    "supervisor",
    (StaffRole.SUPERVISOR,),
    ("The supervisor must have the role supervisor.", "Not a foster-home supervisor"),
)


def _check_staff(
    session: Session,
    principal: Principal,
    service_id: uuid.UUID,
    staff_id: uuid.UUID,
    expected: _StaffField,
) -> None:
    staff = StaffRepository(session, principal).in_service(service_id, staff_id)
    if staff is None:
        raise UnknownReference(
            f"The {expected.noun} is not a staff member of the child's service.",
            errors=[
                body_error(
                    expected.field, "No such staff member in this service", "unknown_reference"
                )
            ],
        )
    if staff.role not in expected.roles:
        problem, detail = expected.wrong_role
        raise ValidationFailed(problem, errors=[body_error(expected.field, detail, "wrong_role")])


def _check_no_overlap(
    repo: PlacementRepository,
    child_id: uuid.UUID,
    start: date,
    end: date | None,
    exclude: uuid.UUID | None = None,
) -> None:
    other = repo.overlapping(child_id, start, end, exclude)
    if other is not None:
        raise OverlappingPlacement(
            "The child already has a placement in this period; end it first.",
            existing=repo.url_if_readable(other.id),
        )


def _check_foster_home(
    session: Session, principal: Principal, service_id: uuid.UUID, home_id: uuid.UUID
) -> None:
    # Readable, not merely in the service: a contact person's new placement would make any
    # other home readable to them (review finding 8). A hidden home answers like a missing one.
    if FosterHomeRepository(session, principal).readable_in_service(service_id, home_id) is None:
        raise UnknownReference(
            "No foster home with this id is visible to you in the child's service.",
            errors=[body_error("foster_home_id", "Unknown foster home", "unknown_reference")],
        )


def _check_not_history(principal: Principal, data: PlacementCreate, service_id: uuid.UUID) -> None:
    """Only leaders and integrations register a placement that has already ended (an import,
    a late registration): a contact person could otherwise write the case's history at will."""
    if placement_status(data.start_date, data.end_date, today()) is PlacementStatus.ENDED:
        policy.require(
            principal,
            Capability.REGISTER_PAST_PLACEMENT,
            service_id,
            errors=[
                body_error(
                    "end_date", "The placement has already ended on this date", "ended_placement"
                )
            ],
        )


def create_placement(
    session: Session, principal: Principal, *, data: PlacementCreate, audit: AuditTrail
) -> Placement:
    try:
        # Locking the child serialises concurrent placements of one child (PostgreSQL).
        child = ChildRepository(session, principal).get_for_update(data.child_id)
    except NotFound:
        raise UnknownReference(
            "No child with this id is visible to you.",
            errors=[body_error("child_id", "Unknown child", "unknown_reference")],
        ) from None
    service_id = child.service_id
    _check_foster_home(session, principal, service_id, data.foster_home_id)
    _check_staff(session, principal, service_id, data.contact_person_id, CONTACT_PERSON_FIELD)
    if data.supervisor_id is not None:
        _check_staff(session, principal, service_id, data.supervisor_id, SUPERVISOR_FIELD)
    errors = _date_errors(data.start_date, data.end_date, data.agreement_end_date, child.birth_date)
    errors += care_order_errors(
        data.legal_basis, data.care_order_date, changed_to_care_order=False, start=data.start_date
    )
    if data.end_reason is not None and data.end_date is None:
        errors.append(body_error("end_reason", "end_reason needs end_date", "missing_end_date"))
    if data.end_planned is not None and data.end_date is None:
        errors.append(body_error("end_planned", "end_planned needs end_date", "missing_end_date"))
    errors += breakdown_errors(data.end_planned, data.breakdown_reason)
    if errors:
        raise ValidationFailed("The placement's dates are not valid.", errors=errors)
    _check_not_history(principal, data, service_id)

    repo = PlacementRepository(session, principal)
    repo.ensure_external_ref_free(service_id, data.external_ref)
    _check_no_overlap(repo, child.id, data.start_date, data.end_date)
    row = Placement(
        service_id=service_id,
        **data.model_dump(exclude={"external_ref"}),
    )
    if data.legal_basis is LegalBasis.CARE_ORDER and data.care_order_date is None:
        # A move under a standing care order: the care order, and what counts from it, goes on.
        row.care_order_date = _previous_care_order(session, child.id, data.start_date)
    row.set_external_ref(data.external_ref)
    session.add(row)
    session.flush()
    emit(
        session,
        service_id=service_id,
        type=PlacementEvent.CREATED,
        subject_id=row.id,
        placement_id=row.id,
    )
    return audit.one(row)


def read_placement(
    session: Session, principal: Principal, placement_id: uuid.UUID, *, audit: AuditTrail
) -> Row[Any]:
    """The placement's columns, for showing it (no ORM object: see ``PlacementRead.from_row``),
    and the audit entry of the read."""
    return PlacementRepository(session, principal).read(placement_id, recorded_by=audit)


def list_placements(
    session: Session, principal: Principal, params: PlacementFilters, *, audit: AuditTrail
) -> tuple[list[Placement], str | None]:
    status = params.status
    where = [status_condition(status, today())] if status is not None else []
    rows, cursor = PlacementRepository(session, principal).list(
        params.model_copy(update={"status": None}), where=where
    )
    audit.many(rows)
    return rows, cursor


@dataclass(frozen=True)
class Changed:
    """What a change of a placement changed that others react to (``app.flows``): its contact
    person and supervisor, and the dates its workflows are planned from."""

    contact_person_id: uuid.UUID
    dates: tuple[date, date | None, date | None]
    legal_basis: LegalBasis = LegalBasis.CARE_ORDER
    supervisor_id: uuid.UUID | None = None
    old: Changed | None = None

    @classmethod
    def of(cls, row: Placement) -> Changed:
        return cls(
            row.contact_person_id,
            (row.start_date, row.end_date, row.agreement_end_date),
            row.legal_basis,
            row.supervisor_id,
        )

    def compared_with(self, row: Placement) -> Changed:
        """The placement as it is now, remembering this (its state before the change)."""
        return replace(Changed.of(row), old=self)

    @property
    def new_contact_person(self) -> bool:
        return self.old is not None and self.old.contact_person_id != self.contact_person_id

    @property
    def new_legal_basis(self) -> bool:
        return self.old is not None and self.old.legal_basis is not self.legal_basis

    @property
    def new_supervisor(self) -> bool:
        return self.old is not None and self.old.supervisor_id != self.supervisor_id

    @property
    def new_dates(self) -> bool:
        return self.old is not None and self.old.dates != self.dates


def _load_open(
    session: Session, principal: Principal, placement_id: uuid.UUID, precondition: Precondition
) -> tuple[PlacementRepository, Placement]:
    repo = PlacementRepository(session, principal)
    row = repo.get_for_update(placement_id)
    precondition.check(row)
    if row.status is PlacementStatus.ENDED:
        raise PlacementAlreadyEnded(f"The placement ended on {row.end_date}.")
    return repo, row


def update_placement(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    *,
    data: PlacementUpdate,
    precondition: Precondition,
    audit: AuditTrail,
) -> tuple[Placement, Changed]:
    repo, row = _load_open(session, principal, placement_id, precondition)
    changes = data.changes()
    if data.contact_person_id is not None:
        _check_staff(
            session, principal, row.service_id, data.contact_person_id, CONTACT_PERSON_FIELD
        )
    if data.supervisor_id is not None:
        _check_staff(session, principal, row.service_id, data.supervisor_id, SUPERVISOR_FIELD)
    start = data.start_date or row.start_date
    agreement_end = (
        data.agreement_end_date if "agreement_end_date" in changes else row.agreement_end_date
    )
    child = session.get_one(ChildRepository.model, row.child_id)
    errors = _date_errors(start, row.end_date, agreement_end, child.birth_date)
    legal_basis = data.legal_basis or row.legal_basis
    becomes_care_order = (
        legal_basis is LegalBasis.CARE_ORDER and row.legal_basis is not LegalBasis.CARE_ORDER
    )
    if becomes_care_order or "care_order_date" in changes:
        care_order_date = changes.get("care_order_date", row.care_order_date)
        assert care_order_date is None or isinstance(care_order_date, date)
        errors += care_order_errors(
            legal_basis,
            care_order_date,
            changed_to_care_order=becomes_care_order,
            start=start,
        )
    if errors:
        raise ValidationFailed("The placement's dates are not valid.", errors=errors)
    if start != row.start_date:
        _check_no_overlap(repo, row.child_id, start, row.end_date, exclude=row.id)
    repo.change_external_ref(row, changes, data.external_ref)
    before = Changed.of(row)
    apply_changes(row, changes)
    if row.legal_basis is not LegalBasis.CARE_ORDER:
        row.care_order_date = None  # the care order no longer stands
    session.flush()
    emit(
        session,
        service_id=row.service_id,
        type=PlacementEvent.UPDATED,
        subject_id=row.id,
        placement_id=row.id,
        data={"fields": sorted(changes)},
    )
    return audit.one(row), before.compared_with(row)


def breakdown_errors(
    end_planned: bool | None, breakdown_reason: BreakdownReason | None
) -> list[FieldError]:
    """An unplanned end (a breakdown) needs its reason; a planned or unrecorded one has none."""
    if end_planned is False and breakdown_reason is None:
        return [body_error("breakdown_reason", "A breakdown needs its reason", "missing")]
    if end_planned is not False and breakdown_reason is not None:
        detail = "Only an unplanned end (end_planned false) has one"
        return [body_error("breakdown_reason", detail, "not_a_breakdown")]
    return []


def end_placement(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    *,
    data: PlacementEnd,
    precondition: Precondition,
    audit: AuditTrail,
) -> Placement:
    repo, row = _load_open(session, principal, placement_id, precondition)
    if data.end_date < row.start_date:
        raise ValidationFailed(
            "The placement cannot end before it started.",
            errors=[body_error("end_date", "end_date is before start_date", "before_start")],
        )
    errors = breakdown_errors(data.end_planned, data.breakdown_reason)
    if errors:
        raise ValidationFailed("A breakdown needs its reason, and only a breakdown.", errors=errors)
    _check_no_overlap(repo, row.child_id, row.start_date, data.end_date, exclude=row.id)
    row.end_date = data.end_date
    row.end_reason = data.end_reason
    row.end_planned = data.end_planned
    row.breakdown_reason = data.breakdown_reason
    session.flush()
    emit(
        session,
        service_id=row.service_id,
        type=PlacementEvent.ENDED,
        subject_id=row.id,
        placement_id=row.id,
        data={"end_date": data.end_date.isoformat()},
    )
    return audit.one(row)
