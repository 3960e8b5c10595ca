"""Child welfare services: created and changed by admins, read by their own members."""

from __future__ import annotations

import uuid

from sqlalchemy import Select, false, select
from sqlalchemy.orm import Session

from app.errors import DuplicateResource, NotFound
from app.pagination import paginate
from app.preconditions import Precondition
from app.principal import Principal
from app.schemas import ListParams
from app.services.models import Service
from app.services.schemas import ServiceCreate, ServiceUpdate
from app.tenancy import apply_changes


def readable(principal: Principal) -> Select[Service]:
    if principal.is_admin:
        return select(Service)
    if not principal.service_ids:
        return select(Service).where(false())
    return select(Service).where(Service.id.in_(principal.service_ids))


def get_service(session: Session, principal: Principal, service_id: uuid.UUID) -> Service:
    row = session.scalar(readable(principal).where(Service.id == service_id))
    if row is None:
        raise NotFound("No service with this id is visible to you.")
    return row


def list_services(
    session: Session, principal: Principal, params: ListParams
) -> tuple[list[Service], str | None]:
    stmt = readable(principal)
    if params.updated_since is not None:
        stmt = stmt.where(Service.updated_at >= params.updated_since)
    return paginate(session, stmt, Service, cursor=params.cursor, limit=params.limit)


def create_service(session: Session, *, data: ServiceCreate) -> Service:
    if session.scalar(select(Service.id).where(Service.org_number == data.org_number)):
        raise DuplicateResource("A service with this org_number already exists.")
    row = Service(**data.model_dump())
    session.add(row)
    session.flush()
    return row


def update_service(
    session: Session,
    principal: Principal,
    service_id: uuid.UUID,
    *,
    data: ServiceUpdate,
    precondition: Precondition,
) -> Service:
    row = get_service(session, principal, service_id)
    precondition.check(row)
    apply_changes(row, data.changes())
    session.flush()
    return row
