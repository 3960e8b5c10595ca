"""Pure ASGI middleware: request ids and access logs, body limits, content types and JSON
nesting, headers.

Written against ASGI directly (not ``BaseHTTPMiddleware``) so a request body is streamed through
once and a limit stops reading the moment it is passed.
"""

from __future__ import annotations

import logging
import random
import time
from typing import Any

from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app import json_depth
from app.error_handlers import RefusedWhileReading, problem_response
from app.errors import (
    AppError,
    FieldError,
    JsonTooDeep,
    PayloadTooLarge,
    UnsupportedMediaType,
)
from app.schemas import accept_synthetic_national_ids

log = logging.getLogger("app.access")


def new_request_id() -> str:
    """128 random bits as hex. Request ids correlate log lines and audit entries and are not
    secrets, so Python's generator (seeded by the OS, and again after a fork) will do: uuid4
    asks the kernel for randomness on every request."""
    return f"{random.getrandbits(128):032x}"


BODY_METHODS = {"POST", "PUT", "PATCH"}
JSON_TYPES = {"application/json", "application/merge-patch+json"}
# The web app's forms (app/web/) post HTML form bodies, under this prefix only.
PAGES_PREFIX = "/app/"
FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return None


class BodyTooLarge(StarletteHTTPException):
    """Raised from ``receive`` when a streamed body passes the limit.

    An ``HTTPException`` so FastAPI's body parsing passes it on unchanged to the problem handler
    (it turns any other exception raised while reading into a generic 400).
    """

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"The body may be at most {limit} bytes.")


def check_depth(body: bytes) -> None:
    """Refuse a JSON body nested deeper than :data:`app.json_depth.MAX_DEPTH` (400
    ``json-too-deep``, pointing where the limit was passed), before it is parsed."""
    pointer = json_depth.too_deep(body)
    if pointer is not None:
        limit = json_depth.MAX_DEPTH
        error = FieldError(
            detail=f"Nested deeper than {limit} levels",
            pointer=pointer,
            location="body",
            code="too_deep",
        )
        raise RefusedWhileReading(
            JsonTooDeep(
                f"Objects and arrays may be nested at most {limit} levels deep.", errors=[error]
            )
        )


class RequestGuard:
    """Enforce the body size limit (413), JSON content types (415) and JSON nesting (400)
    before routing. A JSON body is measured once it is complete, before the app parses it."""

    def __init__(
        self, app: ASGIApp, *, max_body_bytes: int, uploads: dict[str, int] | None = None
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.uploads = uploads or {}  # path -> limit; these accept multipart/form-data

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        upload_limit = self.uploads.get(scope["path"])
        limit = upload_limit or self.max_body_bytes
        pages = scope["path"].startswith(PAGES_PREFIX)
        allowed = (
            FORM_TYPES
            if pages
            else JSON_TYPES | ({"multipart/form-data"} if upload_limit else set())
        )
        length = _header(scope, b"content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            await self._reject(scope, receive, send, self._too_large(limit))
            return
        ctype = (_header(scope, b"content-type") or "").split(";")[0].strip().lower()
        has_body = (length is not None and length != "0") or _header(
            scope, b"transfer-encoding"
        ) is not None
        if has_body and ctype not in allowed:
            expected = (
                "an HTML form"
                if pages
                else "multipart/form-data"
                if upload_limit
                else "application/json"
            )
            error = UnsupportedMediaType(f"Send the body as {expected}.")
            await self._reject(scope, receive, send, error)
            return

        received = 0
        is_json = ctype in JSON_TYPES
        chunks: list[bytes] = []

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                chunk = message.get("body", b"")
                received += len(chunk)
                if received > limit:
                    raise BodyTooLarge(limit)
                if is_json:
                    chunks.append(chunk)
                    if not message.get("more_body", False):
                        check_depth(b"".join(chunks))
                        chunks.clear()
            return message

        await self.app(scope, limited_receive, send)

    def _too_large(self, limit: int) -> PayloadTooLarge:
        return PayloadTooLarge(f"The body may be at most {limit} bytes.")

    async def _reject(self, scope: Scope, receive: Receive, send: Send, error: AppError) -> None:
        await problem_response(error)(scope, receive, send)


class RequestContext:
    """A request id on every response, security headers, and one access log line per request.

    The log line holds the method, the route path, the status and the time taken: never a query
    string or a body, which may carry personal data.
    """

    def __init__(self, app: ASGIApp, *, synthetic_national_ids: bool = False) -> None:
        self.app = app
        self.synthetic_national_ids = synthetic_national_ids

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # The request's validation (in this task, or a thread that copies its context) reads it.
        accept_synthetic_national_ids.set(self.synthetic_national_ids)
        incoming = _header(scope, b"x-request-id")
        request_id = (
            incoming
            if incoming and len(incoming) <= 64 and incoming.isprintable()
            else new_request_id()
        )
        scope.setdefault("state", {})["request_id"] = request_id
        started = time.perf_counter()
        status = 500

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers: list[Any] = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode()))
                present = {k.lower() for k, _ in headers}
                headers.extend(h for h in SECURITY_HEADERS if h[0] not in present)
                quota = scope["state"].get("rate_quota")
                if quota is not None:  # the client's budget (IETF RateLimit headers draft)
                    headers.extend(quota.headers())
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        finally:
            route = scope.get("route")
            log.info(
                "request",
                extra={
                    "request_id": request_id,
                    "method": scope["method"],
                    "route": getattr(route, "path", "(unmatched)"),
                    "status": status,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                },
            )
