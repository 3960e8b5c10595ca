"""Which services a caller may see oversight for, and the tasks it reads them from.

Leaders (and integrations granted ``oversight:read``) see their own services; an admin sees
aggregates of every service, never a child's rows. A service the caller does not act for is a
404, as if it did not exist; a contact person is refused (403).
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app import policy
from app.errors import Forbidden, NotFound
from app.placements.models import Placement
from app.plans.models import Plan
from app.policy import Capability
from app.principal import Principal
from app.services.models import Service
from app.tasks.models import Task
from app.tenancy import TenantRepository
from app.workflows.models import ExtraVisit, VisitReduction

NO_SERVICE = "No service with this id is visible to you."


class Oversight(TenantRepository[Any]):
    """A table as oversight reads it: every row of the services where the caller holds
    :attr:`Capability.READ_OVERSIGHT`, or of every service for an admin (aggregates only)."""

    capability = Capability.READ_OVERSIGHT

    def sees_every_service(self) -> bool:
        return self.principal.is_admin


class OversightTasks(Oversight):
    model = Task
    path = "tasks"
    noun = "task"


class OversightPlacements(Oversight):
    model = Placement
    path = "placements"
    noun = "placement"


class OversightExtraVisits(Oversight):
    model = ExtraVisit
    path = "extra-visits"
    noun = "extra visit"


class OversightPlans(Oversight):
    model = Plan
    path = "plans"
    noun = "plan"


class OversightReductions(Oversight):
    model = VisitReduction
    path = "visit-reductions"
    noun = "visit reduction"


def services_for(
    session: Session, principal: Principal, service_id: uuid.UUID | None, *, cases: bool = False
) -> list[uuid.UUID]:
    """The services a report covers: ``service_id``, or every one the caller may oversee.
    ``cases``: the report lists children or tasks, which an admin never sees."""
    if principal.is_admin:
        if cases:
            raise Forbidden("An admin sees aggregates only, never a child's tasks.")
        stmt = select(Service.id).order_by(Service.id)
        if service_id is not None:
            stmt = stmt.where(Service.id == service_id)
        found = list(session.scalars(stmt))
        if service_id is not None and not found:
            raise NotFound(NO_SERVICE)
        return found
    if service_id is None:
        policy.require_somewhere(principal, Capability.READ_OVERSIGHT)
        return sorted(policy.services_with(principal, Capability.READ_OVERSIGHT), key=str)
    if service_id not in principal.service_ids:
        raise NotFound(NO_SERVICE)
    policy.require(principal, Capability.READ_OVERSIGHT, service_id)
    return [service_id]


def readable_tasks(
    session: Session, principal: Principal, service_ids: list[uuid.UUID]
) -> Select[Any]:
    """The tasks of ``service_ids`` the caller may count (a statement over ``tasks``)."""
    return readable(OversightTasks, session, principal, service_ids)


def readable(
    repository: type[Oversight],
    session: Session,
    principal: Principal,
    service_ids: list[uuid.UUID],
) -> Select[Any]:
    """The rows of ``service_ids`` of the repository's table that the caller may count."""
    stmt = repository(session, principal).readable()
    column = repository.model.service_id
    if len(service_ids) == 1:
        return stmt.where(column == service_ids[0])
    return stmt.where(column.in_(service_ids))
