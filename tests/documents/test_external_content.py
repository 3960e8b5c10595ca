"""External content over HTTP (security review 2026-12, finding 1: SSRF through LibreOffice).

An uploaded template that reaches outside its file is refused; a document made from one stored
before that check converts to PDF without a single request reaching the target.
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any

import httpx
import pytest
from sqlalchemy import Connection, text

from tests.documents.crafted import (
    FORMS,
    Listener,
    external_image,
    hyperlink,
    jinja_written_field,
    with_doctype,
)
from tests.documents.crafted import package as docx_package
from tests.helpers import Api, Caller, make_case

MANIFEST = {
    "key": "ekstern-mal",
    "title": "Mal med ekstern lenke",
    "public_title": "Notat",
    "noark_document_type": "Notat",
    "required_fields": [],
    "extra_fields": {},
}


def upload(caller: Caller, content: bytes) -> httpx.Response:
    return caller.post(
        "/v1/templates",
        files={"file": ("mal.docx", content, "application/octet-stream")},
        data={"manifest": json.dumps(MANIFEST)},
    )


def refused_for_external_content(response: httpx.Response) -> list[dict[str, Any]]:
    assert response.status_code == 422, response.text
    body = response.json()
    assert response.headers["content-type"].startswith("application/problem+json")
    assert body["type"] == "https://fosterflyt.no/problems/template-invalid"
    assert body["errors"], body
    assert {e["pointer"] for e in body["errors"]} == {"#/file"}
    assert "external_content" in {e["code"] for e in body["errors"]}
    return list(body["errors"])


class TestATemplateThatReachesOutsideItsFileIsRefused:
    def test_the_reviews_external_image_is_refused_and_nothing_is_stored(
        self, api: Api, listener: Listener
    ) -> None:
        tenant = api.tenant()
        response = upload(tenant.leader, external_image(listener.url("/img-link.png")))
        errors = refused_for_external_content(response)
        assert "word/_rels/document.xml.rels" in errors[0]["detail"]
        assert "127.0.0.1" not in response.text  # the target is not echoed
        assert tenant.leader.get(f"/v1/templates/{MANIFEST['key']}").status_code == 404
        assert listener.requests == []

    @pytest.mark.parametrize("form", list(FORMS))
    def test_every_form_of_external_content_is_refused(
        self, api: Api, listener: Listener, form: str
    ) -> None:
        tenant = api.tenant()
        response = upload(tenant.leader, FORMS[form](listener.url(f"/{form}")))
        refused_for_external_content(response)
        assert tenant.leader.get(f"/v1/templates/{MANIFEST['key']}").status_code == 404

    def test_external_content_the_templates_jinja_writes_is_refused(
        self, api: Api, listener: Listener
    ) -> None:
        tenant = api.tenant()
        response = upload(tenant.leader, jinja_written_field(listener.url("/jinja")))
        errors = refused_for_external_content(response)
        assert "once filled" in errors[0]["detail"]

    def test_a_doctype_is_refused_before_any_parser_reads_it(self, api: Api) -> None:
        tenant = api.tenant()
        response = upload(tenant.leader, with_doctype())
        assert response.status_code == 422, response.text
        assert response.json()["errors"][0]["code"] == "doctype_not_allowed"

    def test_a_plain_hyperlink_is_accepted(self, api: Api) -> None:
        tenant = api.tenant()
        response = upload(tenant.leader, hyperlink("https://www.bufdir.no/"))
        assert response.status_code == 201, response.text


def _pdf(caller: Caller, document_id: str, source: str) -> httpx.Response:
    response = caller.get(
        f"/v1/documents/{document_id}/content", params={"format": "pdf", "source": source}
    )
    if response.status_code == 503 and response.json()["type"].endswith("/pdf-unavailable"):
        if os.environ.get("FOSTERFLYT_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail("LibreOffice is required here but the server has none")
        pytest.skip("LibreOffice is not installed on this machine")
    return response


class TestATemplateStoredBeforeTheCheckReachesNothing:
    """Defence in depth: the bytes at rest are the review's attack, as if uploaded before the
    upload check existed. Converting its document (stored, or filled again from the snapshot)
    sends no request to the target."""

    @pytest.mark.parametrize("source", ["stored", "snapshot"])
    def test_its_pdf_is_made_without_a_request_to_the_target(
        self, api: Api, connection: Connection, listener: Listener, source: str
    ) -> None:
        case = make_case(api)
        tenant = case.tenant
        assert upload(tenant.leader, docx_package()).status_code == 201
        attack = external_image(listener.url("/img-link.png"))
        connection.execute(
            text("UPDATE service_templates SET content = :content, sha256 = :sha WHERE key = :key"),
            {"content": attack, "sha": hashlib.sha256(attack).hexdigest(), "key": MANIFEST["key"]},
        )
        created = tenant.integration.post(
            "/v1/documents",
            json={"template_key": MANIFEST["key"], "placement_id": case.placement["id"]},
        )
        assert created.status_code == 201, created.text
        response = _pdf(tenant.integration, created.json()["id"], source)
        assert response.status_code == 200, response.text
        assert response.content.startswith(b"%PDF")
        assert listener.requests == []
