"""A contact person's deadlines as a calendar subscription, opened without a bearer token."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, timedelta

import httpx
import pytest
from icalendar import Calendar
from pydantic import ValidationError
from sqlalchemy import Connection, update

from app.clock import today
from app.config import Settings
from app.tasks.models import Task
from tests.conftest import LiveServer
from tests.helpers import Api, make_case

PRODUCTION = {
    "environment": "production",
    "jwt_secret": "p" * 32,
    "national_id_key": "n" * 32,
    "oidc_issuer": "https://login.kommune.example",
    "oidc_client_id": "fosterflyt",
}


def _events(body: bytes) -> list[dict[str, str]]:
    calendar = Calendar.from_ical(body)
    return [
        {"uid": str(e["uid"]), "summary": str(e["summary"]), "start": e["dtstart"].dt.isoformat()}
        for e in calendar.walk("VEVENT")
    ]


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


class TestACalendarFeedShowsMyOpenTasks:
    def test_the_feed_lists_my_open_tasks_with_their_due_dates_and_no_names(
        self, api: Api, http: httpx.Client
    ) -> None:
        case = make_case(api, start_date=(today() - timedelta(days=3)).isoformat())
        created = case.tenant.contact.post("/v1/calendar-feeds")
        assert created.status_code == 201, created.text
        url = created.json()["secret"]["value"]
        assert url.endswith(".ics")
        feed = http.get(_path(url))  # no Authorization header: calendar clients send none
        assert feed.status_code == 200
        assert feed.headers["content-type"].startswith("text/calendar")
        events = _events(feed.content)
        tasks = case.tenant.contact.get(
            "/v1/tasks",
            params={"assignee_id": case.tenant.contact_id, "status": "open", "limit": 100},
        ).json()["items"]
        assert events, "the contact person has open tasks"
        assert {e["uid"] for e in events} >= {f"{t['id']}@fosterflyt" for t in tasks}
        by_uid = {e["uid"]: e for e in events}
        first = tasks[0]
        assert by_uid[f"{first['id']}@fosterflyt"]["start"] == first["due_date"]
        for name in (case.child["given_name"], case.child["family_name"]):
            assert name not in feed.text

    def test_a_completed_task_leaves_the_feed(self, api: Api, http: httpx.Client) -> None:
        case = make_case(api, start_date=(today() - timedelta(days=3)).isoformat())
        url = _path(case.tenant.contact.post("/v1/calendar-feeds").json()["secret"]["value"])
        before = {e["uid"] for e in _events(http.get(url).content)}
        task = case.tenant.contact.get(
            "/v1/tasks", params={"assignee_id": case.tenant.contact_id, "status": "open"}
        ).json()["items"][0]
        skipped = case.tenant.contact.post(
            f"/v1/tasks/{task['id']}/skip", json={"reason": "Gjort på telefon i stedet."}
        )
        assert skipped.status_code == 200, skipped.text
        after = {e["uid"] for e in _events(http.get(url).content)}
        assert f"{task['id']}@fosterflyt" in before
        assert before - after == {f"{task['id']}@fosterflyt"}


class TestEachEventNamesItsCaseAndTheFeedHasAnEtag:
    """Issue #18 item 8: an event did not say which case it belonged to, and every poll was a
    full download (DTSTAMP was the moment of the request)."""

    def test_an_event_names_its_case_by_the_journals_key_never_by_the_child(
        self, api: Api, http: httpx.Client
    ) -> None:
        case = make_case(
            api,
            start_date=(today() - timedelta(days=3)).isoformat(),
            external_ref={"system": "visma-flyt", "key": "SAK-2026-0042"},
        )
        other = make_case(api, case.tenant, start_date=(today() - timedelta(days=3)).isoformat())
        url = _path(case.tenant.contact.post("/v1/calendar-feeds").json()["secret"]["value"])
        feed = Calendar.from_ical(http.get(url).content)
        summaries = [str(e["summary"]) for e in feed.walk("VEVENT")]
        descriptions = [str(e["description"]) for e in feed.walk("VEVENT")]
        assert any(s.endswith("(SAK-2026-0042)") for s in summaries)
        short = f"(plassering {other.placement['id'][:8]})"
        assert any(s.endswith(short) for s in summaries)
        assert all("\n\nSak: " in d for d in descriptions)
        for name in (case.child["given_name"], case.child["family_name"]):
            assert not any(name in s for s in summaries + descriptions)

    def test_an_unchanged_feed_is_a_304_and_a_change_gives_a_new_etag(
        self, api: Api, http: httpx.Client
    ) -> None:
        case = make_case(api, start_date=(today() - timedelta(days=3)).isoformat())
        url = _path(case.tenant.contact.post("/v1/calendar-feeds").json()["secret"]["value"])
        first = http.get(url)
        etag = first.headers["etag"]
        assert http.get(url).content == first.content  # the same tasks, the same bytes
        unchanged = http.get(url, headers={"If-None-Match": etag})
        assert unchanged.status_code == 304
        assert unchanged.content == b""
        task = case.tenant.contact.get(
            "/v1/tasks", params={"assignee_id": case.tenant.contact_id, "status": "open"}
        ).json()["items"][0]
        skipped = case.tenant.contact.post(
            f"/v1/tasks/{task['id']}/skip", json={"reason": "Gjort på telefon i stedet."}
        )
        assert skipped.status_code == 200, skipped.text
        changed = http.get(url, headers={"If-None-Match": etag})
        assert changed.status_code == 200
        assert changed.headers["etag"] != etag


class TestAFeedCanBeRevoked:
    def test_a_revoked_feed_answers_404_problem(self, api: Api, http: httpx.Client) -> None:
        case = make_case(api)
        created = case.tenant.contact.post("/v1/calendar-feeds").json()
        url = _path(created["secret"]["value"])
        assert http.get(url).status_code == 200
        revoked = case.tenant.contact.post(f"/v1/calendar-feeds/{created['resource']['id']}/revoke")
        assert revoked.status_code == 200
        assert revoked.json()["revoked_at"] is not None
        gone = http.get(url)
        assert gone.status_code == 404
        assert gone.headers["content-type"].startswith("application/problem+json")

    def test_an_unknown_feed_url_answers_404(self, http: httpx.Client) -> None:
        assert http.get("/calendar/" + "x" * 43 + ".ics").status_code == 404

    def test_the_secret_is_shown_once_and_lists_show_only_its_prefix(self, api: Api) -> None:
        case = make_case(api)
        created = case.tenant.contact.post("/v1/calendar-feeds").json()
        secret = created["secret"]["value"].rsplit("/", 1)[1].removesuffix(".ics")
        listed = case.tenant.contact.get("/v1/calendar-feeds")
        assert listed.status_code == 200
        assert [f["id"] for f in listed.json()["items"]] == [created["resource"]["id"]]
        assert secret not in listed.text
        assert listed.json()["items"][0]["token_prefix"] == secret[:8]

    def test_a_token_without_a_staff_member_cannot_make_a_feed(self, api: Api) -> None:
        case = make_case(api)
        response = case.tenant.integration.post("/v1/calendar-feeds")
        assert response.status_code == 422
        assert response.json()["errors"][0]["parameter"] == "Authorization"


class TestAFeedSurvivesDueDatesAtTheEdgesOfTheCalendar:
    """A stored due date at the last (or first) representable day renders; the feed stays 200
    (finding 7: ``due_date + 1 day`` overflowed at 9999-12-31 and the feed answered 500)."""

    @pytest.mark.parametrize("due", [date.max, date.min], ids=["9999-12-31", "0001-01-01"])
    def test_a_task_due_on_the_last_or_first_representable_day_is_shown_and_the_feed_is_200(
        self, api: Api, http: httpx.Client, connection: Connection, due: date
    ) -> None:
        case = make_case(api, start_date=(today() - timedelta(days=3)).isoformat())
        url = _path(case.tenant.contact.post("/v1/calendar-feeds").json()["secret"]["value"])
        tasks = case.tenant.contact.get(
            "/v1/tasks", params={"assignee_id": case.tenant.contact_id, "status": "open"}
        ).json()["items"]
        edge, others = tasks[0], tasks[1:]
        # Straight into the database: the API's own date bounds are not what this proves.
        connection.execute(
            update(Task).where(Task.id == uuid.UUID(edge["id"])).values(due_date=due)
        )
        feed = http.get(url)
        assert feed.status_code == 200, feed.text
        events = {e["uid"]: e for e in _events(feed.content)}
        assert events[f"{edge['id']}@fosterflyt"]["start"] == due.isoformat()
        assert {f"{t['id']}@fosterflyt" for t in others} <= set(events)

    def test_an_all_day_event_on_the_last_day_has_no_end_and_lasts_that_day(
        self, api: Api, http: httpx.Client, connection: Connection
    ) -> None:
        case = make_case(api, start_date=(today() - timedelta(days=3)).isoformat())
        url = _path(case.tenant.contact.post("/v1/calendar-feeds").json()["secret"]["value"])
        task = case.tenant.contact.get(
            "/v1/tasks", params={"assignee_id": case.tenant.contact_id, "status": "open"}
        ).json()["items"][0]
        connection.execute(
            update(Task).where(Task.id == uuid.UUID(task["id"])).values(due_date=date.max)
        )
        calendar = Calendar.from_ical(http.get(url).content)
        by_uid = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
        edge = by_uid.pop(f"{task['id']}@fosterflyt")
        # RFC 5545 3.6.1: a DATE start without DTEND or DURATION lasts that one day.
        assert "DTEND" not in edge
        assert "DURATION" not in edge
        for event in by_uid.values():  # every other deadline keeps its explicit one-day end
            assert event["dtend"].dt == event["dtstart"].dt + timedelta(days=1)


def _created_url(server: LiveServer, bearer: str | None, host: str) -> str:
    with httpx.Client(base_url=server.url, timeout=30) as client:
        response = client.post(
            "/v1/calendar-feeds", headers={"Authorization": f"Bearer {bearer}", "Host": host}
        )
    assert response.status_code == 201, response.text
    return str(response.json()["secret"]["value"])


class TestAFeedUrlUsesTheConfiguredPublicBaseUrl:
    """The secret URL is built from ``FOSTERFLYT_PUBLIC_BASE_URL``, never from a ``Host`` header
    a client (or a misrouted proxy) chose (finding 15)."""

    def test_a_forged_host_header_does_not_reach_the_feed_url(
        self, api: Api, server_with: Callable[..., LiveServer]
    ) -> None:
        server = server_with(public_base_url="https://fosterflyt.kommune.example")
        case = make_case(api)
        url = _created_url(server, case.tenant.contact.bearer, "evil.example")
        assert url.startswith("https://fosterflyt.kommune.example/calendar/")
        assert url.endswith(".ics")
        assert "evil.example" not in url
        with httpx.Client(base_url=server.url, timeout=30) as client:
            assert client.get(_path(url)).status_code == 200

    def test_each_event_links_to_its_task_page_in_the_web_app(
        self, api: Api, server_with: Callable[..., LiveServer]
    ) -> None:
        server = server_with(public_base_url="https://kommune.example/fosterflyt")
        case = make_case(api)
        url = _created_url(server, case.tenant.contact.bearer, "evil.example")
        with httpx.Client(base_url=server.url, timeout=30) as client:
            feed = client.get("/calendar/" + url.rsplit("/", 1)[1]).content
        events = list(Calendar.from_ical(feed).walk("VEVENT"))
        assert events
        for event in events:
            task_id = str(event["uid"]).removesuffix("@fosterflyt")
            page = f"https://kommune.example/fosterflyt/app/tasks/{task_id}"
            assert str(event["url"]) == page
            assert f"Åpne oppgaven: {page}" in str(event["description"])

    def test_a_base_url_with_a_path_keeps_its_path(
        self, api: Api, server_with: Callable[..., LiveServer]
    ) -> None:
        server = server_with(public_base_url="https://kommune.example/fosterflyt/")
        case = make_case(api)
        url = _created_url(server, case.tenant.contact.bearer, "evil.example")
        token = url.rsplit("/", 1)[1]
        assert url == f"https://kommune.example/fosterflyt/calendar/{token}"

    def test_in_development_without_a_base_url_the_request_address_is_used(
        self, api: Api, live_server: LiveServer
    ) -> None:
        case = make_case(api)
        url = _created_url(live_server, case.tenant.contact.bearer, f"127.0.0.1:{live_server.port}")
        assert url.startswith(f"http://127.0.0.1:{live_server.port}/calendar/")


class TestThePublicBaseUrlIsValidatedAtStartUp:
    def test_production_requires_a_public_base_url(self) -> None:
        with pytest.raises(ValidationError, match="FOSTERFLYT_PUBLIC_BASE_URL"):
            Settings(**PRODUCTION)

    def test_production_requires_https(self) -> None:
        with pytest.raises(ValidationError, match="https"):
            Settings(**PRODUCTION, public_base_url="http://fosterflyt.kommune.example")

    def test_production_starts_with_an_https_base_url(self) -> None:
        settings = Settings(**PRODUCTION, public_base_url="https://fosterflyt.kommune.example/")
        assert settings.public_base_url == "https://fosterflyt.kommune.example"

    @pytest.mark.parametrize(
        "value",
        [
            "fosterflyt.kommune.example",
            "ftp://fosterflyt.kommune.example",
            "https://",
            "https://fosterflyt.kommune.example/?a=1",
            "https://fosterflyt.kommune.example/#frag",
            "https://user:pw@fosterflyt.kommune.example",
        ],
    )
    def test_a_base_url_must_be_a_plain_http_or_https_address(self, value: str) -> None:
        with pytest.raises(ValidationError, match="public_base_url"):
            Settings(public_base_url=value)
