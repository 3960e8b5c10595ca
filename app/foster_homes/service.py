"""Foster homes approved (or being approved) by a service."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session

from app.audit.trail import AuditTrail
from app.foster_homes.models import FosterHome
from app.foster_homes.schemas import (
    Address,
    FosterHomeCreate,
    FosterHomeFilters,
    FosterHomeUpdate,
)
from app.preconditions import Precondition
from app.principal import Principal, Role
from app.tenancy import TenantRepository, apply_changes, case_link, resolve_service


class FosterHomeRepository(TenantRepository[FosterHome]):
    model = FosterHome
    path = "foster-homes"
    noun = "foster home"

    def case_filter(self, staff_id: Any) -> ColumnElement[bool]:
        return case_link(FosterHome, staff_id)

    def supervised_filter(self, staff_id: Any) -> ColumnElement[bool]:
        return case_link(FosterHome, staff_id, Role.SUPERVISOR)


def _columns(address: Address) -> dict[str, Any]:
    return address.model_dump()


def create_foster_home(
    session: Session,
    principal: Principal,
    *,
    data: FosterHomeCreate,
    service_id: uuid.UUID | None,
    audit: AuditTrail,
) -> FosterHome:
    owner = resolve_service(principal, service_id)
    FosterHomeRepository(session, principal).ensure_external_ref_free(owner, data.external_ref)
    row = FosterHome(
        service_id=owner,
        name=data.name,
        kind=data.kind,
        foster_parents=[p.model_dump() for p in data.foster_parents],
        municipality_number=data.municipality_number,
        approved_date=data.approved_date,
        **_columns(data.address),
    )
    row.set_external_ref(data.external_ref)
    session.add(row)
    session.flush()
    return audit.one(row)


def get_foster_home(
    session: Session, principal: Principal, home_id: uuid.UUID, *, audit: AuditTrail
) -> FosterHome:
    # Also to a team's staff while an order for the home is accepted and open (app/teams/).
    return audit.one(FosterHomeRepository(session, principal, granted=True).get(home_id))


def list_foster_homes(
    session: Session, principal: Principal, params: FosterHomeFilters, *, audit: AuditTrail
) -> tuple[list[FosterHome], str | None]:
    rows, cursor = FosterHomeRepository(session, principal, granted=True).list(params)
    audit.many(rows)
    return rows, cursor


def update_foster_home(
    session: Session,
    principal: Principal,
    home_id: uuid.UUID,
    *,
    data: FosterHomeUpdate,
    precondition: Precondition,
    audit: AuditTrail,
) -> FosterHome:
    repo = FosterHomeRepository(session, principal)
    row = repo.get_for_update(home_id)
    precondition.check(row)
    changes = data.changes()
    repo.change_external_ref(row, changes, data.external_ref)
    if data.address is not None:
        del changes["address"]
        changes.update(_columns(data.address))
    apply_changes(row, changes)
    session.flush()
    return audit.one(row)
