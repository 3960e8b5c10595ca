"""Who does the work (issue #19 item 4, review §2.11): a service gives a step to another role, a
foster-home supervisor is assigned to a placement so supervisor steps have an assignee, and an
optional programme (En god start) can start on request instead of with every placement."""

from __future__ import annotations

from typing import Any

from tests.helpers import Api, Tenant, case_started, day, make_case, ok, pointers, problem
from tests.workflows.test_workflows_api import tasks_of, workflows_of


def supervisor(api: Api, tenant: Tenant, name: str = "Vera Veileder") -> str:
    email = name.split()[0].lower() + "@test.example"
    body = {"name": name, "email": email, "role": "supervisor"}
    return str(api.admin.created(f"/v1/staff?service_id={tenant.service_id}", body)["id"])


def step_keys(api: Api, key: str) -> list[str]:
    definition = ok(api.admin.get(f"/v1/workflow-definitions/{key}"))["definition"]
    return [s["key"] for s in definition["steps"]]


def adjust(tenant: Tenant, key: str, body: dict[str, Any]) -> Any:
    return tenant.leader.request("PUT", f"/v1/workflow-adjustments/{key}", json=body)


def give_en_god_start_to_supervisors(api: Api, tenant: Tenant) -> None:
    steps = {k: {"owner": "supervisor"} for k in step_keys(api, "en-god-start")}
    ok(adjust(tenant, "en-god-start", {"steps": steps}))


def patch_placement(tenant: Tenant, placement_id: str, body: dict[str, Any]) -> Any:
    url = f"/v1/placements/{placement_id}"
    etag = tenant.leader.get(url).headers["etag"]
    return tenant.leader.patch(url, json=body, headers={"If-Match": etag})


class TestAStepOwnerIsConfigurablePerService:
    def test_en_god_start_given_to_supervisors_goes_to_the_placements_supervisor(
        self, api: Api
    ) -> None:
        tenant = api.tenant()
        vera = supervisor(api, tenant)
        give_en_god_start_to_supervisors(api, tenant)
        case = make_case(api, tenant, start_date=day(-3).isoformat(), supervisor_id=vera)

        assert case.placement["supervisor_id"] == vera
        sessions = tasks_of(case, "en-god-start")
        assert len(sessions) == 6
        assert {(t["responsible_role"], t["assignee_id"]) for t in sessions} == {
            ("supervisor", vera)
        }
        # The service's other workflows keep their owners.
        visits = tasks_of(case, "oppfolgingsbesok")
        assert {t["assignee_id"] for t in visits} == {tenant.contact_id}

    def test_another_service_keeps_the_contact_person_as_owner(self, api: Api) -> None:
        mine = api.tenant()
        supervisor(api, mine)
        give_en_god_start_to_supervisors(api, mine)
        case = case_started(api, day(-3))  # a service of its own, without the adjustment
        assert {t["responsible_role"] for t in tasks_of(case, "en-god-start")} == {"contact_person"}

    def test_a_legal_workflows_owner_may_change_but_not_its_timing(self, api: Api) -> None:
        tenant = api.tenant()
        supervisor(api, tenant)
        step = step_keys(api, "tilsyn")[0]
        ok(adjust(tenant, "tilsyn", {"steps": {step: {"owner": "supervisor"}}}))
        refused = adjust(tenant, "tilsyn", {"steps": {step: {"offset": "P1M"}}})
        assert problem(refused, 422, "validation-error")["errors"][0]["code"] == "not_adjustable"
        listed = ok(tenant.leader.get("/v1/workflow-adjustments"))["items"]
        assert [a["steps"][step]["owner"] for a in listed] == ["supervisor"]


class TestBadOwnersAreRefusedAndNothingIsSaved:
    def test_an_owner_role_the_service_has_no_staff_for_is_refused(self, api: Api) -> None:
        tenant = api.tenant()  # a leader and a contact person, no supervisor
        step = step_keys(api, "en-god-start")[0]
        response = adjust(tenant, "en-god-start", {"steps": {step: {"owner": "supervisor"}}})
        body = problem(response, 422, "validation-error")
        assert pointers(body) == [f"#/steps/{step}/owner"]
        assert body["errors"][0]["code"] == "no_staff_for_role"
        assert ok(tenant.leader.get("/v1/workflow-adjustments"))["items"] == []

    def test_a_leaders_decision_cannot_be_given_to_another_role(self, api: Api) -> None:
        tenant = api.tenant()
        decision = step_keys(api, "vurderingstrakt")[-1]
        response = adjust(
            tenant, "vurderingstrakt", {"steps": {decision: {"owner": "contact_person"}}}
        )
        body = problem(response, 422, "validation-error")
        assert (pointers(body), body["errors"][0]["code"]) == (
            [f"#/steps/{decision}/owner"],
            "leader_step",
        )

    def test_an_unknown_role_is_refused(self, api: Api) -> None:
        tenant = api.tenant()
        step = step_keys(api, "en-god-start")[0]
        response = adjust(tenant, "en-god-start", {"steps": {step: {"owner": "janitor"}}})
        assert pointers(problem(response, 422, "validation-error")) == [f"#/steps/{step}/owner"]


class TestAFosterHomeSupervisorIsAssignedToAPlacement:
    def test_a_new_supervisor_takes_over_the_open_supervisor_tasks(self, api: Api) -> None:
        tenant = api.tenant()
        vera, per = supervisor(api, tenant), supervisor(api, tenant, "Per Veileder")
        give_en_god_start_to_supervisors(api, tenant)
        case = make_case(api, tenant, start_date=day(-3).isoformat())
        assert {t["assignee_id"] for t in tasks_of(case, "en-god-start")} == {None}

        ok(patch_placement(tenant, case.placement["id"], {"supervisor_id": vera}))
        assert {t["assignee_id"] for t in tasks_of(case, "en-god-start")} == {vera}
        ok(patch_placement(tenant, case.placement["id"], {"supervisor_id": per}))
        assert {t["assignee_id"] for t in tasks_of(case, "en-god-start")} == {per}
        # The contact person's tasks stay theirs.
        assert {t["assignee_id"] for t in tasks_of(case, "oppfolgingsbesok")} == {tenant.contact_id}
        placed = ok(patch_placement(tenant, case.placement["id"], {"supervisor_id": None}))
        assert placed["supervisor_id"] is None
        assert {t["assignee_id"] for t in tasks_of(case, "en-god-start")} == {None}

    def test_the_supervisor_must_be_a_supervisor_of_the_service(self, api: Api) -> None:
        tenant, other = api.tenant(), api.tenant()
        case = make_case(api, tenant, start_date=day(-3).isoformat())
        wrong_role = patch_placement(
            tenant, case.placement["id"], {"supervisor_id": tenant.contact_id}
        )
        body = problem(wrong_role, 422, "validation-error")
        assert (pointers(body), body["errors"][0]["code"]) == (["#/supervisor_id"], "wrong_role")
        elsewhere = patch_placement(
            tenant, case.placement["id"], {"supervisor_id": supervisor(api, other)}
        )
        assert pointers(problem(elsewhere, 422, "unknown-reference")) == ["#/supervisor_id"]
        after = ok(tenant.leader.get(f"/v1/placements/{case.placement['id']}"))
        assert after["supervisor_id"] is None
        assert after["updated_at"] == case.placement["updated_at"]


class TestEnGodStartCanStartOnRequest:
    def test_a_service_that_starts_it_on_request_gets_it_only_when_asked(self, api: Api) -> None:
        tenant = api.tenant()
        ok(adjust(tenant, "en-god-start", {"start": "on_request"}))
        case = make_case(api, tenant, start_date=day(-3).isoformat())
        running = {w["definition_key"] for w in workflows_of(tenant.leader, case.placement["id"])}
        assert "en-god-start" not in running
        assert "omsorgspakken" in running

        started = tenant.contact.post(
            f"/v1/placements/{case.placement['id']}/workflows",
            json={"definition_key": "en-god-start"},
        )
        assert ok(started, 201)["definition_key"] == "en-god-start"
        assert len(tasks_of(case, "en-god-start")) == 6

    def test_a_legal_workflow_cannot_start_on_request(self, api: Api) -> None:
        tenant = api.tenant()
        response = adjust(tenant, "oppfolgingsbesok", {"start": "on_request"})
        body = problem(response, 422, "validation-error")
        assert (pointers(body), body["errors"][0]["code"]) == (["#/start"], "not_optional")
        assert ok(tenant.leader.get("/v1/workflow-adjustments"))["items"] == []
