"""A child's access log and privacy export, and the retention list: read-only, and audited."""

from __future__ import annotations

import csv
import io
from typing import Any

from app.principal import DEFAULT_SCOPES, Role
from tests.helpers import Api, Case, make_case, ok, problem, token
from tests.test_tenancy import VISIT_ANSWERS, document_of, visit_task


def entries(case: Case, **params: Any) -> list[dict[str, Any]]:
    page = ok(
        case.tenant.leader.get(
            "/v1/audit-events", params={"child_id": case.child["id"], "limit": 100, **params}
        )
    )
    return list(page["items"])


class TestAChildsAccessLog:
    def test_lists_who_read_the_child_and_is_itself_recorded(self, api: Api) -> None:
        case = make_case(api)
        ok(case.tenant.contact.get(f"/v1/placements/{case.placement['id']}"))
        log = ok(case.tenant.leader.get(f"/v1/children/{case.child['id']}/access-log"))
        operations = [e["operation"] for e in log["items"]]
        assert operations[0] == "getPlacement"  # newest first
        assert {"createChild", "createPlacement"} <= set(operations)
        assert {e["child_id"] for e in log["items"]} == {case.child["id"]}
        recorded = [e for e in entries(case) if e["operation"] == "getChildAccessLog"]
        assert [(e["action"], e["detail"]) for e in recorded] == [("read", "access-log")]

    def test_as_csv_the_whole_history_oldest_first(self, api: Api) -> None:
        case = make_case(api)
        ok(case.tenant.leader.get(f"/v1/children/{case.child['id']}"))
        response = case.tenant.leader.get(
            f"/v1/children/{case.child['id']}/access-log", headers={"Accept": "text/csv"}
        )
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert rows[0]["operation"] == "createChild"
        assert rows[-1]["operation"] == "getChild"
        assert rows[-1]["actor_role"] == "leader"
        assert {r["child_id"] for r in rows} == {case.child["id"]}
        recorded = [e for e in entries(case) if e["operation"] == "getChildAccessLog"]
        assert [(e["action"], e["detail"]) for e in recorded] == [("export", "access-log-csv")]

    def test_a_contact_person_gets_403_even_for_their_own_case(self, api: Api) -> None:
        case = make_case(api)
        scopes = sorted({str(s) for s in DEFAULT_SCOPES[Role.CONTACT_PERSON]} | {"audit:read"})
        contact = api.caller(
            token(
                Role.CONTACT_PERSON,
                services=[case.tenant.service_id],
                staff=case.tenant.contact_id,
                scopes=scopes,
            )
        )
        problem(contact.get(f"/v1/children/{case.child['id']}/access-log"), 403, "forbidden")
        refused = [e for e in entries(case, outcome="refused")]
        assert [(e["operation"], e["detail"]) for e in refused] == [
            ("getChildAccessLog", "forbidden")
        ]


class TestThePrivacyExport:
    def test_contains_everything_about_the_child_and_is_recorded_as_export(self, api: Api) -> None:
        case = make_case(api)
        task_id = visit_task(case)
        ok(
            case.tenant.integration.post(
                f"/v1/tasks/{task_id}/complete", json={"answers": VISIT_ANSWERS}
            )
        )
        document_id = document_of(case)
        other = make_case(api, case.tenant)  # another child of the same service
        export = ok(case.tenant.leader.get(f"/v1/children/{case.child['id']}/export"))

        assert export["child"]["id"] == case.child["id"]
        assert export["child"]["given_name"] == case.child["given_name"]
        assert [p["id"] for p in export["placements"]] == [case.placement["id"]]
        assert [h["id"] for h in export["foster_homes"]] == [case.foster_home["id"]]
        assert export["workflows"]
        assert {w["placement_id"] for w in export["workflows"]} == {case.placement["id"]}
        done = next(t for t in export["tasks"] if t["id"] == task_id)
        assert done["answers"] == VISIT_ANSWERS
        assert any(c["task_id"] == task_id for c in export["task_changes"])
        document = next(d for d in export["documents"] if d["id"] == document_id)
        assert document["download"] == f"/v1/documents/{document_id}/content"
        assert {e["placement_id"] for e in export["events"]} == {case.placement["id"]}
        assert "placement.created" in {e["type"] for e in export["events"]}
        assert {e["child_id"] for e in export["access_log"]} == {case.child["id"]}
        assert "completeTask" in {e["operation"] for e in export["access_log"]}
        # Nothing of the other child.
        assert other.child["id"] not in str(export)
        assert other.placement["id"] not in str(export)

        recorded = [e for e in entries(case) if e["operation"] == "exportChild"]
        assert [(e["action"], e["resource_id"], e["outcome"]) for e in recorded] == [
            ("export", case.child["id"], "success")
        ]

    def test_needs_children_export_which_only_leaders_have(self, api: Api) -> None:
        case = make_case(api)
        url = f"/v1/children/{case.child['id']}/export"
        problem(case.tenant.integration.get(url), 403, "forbidden")
        problem(case.tenant.contact.get(url), 403, "forbidden")
        refused = [e for e in entries(case, outcome="refused") if e["operation"] == "exportChild"]
        assert sorted(e["actor_role"] for e in refused) == ["contact_person", "integration"]
        assert {e["action"] for e in refused} == {"export"}


class TestRetention:
    def test_lists_placements_ended_longer_ago_than_the_retention_period(self, api: Api) -> None:
        old = make_case(
            api,
            start_date="2016-01-04",
            end_date="2018-06-30",
            end_reason="returned_home",
            agreement_end_date="2018-06-30",
        )
        current = make_case(api, old.tenant)
        recent = make_case(
            api,
            old.tenant,
            start_date="2025-01-06",
            end_date="2025-06-30",
            end_reason="returned_home",
            agreement_end_date="2025-06-30",
        )
        listed = ok(old.tenant.leader.get("/v1/retention/placements"))
        ids = [p["id"] for p in listed["items"]]
        assert ids == [old.placement["id"]]
        assert current.placement["id"] not in ids
        assert recent.placement["id"] not in ids
        # An integration archives them; nothing is deleted.
        assert ids == [
            p["id"] for p in ok(old.tenant.integration.get("/v1/retention/placements"))["items"]
        ]
        ok(old.tenant.leader.get(f"/v1/placements/{old.placement['id']}"))
        listing = [e for e in entries(old) if e["operation"] == "listPlacementsPastRetention"]
        assert len(listing) == 2
        assert {e["resource_id"] for e in listing} == {old.placement["id"]}

    def test_another_service_and_a_contact_person_see_none(self, api: Api) -> None:
        old = make_case(
            api,
            start_date="2016-01-04",
            end_date="2018-06-30",
            end_reason="returned_home",
            agreement_end_date="2018-06-30",
        )
        other = api.tenant()
        assert ok(other.leader.get("/v1/retention/placements"))["items"] == []
        problem(old.tenant.contact.get("/v1/retention/placements"), 403, "forbidden")
        problem(
            old.tenant.leader.get("/v1/retention/placements", params={"order": "x"}),
            422,
            "validation-error",
        )
