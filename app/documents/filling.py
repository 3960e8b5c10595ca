"""Filling Word templates: docxtpl (Jinja in Word) inside the bounded sandbox of
``app.documents.sandbox``.

- A template can neither escape the sandbox nor exhaust the server: one render (every part of
  one document) has a budget of output, steps and time (:class:`RenderLimits`), and whatever
  goes wrong while it runs is a :class:`TemplateError`, never another exception.
- Output is deterministic: the same template and context give the same bytes (zip entries get a
  fixed timestamp), so a stored snapshot regenerates a document byte for byte.
- In a draft, every missing value is shown as a visible marker instead of being left blank.
- Templates are immutable per version, so what does not depend on the case is prepared once per
  template (keyed on the sha256 of its bytes, in a bounded LRU): docxtpl's patched Jinja source
  of each rendered part, compiled in the sandbox, and the bytes of every other part. A fill then
  renders the compiled parts and writes the archive; the bytes are the same as docxtpl's own
  open-render-save (tests/documents/test_filling_cache.py proves it for every shipped template).
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import threading
import zipfile
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.coreprops import CoreProperties
from docx.opc.oxml import serialize_part_xml
from docx.oxml.parser import parse_xml
from docxtpl import DocxTemplate
from jinja2 import Template, TemplateSyntaxError, UndefinedError, nodes
from jinja2.exceptions import SecurityError

from app.documents.sandbox import RenderLimitExceeded, RenderLimits, bounded, environment

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
GAP = "[MANGLER: {}]"

log = logging.getLogger(__name__)


class TemplateError(Exception):
    """The template cannot be used: broken Jinja, forbidden constructs, past its budget, failing
    when run, or not a .docx. ``code`` is a stable reason for a problem's ``errors[]``:
    ``template_invalid``, or the budget's ``output_limit``, ``step_limit``, ``time_limit``.
    The message never holds a value of the case."""

    def __init__(self, message: str, *, code: str = "template_invalid") -> None:
        super().__init__(message)
        self.code = code


def _archive(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """A zip archive of ``entries`` in order, with fixed timestamps and attributes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            fixed = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, data)
    return out.getvalue()


def deterministic(docx: bytes) -> bytes:
    """The same archive with fixed timestamps and entry order kept, so equal input gives equal
    bytes."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    return _archive((info.filename, source.read(info.filename)) for info in source.infolist())


class Gap(str):
    """A missing value in a draft: renders as its marker whether printed, looped over (one
    item) or asked for an attribute (``{{ m.frist }}`` inside a loop)."""

    __slots__ = ()

    def __getattr__(self, name: str) -> Gap:
        if name.startswith("_"):
            raise AttributeError(name)
        return self

    def __iter__(self) -> Iterator[str]:
        return iter([self])


def _with_gaps(context: Mapping[str, Any], missing: list[str]) -> dict[str, Any]:
    """A copy of the context with a visible marker at each missing path."""
    result: dict[str, Any] = {
        k: (dict(v) if isinstance(v, Mapping) else v) for k, v in context.items()
    }
    for path in missing:
        parts = path.split(".")
        target = result
        for part in parts[:-1]:
            nested = target.get(part)
            if not isinstance(nested, dict):
                nested = {} if nested is None else dict(nested)
                target[part] = nested
            target = nested
        target[parts[-1]] = Gap(GAP.format(path))
    return result


def render(
    template: bytes,
    context: Mapping[str, Any],
    *,
    draft_gaps: list[str] | None = None,
    limits: RenderLimits | None = None,
) -> bytes:
    """The filled document. ``draft_gaps``: paths to mark visibly as missing; ``limits``: the
    budget of the whole document (default: the settings' defaults).

    Raises :class:`TemplateError`, and nothing else, when the template cannot be filled."""
    values = _with_gaps(context, draft_gaps) if draft_gaps else dict(context)
    prepared = _prepared(template)
    try:
        with bounded(limits or RenderLimits()):
            if prepared is None:
                return _render_cold(template, values)
            return _fill(prepared, values)
    except RenderLimitExceeded as error:
        raise TemplateError(str(error), code=error.code) from None
    except (TemplateSyntaxError, SecurityError) as error:
        raise TemplateError(str(error)) from None
    except Exception as error:
        raise TemplateError(_failure(error)) from None


def _failure(error: Exception) -> str:
    """What to say about a template that failed while it ran. Only the names a template itself
    writes are repeated; a message that may hold a value of the case (a dictionary key, an
    answer) is not."""
    if isinstance(error, UndefinedError) and str(error).endswith(" is undefined"):
        return f"{error}: a template has only range() and the data dictionary's fields."
    if isinstance(error, UndefinedError):
        return "The template uses an attribute or item that does not exist."
    if isinstance(error, RecursionError):
        return "The template nests or calls itself too deeply."
    if isinstance(error, SyntaxError):  # lxml's XMLSyntaxError, from a part docxtpl parses
        return "The template's XML cannot be read (a DOCTYPE, an entity or broken markup?)."
    # Not a mistake the message can name safely: the type only, and a line for the operator.
    log.warning("template failed when run", extra={"error": type(error).__name__})
    return f"The template fails when it runs ({type(error).__name__})."


def _render_cold(template: bytes, values: dict[str, Any]) -> bytes:
    """docxtpl's own path: open the package, patch, compile and render every part, save."""
    doc = DocxTemplate(io.BytesIO(template))
    doc.render(values, jinja_env=environment(), autoescape=True)
    out = io.BytesIO()
    doc.save(out)
    return deterministic(out.getvalue())


# -- prepared templates ----------------------------------------------------------------------
#
# What docxtpl 0.20 ``DocxTemplate.render`` does per part, split into the case-independent half
# (done once in ``_prepare``) and the rest (``_fill``): ``build_xml``/``render_xml_part`` for the
# body, ``build_headers_footers_xml``/``map_headers_footers_xml`` for headers and footers,
# ``render_properties`` for the core properties. Every other part is written as python-docx saves
# it untouched. Templates with footnotes (docxtpl renders them once per section) or without core
# properties (python-docx then invents a part stamped with the current time) are not prepared:
# they take ``_render_cold``, unchanged.

MAX_PREPARED = 64
MAX_PREPARED_BYTES = 64 * 1024 * 1024
_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")
_HEADER_FOOTER = (DocxTemplate.HEADER_URI, DocxTemplate.FOOTER_URI)
_PARAGRAPH = re.compile(r"<w:p([ >])")
_PARAGRAPH_BACK = re.compile(r"\n<w:p([ >])")


@dataclass(frozen=True)
class _Prepared:
    entries: tuple[tuple[str, bytes], ...]  # the archive as saved untouched, in order
    document_name: str
    document_xml: bytes  # the main part as python-docx serializes it; its body is replaced
    body: Template
    parts: tuple[tuple[str, Template, str], ...]  # headers and footers: name, body, encoding
    core_name: str
    core_xml: bytes
    properties: tuple[tuple[str, Template], ...]
    size: int


class _PreparedCache:
    """A bounded LRU of prepared templates by the sha256 of their bytes."""

    def __init__(self, max_entries: int, max_bytes: int) -> None:
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self._items: OrderedDict[str, _Prepared | None] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> tuple[bool, _Prepared | None]:
        with self._lock:
            if key not in self._items:
                return False, None
            self._items.move_to_end(key)
            return True, self._items[key]

    def put(self, key: str, value: _Prepared | None) -> None:
        size = value.size if value is not None else 0
        if size > self.max_bytes:
            return
        with self._lock:
            if key in self._items:
                return
            self._items[key] = value
            self._bytes += size
            while len(self._items) > self.max_entries or self._bytes > self.max_bytes:
                _key, old = self._items.popitem(last=False)
                self._bytes -= old.size if old is not None else 0

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0

    def __len__(self) -> int:
        return len(self._items)

    @property
    def bytes(self) -> int:
        return self._bytes


prepared_templates = _PreparedCache(MAX_PREPARED, MAX_PREPARED_BYTES)
_sandbox = environment()  # shared by prepared templates: compiled in it, they render in it


def _prepared(template: bytes) -> _Prepared | None:
    """The prepared template, or None when it must take docxtpl's own path."""
    key = hashlib.sha256(template).hexdigest()
    found, prepared = prepared_templates.get(key)
    if not found:
        try:
            prepared = _prepare(template)
        except Exception:  # broken Jinja or package: the cold path raises what it always did
            return None
        prepared_templates.put(key, prepared)
    return prepared


def _compile(source: str) -> Template:
    return _sandbox.from_string(source)


def _prepare(template: bytes) -> _Prepared | None:
    doc = DocxTemplate(io.BytesIO(template))
    doc.init_docx()
    package = doc.docx.part.package
    if any(p.content_type == CONTENT_TYPE.WML_FOOTNOTES for p in package.iter_parts()):
        return None
    try:
        core_part = package.part_related_by(RELATIONSHIP_TYPE.CORE_PROPERTIES)
    except KeyError:
        return None
    document_part = doc.docx.part
    sources = [_PARAGRAPH.sub(r"\n<w:p\1", doc.patch_xml(doc.get_xml()))]
    parts: list[tuple[str, Template, str]] = []
    for uri in _HEADER_FOOTER:
        for _rel, part in doc.get_headers_footers(uri):
            xml = doc.get_part_xml(part)
            sources.append(_PARAGRAPH.sub(r"\n<w:p\1", doc.patch_xml(xml)))
            encoding = doc.get_headers_footers_encoding(xml)
            parts.append((part.partname.membername, _compile(sources[-1]), encoding))
    body = _compile(sources[0])
    initial = [(name, getattr(doc.docx.core_properties, name)) for name in _PROPERTIES]
    properties = tuple((name, _compile(value)) for name, value in initial)
    saved = io.BytesIO()
    doc.docx.save(saved)
    with zipfile.ZipFile(saved) as archive:
        entries = tuple((i.filename, archive.read(i.filename)) for i in archive.infolist())
    names = [name for name, _data in entries]
    document_name, core_name = document_part.partname.membername, core_part.partname.membername
    rendered = [document_name, core_name, *(name for name, _template, _encoding in parts)]
    if len(set(names)) != len(names) or len(set(rendered)) != len(rendered):
        return None  # a part saved twice or rendered twice: leave such oddities to docxtpl
    if not set(rendered) <= set(names):
        return None
    document_xml, core_xml = document_part.blob, core_part.blob
    # the compiled templates are counted at twice their source (measured: about 1.5×)
    size = sum(len(data) for _name, data in entries) + len(document_xml) + len(core_xml)
    size += 2 * sum(len(source) for source in sources)
    return _Prepared(
        entries=entries,
        document_name=document_name,
        document_xml=document_xml,
        body=body,
        parts=tuple(parts),
        core_name=core_name,
        core_xml=core_xml,
        properties=properties,
        size=size,
    )


def _render_part(helper: DocxTemplate, template: Template, values: Mapping[str, Any]) -> str:
    """docxtpl's ``render_xml_part`` after its compile step."""
    xml = _PARAGRAPH_BACK.sub(r"<w:p\1", template.render(values))
    xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    return str(helper.resolve_listing(xml))


def _fill(prepared: _Prepared, values: Mapping[str, Any]) -> bytes:
    helper = DocxTemplate(io.BytesIO())  # docxtpl's post-processing; holds the docPr counter
    helper.docx_ids_index = 1000
    filled: dict[str, bytes] = {}
    tree = helper.fix_tables(_render_part(helper, prepared.body, values))
    helper.fix_docpr_ids(tree)
    document = parse_xml(prepared.document_xml)
    document.replace(document.body, tree)
    filled[prepared.document_name] = serialize_part_xml(document)
    for name, template, encoding in prepared.parts:
        xml = _render_part(helper, template, values).encode(encoding)
        filled[name] = serialize_part_xml(parse_xml(xml))
    core = parse_xml(prepared.core_xml)
    properties = CoreProperties(core)
    for prop, template in prepared.properties:
        setattr(properties, prop, template.render(values))
    filled[prepared.core_name] = serialize_part_xml(core)
    return _archive((name, filled.get(name, data)) for name, data in prepared.entries)


def template_source(template: bytes) -> str:
    """The Jinja source docxtpl renders (placeholders split across Word runs are rejoined)."""
    doc = DocxTemplate(io.BytesIO(template))
    doc.init_docx()
    parts = [doc.patch_xml(doc.get_xml())]
    for _rel, part in doc.get_headers_footers(doc.HEADER_URI):
        parts.append(doc.patch_xml(doc.get_part_xml(part)))
    for _rel, part in doc.get_headers_footers(doc.FOOTER_URI):
        parts.append(doc.patch_xml(doc.get_part_xml(part)))
    return "\n".join(parts)


def _paths(node: nodes.Node, loop_names: set[str]) -> Iterator[str]:
    for child in node.iter_child_nodes():
        if isinstance(child, nodes.Getattr):
            chain: list[str] = []
            current: nodes.Node = child
            while isinstance(current, nodes.Getattr):
                chain.append(current.attr)
                current = current.node
            if isinstance(current, nodes.Name) and current.name not in loop_names:
                yield ".".join([current.name, *reversed(chain)])
                continue
        elif isinstance(child, nodes.Name) and child.ctx == "load" and child.name not in loop_names:
            yield child.name
        yield from _paths(child, loop_names)


def template_fields(template: bytes) -> set[str]:
    """Every context path the template reads (``barn.fornavn``): names the template binds
    itself (loop variables, ``{% set %}``, macros and their arguments) excluded.

    Raises :class:`TemplateError` when the Jinja does not compile or reaches for internals.
    """
    try:
        source = template_source(template)
        tree = environment().parse(source)
        return _fields(tree)
    except TemplateSyntaxError as error:
        raise TemplateError(f"the template's Jinja does not compile: {error.message}") from None
    except RecursionError:
        raise TemplateError("the template's Jinja nests too deeply") from None


def _fields(tree: nodes.Template) -> set[str]:
    targets = [loop.target for loop in tree.find_all(nodes.For)]
    targets += [assign.target for assign in tree.find_all(nodes.Assign)]
    targets += [block.target for block in tree.find_all(nodes.AssignBlock)]
    for macro in tree.find_all(nodes.Macro):
        targets += macro.args
    for call in tree.find_all(nodes.CallBlock):
        targets += call.args
    loop_names = {"range", "loop", "caller"}
    loop_names |= {macro.name for macro in tree.find_all(nodes.Macro)}
    for target in targets:
        if isinstance(target, nodes.Name):
            loop_names.add(target.name)
        loop_names |= {n.name for n in target.find_all(nodes.Name)}
    for getattr_node in tree.find_all(nodes.Getattr):
        if getattr_node.attr.startswith("_"):
            raise TemplateError("the template reaches for Python internals")
    return set(_paths(tree, loop_names))
