"""The supervisor's page: their foster homes and placements, and the tasks assigned to them."""

from __future__ import annotations

from typing import Any

from tests.helpers import Api, Tenant, make_case
from tests.web.conftest import WebClient

SIV = "siv@test.example"


def add_supervisor(api: Api, tenant: Tenant, name: str, email: str) -> str:
    staff = api.admin.created(
        f"/v1/staff?service_id={tenant.service_id}",
        {"name": name, "email": email, "role": "supervisor"},
    )
    return str(staff["id"])


def first_open_task(tenant: Tenant, placement_id: str) -> dict[str, Any]:
    response = tenant.integration.get(
        "/v1/tasks", params={"placement_id": placement_id, "status": "open", "limit": 100}
    )
    assert response.status_code == 200, response.text
    return dict(response.json()["items"][0])


def test_a_supervisor_sees_their_foster_homes_placements_and_tasks(
    api: Api, web: WebClient
) -> None:
    tenant = api.tenant()
    siv = add_supervisor(api, tenant, "Siv Veileder", SIV)
    case = make_case(api, tenant, supervisor_id=siv)
    other = make_case(api, tenant)  # supervised by nobody: not on Siv's page
    task = first_open_task(tenant, case.placement["id"])
    moved = tenant.leader.patch(
        f"/v1/tasks/{task['id']}", json={"assignee_id": siv}, headers={"If-Match": "*"}
    )
    assert moved.status_code == 200, moved.text
    web.login(SIV)
    page = web.get("/app/supervisor")
    assert page.status_code == 200, page.text
    assert "<title>Mine fosterhjem – Fosterflyt</title>" in page.text
    assert "Familien Fjord" in page.text
    assert "Emma Eksempel" in page.text
    assert f'data-placement="{case.placement["id"]}"' in page.text
    assert f'data-placement="{other.placement["id"]}"' not in page.text
    assert "/app/placements/" not in page.text  # the whole case is not the supervisor's
    assert f'href="/app/tasks/{task["id"]}"' in page.text
    assert 'href="/app/supervisor" aria-current="page"' in page.text
    assert web.get("/app/leader").status_code == 404


def test_a_supervisor_of_nothing_sees_an_empty_page_and_others_get_404(
    api: Api, web: WebClient
) -> None:
    tenant = api.tenant()
    add_supervisor(api, tenant, "Sara Annen", "sara@test.example")
    make_case(api, tenant)
    web.login("sara@test.example")
    page = web.get("/app/supervisor")
    assert page.status_code == 200
    assert "Du er ikke fosterhjemsveileder for noen plasseringer nå." in page.text
    assert "Du har ingen åpne oppgaver." in page.text
    leader = WebClient(web.http)
    web.http.cookies.clear()
    leader.login("lise@test.example")
    assert leader.get("/app/supervisor").status_code == 404
