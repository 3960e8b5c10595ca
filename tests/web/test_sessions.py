"""Signing in and out of the web app, over HTTP as a browser would (both databases)."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import httpx
from sqlalchemy import delete, update

from app.clock import today
from app.db import utcnow
from app.staff.models import Staff
from app.web_sessions.models import WebSession
from tests.helpers import Api, make_case
from tests.web.conftest import WebClient


def test_a_page_without_a_session_sends_the_person_to_the_login_and_back(web: WebClient) -> None:
    response = web.get("/app/?x=1")
    assert response.status_code == 303
    assert response.headers["location"] == "/app/login?next=/app/%3Fx%3D1"


def test_the_development_login_lists_the_staff_and_signs_in_as_one(
    web: WebClient, api: Api
) -> None:
    case = make_case(api)
    login = web.get("/app/login")
    assert "Kari Kontakt, kontaktperson" in login.text
    home = web.login("kari@test.example")
    assert home.status_code == 200
    assert '<h1 class="ds-heading" data-size="lg">Mine oppgaver</h1>' in home.text
    soon = (today() + timedelta(days=91)).isoformat()
    tasks = case.tenant.contact.get(
        "/v1/tasks",
        params={"assignee_id": case.tenant.contact_id, "status": "open", "due_before": soon},
    ).json()["items"]
    assert tasks
    assert all(f'href="/app/tasks/{task["id"]}"' in home.text for task in tasks)


def test_the_session_cookie_is_httponly_and_samesite_lax(web: WebClient, api: Api) -> None:
    api.tenant()
    web.login("kari@test.example")
    cookie = next(c for c in web.http.cookies.jar if c.name == "fosterflyt_session")
    assert cookie.has_nonstandard_attr("HttpOnly")
    assert cookie.get_nonstandard_attr("SameSite", "").lower() == "lax"
    assert not cookie.secure  # development over plain HTTP (decisions.md 2)


def test_the_development_login_refuses_a_form_from_another_site(web: WebClient, api: Api) -> None:
    api.tenant()
    response = web.http.post(
        "/app/login/development",
        data={"email": "kari@test.example", "next": "/app/"},
        headers={"Origin": "https://angriper.example"},
    )
    assert response.status_code == 403
    assert "fosterflyt_session" not in response.headers.get("set-cookie", "")


def test_after_login_the_person_goes_only_to_a_page_of_the_app(web: WebClient, api: Api) -> None:
    api.tenant()
    response = web.http.post(
        "/app/login/development",
        data={"email": "kari@test.example", "next": "https://angriper.example/"},
        headers={"Origin": str(web.http.base_url).rstrip("/")},
    )
    assert response.headers["location"] == "/app/"


def test_logging_out_needs_the_csrf_token_and_ends_the_session(web: WebClient, api: Api) -> None:
    api.tenant()
    web.login("kari@test.example")
    refused = web.http.post("/app/logout", data={"csrf_token": "forged"})
    assert refused.status_code == 403
    assert "Skjemaet kunne ikke sendes" in refused.text
    assert web.get("/app/").status_code == 200  # still signed in
    out = web.post("/app/logout")
    assert out.status_code == 303
    assert out.headers["location"] == "/app/logged-out"
    assert web.get("/app/").status_code == 303


def _age_sessions(connection: Any, **ago: timedelta) -> None:
    values = {name: utcnow() - delta for name, delta in ago.items()}
    connection.execute(update(WebSession).values(**values))


def test_a_session_idle_longer_than_the_idle_timeout_ends(
    web: WebClient, api: Api, connection: Any
) -> None:
    api.tenant()
    web.login("kari@test.example")
    _age_sessions(connection, last_seen_at=timedelta(minutes=31))
    response = web.get("/app/")
    assert response.status_code == 303
    again = web.get(response.headers["location"])
    assert "Du ble logget ut fordi du ikke hadde brukt Fosterflyt" in again.text


def test_a_session_ends_after_its_absolute_lifetime_even_in_use(
    web: WebClient, api: Api, connection: Any
) -> None:
    api.tenant()
    web.login("kari@test.example")
    _age_sessions(connection, created_at=timedelta(hours=10, minutes=1))
    assert web.get("/app/").status_code == 303


def test_a_person_without_a_staff_row_is_told_they_have_no_access(
    web: WebClient, api: Api, connection: Any
) -> None:
    tenant = api.tenant()
    email = f"{uuid.uuid4().hex[:8]}@test.example"  # a person in this one service only
    staff = api.admin.created(
        f"/v1/staff?service_id={tenant.service_id}",
        {"name": "Kort Tid", "email": email, "role": "contact_person"},
    )
    web.login(email)
    connection.execute(delete(Staff).where(Staff.id == uuid.UUID(staff["id"])))
    response = web.get("/app/")
    assert response.status_code == 403
    assert "Du har ikke tilgang til Fosterflyt" in response.text


def test_pages_send_a_content_security_policy_with_nonces_and_no_framing(
    web: WebClient, api: Api
) -> None:
    api.tenant()
    page = web.get("/app/login")
    policy = page.headers["content-security-policy"]
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in page.text
    assert page.headers["cache-control"] == "no-store"
    assert web.get("/app/login").headers["content-security-policy"] != policy  # fresh nonce


def test_an_unknown_page_is_a_page_saying_so(web: WebClient) -> None:
    response = web.get("/app/finnes-ikke")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "Fant ikke siden" in response.text


def test_the_json_api_still_answers_problems(http: httpx.Client) -> None:
    response = http.get("/v1/finnes-ikke")
    assert response.headers["content-type"] == "application/problem+json"
