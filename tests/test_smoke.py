from tests.helpers import Api, make_case


def test_a_journal_system_registers_a_placement(api: Api) -> None:
    case = make_case(api)
    response = case.tenant.integration.get(f"/v1/placements/{case.placement['id']}")
    assert response.status_code == 200
    assert response.json()["status"] == "active"
    assert response.json()["child_id"] == case.child["id"]
