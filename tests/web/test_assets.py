"""The vendored assets are the pinned npm packages' files, served under hashed names that a
browser may keep for a year."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from app.web import assets
from tests.web.conftest import WebClient

STATIC = Path(assets.__file__).parent / "static"


def test_the_vendored_files_match_their_recorded_checksums() -> None:
    lines = [
        line.split()
        for line in (STATIC / "CHECKSUMS").read_text().splitlines()
        if line and not line.startswith("#")
    ]
    assert {name for _, name in lines} == {
        "designsystemet.css",
        "designsystemet-theme.css",
        "htmx.min.js",
    }
    for digest, name in lines:
        assert hashlib.sha256((STATIC / name).read_bytes()).hexdigest() == digest, name


def test_the_versions_recorded_are_the_versions_the_refresh_script_pins() -> None:
    script = (Path(__file__).parents[2] / "scripts" / "vendor_assets").read_text()
    pins = dict(re.findall(r"^([A-Z_]+)=([\d.]+)", script, re.M))
    header = (STATIC / "CHECKSUMS").read_text()
    assert f"@digdir/designsystemet-css@{pins['DESIGNSYSTEMET_CSS']}" in header
    assert f"htmx.org@{pins['HTMX']}" in header


def test_assets_are_served_under_their_hash_and_cached_for_a_year(web: WebClient) -> None:
    page = web.get("/app/login")
    hrefs = re.findall(r'(?:href|src)="(/app/static/[^"]+)"', page.text)
    assert len(hrefs) == 4
    for href in hrefs:
        response = web.get(href)
        assert response.status_code == 200
        assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
        digest = hashlib.sha256(response.content).hexdigest()[:12]
        assert f".{digest}." in href
    assert web.get("/app/static/designsystemet.css").status_code == 404  # only hashed names
