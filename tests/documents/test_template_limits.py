"""A template is code a service uploads and the server runs: over HTTP, every way the December
review found to make it exhaust the server (output, loops, calls, recursion), to reach outside
itself (include, import, extends, undefined globals) or to smuggle a DOCTYPE into the package is
a 422 at upload, and a fill that runs past its budget is a 422 that writes nothing."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Callable
from itertools import count
from typing import Any

import anyio
import httpx
import pytest
from sqlalchemy import Connection, update

from app.config import get_settings
from app.documents import sandbox
from app.documents.catalogue import TEMPLATE_DIR
from app.documents.models import ServiceTemplate
from tests.conftest import LiveServer
from tests.documents.test_documents_api import GOOD, MANIFEST, docx_with, upload
from tests.helpers import Api, Case, Tenant, make_case

BOMB = {**MANIFEST, "key": "bombe", "required_fields": []}


def refused(
    tenant: Tenant, content: bytes, code: str | None = None, *, key: str = "bombe"
) -> dict[str, Any]:
    """Upload ``content``: a 422 template-invalid (with ``code`` in its errors) and no template."""
    response = upload(tenant.leader, content, {**BOMB, "key": key})
    assert response.status_code == 422, response.text[:500]
    body = dict(response.json())
    assert body["type"] == "https://fosterflyt.no/problems/template-invalid", body
    assert body["errors"][0]["pointer"] == "#/file"
    if code is not None:
        assert [e["code"] for e in body["errors"]] == [code], body
    assert tenant.leader.get(f"/v1/templates/{key}").status_code == 404
    return body


# -- output and work ------------------------------------------------------------------------

BIG = "{% set s = 'a' * 100000 %}"
BOMBS = {
    # the review's finding 6, as written there
    "center": ("{{ 'x'|center(50000000) }}", "output_limit"),
    "format-filter-width": ("{{ '%050000000d'|format(1) }}", "template_invalid"),
    "indent": ("{{ 'a\\nb'|indent(50000000) }}", "output_limit"),
    "nested-loops-20m": (
        "{% for a in range(1000) %}{% for b in range(1000) %}{% for c in range(20) %}"
        "{% endfor %}{% endfor %}{% endfor %}",
        "step_limit",
    ),
    "concat-doubling": (
        BIG + "{% set b = s ~ s %}{% set c = b ~ b %}{% set d = c ~ c %}{% set e = d ~ d %}"
        "{% set f = e ~ e %}{% set g = f ~ f %}{{ g|length }}",
        "output_limit",
    ),
    "string-times-big-in-a-loop": (
        BIG + "{% for i in range(100) %}{{ s }}{% endfor %}",
        "output_limit",
    ),
    # the same amplifiers reached another way
    "percent-operator-width": ("{{ '%050000000d' % 1 }}", "template_invalid"),
    "str-format-width": ("{{ '{:>50000000}'.format(1) }}", "template_invalid"),
    "str-format-nested-width": ("{{ '{:>{w}}'.format(1, w=50000000) }}", "template_invalid"),
    "str-method-padding": ("{{ 'x'.ljust(50000000) }}", "output_limit"),
    "str-method-replace": ("{{ ('a' * 10000).replace('a', 'b' * 1000) }}", "output_limit"),
    "replace-filter": ("{{ ('a' * 10000)|replace('a', 'b' * 1000) }}", "output_limit"),
    "join-separator": ("{{ range(1000)|join('x' * 10000) }}", "output_limit"),
    "wordwrap-wrapstring": (
        "{{ ('a' * 10000)|wordwrap(1, true, 'b' * 1000) }}",
        "output_limit",
    ),
    "batch-fill": ("{{ range(3)|batch(10000000, 'x')|list|length }}", "output_limit"),
    "plus-doubling": (
        BIG + "{% set b = s + s %}{% set c = b + b %}{% set d = c + c %}{% set e = d + d %}"
        "{% set f = e + e %}{% set g = f + f %}{{ g|length }}",
        "output_limit",
    ),
    "list-printed": ("{{ ['a' * 100000] * 100 }}", "output_limit"),
    "macro-output": (
        BIG + "{% macro m() %}{% for i in range(100) %}{{ s }}{% endfor %}{% endmacro %}"
        "{{ m()|length }}",
        "output_limit",
    ),
    "set-block-output": (
        BIG + "{% set t %}{% for i in range(100) %}{{ s }}{% endfor %}{% endset %}{{ t|length }}",
        "output_limit",
    ),
    "loop-body-data": (
        "{% for i in range(1000) %}{% for j in range(100) %}" + "x" * 100 + "{% endfor %}"
        "{% endfor %}",
        "output_limit",
    ),
    "exponential-macro-calls": (
        "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}"
        "{{ f(17) }}",
        "step_limit",
    ),
    "sum-of-lists": ("{{ ('x' * 1000)|batch(1)|sum(start=[]) }}", "template_invalid"),
    "many-format-widths": ("{{ ('%1000s' * 10000) % ((1,) * 10000) }}", "output_limit"),
    # compiling costs time per tag, before any render
    "too-many-tokens": ("{{ barn.fornavn }}" * 2001, "template_invalid"),
}


@pytest.mark.parametrize(("text", "code"), list(BOMBS.values()), ids=list(BOMBS))
def test_a_template_that_would_exhaust_the_server_is_refused_at_upload(
    api: Api, text: str, code: str
) -> None:
    refused(api.tenant(), docx_with(text), code)


FAULTS = {
    "infinite-recursion": "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
    "type-error": "{{ 1 + 'a' }}",
    "str-translate": "{{ 'abc'.translate({97: 'b' * 100000}) }}",
    "bytes-times-big": "{{ 'x'.encode() * 10000000 }}",
    "removed-filter-urlize": "{{ 'https://x.example'|urlize }}",
    "removed-filter-tojson": "{{ range(3)|tojson(50000000) }}",
    "deep-nesting": "{{ " + "(" * 2000 + "1" + ")" * 2000 + " }}",
}


@pytest.mark.parametrize("text", list(FAULTS.values()), ids=list(FAULTS))
def test_a_template_that_fails_when_run_is_a_422_not_a_500(api: Api, text: str) -> None:
    refused(api.tenant(), docx_with(text))


def test_the_budget_settings_are_what_bounds_the_trial_render(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    tenant = api.tenant()
    monkeypatch.setattr(get_settings(), "template_max_steps", 50)
    loop = "{% for i in range(40) %}{{ i }}{% endfor %}"
    assert upload(tenant.leader, docx_with(loop), BOMB).status_code == 201
    refused(tenant, docx_with(loop + loop), "step_limit", key="bombe-2")
    monkeypatch.setattr(get_settings(), "template_max_output_chars", 10_000)
    refused(tenant, docx_with("{{ 'x' * 20000 }}"), "output_limit", key="bombe-3")


@pytest.fixture
def slow_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """A render clock that moves one second at every look: deterministic, and no test waits."""
    ticks = count()
    monkeypatch.setattr(sandbox, "clock", lambda: float(next(ticks)))


@pytest.mark.usefixtures("slow_clock")
def test_a_trial_render_that_takes_longer_than_its_time_limit_is_refused(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    tenant = api.tenant()
    monkeypatch.setattr(get_settings(), "template_render_seconds", 10)
    body = refused(tenant, docx_with("{% for i in range(20) %}{{ i }}{% endfor %}"), "time_limit")
    assert "10" in body["detail"]
    assert upload(tenant.leader, GOOD, BOMB).status_code == 201  # no loop, no look at the clock


def test_an_upload_waits_for_a_document_slot_and_gives_up_with_a_503(
    api: Api, server_with: Callable[..., LiveServer]
) -> None:
    tenant = api.tenant()
    server = server_with(document_wait_seconds=0.3)
    server.app.state.document_slots = anyio.Semaphore(0)  # every slot taken
    bearer = tenant.leader.bearer
    with httpx.Client(
        base_url=server.url, headers={"Authorization": f"Bearer {bearer}"}, timeout=30
    ) as client:
        response = client.post(
            "/v1/templates",
            files={"file": ("mal.docx", GOOD, "application/octet-stream")},
            data={"manifest": json.dumps(BOMB)},
        )
        assert response.status_code == 503, response.text
        assert response.json()["type"].endswith("/documents-busy")
        assert response.headers["retry-after"] == "5"
        assert client.get("/v1/templates/bombe").status_code == 404
        declared = client.get("/openapi.json").json()["paths"]["/v1/templates"]["post"]
        assert "`documents-busy`" in declared["responses"]["503"]["description"]


# -- reaching outside the template ---------------------------------------------------------

OUTSIDE = {
    "include": "{% include 'word/document.xml' %}",
    "import": "{% import 'makroer' as m %}",
    "from-import": "{% from 'makroer' import m %}",
    "extends": "{% extends 'grunnmal' %}",
    "block": "{% block b %}{% for i in range(10) %}x{% endfor %}{% endblock %}{{ self.b() }}",
    "config": "{{ config.items() }}",
    "namespace": "{% set ns = namespace(n=0) %}{{ ns.n }}",
    "cycler": "{{ cycler(1, 2).next() }}",
    "lipsum": "{{ lipsum(1000) }}",
}


@pytest.mark.parametrize("text", list(OUTSIDE.values()), ids=list(OUTSIDE))
def test_a_template_cannot_reach_other_templates_or_globals(api: Api, text: str) -> None:
    body = refused(api.tenant(), docx_with(text))
    assert "Traceback" not in json.dumps(body)


SSTI = {
    "mro": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "attr-filter": "{{ ''|attr('__class__') }}",
    "subscript": "{{ ''['__class__'] }}",
    "format-field": "{{ '{0.__class__}'.format(1) }}",
    "template-reference": "{{ self._TemplateReference__context }}",
    "cycler-globals": "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "loop-attr": "{% for x in range(1) %}{{ loop|attr('__class__') }}{% endfor %}",
    "map-attribute": "{{ range(3)|map(attribute='__class__')|list }}",
    "range-million": "{% for x in range(10**6) %}{% endfor %}",
    "power": "{{ 9**9**9 }}",
    "string-times-huge": "{{ 'a' * 10**8 }}",
}


@pytest.mark.parametrize("text", list(SSTI.values()), ids=list(SSTI))
def test_every_sandbox_escape_of_the_review_is_still_refused(api: Api, text: str) -> None:
    refused(api.tenant(), docx_with(text))


# -- DOCTYPE in the package ----------------------------------------------------------------


def with_part(content: bytes, name: str, change: Callable[[bytes], bytes]) -> bytes:
    """``content`` with the part ``name`` rewritten by ``change``."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info.filename, change(data) if info.filename == name else data)
    return out.getvalue()


def doctype(subset: str) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        head, rest = data.split(b"?>", 1)
        root = re.search(rb"<([\w:]+)", rest)
        assert root is not None
        return head + b"?>" + b"<!DOCTYPE " + root.group(1) + b" [" + subset.encode() + b"]>" + rest

    return change


XXE = '<!ENTITY xxe SYSTEM "file:///etc/hostname">'
PARAMETER = '<!ENTITY % p SYSTEM "file:///nonexistent/fosterflyt.dtd"> %p;'
DOCTYPES = {
    "document-xml-entity": (
        "word/document.xml",
        lambda data: doctype(XXE)(data).replace(b"Hei", b"Hei &xxe;"),
    ),
    "styles-xml": ("word/styles.xml", doctype(PARAMETER)),
    "settings-xml": ("word/settings.xml", doctype(PARAMETER)),
    "font-table": ("word/fontTable.xml", doctype(PARAMETER)),
    "web-settings": ("word/webSettings.xml", doctype(PARAMETER)),
    "relationships": ("_rels/.rels", doctype(XXE)),
}


@pytest.mark.parametrize(("part", "change"), list(DOCTYPES.values()), ids=list(DOCTYPES))
def test_a_doctype_in_any_xml_part_is_refused_at_upload(
    api: Api, part: str, change: Callable[[bytes], bytes]
) -> None:
    content = with_part(docx_with("Hei {{ barn.fornavn }}"), part, change)
    assert part in zipfile.ZipFile(io.BytesIO(content)).namelist()
    tenant = api.tenant()
    response = upload(tenant.leader, content, BOMB)
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["type"].endswith("/template-invalid")
    assert [(e["code"], e["pointer"]) for e in body["errors"]] == [
        ("doctype_not_allowed", "#/file")
    ]
    assert part in body["errors"][0]["detail"]


def test_a_doctype_in_utf16_is_refused_too(api: Api) -> None:
    def utf16(data: bytes) -> bytes:
        text = doctype(PARAMETER)(data).decode("utf-8").replace('encoding="UTF-8"', "")
        return text.encode("utf-16")

    content = with_part(docx_with("Hei"), "word/styles.xml", utf16)
    response = upload(api.tenant().leader, content, BOMB)
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["code"] == "doctype_not_allowed"


# -- filling --------------------------------------------------------------------------------


@pytest.fixture
def case(api: Api) -> Case:
    return make_case(api)


def fill(case: Case, key: str) -> httpx.Response:
    return case.tenant.integration.post(
        "/v1/documents",
        json={"template_key": key, "placement_id": case.placement["id"], "draft": True},
    )


def documents(case: Case) -> list[dict[str, Any]]:
    listed = case.tenant.integration.get(
        "/v1/documents", params={"placement_id": case.placement["id"]}
    )
    return list(listed.json()["items"])


def test_a_fill_that_runs_past_its_budget_is_a_422_and_writes_nothing(case: Case) -> None:
    # The sample context of the trial render has no foster parents; the case has two, and for
    # each the template loops 60 000 times: past the 100 000 steps of one render.
    per_parent = "{% for i in range(1000) %}{% for j in range(60) %}{% endfor %}{% endfor %}"
    text = "{% for p in fosterhjem.fosterforeldre %}" + per_parent + "{% endfor %}"
    assert upload(case.tenant.leader, docx_with(text), BOMB).status_code == 201
    response = fill(case, "bombe")
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["type"] == "https://fosterflyt.no/problems/template-invalid"
    assert [(e["code"], e["pointer"]) for e in body["errors"]] == [("step_limit", "#/template_key")]
    assert documents(case) == []


def test_regenerating_a_document_past_the_budget_is_a_422_pointing_at_source(
    case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    per_parent = "{% for i in range(600) %}{% endfor %}"  # two foster parents: 1 200 steps
    text = "{% for p in fosterhjem.fosterforeldre %}" + per_parent + "{% endfor %}"
    assert upload(case.tenant.leader, docx_with(text), BOMB).status_code == 201
    created = fill(case, "bombe")
    assert created.status_code == 201, created.text
    monkeypatch.setattr(get_settings(), "template_max_steps", 1000)
    content = f"/v1/documents/{created.json()['id']}/content"
    again = case.tenant.integration.get(content, params={"source": "snapshot"})
    assert again.status_code == 422, again.text
    assert again.json()["type"].endswith("/template-invalid")
    assert [(e["code"], e["parameter"]) for e in again.json()["errors"]] == [
        ("step_limit", "source")
    ]
    assert case.tenant.integration.get(content).status_code == 200  # the stored bytes stay


def test_a_stored_template_whose_xml_cannot_be_read_is_a_422_at_fill(
    case: Case, connection: Connection
) -> None:
    # A template stored before DOCTYPEs were refused at upload.
    assert upload(case.tenant.leader, docx_with("Hei {{ barn.fornavn }}"), BOMB).status_code == 201
    broken = with_part(
        docx_with("Hei {{ barn.fornavn }}"),
        "word/document.xml",
        lambda data: doctype(XXE)(data).replace(b"Hei", b"Hei &xxe;"),
    )
    connection.execute(
        update(ServiceTemplate).where(ServiceTemplate.key == "bombe").values(content=broken)
    )
    response = fill(case, "bombe")
    assert response.status_code == 422, response.text
    assert response.json()["type"].endswith("/template-invalid")
    assert documents(case) == []


CATALOGUE = json.loads((TEMPLATE_DIR / "manifest.json").read_text(encoding="utf-8"))["templates"]


@pytest.mark.parametrize("entry", CATALOGUE, ids=[e["key"] for e in CATALOGUE])
def test_every_catalogue_template_passes_the_upload_checks_and_fills(
    case: Case, entry: dict[str, Any]
) -> None:
    manifest = {
        "key": "kopi-" + entry["key"],
        "title": entry["title"],
        "public_title": entry["public_title"],
        "noark_document_type": entry["noark_document_type"],
        "required_fields": entry["required_fields"],
        "extra_fields": entry["extra_fields"],
    }
    content = (TEMPLATE_DIR / entry["file"]).read_bytes()
    uploaded = upload(case.tenant.leader, content, manifest)
    assert uploaded.status_code == 201, uploaded.text
    filled = fill(case, manifest["key"])
    assert filled.status_code == 201, filled.text
