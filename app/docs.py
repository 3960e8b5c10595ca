"""API documentation that works on a closed municipal network, and an OpenAPI document whose
errors are all ``application/problem+json``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import fastapi_offline
from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from pydantic.json_schema import models_json_schema

from app.errors import (
    PROBLEM_MEDIA_TYPE,
    AppError,
    BadRequest,
    InvalidJson,
    JsonTooDeep,
    PayloadTooLarge,
    UnsupportedMediaType,
)
from app.events.service import event_data_models

STATIC_DIR = Path(fastapi_offline.__file__).parent / "static"
STATIC_URL = "/docs-static"
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}


def install_docs(app: FastAPI) -> None:
    """Swagger UI at ``/docs`` and ReDoc at ``/redoc``, assets from a local package (no CDN)."""
    app.mount(STATIC_URL, StaticFiles(directory=STATIC_DIR), name="docs-static")

    @app.get("/docs", include_in_schema=False)
    def swagger() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title=f"{app.title} – Swagger UI",
            swagger_js_url=f"{STATIC_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{STATIC_URL}/swagger-ui.css",
            swagger_favicon_url=f"{STATIC_URL}/favicon.png",
        )

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return get_redoc_html(
            openapi_url="/openapi.json",
            title=f"{app.title} – ReDoc",
            redoc_js_url=f"{STATIC_URL}/redoc.standalone.js",
            redoc_favicon_url=f"{STATIC_URL}/favicon.png",
            with_google_fonts=False,
        )

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
                tags=app.openapi_tags,
                servers=servers(getattr(app.state, "public_base_url", None)),
            )
            app.openapi_schema = public_operations(
                typed_events(binary_uploads(request_body_errors(problem_json_errors(schema))))
            )
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def servers(public_base_url: str | None) -> list[dict[str, str]]:
    """The deployment's configured address; without one (development, and the committed
    document) the address the document was fetched from."""
    if public_base_url:
        return [{"url": public_base_url.rstrip("/"), "description": "This deployment"}]
    return [{"url": "/", "description": "The server this document was fetched from"}]


def public_operations(schema: dict[str, Any]) -> dict[str, Any]:
    """``security: []`` on the operations that need no token (probes, the calendar feed whose
    secret URL is its credential): public on purpose, not by omission."""
    for path_item in schema.get("paths", {}).values():
        for operation in path_item.values():
            operation.setdefault("security", [])
    return schema


def problem_json_errors(schema: dict[str, Any]) -> dict[str, Any]:
    """Every 4xx/5xx response as problem+json; FastAPI's default 422 schema removed."""
    for path_item in schema.get("paths", {}).values():
        for operation in path_item.values():
            responses = operation.get("responses", {})
            for status, response in responses.items():
                content = str(response.get("content", ""))
                if "Problem" not in content and "HTTPValidationError" not in content:
                    continue
                response["content"] = {PROBLEM_MEDIA_TYPE: {"schema": PROBLEM_REF}}
                if status == "422" and response.get("description") == "Validation Error":
                    response["description"] = "`validation-error`: The request is not valid"
    components = schema.get("components", {}).get("schemas", {})
    components.pop("HTTPValidationError", None)
    components.pop("ValidationError", None)
    return schema


def request_body_errors(schema: dict[str, Any]) -> dict[str, Any]:
    """Declare what every operation with a body can answer before its route runs: 413 and 415
    from the request guard, and 400 for a body that does not parse (``invalid-json`` for JSON,
    ``bad-request`` for a multipart form) or is nested too deeply (``json-too-deep``)."""
    for path_item in schema.get("paths", {}).values():
        for operation in path_item.values():
            body = operation.get("requestBody")
            if not body:
                continue
            errors: list[type[AppError]] = [PayloadTooLarge, UnsupportedMediaType]
            if "application/json" in body.get("content", {}):
                errors.extend([InvalidJson, JsonTooDeep])
            if "multipart/form-data" in body.get("content", {}):
                errors.append(BadRequest)  # a form that does not parse as multipart
            responses = operation.setdefault("responses", {})
            for error in errors:
                response = responses.setdefault(
                    str(error.status),
                    {"description": "", "content": {PROBLEM_MEDIA_TYPE: {"schema": PROBLEM_REF}}},
                )
                names = {n for n in response["description"].split("; ") if n}
                names.add(f"`{error.slug}`: {error.title}")
                response["description"] = "; ".join(sorted(names))
            operation["responses"] = dict(sorted(responses.items()))
    return schema


def binary_uploads(schema: dict[str, Any]) -> dict[str, Any]:
    """Mark uploaded files ``format: binary`` too: OpenAPI 3.1 says ``contentMediaType``, but
    client generators (openapi-python-client among them) only send files for ``binary``."""
    for component in schema.get("components", {}).get("schemas", {}).values():
        for field in component.get("properties", {}).values():
            if field.get("type") == "string" and "contentMediaType" in field:
                field.setdefault("format", "binary")
    return schema


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
