"""The ``fosterflyt`` command as an operator uses it: migrate, demo-data, serve — in real
processes, against a fresh database, over real HTTP."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest

from app.clock import today
from tests.helpers import TempDatabase, national_id_for

CLI = [sys.executable, "-m", "app.cli"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def environment(
    temp_databases: TempDatabase, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("FOSTERFLYT_JWT_SECRET", None)  # the CLI makes and keeps its own dev secret
    env["FOSTERFLYT_DATABASE_URL"] = temp_databases.create()
    env["FOSTERFLYT_PORT"] = str(_free_port())
    env["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent)
    env["CWD"] = str(tmp_path_factory.mktemp("cwd"))
    return env


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args],
        env=env,
        cwd=env["CWD"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def demo(environment: dict[str, str]) -> dict[str, object]:
    migrated = _run(environment, "migrate")
    assert migrated.returncode == 0, migrated.stderr
    first = _run(environment, "demo-data")
    assert first.returncode == 0, first.stderr
    second = _run(environment, "demo-data")  # running it again must not duplicate anything
    assert second.returncode == 0, second.stderr
    data = json.loads(second.stdout)
    assert data["service_id"] == json.loads(first.stdout)["service_id"]
    return dict(data)


@pytest.fixture(scope="module")
def server(environment: dict[str, str], demo: dict[str, object]) -> Iterator[tuple[str, Path]]:
    log_path = Path(environment["CWD"]) / "server.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [*CLI, "serve"], env=environment, cwd=environment["CWD"], stdout=log, stderr=log
        )
    url = f"http://127.0.0.1:{environment['FOSTERFLYT_PORT']}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None, log_path.read_text()
            assert time.monotonic() < deadline, "server did not become ready"
            time.sleep(0.1)
        yield url, log_path
    finally:
        process.terminate()
        process.wait(timeout=15)


class TestOperatorCommands:
    def test_demo_data_prints_tokens_the_server_accepts(
        self, server: tuple[str, Path], demo: dict[str, object]
    ) -> None:
        url, _ = server
        tokens = demo["tokens"]
        assert isinstance(tokens, dict)
        placements = httpx.get(
            f"{url}/v1/placements", headers={"Authorization": f"Bearer {tokens['integration']}"}
        )
        assert placements.status_code == 200
        assert len(placements.json()["items"]) == 3
        mine = httpx.get(
            f"{url}/v1/placements",
            headers={"Authorization": f"Bearer {tokens['contact_person']}"},
        )
        # Kari Kontakt follows two of the three; Per Pedersen the third.
        assert {p["id"] for p in mine.json()["items"]} < {
            p["id"] for p in placements.json()["items"]
        }
        assert len(mine.json()["items"]) == 2

    def test_token_command_mints_a_token_for_the_running_server(
        self, server: tuple[str, Path], demo: dict[str, object], environment: dict[str, str]
    ) -> None:
        url, _ = server
        minted = _run(
            environment, "token", "--role", "leader", "--service", str(demo["service_id"])
        )
        assert minted.returncode == 0, minted.stderr
        response = httpx.get(
            f"{url}/v1/children", headers={"Authorization": f"Bearer {minted.stdout.strip()}"}
        )
        assert response.status_code == 200
        assert response.json()["items"][0]["given_name"] == "Emma"

    def test_docs_are_served(self, server: tuple[str, Path]) -> None:
        url, _ = server
        assert httpx.get(f"{url}/docs").status_code == 200
        assert httpx.get(f"{url}/openapi.json").json()["info"]["title"] == "Fosterflyt"


ROUND_TRIP_ID = national_id_for(date(2016, 3, 9), seed=11)
SECRETS = [ROUND_TRIP_ID, "Solveig", "Sørhaug-Vik", "Halvard Hemmeligsen", "Blakken"]


class TestServerLog:
    def test_uvicorns_messages_are_logged_with_their_arguments(
        self, server: tuple[str, Path]
    ) -> None:
        """Issue #18 item 11: "Started server process [%d]" was written without its number."""
        _, log_path = server
        messages = [
            json.loads(line)["message"]
            for line in log_path.read_text().splitlines()
            if line.startswith("{")
        ]
        started = [m for m in messages if m.startswith("Started server process")]
        assert len(started) == 1
        assert re.fullmatch(r"Started server process \[\d+\]", started[0]), started
        assert not any("%d" in m or "%s" in m for m in messages)


class TestNothingPersonalInLogs:
    def test_a_round_trip_never_logs_the_childs_national_id_or_name(
        self, server: tuple[str, Path], demo: dict[str, object]
    ) -> None:
        url, log_path = server
        tokens = demo["tokens"]
        assert isinstance(tokens, dict)
        headers = {"Authorization": f"Bearer {tokens['integration']}"}
        national_id = national_id_for(date(2014, 5, 17), seed=7)
        wrong = national_id[:-1] + str((int(national_id[-1]) + 1) % 10)
        body = {"given_name": "Sigrid", "family_name": "Særnavn", "birth_date": "2014-05-17"}
        created = httpx.post(
            f"{url}/v1/children", json={**body, "national_id": national_id}, headers=headers
        )
        assert created.status_code == 201
        child_id = created.json()["id"]
        assert httpx.get(f"{url}/v1/children/{child_id}", headers=headers).status_code == 200
        duplicate = httpx.post(
            f"{url}/v1/children", json={**body, "national_id": national_id}, headers=headers
        )
        assert duplicate.status_code == 409
        invalid = httpx.post(
            f"{url}/v1/children", json={**body, "national_id": wrong}, headers=headers
        )
        assert invalid.status_code == 422
        for response in (duplicate, invalid):
            assert national_id not in response.text
            assert wrong not in response.text
        time.sleep(0.2)
        logs = log_path.read_text()
        assert '"route": "/v1/children"' in logs  # the requests were logged ...
        for secret in (national_id, wrong, "Sigrid", "Særnavn", "S\\u00e6rnavn"):
            assert secret not in logs  # ... without anything personal

    def test_a_journal_systems_whole_round_trip_never_logs_personal_data(
        self, server: tuple[str, Path], demo: dict[str, object]
    ) -> None:
        """Register a case, complete a visit with the child's words, fill and download a
        document, export the child and read the audit trail: the server's log (access lines,
        audit, the in-process worker) holds none of the names, numbers or words."""
        url, log_path = server
        tokens = demo["tokens"]
        assert isinstance(tokens, dict)
        with (
            httpx.Client(
                base_url=url, headers={"Authorization": f"Bearer {tokens['integration']}"}
            ) as journal,
            httpx.Client(
                base_url=url,
                headers={
                    "Authorization": f"Bearer {tokens['leader']}",
                    "X-On-Behalf-Of": "sb4711",
                },
            ) as leader,
        ):
            self._round_trip(journal, leader)
        time.sleep(0.3)
        logs = log_path.read_text()
        assert '"route": "/v1/documents/{document_id}/content"' in logs  # it was logged ...
        for secret in [*SECRETS, json.dumps("Sørhaug-Vik")[1:-1], "1" * 11]:
            assert secret not in logs, secret  # ... without anything personal

    @staticmethod
    def _round_trip(journal: httpx.Client, leader: httpx.Client) -> None:
        national_id = ROUND_TRIP_ID
        child = journal.post(
            "/v1/children",
            json={
                "given_name": "Solveig",
                "family_name": "Sørhaug-Vik",
                "birth_date": "2016-03-09",
                "national_id": national_id,
            },
        )
        assert child.status_code == 201, child.text
        home = journal.post(
            "/v1/foster-homes",
            json={
                "name": "Familien Hemmeligsen",
                "kind": "ordinary",
                "foster_parents": [{"name": "Halvard Hemmeligsen"}],
                "address": {
                    "street_address": "Løkkeveien 7",
                    "postal_code": "1337",
                    "postal_place": "Sandvika",
                },
                "municipality_number": "3201",
                "approved_date": "2025-12-01",
            },
        )
        assert home.status_code == 201, home.text
        contact_id = journal.get("/v1/placements").json()["items"][0]["contact_person_id"]
        placement = journal.post(
            "/v1/placements",
            json={
                "child_id": child.json()["id"],
                "foster_home_id": home.json()["id"],
                "contact_person_id": contact_id,
                "start_date": (today() - timedelta(days=10)).isoformat(),
                "legal_basis": "care_order",
            },
        )
        assert placement.status_code == 201, placement.text
        placement_id = placement.json()["id"]
        tasks = journal.get("/v1/tasks", params={"placement_id": placement_id, "limit": 100})
        visit = next(t for t in tasks.json()["items"] if t["definition_key"] == "oppfolgingsbesok")
        done = journal.post(
            f"/v1/tasks/{visit['id']}/complete",
            json={
                "answers": {
                    "besoksdato": today().isoformat(),
                    "snakket_med_barnet_alene": True,
                    "barnets_mening": "Solveig vil helst snakke om hesten Blakken.",
                    "vurdering": "Trygg og glad, sier Halvard Hemmeligsen.",
                }
            },
        )
        assert done.status_code == 200, done.text
        document = journal.post(
            "/v1/documents",
            json={"template_key": "oppfolgingsplan", "placement_id": placement_id, "draft": True},
        )
        assert document.status_code == 201, document.text
        content = journal.get(f"/v1/documents/{document.json()['id']}/content")
        assert content.status_code == 200
        exported = leader.get(f"/v1/children/{child.json()['id']}/export")
        assert exported.status_code == 200, exported.text
        assert national_id in exported.text  # the export has it; the log must not
        audit = leader.get("/v1/audit-events", params={"child_id": child.json()["id"]})
        assert audit.status_code == 200, audit.text
        assert audit.json()["items"]
        refused = journal.post(
            "/v1/children",
            json={"given_name": "Solveig", "birth_date": "2016-03-09", "national_id": "1" * 11},
        )
        assert refused.status_code == 422


class TestScheduleSync:
    def test_schedule_sync_applies_a_newly_published_rule_set_to_open_tasks(
        self, server: tuple[str, Path], demo: dict[str, object], environment: dict[str, str]
    ) -> None:
        url, _ = server
        tokens = demo["tokens"]
        assert isinstance(tokens, dict)
        admin = {"Authorization": f"Bearer {tokens['admin']}"}
        leader = {"Authorization": f"Bearer {tokens['leader']}"}
        current = httpx.get(f"{url}/v1/rule-sets/current", headers=admin).json()
        values = current["values"]
        values["follow_up_visits_per_year"]["value"] = 6
        published = httpx.post(
            f"{url}/v1/rule-sets",
            headers=admin,
            json={
                "title": "Seks besøk i året",
                "valid_from": today().isoformat(),
                "values": values,
            },
        )
        assert published.status_code == 201, published.text
        version = published.json()["version"]
        synced = _run(environment, "schedule-sync")
        assert synced.returncode == 0, synced.stderr
        counts = json.loads(synced.stdout)
        assert counts["instances"] > 0
        assert counts["moved"] + counts["created"] > 0
        visits = [
            t
            for t in httpx.get(
                f"{url}/v1/tasks", params={"status": "open", "limit": 100}, headers=leader
            ).json()["items"]
            if t["definition_key"] == "oppfolgingsbesok"
        ]
        assert visits
        # The new rule set applies from today: visits already due keep the old one.
        upcoming = [v for v in visits if v["due_date"] >= today().isoformat()]
        assert upcoming
        assert all(t["rule_set_version"] == version for t in upcoming if not t["due_edited"]), [
            (t["due_date"], t["rule_set_version"], t["rule"], t["spread_from"], t["workflow_id"])
            for t in upcoming
            if t["rule_set_version"] != version
        ]
