"""Test helpers: temporary databases, callers with tokens, and keyword-only factories that create
data through the HTTP API the way a journal system would."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import holidays
import httpx
import psycopg
from dateutil.relativedelta import relativedelta
from sqlalchemy.engine import make_url
from stdnum.no import fodselsnummer, orgnr

from app.auth import mint_token
from app.clock import today
from app.config import get_settings
from app.errors import PROBLEM_BASE
from app.principal import Role


class TempDatabase:
    """Fresh databases for a test run: SQLite files, or PostgreSQL databases created beside the
    one in ``FOSTERFLYT_TEST_DATABASE_URL`` and dropped at the end (nothing left behind)."""

    def __init__(self, base_url: str | None, directory: Path) -> None:
        self.base_url = base_url
        self.directory = directory
        self.created: list[str] = []

    @property
    def is_postgres(self) -> bool:
        return self.base_url is not None and self.base_url.startswith("postgres")

    def create(self) -> str:
        name = f"fosterflyt_test_{uuid.uuid4().hex[:12]}"
        if not self.is_postgres:
            return f"sqlite:///{self.directory / (name + '.db')}"
        assert self.base_url is not None
        with psycopg.connect(self._admin_dsn(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        self.created.append(name)
        url = make_url(self.base_url).set(drivername="postgresql+psycopg", database=name)
        return url.render_as_string(hide_password=False)

    def drop_all(self) -> None:
        if not self.created:
            return
        with psycopg.connect(self._admin_dsn(), autocommit=True) as conn:
            for name in self.created:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.created.clear()

    def _admin_dsn(self) -> str:
        assert self.base_url is not None
        url = make_url(self.base_url).set(drivername="postgresql")
        return url.render_as_string(hide_password=False)


def national_id_for(birth: date, *, seed: int = 0) -> str:
    """A fødselsnummer with valid check digits for ``birth`` (born 2000–2039: 500–999)."""
    rng = random.Random(seed)
    while True:
        individual = rng.randint(500, 999)
        base = birth.strftime("%d%m%y") + f"{individual:03d}"
        k1 = fodselsnummer.calc_check_digit1(base)
        if len(k1) != 1:
            continue
        k2 = fodselsnummer.calc_check_digit2(base + k1)
        if len(k2) == 1:
            return base + k1 + k2


def org_number(seed: int | None = None) -> str:
    rng = random.Random(seed)
    while True:
        candidate = str(rng.randint(910_000_000, 999_999_999))
        if orgnr.is_valid(candidate):
            return candidate


def token(
    role: Role | str,
    *,
    services: list[str] | tuple[str, ...] = (),
    staff: str | None = None,
    scopes: list[str] | None = None,
    ttl: int | None = None,
    subject: str | None = None,
) -> str:
    return mint_token(
        get_settings(),
        role=Role(role),
        service_ids=[uuid.UUID(s) for s in services],
        staff_id=uuid.UUID(staff) if staff else None,
        scopes=scopes,
        ttl_seconds=ttl,
        subject=subject,
    )


class Caller:
    """An HTTP client acting with one token."""

    def __init__(self, http: httpx.Client, bearer: str | None) -> None:
        self.http = http
        self.bearer = bearer

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        headers = dict(kwargs.pop("headers", None) or {})
        if self.bearer is not None:
            headers.setdefault("Authorization", f"Bearer {self.bearer}")
        return self.http.request(method, url, headers=headers, **kwargs)

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)

    def patch(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("PATCH", url, **kwargs)

    def created(self, url: str, body: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
        response = self.post(url, json=body, **kwargs)
        assert response.status_code == 201, response.text
        return dict(response.json())


@dataclass
class Tenant:
    service_id: str
    leader_id: str
    contact_id: str
    integration: Caller
    leader: Caller
    contact: Caller


class Api:
    def __init__(self, http: httpx.Client, *, rolled_back: bool = False) -> None:
        """``rolled_back``: every row this client makes is rolled back after the test (the
        ``api`` fixture), so its people may have the shared names and addresses the web tests
        sign in with (Kari Kontakt, kari@test.example). A client of a server outside the test's
        transaction leaves its rows behind: its people get names and addresses of their own, or
        the same person would hold staff rows in several services in later tests."""
        self.http = http
        self.rolled_back = rolled_back
        self.admin = Caller(http, token(Role.ADMIN))
        self.anonymous = Caller(http, None)

    def caller(self, bearer: str | None) -> Caller:
        return Caller(self.http, bearer)

    def service(self, *, name: str = "Barneverntjenesten i Testby") -> dict[str, Any]:
        return self.admin.created(
            "/v1/services",
            {"name": name, "org_number": org_number(), "municipality_numbers": ["3201"]},
        )

    def tenant(self) -> Tenant:
        """A service with a leader and a contact person, and callers for each role."""
        service_id = self.service()["id"]
        own = "" if self.rolled_back else f"-{uuid.uuid4().hex[:8]}"
        leader = self.admin.created(
            f"/v1/staff?service_id={service_id}",
            {
                "name": "Lise Leder" if self.rolled_back else "Lise Varig",
                "email": f"lise{own}@test.example",
                "role": "leader",
            },
        )
        contact = self.admin.created(
            f"/v1/staff?service_id={service_id}",
            {
                "name": "Kari Kontakt" if self.rolled_back else "Kari Varig",
                "email": f"kari{own}@test.example",
                "role": "contact_person",
            },
        )
        return Tenant(
            service_id=service_id,
            leader_id=leader["id"],
            contact_id=contact["id"],
            integration=self.caller(token(Role.INTEGRATION, services=[service_id])),
            leader=self.caller(token(Role.LEADER, services=[service_id])),
            contact=self.caller(
                token(Role.CONTACT_PERSON, services=[service_id], staff=contact["id"])
            ),
        )


def child_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "given_name": "Emma",
        "family_name": "Eksempel",
        "birth_date": "2015-10-15",
    }
    body.update(overrides)
    return body


def foster_home_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "Familien Fjord",
        "kind": "ordinary",
        "foster_parents": [{"name": "Ola Fjord"}, {"name": "Siri Fjord"}],
        "address": {
            "street_address": "Fjordveien 1",
            "postal_code": "1337",
            "postal_place": "Sandvika",
        },
        "municipality_number": "3201",
        "approved_date": "2025-12-01",
    }
    body.update(overrides)
    return body


def placement_body(
    tenant: Tenant, *, child_id: str, foster_home_id: str, **overrides: Any
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "child_id": child_id,
        "foster_home_id": foster_home_id,
        "contact_person_id": tenant.contact_id,
        "start_date": "2026-01-05",
        "legal_basis": "care_order",
        "agreement_end_date": "2029-01-04",
    }
    body.update(overrides)
    return body


@dataclass
class Case:
    tenant: Tenant
    child: dict[str, Any]
    foster_home: dict[str, Any]
    placement: dict[str, Any]


def make_case(api: Api, tenant: Tenant | None = None, **placement: Any) -> Case:
    """A child in a foster home, followed by the tenant's contact person."""
    tenant = tenant or api.tenant()
    child = tenant.integration.created("/v1/children", child_body())
    home = tenant.integration.created("/v1/foster-homes", foster_home_body())
    body = placement_body(tenant, child_id=child["id"], foster_home_id=home["id"], **placement)
    created = tenant.integration.created("/v1/placements", body)
    return Case(tenant=tenant, child=child, foster_home=home, placement=created)


# -- Shared assertions and dates for the workflow and task tests ---------------------------------


def day(offset: int) -> date:
    """Today (Europe/Oslo) plus ``offset`` days."""
    return today() + timedelta(days=offset)


def parse(value: str) -> date:
    return date.fromisoformat(value)


def is_working_day(value: date) -> bool:
    return value.weekday() < 5 and value not in holidays.country_holidays("NO", years=value.year)


def problem(response: httpx.Response, status: int, slug: str) -> dict[str, Any]:
    """Assert a problem+json response of this status and type, and return its body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = dict(response.json())
    assert body["type"] == PROBLEM_BASE + slug, body
    return body


def pointers(body: dict[str, Any]) -> list[str]:
    return sorted(e["pointer"] for e in body.get("errors") or [] if e.get("pointer"))


def ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def case_started(api: Api, start: date, **placement: Any) -> Case:
    """A case whose placement started on ``start``, with a two-year agreement."""
    placement.setdefault("agreement_end_date", (start + relativedelta(years=2)).isoformat())
    return make_case(api, start_date=start.isoformat(), **placement)


def all_events(caller: Caller, **params: Any) -> list[dict[str, Any]]:
    """Every event of the caller's feed, paged through (a page holds at most 100)."""
    items: list[dict[str, Any]] = []
    query: dict[str, Any] = {"limit": 100, **params}
    while True:
        response = caller.get("/v1/events", params=query)
        assert response.status_code == 200, response.text
        page = response.json()
        items += page["items"]
        if not page["has_more"]:
            return items
        query = {**query, "cursor": page["next_cursor"]}
