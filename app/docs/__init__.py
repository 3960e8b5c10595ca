"""API documentation that works on a closed municipal network, and the OpenAPI document: errors
all ``application/problem+json``, each event type's schema (:mod:`app.docs.events`) and an
example on every body (:mod:`app.docs.examples`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import fastapi_offline
from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from app.docs.events import typed_events
from app.docs.examples import body_examples
from app.errors import (
    PROBLEM_MEDIA_TYPE,
    AppError,
    BadRequest,
    InvalidJson,
    JsonTooDeep,
    PayloadTooLarge,
    UnsupportedMediaType,
)

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
