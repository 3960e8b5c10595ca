"""*Min kalender* over HTTP (both databases): create a feed, its secret address shown once in
the page body and nowhere else, revoke it with a confirmation."""

from __future__ import annotations

import logging
import re

import httpx
import pytest

from tests.helpers import Api, make_case
from tests.web.conftest import WebClient


def _feed_url(html: str) -> str:
    found = re.search(r'id="kalenderlenke" type="text" readonly value="([^"]+)"', html)
    assert found, html
    return found.group(1)


def test_creating_a_feed_shows_its_address_once_in_the_page_body(
    web: WebClient, api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    make_case(api)
    web.login("kari@test.example")
    assert web.get("/app/calendar").status_code == 200
    with caplog.at_level(logging.DEBUG):
        created = web.post("/app/calendar")
        again = web.get("/app/calendar")
    assert created.status_code == 201
    url = _feed_url(created.text)
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    assert len(token) >= 40
    assert "Kopier lenken" in created.text  # the button (shown by copy.js)
    assert token not in "".join(created.headers.values())
    assert token not in re.search(r"<title>.*?</title>", created.text, re.S).group(0)  # type: ignore[union-attr]
    assert token not in again.text  # shown once
    assert token not in caplog.text
    feed = httpx.get(url)
    assert feed.status_code == 200
    assert feed.headers["content-type"].startswith("text/calendar")
    assert "Emma" not in feed.text


def test_revoking_a_feed_asks_first_and_then_the_address_stops_working(
    web: WebClient, api: Api
) -> None:
    make_case(api)
    web.login("kari@test.example")
    url = _feed_url(web.post("/app/calendar").text)
    listing = web.get("/app/calendar").text
    [revoke] = re.findall(r'href="(/app/calendar/[^"]+/revoke)"', listing)
    confirm = web.get(revoke)
    assert confirm.status_code == 200
    assert "Vil du stoppe kalenderen?" in confirm.text
    assert httpx.get(url).status_code == 200  # nothing happens before the POST
    assert web.http.post(revoke, data={"csrf_token": "forged"}).status_code == 403
    assert httpx.get(url).status_code == 200
    done = web.post(revoke)
    assert done.status_code == 303
    assert done.headers["location"] == "/app/calendar?stoppet=1"
    assert "Kalenderen er stoppet" in web.get(done.headers["location"]).text
    assert httpx.get(url).status_code == 404


def test_a_person_cannot_revoke_someone_elses_feed(web: WebClient, api: Api) -> None:
    case = make_case(api)
    web.login("kari@test.example")
    web.post("/app/calendar")
    [revoke] = re.findall(r'href="(/app/calendar/[^"]+/revoke)"', web.get("/app/calendar").text)
    api.admin.created(
        f"/v1/staff?service_id={case.tenant.service_id}",
        {"name": "Per Kontakt", "email": "per@test.example", "role": "contact_person"},
    )
    other = WebClient(web.http)
    web.post("/app/logout")
    other.login("per@test.example")
    assert other.get(revoke).status_code == 404
    assert other.post(revoke).status_code == 404
    assert other.get("/app/calendar/ikke-en-id/revoke").status_code == 404
