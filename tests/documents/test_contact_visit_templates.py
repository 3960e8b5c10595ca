"""The five contact-visit templates (P6 11, 12, 13, 14 and 19) filled over HTTP from a real
care-order case with an arrangement, a visit held and a report: reopened with python-docx, no
Jinja left, the case's values in place, and converted to PDF by LibreOffice."""

from __future__ import annotations

import io
import os
import zipfile
from typing import Any

import docx
import pytest
from dateutil.relativedelta import relativedelta

from app.planning.durations import WEEKDAYS_NB, norwegian_date
from tests.contact_visits.test_contact_visits_api import arrange, reports_url, visits_url
from tests.helpers import Api, Case, case_started, day, ok
from tests.workflows.test_workflows_api import complete, tasks_of

PLAN_TEMPLATES = (
    "plan-for-samvaer",
    "samvaer-foreldre",
    "samvaer-fosterforeldre",
    "samvaer-informasjon-barn",
)
PLAN_ANSWERS = {
    "dato": day(-1).isoformat(),
    "barnets_mening": "«Jeg gleder meg til å bake med mamma.»",
    "foreldrenes_synspunkter": "Mor ønsker lengre samvær.",
    "fosterforeldrenes_synspunkter": "Fosterfar kjører og henter.",
}
REVIEW_ANSWERS = {
    "vurdering": "Samværet gikk rolig, og mor fulgte avtalene.",
    "barnets_reaksjoner": "Emma var stille på vei hjem, men sov godt.",
    "oppfolging_nodvendig": False,
    "gjennomgatt_med_foreldrene": True,
}


def text_of(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def no_jinja(content: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                xml = archive.read(name).decode("utf-8")
                for marker in ("{{", "}}", "{%", "%}"):
                    assert marker not in xml, (marker, name)


def contact_case(api: Api) -> tuple[Case, str, str]:
    """A care-order placement with an arrangement, a visit held and its report, the plan and
    the report's review completed; returns the case and the two tasks."""
    case = case_started(api, day(-60))
    arrange(case, day(-30))
    visit = ok(
        case.tenant.contact.post(
            visits_url(case),
            json={"planned_on": day(-30).isoformat(), "status": "held", "notes": "Fint."},
        ),
        201,
    )
    report = ok(
        case.tenant.contact.post(
            reports_url(case),
            json={
                "visit_id": visit["id"],
                "received_on": day(-28).isoformat(),
                "written_by": "Anne Berg, tilsynsperson",
                "summary": "Mor og Emma bakte boller; rolig stemning.",
            },
        ),
        201,
    )
    [plan] = tasks_of(case, "samvaer", "plan_for_samvaer")
    ok(complete(case.tenant.contact, plan["id"], PLAN_ANSWERS))
    review = report["review_task"]["id"]
    ok(complete(case.tenant.contact, review, REVIEW_ANSWERS))
    return case, plan["id"], review


def fill(case: Case, key: str, task_id: str) -> dict[str, Any]:
    response = case.tenant.contact.post(
        "/v1/documents",
        json={"template_key": key, "placement_id": case.placement["id"], "task_id": task_id},
    )
    return dict(ok(response, 201))


def content(case: Case, document_id: str, **params: str) -> bytes:
    response = case.tenant.contact.get(f"/v1/documents/{document_id}/content", params=params)
    assert response.status_code == 200, response.text
    return response.content


def test_the_five_contact_visit_templates_fill_from_the_case(api: Api) -> None:
    case, plan, review = contact_case(api)
    next_visit = day(-30) + relativedelta(months=3)
    next_text = f"{WEEKDAYS_NB[next_visit.weekday()]} {norwegian_date(next_visit)}"
    expected = {
        "plan-for-samvaer": ["Barneverns- og helsenemnda", "bake med mamma", next_text],
        "samvaer-foreldre": ["Kari Nordmann (mor) og Per Nordmann (far)", next_text],
        "samvaer-fosterforeldre": ["hver tredje måned (fire ganger i året)", next_text],
        "samvaer-informasjon-barn": ["Hei, Emma!", "treffe mamma og pappa", next_text, "to timer"],
        "gjennomgang-samvaersrapport": [
            "Anne Berg, tilsynsperson",
            day(-28).strftime("%d.%m.%Y"),
            "mor fulgte avtalene",
        ],
    }
    for key, wanted in expected.items():
        document = fill(case, key, review if key == "gjennomgang-samvaersrapport" else plan)
        docx_bytes = content(case, document["id"])
        no_jinja(docx_bytes)
        text = text_of(docx_bytes)
        for value in wanted:
            assert value in text, (key, value)


def test_the_contact_visit_templates_convert_to_pdf(api: Api, soffice: str) -> None:
    case, plan, review = contact_case(api)
    for key in (*PLAN_TEMPLATES, "gjennomgang-samvaersrapport"):
        document = fill(case, key, review if key == "gjennomgang-samvaersrapport" else plan)
        response = case.tenant.contact.get(
            f"/v1/documents/{document['id']}/content", params={"format": "pdf"}
        )
        if response.status_code == 503 and os.environ.get("FOSTERFLYT_REQUIRE_LIBREOFFICE") != "1":
            pytest.skip("the server has no LibreOffice")
        assert response.status_code == 200, (key, response.text)
        assert response.content.startswith(b"%PDF")
