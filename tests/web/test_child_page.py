"""The child's page over HTTP (both databases): the deep link through the login, what the page
shows, the document download, starting a workflow on request, and 404 for another contact
person's child."""

from __future__ import annotations

import re
import shutil
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from app.audit.models import AuditEvent
from app.clock import today
from tests.helpers import Api, Case, make_case
from tests.supervision.helpers import appoint, send_report
from tests.test_tenancy import document_of
from tests.web.conftest import WebClient, csrf_of


def _title(html: str) -> str:
    found = re.search(r"<title>(.*?)</title>", html, re.S)
    assert found
    return found.group(1).strip()


def _second_contact_person(api: Api, case: Case) -> None:
    api.admin.created(
        f"/v1/staff?service_id={case.tenant.service_id}",
        {"name": "Per Kontakt", "email": "per@test.example", "role": "contact_person"},
    )


def _entries(connection: Any, operation: str) -> list[Any]:
    stmt = select(AuditEvent).where(AuditEvent.operation == operation)
    return list(connection.execute(stmt).all())


def test_the_deep_link_signs_the_person_in_first_and_then_goes_straight_to_the_child(
    web: WebClient, api: Api
) -> None:
    case = make_case(api)
    path = f"/app/placements/{case.placement['id']}"
    response = web.get(path)
    assert response.status_code == 303
    assert response.headers["location"] == f"/app/login?next={path}"
    login = web.get(response.headers["location"])
    assert f'name="next" value="{path}"' in login.text
    page = web.login("kari@test.example", next_url=path)
    assert page.status_code == 200
    assert '<h1 class="ds-heading" data-size="lg">Emma Eksempel</h1>' in page.text
    assert str(page.url).endswith(path)


def test_the_child_page_title_and_url_carry_ids_only(web: WebClient, api: Api) -> None:
    case = make_case(api)
    web.login("kari@test.example")
    page = web.get(f"/app/placements/{case.placement['id']}")
    assert _title(page.text) == f"Plassering {case.placement['id']} – Fosterflyt"
    assert "Emma" not in _title(page.text)
    assert all("Emma" not in href for href in re.findall(r'href="([^"]+)"', page.text))


def test_the_child_page_shows_the_placement_in_brief(web: WebClient, api: Api) -> None:
    case = make_case(api)
    web.login("kari@test.example")
    page = web.get(f"/app/placements/{case.placement['id']}").text
    for text in (
        "Emma Eksempel, født 15.10.2015",
        "Familien Fjord",
        "Omsorgsovertakelse",
        "5. januar 2026",  # the move
        "4. januar 2029",  # the agreement's end
        "Kari Kontakt",
        "Pågår",
    ):
        assert text in page, text


def test_the_year_wheel_lists_every_task_in_date_order_with_status_in_words_and_today_marked(
    web: WebClient, api: Api
) -> None:
    case = make_case(api)
    timeline = case.tenant.contact.get(f"/v1/placements/{case.placement['id']}/timeline").json()
    web.login("kari@test.example")
    page = web.get(f"/app/placements/{case.placement['id']}").text
    wheel = page.split('id="arshjul"')[1].split('id="dokumenter"')[0]
    for task in timeline["items"]:
        assert f'href="/app/tasks/{task["id"]}"' in wheel
    dates = re.findall(r'<time class="ff-wheel__date" datetime="([\d-]+)"', wheel)
    assert dates == sorted(dates)
    assert len(dates) >= len(timeline["items"])
    assert 'id="i-dag"' in wheel
    assert "I dag," in wheel
    assert ">Forfalt<" in wheel or ">Åpen<" in wheel  # status by text, beside the icon
    assert 'aria-hidden="true"' in wheel  # the icons are decoration


def test_the_documents_of_the_placement_download_with_an_audit_entry(
    web: WebClient, api: Api, connection: Any
) -> None:
    case = make_case(api)
    document_id = document_of(case)
    web.login("kari@test.example")
    page = web.get(f"/app/placements/{case.placement['id']}").text
    assert f'href="/app/documents/{document_id}/download"' in page
    download = web.get(f"/app/documents/{document_id}/download")
    assert download.status_code == 200
    assert download.headers["content-disposition"].startswith('attachment; filename="Notat')
    assert download.content[:2] == b"PK"  # a .docx is a zip
    [entry] = _entries(connection, "page_document_download")
    assert str(entry.resource_id) == document_id
    assert str(entry.child_id) == case.child["id"]
    assert entry.action == "download"


def test_starting_a_workflow_on_request_from_the_child_page(web: WebClient, api: Api) -> None:
    case = make_case(api)
    path = f"/app/placements/{case.placement['id']}"
    web.login("kari@test.example")
    page = web.get(path).text
    assert 'value="samtale-andre-barn"' in page
    assert 'value="tilsyn"' not in page  # starts with the placement, not on request
    response = web.post(path, {"definition_key": "samtale-andre-barn"})
    assert response.status_code == 303
    assert response.headers["location"].startswith(f"{path}?startet=")
    after = web.get(response.headers["location"]).text
    assert "Arbeidsforløpet «Samtale med de andre barna i fosterhjemmet» er startet" in after
    running = case.tenant.contact.get(
        "/v1/workflows",
        params={"placement_id": case.placement["id"], "definition_key": "samtale-andre-barn"},
    ).json()["items"]
    assert len(running) == 1


def test_a_workflow_already_running_is_refused_on_the_page_and_nothing_is_saved(
    web: WebClient, api: Api
) -> None:
    case = make_case(api)
    path = f"/app/placements/{case.placement['id']}"
    web.login("kari@test.example")
    assert web.post(path, {"definition_key": "samvaer"}).status_code == 303
    again = web.post(path, {"definition_key": "samvaer"})
    assert again.status_code == 422
    assert "Dette arbeidsforløpet er allerede i gang for barnet" in again.text
    assert 'href="#felt-definition_key"' in again.text  # the error summary links to the field
    running = case.tenant.contact.get(
        "/v1/workflows", params={"placement_id": case.placement["id"], "definition_key": "samvaer"}
    ).json()["items"]
    assert len(running) == 1


def test_starting_needs_a_workflow_chosen_from_the_list(web: WebClient, api: Api) -> None:
    case = make_case(api)
    path = f"/app/placements/{case.placement['id']}"
    web.login("kari@test.example")
    empty = web.post(path, {})
    assert empty.status_code == 422
    assert "Velg hvilket arbeidsforløp du vil starte" in empty.text
    unknown = web.post(path, {"definition_key": "tilsyn"})
    assert unknown.status_code == 422
    assert "Velg et av arbeidsforløpene i listen" in unknown.text
    before = case.tenant.contact.get(
        "/v1/workflows", params={"placement_id": case.placement["id"], "definition_key": "tilsyn"}
    ).json()["items"]
    assert len(before) == 1  # the one the placement started, no second


def test_starting_a_workflow_needs_the_csrf_token(web: WebClient, api: Api) -> None:
    case = make_case(api)
    path = f"/app/placements/{case.placement['id']}"
    web.login("kari@test.example")
    refused = web.http.post(path, data={"definition_key": "samvaer", "csrf_token": "forged"})
    assert refused.status_code == 403
    assert "Skjemaet kunne ikke sendes" in refused.text


def test_a_contact_person_opening_another_contact_persons_child_gets_404(
    web: WebClient, api: Api
) -> None:
    case = make_case(api)
    document_id = document_of(case)
    _second_contact_person(api, case)
    web.login("per@test.example")
    page = web.get(f"/app/placements/{case.placement['id']}")
    assert page.status_code == 404
    assert "Fant ikke siden" in page.text
    assert "Emma" not in page.text
    assert web.get(f"/app/documents/{document_id}/download").status_code == 404
    start = web.post(f"/app/placements/{case.placement['id']}", {"definition_key": "samvaer"})
    assert start.status_code == 404


def test_a_leader_sees_every_child_of_the_service(web: WebClient, api: Api) -> None:
    case = make_case(api)
    web.login("lise@test.example")
    page = web.get(f"/app/placements/{case.placement['id']}")
    assert page.status_code == 200
    assert "Emma Eksempel" in page.text
    assert csrf_of(page.text)


def test_a_page_for_no_placement_is_a_404_page(web: WebClient, api: Api) -> None:
    make_case(api)
    web.login("kari@test.example")
    assert web.get("/app/placements/ikke-en-id").status_code == 404
    assert web.get("/app/placements/00000000-0000-4000-8000-000000000000").status_code == 404
    assert web.get("/app/documents/ikke-en-id/download").status_code == 404


def test_reading_the_child_page_is_in_the_audit_trail(
    web: WebClient, api: Api, connection: Any
) -> None:
    case = make_case(api)
    web.login("kari@test.example")
    web.get(f"/app/placements/{case.placement['id']}")
    entries = _entries(connection, "page_child")
    kinds = {e.resource_type for e in entries}
    assert {"placement", "child", "foster_home"} <= kinds
    about_the_child = [e for e in entries if e.resource_type != "foster_home"]
    assert about_the_child
    assert all(str(e.child_id) == case.child["id"] for e in about_the_child), [
        (e.resource_type, e.child_id) for e in entries
    ]


def test_the_year_wheel_shows_the_plans_contact_visits_and_supervision_beside_the_tasks(
    web: WebClient, api: Api
) -> None:
    case = make_case(api, start_date=(today() - timedelta(days=60)).isoformat())
    assert appoint(case).status_code == 201
    visited = today() - timedelta(days=12)
    report = send_report(
        case.tenant.contact,
        case.placement["id"],
        visit_date=visited,
        received_on=visited + timedelta(days=4),
    )
    assert report.status_code == 201, report.text
    placement = f"/v1/placements/{case.placement['id']}"
    case.tenant.contact.created(
        f"{placement}/contact-visit-arrangements",
        {
            "decided_by": "tribunal",
            "decided_on": (today() - timedelta(days=40)).isoformat(),
            "participants": [{"name": "Kari Nordmann", "relation": "mother"}],
            "every": "P1M",
            "first_visit_on": (today() + timedelta(days=10)).isoformat(),
            "duration_minutes": 120,
            "supervised": True,
        },
    )
    case.tenant.contact.created(
        f"{placement}/plans",
        {
            "kind": "care_plan",
            "stage": "preliminary",
            "adopted_on": (today() - timedelta(days=58)).isoformat(),
            "child_took_part": True,
            "parents_took_part": True,
            "foster_home_took_part": True,
            "participation_notes": "Barnet ble hørt i egen samtale.",
            "summary": "Barnet bor i fosterhjemmet mens foreldrene får hjelp.",
        },
    )
    web.login("kari@test.example")
    page = web.get(f"/app/placements/{case.placement['id']}").text
    wheel = page.split('id="arshjul"')[1].split('id="dokumenter"')[0]
    assert "Samvær:</span>" in wheel
    assert "Samvær med Kari Nordmann" in wheel
    assert "Plan:</span>" in wheel
    assert "Tilsyn:</span>" in wheel
    assert "Tilsynsbesøk" in wheel
    assert ">Planlagt<" in wheel  # the coming visits, status in words
    assert ">Registrert<" in wheel  # the plan adopted, the supervision visit held
    assert "Grunnlag: Barnevernsloven § 7-2" in wheel  # the visits' basis, from the year wheel


def test_a_pdf_download_is_the_pdf_or_a_page_saying_it_cannot_be_made_now(
    web: WebClient, api: Api, connection: Any
) -> None:
    case = make_case(api)
    document_id = document_of(case)
    web.login("kari@test.example")
    response = web.get(f"/app/documents/{document_id}/download", params={"format": "pdf"})
    if shutil.which("soffice") or shutil.which("libreoffice"):
        assert response.status_code == 200
        assert response.content[:4] == b"%PDF"
        assert _entries(connection, "page_document_download")
    else:
        assert response.status_code == 503
        assert "PDF kan ikke lages nå" in response.text
        assert not _entries(connection, "page_document_download")  # nothing was downloaded
