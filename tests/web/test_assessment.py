"""The return-home assessment page over HTTP (both databases): the stages in order with their
guidance and conclusions, the leader's approval of an outcome or sending it back, and the
contact person seeing where it stands."""

from __future__ import annotations

from typing import Any

from tests.helpers import Api, Case, make_case, ok
from tests.web.conftest import WebClient
from tests.web.funnel import funnel_id, walked_to_decision


def workflow_of(case: Case, workflow_id: str) -> dict[str, Any]:
    return dict(ok(case.tenant.leader.get(f"/v1/workflows/{workflow_id}")))


def task_of(case: Case, task_id: str) -> dict[str, Any]:
    return dict(ok(case.tenant.leader.get(f"/v1/tasks/{task_id}")))


APPROVE = {
    "handling": "godkjenn",
    "utfall": "fortsette_gjenforening",
    "svar-begrunnelse": "Foreldrene er på god vei, men ikke i mål.",
}


def test_the_contact_person_sees_the_stages_in_order_with_guidance_and_conclusions(
    web: WebClient, api: Api
) -> None:
    case = make_case(api)
    workflow_id, _ = walked_to_decision(case)
    web.login("kari@test.example")
    page = web.get(f"/app/assessments/{workflow_id}")
    assert page.status_code == 200, page.text
    assert f"<title>Vurdering av tilbakeføring {workflow_id} – Fosterflyt</title>" in page.text
    stages = ["Trinn 1:", "Trinn 2:", "Trinn 3:", "Trinn 4:", "Trinn 5:"]
    positions = [page.text.index(s) for s in stages]
    assert positions == sorted(positions)
    assert "Beskriv foreldrenes omsorgsevne slik den er i dag" in page.text  # guidance
    assert "Foreldrene har fått hjelp og endret mye." in page.text  # an assessment
    assert "Venter på leders beslutning" in page.text
    assert 'value="godkjenn"' not in page.text  # not theirs to approve


def test_a_stage_not_reached_yet_says_so(web: WebClient, api: Api) -> None:
    case = make_case(api)
    web.login("kari@test.example")
    page = web.get(f"/app/assessments/{funnel_id(case)}").text
    assert "Ikke startet" in page
    assert "Lederen beslutter når alle trinnene er fullført." in page


def test_the_leader_approves_an_outcome_and_the_assessment_ends_with_it(
    web: WebClient, api: Api
) -> None:
    case = make_case(api)
    workflow_id, decision = walked_to_decision(case)
    web.login("lise@test.example")
    page = web.get(f"/app/assessments/{workflow_id}").text
    assert "Kontaktpersonens anbefaling" in page
    response = web.post(f"/app/assessments/{workflow_id}", APPROVE)
    assert response.status_code == 303, response.text
    workflow = workflow_of(case, workflow_id)
    assert (workflow["status"], workflow["outcome"]) == ("completed", "fortsette_gjenforening")
    assert task_of(case, decision["id"])["answers"] == {
        "begrunnelse": "Foreldrene er på god vei, men ikke i mål."
    }
    shown = web.get(response.headers["location"]).text
    assert "Utfallet er godkjent" in shown
    assert "Fortsette arbeidet med gjenforening som mål" in shown
    again = web.post(f"/app/assessments/{workflow_id}", APPROVE)  # a second click
    assert again.status_code == 303


def test_an_outcome_without_its_required_reason_is_refused_next_to_the_field(
    web: WebClient, api: Api
) -> None:
    case = make_case(api)
    workflow_id, decision = walked_to_decision(case)
    web.login("lise@test.example")
    refused = web.post(f"/app/assessments/{workflow_id}", {"handling": "godkjenn"})
    assert refused.status_code == 422
    assert 'id="feil-utfall"' in refused.text
    assert 'id="feil-svar-begrunnelse"' in refused.text
    body = {**APPROVE, "utfall": "avslutte_gjenforeningsmal"}
    refused = web.post(f"/app/assessments/{workflow_id}", body)
    assert refused.status_code == 422
    assert "Fyll inn grunnen til at gjenforeningsmålet oppgis" in refused.text
    assert "Foreldrene er på god vei, men ikke i mål." in refused.text  # kept
    assert task_of(case, decision["id"])["status"] == "open"
    assert workflow_of(case, workflow_id)["status"] == "active"


def test_the_leader_sends_the_assessment_back_to_the_contact_person(
    web: WebClient, api: Api
) -> None:
    case = make_case(api)
    workflow_id, _ = walked_to_decision(case)
    web.login("lise@test.example")
    response = web.post(f"/app/assessments/{workflow_id}", {"handling": "send-tilbake"})
    assert response.status_code == 303
    assert "sendt tilbake til kontaktpersonen" in web.get(response.headers["location"]).text
    tasks = ok(
        case.tenant.leader.get(
            "/v1/tasks", params={"placement_id": case.placement["id"], "limit": 100}
        )
    )["items"]
    [last] = [t for t in tasks if t["step_key"] == "trinn_5_helhetsvurdering"]
    assert last["status"] == "open"


def test_a_contact_person_cannot_approve_or_send_back(web: WebClient, api: Api) -> None:
    case = make_case(api)
    workflow_id, decision = walked_to_decision(case)
    web.login("kari@test.example")
    for body in (APPROVE, {"handling": "send-tilbake"}):
        assert web.post(f"/app/assessments/{workflow_id}", body).status_code == 403
    assert task_of(case, decision["id"])["status"] == "open"
    assert workflow_of(case, workflow_id)["status"] == "active"


def test_a_forged_csrf_token_approves_nothing(web: WebClient, api: Api) -> None:
    case = make_case(api)
    workflow_id, decision = walked_to_decision(case)
    web.login("lise@test.example")
    forged = web.http.post(f"/app/assessments/{workflow_id}", data={**APPROVE, "csrf_token": "x"})
    assert forged.status_code == 403
    assert task_of(case, decision["id"])["status"] == "open"


def test_another_workflow_is_not_an_assessment_page(web: WebClient, api: Api) -> None:
    case = make_case(api)
    params = {"placement_id": case.placement["id"], "definition_key": "oppfolgingsbesok"}
    [visits] = ok(case.tenant.leader.get("/v1/workflows", params=params))["items"]
    web.login("kari@test.example")
    assert web.get(f"/app/assessments/{visits['id']}").status_code == 404
