"""The shipped templates filled over HTTP from a real case, in the words of the language review
(review §3): En god start speaks of «time» and numbers it from the programme's steps (L10), the
conversation with the child asks about the care in the foster home (L19), and the follow-up
plan names the people responsible, not only their roles (L32)."""

from __future__ import annotations

import io
from typing import Any

import docx

from tests.documents.test_templates import texts
from tests.helpers import Api, Case, case_started, day, ok
from tests.workflows.test_workflows_api import tasks_of


def generate(case: Case, template_key: str, **body: Any) -> bytes:
    payload = {"template_key": template_key, "placement_id": case.placement["id"], **body}
    meta = ok(case.tenant.integration.post("/v1/documents", json=payload), 201)
    download = case.tenant.integration.get(f"/v1/documents/{meta['id']}/content")
    assert download.status_code == 200, download.text
    return download.content


def rows_of(content: bytes, header: tuple[str, ...]) -> list[dict[str, str]]:
    """The rows of the document's table with this header row, each by column name."""
    for table in docx.Document(io.BytesIO(content)).tables:
        if tuple(c.text for c in table.rows[0].cells) == header:
            return [
                dict(zip(header, (c.text for c in row.cells), strict=True))
                for row in table.rows[1:]
            ]
    raise AssertionError(f"no table with the header {header}")


def test_an_en_god_start_note_names_the_theme_and_the_session_of_six(api: Api) -> None:
    case = case_started(api, day(-3))
    third = tasks_of(case, "en-god-start", "okt_3_tilknytning_og_tilhorighet")[0]
    assert third["title"] == "Time 3: Tilknytning og tilhørighet"

    text = texts(generate(case, "en-god-start-okt", task_id=third["id"], draft=True))

    assert "Tema: Tilknytning og tilhørighet (time 3 av 6)" in text["body"]
    assert "En god start: notat fra timen" in text["body"]
    assert "Dato for timen" in text["tables"]
    assert "samling" not in text["all"].lower()
    # Signed by whoever holds the time (the contact person by default), not "Veileder".
    assert "Ansvarlig for timen" in text["tables"]
    assert "Veileder" not in text["tables"]


def test_the_conversation_with_the_child_asks_about_the_care_in_the_foster_home(
    api: Api,
) -> None:
    case = case_started(api, day(-3))
    visit = tasks_of(case, "oppfolgingsbesok", "besok")[0]

    text = texts(generate(case, "samtale-med-barnet", task_id=visit["id"], draft=True))

    assert "2  Omsorgen barnet får i fosterhjemmet" in text["tables"]
    assert "Foreldrenes omsorg" not in text["all"]


def test_the_follow_up_plan_names_the_people_and_a_role_only_where_nobody_is_assigned(
    api: Api,
) -> None:
    case = case_started(api, day(-3))
    supervisor = api.admin.created(
        f"/v1/staff?service_id={case.tenant.service_id}",
        {"name": "Vera Veileder", "email": "vera@test.example", "role": "supervisor"},
    )
    guidance = tasks_of(case, "omsorgspakken", "fosterforeldre_veiledning_annenhver_uke")
    given, *unassigned = sorted(guidance, key=lambda t: t["due_date"])
    current = case.tenant.leader.get(f"/v1/tasks/{given['id']}")
    ok(
        case.tenant.leader.patch(
            f"/v1/tasks/{given['id']}",
            json={"assignee_id": supervisor["id"]},
            headers={"If-Match": current.headers["ETag"]},
        )
    )

    rows = rows_of(generate(case, "oppfolgingsplan"), ("Frist", "Hva", "Ansvarlig", "Status"))

    by_title: dict[str, set[str]] = {}
    for row in rows:
        by_title.setdefault(row["Hva"], set()).add(row["Ansvarlig"])
    assert by_title["Time 1: Den nye familien"] == {"Kari Kontakt"}
    assert by_title["Oppfølgingsbesøk i fosterhjemmet"] == {"Kari Kontakt"}
    # One guidance session is Vera's; the others have nobody yet, so the role stands in.
    assert by_title["Fosterforeldrene: veiledning annenhver uke"] == {
        "Vera Veileder",
        "Fosterhjemsveileder",
    }
    assert unassigned
    assert "Kontaktperson" not in {row["Ansvarlig"] for row in rows}
