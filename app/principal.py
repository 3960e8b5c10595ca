"""Who is calling: the principal every interface produces, and the vocabulary it is made of
(roles, scopes). Plain data with no dependencies, so every layer may import it; verifying a
credential is :mod:`app.auth`'s job, deciding what a principal may do is :mod:`app.policy`'s.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any


class Role(StrEnum):
    CONTACT_PERSON = "contact_person"
    LEADER = "leader"
    # A foster-home supervisor (fosterhjemsveileder): sees the placements they supervise.
    SUPERVISOR = "supervisor"
    INTEGRATION = "integration"
    ADMIN = "admin"


class Scope(StrEnum):
    SERVICES_READ = "services:read"
    SERVICES_WRITE = "services:write"
    STAFF_READ = "staff:read"
    STAFF_WRITE = "staff:write"
    CHILDREN_READ = "children:read"
    CHILDREN_WRITE = "children:write"
    FOSTER_HOMES_READ = "foster_homes:read"
    FOSTER_HOMES_WRITE = "foster_homes:write"
    PLACEMENTS_READ = "placements:read"
    PLACEMENTS_WRITE = "placements:write"
    TASKS_READ = "tasks:read"
    TASKS_WRITE = "tasks:write"
    WORKFLOWS_READ = "workflows:read"
    WORKFLOWS_WRITE = "workflows:write"
    RULE_SETS_WRITE = "rule_sets:write"
    DOCUMENTS_READ = "documents:read"
    DOCUMENTS_WRITE = "documents:write"
    TEMPLATES_WRITE = "templates:write"
    EVENTS_READ = "events:read"
    API_KEYS_READ = "api_keys:read"
    API_KEYS_WRITE = "api_keys:write"
    AUDIT_READ = "audit:read"
    OVERSIGHT_READ = "oversight:read"
    CHILDREN_EXPORT = "children:export"
    RETENTION_READ = "retention:read"
    WEBHOOKS_READ = "webhooks:read"
    WEBHOOKS_WRITE = "webhooks:write"
    TEAMS_READ = "teams:read"
    TEAMS_WRITE = "teams:write"


_CASE_READ = {
    Scope.SERVICES_READ,
    Scope.STAFF_READ,
    Scope.CHILDREN_READ,
    Scope.FOSTER_HOMES_READ,
    Scope.PLACEMENTS_READ,
    Scope.TASKS_READ,
    Scope.WORKFLOWS_READ,
    Scope.DOCUMENTS_READ,
    Scope.TEAMS_READ,
}
_CASE_WRITE = {
    Scope.STAFF_WRITE,
    Scope.CHILDREN_WRITE,
    Scope.FOSTER_HOMES_WRITE,
    Scope.PLACEMENTS_WRITE,
    Scope.TASKS_WRITE,
    Scope.WORKFLOWS_WRITE,
    Scope.DOCUMENTS_WRITE,
    Scope.TEMPLATES_WRITE,
    Scope.TEAMS_WRITE,
}
_EVENTS = {Scope.EVENTS_READ, Scope.WEBHOOKS_READ, Scope.WEBHOOKS_WRITE}

DEFAULT_SCOPES: dict[Role, frozenset[Scope]] = {
    Role.ADMIN: frozenset(
        {
            Scope.SERVICES_READ,
            Scope.SERVICES_WRITE,
            Scope.STAFF_READ,
            Scope.STAFF_WRITE,
            Scope.WORKFLOWS_READ,
            Scope.RULE_SETS_WRITE,
            # Aggregates across every service (a national operator); never a child's case.
            Scope.OVERSIGHT_READ,
        }
    ),
    # The audit trail and the privacy export are a leader's oversight tools; an integration is
    # granted them only explicitly (see docs/integrators.md).
    Role.LEADER: frozenset(
        _CASE_READ
        | _CASE_WRITE
        | _EVENTS
        | {
            Scope.AUDIT_READ,
            Scope.OVERSIGHT_READ,
            Scope.CHILDREN_EXPORT,
            Scope.RETENTION_READ,
            Scope.API_KEYS_READ,
            Scope.API_KEYS_WRITE,
        }
    ),
    Role.INTEGRATION: frozenset(_CASE_READ | _CASE_WRITE | _EVENTS | {Scope.RETENTION_READ}),
    Role.CONTACT_PERSON: frozenset(
        _CASE_READ
        | {
            Scope.PLACEMENTS_WRITE,
            Scope.TASKS_WRITE,
            Scope.WORKFLOWS_WRITE,
            Scope.DOCUMENTS_WRITE,
            # a team's staff are contact persons of the host: they accept and work orders
            Scope.TEAMS_WRITE,
        }
    ),
    # Tenancy shows a supervisor the placements they supervise, those placements' child and
    # foster home, and their tasks (the En god start sessions). Through the API they get the
    # tasks only: the routes under a placement, child or foster home read their rows through
    # the parent, so placements:read would open the whole case (contact visits, plans, reports).
    # The web app's supervisor page reads the placements and homes through the services.
    Role.SUPERVISOR: frozenset(
        {
            Scope.SERVICES_READ,
            Scope.STAFF_READ,
            Scope.TASKS_READ,
            Scope.TASKS_WRITE,
        }
    ),
}

# The roles whose grant must name the person's staff row: their cases are found through it.
STAFF_ROLES = frozenset({Role.CONTACT_PERSON, Role.SUPERVISOR})


# What a journal system's API key may be given: the integration role's scopes (a key can never
# create keys or change the service itself).
API_KEY_SCOPES: frozenset[Scope] = DEFAULT_SCOPES[Role.INTEGRATION]
# API keys are sent as bearer tokens; this start tells them from JWTs (which start with "ey").
KEY_MARKER = "ffk_"


# The roles that see every case of a service; a contact person sees the cases they follow, a
# supervisor the placements they supervise.
WHOLE_SERVICE_ROLES = frozenset({Role.LEADER, Role.INTEGRATION})


@dataclass(frozen=True)
class Grant:
    """What a principal is in one service: its role there, and for a person their staff row
    there (staff rows are per service)."""

    role: Role
    staff_id: uuid.UUID | None = None

    @property
    def sees_whole_service(self) -> bool:
        return self.role in WHOLE_SERVICE_ROLES


ADMIN_GRANT = Grant(Role.ADMIN)


@dataclass(frozen=True)
class Principal:
    """Who is calling, whatever the interface (an API token, an API key, a browser session).

    A principal acts for services, each with its own :class:`Grant`: a person on an
    inter-municipal team can lead in one municipality and be a contact person in another. An
    admin has no services; it manages the services themselves.
    """

    subject: str
    grants: Mapping[uuid.UUID, Grant]
    scopes: frozenset[str]
    admin: bool = False
    claims: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    # A JWKS-verified token's: until when (``time.time()``) its signing key is known to be
    # published, that is, until the key set is due to be fetched again. TokenCache keeps the
    # principal no longer, so a withdrawn key's tokens stop with the key.
    key_valid_until: float | None = field(default=None, compare=False, repr=False)

    @classmethod
    def single(
        cls,
        subject: str,
        role: Role,
        service_ids: Iterable[uuid.UUID],
        scopes: Iterable[str],
        *,
        staff_id: uuid.UUID | None = None,
        **extra: Any,
    ) -> Principal:
        """A principal with the same role in each of its services (every token before
        per-service grants, an API key, the worker's and the CLI's own identities)."""
        if role is Role.ADMIN:
            return cls(subject, {}, frozenset(scopes), admin=True, **extra)
        grant = Grant(role, staff_id)
        return cls(subject, dict.fromkeys(service_ids, grant), frozenset(scopes), **extra)

    @cached_property
    def service_ids(self) -> frozenset[uuid.UUID]:
        return frozenset(self.grants)

    @cached_property
    def service_list(self) -> list[str]:
        """The services as sorted strings (as the audit trail records them)."""
        return sorted(str(s) for s in self.service_ids)

    @property
    def is_admin(self) -> bool:
        return self.admin

    def grant_in(self, service_id: uuid.UUID) -> Grant | None:
        """The principal's grant in ``service_id`` (None: it does not act for that service)."""
        return self.grants.get(service_id)

    def role_in(self, service_id: uuid.UUID) -> Role | None:
        grant = self.grants.get(service_id)
        return grant.role if grant is not None else None

    def staff_id_in(self, service_id: uuid.UUID) -> uuid.UUID | None:
        grant = self.grants.get(service_id)
        return grant.staff_id if grant is not None else None

    @cached_property
    def uniform_grant(self) -> Grant | None:
        """The one grant held in every service, when there is one (nearly every caller); None
        for a principal whose role differs between its services."""
        if self.admin:
            return ADMIN_GRANT
        distinct = set(self.grants.values())
        return next(iter(distinct)) if len(distinct) == 1 else None

    @cached_property
    def whole_services(self) -> frozenset[uuid.UUID]:
        """The services where the principal sees every case (leader, integration)."""
        return frozenset(s for s, g in self.grants.items() if g.sees_whole_service)

    @cached_property
    def own_case_services(self) -> frozenset[uuid.UUID]:
        """The services where the principal sees only the cases it follows (contact person) or
        supervises (supervisor)."""
        return frozenset(s for s, g in self.grants.items() if not g.sees_whole_service)

    @cached_property
    def own_case_staff_ids(self) -> frozenset[uuid.UUID]:
        """Its staff rows in :attr:`own_case_services` (one per service)."""
        return frozenset(
            g.staff_id
            for s, g in self.grants.items()
            if s in self.own_case_services and g.staff_id is not None
        )

    @property
    def role_summary(self) -> str:
        """The role for a log line or an entry that belongs to no single service: the uniform
        role, or ``mixed``."""
        grant = self.uniform_grant
        return str(grant.role) if grant is not None else "mixed"
