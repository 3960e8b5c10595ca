"""The leader's page: deadlines by person, decisions waiting, moving cases (over HTTP, as a
browser would post the forms), and the chart only when there are numbers."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest

from app.clock import today
from app.web.charts import Month, Series
from app.web.pages import leader as leader_page
from tests.helpers import Api, Case, Tenant, make_case
from tests.web.conftest import WebClient

PER = "per@test.example"


def add_contact(api: Api, tenant: Tenant, name: str = "Per Annen", email: str = PER) -> str:
    staff = api.admin.created(
        f"/v1/staff?service_id={tenant.service_id}",
        {"name": name, "email": email, "role": "contact_person"},
    )
    return str(staff["id"])


def open_tasks(case: Case) -> list[dict[str, Any]]:
    response = case.tenant.integration.get(
        "/v1/tasks",
        params={"placement_id": case.placement["id"], "status": "open", "limit": 100},
    )
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


def test_a_contact_person_gets_404_on_the_leader_pages(api: Api, web: WebClient) -> None:
    make_case(api)
    web.login("kari@test.example")
    for path in ("/app/leader", "/app/leader/reassign"):
        response = web.get(path)
        assert response.status_code == 404, path
        assert "Fant ikke siden" in response.text
    refused = web.post("/app/leader/reassign", {"fra": "x"})
    assert refused.status_code == 404
    assert 'href="/app/leader"' not in web.get("/app/").text  # no link in the navigation


def test_the_leader_sees_overdue_and_due_soon_tasks_by_contact_person(
    api: Api, web: WebClient
) -> None:
    case = make_case(api)
    on = today()
    mine = [t for t in open_tasks(case) if t["assignee_id"] == case.tenant.contact_id]
    overdue = [t for t in mine if t["due_date"] < on.isoformat()]
    soon = [
        t
        for t in mine
        if on.isoformat() <= t["due_date"] <= on.fromordinal(on.toordinal() + 14).isoformat()
    ]
    assert overdue, "the case should have overdue tasks (its placement began in January)"
    web.login("lise@test.example")
    page = web.get("/app/leader")
    assert page.status_code == 200, page.text
    assert "<title>Lederoversikt – Fosterflyt</title>" in page.text
    row = re.search(rf'<tr data-person="{case.tenant.contact_id}">(.*?)</tr>', page.text, re.S)
    assert row is not None
    assert "Kari Kontakt" in row.group(1)
    assert f'<td data-count="overdue">{len(overdue)}</td>' in row.group(1)
    assert f'<td data-count="soon">{len(soon)}</td>' in row.group(1)
    for task in overdue + soon:
        assert f'href="/app/tasks/{task["id"]}"' in page.text
    assert f'href="/app/placements/{case.placement["id"]}"' in page.text
    assert "Forfalt" in page.text  # said in text, not by colour alone
    assert 'href="/app/leader" aria-current="page"' in page.text
    # The overdue deadlines count against their rule's on-time share (app/oversight's figures).
    assert 'role="img"' in page.text
    assert "Ingen tall ennå." not in page.text
    assert "<td>0 %</td>" in page.text


def test_without_a_deadline_to_measure_the_chart_says_there_are_no_numbers(
    api: Api, web: WebClient
) -> None:
    make_case(api, start_date=(today() + timedelta(days=30)).isoformat())
    web.login("lise@test.example")
    page = web.get("/app/leader")
    assert page.status_code == 200
    assert "Ingen tall ennå." in page.text


def test_the_chart_is_shown_when_there_are_numbers(
    api: Api, web: WebClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_case(api)
    series = [Series("Oppfølgingsbesøk", [Month(2026, 11, 3, 4), Month(2026, 12, 1, 1)])]
    monkeypatch.setattr(leader_page, "on_time_series", lambda *args: series)
    web.login("lise@test.example")
    page = web.get("/app/leader")
    assert page.status_code == 200
    assert 'role="img"' in page.text
    assert "Ingen tall ennå." not in page.text
    assert "<td>75 %</td>" in page.text


def test_the_reassignment_moves_the_cases_and_their_open_tasks(api: Api, web: WebClient) -> None:
    tenant = api.tenant()
    per = add_contact(api, tenant)
    case = make_case(api, tenant)
    kept = make_case(api, tenant)  # another of Kari's cases, not chosen
    before = [t for t in open_tasks(case) if t["assignee_id"] == tenant.contact_id]
    assert before
    web.login("lise@test.example")
    form = web.get("/app/leader/reassign", params={"fra": tenant.contact_id})
    assert form.status_code == 200, form.text
    assert f'value="{case.placement["id"]}"' in form.text
    assert "Emma Eksempel" in form.text
    chosen = {"fra": tenant.contact_id, "til": per, "saker": case.placement["id"]}
    check = web.post("/app/leader/reassign", {**chosen, "steg": "sjekk"})
    assert check.status_code == 200, check.text
    assert "Se over før du flytter sakene" in check.text
    assert "Per Annen" in check.text
    # Nothing is saved before the leader confirms.
    placement = tenant.leader.get(f"/v1/placements/{case.placement['id']}").json()
    assert placement["contact_person_id"] == tenant.contact_id
    version = re.search(rf'name="versjon-{case.placement["id"]}" value="(\d+)"', check.text)
    assert version is not None
    saved = web.post(
        "/app/leader/reassign",
        {**chosen, "steg": "lagre", f"versjon-{case.placement['id']}": version.group(1)},
    )
    assert saved.status_code == 303, saved.text
    assert saved.headers["location"] == "/app/leader?flyttet=1"
    assert "1 sak er flyttet" in web.get(saved.headers["location"]).text
    placement = tenant.leader.get(f"/v1/placements/{case.placement['id']}").json()
    assert placement["contact_person_id"] == per
    moved = {t["id"]: t for t in open_tasks(case)}
    assert all(moved[t["id"]]["assignee_id"] == per for t in before)
    untouched = tenant.leader.get(f"/v1/placements/{kept.placement['id']}").json()
    assert untouched["contact_person_id"] == tenant.contact_id


def test_the_reassignment_refuses_bad_input_next_to_the_field_and_saves_nothing(
    api: Api, web: WebClient
) -> None:
    tenant = api.tenant()
    per = add_contact(api, tenant)
    case = make_case(api, tenant)
    web.login("lise@test.example")
    empty = web.post("/app/leader/reassign", {"fra": tenant.contact_id, "steg": "sjekk"})
    assert empty.status_code == 422
    assert "Du må rette opp dette" in empty.text
    assert 'id="feil-til"' in empty.text
    assert "Velg hvem sakene skal flyttes til" in empty.text
    assert 'id="feil-saker"' in empty.text
    assert "Velg minst én sak" in empty.text
    same = web.post(
        "/app/leader/reassign",
        {"fra": tenant.contact_id, "til": tenant.contact_id, "saker": case.placement["id"]},
    )
    assert same.status_code == 422
    assert "Velg en annen enn den sakene flyttes fra" in same.text
    assert f'value="{case.placement["id"]}" checked' in same.text  # what was chosen is kept
    unknown = web.get("/app/leader/reassign", params={"fra": "ikke-en-id"})
    assert unknown.status_code == 422
    assert "Velg en kontaktperson fra listen" in unknown.text
    stale = web.post(
        "/app/leader/reassign",
        {
            "fra": tenant.contact_id,
            "til": per,
            "saker": case.placement["id"],
            "steg": "lagre",
            f"versjon-{case.placement['id']}": "999",
        },
    )
    assert stale.status_code == 409
    assert "endret av noen andre" in stale.text
    placement = tenant.leader.get(f"/v1/placements/{case.placement['id']}").json()
    assert placement["contact_person_id"] == tenant.contact_id
    forged = web.http.post(
        "/app/leader/reassign",
        data={"fra": tenant.contact_id, "til": per, "saker": case.placement["id"]},
    )
    assert forged.status_code == 403
