"""Mass assignment is closed: fields the server sets are refused in create and update bodies."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.helpers import Api, child_body, foster_home_body, make_case, placement_body

SERVER_SET: dict[str, Any] = {
    "id": str(uuid.uuid4()),
    "service_id": str(uuid.uuid4()),
    "status": "ended",
    "created_at": "2020-01-01T00:00:00Z",
    "updated_at": "2020-01-01T00:00:00Z",
    "version": 7,
}


@pytest.mark.parametrize("field", sorted(SERVER_SET))
def test_server_set_fields_are_refused_on_create(api: Api, field: str) -> None:
    case = make_case(api)
    integration = case.tenant.integration
    bodies = {
        "/v1/children": child_body(),
        "/v1/foster-homes": foster_home_body(),
        "/v1/placements": placement_body(
            case.tenant,
            child_id=integration.created("/v1/children", child_body())["id"],
            foster_home_id=case.foster_home["id"],
            start_date="2030-01-01",
        ),
        "/v1/staff": {"name": "Ny", "email": f"{uuid.uuid4().hex[:6]}@x.no", "role": "leader"},
        "/v1/webhook-subscriptions": {"url": "https://93.184.215.14/hook"},
        "/v1/api-keys": {"name": "Fagsystem"},
    }
    for path, body in bodies.items():
        caller = case.tenant.leader if path == "/v1/api-keys" else integration
        response = caller.post(path, json={**body, field: SERVER_SET[field]})
        assert response.status_code == 422, (path, response.text)
        assert {"pointer": f"#/{field}", "code": "extra_forbidden"}.items() <= (
            response.json()["errors"][0].items()
        ), path


@pytest.mark.parametrize("field", sorted(SERVER_SET))
def test_server_set_fields_are_refused_on_update(api: Api, field: str) -> None:
    case = make_case(api)
    integration = case.tenant.integration
    hook = integration.created("/v1/webhook-subscriptions", {"url": "https://93.184.215.14/h"})[
        "resource"
    ]
    for path in (
        f"/v1/children/{case.child['id']}",
        f"/v1/foster-homes/{case.foster_home['id']}",
        f"/v1/placements/{case.placement['id']}",
        f"/v1/staff/{case.tenant.contact_id}",
        f"/v1/webhook-subscriptions/{hook['id']}",
    ):
        before = integration.get(path)
        response = integration.patch(
            path, json={field: SERVER_SET[field]}, headers={"If-Match": before.headers["etag"]}
        )
        assert response.status_code == 422, (path, response.text)
        assert response.json()["errors"][0]["pointer"] == f"#/{field}"
        assert integration.get(path).json() == before.json()
