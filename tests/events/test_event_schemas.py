"""Issue #18 item 3: each event type's ``data`` has a shape in the OpenAPI document.

``EventRead`` (a feed item, and a webhook's body) is a union discriminated by ``type``; each
variant names its data model, declared by the domain beside its event types.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

import app.models  # noqa: F401  (every domain registers its event types with its models)
from app.clock import today
from app.docs.events import event_schema_name
from app.events.service import emit, event_data_models, event_types
from app.placements.models import PlacementEvent
from tests.helpers import Api, make_case, ok, problem


def feed(caller: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    params: dict[str, Any] = {"limit": 100}
    while True:
        page = ok(caller.get("/v1/events", params=params))
        items += page["items"]
        if not page["has_more"]:
            return items
        params["cursor"] = page["next_cursor"]


def validator(document: dict[str, Any], name: str) -> Draft202012Validator:
    """A JSON Schema validator for one component, its references resolved in the document."""
    schema = {"$ref": f"#/components/schemas/{name}", "components": document["components"]}
    return Draft202012Validator(schema, format_checker=FormatChecker())


class TestEveryEventTypeHasItsSchema:
    def test_every_registered_event_type_declares_the_shape_of_its_data(self) -> None:
        missing = [t for t in event_types() if t not in event_data_models()]
        assert missing == [], (
            "Declare an EventData model (app/events/data.py) for each of these types beside "
            "its StrEnum in the domain's models.py, and pass it to register_event_types(..., "
            f"data={{Type.MEMBER: Model}}): {missing}"
        )

    def test_the_feed_item_is_a_union_discriminated_by_type(self, api: Api) -> None:
        document = api.http.get("/openapi.json").json()
        schemas = document["components"]["schemas"]
        union = schemas["EventRead"]
        mapping = union["discriminator"]["mapping"]
        assert union["discriminator"]["propertyName"] == "type"
        assert sorted(mapping) == event_types() == schemas["EventType"]["enum"]
        assert [v["$ref"] for v in union["oneOf"]] == list(mapping.values())
        for kind, ref in mapping.items():
            variant = schemas[ref.rsplit("/", 1)[1]]
            assert ref.endswith("/" + event_schema_name(kind))
            assert variant["properties"]["type"]["const"] == kind
            data = variant["properties"]["data"]["$ref"].rsplit("/", 1)[1]
            assert data == event_data_models()[kind].__name__
            assert schemas[data]["type"] == "object"

    def test_the_webhook_request_is_the_same_union(self, api: Api) -> None:
        document = api.http.get("/openapi.json").json()
        body = document["webhooks"]["event"]["post"]["requestBody"]["content"]
        assert body["application/json"]["schema"] == {"$ref": "#/components/schemas/EventRead"}

    def test_a_payload_that_does_not_match_its_shape_is_refused_before_anything_is_written(
        self,
    ) -> None:
        with pytest.raises(ValueError, match="end_date"):
            emit(
                None,  # type: ignore[arg-type]
                service_id=uuid.uuid4(),
                type=PlacementEvent.ENDED,
                subject_id=uuid.uuid4(),
                data={"end": "2026-01-01"},
            )


class TestRealEventsMatchTheirSchema:
    def test_the_events_of_a_case_validate_against_the_document(self, api: Api) -> None:
        case = make_case(api, start_date=(today() - timedelta(days=3)).isoformat())
        caller = case.tenant.integration
        placement = f"/v1/placements/{case.placement['id']}"
        ok(
            caller.post(
                f"/v1/children/{case.child['id']}/parents",
                json={"name": "Mona Mor", "relation": "mother", "parental_responsibility": True},
            ),
            201,
        )
        tasks = ok(caller.get("/v1/tasks", params={"placement_id": case.placement["id"]}))
        task = tasks["items"][0]
        etag = caller.get(f"/v1/tasks/{task['id']}").headers["etag"]
        moved = (today() + timedelta(days=40)).isoformat()
        ok(
            caller.patch(
                f"/v1/tasks/{task['id']}",
                json={"due_date": moved},
                headers={"If-Match": etag},
            )
        )
        etag = caller.get(placement).headers["etag"]
        ok(
            caller.patch(
                placement,
                json={"agreement_end_date": "2029-06-30"},
                headers={"If-Match": etag},
            )
        )
        ok(
            caller.post(
                f"{placement}/end",
                json={"end_date": today().isoformat(), "end_reason": "returned_home"},
            )
        )

        document = api.http.get("/openapi.json").json()
        union = validator(document, "EventRead")
        events = feed(caller)
        for event in events:
            errors = [e.message for e in union.iter_errors(event)]
            assert errors == [], (event["type"], event["data"], errors)
            variant = validator(document, event_schema_name(event["type"]))
            assert variant.is_valid(event), event
        seen = {e["type"] for e in events}
        assert {
            "placement.created",
            "placement.updated",
            "placement.ended",
            "parent.created",
            "workflow.started",
            "workflow.closed",
            "task.created",
            "task.rescheduled",
            "task.cancelled",
        } <= seen

    def test_an_event_of_another_type_does_not_validate_as_this_one(self, api: Api) -> None:
        document = api.http.get("/openapi.json").json()
        ended = validator(document, "PlacementEndedEvent")
        event = {
            "id": str(uuid.uuid4()),
            "type": "placement.ended",
            "occurred_at": "2026-11-20T10:00:00Z",
            "service_id": str(uuid.uuid4()),
            "subject_id": str(uuid.uuid4()),
            "placement_id": None,
            "data": {"end_date": "2026-11-20"},
        }
        assert ended.is_valid(event)
        assert not ended.is_valid({**event, "type": "placement.created"})
        assert not ended.is_valid({**event, "data": {}})
        # and the feed still refuses a type it does not know
        tenant = api.tenant()
        problem(tenant.integration.get("/v1/events?type=placement.create"), 422, "validation-error")
