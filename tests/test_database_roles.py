"""The schema's owner and the app's role (finding 15 of the December review): migrated as an owner
role, the app's role serves every request but cannot change, delete or stop guarding the audit
trail (app/migrations.py, grant_app_role).

PostgreSQL only: SQLite has no roles. Each test makes its own roles and database on the test
server and drops them afterwards.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from psycopg import errors, sql
from sqlalchemy.engine import make_url

from app.db import make_engine
from app.migrations import RoleSetupError, migrate
from tests.conftest import LiveServer
from tests.helpers import Api, Case, make_case, ok
from tests.test_tenancy import VISIT_ANSWERS, visit_task

ROOT = Path(__file__).resolve().parent.parent
AUDIT_TRAIL_REVISION = "c60848e4c663"  # the webhook tables come in the next migration
PUBLIC_RECEIVER = "https://93.184.215.14/fosterflyt/hooks"  # an IP literal: no DNS needed


@dataclass
class Roles:
    owner_url: str
    app_url: str
    app_role: str
    admin_dsn: str

    def sqlalchemy(self, url: str) -> str:
        return make_url(url).set(drivername="postgresql+psycopg").render_as_string(False)

    def as_app(self) -> psycopg.Connection:
        return psycopg.connect(self.app_url, autocommit=True)


@pytest.fixture
def roles() -> Iterator[Roles]:
    """A non-superuser owner role, an app role, and a database the owner owns."""
    base = os.environ.get("FOSTERFLYT_TEST_DATABASE_URL", "")
    if not base.startswith("postgres"):
        pytest.skip("PostgreSQL only (FOSTERFLYT_TEST_DATABASE_URL): SQLite has no roles")
    suffix = uuid.uuid4().hex[:10]
    owner, app, database = (f"fosterflyt_{kind}_{suffix}" for kind in ("owner", "app", "roles"))
    admin = make_url(base).set(drivername="postgresql").render_as_string(False)
    created: list[sql.Composable] = []
    with psycopg.connect(admin, autocommit=True) as connection:
        try:
            for role in (owner, app):
                connection.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(role)))
                created.insert(0, sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))
            connection.execute(
                sql.SQL("CREATE DATABASE {} OWNER {}").format(
                    sql.Identifier(database), sql.Identifier(owner)
                )
            )
            created.insert(
                0, sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(database))
            )
            url = make_url(base).set(drivername="postgresql", database=database)
            yield Roles(
                owner_url=url.set(username=owner).render_as_string(False),
                app_url=url.set(username=app).render_as_string(False),
                app_role=app,
                admin_dsn=admin,
            )
        finally:
            for statement in created:  # the database first: the roles own objects in it
                connection.execute(statement)


def fosterflyt_migrate(roles: Roles) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "FOSTERFLYT_DATABASE_URL": roles.app_url,
        "FOSTERFLYT_MIGRATION_DATABASE_URL": roles.owner_url,
        "PYTHONPATH": str(ROOT),
    }
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "migrate"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def app_server(roles: Roles) -> Iterator[Callable[[], Api]]:
    """A server whose every connection is the app's role (started once the schema exists)."""
    started: list[tuple[LiveServer, httpx.Client]] = []

    def start() -> Api:
        engine = make_engine(roles.sqlalchemy(roles.app_url))
        server = LiveServer(engine, gc_freeze=False)
        server.start()
        client = httpx.Client(base_url=server.url, timeout=30)
        started.append((server, client))
        return Api(client)

    yield start
    for server, client in started:
        client.close()
        server.stop()
        server.app.state.engine.dispose()


def use_the_api(api: Api) -> Case:
    """Reads, writes and their audit entries across the domains, as a journal system would."""
    case = make_case(api)
    leader = case.tenant.leader
    ok(leader.get(f"/v1/placements/{case.placement['id']}"))
    ok(
        leader.patch(
            f"/v1/placements/{case.placement['id']}",
            json={"legal_basis": "voluntary"},
            headers={"If-Match": "*"},
        )
    )
    ok(leader.post(f"/v1/tasks/{visit_task(case)}/complete", json={"answers": VISIT_ANSWERS}))
    ok(case.tenant.integration.get("/v1/events"))
    entries: list[dict[str, Any]] = []
    params: dict[str, Any] = {"child_id": case.child["id"], "limit": 100}
    while True:  # every entry: reading the task list alone writes one per task
        page = ok(leader.get("/v1/audit-events", params=params))
        entries += page["items"]
        if not page["has_more"]:
            break
        params = {**params, "cursor": page["next_cursor"]}
    assert {e["operation"] for e in entries} >= {"getPlacement", "updatePlacement"}
    assert ok(api.anonymous.get("/readyz"))["database"] == "ok"
    return case


REFUSED = [
    "DELETE FROM audit_events",
    "UPDATE audit_events SET detail = 'x'",
    "TRUNCATE audit_events",
    "ALTER TABLE audit_events DISABLE TRIGGER ALL",
    "DROP TRIGGER audit_events_no_update_or_delete ON audit_events",
    "SET session_replication_role = replica",
]


def test_the_app_role_serves_the_api_but_cannot_change_or_delete_the_audit_trail(
    roles: Roles, app_server: Callable[[], Api]
) -> None:
    migrated = fosterflyt_migrate(roles)
    assert migrated.returncode == 0, migrated.stderr
    assert f"Role {roles.app_role} may read and write rows" in migrated.stderr
    assert "only read and insert in audit_events" in migrated.stderr
    use_the_api(app_server())
    with roles.as_app() as connection:
        assert connection.execute("SELECT count(*) FROM audit_events").fetchone() > (0,)
        for statement in REFUSED:
            with pytest.raises(errors.InsufficientPrivilege):
                connection.execute(statement)
    again = fosterflyt_migrate(roles)  # every deployment migrates: the grants stay as they are
    assert again.returncode == 0, again.stderr
    with roles.as_app() as connection, pytest.raises(errors.InsufficientPrivilege):
        connection.execute("DELETE FROM audit_events")


def test_tables_made_by_a_later_migration_are_granted_when_it_runs(
    roles: Roles, app_server: Callable[[], Api]
) -> None:
    owner_url, app_url = roles.sqlalchemy(roles.owner_url), roles.sqlalchemy(roles.app_url)
    granted = migrate(owner_url, app_url, AUDIT_TRAIL_REVISION)
    assert granted is not None
    assert "webhook_subscriptions" not in granted.row_tables
    granted = migrate(owner_url, app_url)  # the deployment of the next release
    assert granted is not None
    assert "webhook_subscriptions" in granted.row_tables
    tenant = app_server().tenant()
    tenant.integration.created("/v1/webhook-subscriptions", {"url": PUBLIC_RECEIVER})


def test_migrate_refuses_an_app_role_that_could_bypass_the_triggers(roles: Roles) -> None:
    owner_url = roles.sqlalchemy(roles.owner_url)
    superuser = make_url(roles.sqlalchemy(roles.owner_url)).set(
        username=make_url(roles.admin_dsn).username
    )
    with pytest.raises(RoleSetupError, match="superuser"):
        migrate(owner_url, superuser.render_as_string(False))
