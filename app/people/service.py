"""The child's parents: each a person of their own, with their contact details, whether they
have parental responsibility, whether they want follow-up (and who declined it, when), and who
lives with whom."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from app.audit.trail import AuditTrail
from app.children.models import Child
from app.children.service import find_child
from app.clock import today
from app.errors import NotFound, UnknownReference, ValidationFailed, body_error
from app.events.service import emit
from app.people.models import Parent, ParentEvent
from app.people.schemas import ParentCreate, ParentFilters, ParentUpdate, parent_errors
from app.preconditions import Precondition
from app.principal import Principal
from app.tenancy import TenantRepository, apply_changes, case_link


class ParentRepository(TenantRepository[Parent]):
    model = Parent
    path = "parents"
    noun = "parent"

    def case_filter(self, staff_id: Any) -> ColumnElement[bool]:
        return Parent.child_id.in_(select(Child.id).where(case_link(Child, staff_id)))


def _of_child(session: Session, principal: Principal, child: Child, parent_id: uuid.UUID) -> Parent:
    row = ParentRepository(session, principal).get(parent_id)
    if row.child_id != child.id:
        raise NotFound("No parent with this id is visible to you for this child.")
    return row


def _household_of(
    session: Session, principal: Principal, child: Child, other_id: uuid.UUID, own: uuid.UUID | None
) -> uuid.UUID:
    """The household of the parent ``other_id`` of the same child (422 at ``#/lives_with``)."""
    other = ParentRepository(session, principal).readable_in_service(child.service_id, other_id)
    if other is None or other.child_id != child.id or other.id == own:
        raise UnknownReference(
            "lives_with must name another parent of the same child.",
            errors=[
                body_error("lives_with", "Not another parent of this child", "unknown_reference")
            ],
        )
    return other.household_id


def _check(row: Parent) -> None:
    errors = parent_errors(
        relation=row.relation,
        relation_text=row.relation_text,
        declined_on=row.declined_on,
        decline_note=row.decline_note,
        today=today(),
    )
    if errors:
        raise ValidationFailed("The parent's record is not valid.", errors=errors)


def _address_columns(address: Any) -> dict[str, Any]:
    if address is None:
        return {"street_address": None, "postal_code": None, "postal_place": None}
    return dict(address)


def create_parent(
    session: Session,
    principal: Principal,
    child_id: uuid.UUID,
    *,
    data: ParentCreate,
    audit: AuditTrail,
) -> Parent:
    child = find_child(session, principal, child_id)
    row = Parent(
        id=uuid.uuid4(),
        service_id=child.service_id,
        child_id=child.id,
        name=data.name,
        relation=data.relation,
        relation_text=data.relation_text,
        phone=data.phone,
        email=data.email,
        parental_responsibility=data.parental_responsibility,
        wants_follow_up=data.wants_follow_up,
        declined_on=data.declined_on,
        decline_note=data.decline_note,
        **_address_columns(data.address.model_dump() if data.address else None),
    )
    _check(row)
    row.household_id = (
        uuid.uuid4()
        if data.lives_with is None
        else _household_of(session, principal, child, data.lives_with, None)
    )
    session.add(row)
    session.flush()
    emit(
        session,
        service_id=row.service_id,
        type=ParentEvent.CREATED,
        subject_id=row.id,
        data={"child_id": str(child.id)},
    )
    return audit.one(row)


def get_parent(
    session: Session,
    principal: Principal,
    child_id: uuid.UUID,
    parent_id: uuid.UUID,
    *,
    audit: AuditTrail,
) -> Parent:
    child = find_child(session, principal, child_id)
    return audit.one(_of_child(session, principal, child, parent_id))


def list_parents(
    session: Session,
    principal: Principal,
    child_id: uuid.UUID,
    params: ParentFilters,
    *,
    audit: AuditTrail,
) -> tuple[list[Parent], str | None]:
    child = find_child(session, principal, child_id)
    rows, cursor = ParentRepository(session, principal).list(
        params, where=[Parent.child_id == child.id]
    )
    audit.one(child, detail="parents")  # no parents yet is a read of the child too
    audit.many(rows)
    return rows, cursor


def update_parent(
    session: Session,
    principal: Principal,
    child_id: uuid.UUID,
    parent_id: uuid.UUID,
    *,
    data: ParentUpdate,
    precondition: Precondition,
    audit: AuditTrail,
) -> Parent:
    child = find_child(session, principal, child_id)
    row = ParentRepository(session, principal).get_for_update(parent_id)
    if row.child_id != child.id:
        raise NotFound("No parent with this id is visible to you for this child.")
    precondition.check(row)
    changes = data.changes()
    if "lives_with" in changes:
        del changes["lives_with"]
        if data.lives_with is not None:
            row.household_id = _household_of(session, principal, child, data.lives_with, row.id)
        elif _shares_household(session, row):
            row.household_id = uuid.uuid4()  # moved out: a household of their own
    if "declined_on" in changes and data.declined_on is None:
        changes.setdefault("decline_note", None)  # accepted again: the decline is withdrawn
    if "address" in changes:
        del changes["address"]
        changes.update(_address_columns(data.address.model_dump() if data.address else None))
    apply_changes(row, changes)
    _check(row)
    session.flush()
    emit(
        session,
        service_id=row.service_id,
        type=ParentEvent.UPDATED,
        subject_id=row.id,
        data={"child_id": str(child.id)},
    )
    return audit.one(row)


def _shares_household(session: Session, row: Parent) -> bool:
    other = session.scalar(
        select(Parent.id).where(
            Parent.child_id == row.child_id,
            Parent.household_id == row.household_id,
            Parent.id != row.id,
        )
    )
    return other is not None


# -- Households, for the follow-up and the letters -----------------------------------------------


@dataclass(frozen=True)
class Household:
    """The parents of a child who live together, as plain values."""

    id: uuid.UUID
    parent_ids: tuple[uuid.UUID, ...]
    names: tuple[str, ...]
    followed_up: bool  # at least one of them wants the follow-up and has not declined
    declined: tuple[tuple[str, date], ...]  # who declined, and when

    @property
    def names_text(self) -> str:
        """``Kari Nordmann`` or ``Kari Nordmann og Ola Nordmann``."""
        return names_text(list(self.names))


def names_text(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} og {names[-1]}"


def households(session: Session, child_id: uuid.UUID) -> list[Household]:
    """The child's parents grouped by household, oldest registration first. Read for planning
    and filling (whose own reads are recorded): no entry of its own."""
    rows = list(
        session.scalars(
            select(Parent).where(Parent.child_id == child_id).order_by(Parent.created_at, Parent.id)
        )
    )
    grouped: dict[uuid.UUID, list[Parent]] = {}
    for row in rows:
        grouped.setdefault(row.household_id, []).append(row)
    result = []
    for household_id, members in grouped.items():
        followed = [p for p in members if p.followed_up]
        result.append(
            Household(
                id=household_id,
                parent_ids=tuple(p.id for p in members),
                # The letter and the conversation go to those followed up, when any are.
                names=tuple(p.name for p in (followed or members)),
                followed_up=bool(followed),
                declined=tuple(
                    (p.name, p.declined_on) for p in members if p.declined_on is not None
                ),
            )
        )
    return result


def household_members(
    session: Session, child_id: uuid.UUID, household_id: uuid.UUID
) -> list[Parent]:
    return list(
        session.scalars(
            select(Parent)
            .where(Parent.child_id == child_id, Parent.household_id == household_id)
            .order_by(Parent.created_at, Parent.id)
        )
    )


def parent_of_child(
    session: Session, principal: Principal, child: Child, parent_id: uuid.UUID, *, field: str
) -> Parent:
    """A parent of ``child`` the caller may read, named by a request's ``field`` (422 there
    otherwise: another child's or another service's parent is as unknown as a missing one)."""
    row = ParentRepository(session, principal).readable_in_service(child.service_id, parent_id)
    if row is None or row.child_id != child.id:
        raise UnknownReference(
            "No parent with this id for the child.",
            errors=[body_error(field, "Not a parent of this child", "unknown_reference")],
        )
    return row


def has_parents(session: Session, child_id: uuid.UUID) -> bool:
    return session.scalar(select(Parent.id).where(Parent.child_id == child_id).limit(1)) is not None
