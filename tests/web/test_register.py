"""Registering children, foster homes and placements in the web app, and changing a placement
without overwriting someone else's change (over HTTP, both databases)."""

from __future__ import annotations

import re
import uuid
from datetime import date
from typing import Any

from sqlalchemy import func, select

from app.children.models import Child
from app.foster_homes.models import FosterHome
from app.placements.models import Placement
from tests.helpers import Api, Tenant, make_case, national_id_for
from tests.web.conftest import WebClient

CHILD = {
    "given_name": "Nora",
    "family_name": "Nilsen",
    "birth_date": "3.4.2016",
    "national_id": "",
}


def _count(connection: Any, model: Any, service_id: str) -> int:
    stmt = select(func.count()).select_from(model)
    stmt = stmt.where(model.service_id == uuid.UUID(service_id))
    return int(connection.execute(stmt).scalar_one())


def _leader(api: Api, tenant: Tenant) -> str:
    """A leader of ``tenant``'s service only (the shared test identities may lead others)."""
    email = f"leder-{uuid.uuid4().hex[:8]}@test.example"
    api.admin.created(
        f"/v1/staff?service_id={tenant.service_id}",
        {"name": "Liv Leder", "email": email, "role": "leader"},
    )
    return email


def _error_for(html: str, field: str) -> str:
    found = re.search(rf'id="feil-{field}"><span class="ds-sr-only">Feil: </span>([^<]+)<', html)
    assert found, f"no message next to {field}"
    return found.group(1)


def test_a_leader_registers_a_child_after_checking_the_answers(
    web: WebClient, api: Api, connection: Any
) -> None:
    tenant = api.tenant()
    web.login(_leader(api, tenant))
    before = _count(connection, Child, tenant.service_id)
    number = national_id_for(date(2016, 4, 3))
    check = web.post("/app/register/child", {**CHILD, "national_id": number})
    assert check.status_code == 200
    assert "Sjekk svarene før du lagrer" in check.text
    assert "03.04.2016" in check.text
    assert (
        _count(connection, Child, tenant.service_id) == before
    )  # nothing saved before the person confirms
    saved = web.post("/app/register/child", {**CHILD, "national_id": number, "step": "save"})
    assert saved.status_code == 303
    assert saved.headers["location"] == "/app/register?saved=child"
    assert number not in saved.headers["location"]
    assert _count(connection, Child, tenant.service_id) == before + 1
    assert "Barnet er registrert." in web.get(saved.headers["location"]).text


def test_a_child_form_with_empty_fields_a_bad_number_and_a_bad_date_saves_nothing(
    web: WebClient, api: Api, connection: Any
) -> None:
    tenant = api.tenant()
    web.login(_leader(api, tenant))
    before = _count(connection, Child, tenant.service_id)
    response = web.post(
        "/app/register/child",
        {
            "given_name": "",
            "family_name": "x" * 201,
            "birth_date": "2016/04/03",
            "national_id": "03041612345",
            "step": "save",
        },
    )
    assert response.status_code == 422
    assert _error_for(response.text, "given_name") == "Fyll inn fornavn"
    assert _error_for(response.text, "family_name") == "Etternavn kan ha høyst 200 tegn"
    assert "må være en dato" in _error_for(response.text, "birth_date")
    assert "Fødselsnummeret er ikke gyldig" in _error_for(response.text, "national_id")
    assert 'href="#felt-given_name"' in response.text  # the error summary links to the field
    assert 'value="' + "x" * 201 + '"' in response.text  # what was typed is kept
    assert _count(connection, Child, tenant.service_id) == before


def test_a_form_with_a_forged_or_missing_csrf_token_saves_nothing(
    web: WebClient, api: Api, connection: Any
) -> None:
    tenant = api.tenant()
    web.login(_leader(api, tenant))
    before = _count(connection, Child, tenant.service_id)
    body = {**CHILD, "step": "save"}
    forged = web.http.post("/app/register/child", data={**body, "csrf_token": "forged"})
    missing = web.http.post("/app/register/child", data=body)
    assert forged.status_code == missing.status_code == 403
    assert _count(connection, Child, tenant.service_id) == before


def test_a_contact_person_cannot_register_children(web: WebClient, api: Api) -> None:
    api.tenant()
    web.login("kari@test.example")
    assert web.get("/app/register/child").status_code == 404
    assert web.get("/app/register/foster-home").status_code == 404


def test_a_foster_home_form_points_each_refusal_at_its_own_field(
    web: WebClient, api: Api, connection: Any
) -> None:
    tenant = api.tenant()
    web.login(_leader(api, tenant))
    before = _count(connection, FosterHome, tenant.service_id)
    response = web.post(
        "/app/register/foster-home",
        {
            "name": "Familien Berg",
            "kind": "ordinary",
            "foster_parent_1": "",
            "street_address": "Bergveien 2",
            "postal_code": "12",
            "postal_place": "Vestby",
            "municipality_number": "3216",
            "approved_date": "",
            "step": "save",
        },
    )
    assert response.status_code == 422
    assert _error_for(response.text, "foster_parent_1")
    assert _error_for(response.text, "postal_code") == "Sjekk postnummer"
    assert _count(connection, FosterHome, tenant.service_id) == before


def test_a_registered_placement_opens_its_page_and_its_follow_up_is_planned(
    web: WebClient, api: Api, connection: Any
) -> None:
    case = make_case(api)
    tenant = case.tenant
    child = case.tenant.integration.created(
        "/v1/children", {"given_name": "Ola", "family_name": "Berg", "birth_date": "2014-02-01"}
    )
    web.login(_leader(api, tenant))
    form = web.get("/app/register/placement")
    assert "Ola Berg, født 01.02.2014" in form.text
    body = {
        "child_id": child["id"],
        "foster_home_id": case.foster_home["id"],
        "contact_person_id": case.tenant.contact_id,
        "start_date": "1.12.2026",
        "legal_basis": "voluntary",
        "care_order_date": "",
        "agreement_end_date": "30.11.2028",
    }
    check = web.post("/app/register/placement", body)
    assert "Ola Berg, født 01.02.2014" in check.text
    assert "Frivillig plassering" in check.text
    saved = web.post("/app/register/placement", {**body, "step": "save"})
    assert saved.status_code == 303
    placement_id = saved.headers["location"].removeprefix("/app/placements/")
    tasks = case.tenant.leader.get("/v1/tasks", params={"placement_id": placement_id}).json()
    assert tasks["items"]
    assert _count(connection, Placement, tenant.service_id) == 2


def form_fields(html: str) -> dict[str, str]:
    """What a browser would send for the page's form: its inputs' values, checked radios and
    selected options (the CSRF token left out: the client adds its own)."""
    fields: dict[str, str] = {}
    for tag in re.findall(r"<input[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name is None or ('type="radio"' in tag and " checked" not in tag):
            continue
        fields[name.group(1)] = value.group(1) if value else ""
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        selected = re.search(r'<option value="([^"]*)" selected>', body)
        fields[name] = selected.group(1) if selected else ""
    fields.pop("csrf_token", None)
    return fields


def _edit_form(web: WebClient, placement_id: str) -> dict[str, str]:
    page = web.get(f"/app/placements/{placement_id}/edit")
    assert page.status_code == 200
    return form_fields(page.text)


def test_a_stale_edit_shows_both_versions_instead_of_overwriting(web: WebClient, api: Api) -> None:
    case = make_case(api)
    placement_id = case.placement["id"]
    web.login("lise@test.example")
    mine = _edit_form(web, placement_id)
    # Someone else saves first (a journal system, here).
    current = case.tenant.integration.get(f"/v1/placements/{placement_id}")
    changed = case.tenant.integration.patch(
        f"/v1/placements/{placement_id}",
        json={"agreement_end_date": "2028-12-31"},
        headers={"If-Match": current.headers["etag"]},
    )
    assert changed.status_code == 200
    conflict = web.post(
        f"/app/placements/{placement_id}/edit", {**mine, "agreement_end_date": "1.6.2029"}
    )
    assert conflict.status_code == 409
    assert "Noen andre har endret plasseringen" in conflict.text
    assert "31.12.2028" in conflict.text  # theirs, as saved now
    assert "1.6.2029" in conflict.text  # mine, as typed
    after = case.tenant.integration.get(f"/v1/placements/{placement_id}").json()
    assert after["agreement_end_date"] == "2028-12-31"  # nothing overwritten
    # Applying mine on top of the version saved now works.
    fields = form_fields(conflict.text)
    applied = web.post(f"/app/placements/{placement_id}/edit", fields)
    assert applied.status_code == 303
    final = case.tenant.integration.get(f"/v1/placements/{placement_id}").json()
    assert final["agreement_end_date"] == "2029-06-01"


def test_an_edit_with_a_bad_date_keeps_the_text_and_changes_nothing(
    web: WebClient, api: Api
) -> None:
    case = make_case(api)
    placement_id = case.placement["id"]
    web.login("lise@test.example")
    mine = _edit_form(web, placement_id)
    response = web.post(
        f"/app/placements/{placement_id}/edit", {**mine, "agreement_end_date": "31.13.2029"}
    )
    assert response.status_code == 422
    assert "må være en dato" in _error_for(response.text, "agreement_end_date")
    assert 'value="31.13.2029"' in response.text
    after = case.tenant.integration.get(f"/v1/placements/{placement_id}").json()
    assert after["agreement_end_date"] == case.placement["agreement_end_date"]
