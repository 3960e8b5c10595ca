"""Each event type's schema in the OpenAPI document: the feed item and the webhook request as a
union discriminated by ``type``."""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import models_json_schema

from app.events.service import event_data_models

EVENT_REF = "#/components/schemas/{model}"
WEBHOOK_HEADERS = {
    "webhook-id": "The event id: the same on every retry, so deduplicate on it.",
    "webhook-timestamp": "Unix seconds when this attempt was signed.",
    "webhook-signature": "`v1,<base64 HMAC-SHA256>` of `{webhook-id}.{webhook-timestamp}.{body}` "
    "(Standard Webhooks); several, space-separated, while a secret is rotated.",
}


def event_schema_name(event_type: str) -> str:
    """``task.due_soon`` → ``TaskDueSoonEvent``: the variant of one event type."""
    words = event_type.replace(".", "_").split("_")
    return "".join(w.capitalize() for w in words) + "Event"


def typed_events(schema: dict[str, Any]) -> dict[str, Any]:
    """Each event type's own schema, so a generated client has every payload's shape.

    ``EventRead`` (an item of the feed, and the body of a webhook) becomes a union discriminated
    by ``type`` of one variant per type (``PlacementEndedEvent``, …), each with its ``data``
    model (``app.events.data``); ``EventType`` is the enum of them all. The webhook request is
    published under ``webhooks``."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    generic = components.get("EventRead")
    if generic is None:
        return schema
    models = event_data_models()
    _, definitions = models_json_schema(
        [(model, "serialization") for model in dict.fromkeys(models.values())],
        ref_template=EVENT_REF,
    )
    for name, definition in definitions.get("$defs", {}).items():
        # Checked strictly where events are written; a client must accept fields added later.
        definition.pop("additionalProperties", None)
        if name in components and components[name] != definition:
            raise RuntimeError(
                f"The event data model {name} has the name of another schema: rename it"
            )
        components[name] = definition
    event_type = {**generic["properties"]["type"], "title": "EventType"}
    event_type["description"] = "What happened: `<resource>.<what happened>`."
    components["EventType"] = event_type
    variants: dict[str, str] = {}
    for kind in event_type["enum"]:
        model = models.get(kind)
        if model is None:
            continue  # a type without a data model: the meta-test names it
        name = event_schema_name(kind)
        properties = dict(generic["properties"])
        properties["type"] = {"type": "string", "const": kind, "title": "Type"}
        properties["data"] = {
            "$ref": EVENT_REF.format(model=model.__name__),
            "description": generic["properties"]["data"].get("description", ""),
        }
        components[name] = {
            **generic,
            "properties": properties,
            "title": name,
            "description": f"A `{kind}` event.",
        }
        variants[kind] = EVENT_REF.format(model=name)
    if not variants:
        return schema
    for parameter in schema["paths"].get("/v1/events", {}).get("get", {}).get("parameters", []):
        if parameter["name"] == "type":
            for option in parameter["schema"].get("anyOf", []):
                if option.get("type") == "array":
                    option["items"] = {"$ref": EVENT_REF.format(model="EventType")}
    components["EventRead"] = {
        "title": "EventRead",
        "description": generic.get("description", ""),
        "oneOf": [{"$ref": ref} for ref in variants.values()],
        "discriminator": {"propertyName": "type", "mapping": variants},
    }
    schema["webhooks"] = {
        "event": {
            "post": {
                "operationId": "receiveEvent",
                "summary": "An event, POSTed to your subscription's URL",
                "description": "The event exactly as the feed shows it, signed with the "
                "subscription's secret (Standard Webhooks). Answer 2xx within 10 seconds; "
                "anything else is retried.",
                "tags": ["webhooks"],
                "parameters": [
                    {
                        "name": name,
                        "in": "header",
                        "required": True,
                        "description": text,
                        "schema": {"type": "string"},
                    }
                    for name, text in WEBHOOK_HEADERS.items()
                ],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {"$ref": EVENT_REF.format(model="EventRead")}
                        }
                    },
                },
                "security": [],
                "responses": {
                    "204": {"description": "Received (any 2xx will do)."},
                    "4XX": {
                        "description": "Refused (a bad signature, say): retried like any other "
                        "failure, then the subscription is disabled."
                    },
                    "5XX": {"description": "Failed: retried."},
                },
            }
        }
    }
    return schema
