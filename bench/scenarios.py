"""The scenarios: which requests each one sends, built from the loaded data set.

Reads draw random rows from the whole data set (seeded); writes consume prepared inputs once
(a new child and foster home per placement, an open visit per completion) and stop when those
run out, so a run is bounded by count as well as by time.
"""

from __future__ import annotations

import json
import random
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from functools import lru_cache

from app.auth import mint_token
from app.clock import today
from app.config import get_settings
from app.principal import Role
from bench.driver import Request
from bench.loader import Dataset

JSON = ("Content-Type", "application/json")
VISIT_ANSWERS = {
    "snakket_med_barnet_alene": True,
    "barnets_mening": "Barnet sier at det trives på skolen og gleder seg til sommerferien, men "
    "savner lillebroren sin og vil gjerne se ham oftere.",
    "vurdering": "Barnet virker trygt og godt ivaretatt i fosterhjemmet. Samværet med "
    "lillebroren bør økes, og dette tas opp med fosterforeldrene og foreldrene.",
}


@dataclass
class Scenario:
    key: str
    title: str
    method: str
    requests: list[Request]
    expect: int
    write: bool = False
    server: str = "service"  # service | starlette | pk
    floor: str | None = None  # the floor its throughput is compared with
    notes: list[str] = field(default_factory=list)


@lru_cache(maxsize=100_000)
def _token(role: Role, service_id: uuid.UUID, staff_id: uuid.UUID | None = None) -> str:
    return mint_token(
        get_settings(),
        role=role,
        subject=f"bench-{role}-{staff_id or service_id}",
        service_ids=[service_id],
        staff_id=staff_id,
        ttl_seconds=12 * 3600,
    )


def _auth(role: Role, service_id: uuid.UUID, staff_id: uuid.UUID | None = None) -> tuple[str, str]:
    return ("Authorization", f"Bearer {_token(role, service_id, staff_id)}")


@lru_cache(maxsize=1)
def _admin_auth() -> tuple[str, str]:
    bearer = mint_token(
        get_settings(),
        role=Role.ADMIN,
        subject="bench-admin",
        service_ids=[],
        ttl_seconds=12 * 3600,
    )
    return ("Authorization", f"Bearer {bearer}")


def build(
    dataset: Dataset,
    *,
    reads: int,
    seed: int = 11,
    web_cookies: list[tuple[uuid.UUID, str]] | None = None,
) -> dict[str, Scenario]:
    """``web_cookies``: signed-in contact persons (bench/web.py) for the web app's scenario."""
    rng = random.Random(seed)  # noqa: S311  (reproducible request mix)
    placements = [rng.choice(dataset.placements) for _ in range(reads)]
    contacts = [(c, s.id) for s in dataset.services for c in s.contact_ids]
    services = [s for s in dataset.services]
    weights = [s.placements for s in services]
    on = today()

    scenarios = [
        Scenario(
            "floor_starlette",
            "floor: bare Starlette JSON",
            "GET",
            [Request("GET", "/json")],
            200,
            server="starlette",
        ),
        Scenario(
            "floor_pk",
            "floor: FastAPI + SQLAlchemy PK read",
            "GET",
            [Request("GET", f"/placements/{p}") for p, _, _ in placements],
            200,
            server="pk",
        ),
        Scenario(
            "get_placement",
            "GET /v1/placements/{id}",
            "GET",
            [
                Request("GET", f"/v1/placements/{p}", (_auth(Role.INTEGRATION, s),))
                for p, s, _ in placements
            ],
            200,
            floor="floor_pk",
        ),
        Scenario(
            "tasks_contact_open",
            "GET /v1/tasks?assignee_id=&status=open",
            "GET",
            [
                Request(
                    "GET",
                    f"/v1/tasks?assignee_id={c}&status=open",
                    (_auth(Role.CONTACT_PERSON, s, c),),
                )
                for c, s in (rng.choice(contacts) for _ in range(min(reads, 5000)))
            ],
            200,
            floor="floor_pk",
            notes=["the contact person's own token; first page (50)"],
        ),
        Scenario(
            "tasks_service_overdue",
            "GET /v1/tasks?service_id=&overdue=true",
            "GET",
            [
                Request(
                    "GET",
                    f"/v1/tasks?service_id={s.id}&overdue=true",
                    (_auth(Role.LEADER, s.id),),
                )
                # services weighted by size: a random leader's view of their own service
                for s in rng.choices(services, weights, k=min(reads, 5000))
            ],
            200,
            floor="floor_pk",
            notes=["a leader's token; first page (50)"],
        ),
        Scenario(
            "oversight_compliance",
            "GET /v1/oversight/compliance?service_id= (12 months)",
            "GET",
            [
                Request(
                    "GET",
                    f"/v1/oversight/compliance?service_id={s.id}",
                    (_auth(Role.LEADER, s.id),),
                )
                for s in rng.choices(services, weights, k=min(reads, 5000))
            ],
            200,
            floor="floor_pk",
            notes=["a leader's token; every rule, the last twelve months; services by size"],
        ),
        Scenario(
            "oversight_all_services",
            "GET /v1/oversight/compliance (admin, every service)",
            "GET",
            [Request("GET", "/v1/oversight/compliance", (_admin_auth(),))],
            200,
            floor="floor_pk",
            notes=["an admin's token: every service of the data set, the last twelve months"],
        ),
        Scenario(
            "create_placement",
            "POST /v1/placements",
            "POST",
            [
                Request(
                    "POST",
                    "/v1/placements",
                    (_auth(Role.INTEGRATION, s), JSON),
                    json.dumps(
                        {
                            "child_id": str(child),
                            "foster_home_id": str(home),
                            "contact_person_id": str(contact),
                            "start_date": (on - timedelta(days=rng.randint(0, 20))).isoformat(),
                            "legal_basis": "care_order",
                            "agreement_end_date": (on + timedelta(days=3 * 365)).isoformat(),
                        }
                    ).encode(),
                )
                for s, child, home, contact in dataset.spare
            ],
            201,
            write=True,
            floor="floor_pk",
            notes=["care order: starts all seven automatic workflows"],
        ),
        Scenario(
            "complete_task",
            "POST /v1/tasks/{id}/complete",
            "POST",
            [
                Request(
                    "POST",
                    f"/v1/tasks/{task}/complete",
                    (_auth(Role.INTEGRATION, s), JSON),
                    json.dumps(
                        {"answers": {"besoksdato": on.isoformat(), **VISIT_ANSWERS}}
                    ).encode(),
                )
                for task, s in rng.sample(dataset.open_visits, len(dataset.open_visits))
            ],
            200,
            write=True,
            floor="floor_pk",
            notes=["an open follow-up visit (oppfolgingsbesok/besok), then the plan is resynced"],
        ),
        Scenario(
            "create_document",
            "POST /v1/documents (oppfolgingsplan, draft)",
            "POST",
            [
                Request(
                    "POST",
                    "/v1/documents",
                    (_auth(Role.INTEGRATION, s), JSON),
                    json.dumps(
                        {"placement_id": str(p), "template_key": "oppfolgingsplan", "draft": True}
                    ).encode(),
                )
                for p, s, _ in placements[: min(reads, 5000)]
            ],
            201,
            write=True,
            floor="floor_pk",
        ),
    ]
    if web_cookies:
        scenarios.append(
            Scenario(
                "web_my_tasks",
                "GET /app/ (Mine oppgaver, the web app)",
                "GET",
                [
                    Request("GET", "/app/", (("Cookie", cookie),))
                    for _, cookie in (rng.choice(web_cookies) for _ in range(min(reads, 5000)))
                ],
                200,
                floor="floor_pk",
                notes=["a signed-in contact person's own open tasks, rendered as HTML"],
            )
        )
    return {s.key: s for s in scenarios}
