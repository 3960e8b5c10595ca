"""The plans in documents (P6 9 and the follow-up plan) and in the child's privacy export: filled
over HTTP from a realistic care-order case, reopened with python-docx (no Jinja left), and
converted to PDF by LibreOffice where it is installed (required with
FOSTERFLYT_REQUIRE_LIBREOFFICE=1)."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import docx
import pytest

from tests.helpers import Api, Case, case_started, day, ok
from tests.plans.test_plans_api import plan_body, plans_url
from tests.workflows.test_workflows_api import complete, tasks_of

PARENTS_PLAN = {
    "kind": "parents_follow_up_plan",
    "stage": None,
    "adopted_on": day(-1).isoformat(),
    "child_took_part": False,
    "parents_took_part": True,
    "foster_home_took_part": False,
    "participation_notes": "Mor og far ønsket hver sin samtale.",
    "summary": "Samtaler to ganger i året, samvær hver tredje uke og hjelp til å finne bolig.",
}


def text_of(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def filled(case: Case, template_key: str, task_id: str | None = None) -> tuple[str, bytes]:
    body: dict[str, Any] = {"template_key": template_key, "placement_id": case.placement["id"]}
    if task_id is not None:
        body["task_id"] = task_id
    created = ok(case.tenant.integration.post("/v1/documents", json=body), 201)
    content = case.tenant.integration.get(f"/v1/documents/{created['id']}/content")
    assert content.status_code == 200, content.text
    return str(created["id"]), content.content


def pdf_of(case: Case, document_id: str, name: str) -> None:
    response = case.tenant.integration.get(
        f"/v1/documents/{document_id}/content", params={"format": "pdf"}
    )
    if response.status_code == 503:
        if os.environ.get("FOSTERFLYT_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail("LibreOffice is required here but the server has none")
        pytest.skip("LibreOffice is not installed on this machine")
    assert response.status_code == 200, response.text
    assert response.content.startswith(b"%PDF")
    out = os.environ.get("FOSTERFLYT_KEEP_PDFS")  # to look at the pages: set to a directory
    if out:
        Path(out, f"{name}.pdf").write_bytes(response.content)


@pytest.fixture
def care_order(api: Api) -> Case:
    case = case_started(api, day(-3), legal_basis="care_order")
    ok(case.tenant.contact.post(plans_url(case), json=plan_body()), 201)
    ok(case.tenant.contact.post(plans_url(case), json=PARENTS_PLAN), 201)
    return case


def test_the_parents_follow_up_plan_is_filled_from_the_plan_and_the_case(care_order: Case) -> None:
    [task] = tasks_of(care_order, "omsorgsplan", "oppfolgingsplan_foreldre")[:1]
    answers = {"dato": day(0).isoformat(), "endringer": "Far har fått støtteperson."}
    ok(complete(care_order.tenant.contact, task["id"], answers))

    document_id, content = filled(care_order, "oppfolgingsplan-foreldre", task["id"])

    text = text_of(content)
    assert "{{" not in text
    assert "{%" not in text
    assert care_order.child["given_name"] in text
    assert PARENTS_PLAN["summary"] in text
    assert "Far har fått støtteperson." in text
    assert "foreldrene" in text  # who took part, in words
    assert "Oppfølgingssamtale med foreldrene" in text  # a meeting planned for the parents
    assert "Kari Kontakt" in text  # by name, not by role
    assert "Ingen oppfølgingsplan for foreldrene er registrert" not in text
    pdf_of(care_order, document_id, "oppfolgingsplan-foreldre")


def test_the_follow_up_plan_names_the_care_plan_and_who_does_what(care_order: Case) -> None:
    [task] = tasks_of(care_order, "omsorgsplan", "oppfolgingsplan")[:1]

    document_id, content = filled(care_order, "oppfolgingsplan", task["id"])

    text = text_of(content)
    assert "{{" not in text
    assert "Omsorgsplan (foreløpig), vedtatt" in text
    assert "Jevnlig gjennomgang av omsorgsplanen" in text  # its reviews are in the table
    assert "Kari Kontakt" in text
    pdf_of(care_order, document_id, "oppfolgingsplan")


def test_a_plan_and_its_review_are_in_the_childs_privacy_export(care_order: Case) -> None:
    review = tasks_of(care_order, "omsorgsplan", "gjennomgang")[0]
    answers = {
        "dato": day(0).isoformat(),
        "barnet_deltok": True,
        "foreldrene_deltok": True,
        "fosterhjemmet_deltok": True,
        "barnets_synspunkter": "Barnet vil bo her.",
        "vurdering": "Planen står ved lag.",
    }
    ok(complete(care_order.tenant.contact, review["id"], answers, outcome="planen_star_ved_lag"))

    export = ok(care_order.tenant.leader.get(f"/v1/children/{care_order.child['id']}/export"))

    kinds = {p["kind"]: p for p in export["plans"]}
    assert set(kinds) == {"care_plan", "parents_follow_up_plan"}
    assert [r["conclusion"] for r in kinds["care_plan"]["reviews"]] == ["planen_star_ved_lag"]
    assert "plan.reviewed" in {e["type"] for e in export["events"]}


def test_a_measures_plan_evaluation_makes_the_invitation_to_a_joint_conversation(
    api: Api,
) -> None:
    case = case_started(api, day(-3), legal_basis="voluntary")
    evaluation = tasks_of(case, "tiltaksplan", "evaluering")[0]
    assert evaluation["templates"] == ["invitasjon-felles-samtale"]
    body = {
        "template_key": "invitasjon-felles-samtale",
        "placement_id": case.placement["id"],
        "task_id": evaluation["id"],
        "values": {"tidspunkt": "12.03.2027 kl. 10.00–11.30", "sted": "Møterom 2"},
    }

    created = ok(case.tenant.integration.post("/v1/documents", json=body), 201)

    content = case.tenant.integration.get(f"/v1/documents/{created['id']}/content").content
    text = text_of(content)
    assert "{{" not in text
    assert "12.03.2027 kl. 10.00–11.30" in text
