"""The supervision templates filled over HTTP from a realistic case (issue #14 item 1): the
conversation with the other children in the home, the mandate to the foster-home supervisor, and
the review of a supervision report taking its dates from the report that was recorded."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import Any

import docx
import pytest
from dateutil.relativedelta import relativedelta

from app.clock import today
from tests.helpers import Api, Case, case_started, day, make_case, ok, parse
from tests.supervision.helpers import appoint, send_report
from tests.workflows.test_step_owners import supervisor
from tests.workflows.test_workflows_api import tasks_of

JINJA = re.compile(r"\{\{|\{%|%\}|\}\}")
# Where the filled documents are written as PDF for a person to look at (not in CI).
OUT = os.environ.get("FOSTERFLYT_SUPERVISION_PDF_DIR")


def text_of(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def fill(case: Case, key: str, **body: Any) -> tuple[dict[str, Any], bytes]:
    created = ok(
        case.tenant.contact.post(
            "/v1/documents",
            json={"template_key": key, "placement_id": case.placement["id"], **body},
        ),
        201,
    )
    content = case.tenant.contact.get(f"/v1/documents/{created['id']}/content")
    assert content.status_code == 200, content.text
    return created, content.content


def keep_pdf(case: Case, document_id: str, name: str) -> None:
    """With LibreOffice required (CI) or an output folder asked for, convert to PDF."""
    if OUT is None and os.environ.get("FOSTERFLYT_REQUIRE_LIBREOFFICE") != "1":
        return
    pdf = case.tenant.contact.get(f"/v1/documents/{document_id}/content", params={"format": "pdf"})
    assert pdf.status_code == 200, pdf.text
    assert pdf.content.startswith(b"%PDF-")
    if OUT is not None:
        Path(OUT).mkdir(parents=True, exist_ok=True)
        (Path(OUT) / f"{name}.pdf").write_bytes(pdf.content)


@pytest.fixture
def case(api: Api) -> Case:
    tenant = api.tenant()
    adviser = supervisor(api, tenant, "Vegard Veileder")
    found = make_case(
        api,
        tenant,
        start_date=day(-70).isoformat(),
        agreement_end_date=day(660).isoformat(),
        supervisor_id=adviser,
    )
    home = f"/v1/foster-homes/{found.foster_home['id']}/children"
    ok(
        tenant.integration.post(
            home, json={"name": "Sara", "birth_year": 2018, "relation": "own_child"}
        ),
        201,
    )
    ok(
        tenant.integration.post(
            home, json={"name": "Jonas", "birth_date": "2012-04-03", "relation": "foster_child"}
        ),
        201,
    )
    ok(appoint(found, police_certificate_checked_on=day(-72).isoformat()), 201)
    return found


def test_the_conversation_with_the_other_children_is_planned_on_request_a_month_ahead(
    case: Case,
) -> None:
    started = case.tenant.contact.post(
        f"/v1/placements/{case.placement['id']}/workflows",
        json={"definition_key": "samtale-andre-barn"},
    )
    ok(started, 201)
    [task] = tasks_of(case, "samtale-andre-barn")
    assert parse(task["nominal_date"]) == today() + relativedelta(months=1)
    assert "Regel (tjenestens rutine)" in task["explanation"]
    assert "etter at kontaktpersonen avtalte samtalen med fosterforeldrene" in task["explanation"]
    assert task["templates"] == ["samtale-andre-barn"]


def test_the_conversation_with_the_other_children_lists_them(case: Case) -> None:
    ok(
        case.tenant.contact.post(
            f"/v1/placements/{case.placement['id']}/workflows",
            json={"definition_key": "samtale-andre-barn"},
        ),
        201,
    )
    [task] = tasks_of(case, "samtale-andre-barn")
    answers = {
        "dato": day(0).isoformat(),
        "barna": "Jonas og Sara, hver for seg",
        "oppsummering": "Sara savner tid alene med mor. Jonas vil gjerne hjelpe til mer.",
    }
    ok(case.tenant.contact.post(f"/v1/tasks/{task['id']}/complete", json={"answers": answers}))

    created, content = fill(case, "samtale-andre-barn", task_id=task["id"])

    text = text_of(content)
    assert "Sara savner tid alene med mor." in text
    assert not JINJA.search(text)
    assert "Jonas" in text
    assert "Annet fosterbarn" in text
    assert "Sara" in text
    assert "Fosterforeldrenes barn" in text
    assert text.index("Jonas") < text.index("Sara")  # oldest first
    assert case.foster_home["name"] in text
    assert created["gaps"] == []
    keep_pdf(case, created["id"], "samtale-andre-barn")


def test_the_mandate_names_the_supervisor_the_home_and_the_contact_person(case: Case) -> None:
    created, content = fill(case, "mandat-fosterhjemsveileder")

    text = text_of(content)
    assert not JINJA.search(text)
    assert "Vegard Veileder" in text
    assert "Kari Kontakt" in text
    assert "Taushetsplikt" in text
    assert created["gaps"] == []
    keep_pdf(case, created["id"], "mandat-fosterhjemsveileder")


def test_the_mandate_without_a_supervisor_is_refused_unless_a_draft(api: Api) -> None:
    bare = case_started(api, day(-70))
    refused = bare.tenant.contact.post(
        "/v1/documents",
        json={"template_key": "mandat-fosterhjemsveileder", "placement_id": bare.placement["id"]},
    )
    assert refused.status_code == 422, refused.text
    assert "fosterhjemsveileder.navn" in refused.text


def test_the_review_takes_its_dates_from_the_report_that_came_in(case: Case) -> None:
    visited, arrived = day(-25), day(-5)
    ok(
        send_report(
            case.tenant.contact, case.placement["id"], visit_date=visited, received_on=arrived
        ),
        201,
    )
    [review] = tasks_of(case, "tilsyn", "gjennomgang_tilsynsrapport")
    answers = {"vurdering": "Barnet har det godt.", "oppfolging_nodvendig": False}
    ok(case.tenant.contact.post(f"/v1/tasks/{review['id']}/complete", json={"answers": answers}))

    created, content = fill(case, "gjennomgang-tilsynsrapport", task_id=review["id"])

    text = text_of(content)
    assert not JINJA.search(text)
    assert visited.strftime("%d.%m.%Y") in text
    assert arrived.strftime("%d.%m.%Y") in text
    assert "Randi Haugen" in text
    keep_pdf(case, created["id"], "gjennomgang-tilsynsrapport")
