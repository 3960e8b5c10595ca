"""Parents for the people tests."""

from __future__ import annotations

from typing import Any

from tests.helpers import Caller, Case


def parent_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "Kari Nordmann",
        "relation": "mother",
        "phone": "+47 912 34 567",
        "email": "kari.nordmann@test.example",
        "address": {
            "street_address": "Bekkeveien 3",
            "postal_code": "5003",
            "postal_place": "Bergen",
        },
        "parental_responsibility": True,
    }
    body.update(overrides)
    return body


def add_parent(case: Case, caller: Caller | None = None, **overrides: Any) -> dict[str, Any]:
    caller = caller or case.tenant.integration
    return caller.created(f"/v1/children/{case.child['id']}/parents", parent_body(**overrides))


def father(**overrides: Any) -> dict[str, Any]:
    return {
        "name": "Ola Nordmann",
        "relation": "father",
        "address": {
            "street_address": "Fjellgata 12",
            "postal_code": "5007",
            "postal_place": "Bergen",
        },
        "parental_responsibility": True,
        **overrides,
    }
