"""Shared steps of the supervision tests (also used by the tenancy matrix)."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx

from tests.helpers import Caller, Case

# The smallest file a PDF reader opens: a header, one empty page, a trailer.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

VISITOR = {
    "name": "Randi Haugen",
    "phone": "+47 912 34 567",
    "email": "randi.haugen@example.no",
    "appointed_on": "2026-01-10",
    "police_certificate_checked_on": "2026-01-08",
    "training_completed_on": None,
    "agreement_signed_on": "2026-01-12",
}

HOME_CHILD = {"name": "Emma", "birth_year": 2015, "relation": "own_child"}


def visitors_url(case: Case) -> str:
    return f"/v1/placements/{case.placement['id']}/supervision-visitors"


def appoint(case: Case, caller: Caller | None = None, **body: Any) -> httpx.Response:
    payload = {**VISITOR, "appointed_on": case.placement["start_date"], **body}
    return (caller or case.tenant.contact).post(visitors_url(case), json=payload)


def send_report(
    caller: Caller,
    placement_id: str,
    *,
    visit_date: date,
    received_on: date,
    spoke_with_child_alone: bool = True,
    content: bytes = PDF,
    filename: str = "tilsynsrapport.pdf",
) -> httpx.Response:
    return caller.post(
        "/v1/supervision-reports",
        data={
            "placement_id": placement_id,
            "visit_date": visit_date.isoformat(),
            "received_on": received_on.isoformat(),
            "spoke_with_child_alone": "true" if spoke_with_child_alone else "false",
        },
        files={"file": (filename, content, "application/octet-stream")},
    )
