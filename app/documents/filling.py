"""Filling Word templates: docxtpl (Jinja in Word) inside a sandboxed, bounded Jinja environment.

- The sandbox refuses attribute access to Python internals (``''.__class__``), ``range()`` is
  capped, and ``*``/``**`` cannot build huge values: a template cannot escape or exhaust us.
- Output is deterministic: the same template and context give the same bytes (zip entries get a
  fixed timestamp), so a stored snapshot regenerates a document byte for byte.
- In a draft, every missing value is shown as a visible marker instead of being left blank.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Mapping
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import ChainableUndefined, TemplateSyntaxError, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
MAX_RANGE = 1000
MAX_PRODUCT = 100_000
GAP = "[MANGLER: {}]"


class TemplateError(Exception):
    """The template cannot be used: broken Jinja, forbidden constructs, or not a .docx."""


class _Sandbox(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**"})

    def unsafe_undefined(self, obj: Any, attribute: str) -> Any:
        raise SecurityError(f"access to '{attribute}' is not allowed in templates")

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**":
            raise SecurityError("powers are not allowed in templates")
        result = left * right
        if isinstance(result, str | list | tuple | int) and _too_big(result):
            raise SecurityError("the result is too large")
        return result


def _too_big(value: Any) -> bool:
    if isinstance(value, int):
        return abs(value) > MAX_PRODUCT
    return len(value) > MAX_PRODUCT


def _bounded_range(*args: int) -> range:
    values = range(*args)
    if len(values) > MAX_RANGE:
        raise SecurityError(f"range() is limited to {MAX_RANGE} items in templates")
    return values


def environment() -> ImmutableSandboxedEnvironment:
    env = _Sandbox(undefined=ChainableUndefined, autoescape=True)
    env.globals = {"range": _bounded_range}
    return env


def deterministic(docx: bytes) -> bytes:
    """The same archive with fixed timestamps and entry order kept, so equal input gives equal
    bytes."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


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
    template: bytes, context: Mapping[str, Any], *, draft_gaps: list[str] | None = None
) -> bytes:
    """The filled document. ``draft_gaps``: paths to mark visibly as missing."""
    try:
        doc = DocxTemplate(io.BytesIO(template))
        values = _with_gaps(context, draft_gaps) if draft_gaps else dict(context)
        doc.render(values, jinja_env=environment(), autoescape=True)
    except (TemplateSyntaxError, SecurityError) as error:
        raise TemplateError(str(error)) from None
    out = io.BytesIO()
    doc.save(out)
    return deterministic(out.getvalue())


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
    """Every context path the template reads (``barn.fornavn``), loop variables excluded.

    Raises :class:`TemplateError` when the Jinja does not compile or reaches for internals.
    """
    try:
        source = template_source(template)
        tree = environment().parse(source)
    except TemplateSyntaxError as error:
        raise TemplateError(f"the template's Jinja does not compile: {error.message}") from None
    targets = [loop.target for loop in tree.find_all(nodes.For)]
    targets += [assign.target for assign in tree.find_all(nodes.Assign)]
    loop_names = {"range", "loop"}
    for target in targets:
        if isinstance(target, nodes.Name):
            loop_names.add(target.name)
        loop_names |= {n.name for n in target.find_all(nodes.Name)}
    for getattr_node in tree.find_all(nodes.Getattr):
        if getattr_node.attr.startswith("_"):
            raise TemplateError("the template reaches for Python internals")
    return set(_paths(tree, loop_names))
