"""Structured JSON logs. Only whitelisted ``extra`` fields are written, so a stray value (a
national id, a name) passed to a logger does not reach the log."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

SAFE_FIELDS = (
    "request_id",
    "method",
    "route",
    "status",
    "duration_ms",
    "constraint",
    "error_type",
    "frames",
    "sqlstate",  # a five-character SQLSTATE code, never the driver's message
)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": _message(record),
        }
        for name in SAFE_FIELDS:
            if name in record.__dict__:
                entry[name] = record.__dict__[name]
        return json.dumps(entry, default=str)


def _message(record: logging.LogRecord) -> str:
    """The message with its arguments (uvicorn's "Started server process [%d]"). Fosterflyt's
    own messages are constant text, personal data never among their arguments; a message whose
    arguments do not fit is written without them rather than lost."""
    if not isinstance(record.msg, str):
        return "(non-text message)"
    try:
        return record.getMessage()
    except (TypeError, ValueError):
        return record.msg


def configure_logging(level: str) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter())
    for name in ("app", "uvicorn", "uvicorn.error"):
        logger = logging.getLogger(name)
        logger.handlers = [handler]
        logger.setLevel(level)
        logger.propagate = False
    # Our own access log replaces uvicorn's, which would print query strings.
    logging.getLogger("uvicorn.access").disabled = True
