"""The other children living in a foster home: the foster parents' own children and other
foster children. The follow-up of the home includes them (they share their home and parents),
so the service records who they are, without a national id."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit.trail import AuditTrail
from app.clock import today
from app.errors import FieldError, NotFound, ValidationFailed, body_error
from app.events.service import emit
from app.foster_homes.models import FosterHome
from app.foster_homes.service import FosterHomeRepository
from app.preconditions import Precondition
from app.principal import Principal
from app.supervision.models import FosterHomeChild, SupervisionEvent
from app.supervision.schemas import HomeChildCreate, HomeChildUpdate
from app.tenancy import apply_changes


def _emit(session: Session, row: FosterHomeChild, type: SupervisionEvent, **data: Any) -> None:
    emit(
        session,
        service_id=row.service_id,
        type=type,
        subject_id=row.id,
        data={"foster_home_id": str(row.foster_home_id), **data},
    )


def add_child(
    session: Session,
    principal: Principal,
    home_id: uuid.UUID,
    *,
    data: HomeChildCreate,
    audit: AuditTrail,
) -> FosterHomeChild:
    home = FosterHomeRepository(session, principal).get(home_id)
    errors: list[FieldError] = []
    if data.birth_date is None and data.birth_year is None:
        errors.append(body_error("birth_year", "Give birth_date or birth_year", "missing"))
    if data.birth_date is not None and data.birth_date > today():
        errors.append(body_error("birth_date", "Not born yet", "in_future"))
    if data.birth_year is not None and data.birth_year > today().year:
        errors.append(body_error("birth_year", "Not born yet", "in_future"))
    if (
        data.birth_date is not None
        and data.birth_year is not None
        and data.birth_date.year != data.birth_year
    ):
        errors.append(body_error("birth_year", "Not the year of birth_date", "mismatch"))
    if errors:
        raise ValidationFailed("The child's birth is not given correctly.", errors=errors)
    year = data.birth_date.year if data.birth_date is not None else data.birth_year
    assert year is not None
    row = FosterHomeChild(
        service_id=home.service_id,
        foster_home_id=home.id,
        name=data.name,
        birth_date=data.birth_date,
        birth_year=year,
        relation=data.relation,
        notes=data.notes,
    )
    session.add(row)
    session.flush()
    _emit(session, row, SupervisionEvent.HOME_CHILD_ADDED)
    audit.one(home, detail="children")  # the entry names the home as well as the child
    return audit.one(row)


def _child(
    session: Session, principal: Principal, home_id: uuid.UUID, child_id: uuid.UUID
) -> tuple[FosterHome, FosterHomeChild]:
    home = FosterHomeRepository(session, principal).get(home_id)
    row = session.scalar(
        select(FosterHomeChild).where(
            FosterHomeChild.id == child_id, FosterHomeChild.foster_home_id == home.id
        )
    )
    if row is None:
        raise NotFound("No child with this id in this foster home.")
    return home, row


def get_child(
    session: Session,
    principal: Principal,
    home_id: uuid.UUID,
    child_id: uuid.UUID,
    *,
    audit: AuditTrail,
) -> FosterHomeChild:
    home, row = _child(session, principal, home_id, child_id)
    audit.one(home, detail="children")
    return audit.one(row)


def children_in(session: Session, home: FosterHome) -> list[FosterHomeChild]:
    """The children living in the home now, oldest first (the caller has read the home)."""
    return list(
        session.scalars(
            select(FosterHomeChild)
            .where(
                FosterHomeChild.foster_home_id == home.id,
                FosterHomeChild.moved_out_on.is_(None) | (FosterHomeChild.moved_out_on > today()),
            )
            .order_by(FosterHomeChild.birth_year, FosterHomeChild.name, FosterHomeChild.id)
        )
    )


def list_children(
    session: Session, principal: Principal, home_id: uuid.UUID, *, audit: AuditTrail
) -> list[FosterHomeChild]:
    """Every child recorded in the home, oldest first, those who moved out too."""
    home = FosterHomeRepository(session, principal).get(home_id)
    rows = list(
        session.scalars(
            select(FosterHomeChild)
            .where(FosterHomeChild.foster_home_id == home.id)
            .order_by(FosterHomeChild.birth_year, FosterHomeChild.name, FosterHomeChild.id)
        )
    )
    audit.one(home, detail="children")
    audit.many(rows)
    return rows


def update_child(
    session: Session,
    principal: Principal,
    home_id: uuid.UUID,
    child_id: uuid.UUID,
    *,
    data: HomeChildUpdate,
    precondition: Precondition,
    audit: AuditTrail,
) -> FosterHomeChild:
    home, row = _child(session, principal, home_id, child_id)
    precondition.check(row)
    changes = data.changes()
    moved = changes.get("moved_out_on")
    if moved is not None and moved > today():  # type: ignore[operator]
        raise ValidationFailed(
            "A move is recorded after it happened.",
            errors=[body_error("moved_out_on", "Not after today", "in_future")],
        )
    apply_changes(row, changes)
    session.flush()
    _emit(session, row, SupervisionEvent.HOME_CHILD_UPDATED, fields=sorted(changes))
    audit.one(home, detail="children")
    return audit.one(row)
