"""The audit trail: every read and change of a child's data and every refused attempt, over HTTP."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import httpx
import pytest
from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from app.principal import DEFAULT_SCOPES, Role, Scope
from tests.helpers import Api, Caller, make_case, national_id_for, ok, problem, token
from tests.test_tenancy import VISIT_ANSWERS, add_contact_person, document_of, visit_task


def audit(caller: Caller, **params: Any) -> list[dict[str, Any]]:
    """Every entry the caller can find with these filters (all pages), newest first."""
    items: list[dict[str, Any]] = []
    query: dict[str, Any] = {"limit": 100, **params}
    while True:
        page = ok(caller.get("/v1/audit-events", params=query))
        items.extend(page["items"])
        if not page["has_more"]:
            return items
        query["cursor"] = page["next_cursor"]


def by_operation(entries: list[dict[str, Any]], operation: str) -> list[dict[str, Any]]:
    return [e for e in entries if e["operation"] == operation]


class TestAReadIsRecordedWithWhoForWhomAndWhichChild:
    def test_a_leaders_read_of_a_placement_appears_in_the_childs_history(self, api: Api) -> None:
        case = make_case(api)
        leader = api.caller(token(Role.LEADER, services=[case.tenant.service_id], subject="lise"))
        response = leader.get(
            f"/v1/placements/{case.placement['id']}",
            headers={"X-Request-ID": "req-audit-1", "X-On-Behalf-Of": "FLYT\\lise.leder"},
        )
        ok(response)
        entries = by_operation(audit(leader, child_id=case.child["id"]), "getPlacement")
        assert len(entries) == 1
        entry = entries[0]
        assert entry["action"] == "read"
        assert entry["outcome"] == "success"
        assert entry["resource_type"] == "placement"
        assert entry["resource_id"] == case.placement["id"]
        assert entry["child_id"] == case.child["id"]
        assert entry["service_id"] == case.tenant.service_id
        assert entry["actor_subject"] == "lise"
        assert entry["actor_role"] == "leader"
        assert entry["actor_service_ids"] == [case.tenant.service_id]
        assert entry["request_id"] == "req-audit-1"
        assert entry["on_behalf_of"] == "FLYT\\lise.leder"

    def test_a_contact_persons_read_names_their_staff_id(self, api: Api) -> None:
        case = make_case(api)
        ok(case.tenant.contact.get(f"/v1/children/{case.child['id']}"))
        entries = audit(case.tenant.leader, staff_id=case.tenant.contact_id)
        assert [(e["operation"], e["child_id"]) for e in entries] == [
            ("getChild", case.child["id"])
        ]
        assert entries[0]["actor_role"] == "contact_person"
        assert entries[0]["on_behalf_of"] is None

    def test_a_contact_persons_read_of_a_placement_names_their_staff_id(self, api: Api) -> None:
        # On PostgreSQL the read and its entry are one statement: every column must arrive.
        case = make_case(api)
        ok(case.tenant.contact.get(f"/v1/placements/{case.placement['id']}"))
        [entry] = audit(case.tenant.leader, staff_id=case.tenant.contact_id)
        assert (entry["operation"], entry["action"], entry["outcome"]) == (
            "getPlacement",
            "read",
            "success",
        )
        assert (entry["resource_id"], entry["child_id"], entry["service_id"]) == (
            case.placement["id"],
            case.child["id"],
            case.tenant.service_id,
        )
        assert entry["actor_role"] == "contact_person"
        assert entry["actor_service_ids"] == [case.tenant.service_id]
        assert entry["request_id"]

    def test_reads_of_a_foster_home_a_task_its_history_and_a_download_are_recorded(
        self, api: Api
    ) -> None:
        case = make_case(api)
        task_id = visit_task(case)
        document_id = document_of(case)
        leader = case.tenant.leader
        ok(leader.get(f"/v1/foster-homes/{case.foster_home['id']}"))
        ok(leader.get(f"/v1/tasks/{task_id}"))
        ok(leader.get(f"/v1/tasks/{task_id}/changes"))
        download = leader.get(f"/v1/documents/{document_id}/content")
        assert download.status_code == 200
        entries = audit(leader, subject="dev-leader")
        seen = {(e["operation"], e["resource_id"]): e for e in entries}
        home = seen[("getFosterHome", case.foster_home["id"])]
        assert home["child_id"] is None  # a foster home is not one child's data
        for operation, resource_id in (
            ("getTask", task_id),
            ("listTaskChanges", task_id),
            ("getDocumentContent", document_id),
        ):
            entry = seen[(operation, resource_id)]
            assert entry["child_id"] == case.child["id"], operation
            assert entry["service_id"] == case.tenant.service_id
        assert seen[("getDocumentContent", document_id)]["action"] == "download"
        assert seen[("getDocumentContent", document_id)]["detail"] == "docx,stored"

    def test_a_list_records_one_entry_per_child_shown(self, api: Api) -> None:
        first = make_case(api)
        second = make_case(api, first.tenant)
        leader = first.tenant.leader
        shown = ok(leader.get("/v1/placements"))["items"]
        assert len(shown) == 2
        entries = by_operation(audit(leader, action="list"), "listPlacements")
        assert sorted((e["resource_id"], e["child_id"]) for e in entries) == sorted(
            (c.placement["id"], c.child["id"]) for c in (first, second)
        )
        tasks = ok(leader.get("/v1/tasks", params={"placement_id": first.placement["id"]}))
        listed = by_operation(audit(leader, action="list"), "listTasks")
        assert len(listed) == len(tasks["items"]) > 0
        assert {e["child_id"] for e in listed} == {first.child["id"]}

    def test_entries_hold_ids_never_names_or_national_ids(self, api: Api) -> None:
        case = make_case(api)
        leader = case.tenant.leader
        national_id = national_id_for(date(2015, 10, 15))
        child = ok(
            leader.patch(
                f"/v1/children/{case.child['id']}",
                json={"given_name": "Ingrid", "national_id": national_id},
                headers={"If-Match": "*"},
            )
        )
        ok(leader.get(f"/v1/children/{child['id']}"))
        raw = leader.get("/v1/audit-events", params={"child_id": child["id"]}).text
        assert child["id"] in raw
        for personal in (national_id, "Ingrid", "Eksempel", "Familien Fjord", "Kari Kontakt"):
            assert personal not in raw


class TestRefusedAttemptsAreRecordedForTheOwner:
    def test_a_caller_from_another_service_is_recorded_as_refused(self, api: Api) -> None:
        case = make_case(api)
        other = api.tenant()
        problem(
            other.leader.get(
                f"/v1/placements/{case.placement['id']}", headers={"X-Request-ID": "probe-1"}
            ),
            404,
            "not-found",
        )
        refused = audit(case.tenant.leader, outcome="refused", child_id=case.child["id"])
        assert len(refused) == 1
        entry = refused[0]
        assert entry["service_id"] == case.tenant.service_id  # the owner sees it
        assert entry["actor_service_ids"] == [other.service_id]
        assert entry["resource_type"] == "placement"
        assert entry["resource_id"] == case.placement["id"]
        assert entry["action"] == "read"
        assert entry["detail"] == "not-found"
        assert entry["request_id"] == "probe-1"
        # The other service's leader learns nothing about the row from its own trail.
        assert audit(other.leader, child_id=case.child["id"]) == []

    def test_a_contact_person_not_on_the_case_is_recorded_as_refused(self, api: Api) -> None:
        case = make_case(api)
        staff_id, bystander = add_contact_person(api, case.tenant)
        problem(bystander.get(f"/v1/children/{case.child['id']}"), 404, "not-found")
        task_id = visit_task(case)
        problem(bystander.get(f"/v1/tasks/{task_id}"), 404, "not-found")
        refused = audit(case.tenant.leader, outcome="refused", staff_id=staff_id)
        assert sorted((e["resource_type"], e["child_id"]) for e in refused) == [
            ("child", case.child["id"]),
            ("task", case.child["id"]),
        ]

    def test_a_token_without_the_scope_is_recorded_as_refused_with_forbidden(
        self, api: Api
    ) -> None:
        case = make_case(api)
        scopes = sorted(str(s) for s in DEFAULT_SCOPES[Role.LEADER] - {Scope.PLACEMENTS_READ})
        caller = api.caller(
            token(Role.LEADER, services=[case.tenant.service_id], scopes=scopes, subject="narrow")
        )
        problem(caller.get(f"/v1/placements/{case.placement['id']}"), 403, "forbidden")
        problem(caller.get("/v1/placements"), 403, "forbidden")
        refused = audit(case.tenant.leader, subject="narrow")
        assert sorted((e["action"], e["resource_id"] or "", e["detail"]) for e in refused) == [
            ("list", "", "forbidden"),
            ("read", case.placement["id"], "forbidden"),
        ]
        assert all(e["outcome"] == "refused" for e in refused)

    def test_an_id_that_does_not_exist_is_recorded_for_the_callers_own_service(
        self, api: Api
    ) -> None:
        tenant = api.tenant()
        missing = str(uuid.uuid4())
        problem(tenant.integration.get(f"/v1/documents/{missing}"), 404, "not-found")
        entries = audit(tenant.leader, resource_id=missing)
        assert [(e["outcome"], e["service_id"], e["child_id"]) for e in entries] == [
            ("refused", tenant.service_id, None)
        ]


class TestAWriteAndItsEntryCommitTogether:
    def test_a_change_is_recorded_once_with_the_child(self, api: Api) -> None:
        case = make_case(api)
        task_id = visit_task(case)
        leader = case.tenant.leader
        ok(
            leader.patch(
                f"/v1/placements/{case.placement['id']}",
                json={"legal_basis": "voluntary"},
                headers={"If-Match": "*"},
            )
        )
        ok(leader.post(f"/v1/tasks/{task_id}/complete", json={"answers": VISIT_ANSWERS}))
        updates = audit(leader, action="update", child_id=case.child["id"])
        assert sorted((e["operation"], e["resource_id"]) for e in updates) == [
            ("completeTask", task_id),
            ("updatePlacement", case.placement["id"]),
        ]
        created = audit(case.tenant.leader, action="create", child_id=case.child["id"])
        assert {e["operation"] for e in created} == {"createChild", "createPlacement"}

    def test_a_failing_write_leaves_no_success_entry_and_no_change(self, api: Api) -> None:
        case = make_case(api)
        leader = case.tenant.leader
        stale = leader.patch(
            f"/v1/placements/{case.placement['id']}",
            json={"legal_basis": "voluntary"},
            headers={"If-Match": '"stale"'},
        )
        problem(stale, 412, "precondition-failed")
        assert audit(leader, action="update", child_id=case.child["id"]) == []
        # A refused write rolls back its work and leaves only the refused entry.
        task_id = visit_task(case)
        ok(leader.post(f"/v1/tasks/{task_id}/complete", json={"answers": VISIT_ANSWERS}))
        refused = case.tenant.contact.post(f"/v1/tasks/{task_id}/reopen")
        problem(refused, 403, "forbidden")
        entries = [
            e for e in audit(leader, child_id=case.child["id"]) if e["operation"] == "reopenTask"
        ]
        assert [(e["outcome"], e["actor_role"]) for e in entries] == [("refused", "contact_person")]
        assert ok(leader.get(f"/v1/tasks/{task_id}"))["status"] == "completed"


class TestSearchingTheTrail:
    def test_pages_newest_first_or_oldest_first_with_a_cursor(self, api: Api) -> None:
        case = make_case(api)
        leader = case.tenant.leader
        for _ in range(3):
            ok(leader.get(f"/v1/placements/{case.placement['id']}"))
        filters = {"child_id": case.child["id"], "resource_type": "placement", "action": "read"}
        first = ok(leader.get("/v1/audit-events", params={**filters, "limit": 2}))
        assert first["has_more"] is True
        second = ok(
            leader.get(
                "/v1/audit-events", params={**filters, "limit": 2, "cursor": first["next_cursor"]}
            )
        )
        newest = [e["id"] for e in first["items"] + second["items"]]
        assert len(newest) == 3
        assert newest == sorted(newest, reverse=True)
        oldest = [e["id"] for e in audit(leader, **filters, order="oldest")]
        assert oldest == sorted(newest)
        # A cursor is tied to its order.
        mixed = leader.get(
            "/v1/audit-events",
            params={**filters, "order": "oldest", "cursor": first["next_cursor"]},
        )
        problem(mixed, 400, "invalid-cursor")

    def test_filters_by_time_window(self, api: Api) -> None:
        case = make_case(api)
        leader = case.tenant.leader
        ok(leader.get(f"/v1/children/{case.child['id']}"))
        everything = audit(leader, child_id=case.child["id"])
        newest = everything[0]
        window = audit(leader, child_id=case.child["id"], **{"from": newest["occurred_at"]})
        assert newest in window
        assert all(e["occurred_at"] >= newest["occurred_at"] for e in window)
        assert audit(leader, child_id=case.child["id"], to=newest["occurred_at"]) == [
            e for e in everything if e["occurred_at"] < newest["occurred_at"]
        ]
        assert audit(leader, child_id=case.child["id"], **{"from": "2199-01-01T00:00:00Z"}) == []

    def test_searching_is_itself_recorded(self, api: Api) -> None:
        case = make_case(api)
        audit(case.tenant.leader, child_id=case.child["id"])
        searches = audit(case.tenant.leader, resource_type="audit_event")
        assert [(e["action"], e["child_id"]) for e in searches][-1] == ("list", case.child["id"])

    def test_only_leaders_read_the_trail_by_default(self, api: Api) -> None:
        case = make_case(api)
        problem(case.tenant.contact.get("/v1/audit-events"), 403, "forbidden")
        problem(case.tenant.integration.get("/v1/audit-events"), 403, "forbidden")
        # Even with the scope granted, a contact person is not the one who oversees.
        scopes = sorted({str(s) for s in DEFAULT_SCOPES[Role.CONTACT_PERSON]} | {"audit:read"})
        contact = api.caller(
            token(
                Role.CONTACT_PERSON,
                services=[case.tenant.service_id],
                staff=case.tenant.contact_id,
                scopes=scopes,
            )
        )
        problem(contact.get("/v1/audit-events"), 403, "forbidden")

    def test_another_services_id_gives_an_empty_list(self, api: Api) -> None:
        case = make_case(api)
        other = api.tenant()
        ok(case.tenant.leader.get(f"/v1/children/{case.child['id']}"))
        assert audit(other.leader, service_id=case.tenant.service_id) == []

    @pytest.mark.parametrize(
        ("params", "parameter"),
        [({"action": "peek"}, "action"), ({"colour": "red"}, "colour")],
    )
    def test_unknown_filters_and_values_are_rejected(
        self, api: Api, params: dict[str, str], parameter: str
    ) -> None:
        tenant = api.tenant()
        body = problem(
            tenant.leader.get("/v1/audit-events", params=params), 422, "validation-error"
        )
        assert [e["parameter"] for e in body["errors"]] == [parameter]

    @pytest.mark.parametrize("value", ["x" * 129, "bjørn", ""])
    def test_an_invalid_on_behalf_of_is_rejected(self, api: Api, value: str) -> None:
        case = make_case(api)
        response = case.tenant.leader.get(
            f"/v1/placements/{case.placement['id']}",
            headers={"X-On-Behalf-Of": value.encode()},  # type: ignore[dict-item]
        )
        body = problem(response, 422, "validation-error")
        assert [e["parameter"] for e in body["errors"]] == ["X-On-Behalf-Of"]


class TestTheTrailIsAppendOnly:
    def test_there_is_no_api_to_change_or_delete_an_entry(
        self, http: httpx.Client, api: Api
    ) -> None:
        tenant = api.tenant()
        assert tenant.leader.request("DELETE", "/v1/audit-events").status_code == 405
        assert tenant.leader.request("PATCH", "/v1/audit-events").status_code == 405
        assert tenant.leader.request("DELETE", "/v1/audit-events/1").status_code == 404

    def test_the_database_refuses_update_and_delete(self, api: Api, connection: Connection) -> None:
        case = make_case(api)
        ok(case.tenant.leader.get(f"/v1/children/{case.child['id']}"))
        before = audit(case.tenant.leader, child_id=case.child["id"])[0]
        row_id = before["id"]
        for statement in (
            "UPDATE audit_events SET outcome = 'success', child_id = NULL WHERE id = :id",
            "DELETE FROM audit_events WHERE id = :id",
        ):
            with pytest.raises(DBAPIError, match="append-only"), connection.begin_nested():
                connection.execute(text(statement), {"id": row_id})
        after = {e["id"]: e for e in audit(case.tenant.leader, child_id=case.child["id"])}
        assert after[row_id] == before

    def test_the_database_refuses_truncate(self, connection: Connection) -> None:
        if connection.dialect.name != "postgresql":
            pytest.skip("PostgreSQL only: SQLite has no TRUNCATE (its DELETE trigger covers it)")
        with pytest.raises(DBAPIError, match="append-only"), connection.begin_nested():
            connection.execute(text("TRUNCATE audit_events"))
