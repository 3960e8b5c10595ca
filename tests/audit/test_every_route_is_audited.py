"""Every route that shows or changes a child's data leaves an audit entry (the product's central
privacy promise). The test walks the application's route table: each route must be classified
below, as child data (with a way to call it) or not (with the reason), so a new route cannot
slip through unclassified, and each child-data route is called over HTTP and must leave an entry
naming its operation and the child (a foster home's: the home)."""

from __future__ import annotations

import re
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
from tests.web.conftest import WebClient
from tests.web.funnel import funnel_id, walked_to_decision


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


def _oversight(path: str) -> Recipe:
    """An oversight table of the case's service (a leader's: oversight:read), over the years
    the case's tasks are due in."""

    def call(api: Api, case: Case) -> Seen:
        params = {"service_id": case.tenant.service_id, "start": "2026-01-01", "end": "2030-12-31"}
        _ok(case.tenant.leader.get(path, params={**params, "limit": "100"}))
        return Seen(child_id=case.child["id"])

    return call


def _oversight_export(api: Api, case: Case) -> Seen:
    """The per-child table as a file: the child is listed once the table holds five."""
    for _ in range(4):
        make_case(api, case.tenant)
    params = {
        "service_id": case.tenant.service_id,
        "start": "2026-01-01",
        "end": "2030-12-31",
        "table": "children",
        "format": "csv",
    }
    response = case.tenant.leader.get("/v1/oversight/export", params=params)
    assert response.status_code == 200, response.text
    return Seen(child_id=case.child["id"])


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


def _signed_in(api: Api, email: str) -> WebClient:
    """A web client signed in as ``email`` (the shared client may hold an earlier session)."""
    api.http.cookies.clear()
    web = WebClient(api.http)
    web.login(email)
    return web


def _page(path: str, email: str = "kari@test.example") -> Recipe:
    """A page of the web app, opened by the case's contact person (or ``email``) signed in."""

    def call(api: Api, case: Case) -> Seen:
        web = _signed_in(api, email)
        response = web.get(path.format(p=case.placement["id"], c=case.child["id"]))
        assert response.status_code == 200, response.text
        return Seen(child_id=case.child["id"])

    return call


def _registered(kind: str) -> Recipe:
    """A register form of the web app, saved by the case's leader."""

    def call(api: Api, case: Case) -> Seen:
        web = WebClient(api.http)
        web.login("lise@test.example")
        if kind == "child":
            body = {"given_name": "Nora", "family_name": "Nilsen", "birth_date": "3.4.2016"}
        elif kind == "foster-home":
            body = {
                "name": "Familien Berg",
                "kind": "ordinary",
                "foster_parent_1": "Per Berg",
                "street_address": "Bergveien 2",
                "postal_code": "1540",
                "postal_place": "Vestby",
                "municipality_number": "3216",
            }
        else:
            child = case.tenant.integration.created("/v1/children", child_body())
            body = {
                "child_id": child["id"],
                "foster_home_id": case.foster_home["id"],
                "contact_person_id": case.tenant.contact_id,
                "start_date": "1.12.2026",
                "legal_basis": "voluntary",
            }
        body["service_id"] = case.tenant.service_id  # the same person leads earlier cases' services
        response = web.post(f"/app/register/{kind}", {**body, "step": "save"})
        assert response.status_code == 303, response.text
        if kind == "child":
            listed = _ok(case.tenant.integration.get("/v1/children", params={"limit": "100"}))
            new = next(c for c in listed["items"] if c["given_name"] == "Nora")
            return Seen(child_id=new["id"])
        if kind == "foster-home":
            listed = _ok(case.tenant.integration.get("/v1/foster-homes", params={"limit": "100"}))
            home = next(h for h in listed["items"] if h["name"] == "Familien Berg")
            return Seen(resource_id=home["id"])
        return Seen(child_id=body["child_id"])

    return call


def _reassign(method: str) -> Recipe:
    """The leader's form for moving a contact person's cases: it lists their open placements
    (the GET, and the POST's "check your answers" step)."""

    def call(api: Api, case: Case) -> Seen:
        api.http.cookies.clear()
        web = WebClient(api.http)
        web.login("lise@test.example")
        fra = case.tenant.contact_id
        if method == "GET":
            response = web.get("/app/leader/reassign", params={"fra": fra})
        else:
            response = web.post("/app/leader/reassign", {"fra": fra, "steg": "sjekk"})
        assert response.status_code in (200, 422), response.text
        assert "Emma" in response.text
        return Seen(child_id=case.child["id"])

    return call


def _edited_placement(api: Api, case: Case) -> Seen:
    web = WebClient(api.http)
    web.login("lise@test.example")
    page = web.get(f"/app/placements/{case.placement['id']}/edit")
    version = re.search(r'name="version" value="(\d+)"', page.text)
    assert version
    body = {
        "version": version.group(1),
        "original_agreement_end_date": "04.01.2029",
        "agreement_end_date": "1.6.2029",
        "original_contact_person_id": case.tenant.contact_id,
        "contact_person_id": case.tenant.contact_id,
        "original_start_date": "05.01.2026",
        "start_date": "05.01.2026",
        "original_legal_basis": "care_order",
        "legal_basis": "care_order",
    }
    response = web.post(f"/app/placements/{case.placement['id']}/edit", body)
    assert response.status_code == 303, response.text
    return Seen(child_id=case.child["id"])


def _page_start_workflow(api: Api, case: Case) -> Seen:
    """The child page's form: start a workflow on request."""
    web = _signed_in(api, "kari@test.example")
    path = f"/app/placements/{case.placement['id']}"
    response = web.post(path, {"definition_key": "samvaer"})
    assert response.status_code == 303, response.text
    return Seen(child_id=case.child["id"])


def _supervisor_page(api: Api, case: Case) -> Seen:
    """The supervisor's page, opened by the supervisor the case's placement is given to."""
    email = f"{uuid.uuid4().hex[:8]}@test.example"
    staff = api.admin.created(
        f"/v1/staff?service_id={case.tenant.service_id}",
        {"name": "Siv Veileder", "email": email, "role": "supervisor"},
    )
    given = case.tenant.leader.patch(
        f"/v1/placements/{case.placement['id']}",
        json={"supervisor_id": staff["id"]},
        headers={"If-Match": "*"},
    )
    assert given.status_code == 200, given.text
    return _page("/app/supervisor", email)(api, case)


def _page_download(api: Api, case: Case) -> Seen:
    document_id = document_of(case)
    web = _signed_in(api, "kari@test.example")
    response = web.get(f"/app/documents/{document_id}/download")
    assert response.status_code == 200, response.text
    return Seen(child_id=case.child["id"], resource_id=document_id)


def _visit_task_id(case: Case) -> str:
    params = {"placement_id": case.placement["id"], "limit": "100", "status": "open"}
    tasks = _ok(case.tenant.leader.get("/v1/tasks", params=params))["items"]
    return str(next(t["id"] for t in tasks if t["definition_key"] == "oppfolgingsbesok"))


VISIT_FORM = {
    "handling": "fullfor",
    "svar-besoksdato": "3.2.2026",
    "svar-snakket_med_barnet_alene": "ja",
    "svar-barnets_mening": "Jeg trives.",
    "svar-vurdering": "Barnet har det godt.",
}


def _task_page(action: str) -> Recipe:
    """The task page (app/web/pages/task.py), by the case's contact person: ``action`` is
    what they do there (open it, autosave, complete it, make or download its document)."""

    def call(api: Api, case: Case) -> Seen:
        web = WebClient(api.http)
        api.http.cookies.clear()
        web.login("kari@test.example")
        task_id = _visit_task_id(case)
        url = f"/app/tasks/{task_id}"
        if action == "open":
            response = web.get(url)
        elif action == "draft":
            response = web.post(url + "/draft", {"svar-vurdering": "Halvferdig"})
        else:
            assert web.post(url, VISIT_FORM).status_code == 303
            if action == "complete":
                return Seen(child_id=case.child["id"])
            made = web.post(url + "/documents", {"mal": "samtale-med-barnet"})
            assert made.status_code == 303, made.text
            if action == "document":
                return Seen(child_id=case.child["id"])
            page = web.get(url).text
            link = page.split('?format=docx"')[0].rsplit('href="', 1)[1]
            response = web.get(link + "?format=docx")
        assert response.status_code == 200, response.text
        return Seen(child_id=case.child["id"])

    return call


def _assessment_page(action: str) -> Recipe:
    """The return-home assessment page (app/web/pages/assessment.py) of a care-order case."""

    def call(api: Api, case: Case) -> Seen:
        web = WebClient(api.http)
        api.http.cookies.clear()
        if action == "open":
            web.login("kari@test.example")
            response = web.get(f"/app/assessments/{funnel_id(case)}")
            assert response.status_code == 200, response.text
        else:
            workflow_id, _ = walked_to_decision(case)
            web.login("lise@test.example")
            body = {"handling": "godkjenn", "utfall": "fortsette_gjenforening"}
            body["svar-begrunnelse"] = "Foreldrene er på god vei."
            response = web.post(f"/app/assessments/{workflow_id}", body)
            assert response.status_code == 303, response.text
        return Seen(child_id=case.child["id"])

    return call


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
    # The web app's pages (app/web/): the same trail, whatever the interface.
    ("GET", "/app/"): _page("/app/"),
    ("GET", "/app/tasks/{task_id}"): _task_page("open"),
    ("POST", "/app/tasks/{task_id}"): _task_page("complete"),
    ("POST", "/app/tasks/{task_id}/draft"): _task_page("draft"),
    ("POST", "/app/tasks/{task_id}/documents"): _task_page("document"),
    ("GET", "/app/tasks/{task_id}/documents/{document_id}"): _task_page("download"),
    ("GET", "/app/assessments/{workflow_id}"): _assessment_page("open"),
    ("POST", "/app/assessments/{workflow_id}"): _assessment_page("decide"),
    ("GET", "/app/register/placement"): _page("/app/register/placement", "lise@test.example"),
    ("POST", "/app/register/child"): _registered("child"),
    ("POST", "/app/register/foster-home"): _registered("foster-home"),
    ("POST", "/app/register/placement"): _registered("placement"),
    ("GET", "/app/placements/{placement_id}/edit"): _page(
        "/app/placements/{p}/edit", "lise@test.example"
    ),
    ("POST", "/app/placements/{placement_id}/edit"): _edited_placement,
    ("GET", "/app/leader"): _page("/app/leader", "lise@test.example"),
    ("GET", "/app/leader/reassign"): _reassign("GET"),
    ("POST", "/app/leader/reassign"): _reassign("POST"),
    ("GET", "/app/supervisor"): _supervisor_page,
    ("GET", "/v1/oversight/compliance/children"): _oversight("/v1/oversight/compliance/children"),
    ("GET", "/v1/oversight/compliance/tasks"): _oversight("/v1/oversight/compliance/tasks"),
    ("GET", "/v1/oversight/export"): _oversight_export,
    ("GET", "/app/placements/{placement_id}"): _page("/app/placements/{p}"),
    ("POST", "/app/placements/{placement_id}"): _page_start_workflow,
    ("GET", "/app/documents/{document_id}/download"): _page_download,
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
    ("GET", "/app/login"): "the login page (in development: the staff to sign in as)",
    ("POST", "/app/login/development"): "signs in; shows nothing",
    ("GET", "/app/login/oidc"): "sends the person to the identity provider",
    ("GET", "/app/login/callback"): "the provider's answer: signs in, or says why not",
    ("POST", "/app/logout"): "signs out; shows nothing",
    ("GET", "/app/logged-out"): "a page saying so",
    ("GET", "/app/static/{name}"): "stylesheets and scripts",
    ("GET", "/app/register"): "links to the register forms",
    ("GET", "/app/register/child"): "an empty form (the person's services by name)",
    ("GET", "/app/register/foster-home"): "an empty form (the person's services by name)",
    ("GET", "/v1/oversight/rules"): "the shipped workflow steps",
    ("GET", "/v1/oversight/compliance"): "counts per service and rule, recorded as a query",
    ("GET", "/v1/oversight/compliance/staff"): "counts per staff member, recorded as a query",
    ("GET", "/v1/oversight/compliance/months"): "counts per month, recorded as a query",
    ("GET", "/v1/oversight/indicators"): "counts per service, recorded as a query",
    ("GET", "/v1/oversight/breakdowns"): "counts of ended placements, recorded as a query",
    ("GET", "/app/calendar"): "the person's own calendar feeds: when made, never a task",
    ("POST", "/app/calendar"): "makes a feed; shows its address (the .ics is classified above)",
    ("GET", "/app/calendar/{feed_id}/revoke"): "asks before a feed is revoked",
    ("POST", "/app/calendar/{feed_id}/revoke"): "revokes a feed; shows nothing",
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
