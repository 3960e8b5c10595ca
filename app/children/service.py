"""Children followed up by a service."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from app.audit import service as trail_search
from app.audit.models import AuditEvent
from app.audit.schemas import AuditWindow
from app.audit.trail import Action, AuditTrail
from app.children.models import Child
from app.children.national_ids import stored_hash
from app.children.schemas import (
    ChildCreate,
    ChildFilters,
    ChildUpdate,
    birth_date_errors,
)
from app.clock import today
from app.errors import DuplicateResource, ValidationFailed
from app.preconditions import Precondition
from app.principal import Principal, Role
from app.tenancy import TenantRepository, apply_changes, case_link, resolve_service


class ChildRepository(TenantRepository[Child]):
    model = Child
    path = "children"
    noun = "child"

    def case_filter(self, staff_id: Any) -> ColumnElement[bool]:
        return case_link(Child, staff_id)

    def supervised_filter(self, staff_id: Any) -> ColumnElement[bool]:
        return case_link(Child, staff_id, Role.SUPERVISOR)

    def ensure_national_id_free(
        self, service_id: uuid.UUID, national_id: str | None, exclude: uuid.UUID | None
    ) -> None:
        """Refuse a national id another child of the service has, before the insert: the common
        duplicate gets its 409 here, and only a race reaches the unique index (whose message
        quotes the hash, not the number)."""
        if national_id is None:
            return
        stmt = select(Child.id).where(
            Child.service_id == service_id, Child.national_id_hash == stored_hash(national_id)
        )
        if exclude is not None:
            stmt = stmt.where(Child.id != exclude)
        if self.session.scalar(stmt) is not None:
            raise DuplicateResource("This service already has a child with this national_id.")


def create_child(
    session: Session,
    principal: Principal,
    *,
    data: ChildCreate,
    service_id: uuid.UUID | None,
    audit: AuditTrail,
) -> Child:
    owner = resolve_service(principal, service_id)
    repo = ChildRepository(session, principal)
    repo.ensure_external_ref_free(owner, data.external_ref)
    repo.ensure_national_id_free(owner, data.national_id, None)
    row = Child(
        service_id=owner,
        given_name=data.given_name,
        family_name=data.family_name,
        birth_date=data.birth_date,
        national_id=data.national_id,
    )
    row.set_external_ref(data.external_ref)
    session.add(row)
    session.flush()
    return audit.one(row)


def get_child(
    session: Session, principal: Principal, child_id: uuid.UUID, *, audit: AuditTrail
) -> Child:
    """The child's own record; also to a team's staff while an order for the child is accepted
    and open (``app/teams/``: the read lands in the child's service's trail like any other)."""
    return audit.one(ChildRepository(session, principal, granted=True).get(child_id))


def find_child(session: Session, principal: Principal, child_id: uuid.UUID) -> Child:
    """The child, if the caller may see it, for a use case that records its own entry."""
    return ChildRepository(session, principal).get(child_id)


def access_log(
    session: Session,
    principal: Principal,
    child_id: uuid.UUID,
    window: AuditWindow,
    *,
    audit: AuditTrail,
) -> tuple[list[AuditEvent], str | None]:
    """A page of the child's access log, for those who oversee its service (reading it is
    recorded on the child)."""
    child = find_child(session, principal, child_id)
    page = trail_search.child_history(
        session, principal, child.id, window, service_id=child.service_id
    )
    audit.one(child, detail="access-log")
    return page


def access_log_export(
    session: Session,
    principal: Principal,
    child_id: uuid.UUID,
    window: AuditWindow,
    *,
    audit: AuditTrail,
) -> list[AuditEvent]:
    """The child's whole access log in the window, for a file (recorded as an export)."""
    child = find_child(session, principal, child_id)
    rows = trail_search.all_child_history(
        session, principal, child.id, window, service_id=child.service_id
    )
    audit.one(child, action=Action.EXPORT, detail="access-log-csv")
    return rows


def list_children(
    session: Session, principal: Principal, params: ChildFilters, *, audit: AuditTrail
) -> tuple[list[Child], str | None]:
    rows, cursor = ChildRepository(session, principal, granted=True).list(params)
    audit.many(rows)
    return rows, cursor


def update_child(
    session: Session,
    principal: Principal,
    child_id: uuid.UUID,
    *,
    data: ChildUpdate,
    precondition: Precondition,
    audit: AuditTrail,
) -> Child:
    repo = ChildRepository(session, principal)
    row = repo.get_for_update(child_id)
    precondition.check(row)
    changes = data.changes()
    birth_date = data.birth_date or row.birth_date
    national_id = data.national_id if "national_id" in changes else row.national_id
    errors = birth_date_errors(birth_date, national_id, today())
    if errors:
        raise ValidationFailed("The birth date is not valid.", errors=errors)
    if "national_id" in changes:
        repo.ensure_national_id_free(row.service_id, data.national_id, row.id)
    repo.change_external_ref(row, changes, data.external_ref)
    apply_changes(row, changes)
    session.flush()
    return audit.one(row)
