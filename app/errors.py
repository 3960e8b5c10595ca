"""The error tree: every problem the service reports, as exceptions that know their RFC 9457
``type``, status and title. :mod:`app.error_handlers` turns them into
``application/problem+json`` responses.

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
    │   └── DuplicateResource (409 duplicate-resource)
    ├── PreconditionFailed (412 precondition-failed)
    ├── PayloadTooLarge (413 payload-too-large)
    ├── UnsupportedMediaType (415 unsupported-media-type)
    ├── ValidationFailed (422 validation-error)          errors[] point at the fields
    │   └── UnknownReference (422 unknown-reference)
    ├── PreconditionRequired (428 precondition-required)
    └── RetryLater (503 unavailable)                    with Retry-After
        ├── DatabaseUnavailable (503 database-unavailable)
        └── RateLimited (429 rate-limited)

A domain declares its own problems in its ``errors.py``, as subclasses of these (for example
``app.placements.errors.OverlappingPlacement``, a ``Conflict``); ``tests/test_errors.py`` checks
that this tree and the problem table in ``docs/integrators.md`` stay true.

Every ``type`` is ``PROBLEM_BASE + slug`` and never changes once published. Messages never echo
the submitted value: a national identity number must not come back in an error or reach a log.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from pydantic import BaseModel, Field

PROBLEM_BASE = "https://fosterflyt.no/problems/"
PROBLEM_MEDIA_TYPE = "application/problem+json"


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
    title: str = Field(examples=["The request is not valid"])
    status: int = Field(examples=[422])
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

    def __init__(self, detail: str | None = None, *, parameter: str = "cursor") -> None:
        at = FieldError(
            detail=detail or self.title, parameter=parameter, location="query", code="invalid"
        )
        super().__init__(detail, errors=[at])


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


class PreconditionFailed(AppError):
    status, slug, title = 412, "precondition-failed", "The resource has changed"

    def __init__(self, detail: str | None = None) -> None:
        at = FieldError(
            detail=detail or self.title, parameter="If-Match", location="header", code="stale"
        )
        super().__init__(detail, errors=[at])


class PayloadTooLarge(AppError):
    status, slug, title = 413, "payload-too-large", "The request body is too large"


class UnsupportedMediaType(AppError):
    status, slug, title = 415, "unsupported-media-type", "Unsupported content type"


class ValidationFailed(AppError):
    status, slug, title = 422, "validation-error", "The request is not valid"


class UnknownReference(ValidationFailed):
    slug, title = "unknown-reference", "A referenced resource does not exist"


class RetryLater(AppError):
    """Not now, but the same request can succeed later: the response says when
    (``Retry-After``, in seconds)."""

    status, slug, title = 503, "unavailable", "Not available now; try again later"

    def __init__(self, detail: str, *, retry_after: int) -> None:
        super().__init__(detail, headers={"Retry-After": str(retry_after)})


class DatabaseUnavailable(RetryLater):
    slug, title = "database-unavailable", "The database did not answer"


class PreconditionRequired(AppError):
    status, slug, title = 428, "precondition-required", "If-Match is required"

    def __init__(self, detail: str | None = None) -> None:
        at = FieldError(
            detail=detail or self.title, parameter="If-Match", location="header", code="missing"
        )
        super().__init__(detail, errors=[at])


class RateLimited(RetryLater):
    status, slug, title = 429, "rate-limited", "Too many requests"
    quota: object | None = None  # the client's budget (app.ratelimit.Quota), for its headers


def responses(*errors: type[AppError]) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` declaration for a route that can raise these errors."""
    by_status: dict[int, list[type[AppError]]] = {}
    # Any route can meet these: a bad request, no or a bad credential, a missing scope, a spent
    # budget, a database that does not answer (a generated client returns None for a status its
    # operation does not declare, issue #18 item 6).
    always: tuple[type[AppError], ...] = (
        ValidationFailed,
        Unauthenticated,
        Forbidden,
        RateLimited,
        DatabaseUnavailable,
    )
    for error in (*errors, *always):
        by_status.setdefault(error.status, []).append(error)
    declared: dict[int | str, dict[str, Any]] = {
        status: {
            "model": Problem,
            "description": "; ".join(sorted({f"`{e.slug}`: {e.title}" for e in group})),
        }
        for status, group in sorted(by_status.items())
    }
    retry_after = {
        "Retry-After": {
            "description": "Seconds to wait before trying again.",
            "schema": {"type": "integer", "minimum": 1},
        }
    }
    declared[RateLimited.status]["headers"] = retry_after
    declared[DatabaseUnavailable.status]["headers"] = retry_after
    return declared


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
