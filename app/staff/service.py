"""Staff of a child welfare service: contact persons, leaders, foster-home supervisors."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import DuplicateResource, FieldError, ValidationFailed
from app.preconditions import Precondition
from app.principal import Principal
from app.services.service import get_service
from app.staff.models import Staff
from app.staff.schemas import StaffCreate, StaffFilters, StaffUpdate
from app.tenancy import TenantRepository, apply_changes, resolve_service


class StaffRepository(TenantRepository[Staff]):
    model = Staff
    path = "staff"
    noun = "staff member"

    # Staff lists are not personal case data: an admin sees every service's staff, and a contact
    # person sees the colleagues of their service.
    case_data = False

    def sees_every_service(self) -> bool:
        return self.principal.is_admin

    def ensure_email_free(
        self, service_id: uuid.UUID, email: str, exclude: uuid.UUID | None
    ) -> None:
        stmt = select(Staff.id).where(Staff.service_id == service_id, Staff.email == email)
        if exclude is not None:
            stmt = stmt.where(Staff.id != exclude)
        if self.session.scalar(stmt) is not None:
            raise DuplicateResource("This service already has a staff member with this email.")


def _owner(session: Session, principal: Principal, service_id: uuid.UUID | None) -> uuid.UUID:
    """Admins manage the staff of any service and must name it; others use their own."""
    if not principal.is_admin:
        return resolve_service(principal, service_id)
    if service_id is None:
        raise ValidationFailed(
            "Admins must name the service with ?service_id=.",
            errors=[
                FieldError(
                    detail="Required for admins",
                    parameter="service_id",
                    location="query",
                    code="missing",
                )
            ],
        )
    return get_service(session, principal, service_id).id


def create_staff(
    session: Session, principal: Principal, *, data: StaffCreate, service_id: uuid.UUID | None
) -> Staff:
    owner = _owner(session, principal, service_id)
    repo = StaffRepository(session, principal)
    repo.ensure_external_ref_free(owner, data.external_ref)
    repo.ensure_email_free(owner, data.email, None)
    row = Staff(service_id=owner, name=data.name, email=data.email, role=data.role)
    row.set_external_ref(data.external_ref)
    session.add(row)
    session.flush()
    return row


def get_staff(session: Session, principal: Principal, staff_id: uuid.UUID) -> Staff:
    return StaffRepository(session, principal).get(staff_id)


def list_staff(
    session: Session, principal: Principal, params: StaffFilters
) -> tuple[list[Staff], str | None]:
    return StaffRepository(session, principal).list(params)


def update_staff(
    session: Session,
    principal: Principal,
    staff_id: uuid.UUID,
    *,
    data: StaffUpdate,
    precondition: Precondition,
) -> Staff:
    repo = StaffRepository(session, principal)
    row = repo.get(staff_id)
    precondition.check(row)
    changes = data.changes()
    repo.change_external_ref(row, changes, data.external_ref)
    if "email" in changes:
        repo.ensure_email_free(row.service_id, str(changes["email"]), row.id)
    apply_changes(row, changes)
    session.flush()
    return row
