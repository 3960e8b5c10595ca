"""The RFC 9457 ``application/problem+json`` handlers: every error the JSON interface raises or
meets (the tree in :mod:`app.errors`, request validation, Starlette's HTTP errors, database errors)
becomes a problem document with a stable ``type``.

Nothing a request submitted is echoed or logged: a driver's message can quote the refused row,
national identity numbers included, so only constraint names, SQLSTATEs and code locations reach
the log.
"""

from __future__ import annotations

import logging
import sqlite3
import traceback

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from app.errors import (
    PROBLEM_MEDIA_TYPE,
    AppError,
    BadRequest,
    Conflict,
    DatabaseUnavailable,
    Forbidden,
    InvalidJson,
    MethodNotAllowed,
    NotFound,
    PayloadTooLarge,
    PreconditionFailed,
    Unauthenticated,
    ValidationFailed,
    field_errors,
)

log = logging.getLogger("app.errors")


class RefusedWhileReading(StarletteHTTPException):
    """Raised from a middleware's ``receive`` to answer with ``error``: FastAPI passes an
    ``HTTPException`` raised while it reads the body on unchanged (any other exception becomes
    its generic 400), and :func:`_http_error` answers with the error it carries."""

    def __init__(self, error: AppError) -> None:
        super().__init__(error.status, error.detail)
        self.error = error


def problem_response(error: AppError, request: Request | None = None) -> JSONResponse:
    instance = request.url.path if request is not None else None
    return JSONResponse(
        error.to_problem(instance).model_dump(exclude_none=True),
        status_code=error.status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=error.headers,
    )


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
