"""A contact person's deadlines as a calendar subscription, opened without a bearer token."""

from __future__ import annotations

from datetime import timedelta

import httpx
from icalendar import Calendar

from app.clock import today
from tests.helpers import Api, make_case


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
        url = created.json()["url"]
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
        url = _path(case.tenant.contact.post("/v1/calendar-feeds").json()["url"])
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


class TestAFeedCanBeRevoked:
    def test_a_revoked_feed_answers_404_problem(self, api: Api, http: httpx.Client) -> None:
        case = make_case(api)
        created = case.tenant.contact.post("/v1/calendar-feeds").json()
        url = _path(created["url"])
        assert http.get(url).status_code == 200
        revoked = case.tenant.contact.post(f"/v1/calendar-feeds/{created['feed']['id']}/revoke")
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
        secret = created["url"].rsplit("/", 1)[1].removesuffix(".ics")
        listed = case.tenant.contact.get("/v1/calendar-feeds")
        assert listed.status_code == 200
        assert [f["id"] for f in listed.json()] == [created["feed"]["id"]]
        assert secret not in listed.text
        assert listed.json()[0]["token_prefix"] == secret[:8]

    def test_a_token_without_a_staff_member_cannot_make_a_feed(self, api: Api) -> None:
        case = make_case(api)
        response = case.tenant.integration.post("/v1/calendar-feeds")
        assert response.status_code == 422
        assert response.json()["errors"][0]["parameter"] == "Authorization"
