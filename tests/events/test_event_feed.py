"""The event feed: every change announced in its own transaction, thin, ordered, resumable."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from app.clock import today
from app.db import make_engine
from app.events.service import emit, feed
from app.migrations import upgrade
from app.principal import Principal, Role
from app.tasks.models import TaskEvent
from tests.helpers import Api, Caller, Case, TempDatabase, make_case, org_number

# The data a task event carries (emit checks it against the type's published shape).
SKIPPED = {"workflow_id": "5f0c2a8e-3b1d-4c6e-9a7f-2d4b8e1c0a93", "step_key": "besok"}
DONE = {**SKIPPED, "outcome": None}


def events(caller: Caller, **params: Any) -> dict[str, Any]:
    """One page when ``limit`` is given; else every event after ``params``' cursor, paged
    through, with the last page's cursor."""
    items: list[dict[str, Any]] = []
    while True:
        response = caller.get("/v1/events", params={"limit": 100, **params})
        assert response.status_code == 200, response.text
        page = dict(response.json())
        items += page["items"]
        if not page["has_more"] or "limit" in params:
            return {**page, "items": items}
        params = {**params, "after": page["next_cursor"]}


def types(page: dict[str, Any]) -> list[str]:
    return [e["type"] for e in page["items"]]


def recent_case(api: Api) -> Case:
    return make_case(api, start_date=(today() - timedelta(days=3)).isoformat())


class TestEveryChangeIsAnnounced:
    def test_a_new_placement_announces_itself_its_workflows_and_its_tasks(self, api: Api) -> None:
        case = recent_case(api)
        page = events(case.tenant.integration)
        kinds = types(page)
        assert kinds[0] == "placement.created"
        assert "workflow.started" in kinds
        created = [e for e in page["items"] if e["type"] == "task.created"]
        tasks = case.tenant.integration.get(
            "/v1/tasks", params={"placement_id": case.placement["id"], "limit": 100}
        ).json()["items"]
        assert {e["subject_id"] for e in created} >= {t["id"] for t in tasks}
        assert all(e["placement_id"] == case.placement["id"] for e in page["items"])

    def test_payloads_carry_ids_and_never_personal_data(self, api: Api) -> None:
        case = recent_case(api)
        body = json.dumps(events(case.tenant.integration))
        for personal in (case.child["given_name"], case.child["family_name"], "Fjordveien"):
            assert personal not in body

    def test_completing_a_task_and_generating_a_document_are_announced(self, api: Api) -> None:
        case = recent_case(api)
        start = events(case.tenant.integration)["next_cursor"]
        visit = next(
            t
            for t in case.tenant.integration.get(
                "/v1/tasks", params={"placement_id": case.placement["id"], "limit": 100}
            ).json()["items"]
            if t["definition_key"] == "tilsyn" and t["step_key"] == "tilsynsbesok"
        )
        answers = {
            "besoksdato": today().isoformat(),
            "rapport_mottatt": today().isoformat(),
            "samtale_med_barnet_alene": True,
        }
        done = case.tenant.integration.post(
            f"/v1/tasks/{visit['id']}/complete", json={"answers": answers}
        )
        assert done.status_code == 200, done.text
        document = case.tenant.integration.post(
            "/v1/documents",
            json={
                "template_key": "oppfolgingsplan",
                "placement_id": case.placement["id"],
                "draft": True,
            },
        )
        assert document.status_code == 201, document.text
        page = events(case.tenant.integration, after=start)
        assert types(page)[0] == "task.completed"
        assert page["items"][0]["subject_id"] == visit["id"]
        # the review of the supervision report appears as a new task
        assert any(
            e["type"] == "task.created" and e["data"]["step_key"] == "gjennomgang_tilsynsrapport"
            for e in page["items"]
        )
        assert types(page)[-1] == "document.generated"
        assert page["items"][-1]["subject_id"] == document.json()["id"]

    def test_ending_a_placement_announces_the_end_and_the_cancelled_tasks(self, api: Api) -> None:
        case = recent_case(api)
        start = events(case.tenant.integration)["next_cursor"]
        ended = case.tenant.integration.post(
            f"/v1/placements/{case.placement['id']}/end",
            json={"end_date": today().isoformat(), "end_reason": "returned_home"},
        )
        assert ended.status_code == 200, ended.text
        kinds = types(events(case.tenant.integration, after=start))
        assert kinds[0] == "placement.ended"
        assert "task.cancelled" in kinds
        assert "workflow.closed" in kinds


class TestTheFeedIsResumableAndScoped:
    def test_the_cursor_resumes_after_the_last_event_seen(self, api: Api) -> None:
        case = recent_case(api)
        first = events(case.tenant.integration, limit=5)
        assert first["has_more"] is True
        rest = events(case.tenant.integration, after=first["next_cursor"])
        everything = events(case.tenant.integration)
        assert [e["id"] for e in first["items"] + rest["items"]] == [
            e["id"] for e in everything["items"]
        ]

    def test_an_empty_page_still_returns_a_cursor_to_resume_from(self, api: Api) -> None:
        case = recent_case(api)
        end = events(case.tenant.integration)["next_cursor"]
        page = events(case.tenant.integration, after=end)
        assert page["items"] == []
        assert page["has_more"] is False
        assert page["next_cursor"] == end

    def test_another_service_sees_none_of_these_events(self, api: Api) -> None:
        case = recent_case(api)
        other = api.tenant()
        ids = {e["id"] for e in events(case.tenant.integration)["items"]}
        assert not ids & {e["id"] for e in events(other.integration)["items"]}

    def test_a_malformed_cursor_is_a_400(self, api: Api) -> None:
        case = recent_case(api)
        response = case.tenant.integration.get("/v1/events", params={"after": "not-a-cursor"})
        assert response.status_code == 400
        assert response.json()["type"].endswith("/invalid-cursor")
        assert [(e["parameter"], e["location"]) for e in response.json()["errors"]] == [
            ("after", "query")
        ]

    def test_a_cursor_from_another_callers_feed_is_a_400(self, api: Api) -> None:
        case = recent_case(api)
        other = api.tenant()
        cursor = events(other.integration)["next_cursor"]
        response = case.tenant.integration.get("/v1/events", params={"after": cursor})
        assert response.status_code == 400

    def test_the_feed_pages_like_every_list(self, api: Api) -> None:
        """Issue #18 item 4: ``cursor`` was ignored (a generic paginator looped on page 1), no
        Link header, and ``limit`` 500 was allowed where the docs say 100."""
        case = recent_case(api)
        caller = case.tenant.integration
        everything = [e["id"] for e in events(caller)["items"]]
        assert len(everything) > 3
        seen: list[str] = []
        first = caller.get("/v1/events", params={"limit": 2})
        link = first.headers["Link"]
        seen += [e["id"] for e in first.json()["items"]]
        by_cursor = caller.get(
            "/v1/events", params={"limit": 2, "cursor": first.json()["next_cursor"]}
        )
        assert by_cursor.status_code == 200, by_cursor.text
        url = link.split(">")[0].lstrip("<")
        by_link = caller.get(url)
        assert by_link.json()["items"] == by_cursor.json()["items"]
        seen += [e["id"] for e in by_cursor.json()["items"]]
        assert seen == everything[:4]
        assert caller.get("/v1/events", params={"limit": 101}).status_code == 422

    def test_an_unknown_parameter_or_event_type_is_a_422(self, api: Api) -> None:
        case = recent_case(api)
        caller = case.tenant.integration
        misspelt = caller.get("/v1/events", params={"type": "placement.create"})
        assert misspelt.status_code == 422, misspelt.text
        assert [(e["parameter"], e["code"]) for e in misspelt.json()["errors"]] == [
            ("type.0", "unknown_event_type")  # the first value of type
        ]
        unknown = caller.get("/v1/events", params={"afterr": "x"})
        assert unknown.status_code == 422
        assert [e["parameter"] for e in unknown.json()["errors"]] == ["afterr"]
        known = caller.get("/v1/events", params={"type": "placement.created"})
        assert [e["type"] for e in known.json()["items"]] == ["placement.created"]

    def test_a_contact_person_cannot_read_the_feed(self, api: Api) -> None:
        case = recent_case(api)
        assert case.tenant.contact.get("/v1/events").status_code == 403

    def test_a_refused_change_announces_nothing(self, api: Api) -> None:
        case = recent_case(api)
        end = events(case.tenant.integration)["next_cursor"]
        overlapping = case.tenant.integration.post(
            "/v1/placements",
            json={
                "child_id": case.child["id"],
                "foster_home_id": case.foster_home["id"],
                "contact_person_id": case.tenant.contact_id,
                "start_date": today().isoformat(),
                "legal_basis": "voluntary",
            },
        )
        assert overlapping.status_code == 409
        assert events(case.tenant.integration, after=end)["items"] == []


@pytest.fixture
def committed_db(temp_databases: TempDatabase) -> Iterator[tuple[Any, uuid.UUID]]:
    """A database of its own where transactions really commit, with one service."""
    if not temp_databases.is_postgres:
        pytest.skip("PostgreSQL only: SQLite serialises writers, so positions commit in order")
    url = temp_databases.create()
    upgrade(url)
    engine = make_engine(url)
    service_id = uuid.uuid4()
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO services (id, name, org_number, municipality_numbers, created_at,"
                " updated_at, version) VALUES (:id, 'T', :org, '[]', now(), now(), 1)"
            ),
            {"id": service_id, "org": org_number()},
        )
    yield engine, service_id
    engine.dispose()


def feed_until(
    engine: Any, reader: Principal, cursor: str | None, want: int
) -> tuple[list[str], str | None]:
    """The feed after ``cursor`` once it shows ``want`` events (or what it shows after 10 s).

    A transaction of another database on the same server (another test run) also holds the feed
    back until it ends, so the test waits for that rather than asserting once.
    """
    deadline = time.monotonic() + 10
    while True:
        with Session(engine) as session:
            rows, next_cursor, _ = feed(
                session, reader, after=cursor, limit=10, types=None, service_id=None
            )
        if len(rows) >= want or time.monotonic() > deadline:
            return [r.type for r in rows], next_cursor
        time.sleep(0.05)


class TestConcurrentTransactions:
    def test_an_event_is_held_back_while_an_earlier_transaction_is_still_open(
        self, committed_db: tuple[Any, uuid.UUID]
    ) -> None:
        engine, service_id = committed_db
        reader = Principal.single("reader", Role.INTEGRATION, {service_id}, ())
        slow, fast = Session(engine), Session(engine)
        emit(
            slow,
            service_id=service_id,
            type=TaskEvent.COMPLETED,
            subject_id=uuid.uuid4(),
            data=DONE,
        )
        slow.flush()  # the slow transaction holds the earlier position and has not committed
        emit(
            fast,
            service_id=service_id,
            type=TaskEvent.SKIPPED,
            subject_id=uuid.uuid4(),
            data=SKIPPED,
        )
        fast.commit()
        with Session(engine) as session:
            rows, cursor, _ = feed(
                session, reader, after=None, limit=10, types=None, service_id=None
            )
            assert rows == []  # 'fast' is committed but held back behind 'slow'
        slow.commit()
        types, _ = feed_until(engine, reader, cursor, want=2)
        assert types == ["task.completed", "task.skipped"]
        slow.close()
        fast.close()

    def test_an_event_committed_behind_a_served_position_is_still_served(
        self, committed_db: tuple[Any, uuid.UUID]
    ) -> None:
        """A takes its transaction id first; B writes an event (earlier position) and stays
        open; A writes (later position) and commits. The feed serves A's event, then B's once B
        commits — though B's position is below the one already served."""
        engine, service_id = committed_db
        reader = Principal.single("reader", Role.INTEGRATION, {service_id}, ())
        first, second = Session(engine), Session(engine)
        first.execute(text("SELECT pg_current_xact_id()"))  # A's id is the older one
        emit(
            second,
            service_id=service_id,
            type=TaskEvent.COMPLETED,
            subject_id=uuid.uuid4(),
            data=DONE,
        )
        second.flush()
        emit(
            first,
            service_id=service_id,
            type=TaskEvent.SKIPPED,
            subject_id=uuid.uuid4(),
            data=SKIPPED,
        )
        first.commit()
        served, cursor = feed_until(engine, reader, None, want=1)
        assert served == ["task.skipped"]
        second.commit()
        later, _ = feed_until(engine, reader, cursor, want=1)
        assert later == ["task.completed"]
        first.close()
        second.close()


class TestEventTypesAreDeclaredByTheirDomains:
    def test_the_feed_and_webhooks_offer_every_declared_type(self, api: Api) -> None:
        import app.models  # noqa: F401
        from app.events.service import event_types

        document = api.http.get("/openapi.json").json()
        description = document["paths"]["/v1/events"]["get"]["description"]
        schemas = document["components"]["schemas"]
        offered = schemas["WebhookSubscriptionCreate"]["properties"]["event_types"]
        assert [t for t in event_types() if f"`{t}`" not in description] == []
        assert offered["items"]["enum"] == event_types()
        assert offered["maxItems"] == len(event_types()) == 42

    def test_an_undeclared_event_type_is_refused_before_anything_is_written(self) -> None:
        from enum import StrEnum

        from app.events.service import emit

        class Stray(StrEnum):
            HAPPENED = "stray.happened"

        with pytest.raises(ValueError, match="not a declared event type"):
            emit(None, service_id=uuid.uuid4(), type=Stray.HAPPENED, subject_id=uuid.uuid4())  # type: ignore[arg-type]
