"""From a signed-in person to a principal: their staff rows (one per service they work for,
matched on the identity claim, their e-mail by default) give one grant per service.

Looked up on every request, so removing a staff row or changing a role takes effect on the
person's next click, not at their next login."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.principal import DEFAULT_SCOPES, Grant, Principal, Role
from app.staff.models import Staff, StaffRole

# What each kind of staff row lets its person do in the web app.
ROLE_OF_STAFF: dict[StaffRole, Role] = {
    StaffRole.CONTACT_PERSON: Role.CONTACT_PERSON,
    StaffRole.LEADER: Role.LEADER,
    StaffRole.SUPERVISOR: Role.SUPERVISOR,
}


def normalise(subject: str) -> str:
    return subject.strip().lower()


def grants_for(session: Session, subject: str) -> dict[uuid.UUID, Grant]:
    rows = session.execute(
        select(Staff.service_id, Staff.id, Staff.role).where(
            func.lower(Staff.email) == normalise(subject)
        )
    ).all()
    grants: dict[uuid.UUID, Grant] = {}
    for service_id, staff_id, staff_role in rows:
        role = ROLE_OF_STAFF.get(StaffRole(staff_role))
        if role is not None:
            grants[service_id] = Grant(role, staff_id)
    return grants


def principal_for(session: Session, subject: str) -> Principal | None:
    """The principal of the person ``subject`` names, or None when no staff row grants them
    anything (they may sign in, and see only that they have no access)."""
    grants = grants_for(session, subject)
    if not grants:
        return None
    scopes = frozenset(str(s) for g in grants.values() for s in DEFAULT_SCOPES[g.role])
    return Principal(f"web:{normalise(subject)}", grants, scopes)
