"""What a principal may do, by name: one table of capabilities and the roles that hold them.

A capability is always asked for in a service — the service that owns the row being changed —
because a person can lead in one municipality and be a contact person in another
(:class:`app.principal.Grant`). Scopes (``app.principal.Scope``) say which endpoints a token may
call at all; this says what its holder may decide there. Admins manage services and staff
(``Principal.is_admin``), never cases, and hold none of these.
"""

from __future__ import annotations

import uuid
from enum import StrEnum

from app.errors import FieldError, Forbidden
from app.principal import Principal, Role


class Capability(StrEnum):
    # A leader's decisions (SECURITY.md): not a contact person's, nor a journal system's, whose
    # token or API key acts for the whole service without naming a leader.
    REOPEN_TASK = "reopen_task"
    REDUCE_VISITS = "reduce_visits"
    MANAGE_API_KEYS = "manage_api_keys"
    # The service's set-up and oversight: leaders, and integrations acting for the service.
    COMPLETE_LEADER_STEP = "complete_leader_step"
    ADJUST_WORKFLOW = "adjust_workflow"
    MANAGE_WEBHOOKS = "manage_webhooks"
    READ_AUDIT = "read_audit"
    READ_OVERSIGHT = "read_oversight"
    REGISTER_PAST_PLACEMENT = "register_past_placement"
    # Everyone who follows a case works on all of its tasks; a foster-home supervisor sees the
    # tasks of the placements they supervise but works only on those assigned to them.
    WORK_ON_ANY_CASE_TASK = "work_on_any_case_task"
    # The web app's leader page: the service's deadlines by person, the decisions waiting for
    # a leader, moving a contact person's cases to another.
    OVERSEE_SERVICE = "oversee_service"
    # Inter-municipal teams: the host sets its team up, a member orders help from it.
    MANAGE_TEAM = "manage_team"
    ORDER_FROM_TEAM = "order_from_team"


_LEADER = frozenset({Role.LEADER})
_WHOLE_SERVICE = frozenset({Role.LEADER, Role.INTEGRATION})
_FOLLOWS_CASES = frozenset({Role.LEADER, Role.INTEGRATION, Role.CONTACT_PERSON})

HOLDERS: dict[Capability, frozenset[Role]] = {
    Capability.REOPEN_TASK: _LEADER,
    Capability.REDUCE_VISITS: _LEADER,
    Capability.MANAGE_API_KEYS: _LEADER,
    Capability.COMPLETE_LEADER_STEP: _WHOLE_SERVICE,
    Capability.ADJUST_WORKFLOW: _WHOLE_SERVICE,
    Capability.MANAGE_WEBHOOKS: _WHOLE_SERVICE,
    Capability.READ_AUDIT: _WHOLE_SERVICE,
    Capability.READ_OVERSIGHT: _WHOLE_SERVICE,
    Capability.REGISTER_PAST_PLACEMENT: _WHOLE_SERVICE,
    Capability.WORK_ON_ANY_CASE_TASK: _FOLLOWS_CASES,
    Capability.OVERSEE_SERVICE: _LEADER,
    Capability.MANAGE_TEAM: _WHOLE_SERVICE,
    Capability.ORDER_FROM_TEAM: _WHOLE_SERVICE,
}

# The refusal each capability gives (the API's 403 detail; stable, clients show it).
REFUSALS: dict[Capability, str] = {
    Capability.REOPEN_TASK: "Only a leader can reopen a task.",
    Capability.REDUCE_VISITS: "Only a leader can reduce the follow-up visits.",
    Capability.MANAGE_API_KEYS: "API keys are managed by the service's leaders.",
    Capability.COMPLETE_LEADER_STEP: "Only a leader can complete this step.",
    Capability.ADJUST_WORKFLOW: "Only a leader can adjust a workflow for the service.",
    Capability.MANAGE_WEBHOOKS: "Only a leader or an integration manages webhook subscriptions.",
    Capability.READ_AUDIT: "Only a leader (or an integration granted audit:read) reads the "
    "audit trail.",
    Capability.READ_OVERSIGHT: "Only a leader (or an integration granted oversight:read) reads "
    "the service's oversight reports.",
    Capability.REGISTER_PAST_PLACEMENT: "A contact person cannot register a placement that has "
    "already ended; a leader or the journal system registers past placements.",
    Capability.WORK_ON_ANY_CASE_TASK: "A supervisor works only on the tasks assigned to them.",
    Capability.OVERSEE_SERVICE: "Only a leader sees the service's overview.",
    Capability.MANAGE_TEAM: "Only the host service's leader or integration sets up its team.",
    Capability.ORDER_FROM_TEAM: "Only a member service's leader or integration orders help "
    "from the team.",
}


def may(principal: Principal, capability: Capability, service_id: uuid.UUID) -> bool:
    """Whether ``principal`` holds ``capability`` in ``service_id``."""
    role = principal.role_in(service_id)
    return role is not None and role in HOLDERS[capability]


def services_with(principal: Principal, capability: Capability) -> frozenset[uuid.UUID]:
    """The services where ``principal`` holds ``capability``."""
    holders = HOLDERS[capability]
    return frozenset(s for s, g in principal.grants.items() if g.role in holders)


def require(
    principal: Principal,
    capability: Capability,
    service_id: uuid.UUID,
    *,
    errors: list[FieldError] | None = None,
) -> None:
    """Raise 403 unless ``principal`` holds ``capability`` in ``service_id``."""
    if not may(principal, capability, service_id):
        raise Forbidden(REFUSALS[capability], errors=errors)


def require_somewhere(principal: Principal, capability: Capability) -> None:
    """Raise 403 unless ``principal`` holds ``capability`` in at least one service (checked
    before any lookup, so the answer is the same for every id)."""
    if not services_with(principal, capability):
        raise Forbidden(REFUSALS[capability])
