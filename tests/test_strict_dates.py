"""Dates and times are read only as the contract writes them (issue #18 item 4): ``YYYY-MM-DD``
for a date and ISO 8601 with a time zone for a time. pydantic alone stored ``"birth_date": 0``
as 1970-01-01 and took a date with a time where the contract says date."""

from __future__ import annotations

import types
import typing
from datetime import date, datetime
from typing import Any

import pytest
from fastapi import FastAPI
from pydantic import BaseModel, BeforeValidator

from app.config import Settings
from app.main import create_app
from app.schemas import iso_date_only, iso_datetime_only
from tests.helpers import Api, child_body, foster_home_body, placement_body
from tests.test_tenancy import _api_routes

STRICT = {date: iso_date_only, datetime: iso_datetime_only}


def _pointers_and_codes(body: dict[str, Any]) -> list[tuple[str, str]]:
    return [(e["pointer"], e["code"]) for e in body["errors"]]


class TestOverHttp:
    @pytest.mark.parametrize("sent", [0, "0", "2015-10-15T00:00:00", "2015-10-15T00:00:00Z"])
    def test_a_birth_date_not_written_yyyy_mm_dd_is_refused_at_its_field(
        self, api: Api, sent: object
    ) -> None:
        tenant = api.tenant()
        response = tenant.integration.post("/v1/children", json=child_body(birth_date=sent))
        assert response.status_code == 422, response.text
        assert _pointers_and_codes(response.json()) == [("#/birth_date", "date_format")]
        listed = tenant.integration.get("/v1/children").json()["items"]
        assert listed == []

    def test_a_placement_date_with_a_time_is_refused_at_its_field(self, api: Api) -> None:
        tenant = api.tenant()
        child = tenant.integration.created("/v1/children", child_body())
        home = tenant.integration.created("/v1/foster-homes", foster_home_body())
        body = placement_body(tenant, child_id=child["id"], foster_home_id=home["id"])
        body["start_date"] = body["start_date"] + "T00:00:00"
        response = tenant.integration.post("/v1/placements", json=body)
        assert response.status_code == 422, response.text
        assert _pointers_and_codes(response.json()) == [("#/start_date", "date_format")]

    def test_a_time_in_a_query_written_as_a_number_is_refused(self, api: Api) -> None:
        tenant = api.tenant()
        response = tenant.integration.get("/v1/children", params={"updated_since": "0"})
        assert response.status_code == 422, response.text
        errors = response.json()["errors"]
        assert [(e["parameter"], e["location"], e["code"]) for e in errors] == [
            ("updated_since", "query", "datetime_format")
        ]


def _lenient(annotation: Any, checks: frozenset[Any] = frozenset()) -> bool:
    """Whether the annotation admits a date or datetime without the strict validator in front
    of it (in a union's or a list's members too; ``checks``: the validators on the way)."""
    if typing.get_origin(annotation) is typing.Annotated:
        inner, *metadata = typing.get_args(annotation)
        found = {m.func for m in metadata if isinstance(m, BeforeValidator)}
        return _lenient(inner, checks | found)
    if annotation in STRICT:
        return STRICT[annotation] not in checks
    return any(_lenient(arg, checks) for arg in typing.get_args(annotation))


def _field_lenient(annotation: Any, metadata: list[Any]) -> bool:
    return _lenient(
        annotation, frozenset(m.func for m in metadata if isinstance(m, BeforeValidator))
    )


def _models(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    origin = typing.get_origin(annotation)
    if origin is typing.Union or origin is types.UnionType or origin in (list, dict, tuple):
        return [m for arg in typing.get_args(annotation) for m in _models(arg)]
    return []


def _loose_fields(model: type[BaseModel], seen: set[type]) -> list[str]:
    if model in seen:
        return []
    seen.add(model)
    loose: list[str] = []
    for name, field in model.model_fields.items():
        if _field_lenient(field.annotation, field.metadata):
            loose.append(f"{model.__name__}.{name}")
        for inner in _models(field.annotation):
            loose += _loose_fields(inner, seen)
    return loose


def _dependants(dependant: Any) -> list[Any]:
    return [dependant, *(d for sub in dependant.dependencies for d in _dependants(sub))]


def test_every_date_a_client_sends_is_read_strictly() -> None:
    """Every date or time in a request body or query uses CaseDate, BirthDate or Instant (or
    the validators under them), so a new field cannot bring the leniency back."""
    app: FastAPI = create_app(Settings(database_url="sqlite://"))
    loose: list[str] = []
    seen: set[type] = set()
    for path, route in _api_routes(app):
        for dependant in _dependants(route.dependant):
            for param in dependant.body_params:
                for model in _models(param.field_info.annotation):
                    loose += _loose_fields(model, seen)
            for param in dependant.query_params:
                info = param.field_info
                if _field_lenient(info.annotation, info.metadata):
                    loose.append(f"{path} ?{param.name}")
    assert sorted(set(loose)) == []
