"""Prepared templates: a fill from the cache gives the same bytes as docxtpl's own
open-render-save, for every shipped template, and the sandbox and its limits still apply. Pure:
no database, no HTTP."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from typing import Any

import pytest
from docx import Document as Docx

from app.documents import filling
from app.documents.filling import TemplateError, render
from app.documents.sandbox import RenderLimits, bounded
from app.documents.upload import sample_context
from tests.documents.test_templates import ENTRIES, KEYS, case, template


def docx_with(*paragraphs: str, title: str = "") -> bytes:
    doc = Docx()
    doc.core_properties.title = title
    for text in paragraphs:
        doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def cold(content: bytes, context: dict[str, Any], gaps: list[str] | None = None) -> bytes:
    """What ``render`` gave before templates were prepared: docxtpl's whole path."""
    values = filling._with_gaps(context, gaps) if gaps else dict(context)
    with bounded(RenderLimits()):  # the sandbox renders only inside a budget
        return filling._render_cold(content, values)


def is_prepared(content: bytes) -> bool:
    found, prepared = filling.prepared_templates.get(hashlib.sha256(content).hexdigest())
    return found and prepared is not None


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    filling.prepared_templates.clear()
    yield
    filling.prepared_templates.clear()


@pytest.mark.parametrize("key", KEYS)
def test_a_prepared_template_fills_byte_for_byte_like_docxtpl(key: str) -> None:
    entry = next(e for e in ENTRIES if e["key"] == key)
    content = template(entry)
    required = entry.get("required_fields") or ["barn.fornavn"]
    contexts: list[tuple[dict[str, Any], list[str] | None]] = [
        (case(entry), None),
        (case(entry), required),  # a draft with every required field marked missing
        ({}, None),
        (sample_context({}), None),
    ]
    for context, gaps in contexts:
        first = render(content, context, draft_gaps=gaps)
        assert is_prepared(content)
        assert first == cold(content, context, gaps)
        assert render(content, context, draft_gaps=gaps) == first


def test_the_body_and_the_document_properties_are_filled_from_the_cache() -> None:
    content = docx_with("Hei {{ barn.fornavn }}", title="Notat om {{ barn.fornavn }}")
    context = {"barn": {"fornavn": "Emma & <Ola>"}}
    filled = render(content, context)
    assert is_prepared(content)
    assert filled == cold(content, context)
    document = Docx(io.BytesIO(filled))
    assert document.paragraphs[-1].text == "Hei Emma & <Ola>"
    # docxtpl autoescapes the properties too (they are stored escaped once more): as before
    assert document.core_properties.title == "Notat om Emma &amp; &lt;Ola&gt;"


@pytest.mark.parametrize(
    "text",
    [
        "{{ ''.__class__.__mro__ }}",
        "{% for x in range(10**9) %}x{% endfor %}",
        "{% for x in range(100000) %}x{% endfor %}",
        "{{ 'x' * 10000000 }}",
        "{{ [1] * 1000000 }}",
    ],
    ids=["python-internals", "power", "huge-range", "huge-string", "huge-list"],
)
def test_the_sandbox_still_refuses_on_every_fill_from_the_cache(text: str) -> None:
    content = docx_with(text)
    for _ in range(2):  # the fill that prepares the template, then one from the cache
        with pytest.raises(TemplateError):
            render(content, {})
        assert is_prepared(content)


def test_broken_jinja_is_refused_as_before_and_not_prepared() -> None:
    content = docx_with("{% if barn.fornavn %}uten slutt")
    for _ in range(2):
        with pytest.raises(TemplateError, match="endif"):
            render(content, {})
    assert not is_prepared(content)


def test_the_cache_is_bounded_by_count_and_by_bytes() -> None:
    contents = [docx_with(f"Mal {n}: {{{{ barn.fornavn }}}}") for n in range(3)]
    cache = filling._PreparedCache(max_entries=2, max_bytes=10**9)
    for content in contents:
        prepared = filling._prepare(content)
        assert prepared is not None
        cache.put(hashlib.sha256(content).hexdigest(), prepared)
    assert len(cache) == 2
    assert not cache.get(hashlib.sha256(contents[0]).hexdigest())[0]  # least recently used
    size = prepared.size
    small = filling._PreparedCache(max_entries=10, max_bytes=size + size // 2)
    for content in contents:
        prepared = filling._prepare(content)
        assert prepared is not None
        small.put(hashlib.sha256(content).hexdigest(), prepared)
    assert len(small) == 1
    assert small.bytes <= size + size // 2
    tiny = filling._PreparedCache(max_entries=10, max_bytes=size - 1)
    tiny.put("too-big", prepared)
    assert len(tiny) == 0
