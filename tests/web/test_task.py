"""The task page over HTTP (both databases): the step's form from its definition, refused
input kept with a message next to the field and nothing saved, drafts, expiry mid-form, a
double submit, skipping, and the step's documents."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import update

from app.db import utcnow
from app.web_sessions.models import WebSession
from tests.helpers import Api, Case, make_case, ok
from tests.web.conftest import WebClient, csrf_of

VISIT = "oppfolgingsbesok"


def visit_task(case: Case) -> dict[str, Any]:
    tasks = ok(
        case.tenant.leader.get(
            "/v1/tasks", params={"placement_id": case.placement["id"], "limit": 100}
        )
    )["items"]
    return next(t for t in tasks if t["definition_key"] == VISIT and t["status"] == "open")


def task_of(case: Case, task_id: str) -> dict[str, Any]:
    return dict(ok(case.tenant.leader.get(f"/v1/tasks/{task_id}")))


VISIT_FORM = {
    "handling": "fullfor",
    "svar-besoksdato": "3.2.2026",
    "svar-snakket_med_barnet_alene": "ja",
    "svar-barnets_mening": "Jeg liker å bo her, men savner mamma.",
    "svar-vurdering": "Barnet har det godt i fosterhjemmet.",
}


def test_the_task_page_shows_the_deadline_its_basis_and_the_steps_form(
    web: WebClient, api: Api
) -> None:
    case = make_case(api)
    task = visit_task(case)
    web.login("kari@test.example")
    page = web.get(f"/app/tasks/{task['id']}")
    assert page.status_code == 200, page.text
    assert f"<title>Oppgave {task['id']} – Fosterflyt</title>" in page.text
    assert task["title"] in page.text
    assert "Fosterhjemsforskriften" in page.text
    assert 'name="svar-besoksdato"' in page.text
    assert 'type="radio"' in page.text
    print(page.text)


def open_page(web: WebClient, task_id: str) -> str:
    page = web.get(f"/app/tasks/{task_id}")
    assert page.status_code == 200, page.text
    return page.text


def test_completing_a_visit_task_saves_the_answers_through_the_same_service(
    web: WebClient, api: Api
) -> None:
    case = make_case(api)
    task = visit_task(case)
    web.login("kari@test.example")
    open_page(web, task["id"])
    response = web.post(f"/app/tasks/{task['id']}", VISIT_FORM)
    assert response.status_code == 303, response.text
    assert response.headers["location"] == f"/app/tasks/{task['id']}?done=fullfort"
    done = task_of(case, task["id"])
    assert done["status"] == "completed"
    assert done["answers"] == {
        "besoksdato": "2026-02-03",
        "snakket_med_barnet_alene": True,
        "barnets_mening": "Jeg liker å bo her, men savner mamma.",
        "vurdering": "Barnet har det godt i fosterhjemmet.",
    }
    page = web.get(response.headers["location"]).text
    assert "Oppgaven er fullført." in page
    assert "03.02.2026" in page
    assert "Jeg liker å bo her" in page
    assert 'name="handling" value="fullfor"' not in page


def test_a_double_submit_completes_once_and_shows_the_done_state(web: WebClient, api: Api) -> None:
    case = make_case(api)
    task = visit_task(case)
    web.login("kari@test.example")
    assert web.post(f"/app/tasks/{task['id']}", VISIT_FORM).status_code == 303
    again = web.post(f"/app/tasks/{task['id']}", VISIT_FORM)
    assert again.status_code == 303
    assert again.headers["location"] == f"/app/tasks/{task['id']}"
    changes = ok(case.tenant.leader.get(f"/v1/tasks/{task['id']}/changes"))["items"]
    assert [c["action"] for c in changes].count("completed") == 1
    page = web.get(again.headers["location"])
    assert page.status_code == 200
    assert "Du må rette opp" not in page.text


def _refused(response: Any) -> str:
    assert response.status_code == 422, response.text
    assert 'class="ds-error-summary"' in response.text
    return str(response.text)


def test_empty_required_fields_get_a_message_next_to_each_and_nothing_is_saved(
    web: WebClient, api: Api
) -> None:
    case = make_case(api)
    task = visit_task(case)
    web.login("kari@test.example")
    page = _refused(web.post(f"/app/tasks/{task['id']}", {"handling": "fullfor"}))
    assert 'id="feil-svar-besoksdato"' in page
    assert "Fyll inn dato for besøket" in page
    assert 'id="feil-svar-snakket_med_barnet_alene"' in page
    assert "Velg snakket med barnet alene" in page
    assert 'href="#felt-svar-barnets_mening"' in page
    assert task_of(case, task["id"])["status"] == "open"


def test_a_date_in_the_wrong_format_is_refused_with_what_was_typed_kept(
    web: WebClient, api: Api
) -> None:
    case = make_case(api)
    task = visit_task(case)
    web.login("kari@test.example")
    form = {**VISIT_FORM, "svar-besoksdato": "31.02.2026"}
    page = _refused(web.post(f"/app/tasks/{task['id']}", form))
    assert "Dato for besøket må være en dato, for eksempel 17.5.2026" in page
    assert 'value="31.02.2026"' in page
    assert "Jeg liker å bo her, men savner mamma." in page
    assert task_of(case, task["id"])["status"] == "open"


def test_text_over_the_limit_is_refused(web: WebClient, api: Api) -> None:
    case = make_case(api)
    task = visit_task(case)
    web.login("kari@test.example")
    form = {**VISIT_FORM, "svar-vurdering": "x" * 20_001}
    page = _refused(web.post(f"/app/tasks/{task['id']}", form))
    assert "Barnevernstjenestens vurdering kan ha høyst 20 000 tegn" in page
    assert task_of(case, task["id"])["status"] == "open"


def test_a_forged_or_missing_csrf_token_saves_nothing(web: WebClient, api: Api) -> None:
    case = make_case(api)
    task = visit_task(case)
    web.login("kari@test.example")
    forged = web.http.post(f"/app/tasks/{task['id']}", data={**VISIT_FORM, "csrf_token": "x"})
    assert forged.status_code == 403
    assert "Skjemaet kunne ikke sendes" in forged.text
    missing = web.http.post(f"/app/tasks/{task['id']}", data=VISIT_FORM)
    assert missing.status_code == 403
    for url in (f"/app/tasks/{task['id']}/draft", f"/app/tasks/{task['id']}/documents"):
        assert web.http.post(url, data=VISIT_FORM).status_code == 403
    assert task_of(case, task["id"])["status"] == "open"
    assert "Vi har tatt vare på" not in open_page(web, task["id"])


def test_a_refused_submit_keeps_a_draft_that_the_page_shows_again(web: WebClient, api: Api) -> None:
    case = make_case(api)
    task = visit_task(case)
    web.login("kari@test.example")
    form = {**VISIT_FORM, "svar-besoksdato": ""}
    _refused(web.post(f"/app/tasks/{task['id']}", form))
    page = open_page(web, task["id"])
    assert "Vi har tatt vare på det du skrev sist" in page
    assert "Jeg liker å bo her, men savner mamma." in page
    assert web.post(f"/app/tasks/{task['id']}", VISIT_FORM).status_code == 303
    assert "Vi har tatt vare på" not in web.get(f"/app/tasks/{task['id']}").text


def test_autosave_keeps_a_draft(web: WebClient, api: Api) -> None:
    case = make_case(api)
    task = visit_task(case)
    web.login("kari@test.example")
    response = web.http.post(
        f"/app/tasks/{task['id']}/draft",
        data={"svar-barnets_mening": "Halvskrevet tanke"},
        headers={"X-CSRF-Token": web.csrf},
    )
    assert response.status_code == 200
    assert "Utkastet er lagret" in response.text
    assert "Halvskrevet tanke" in open_page(web, task["id"])


def _age_sessions(connection: Any) -> None:
    connection.execute(update(WebSession).values(last_seen_at=utcnow() - timedelta(minutes=31)))


def test_a_form_sent_after_the_session_timed_out_is_kept_and_shown_after_login(
    web: WebClient, api: Api, connection: Any
) -> None:
    case = make_case(api)
    task = visit_task(case)
    web.login("kari@test.example")
    open_page(web, task["id"])
    _age_sessions(connection)
    response = web.post(f"/app/tasks/{task['id']}", VISIT_FORM)
    assert response.status_code == 303
    assert response.headers["location"] == f"/app/login?next=/app/tasks/{task['id']}"
    assert task_of(case, task["id"])["status"] == "open"
    back = web.login("kari@test.example", next_url=f"/app/tasks/{task['id']}")
    assert "Vi har tatt vare på det du skrev sist" in back.text
    assert "Jeg liker å bo her, men savner mamma." in back.text
    assert 'value="3.2.2026"' in back.text


def test_a_timed_out_form_without_its_csrf_token_keeps_nothing(
    web: WebClient, api: Api, connection: Any
) -> None:
    case = make_case(api)
    task = visit_task(case)
    web.login("kari@test.example")
    _age_sessions(connection)
    response = web.http.post(f"/app/tasks/{task['id']}", data={**VISIT_FORM, "csrf_token": "x"})
    assert response.status_code == 403
    back = web.login("kari@test.example", next_url=f"/app/tasks/{task['id']}")
    assert "Jeg liker å bo her" not in back.text


def test_skipping_needs_a_reason(web: WebClient, api: Api) -> None:
    case = make_case(api)
    task = visit_task(case)
    web.login("kari@test.example")
    page = _refused(web.post(f"/app/tasks/{task['id']}", {"handling": "hopp-over"}))
    assert "Fyll inn hvorfor oppgaven ikke skal gjøres" in page
    assert task_of(case, task["id"])["status"] == "open"
    reason = {"handling": "hopp-over", "begrunnelse_for_a_hoppe_over": "Barnet flyttet."}
    response = web.post(f"/app/tasks/{task['id']}", reason)
    assert response.status_code == 303
    skipped = task_of(case, task["id"])
    assert (skipped["status"], skipped["skip_reason"]) == ("skipped", "Barnet flyttet.")
    assert "Barnet flyttet." in web.get(f"/app/tasks/{task['id']}").text


def test_another_contact_persons_task_is_a_404_page(web: WebClient, api: Api) -> None:
    case = make_case(api)
    task = visit_task(case)
    other = api.admin.created(
        f"/v1/staff?service_id={case.tenant.service_id}",
        {"name": "Ola Annen", "email": "ola@test.example", "role": "contact_person"},
    )
    assert other["id"]
    web.login("ola@test.example")
    assert web.get(f"/app/tasks/{task['id']}").status_code == 404
    assert web.post(f"/app/tasks/{task['id']}", VISIT_FORM).status_code == 404
    assert task_of(case, task["id"])["status"] == "open"


def test_the_steps_document_is_made_and_downloaded_as_docx(web: WebClient, api: Api) -> None:
    case = make_case(api)
    task = visit_task(case)
    web.login("kari@test.example")
    assert web.post(f"/app/tasks/{task['id']}", VISIT_FORM).status_code == 303
    made = web.post(f"/app/tasks/{task['id']}/documents", {"mal": "samtale-med-barnet"})
    assert made.status_code == 303, made.text
    page = web.get(made.headers["location"].split("#")[0]).text
    assert "Dokumentet er laget." in page
    link = page.split('?format=docx"')[0].rsplit('href="', 1)[1]
    download = web.get(link + "?format=docx")
    assert download.status_code == 200
    assert download.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert download.headers["content-disposition"].startswith("attachment;")
    assert download.content[:2] == b"PK"


def test_an_unknown_template_is_refused_next_to_the_field(web: WebClient, api: Api) -> None:
    case = make_case(api)
    task = visit_task(case)
    web.login("kari@test.example")
    page = _refused(web.post(f"/app/tasks/{task['id']}/documents", {"mal": "finnes-ikke"}))
    assert 'id="feil-mal"' in page
    assert ok(case.tenant.leader.get("/v1/documents", params={"limit": 100}))["items"] == []


def test_the_page_for_a_new_task_has_a_csrf_token(web: WebClient, api: Api) -> None:
    case = make_case(api)
    web.login("kari@test.example")
    assert csrf_of(open_page(web, visit_task(case)["id"]))


def test_a_refused_skip_keeps_the_answers_typed_in_the_form_above(web: WebClient, api: Api) -> None:
    case = make_case(api)
    task = visit_task(case)
    web.login("kari@test.example")
    web.http.post(
        f"/app/tasks/{task['id']}/draft",
        data={"svar-barnets_mening": "Halvskrevet tanke"},
        headers={"X-CSRF-Token": web.csrf},
    )
    page = _refused(web.post(f"/app/tasks/{task['id']}", {"handling": "hopp-over"}))
    assert "Halvskrevet tanke" in page
    assert "Halvskrevet tanke" in open_page(web, task["id"])


def test_autosave_after_the_session_timed_out_keeps_the_text_and_says_so(
    web: WebClient, api: Api, connection: Any
) -> None:
    case = make_case(api)
    task = visit_task(case)
    web.login("kari@test.example")
    _age_sessions(connection)
    response = web.http.post(
        f"/app/tasks/{task['id']}/draft",
        data={"svar-barnets_mening": "Skrevet mens økten gikk ut"},
        headers={"X-CSRF-Token": web.csrf},
    )
    assert response.status_code == 200
    assert "Du ble logget ut" in response.text
    back = web.login("kari@test.example", next_url=f"/app/tasks/{task['id']}")
    assert "Skrevet mens økten gikk ut" in back.text
