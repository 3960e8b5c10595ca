"""Contact visits (*samvær*, issue #14 item 3): the arrangements the tribunal or an agreement
set, each visit, and the schedule of planned visits; the reports after supervised visits are in
``reports.py``.

Due work is planned as tasks by two workflow definitions, so each task has its due date, the
rule's provenance and an explanation from the engine: ``samvaer`` (a plan for the visits and a
regular review of the arrangement) starts with a placement's first arrangement, and every report
starts its own ``samvaersrapport`` run (``reports.py``), whose one step (the review, P6 item 14)
is due a rule-set interval after the day the report arrived. The visits an arrangement plans are
dates, not tasks (``schedule.py``): nobody has a deadline to hold them.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit.trail import AuditTrail
from app.children.models import Child
from app.clock import today
from app.config import get_settings
from app.contact_visits.models import (
    ContactVisit,
    ContactVisitArrangement,
    ContactVisitArrangementRevision,
    ContactVisitEvent,
    DecidedBy,
    VisitStatus,
)
from app.contact_visits.schedule import build_schedule, frequency_text
from app.contact_visits.schemas import (
    ArrangementCreate,
    ArrangementRead,
    ArrangementUpdate,
    ContactVisitSchedule,
    RevisionRead,
    VisitCreate,
    VisitFilters,
    VisitRead,
    VisitUpdate,
)
from app.errors import FieldError, NotFound, ValidationFailed, body_error
from app.events.service import emit
from app.placements.models import Placement
from app.placements.service import PlacementRepository
from app.planning.definitions import catalogue
from app.preconditions import Precondition
from app.principal import Principal
from app.workflows import service as workflows

ARRANGEMENT_WORKFLOW = "samvaer"
ARRANGEMENT_START_TEXT = {
    DecidedBy.TRIBUNAL: "nemnda fastsatte samværet",
    DecidedBy.COURT: "retten fastsatte samværet",
    DecidedBy.AGREEMENT: "samværet ble avtalt",
}
# The columns an arrangement's revision keeps (everything a change may replace).
ARRANGEMENT_VALUES = (
    "decided_by",
    "decided_on",
    "reference",
    "participants",
    "every",
    "first_visit_on",
    "duration_minutes",
    "supervised",
    "supervised_by",
    "place",
    "minimum",
    "notes",
    "ended_on",
    "end_reason",
)


def placement_of(session: Session, principal: Principal, placement_id: uuid.UUID) -> Placement:
    return PlacementRepository(session, principal).get(placement_id)


def in_placement(placement: Placement, field: str, day: date) -> list[FieldError]:
    if day < placement.start_date:
        return [body_error(field, "Before the placement started", "before_start")]
    if placement.end_date is not None and day > placement.end_date:
        return [body_error(field, "After the placement ended", "after_end")]
    return []


def refuse(errors: list[FieldError], detail: str) -> None:
    if errors:
        raise ValidationFailed(detail, errors=errors)


# -- Arrangements --------------------------------------------------------------------------------


def _arrangement_errors(placement: Placement, values: dict[str, Any]) -> list[FieldError]:
    errors = in_placement(placement, "first_visit_on", values["first_visit_on"])
    if values["decided_on"] > today():
        errors.append(body_error("decided_on", "A decision is recorded once made", "in_future"))
    if values.get("supervised_by") and not values["supervised"]:
        errors.append(
            body_error("supervised_by", "Only a supervised visit has a supervisor", "unsupervised")
        )
    ended_on = values.get("ended_on")
    if ended_on is not None and ended_on < values["decided_on"]:
        errors.append(body_error("ended_on", "Before the arrangement was decided", "before_start"))
    if ended_on is not None and not values.get("end_reason"):
        errors.append(body_error("end_reason", "Say why the arrangement ended", "missing"))
    return errors


def create_arrangement(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    *,
    data: ArrangementCreate,
    audit: AuditTrail,
) -> ContactVisitArrangement:
    """Record an arrangement; the placement's first one starts the ``samvaer`` workflow (its plan
    and regular review), counted from the day it was decided."""
    placement = placement_of(session, principal, placement_id)
    values = data.model_dump(mode="python")
    refuse(_arrangement_errors(placement, values), "The arrangement does not fit the placement.")
    row = ContactVisitArrangement(
        service_id=placement.service_id,
        placement_id=placement.id,
        revision=1,
        recorded_by=principal.subject,
        **values,
    )
    session.add(row)
    session.flush()
    emit(
        session,
        service_id=row.service_id,
        type=ContactVisitEvent.ARRANGEMENT_CREATED,
        subject_id=row.id,
        placement_id=placement.id,
    )
    _start_arrangement_workflow(session, placement, row, actor=principal.subject)
    return audit.one(row)


def _start_arrangement_workflow(
    session: Session, placement: Placement, row: ContactVisitArrangement, *, actor: str
) -> None:
    running = any(
        i.definition_key == ARRANGEMENT_WORKFLOW
        for i in workflows.active_instances(session, placement.id)
    )
    if running or (placement.end_date is not None and placement.end_date <= today()):
        return
    definition = catalogue().latest(ARRANGEMENT_WORKFLOW)
    assert definition is not None  # shipped with the code
    backfill = today() - timedelta(days=get_settings().schedule_backfill_days)
    workflows.start_instance(
        session,
        placement=placement,
        child=session.get_one(Child, placement.child_id),
        definition=definition,
        workflow_start=row.decided_on,
        planned_from=max(row.decided_on, placement.start_date, backfill),
        actor=actor,
        rules=workflows.current_rule_set(session),
        start_reason=ARRANGEMENT_START_TEXT[row.decided_by],
    )
    workflows.spread(session, placement, actor=actor)
    session.flush()


def _move_arrangement_workflow(
    session: Session,
    placement: Placement,
    old_decided_on: date,
    row: ContactVisitArrangement,
    *,
    actor: str,
) -> None:
    """A corrected decision date moves the ``samvaer`` run counted from it (open tasks nobody
    edited move with it; completed ones stay, as for a placement's dates)."""
    for instance in workflows.active_instances(session, placement.id):
        if instance.definition_key != ARRANGEMENT_WORKFLOW:
            continue
        if instance.workflow_start != old_decided_on:
            return  # counted from another arrangement
        instance.workflow_start = row.decided_on
        instance.start_reason = ARRANGEMENT_START_TEXT[row.decided_by]
        workflows.sync_instance(
            session,
            instance,
            placement=placement,
            child=session.get_one(Child, placement.child_id),
            rules=workflows.current_rule_set(session),
            actor=actor,
            reason="Datoen samværet ble fastsatt, ble rettet.",
        )
        workflows.spread(session, placement, actor=actor)
        session.flush()


def _arrangement(
    session: Session, placement: Placement, arrangement_id: uuid.UUID, *, for_update: bool = False
) -> ContactVisitArrangement:
    stmt = select(ContactVisitArrangement).where(
        ContactVisitArrangement.id == arrangement_id,
        ContactVisitArrangement.placement_id == placement.id,
    )
    row = session.scalar(stmt.with_for_update() if for_update else stmt)
    if row is None:
        raise NotFound("No contact-visit arrangement with this id on this placement.")
    return row


def revisions_by_arrangement(
    session: Session, arrangement_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[ContactVisitArrangementRevision]]:
    found: dict[uuid.UUID, list[ContactVisitArrangementRevision]] = {}
    if not arrangement_ids:
        return found
    for revision in session.scalars(
        select(ContactVisitArrangementRevision)
        .where(ContactVisitArrangementRevision.arrangement_id.in_(arrangement_ids))
        .order_by(ContactVisitArrangementRevision.revision)
    ):
        found.setdefault(revision.arrangement_id, []).append(revision)
    return found


def revisions_of(
    session: Session, arrangement_id: uuid.UUID
) -> list[ContactVisitArrangementRevision]:
    return revisions_by_arrangement(session, [arrangement_id]).get(arrangement_id, [])


def arrangement_read(
    row: ContactVisitArrangement, revisions: list[ContactVisitArrangementRevision]
) -> ArrangementRead:
    return ArrangementRead.model_validate(
        {
            **{c: getattr(row, c) for c in ArrangementRead.model_fields if hasattr(row, c)},
            "frequency_text": frequency_text(row.every),
            "revisions": [RevisionRead.model_validate(r) for r in revisions],
        }
    )


def get_arrangement(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    arrangement_id: uuid.UUID,
    *,
    audit: AuditTrail,
) -> ArrangementRead:
    placement = placement_of(session, principal, placement_id)
    row = audit.one(_arrangement(session, placement, arrangement_id))
    revisions = revisions_by_arrangement(session, [row.id]).get(row.id, [])
    audit.many(revisions)
    return arrangement_read(row, revisions)


def arrangements_of(session: Session, placement_id: uuid.UUID) -> list[ContactVisitArrangement]:
    """A placement's arrangements, earliest decided first (the caller checked the placement)."""
    return list(
        session.scalars(
            select(ContactVisitArrangement)
            .where(ContactVisitArrangement.placement_id == placement_id)
            .order_by(ContactVisitArrangement.decided_on, ContactVisitArrangement.created_at)
        )
    )


def list_arrangements(
    session: Session, principal: Principal, placement_id: uuid.UUID, *, audit: AuditTrail
) -> list[ArrangementRead]:
    placement = placement_of(session, principal, placement_id)
    rows = arrangements_of(session, placement.id)
    audit.one(placement, detail="contact-visit-arrangements")  # none yet is a read too
    audit.many(rows)
    revisions = revisions_by_arrangement(session, [r.id for r in rows])
    audit.many([r for group in revisions.values() for r in group])
    return [arrangement_read(r, revisions.get(r.id, [])) for r in rows]


def update_arrangement(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    arrangement_id: uuid.UUID,
    *,
    data: ArrangementUpdate,
    precondition: Precondition,
    audit: AuditTrail,
) -> ArrangementRead:
    """Change the arrangement; the values it had are kept as a revision with the reason."""
    placement = placement_of(session, principal, placement_id)
    row = _arrangement(session, placement, arrangement_id, for_update=True)
    precondition.check(row)
    changes = data.model_dump(mode="python", exclude_unset=True)
    reason = changes.pop("change_reason")
    before = data_of(row)
    merged = {**{c: getattr(row, c) for c in ARRANGEMENT_VALUES}, **changes}
    refuse(_arrangement_errors(placement, merged), "The arrangement does not fit the placement.")
    session.add(
        ContactVisitArrangementRevision(
            service_id=row.service_id,
            placement_id=row.placement_id,
            arrangement_id=row.id,
            revision=row.revision,
            values=before,
            change_reason=reason,
            changed_by=principal.subject,
        )
    )
    old_decided_on = row.decided_on
    for key, value in changes.items():
        setattr(row, key, value)
    row.revision += 1
    session.flush()
    if row.decided_on != old_decided_on:
        _move_arrangement_workflow(session, placement, old_decided_on, row, actor=principal.subject)
    emit(
        session,
        service_id=row.service_id,
        type=ContactVisitEvent.ARRANGEMENT_CHANGED,
        subject_id=row.id,
        placement_id=placement.id,
        data={"revision": row.revision},
    )
    audit.one(row)
    revisions = revisions_by_arrangement(session, [row.id]).get(row.id, [])
    return arrangement_read(row, revisions)


def data_of(row: ContactVisitArrangement) -> dict[str, Any]:
    """The arrangement's values as JSON (a revision's record of them)."""
    out: dict[str, Any] = {}
    for column in ARRANGEMENT_VALUES:
        value = getattr(row, column)
        out[column] = value.isoformat() if isinstance(value, date) else value
    out["decided_by"] = row.decided_by.value
    return out


# -- Visits --------------------------------------------------------------------------------------


def _visit_errors(
    session: Session, placement: Placement, values: dict[str, Any]
) -> list[FieldError]:
    errors = in_placement(placement, "planned_on", values["planned_on"])
    status = values["status"]
    held_on = values.get("held_on")
    if held_on is not None:
        if status is not VisitStatus.HELD:
            errors.append(body_error("held_on", "Only a visit held has a day held", "not_held"))
        else:
            errors += in_placement(placement, "held_on", held_on)
    held_day = held_on or values["planned_on"]
    if status is VisitStatus.HELD and held_day > today():
        field = "held_on" if held_on is not None else "planned_on"
        errors.append(body_error(field, "A visit is held before it is recorded", "in_future"))
    cancelled = status is VisitStatus.CANCELLED
    for field in ("cancelled_by", "cancellation_reason"):
        if cancelled and not values.get(field):
            errors.append(body_error(field, "A cancelled visit says by whom and why", "missing"))
        if not cancelled and values.get(field):
            errors.append(body_error(field, "Only a cancelled visit has this", "not_cancelled"))
    arrangement_id = values.get("arrangement_id")
    if arrangement_id is not None:
        found = session.scalar(
            select(ContactVisitArrangement.id).where(
                ContactVisitArrangement.id == arrangement_id,
                ContactVisitArrangement.placement_id == placement.id,
            )
        )
        if found is None:
            errors.append(
                body_error("arrangement_id", "No such arrangement here", "unknown_reference")
            )
    return errors


def create_visit(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    *,
    data: VisitCreate,
    audit: AuditTrail,
) -> ContactVisit:
    """Record a contact visit: planned, or held or cancelled (by whom and why)."""
    placement = placement_of(session, principal, placement_id)
    values = data.model_dump(mode="python")
    refuse(_visit_errors(session, placement, values), "The visit does not fit the placement.")
    row = ContactVisit(
        service_id=placement.service_id,
        placement_id=placement.id,
        recorded_by=principal.subject,
        **values,
    )
    session.add(row)
    session.flush()
    emit(
        session,
        service_id=row.service_id,
        type=ContactVisitEvent.VISIT_CREATED,
        subject_id=row.id,
        placement_id=placement.id,
        data={"status": row.status.value},
    )
    return audit.one(row)


def _visit(
    session: Session, placement: Placement, visit_id: uuid.UUID, *, for_update: bool = False
) -> ContactVisit:
    stmt = select(ContactVisit).where(
        ContactVisit.id == visit_id, ContactVisit.placement_id == placement.id
    )
    row = session.scalar(stmt.with_for_update() if for_update else stmt)
    if row is None:
        raise NotFound("No contact visit with this id on this placement.")
    return row


def get_visit(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    visit_id: uuid.UUID,
    *,
    audit: AuditTrail,
) -> ContactVisit:
    placement = placement_of(session, principal, placement_id)
    return audit.one(_visit(session, placement, visit_id))


def visits_of(session: Session, placement_id: uuid.UUID) -> list[ContactVisit]:
    return list(
        session.scalars(
            select(ContactVisit)
            .where(ContactVisit.placement_id == placement_id)
            .order_by(ContactVisit.planned_on, ContactVisit.created_at)
        )
    )


def list_visits(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    params: VisitFilters,
    *,
    audit: AuditTrail,
) -> list[ContactVisit]:
    placement = placement_of(session, principal, placement_id)
    rows = visits_of(session, placement.id)
    if params.status is not None:
        rows = [r for r in rows if r.status is params.status]
    audit.one(placement, detail="contact-visits")
    audit.many(rows)
    return rows


def update_visit(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    visit_id: uuid.UUID,
    *,
    data: VisitUpdate,
    precondition: Precondition,
    audit: AuditTrail,
) -> ContactVisit:
    """Register a visit held or cancelled, or correct it; the whole visit is checked again."""
    placement = placement_of(session, principal, placement_id)
    row = _visit(session, placement, visit_id, for_update=True)
    precondition.check(row)
    changes = data.model_dump(mode="python", exclude_unset=True)
    fields = set(VisitCreate.model_fields)
    merged = {**{c: getattr(row, c) for c in fields}, **changes}
    if "status" in changes and merged["status"] is not VisitStatus.CANCELLED:
        # Held after all (or planned again): the cancellation goes unless the change sets it.
        for field in ("cancelled_by", "cancellation_reason"):
            merged[field] = changes.get(field)
    refuse(_visit_errors(session, placement, merged), "The visit does not fit the placement.")
    for key in fields:
        setattr(row, key, merged[key])
    session.flush()
    emit(
        session,
        service_id=row.service_id,
        type=ContactVisitEvent.VISIT_CHANGED,
        subject_id=row.id,
        placement_id=placement.id,
        data={"status": row.status.value},
    )
    return audit.one(row)


def visit_read(row: ContactVisit) -> VisitRead:
    return VisitRead.model_validate(row)


# -- The schedule (the year wheel's contact visits) ----------------------------------------------


def schedule(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    *,
    from_date: date | None = None,
    to_date: date | None = None,
    audit: AuditTrail,
) -> ContactVisitSchedule:
    """The placement's contact visits in the window (default: today and twelve months on),
    for the year wheel and the child's information."""
    start = from_date or today()
    end = to_date or start + relativedelta(years=1)
    if end < start:
        raise ValidationFailed(
            "The window ends before it starts.",
            errors=[
                FieldError(
                    detail="Before from_date", parameter="to_date", location="query", code="order"
                )
            ],
        )
    if end > start + relativedelta(years=5):
        raise ValidationFailed(
            "At most five years at a time.",
            errors=[
                FieldError(
                    detail="More than five years after from_date",
                    parameter="to_date",
                    location="query",
                    code="too_long",
                )
            ],
        )
    placement = placement_of(session, principal, placement_id)
    arrangements = arrangements_of(session, placement.id)
    visits = visits_of(session, placement.id)
    audit.one(placement, detail="contact-visit-schedule")
    audit.many(arrangements)
    audit.many(visits)
    return ContactVisitSchedule(
        placement_id=placement.id,
        from_date=start,
        to_date=end,
        items=build_schedule(
            arrangements,
            visits,
            placement_end=placement.end_date,
            from_date=start,
            to_date=end,
        ),
    )
