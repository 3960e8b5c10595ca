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
    PROBLEM_BASE,
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
            for step in (
                problem_json_errors,
                request_body_errors,
                binary_uploads,
                typed_events,
                public_operations,
                body_examples,
            ):
                schema = step(schema)
            app.openapi_schema = schema
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


# Examples of fields that no model gives one for, by field name (the same name means the same
# thing across the API). A model's own `examples=[...]` always wins.
FIELD_EXAMPLES: dict[str, Any] = {
    "action": "moved",
    "actor_role": "integration",
    "actor_subject": "visma-flyt-barnevern",
    "appointed_by": "lise.leder",
    "attempt_count": 1,
    "birth_year": 2012,
    "cancellation_reason": "Barnet var sykt.",
    "change_reason": "Nytt vedtak fra fylkesnemnda.",
    "changed_by": "kari.kontakt",
    "choices": ["ja", "nei"],
    "code": "missing",
    "completed_by": "kari.kontakt",
    "conclusion_text": "Planen står ved lag.",
    "conditions": "Fosterforeldrene gjennomfører PRIDE-kurs innen seks måneder.",
    "created_by": "kari.kontakt",
    "database": "ok",
    "decline_note": "Mor ønsker ikke oppfølging nå.",
    "definition_version": 1,
    "description": "Oppfølgingsbesøk i fosterhjemmet.",
    "detail": "See errors for each field.",
    "disabled_reason": "Every attempt of a delivery failed.",
    "document_type": "Notat",
    "download": "/v1/documents/3fa85f64-5717-4562-b3fc-2c963f66afa6/content",
    "duration_minutes": 90,
    "duration_ms": 120,
    "emergency_decided_by": "Lise Leder",
    "end_reason": "Samværet er avsluttet etter nytt vedtak.",
    "ended_by": "lise.leder",
    "error": "timeout",
    "event_type": "task.overdue",
    "event_types": ["task.overdue", "placement.ended"],
    "existing": "/v1/children/3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "explanation": "Fristen følger av fosterhjemsforskriften § 9 (lov).",
    "extra_fields": {"mottaker": "Mottakerens navn"},
    "filename": "tilsynsrapport.pdf",
    "frequency_text": "hver tredje måned",
    "from_shipped": [],
    "gaps": [],
    "guidance": "Skriv hva barnet selv har fortalt.",
    "held": 2,
    "help": "Datoen besøket ble gjennomført.",
    "instance": "/v1/children",
    "label": "Besøksdato",
    "last_error": "timeout",
    "last_status_code": 503,
    "legal_basis": "Fosterhjemsforskriften § 7",
    "location": "body",
    "manifest": '{"key": "egen-mal", "title": "Egen mal"}',
    "media_type": "application/pdf",
    "minimum": "Fire ganger i året.",
    "national_id": "15108695088",
    "next_cursor": "eyJ0IjogMCwgInAiOiAxMDB9",
    "noark_document_type": "U",
    "notes": "Avtalt med fosterforeldrene.",
    "objection_notes": "",
    "occurrence": 1,
    "on_behalf_of": "saksbehandler-4711",
    "operation": "getPlacement",
    "parameter": "X-On-Behalf-Of",
    "participants": "mor",
    "participation_notes": "Barnet deltok i møtet.",
    "path": "barn.fornavn",
    "phone": "+47 912 34 567",
    "place": "Familiesenteret",
    "pointer": "#/birth_date",
    "police_certificates_missing": [],
    "prefix": "ffk_a1b2c3d4",
    "produced_by": [{"key": "oppfolgingsbesok", "step": "besok"}],
    "programme": "oppfolging",
    "public_title": "Oppfølgingsbesøk i fosterhjem",
    "recorded_by": "kari.kontakt",
    "reference": "2026/1234",
    "request_id": "f0c1c8d0ddc69eef48353ecfe3c7ebe7",
    "required": 4,
    "required_fields": ["barn.fornavn"],
    "requires": [],
    "resource": "/v1/placements/3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "responsible_role": "contact_person",
    "revised_by": "kari.kontakt",
    "rule": "follow_up_visits_per_year=4 (rule set v1)",
    "rule_set_version": 1,
    "scopes": ["placements:read", "tasks:read"],
    "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    "size": 24576,
    "skip_reason": "Besøket ble gjennomført som ekstra besøk.",
    "source": "shipped",
    "started_by": "kari.kontakt",
    "starts": "placement",
    "status_code": 503,
    "step_count": 4,
    "summary": "Barnet har det godt i fosterhjemmet.",
    "supervised_by": "Familiesenteret",
    "template_source": "shipped",
    "template_version": 1,
    "templates": ["oppfolgingsbesok"],
    "text": "Jeg ble født i Bergen.",
    "title": "Oppfølgingsbesøk",
    "token_prefix": "a1b2c3",
    "training_course": "PRIDE",
    "version": 1,
    "versions": [1],
    "what": "planned",
    "written_by": "Randi Haugen",
    "written_by_name": "Kari Kontakt",
    "written_by_role": "contact_person",
}
_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list,),
    "object": (dict,),
}
FORMAT_EXAMPLES: dict[str, Any] = {
    "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "date": "2026-11-20",
    "date-time": "2026-11-20T09:30:00Z",
    "email": "kari.kontakt@kommune.no",
    "uri": "https://journal.example.no/fosterflyt/hooks",
    "binary": "(the file's bytes)",
}


class ExampleBuilder:
    """Composes the example of a body from its schema: each field's own example, else one of
    the same name elsewhere in the document or in ``FIELD_EXAMPLES``, else one its format,
    enum or constant gives. ``missing`` lists the fields none of these covers."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.components: dict[str, Any] = schema.get("components", {}).get("schemas", {})
        self.by_name: dict[str, list[Any]] = {k: [v] for k, v in FIELD_EXAMPLES.items()}
        for component in self.components.values():
            for name, field in component.get("properties", {}).items():
                if field.get("examples"):
                    self.by_name.setdefault(name, []).append(field["examples"][0])
        self.missing: set[str] = set()

    def of(self, node: dict[str, Any], where: str, name: str | None = None) -> Any:
        if node.get("examples"):
            return node["examples"][0]
        if "example" in node:
            return node["example"]
        if "const" in node:
            return node["const"]
        if node.get("enum"):
            return node["enum"][0]
        if "$ref" in node:
            component = node["$ref"].rsplit("/", 1)[1]
            if where.count("/") > 12:  # a model that contains itself: stop here
                return {}
            return self.of(self.components[component], component, name)
        if node.get("default") is not None:
            return node["default"]
        options = [o for o in node.get("anyOf", []) if o.get("type") != "null"]
        if options and any(k in options[0] for k in ("$ref", "enum", "const")):
            return self.of(options[0], where, name)  # a vocabulary of its own: not by name
        fitting = [e for e in self.by_name.get(name or "", []) if _fits_type(node, e)]
        if fitting:
            return fitting[0]
        for key in ("anyOf", "oneOf"):
            if key in node:
                options = [o for o in node[key] if o.get("type") != "null"]
                return self.of(options[0], where, name) if options else None
        if "allOf" in node:
            return self.of(node["allOf"][0], where, name)
        kind = node.get("type")
        if node.get("format") in FORMAT_EXAMPLES and kind == "string":
            return FORMAT_EXAMPLES[node["format"]]
        if kind == "boolean":
            return True
        if kind == "null":
            return None
        if kind == "array":
            return [self.of(node.get("items", {}), f"{where}/items", name)]
        if kind == "object" or "properties" in node:
            example = {
                field: self.of(schema, f"{where}/{field}", field)
                for field, schema in node.get("properties", {}).items()
            }
            extra = node.get("additionalProperties")
            if not example and isinstance(extra, dict) and extra:
                return {"key": self.of(extra, f"{where}/*", name)}
            if not example and not node.get("properties") and name is None:
                self.missing.add(where)
            return example
        self.missing.add(where)
        return None


def _kinds(node: dict[str, Any]) -> set[str]:
    options = node.get("anyOf", [node])
    return {o["type"] for o in options if isinstance(o.get("type"), str)} - {"null"}


def _fits_type(node: dict[str, Any], value: Any) -> bool:
    """Whether ``value`` has a JSON type ``node`` allows (a bool is not an integer)."""
    kinds = _kinds(node)
    if not kinds:
        return True
    return any(
        isinstance(value, _JSON_TYPES[k]) and not (k != "boolean" and isinstance(value, bool))
        for k in kinds
        if k in _JSON_TYPES
    )


MEDIA_EXAMPLES = {
    "text/calendar": "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Fosterflyt//NO\r\n"
    "BEGIN:VEVENT\r\nUID:3fa85f64-5717-4562-b3fc-2c963f66afa6@fosterflyt\r\n"
    "DTSTART;VALUE=DATE:20261120\r\nSUMMARY:Oppfølgingsbesøk (sak 3fa85f64)\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n",
    "text/csv": "id,occurred_at,actor_subject,actor_role,action,resource_type,outcome\r\n"
    "4711,2026-11-20T09:30:00+00:00,visma-flyt-barnevern,integration,read,child,success\r\n",
}


def body_examples(schema: dict[str, Any]) -> dict[str, Any]:
    """An ``example`` on every request and response body that has none, composed from its
    schema (:class:`ExampleBuilder`), so the docs, Swagger UI and mock servers show a body that
    looks real. A problem's example is the first problem type its response names. Files (``format:
    binary``) get none. A body whose schema leaves a field without an example gets none either:
    the meta-test (tests/client/test_openapi_document.py) names the field."""
    builder = ExampleBuilder(schema)
    for _, status, media, body, description in bodies(schema):
        if "example" in body or "examples" in body or "schema" not in body:
            continue
        if body["schema"].get("format") == "binary":
            continue
        if media in MEDIA_EXAMPLES:
            body["example"] = MEDIA_EXAMPLES[media]
            continue
        before = len(builder.missing)
        example = builder.of(body["schema"], "body")
        if len(builder.missing) != before:
            continue
        if media == PROBLEM_MEDIA_TYPE and isinstance(example, dict) and status.isdigit():
            example = _problem_example(example, int(status), description)
        body["example"] = example
    return schema


def _problem_example(example: dict[str, Any], status: int, description: str) -> dict[str, Any]:
    """The problem a response names first (``"`slug`: Title; …"``) as its example."""
    slug, _, title = description.split("; ")[0].partition(": ")
    slug = slug.strip("`")
    example = {**example, "status": status}
    if slug and title:
        example.update(type=PROBLEM_BASE + slug, title=title.strip())
    if status != 422:
        example.pop("errors", None)
    if slug != "duplicate-external-ref":
        example.pop("existing", None)
    example["detail"] = example.get("title", "")
    return example


def bodies(schema: dict[str, Any]) -> list[tuple[str, str, str, dict[str, Any], str]]:
    """Every request and response body of the document: (operation, status or ``request``,
    media type, media type object, the response's description)."""
    found = []
    for path, path_item in schema.get("paths", {}).items():
        for method, operation in path_item.items():
            where = f"{method.upper()} {path}"
            for media, body in operation.get("requestBody", {}).get("content", {}).items():
                found.append((where, "request", media, body, ""))
            for status, response in operation.get("responses", {}).items():
                for media, body in response.get("content", {}).items():
                    found.append((where, status, media, body, response.get("description", "")))
    return found
