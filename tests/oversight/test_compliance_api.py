"""Compliance per rule (issue #17 item 1), checked against the hand-counted service in
fixture.py: per service, per child, per contact person, per month, and the tasks behind each
figure; and the bad inputs the issue lists."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Connection, func, select

from app.audit.models import AuditEvent
from app.clock import today
from app.principal import Role
from tests.helpers import Api, ok, problem, token
from tests.oversight.fixture import Fixture, build

VISITS = "oppfolgingsbesok.besok"
SUPERVISION = "tilsyn.tilsynsbesok"
COUNTS = ("due", "on_time", "late", "overdue", "skipped", "pending", "on_time_share")


def counts(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in COUNTS}


@pytest.fixture
def service(api: Api, connection: Connection) -> Fixture:
    return build(api, connection)


class TestComplianceForAServiceAndPeriod:
    def test_each_rule_counts_its_tasks_due_in_the_period_as_hand_counted(
        self, service: Fixture
    ) -> None:
        report = ok(
            service.case_a.tenant.leader.get("/v1/oversight/compliance", params=service.params())
        )
        (mine,) = report["services"]
        assert mine["service_id"] == service.service_id
        by_rule = {r["rule"]: counts(r) for r in mine["rules"]}
        # Visits: on time a_on_time and b_last_minute (23:30 Oslo on the due day); late a_late
        # and b_after_midnight (00:30 Oslo the day after); a_before is before the period and
        # a_cancelled is not due at all.
        assert by_rule == {
            VISITS: {
                "due": 7,
                "on_time": 2,
                "late": 2,
                "overdue": 1,
                "skipped": 1,
                "pending": 1,
                "on_time_share": 0.4,
            },
            SUPERVISION: {
                "due": 1,
                "on_time": 0,
                "late": 0,
                "overdue": 1,
                "skipped": 0,
                "pending": 0,
                "on_time_share": 0.0,
            },
        }
        assert counts(mine["total"]) == {
            "due": 8,
            "on_time": 2,
            "late": 2,
            "overdue": 2,
            "skipped": 1,
            "pending": 1,
            "on_time_share": 0.3333,
        }
        assert report["rules"] == mine["rules"]
        assert report["as_of"] == today().isoformat()

    def test_one_rule_alone(self, service: Fixture) -> None:
        report = ok(
            service.case_a.tenant.leader.get(
                "/v1/oversight/compliance", params=service.params(rule=SUPERVISION)
            )
        )
        assert [r["rule"] for r in report["rules"]] == [SUPERVISION]

    def test_a_period_that_leaves_out_the_old_tasks_counts_fewer(self, service: Fixture) -> None:
        params = service.params(start=(today() - timedelta(days=60)).isoformat())
        report = ok(service.case_a.tenant.leader.get("/v1/oversight/compliance", params=params))
        visits = next(r for r in report["rules"] if r["rule"] == VISITS)
        # Left out: a_on_time (-100), a_late (-90), b_after_midnight (-70).
        assert counts(visits) == {
            "due": 4,
            "on_time": 1,
            "late": 0,
            "overdue": 1,
            "skipped": 1,
            "pending": 1,
            "on_time_share": 0.5,
        }

    def test_the_report_is_recorded_as_a_query_of_the_service(
        self, service: Fixture, connection: Connection
    ) -> None:
        ok(service.case_a.tenant.leader.get("/v1/oversight/compliance", params=service.params()))
        entries = connection.scalar(
            select(func.count()).where(
                AuditEvent.resource_type == "oversight",
                AuditEvent.service_id == uuid.UUID(service.service_id),
                AuditEvent.operation == "getCompliance",
            )
        )
        assert entries == 1


class TestComplianceTables:
    def test_per_child_as_hand_counted(self, service: Fixture) -> None:
        page = ok(
            service.case_a.tenant.leader.get(
                "/v1/oversight/compliance/children", params=service.params(rule=VISITS)
            )
        )
        by_child = {r["child_id"]: counts(r) for r in page["items"]}
        assert by_child == {
            service.case_a.child["id"]: {
                "due": 5,
                "on_time": 1,
                "late": 1,
                "overdue": 1,
                "skipped": 1,
                "pending": 1,
                "on_time_share": 0.3333,
            },
            service.case_b.child["id"]: {
                "due": 2,
                "on_time": 1,
                "late": 1,
                "overdue": 0,
                "skipped": 0,
                "pending": 0,
                "on_time_share": 0.5,
            },
        }

    def test_per_child_pages_through_every_child_and_rule(self, service: Fixture) -> None:
        seen: list[tuple[str, str]] = []
        params = service.params(limit=1)
        while True:
            page = ok(
                service.case_a.tenant.leader.get("/v1/oversight/compliance/children", params=params)
            )
            seen += [(r["child_id"], r["rule"]) for r in page["items"]]
            if not page["has_more"]:
                break
            params["cursor"] = page["next_cursor"]
        assert sorted(seen) == sorted(
            [
                (service.case_a.child["id"], SUPERVISION),
                (service.case_a.child["id"], VISITS),
                (service.case_b.child["id"], VISITS),
            ]
        )
        assert len(set(seen)) == 3

    def test_each_child_shown_is_in_its_access_log(
        self, service: Fixture, connection: Connection
    ) -> None:
        ok(
            service.case_a.tenant.leader.get(
                "/v1/oversight/compliance/children", params=service.params()
            )
        )
        children = set(
            connection.scalars(
                select(AuditEvent.child_id).where(AuditEvent.operation == "listComplianceByChild")
            )
        )
        assert children == {
            uuid.UUID(service.case_a.child["id"]),
            uuid.UUID(service.case_b.child["id"]),
        }

    def test_per_contact_person_as_hand_counted(self, service: Fixture) -> None:
        page = ok(
            service.case_a.tenant.leader.get(
                "/v1/oversight/compliance/staff", params=service.params()
            )
        )
        rows = {(r["assignee_id"], r["rule"]): counts(r) for r in page["items"]}
        contact = service.case_a.tenant.contact_id
        assert rows == {
            (contact, VISITS): {
                "due": 5,
                "on_time": 1,
                "late": 1,
                "overdue": 1,
                "skipped": 1,
                "pending": 1,
                "on_time_share": 0.3333,
            },
            (contact, SUPERVISION): {
                "due": 1,
                "on_time": 0,
                "late": 0,
                "overdue": 1,
                "skipped": 0,
                "pending": 0,
                "on_time_share": 0.0,
            },
            (service.other_staff_id, VISITS): {
                "due": 2,
                "on_time": 1,
                "late": 1,
                "overdue": 0,
                "skipped": 0,
                "pending": 0,
                "on_time_share": 0.5,
            },
        }


class TestTheTasksBehindAFigure:
    def test_each_result_lists_exactly_the_tasks_counted_so(self, service: Fixture) -> None:
        leader = service.case_a.tenant.leader
        expected = {
            "on_time": {"a_on_time", "b_last_minute"},
            "late": {"a_late", "b_after_midnight"},
            "overdue": {"a_overdue"},
            "skipped": {"a_skipped"},
            "pending": {"a_pending"},
        }
        for result, names in expected.items():
            page = ok(
                leader.get(
                    "/v1/oversight/compliance/tasks",
                    params=service.params(rule=VISITS, result=result),
                )
            )
            assert {t["id"] for t in page["items"]} == {service.tasks[n] for n in names}, result
            assert {t["result"] for t in page["items"]} == {result}

    def test_a_skipped_task_shows_its_reason(self, service: Fixture) -> None:
        page = ok(
            service.case_a.tenant.leader.get(
                "/v1/oversight/compliance/tasks", params=service.params(result="skipped")
            )
        )
        assert [t["skip_reason"] for t in page["items"]] == ["Barnet var syk."]

    def test_a_childs_and_a_staff_members_tasks(self, service: Fixture) -> None:
        leader = service.case_a.tenant.leader
        child = ok(
            leader.get(
                "/v1/oversight/compliance/tasks",
                params=service.params(child_id=service.case_b.child["id"]),
            )
        )
        assert {t["id"] for t in child["items"]} == {
            service.tasks["b_last_minute"],
            service.tasks["b_after_midnight"],
        }
        staff = ok(
            leader.get(
                "/v1/oversight/compliance/tasks",
                params=service.params(assignee_id=service.other_staff_id),
            )
        )
        assert {t["id"] for t in staff["items"]} == {t["id"] for t in child["items"]}


class TestOnTimeShareByMonth:
    def test_every_month_of_the_period_with_the_share_of_its_tasks(self, service: Fixture) -> None:
        report = ok(
            service.case_a.tenant.leader.get(
                "/v1/oversight/compliance/months",
                params={"service_id": service.service_id, "months": 12, "rule": VISITS},
            )
        )
        (visits,) = report["rules"]
        assert len(visits["months"]) == 12
        assert visits["months"][-1]["month"] == today().strftime("%Y-%m")
        # Twelve calendar months back reach a_before (-300 days, done on its day); the
        # pending one (+30 days) falls after this month.
        total = {k: sum(m[k] for m in visits["months"]) for k in COUNTS[:-1]}
        assert total == {
            "due": 7,
            "on_time": 3,
            "late": 2,
            "overdue": 1,
            "skipped": 1,
            "pending": 0,
        }


class TestBadInput:
    def test_an_end_before_the_start_is_a_422_at_end(self, service: Fixture) -> None:
        params = service.params(start="2026-05-01", end="2026-04-30")
        body = problem(
            service.case_a.tenant.leader.get("/v1/oversight/compliance", params=params),
            422,
            "validation-error",
        )
        assert body["errors"][0]["parameter"] == "end"
        assert body["errors"][0]["code"] == "before_start"

    def test_a_period_over_five_years_is_a_422(self, service: Fixture) -> None:
        params = service.params(start="2020-01-01", end="2025-01-01")
        body = problem(
            service.case_a.tenant.leader.get("/v1/oversight/compliance", params=params),
            422,
            "validation-error",
        )
        assert body["errors"][0]["code"] == "too_long"
        five_years = service.params(start="2020-01-01", end="2024-12-31")
        ok(service.case_a.tenant.leader.get("/v1/oversight/compliance", params=five_years))

    @pytest.mark.parametrize(
        "path",
        ["compliance", "compliance/children", "compliance/staff", "compliance/tasks"],
    )
    def test_an_unknown_rule_is_a_422_at_rule(self, service: Fixture, path: str) -> None:
        params = service.params(rule="oppfolgingsbesok.finnes_ikke")
        body = problem(
            service.case_a.tenant.leader.get(f"/v1/oversight/{path}", params=params),
            422,
            "validation-error",
        )
        assert body["errors"][0]["parameter"] == "rule"
        assert body["errors"][0]["code"] == "unknown_rule"

    def test_a_service_not_granted_is_a_404_like_one_that_does_not_exist(
        self, api: Api, service: Fixture
    ) -> None:
        other = api.tenant()
        for service_id in (service.service_id, str(uuid.uuid4())):
            problem(
                other.leader.get("/v1/oversight/compliance", params={"service_id": service_id}),
                404,
                "not-found",
            )

    def test_a_contact_person_is_refused(self, service: Fixture) -> None:
        scopes = ["oversight:read"]
        contact = service.case_a.tenant.contact
        caller = type(contact)(
            contact.http,
            token(
                Role.CONTACT_PERSON,
                services=[service.service_id],
                staff=service.case_a.tenant.contact_id,
                scopes=scopes,
            ),
        )
        problem(
            caller.get("/v1/oversight/compliance", params={"service_id": service.service_id}),
            403,
            "forbidden",
        )

    def test_a_bad_cursor_is_a_400(self, service: Fixture) -> None:
        problem(
            service.case_a.tenant.leader.get(
                "/v1/oversight/compliance/children", params=service.params(cursor="nope")
            ),
            400,
            "invalid-cursor",
        )


class TestAcrossServices:
    def test_an_admin_sees_every_services_aggregates_but_no_child(
        self, api: Api, service: Fixture
    ) -> None:
        report = ok(
            api.admin.get(
                "/v1/oversight/compliance",
                params={k: v for k, v in service.params().items() if k != "service_id"},
            )
        )
        ours = next(s for s in report["services"] if s["service_id"] == service.service_id)
        assert ours["total"]["due"] == 8
        problem(
            api.admin.get("/v1/oversight/compliance/children", params=service.params()),
            403,
            "forbidden",
        )

    def test_a_leader_without_service_id_sees_their_own_services(
        self, api: Api, service: Fixture
    ) -> None:
        api.tenant()
        params = {k: v for k, v in service.params().items() if k != "service_id"}
        report = ok(service.case_a.tenant.leader.get("/v1/oversight/compliance", params=params))
        assert [s["service_id"] for s in report["services"]] == [service.service_id]


def test_the_rules_are_the_steps_of_the_shipped_definitions(api: Api) -> None:
    tenant = api.tenant()
    page = ok(tenant.leader.get("/v1/oversight/rules"))
    keys = {r["key"] for r in page["items"]}
    assert {VISITS, SUPERVISION, "tilsyn.gjennomgang_tilsynsrapport"} <= keys
    visits = next(r for r in page["items"] if r["key"] == VISITS)
    assert visits["group"] == "visits"
