"""Every route that shows or changes a child's data leaves an audit entry (the product's central
privacy promise). The test walks the application's route table: each route must be classified
below, as child data (with a way to call it) or not (with the reason), so a new route cannot
slip through unclassified, and each child-data route is called over HTTP and must leave an entry
naming its operation and the child (a foster home's: the home)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import Connection, select

from app.audit.models import AuditEvent
from tests.helpers import Api, Case, child_body, foster_home_body, make_case, placement_body
from tests.test_tenancy import (
    ROUTES,
    IdRoute,
    _api_routes,
    document_of,
    order_of,
    send,
    supervision_report_of,
    url_for,
)


@dataclass(frozen=True)
class Seen:
    """What an entry must name: the child, or for foster-home routes the home."""

    child_id: str | None = None
    resource_id: str | None = None


Recipe = Callable[[Api, Case], Seen]


def _ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json() if response.content else None


def _create_child(api: Api, case: Case) -> Seen:
    created = case.tenant.integration.created("/v1/children", child_body())
    return Seen(child_id=created["id"])


def _create_home(api: Api, case: Case) -> Seen:
    created = case.tenant.integration.created("/v1/foster-homes", foster_home_body())
    return Seen(resource_id=created["id"])


def _create_placement(api: Api, case: Case) -> Seen:
    child = case.tenant.integration.created("/v1/children", child_body())
    home = case.tenant.integration.created("/v1/foster-homes", foster_home_body())
    body = placement_body(case.tenant, child_id=child["id"], foster_home_id=home["id"])
    case.tenant.integration.created("/v1/placements", body)
    return Seen(child_id=child["id"])


def _listed(path: str, **params: str) -> Recipe:
    def call(api: Api, case: Case) -> Seen:
        query = {"limit": "100", **{k: v.format(p=case.placement["id"]) for k, v in params.items()}}
        _ok(case.tenant.integration.get(path, params=query))
        return Seen(child_id=case.child["id"])

    return call


def _listed_homes(api: Api, case: Case) -> Seen:
    _ok(case.tenant.integration.get("/v1/foster-homes", params={"limit": "100"}))
    return Seen(resource_id=case.foster_home["id"])


def _document(api: Api, case: Case) -> Seen:
    document_of(case)
    return Seen(child_id=case.child["id"])


def _listed_documents(api: Api, case: Case) -> Seen:
    document_of(case)
    params = {"placement_id": case.placement["id"]}
    _ok(case.tenant.integration.get("/v1/documents", params=params))
    return Seen(child_id=case.child["id"])


def _past_retention(api: Api, case: Case) -> Seen:
    integration = case.tenant.integration
    child = integration.created("/v1/children", child_body(birth_date="1970-03-01"))
    home = integration.created("/v1/foster-homes", foster_home_body())
    body = placement_body(
        case.tenant,
        child_id=child["id"],
        foster_home_id=home["id"],
        start_date="1975-01-06",
        agreement_end_date="1977-01-05",
        end_date="1976-01-05",
        end_reason="returned_home",
    )
    old = integration.created("/v1/placements", body)
    page = _ok(integration.get("/v1/retention/placements", params={"limit": "100"}))
    assert old["id"] in {p["id"] for p in page["items"]}
    return Seen(child_id=child["id"])


def _ordered(api: Api, case: Case) -> Seen:
    order_of(case)
    return Seen(child_id=case.child["id"])


def _listed_orders(api: Api, case: Case) -> Seen:
    order_of(case)
    _ok(case.tenant.integration.get("/v1/team-orders", params={"limit": "100"}))
    return Seen(child_id=case.child["id"])


def _supervision_report(api: Api, case: Case) -> Seen:
    supervision_report_of(case)
    return Seen(child_id=case.child["id"])


# Routes without an id that show or change child data, and how to call them.
COLLECTIONS: dict[tuple[str, str], Recipe] = {
    ("POST", "/v1/children"): _create_child,
    ("GET", "/v1/children"): _listed("/v1/children"),
    ("POST", "/v1/foster-homes"): _create_home,
    ("GET", "/v1/foster-homes"): _listed_homes,
    ("POST", "/v1/placements"): _create_placement,
    ("GET", "/v1/placements"): _listed("/v1/placements"),
    ("GET", "/v1/tasks"): _listed("/v1/tasks", placement_id="{p}"),
    ("GET", "/v1/workflows"): _listed("/v1/workflows", placement_id="{p}"),
    ("POST", "/v1/documents"): _document,
    ("GET", "/v1/documents"): _listed_documents,
    ("GET", "/v1/retention/placements"): _past_retention,
    ("POST", "/v1/supervision-reports"): _supervision_report,
    ("POST", "/v1/team-orders"): _ordered,
    ("GET", "/v1/team-orders"): _listed_orders,
}

# Routes with an id that show or change child data are tests/test_tenancy.py's ROUTES entries
# with case_data=True, called as that table says, except these, which hold no child data:
NOT_CHILD_DATA_BY_ID = {
    ("POST", "/v1/calendar-feeds/{feed_id}/revoke"): "a feed's own record: its id and staff",
}

# Everything else, and why it holds no child data.
NOT_CHILD_DATA: dict[tuple[str, str], str] = {
    ("GET", "/docs"): "documentation",
    ("GET", "/redoc"): "documentation",
    ("GET", "/healthz"): "liveness",
    ("GET", "/readyz"): "readiness",
    ("GET", "/v1/events"): "the feed carries ids and event types, never the case's content",
    ("GET", "/v1/audit-events"): "the trail itself; a search is recorded as a query of its own",
    ("GET", "/calendar/{token}.ics"): "task titles and deadlines, never the child's name",
}
# Whole families of routes that are the service's set-up, not a child's case.
NOT_CHILD_DATA_PREFIXES = {
    "/v1/services": "the child welfare service's own record",
    "/v1/staff": "staff records",
    "/v1/workflow-definitions": "shipped workflow definitions",
    "/v1/rule-sets": "rule values",
    "/v1/workflow-adjustments": "a service's workflow settings",
    "/v1/calendar-feeds": "feed records (their tasks are served by the .ics, above)",
    "/v1/templates": "document templates",
    "/v1/api-keys": "API keys",
    "/v1/webhook-subscriptions": "webhook set-up and delivery logs (ids and status only)",
    "/v1/teams": "a team's set-up: its members, their populations and its staff",
}


def all_routes(app: FastAPI) -> list[tuple[str, str, str | None]]:
    return sorted(
        (method, path, route.operation_id)
        for path, route in _api_routes(app)
        for method in route.methods or ()
    )


def child_data_by_id(method: str, path: str) -> bool:
    spec = ROUTES.get((method, path))
    return spec is not None and spec.case_data and (method, path) not in NOT_CHILD_DATA_BY_ID


def classified(method: str, path: str) -> bool:
    return (
        (method, path) in COLLECTIONS
        or child_data_by_id(method, path)
        or (method, path) in NOT_CHILD_DATA
        or (method, path) in NOT_CHILD_DATA_BY_ID
        or any(path.startswith(p) for p in NOT_CHILD_DATA_PREFIXES)
    )


@pytest.fixture
def app(live_server: Any) -> FastAPI:
    application: FastAPI = live_server.app
    return application


def test_every_route_is_classified(app: FastAPI) -> None:
    unknown = [f"{m} {p}" for m, p, _ in all_routes(app) if not classified(m, p)]
    assert not unknown, (
        "routes not classified in tests/audit/test_every_route_is_audited.py (child data with "
        f"a recipe, or not with a reason): {unknown}"
    )


def child_data_routes(app: FastAPI) -> list[tuple[str, str, str]]:
    return [
        (m, p, op or "")
        for m, p, op in all_routes(app)
        if (m, p) in COLLECTIONS or child_data_by_id(m, p)
    ]


def entries(connection: Connection, operation: str, seen: Seen) -> list[Any]:
    stmt = select(AuditEvent).where(
        AuditEvent.operation == operation, AuditEvent.outcome == "success"
    )
    if seen.child_id is not None:
        stmt = stmt.where(AuditEvent.child_id == uuid.UUID(seen.child_id))
    if seen.resource_id is not None:
        stmt = stmt.where(AuditEvent.resource_id == uuid.UUID(seen.resource_id))
    return list(connection.execute(stmt).all())


def _call_by_id(api: Api, case: Case, method: str, path: str) -> Seen:
    spec = ROUTES[(method, path)]
    caller = case.tenant.leader  # every scope a case route needs, and the leader-only ones
    route = IdRoute(method, path, frozenset())
    target = spec.target(case)
    response = send(caller, route, target)
    assert response.status_code == spec.ok, (url_for(route, target), response.text)
    if path.startswith("/v1/foster-homes/"):
        return Seen(resource_id=case.foster_home["id"])
    return Seen(child_id=case.child["id"])


def test_every_route_that_shows_child_data_leaves_an_entry(
    api: Api, app: FastAPI, connection: Connection
) -> None:
    routes = child_data_routes(app)
    assert len(routes) >= 25, routes  # the table is not silently empty
    missing = []
    for method, path, operation in routes:
        case = make_case(api)
        if (method, path) in COLLECTIONS:
            seen = COLLECTIONS[(method, path)](api, case)
        else:
            seen = _call_by_id(api, case, method, path)
        if not entries(connection, operation, seen):
            missing.append(f"{method} {path} ({operation})")
    assert not missing, f"no audit entry for: {missing}"
