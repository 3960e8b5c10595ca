"""Optimistic concurrency without HTTP: what a caller knew when it read the row it now changes.

A service that changes a row takes a :class:`Precondition` and checks it against the row it has
loaded for update, before it changes anything; the check raises
:class:`app.errors.PreconditionFailed` (412 in the API). The caller decides what it knew:

- a web form carries the row's ``version`` in a hidden field: :class:`ExpectVersion`;
- the JSON API names a representation by its ETag: ``app.http.IfMatch``;
- an operation that may run without a precondition (completing a task, ending a placement):
  :data:`UNCONDITIONAL`, chosen explicitly by the caller, never a default.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from app.db import RecordMixin
from app.errors import PreconditionFailed

STALE = "The resource has changed since you read it; GET it again."


class Precondition(Protocol):
    def check(self, current: RecordMixin) -> None:
        """Raise :class:`PreconditionFailed` unless ``current`` is what the caller expects."""
        ...


@dataclass(frozen=True)
class ExpectVersion:
    """The row still has the version the caller read (``RecordMixin.version``)."""

    version: int

    def check(self, current: RecordMixin) -> None:
        if current.version != self.version:
            raise PreconditionFailed(STALE)


@dataclass(frozen=True)
class _Unconditional:
    def check(self, current: RecordMixin) -> None:
        return None


UNCONDITIONAL: Precondition = _Unconditional()
