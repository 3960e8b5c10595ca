"""How deeply a JSON text nests, found without parsing it and without recursion.

Python's ``json`` parser, pydantic and our own checks all walk a document recursively: a body
nested 900 levels deep parsed, then exhausted the stack further on (a 500, and once on
PostgreSQL a connection reset with no response at all; December 2026 review, finding 12). The
request guard therefore measures the raw bytes first and refuses a body deeper than
:data:`MAX_DEPTH` before anything recursive sees it.

Both passes are linear in the size of the body: strings are skipped with a pattern that cannot
backtrack and always matches once it has started (an unterminated string runs to the end), so
no body costs more than one pass over it. Malformed JSON is not judged here: the parser that
runs next refuses it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from itertools import accumulate

MAX_DEPTH = 64
"""Objects and arrays inside each other, the body itself being the first level. Far more than
any request needs (a workflow adjustment, the deepest, has four)."""

# A JSON string: possessive, so it never backtracks; it ends at its closing quote or at the end
# of the body (a trailing lone backslash included), so a match that has started never fails.
_STRING = rb'"(?:[^"\\]++|\\.)*+(?:"|\\?\Z)'
_STRINGS = re.compile(_STRING, re.DOTALL)
_TOKENS = re.compile(_STRING + rb"|[\[\]{},]", re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_STEP = tuple(1 if b in b"[{" else -1 if b in b"]}" else 0 for b in range(256))


def depth(body: bytes) -> int:
    """The deepest nesting of objects and arrays in ``body`` (0 for a bare value)."""
    brackets = _STRINGS.sub(b"", body).translate(None, _NOT_BRACKETS)
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


@dataclass
class _Level:
    is_object: bool
    index: int = 0  # arrays: the position of the current element
    key: bytes | None = None  # objects: the current member's name, as its raw JSON string
    expecting_key: bool = False


def _segment(level: _Level) -> str:
    if not level.is_object:
        return str(level.index)
    if level.key is None:
        return ""
    try:
        name = json.loads(level.key)  # one flat string: no recursion
    except ValueError:
        name = level.key[1:-1].decode("utf-8", "replace")
    return str(name).replace("~", "~0").replace("/", "~1")


def too_deep(body: bytes, limit: int = MAX_DEPTH) -> str | None:
    """The JSON pointer (``#/…``, RFC 6901) of the first object or array nested deeper than
    ``limit`` levels in ``body``, or ``None`` when there is none."""
    if body.count(b"[") + body.count(b"{") <= limit:
        return None  # the common case, at the cost of two scans in C
    if depth(body) <= limit:
        return None
    levels: list[_Level] = []
    for token in _TOKENS.finditer(body):
        text = token.group()
        char = text[:1]
        top = levels[-1] if levels else None
        if char == b'"':
            if top is not None and top.expecting_key:
                top.key, top.expecting_key = text, False
        elif char in (b"[", b"{"):
            if len(levels) == limit:
                return "#/" + "/".join(_segment(level) for level in levels)
            levels.append(_Level(is_object=char == b"{", expecting_key=char == b"{"))
        elif char in (b"]", b"}"):
            if levels:
                levels.pop()
        elif top is not None:  # a comma
            if top.is_object:
                top.expecting_key = True
            else:
                top.index += 1
    return "#/"  # not reached: depth() found a level past the limit
