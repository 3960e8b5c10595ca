"""P6 6 (sosialrapport ved fosterhjemsgodkjenning) and P6 10 (midlertidig plassering i slekt og
nettverk) filled over HTTP from an urgent placement in the family's network: reopened with
python-docx with no Jinja left, the approval's facts and the rule set's deadline in them, and
converted to PDF by LibreOffice."""

from __future__ import annotations

import io
import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import docx
import pytest

from app.planning.rules import shipped_rule_set
from tests.approvals.test_approvals_api import full_approval, urgent_case, url
from tests.helpers import Case, day, ok
from tests.workflows.test_workflows_api import tasks_of

OUT = os.environ.get("FOSTERFLYT_APPROVAL_DOCS_OUT")  # keep the files to look at the pages


def all_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]

    def cells(table: Any) -> list[str]:
        return [p.text for row in table.rows for cell in row.cells for p in cell.paragraphs]

    for table in document.tables:
        parts += cells(table)
    return "\n".join(parts)


def fill(case: Case, key: str, task_id: str) -> bytes:
    body = {"template_key": key, "placement_id": case.placement["id"], "task_id": task_id}
    meta = ok(case.tenant.contact.post("/v1/documents", json=body), 201)
    download = case.tenant.contact.get(f"/v1/documents/{meta['id']}/content")
    assert download.status_code == 200, download.text
    pdf = case.tenant.contact.get(f"/v1/documents/{meta['id']}/content", params={"format": "pdf"})
    if pdf.status_code == 503 and os.environ.get("FOSTERFLYT_REQUIRE_LIBREOFFICE") != "1":
        pytest.skip("LibreOffice is not installed on this machine")
    assert pdf.status_code == 200, pdf.text
    assert pdf.content.startswith(b"%PDF")
    if OUT:
        Path(OUT).mkdir(parents=True, exist_ok=True)
        Path(OUT, f"{key}.docx").write_bytes(download.content)
        Path(OUT, f"{key}.pdf").write_bytes(pdf.content)
    return download.content


@pytest.fixture
def case(api: Any) -> Case:
    start = day(-5)
    made = urgent_case(api, start)
    body = {
        "emergency_decided_on": start.isoformat(),
        "emergency_decided_by": "Lise Leder, barnevernleder",
        "parents_informed_on": start.isoformat(),
        "quick_check_on": start.isoformat(),
        "home_visit_date": day(-2).isoformat(),
        "police_certificates": [{"name": "Ola Fjord", "checked_on": day(-1).isoformat()}],
    }
    ok(made.tenant.contact.post(url(made), json=body), 201)
    return made


def test_the_urgent_move_checklist_is_filled_with_the_approval_and_the_rule_sets_deadline(
    case: Case,
) -> None:
    (task,) = tasks_of(case, "godkjenning-slekt-nettverk", "sjekkliste_akutt")
    text = all_text(fill(case, "midlertidig-plassering-slekt-nettverk", task["id"]))

    assert "{{" not in text
    assert "{%" not in text
    assert "Midlertidig plassering i slekt og nettverk" in text
    assert "None" not in text  # what is not recorded yet is left empty
    assert shipped_rule_set().text("network_emergency_approval_within") in text
    deadline = day(-5) + timedelta(weeks=6)
    assert deadline.strftime("%d.%m.%Y") in text
    assert "Lise Leder, barnevernleder" in text
    assert "Mangler politiattest: Siri Fjord" in text
    assert day(-1).strftime("%d.%m.%Y") in text  # Ola Fjord's certificate


def test_the_social_report_is_filled_and_ticks_the_decision(case: Case) -> None:
    decision = full_approval(
        day(0),
        home_visit_date=day(-2).isoformat(),
        outcome="approved_with_conditions",
        conditions="Fosterforeldrene får veiledning hver måned det første året.",
    )
    current = case.tenant.contact.get(url(case))
    changed = case.tenant.contact.patch(
        url(case), json=decision, headers={"If-Match": current.headers["etag"]}
    )
    assert changed.status_code == 200, changed.text
    (task,) = tasks_of(case, "godkjenning-slekt-nettverk", "godkjenning")
    assert task["status"] == "completed"

    text = all_text(fill(case, "sosialrapport-godkjenning", task["id"]))

    assert "{{" not in text
    assert "{%" not in text
    assert "Sosialrapport ved godkjenning av fosterhjem" in text
    assert "☒  Godkjent med vilkår" in text
    assert "☐  Ikke godkjent" in text
    assert "Fosterforeldrene får veiledning hver måned det første året." in text
    assert "PRIDE grunnopplæring" in text
    assert "Mangler politiattest" not in text
    assert "Barnet flyttet akutt til slekt eller nettverk." in text
