"""The shipped templates filled over HTTP from a real case, in the words of the language review
(review §3): En god start speaks of «time» and numbers it from the programme's steps (L10), and
the conversation with the child asks about the care in the foster home (L19)."""

from __future__ import annotations

from typing import Any

from tests.documents.test_templates import texts
from tests.helpers import Api, Case, case_started, day, ok
from tests.workflows.test_workflows_api import tasks_of


def generate(case: Case, template_key: str, **body: Any) -> bytes:
    payload = {"template_key": template_key, "placement_id": case.placement["id"], **body}
    meta = ok(case.tenant.integration.post("/v1/documents", json=payload), 201)
    download = case.tenant.integration.get(f"/v1/documents/{meta['id']}/content")
    assert download.status_code == 200, download.text
    return download.content


def test_an_en_god_start_note_names_the_theme_and_the_session_of_six(api: Api) -> None:
    case = case_started(api, day(-3))
    third = tasks_of(case, "en-god-start", "okt_3_tilknytning_og_tilhorighet")[0]
    assert third["title"] == "Time 3: Tilknytning og tilhørighet"

    text = texts(generate(case, "en-god-start-okt", task_id=third["id"], draft=True))

    assert "Tema: Tilknytning og tilhørighet (time 3 av 6)" in text["body"]
    assert "En god start: notat fra timen" in text["body"]
    assert "Dato for timen" in text["tables"]
    assert "samling" not in text["all"].lower()


def test_the_conversation_with_the_child_asks_about_the_care_in_the_foster_home(
    api: Api,
) -> None:
    case = case_started(api, day(-3))
    visit = tasks_of(case, "oppfolgingsbesok", "besok")[0]

    text = texts(generate(case, "samtale-med-barnet", task_id=visit["id"], draft=True))

    assert "2  Omsorgen barnet får i fosterhjemmet" in text["tables"]
    assert "Foreldrenes omsorg" not in text["all"]
