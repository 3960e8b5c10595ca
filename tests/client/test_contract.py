"""Contract tests: schemathesis generates requests for every operation from the OpenAPI document
and sends them to the live server; no response may be a 5xx, and every response must match what
the document declares (status code, content type, body schema and headers).

Bounded for CI on two cores: a fixed seed, deterministic generation, a few examples per
operation, no example database on disk. Path ids point at one seeded case of a real service, so
item routes answer from data instead of 404s; a leader's token is used unless the operation
needs an admin's scope. A deeper hunt, outside CI:
``CONTRACT_SEED=1 CONTRACT_MAX_EXAMPLES=60 .venv/bin/pytest tests/client/test_contract.py``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import schemathesis
from schemathesis import checks
from sqlalchemy import Engine

from app.config import Settings
from app.main import create_app
from app.principal import DEFAULT_SCOPES, Role
from tests.conftest import LiveServer
from tests.helpers import Api, child_body, make_case, ok, placement_body, token

DOCUMENT = create_app(Settings(database_url="sqlite://")).openapi()
CONFIG = schemathesis.Config.from_dict(
    {
        "seed": int(os.environ.get("CONTRACT_SEED", "20261122")),
        "generation": {
            "max-examples": int(os.environ.get("CONTRACT_MAX_EXAMPLES", "8")),
            "deterministic": True,
            "database": "none",
        },
        "phases": {"stateful": {"enabled": False}},
        "request-timeout": 30,
    }
)
schema = schemathesis.openapi.from_dict(DOCUMENT, config=CONFIG)

CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
    checks.response_headers_conformance,
]
LIBREOFFICE = (
    bool(shutil.which("soffice") or shutil.which("libreoffice"))
    or os.environ.get("FOSTERFLYT_REQUIRE_LIBREOFFICE") == "1"
)
LEADER_SCOPES = {str(s) for s in DEFAULT_SCOPES[Role.LEADER]}


@dataclass
class Seeded:
    """One service with a placement, its tasks, a workflow, a document and a calendar feed."""

    leader: str
    admin: str
    ids: dict[str, str]
    by_operation: dict[str, dict[str, str]]
    keys: dict[str, str]


@pytest.fixture(scope="module")
def seeded(engine: Engine, live_server: LiveServer) -> Iterator[Seeded]:
    """One transaction for the whole module, rolled back at its end: the seeded case is made once
    and every operation's requests run against it (and see each other's writes)."""
    connection = engine.connect()
    transaction = connection.begin()
    live_server.join(connection)
    try:
        with httpx.Client(base_url=live_server.url, timeout=30) as http:
            yield seed(Api(http))
    finally:
        transaction.rollback()
        connection.close()


def seed(api: Api) -> Seeded:
    case = make_case(api)
    tenant = case.tenant
    placement_id = case.placement["id"]
    tasks = ok(tenant.leader.get("/v1/tasks", params={"placement_id": placement_id}))["items"]
    task = tasks[0]
    listed = tenant.leader.get(
        "/v1/tasks", params={"placement_id": placement_id, "status": "open", "limit": 100}
    )
    visits = [t["id"] for t in ok(listed)["items"] if t["step_key"] == "besok"][:3]
    assert len(visits) == 3, "the seeded placement should plan several follow-up visits"
    # One visit each to complete, skip and reopen (skipped here, so reopening can succeed).
    skipped = tenant.leader.post(f"/v1/tasks/{visits[2]}/skip", json={"reason": "Avlyst"})
    assert skipped.status_code == 200, skipped.text
    workflow = ok(tenant.leader.get("/v1/workflows", params={"placement_id": placement_id}))
    document = tenant.integration.created(
        "/v1/documents", {"template_key": "sjekkliste-plassering", "placement_id": placement_id}
    )
    # Its own placement to change and end, so the tasks of the first one stay open.
    ending = tenant.integration.created(
        "/v1/placements",
        placement_body(
            tenant,
            child_id=tenant.integration.created("/v1/children", child_body())["id"],
            foster_home_id=case.foster_home["id"],
        ),
    )
    feed = tenant.contact.created("/v1/calendar-feeds", {})
    subscribed = tenant.contact.created("/v1/calendar-feeds", {})  # one that stays unrevoked
    return Seeded(
        leader=token(Role.LEADER, services=[tenant.service_id]),
        admin=token(Role.ADMIN),
        ids={
            "service_id": tenant.service_id,
            "staff_id": tenant.contact_id,
            "child_id": case.child["id"],
            "foster_home_id": case.foster_home["id"],
            "placement_id": placement_id,
            "task_id": task["id"],
            "workflow_id": workflow["items"][0]["id"],
            "document_id": document["id"],
            "feed_id": feed["resource"]["id"],
            "token": subscribed["secret"]["value"].rsplit("/", 1)[1].removesuffix(".ics"),
        },
        by_operation={
            "PATCH /v1/placements/{placement_id}": {"placement_id": ending["id"]},
            "POST /v1/placements/{placement_id}/end": {"placement_id": ending["id"]},
            **{
                f"POST /v1/tasks/{{task_id}}/{action}": {"task_id": visit}
                for action, visit in zip(("complete", "skip", "reopen"), visits, strict=True)
            },
        },
        keys={
            "/v1/templates/{key}": "sjekkliste-plassering",
            "/v1/workflow-definitions/{key}": task["definition_key"],
            "/v1/workflow-adjustments/{key}": task["definition_key"],
        },
    )


def bearer_for(operation: dict[str, Any], seeded: Seeded) -> str | None:
    """A leader's token, or an admin's for scopes a leader lacks; none for public operations."""
    scopes = next(
        (r["HTTPBearer"] for r in operation.get("security", []) if "HTTPBearer" in r), None
    )
    if scopes is None:
        return None
    return seeded.leader if set(scopes) <= LEADER_SCOPES else seeded.admin


@schema.parametrize()
def test_every_response_matches_the_document(
    case: schemathesis.Case, live_server: LiveServer, seeded: Seeded
) -> None:
    special = seeded.by_operation.get(f"{case.method.upper()} {case.path}", {})
    for name in case.path_parameters or {}:
        if name in special:
            case.path_parameters[name] = special[name]
        elif name == "key" and case.path in seeded.keys:
            case.path_parameters[name] = seeded.keys[case.path]
        elif name in seeded.ids:
            case.path_parameters[name] = seeded.ids[name]
    if case.operation.get_parameter("If-Match", "header") is not None:
        # Any representation: the update itself runs (stale and missing ETags have their own
        # tests), instead of nearly every generated request stopping at 412 or 428.
        case.headers = {**(case.headers or {}), "If-Match": "*"}
    if (case.query or {}).get("format") == "pdf" and not LIBREOFFICE:
        # Without LibreOffice a PDF is a declared 503 (pdf-unavailable), which the server-error
        # check counts as a failure: ask for the .docx instead (CI installs LibreOffice).
        case.query = {**case.query, "format": "docx"}
    bearer = bearer_for(case.operation.definition.raw, seeded)
    headers = {"Authorization": f"Bearer {bearer}"} if bearer else {}
    case.call_and_validate(base_url=live_server.url, headers=headers, checks=CHECKS)
