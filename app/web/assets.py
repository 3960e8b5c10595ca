"""The pages' CSS and JavaScript, served by the app itself (closed municipal networks reach no
CDN) under names that carry their content's hash, so a browser may keep them for a year.

The vendored files come from the npm registry at the versions pinned in
``scripts/vendor_assets``, which also writes ``static/CHECKSUMS``; a test checks the files
against it. Fosterflyt's own stylesheet sits beside them."""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path

STATIC = Path(__file__).parent / "static"
PREFIX = "/app/static/"
IMMUTABLE = "public, max-age=31536000, immutable"


@dataclass(frozen=True)
class Asset:
    path: Path
    hashed_name: str
    media_type: str
    # The content, and gzipped once at start-up for browsers that accept it: Designsystemet's
    # CSS is 200 KB as it is and about a fifth of that on the wire.
    content: bytes = field(repr=False, default=b"")
    gzipped: bytes = field(repr=False, default=b"")


def _load() -> tuple[dict[str, Asset], dict[str, Asset]]:
    by_name: dict[str, Asset] = {}
    for path in sorted(STATIC.iterdir()):
        if path.suffix not in (".css", ".js", ".svg", ".woff2"):
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if path.suffix == ".js":
            media_type = "text/javascript"
        content = path.read_bytes()
        by_name[path.name] = Asset(
            path,
            f"{path.stem}.{digest}{path.suffix}",
            media_type,
            content,
            gzip.compress(content, compresslevel=9, mtime=0),
        )
    return by_name, {asset.hashed_name: asset for asset in by_name.values()}


BY_NAME, BY_HASHED_NAME = _load()


def url(name: str) -> str:
    """The address of the asset ``name`` (e.g. ``designsystemet.css``), with its hash."""
    return PREFIX + BY_NAME[name].hashed_name


def find(hashed_name: str) -> Asset | None:
    return BY_HASHED_NAME.get(hashed_name)
