"""Uploaded templates may read the case data issue #14 added — parents, plans, contact visits,
supervision, the approval, the life story, the year wheel's records — and a field that does not
exist is refused at upload, with the field named (issue #14, "bad input")."""

from __future__ import annotations

import pytest

from tests.documents.test_documents_api import MANIFEST, docx_with, upload
from tests.helpers import Api

NEW_FIELDS = (
    "forelder.navn",
    "samvaer.ordning.hyppighet",
    "tilsynsrapport.mottatt",
    "tilsynsforer.navn",
    "godkjenning.frist",
    "planer.omsorgsplan.vedtatt",
    "rammefortelling.sist_skrevet",
)


def test_a_template_reading_the_new_case_data_is_accepted(api: Api) -> None:
    tenant = api.tenant()
    content = docx_with(
        *(f"{path}: {{{{ {path} }}}}" for path in NEW_FIELDS),
        "{% for e in hendelser %}{{ e.dato }} {{ e.tittel }}; {% endfor %}",
    )
    response = upload(tenant.leader, content, {**MANIFEST, "key": "ny-mal"})
    assert response.status_code == 201, response.text


@pytest.mark.parametrize(
    "path", ["forelder.skostorrelse", "samvaer.ordning.farge", "tilsynsrapport.karakter"]
)
def test_a_field_that_does_not_exist_is_refused_at_upload(api: Api, path: str) -> None:
    tenant = api.tenant()
    content = docx_with(f"Verdi: {{{{ {path} }}}}")
    response = upload(tenant.leader, content, {**MANIFEST, "key": "feil-mal"})
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["type"].endswith("/template-invalid")
    assert [(e["pointer"], e["code"], e["detail"]) for e in body["errors"]] == [
        ("#/file", "unknown_field", f"Unknown field {path}")
    ]
    assert tenant.leader.get("/v1/templates/feil-mal").status_code == 404
