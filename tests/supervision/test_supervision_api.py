"""The supervision of a placement (issue #14 item 1, review §2.7 and row 84): the supervision
visitor appointed for it, and the reports, whose review is due from the day each arrived."""

from __future__ import annotations

import io
from datetime import timedelta

from docx import Document as Docx

from app.planning.durations import norwegian_date
from tests.helpers import (
    Api,
    all_events,
    case_started,
    day,
    make_case,
    ok,
    parse,
    pointers,
    problem,
)
from tests.supervision.helpers import PDF, appoint, send_report, visitors_url
from tests.workflows.test_workflows_api import get_task, tasks_of


class TestTheSupervisionVisitor:
    def test_a_placement_gets_an_appointed_supervision_visitor(self, api: Api) -> None:
        case = case_started(api, day(-30))

        response = appoint(case, police_certificate_checked_on=day(-31).isoformat())

        created = ok(response, 201)
        assert response.headers["location"].endswith(f"{visitors_url(case)}/{created['id']}")
        assert created["current"] is True
        assert created["police_certificate_checked_on"] == day(-31).isoformat()
        assert created["training_completed_on"] is None
        assert created["appointed_by"]
        [listed] = ok(case.tenant.leader.get(visitors_url(case)))["items"]
        assert (listed["id"], listed["name"]) == (created["id"], "Randi Haugen")

    def test_a_second_current_visitor_is_refused_until_the_first_appointment_ends(
        self, api: Api
    ) -> None:
        case = case_started(api, day(-30))
        first = ok(appoint(case), 201)

        problem(appoint(case, name="Per Olsen"), 409, "supervision-visitor-current")

        url = f"{visitors_url(case)}/{first['id']}/end"
        ended = ok(
            case.tenant.contact.post(
                url, json={"ended_on": day(-1).isoformat(), "reason": "Flyttet fra kommunen."}
            )
        )
        assert (ended["current"], ended["ended_on"]) == (False, day(-1).isoformat())
        problem(
            case.tenant.contact.post(url, json={"ended_on": day(0).isoformat(), "reason": "x"}),
            409,
            "supervision-visitor-ended",
        )
        second = ok(appoint(case, name="Per Olsen", appointed_on=day(0).isoformat()), 201)
        history = ok(case.tenant.leader.get(visitors_url(case)))["items"]
        assert [(v["id"], v["current"]) for v in history] == [
            (second["id"], True),
            (first["id"], False),
        ]

    def test_the_visitors_course_and_agreement_are_recorded_later(self, api: Api) -> None:
        case = case_started(api, day(-30))
        created = ok(appoint(case), 201)
        url = f"{visitors_url(case)}/{created['id']}"
        etag = case.tenant.contact.get(url).headers["etag"]

        changed = case.tenant.contact.patch(
            url, json={"training_completed_on": day(-2).isoformat()}, headers={"If-Match": etag}
        )

        assert ok(changed)["training_completed_on"] == day(-2).isoformat()
        problem(case.tenant.contact.patch(url, json={"name": "X"}), 428, "precondition-required")

    def test_dates_after_today_or_after_the_placement_are_refused(self, api: Api) -> None:
        case = case_started(api, day(-30))
        body = problem(
            appoint(
                case,
                appointed_on=day(1).isoformat(),
                agreement_signed_on=day(2).isoformat(),
            ),
            422,
            "validation-error",
        )
        assert pointers(body) == ["#/agreement_signed_on", "#/appointed_on"]
        assert ok(case.tenant.leader.get(visitors_url(case)))["items"] == []

    def test_a_visitor_without_a_name_is_refused(self, api: Api) -> None:
        case = case_started(api, day(-30))
        body = problem(appoint(case, name="  "), 422, "validation-error")
        assert pointers(body) == ["#/name"]

    def test_another_services_placement_has_no_visitors_to_show(self, api: Api) -> None:
        case = case_started(api, day(-30))
        other = make_case(api)
        created = ok(appoint(case), 201)
        problem(other.tenant.leader.get(visitors_url(case)), 404, "not-found")
        problem(appoint(case, caller=other.tenant.integration), 404, "not-found")
        problem(other.tenant.leader.get(f"{visitors_url(case)}/{created['id']}"), 404, "not-found")


class TestReportIntake:
    def test_a_report_recorded_plans_its_review_from_the_day_it_arrived(self, api: Api) -> None:
        case = case_started(api, day(-70))
        visitor = ok(appoint(case), 201)
        visit = tasks_of(case, "tilsyn", "tilsynsbesok")[0]
        assert visit["definition_version"] == 3
        visited, arrived = day(-25), day(-5)

        response = send_report(
            case.tenant.contact, case.placement["id"], visit_date=visited, received_on=arrived
        )

        report = ok(response, 201)
        assert response.headers["location"].endswith(f"/v1/supervision-reports/{report['id']}")
        assert (report["visit_date"], report["received_on"]) == (
            visited.isoformat(),
            arrived.isoformat(),
        )
        assert (report["visitor_id"], report["task_id"]) == (visitor["id"], visit["id"])
        assert (report["media_type"], report["size"]) == ("application/pdf", len(PDF))
        done = get_task(case.tenant.leader, visit["id"])
        assert done["status"] == "completed"
        assert done["answers"] == {
            "besoksdato": visited.isoformat(),
            "rapport_mottatt": arrived.isoformat(),
            "samtale_med_barnet_alene": True,
        }
        [review] = tasks_of(case, "tilsyn", "gjennomgang_tilsynsrapport")
        # Two weeks from the arrival: not from the visit, not from the day it was recorded.
        assert parse(review["nominal_date"]) == arrived + timedelta(days=14)
        assert parse(review["due_date"]) <= arrived + timedelta(days=14)
        assert (
            f"to uker etter at tilsynsrapporten kom inn ({norwegian_date(arrived)})"
            in review["explanation"]
        )
        assert "Regel (tjenestens rutine)" in review["explanation"]
        assert "supervision_report_review_within=P14D" in review["rule"]
        assert "fristen for gjennomgangen er tjenestens rutine" in review["legal_basis"]
        assert review["templates"] == ["gjennomgang-tilsynsrapport"]

    def test_the_report_is_listed_and_its_file_downloaded(self, api: Api) -> None:
        case = case_started(api, day(-70))
        report = ok(
            send_report(
                case.tenant.contact, case.placement["id"], visit_date=day(-9), received_on=day(-2)
            ),
            201,
        )
        listed = ok(
            case.tenant.leader.get(f"/v1/placements/{case.placement['id']}/supervision-reports")
        )["items"]
        assert [r["id"] for r in listed] == [report["id"]]
        content = case.tenant.leader.get(report["download"])
        assert content.status_code == 200
        assert content.headers["content-type"] == "application/pdf"
        assert content.content == PDF

    def test_a_report_for_another_services_placement_is_a_404(self, api: Api) -> None:
        case = case_started(api, day(-70))
        other = make_case(api)

        refused = send_report(
            other.tenant.integration,
            case.placement["id"],
            visit_date=day(-9),
            received_on=day(-2),
            content=b"not even a report",
        )

        problem(refused, 404, "not-found")
        assert (
            ok(
                case.tenant.leader.get(f"/v1/placements/{case.placement['id']}/supervision-reports")
            )["items"]
            == []
        )
        assert tasks_of(case, "tilsyn", "tilsynsbesok")[0]["status"] == "open"

    def test_a_file_that_is_neither_pdf_nor_docx_is_refused_and_nothing_is_kept(
        self, api: Api
    ) -> None:
        case = case_started(api, day(-70))
        refused = send_report(
            case.tenant.contact,
            case.placement["id"],
            visit_date=day(-9),
            received_on=day(-2),
            content=b"GIF89a pretending to be a report",
            filename="rapport.pdf",
        )
        body = problem(refused, 422, "not-a-docx")
        assert pointers(body) == ["#/file"]
        assert (
            ok(
                case.tenant.leader.get(f"/v1/placements/{case.placement['id']}/supervision-reports")
            )["items"]
            == []
        )
        assert tasks_of(case, "tilsyn", "tilsynsbesok")[0]["status"] == "open"

    def test_a_word_report_is_accepted_and_one_with_external_content_refused(
        self, api: Api
    ) -> None:
        case = case_started(api, day(-70))
        doc = Docx()
        doc.add_paragraph("Tilsynsrapport")
        buffer = io.BytesIO()
        doc.save(buffer)
        accepted = ok(
            send_report(
                case.tenant.contact,
                case.placement["id"],
                visit_date=day(-9),
                received_on=day(-2),
                content=buffer.getvalue(),
                filename="rapport.docx",
            ),
            201,
        )
        assert accepted["media_type"].endswith("wordprocessingml.document")

        linked = Docx()
        linked.add_paragraph("Se vedlegg")
        part = linked.part
        part.relate_to(
            "https://example.invalid/bilde.png",
            ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"),
            is_external=True,
        )
        buffer = io.BytesIO()
        linked.save(buffer)
        refused = send_report(
            case.tenant.contact,
            case.placement["id"],
            visit_date=day(-8),
            received_on=day(-1),
            content=buffer.getvalue(),
            filename="rapport.docx",
        )
        assert pointers(problem(refused, 422, "template-invalid")) == ["#/file"]

    def test_a_report_cannot_arrive_before_the_visit_nor_the_visit_precede_the_move(
        self, api: Api
    ) -> None:
        case = case_started(api, day(-70))
        body = problem(
            send_report(
                case.tenant.contact, case.placement["id"], visit_date=day(-72), received_on=day(-73)
            ),
            422,
            "validation-error",
        )
        assert pointers(body) == ["#/received_on", "#/visit_date"]
        body = problem(
            send_report(
                case.tenant.contact, case.placement["id"], visit_date=day(-3), received_on=day(1)
            ),
            422,
            "validation-error",
        )
        assert pointers(body) == ["#/received_on"]

    def test_a_report_and_an_appointment_are_announced_in_the_event_feed(self, api: Api) -> None:
        case = case_started(api, day(-70))
        ok(appoint(case), 201)
        report = ok(
            send_report(
                case.tenant.contact, case.placement["id"], visit_date=day(-9), received_on=day(-2)
            ),
            201,
        )
        found = {(e["type"], e.get("subject_id")) for e in all_events(case.tenant.integration)}
        assert ("supervision_report.received", report["id"]) in found
        assert "supervision_visitor.appointed" in {t for t, _ in found}


def test_the_visitor_and_the_reports_are_in_the_childs_privacy_export(api: Api) -> None:
    case = case_started(api, day(-70))
    visitor = ok(appoint(case), 201)
    report = ok(
        send_report(
            case.tenant.contact, case.placement["id"], visit_date=day(-9), received_on=day(-2)
        ),
        201,
    )
    export = ok(case.tenant.leader.get(f"/v1/children/{case.child['id']}/export"))
    assert [v["id"] for v in export["supervision_visitors"]] == [visitor["id"]]
    assert [(r["id"], r["download"]) for r in export["supervision_reports"]] == [
        (report["id"], f"/v1/supervision-reports/{report['id']}/content")
    ]


def test_a_report_with_no_open_supervision_visit_is_kept_and_plans_nothing(api: Api) -> None:
    # The placement ended before its first supervision visit (six weeks after the move) was due.
    case = case_started(api, day(-70))
    ended = case.tenant.leader.post(
        f"/v1/placements/{case.placement['id']}/end",
        json={"end_date": day(-50).isoformat(), "end_reason": "returned_home"},
    )
    ok(ended)
    assert [t for t in tasks_of(case, "tilsyn") if t["status"] == "open"] == []

    report = ok(
        send_report(
            case.tenant.contact, case.placement["id"], visit_date=day(-55), received_on=day(-1)
        ),
        201,
    )

    assert report["task_id"] is None
    assert tasks_of(case, "tilsyn", "gjennomgang_tilsynsrapport") == []
