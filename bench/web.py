"""The web app's scenario: Mine oppgaver (``GET /app/``) for signed-in contact persons.

``sign_in`` starts a web session (the service's own ``app.web_sessions.service.start``, as the
development login does) for up to ``count`` contact persons of the data set and returns their
cookies; ``first_load`` fetches the page and every stylesheet and script it names, as a
browser with an empty cache would, and says how many bytes that took and whether each asset may
be kept (``immutable``), so a second load fetches only the HTML."""

from __future__ import annotations

import random
import re
import uuid
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import make_engine
from app.staff.models import Staff
from app.web_sessions import service as sessions
from app.web_sessions.service import Method
from bench.loader import Dataset

COOKIE = "fosterflyt_session"  # development (the bench's servers run in development)
ASSET = re.compile(r'(?:href|src)="(/app/static/[^"]+)"')


def sign_in(
    url: str, dataset: Dataset, *, count: int = 200, seed: int = 13
) -> list[tuple[uuid.UUID, str]]:
    """(contact person id, cookie header value) for ``count`` random contact persons."""
    rng = random.Random(seed)  # noqa: S311  (reproducible choice of people)
    contacts = [c for s in dataset.services for c in s.contact_ids]
    chosen = rng.sample(contacts, min(count, len(contacts)))
    engine = make_engine(url)
    try:
        with Session(engine) as session, session.begin():
            people = session.execute(
                select(Staff.id, Staff.email, Staff.name).where(Staff.id.in_(chosen))
            ).all()
            return [
                (
                    staff_id,
                    f"{COOKIE}="
                    + sessions.start(
                        session, subject=email, display_name=name, method=Method.DEVELOPMENT
                    ),
                )
                for staff_id, email, name in people
            ]
    finally:
        engine.dispose()


def first_load(port: int, cookie: str) -> dict[str, Any]:
    """The page and its assets as an empty cache fetches them: bytes on the wire per kind, and
    whether every asset answers ``immutable`` (the second load then fetches the HTML only)."""
    base = f"http://127.0.0.1:{port}"
    # As a browser asks; num_bytes_downloaded counts what came over the wire (compressed).
    with httpx.Client(base_url=base, timeout=30, headers={"Accept-Encoding": "gzip"}) as http:
        page = http.get("/app/", headers={"Cookie": cookie})
        page.raise_for_status()
        html_bytes = page.num_bytes_downloaded
        assets: list[dict[str, Any]] = []
        for path in dict.fromkeys(ASSET.findall(page.text)):
            answer = http.get(path)
            answer.raise_for_status()
            assets.append(
                {
                    "path": path,
                    "bytes": answer.num_bytes_downloaded,
                    "immutable": "immutable" in answer.headers.get("cache-control", ""),
                }
            )
    asset_bytes = sum(a["bytes"] for a in assets)
    return {
        "html_bytes": html_bytes,
        "asset_bytes": asset_bytes,
        "total_bytes": html_bytes + asset_bytes,
        "assets": assets,
        "all_cached_afterwards": all(a["immutable"] for a in assets),
        "second_load_bytes": html_bytes,
    }
