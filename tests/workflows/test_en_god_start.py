"""En god start is for new foster parents, and it is the contact person's (issue #19 item 4,
review §2.11): it starts for an ordinary or kinship home's first placement, not for an emergency
home or an experienced one, and each session is assigned to the case's contact person."""

from __future__ import annotations

from tests.helpers import (
    Api,
    Tenant,
    case_started,
    child_body,
    day,
    foster_home_body,
    ok,
    placement_body,
)
from tests.workflows.test_workflows_api import tasks_of, workflows_of


def started(tenant: Tenant, placement_id: str) -> set[str]:
    return {w["definition_key"] for w in workflows_of(tenant.leader, placement_id)}


def test_a_new_ordinary_home_gets_en_god_start_with_the_contact_person_on_each_session(
    api: Api,
) -> None:
    case = case_started(api, day(-3))
    assert "en-god-start" in started(case.tenant, case.placement["id"])
    sessions = tasks_of(case, "en-god-start")
    assert len(sessions) == 6
    assert {(t["responsible_role"], t["assignee_id"]) for t in sessions} == {
        ("contact_person", case.tenant.contact_id)
    }


def test_an_emergency_home_gets_no_en_god_start(api: Api) -> None:
    tenant = api.tenant()
    child = tenant.integration.created("/v1/children", child_body())
    home = tenant.integration.created("/v1/foster-homes", foster_home_body(kind="emergency"))
    body = placement_body(
        tenant, child_id=child["id"], foster_home_id=home["id"], start_date=day(-3).isoformat()
    )
    placement = tenant.integration.created("/v1/placements", body)
    running = started(tenant, placement["id"])
    assert "en-god-start" not in running
    assert "omsorgspakken" in running


def test_an_experienced_home_gets_no_en_god_start_with_its_next_child(api: Api) -> None:
    first = case_started(api, day(-20))
    tenant = first.tenant
    child = tenant.integration.created("/v1/children", child_body())
    body = placement_body(
        tenant,
        child_id=child["id"],
        foster_home_id=first.foster_home["id"],
        start_date=day(-3).isoformat(),
    )
    second = tenant.integration.created("/v1/placements", body)
    assert "en-god-start" not in started(tenant, second["id"])
    assert ok(tenant.leader.get(f"/v1/placements/{second['id']}"))["id"] == second["id"]
