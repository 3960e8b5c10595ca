"""The error tree and its RFC 9457 ``application/problem+json`` handlers.

::

    AppError (500 internal-error)
    ├── BadRequest (400 bad-request)
    │   ├── InvalidJson (400 invalid-json)
    │   ├── JsonTooDeep (400 json-too-deep)          errors[] points where the limit was passed
    │   └── InvalidCursor (400 invalid-cursor)
    ├── Unauthenticated (401 unauthenticated)
    ├── Forbidden (403 forbidden)
    ├── NotFound (404 not-found)
    ├── MethodNotAllowed (405 method-not-allowed)
    ├── Conflict (409 conflict)
    │   ├── DuplicateExternalRef (409 duplicate-external-ref)
    │   ├── DuplicateResource (409 duplicate-resource)
    │   ├── OverlappingPlacement (409 overlapping-placement)
    │   ├── PlacementAlreadyEnded (409 placement-ended)
    │   ├── TaskNotOpen (409 task-not-open)
    │   ├── WorkflowAlreadyRunning (409 workflow-running)
    │   └── IdempotencyInFlight (409 idempotency-conflict)
    ├── PreconditionFailed (412 precondition-failed)
    ├── PayloadTooLarge (413 payload-too-large)
    ├── UnsupportedMediaType (415 unsupported-media-type)
    ├── ValidationFailed (422 validation-error)          errors[] point at the fields
    │   ├── UnknownReference (422 unknown-reference)
    │   ├── MissingCaseData (422 missing-case-data)     the case lacks what the template needs
    │   ├── NotADocx (422 not-a-docx)
    │   ├── TemplateInvalid (422 template-invalid)
    │   └── IdempotencyKeyReused (422 idempotency-key-reused)
    ├── PreconditionRequired (428 precondition-required)
    └── PdfUnavailable (503 pdf-unavailable)

Every ``type`` is ``PROBLEM_BASE + slug`` and never changes once published. Messages never echo
the submitted value: a national identity number must not come back in an error or reach a log.
"""

from __future__ import annotations

import logging
import sqlite3
import traceback
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

PROBLEM_BASE = "https://fosterflyt.no/problems/"
PROBLEM_MEDIA_TYPE = "application/problem+json"

log = logging.getLogger("app.errors")


class FieldError(BaseModel):
    """One offending input: ``pointer`` for the body (RFC 6901, as ``#/field``), ``parameter`` for
    query, path and header values."""

    detail: str
    pointer: str | None = None
    parameter: str | None = None
    location: str = Field(description="body, query, path or header")
    code: str = Field(
        description="A stable machine-readable reason, e.g. `missing` or `before_start`."
    )


class Problem(BaseModel):
    """An RFC 9457 problem document."""

    type: str = Field(examples=[PROBLEM_BASE + "validation-error"])
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    errors: list[FieldError] | None = None
    existing: str | None = Field(
        default=None, description="For duplicate-external-ref: the URL of the existing resource."
    )


def body_error(field: str, detail: str, code: str = "invalid") -> FieldError:
    """A field error pointing at a top-level body field (or a ``/``-joined path)."""
    return FieldError(detail=detail, pointer=f"#/{field}", location="body", code=code)


class AppError(Exception):
    status: ClassVar[int] = 500
    slug: ClassVar[str] = "internal-error"
    title: ClassVar[str] = "Internal server error"
    headers: dict[str, str] | None = None

    def __init__(
        self,
        detail: str | None = None,
        *,
        errors: Sequence[FieldError] | None = None,
        headers: dict[str, str] | None = None,
        existing: str | None = None,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail
        self.errors = list(errors) if errors else None
        self.headers = headers
        self.existing = existing

    @classmethod
    def type_uri(cls) -> str:
        return PROBLEM_BASE + cls.slug

    def to_problem(self, instance: str | None = None) -> Problem:
        return Problem(
            type=self.type_uri(),
            title=self.title,
            status=self.status,
            detail=self.detail,
            instance=instance,
            errors=self.errors,
            existing=self.existing,
        )


class BadRequest(AppError):
    status, slug, title = 400, "bad-request", "Bad request"


class InvalidJson(BadRequest):
    slug, title = "invalid-json", "The request body is not valid JSON"


class JsonTooDeep(BadRequest):
    slug, title = "json-too-deep", "The request body is nested too deeply"


class InvalidCursor(BadRequest):
    slug, title = "invalid-cursor", "The pagination cursor is not valid"


class RefusedWhileReading(StarletteHTTPException):
    """Raised from a middleware's ``receive`` to answer with ``error``: FastAPI passes an
    ``HTTPException`` raised while it reads the body on unchanged (any other exception becomes
    its generic 400), and :func:`_http_error` answers with the error it carries."""

    def __init__(self, error: AppError) -> None:
        super().__init__(error.status, error.detail)
        self.error = error


class Unauthenticated(AppError):
    status, slug, title = 401, "unauthenticated", "Authentication required"

    def __init__(self, detail: str | None = None) -> None:
        super().__init__(detail, headers={"WWW-Authenticate": 'Bearer realm="fosterflyt"'})


class Forbidden(AppError):
    status, slug, title = 403, "forbidden", "Not allowed"


class NotFound(AppError):
    status, slug, title = 404, "not-found", "Not found"


class MethodNotAllowed(AppError):
    status, slug, title = 405, "method-not-allowed", "Method not allowed"


class Conflict(AppError):
    status, slug, title = 409, "conflict", "Conflict with the current state"


class DuplicateExternalRef(Conflict):
    slug, title = "duplicate-external-ref", "A resource with this external_ref already exists"


class DuplicateResource(Conflict):
    slug, title = "duplicate-resource", "The resource already exists"


class OverlappingPlacement(Conflict):
    slug, title = "overlapping-placement", "The child already has a placement in this period"


class PlacementAlreadyEnded(Conflict):
    slug, title = "placement-ended", "The placement has ended"


class TaskNotOpen(Conflict):
    slug, title = "task-not-open", "The task is not open"


class WorkflowAlreadyRunning(Conflict):
    slug, title = "workflow-running", "The workflow is already running for this placement"


class IdempotencyInFlight(Conflict):
    slug, title = "idempotency-conflict", "A request with this Idempotency-Key is being processed"


class PreconditionFailed(AppError):
    status, slug, title = 412, "precondition-failed", "The resource has changed"


class PayloadTooLarge(AppError):
    status, slug, title = 413, "payload-too-large", "The request body is too large"


class UnsupportedMediaType(AppError):
    status, slug, title = 415, "unsupported-media-type", "Unsupported content type"


class ValidationFailed(AppError):
    status, slug, title = 422, "validation-error", "The request is not valid"


class UnknownReference(ValidationFailed):
    slug, title = "unknown-reference", "A referenced resource does not exist"


class MissingCaseData(ValidationFailed):
    slug, title = "missing-case-data", "The case lacks data the template requires"


class NotADocx(ValidationFailed):
    slug, title = "not-a-docx", "The file is not a Word document (.docx)"


class TemplateInvalid(ValidationFailed):
    slug, title = "template-invalid", "The template cannot be used"


class PdfUnavailable(AppError):
    status, slug, title = 503, "pdf-unavailable", "PDF conversion is not available"


class DatabaseUnavailable(AppError):
    status, slug, title = 503, "database-unavailable", "The database did not answer"

    def __init__(self, detail: str, *, retry_after: int) -> None:
        super().__init__(detail, headers={"Retry-After": str(retry_after)})


class DocumentsBusy(AppError):
    status, slug, title = 503, "documents-busy", "Every document slot is busy"

    def __init__(self, detail: str, *, retry_after: int) -> None:
        super().__init__(detail, headers={"Retry-After": str(retry_after)})


class IdempotencyKeyReused(ValidationFailed):
    slug, title = "idempotency-key-reused", "The Idempotency-Key was used with another request"


class PreconditionRequired(AppError):
    status, slug, title = 428, "precondition-required", "If-Match is required"


class RateLimited(AppError):
    status, slug, title = 429, "rate-limited", "Too many requests"

    def __init__(self, detail: str, *, retry_after: int) -> None:
        super().__init__(detail, headers={"Retry-After": str(retry_after)})


def responses(*errors: type[AppError]) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` declaration for a route that can raise these errors."""
    by_status: dict[int, list[type[AppError]]] = {}
    always: tuple[type[AppError], ...] = (ValidationFailed, Unauthenticated, Forbidden, RateLimited)
    for error in (*errors, *always):
        by_status.setdefault(error.status, []).append(error)
    declared: dict[int | str, dict[str, Any]] = {
        status: {
            "model": Problem,
            "description": "; ".join(sorted({f"`{e.slug}`: {e.title}" for e in group})),
        }
        for status, group in sorted(by_status.items())
    }
    declared[RateLimited.status]["headers"] = {
        "Retry-After": {
            "description": "Seconds to wait before trying again.",
            "schema": {"type": "integer", "minimum": 1},
        }
    }
    return declared


def problem_response(error: AppError, request: Request | None = None) -> JSONResponse:
    instance = request.url.path if request is not None else None
    return JSONResponse(
        error.to_problem(instance).model_dump(exclude_none=True),
        status_code=error.status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=error.headers,
    )


def _location(loc: Sequence[str | int]) -> tuple[str, list[str | int]]:
    if not loc:
        return "body", []
    head, *rest = loc
    return (
        (str(head), rest)
        if head in ("body", "query", "path", "header", "cookie")
        else (
            "body",
            list(loc),
        )
    )


def _escape(part: str | int) -> str:
    return str(part).replace("~", "~0").replace("/", "~1")


def field_errors(raw: Iterable[dict[str, Any]]) -> list[FieldError]:
    """Translate pydantic errors into field errors, without ever echoing the input."""
    out: list[FieldError] = []
    for err in raw:
        where, path = _location(err.get("loc", ()))
        message = str(err.get("msg", "Invalid value")).removeprefix("Value error, ")
        code = str(err.get("type", "invalid"))
        if code == "extra_forbidden":
            message = "Unknown field"
        if where == "body":
            pointer = "#/" + "/".join(_escape(p) for p in path)
            out.append(FieldError(detail=message, pointer=pointer, location=where, code=code))
        else:
            name = ".".join(str(p) for p in path)
            out.append(FieldError(detail=message, parameter=name, location=where, code=code))
    return out


async def _app_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AppError)
    return problem_response(exc, request)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    raw = list(exc.errors())
    if any(e.get("type") == "json_invalid" for e in raw):
        return problem_response(InvalidJson("The body could not be parsed as JSON."), request)
    errors = field_errors(raw)
    return problem_response(ValidationFailed("See errors for each field.", errors=errors), request)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    if isinstance(exc, RefusedWhileReading):
        return problem_response(exc.error, request)
    error = AppError(str(exc.detail) if exc.detail else None)
    by_status: dict[int, type[AppError]] = {
        cls.status: cls
        for cls in (NotFound, BadRequest, Unauthenticated, Forbidden, PayloadTooLarge)
    }
    cls = by_status.get(exc.status_code)
    if exc.status_code == 400 and isinstance(exc.__cause__, UnicodeDecodeError):
        # FastAPI's body parser gives a bare 400 for bytes that are not UTF-8 at all.
        error = InvalidJson("The body is not UTF-8 encoded JSON.")
    elif cls is not None:
        error = cls(str(exc.detail)) if exc.detail and cls is not Unauthenticated else cls()
    elif exc.status_code == 405:
        allowed = ", ".join(_allowed_methods(request))
        error = MethodNotAllowed(f"This resource supports {allowed}.", headers={"Allow": allowed})
    return problem_response(error, request)


def _allowed_methods(request: Request) -> list[str]:
    """Every method of every route on this path (Starlette's ``Allow`` names only the first)."""
    return [
        method
        for method in ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
        if any(
            route.matches({**request.scope, "method": method})[0] is Match.FULL
            for route in request.app.routes
        )
    ]


async def _integrity_error(request: Request, exc: Exception) -> JSONResponse:
    # The driver's message can contain submitted values (a national id): log the constraint only.
    constraint = getattr(getattr(exc, "orig", None), "diag", None)
    name = getattr(constraint, "constraint_name", None)
    log.warning("integrity error", extra={"constraint": name})
    return problem_response(
        Conflict("The change conflicts with data that already exists."), request
    )


async def _data_error(request: Request, exc: Exception) -> JSONResponse:
    # The database refused a value as data (PostgreSQL: a NUL character in a path or header
    # value, a number or date out of range). The message may hold the value: log the code only.
    code = getattr(getattr(exc, "orig", None), "sqlstate", None)
    log.warning("data error", extra={"sqlstate": code})
    return problem_response(
        ValidationFailed("A value in the request cannot be stored or compared."), request
    )


def database_unavailable(exc: OperationalError) -> bool:
    """Whether an ``OperationalError`` means the database could not serve the request now (a
    lost or refused connection, a cancelled statement, a lock wait that ran out), as opposed to
    SQLite's other operational errors (a missing table, a read-only file), which are faults.
    PostgreSQL reports faults of the schema as other classes (``ProgrammingError``)."""
    if exc.connection_invalidated:
        return True
    code = getattr(exc.orig, "sqlite_errorcode", None)
    if isinstance(exc.orig, sqlite3.Error):
        return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return True


async def _operational_error(request: Request, exc: Exception) -> JSONResponse:
    # The request's transaction is gone (if the connection broke during COMMIT, the client
    # cannot know whether it landed: hence the Idempotency-Key hint).
    assert isinstance(exc, OperationalError)
    if not database_unavailable(exc):
        return await _unhandled(request, exc)
    code = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "sqlite_errorname", None)
    log.warning(
        "database unavailable",
        extra={"sqlstate": code, "connection_invalidated": exc.connection_invalidated},
    )
    return problem_response(
        DatabaseUnavailable(
            "The database did not answer. Try again; repeat a create with the same "
            "Idempotency-Key, so that it is not made twice.",
            retry_after=1,
        ),
        request,
    )


async def _pool_timeout(request: Request, exc: Exception) -> JSONResponse:
    # Every pooled connection stayed in use for FOSTERFLYT_DB_POOL_TIMEOUT_SECONDS: the database
    # is slow or not answering (the requests holding them wait for their own deadlines).
    log.warning("database unavailable", extra={"pool_timeout": True})
    return problem_response(
        DatabaseUnavailable(
            "No database connection became free in time. Try again; repeat a create with the "
            "same Idempotency-Key, so that it is not made twice.",
            retry_after=1,
        ),
        request,
    )


async def _stale_error(request: Request, exc: Exception) -> JSONResponse:
    return problem_response(
        PreconditionFailed("The resource was changed by another request; fetch it again."), request
    )


async def _unhandled(request: Request, exc: Exception) -> JSONResponse:
    # Where it failed (files, lines, functions), never the message or local values: a database
    # error's message can quote the row it refused, names and national ids included.
    frames = traceback.extract_tb(exc.__traceback__)
    log.error(
        "unhandled error",
        extra={
            "error_type": type(exc).__name__,
            "frames": [f"{f.filename}:{f.lineno} in {f.name}" for f in frames[-8:]],
        },
    )
    return problem_response(AppError("An unexpected error occurred."), request)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(AppError, _app_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(IntegrityError, _integrity_error)
    app.add_exception_handler(DataError, _data_error)
    app.add_exception_handler(StaleDataError, _stale_error)
    app.add_exception_handler(OperationalError, _operational_error)
    app.add_exception_handler(PoolTimeout, _pool_timeout)
    app.add_exception_handler(Exception, _unhandled)
