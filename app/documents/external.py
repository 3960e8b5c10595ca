"""External content in a Word package: whatever would make LibreOffice (or Word) reach outside
the file when it opens it.

LibreOffice fetches an external image (``<a:blip r:link>``) on every conversion (security review
2026-12, finding 1), and it follows the relationship such an element names whatever the
relationship's type says: a ``hyperlink`` relationship named by ``r:link`` is fetched too. So the
whole package is searched, not only the main document:

- every relationship, in every ``.rels`` part, whose ``TargetMode`` is anything but ``Internal``
  (LibreOffice compares it ignoring case), except a hyperlink that only hyperlink elements
  (``w:hyperlink``, ``a:hlinkClick`` …) refer to: following a link is the reader's click, and
  LibreOffice fetches none on conversion; and every internal target that is a URL;
- fields that include or link another file (``FIELDS``), in simple fields (``w:fldSimple``) and
  in complex fields, whose instruction text is joined across runs first; and a field whose name
  is built by a nested field, since that name cannot be known before the field is updated;
- sub-documents, imported chunks, frame sets, linked objects and mail-merge data sources
  (``ELEMENTS``);
- what would let another parser see something else than this one: a DOCTYPE (entities), an
  XML part that does not parse, two entries with the same name.

:func:`find` lists what it finds: the upload check refuses such a template. :func:`strip` removes
it (the relationship, the element, the field's instruction, the DOCTYPE): run before every PDF
conversion, so that a template stored before the upload check existed, or XML a template writes
at fill time (``{{ '<w:fldSimple …>'|safe }}``), is harmless as well. XML is parsed without a
DTD, entity expansion or network access.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

# lxml has no type hints of its own; stubs would also re-type python-docx, built on it.
from lxml import etree  # type: ignore[import-untyped]

EXTERNAL_CONTENT = "external_content"
UNSAFE_XML = "unsafe_xml"
INVALID_XML = "invalid_xml"
DUPLICATE_PART = "duplicate_part"

HYPERLINK_TYPES = frozenset(
    {
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
        "http://purl.oclc.org/ooxml/officeDocument/relationships/hyperlink",
    }
)
# (element, attribute) local names that refer to a hyperlink relationship to follow on a click.
HYPERLINK_USES = frozenset(
    {("hyperlink", "id"), ("hlinkClick", "id"), ("hlinkHover", "id"), ("hlinkMouseOver", "id")}
)
# Field names that pull in another file, a link or a database (Word's field codes).
FIELDS = frozenset(
    {"INCLUDEPICTURE", "INCLUDETEXT", "INCLUDE", "IMPORT", "LINK", "DDE", "DDEAUTO", "DATABASE"}
)
ELEMENTS = {
    "subDoc": "a sub-document",
    "altChunk": "an imported chunk (altChunk)",
    "frameset": "a frame set",
    "objectLink": "a linked object",
    "mailMerge": "a mail-merge data source",
}
MAX_FINDINGS = 20

_URL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|[/\\]{2})", re.IGNORECASE)
_FIELD_NAME = re.compile(r'[\s"]*([^\s"\\]*)')
_NAME_COMPLETE = re.compile(r'[\s"]*[^\s"\\]+[\s"\\]')
_KIND = re.compile(r"[^A-Za-z0-9-]")
_XML_NAMES = (".xml", ".rels", ".vml")
_XML_STARTS = (b"<", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00<")


class UnreadablePackage(Exception):
    """The package cannot be examined (not a readable zip) or cannot be made safe."""


@dataclass(frozen=True)
class Finding:
    """One thing found: the part it is in, a stable ``code`` and a sentence naming it (never
    the URL itself)."""

    part: str
    code: str
    detail: str


@dataclass
class _Entry:
    info: zipfile.ZipInfo
    name: str  # normalised: forward slashes, no leading slash, lower case
    data: bytes
    root: etree._Element | None = None
    changed: bool = False


@dataclass
class _Field:
    """A complex field being read: its own markup and instruction text (nested fields apart)."""

    elements: list[etree._Element] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    separated: bool = False
    name_built: bool = False


class _Examination:
    def __init__(self, package: bytes, *, strip: bool) -> None:
        self.strip = strip
        self.findings: list[Finding] = []
        self.entries = _read(package)
        # Misused hyperlink relationships are refused wherever they are named from.
        self.hyperlinks: dict[str, set[str]] = {}

    def found(self, entry: _Entry, code: str, detail: str) -> None:
        self.findings.append(Finding(part=entry.info.filename, code=code, detail=detail))

    def run(self) -> None:
        seen: set[str] = set()
        for entry in self.entries:
            if entry.name in seen:
                self.found(entry, DUPLICATE_PART, f"{_shown(entry)} is in the package twice.")
            seen.add(entry.name)
            self._parse(entry)
        for entry in self.entries:
            if entry.root is not None and entry.name.endswith(".rels"):
                self._relationships(entry)
        for entry in self.entries:
            if entry.root is not None and not entry.name.endswith(".rels"):
                self._content(entry)

    def _parse(self, entry: _Entry) -> None:
        if not _looks_like_xml(entry):
            return
        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
        )
        try:
            entry.root = etree.fromstring(entry.data, parser)
        except etree.XMLSyntaxError:
            self.found(entry, INVALID_XML, f"{_shown(entry)} is not well-formed XML.")
            return
        docinfo = entry.root.getroottree().docinfo
        if docinfo.internalDTD is not None:  # set by any DOCTYPE, with or without a subset
            self.found(entry, UNSAFE_XML, f"{_shown(entry)} declares a DTD (a DOCTYPE).")
            if self.strip:  # the DTD is not serialised again; its entities go with it
                for reference in list(entry.root.iter(etree.Entity)):
                    _remove(reference)
                entry.changed = True

    def _relationships(self, entry: _Entry) -> None:
        assert entry.root is not None
        source = _source_of(entry.name)
        for element in list(entry.root.iter()):
            if _local(element) != "Relationship":
                continue
            ident, kind, target = (
                _attribute(element, "Id"),
                _attribute(element, "Type"),
                _attribute(element, "Target"),
            )
            mode = (_attribute(element, "TargetMode") or "Internal").strip().lower()
            if mode != "internal":
                if kind.strip() in HYPERLINK_TYPES:
                    self.hyperlinks.setdefault(source, set()).add(ident.strip())
                    continue
                short = _KIND.sub("", kind.rsplit("/", 1)[-1])[:40] or "unknown"
                self.found(
                    entry,
                    EXTERNAL_CONTENT,
                    f"{_shown(entry)} has an external {short} relationship.",
                )
            elif _URL.match(target):
                self.found(entry, EXTERNAL_CONTENT, f"{_shown(entry)} has a relationship to a URL.")
            else:
                continue
            if self.strip:
                _remove(element)
                entry.changed = True

    def _content(self, entry: _Entry) -> None:
        assert entry.root is not None
        hyperlinks = self.hyperlinks.get(entry.name, set())
        actions: list[Callable[[], None]] = []
        fields: list[_Field] = []

        def refuse(detail: str, action: Callable[[], None]) -> None:
            self.found(entry, EXTERNAL_CONTENT, f"{_shown(entry)} has {detail}.")
            actions.append(action)

        def close(current: _Field) -> None:
            name = _field_name("".join(current.text))
            if current.name_built:
                detail = "a field whose name is built by another field"
            elif name in FIELDS:
                detail = f"an {name} field"
            else:
                return
            refuse(detail, partial(_remove_all, current.elements))

        for element in entry.root.iter():
            if not isinstance(element.tag, str):
                continue  # comments, processing instructions, entity references
            local = _local(element)
            if local in ELEMENTS:
                refuse(ELEMENTS[local], partial(_remove, element))
            elif local == "OLEObject" and _attribute(element, "Type").strip().lower() == "link":
                refuse("a linked OLE object", partial(_remove, element))
            elif local == "fldSimple":
                name = _field_name(_attribute(element, "instr"))
                if name in FIELDS:
                    refuse(f"an {name} field", partial(_unwrap, element))
            elif local == "fldChar":
                kind = _attribute(element, "fldCharType").strip().lower()
                if kind == "begin":
                    if fields and not fields[-1].separated:
                        parent = fields[-1]
                        if not _NAME_COMPLETE.match("".join(parent.text)):
                            parent.name_built = True
                    fields.append(_Field(elements=[element]))
                elif fields and kind == "separate":
                    fields[-1].separated = True
                    fields[-1].elements.append(element)
                elif fields and kind == "end":
                    fields[-1].elements.append(element)
                    close(fields.pop())
            elif local in ("instrText", "delInstrText"):
                if fields:
                    fields[-1].text.append(element.text or "")
                    fields[-1].elements.append(element)
                else:  # outside a field: judged on its own
                    close(_Field(elements=[element], text=[element.text or ""]))
            if hyperlinks:
                for key, value in list(element.attrib.items()):
                    attribute = str(key)
                    if str(value).strip() not in hyperlinks:
                        continue
                    if (local, attribute.rpartition("}")[2]) in HYPERLINK_USES:
                        continue
                    refuse(
                        f"a hyperlink relationship used by {_KIND.sub('', local)[:40]}",
                        partial(_drop_attribute, element, attribute),
                    )
        while fields:  # a field left open at the end of the part
            close(fields.pop())
        if self.strip and actions:
            for action in actions:
                action()
            entry.changed = True


def find(package: bytes) -> list[Finding]:
    """What in ``package`` reaches outside it (at most ``MAX_FINDINGS``); empty when nothing.

    Raises :class:`UnreadablePackage` when it is not a zip whose entries can be read.
    """
    examination = _Examination(package, strip=False)
    examination.run()
    return examination.findings[:MAX_FINDINGS]


def strip(package: bytes) -> bytes:
    """``package`` without anything :func:`find` would report: the same bytes when there is
    nothing, else a new archive in which only the changed parts are rewritten.

    Raises :class:`UnreadablePackage` when the package cannot be read, or cannot be made safe
    (an XML part that does not parse, an entry name used twice).
    """
    examination = _Examination(package, strip=True)
    examination.run()
    if not examination.findings:
        return package
    if any(f.code in (INVALID_XML, DUPLICATE_PART) for f in examination.findings):
        raise UnreadablePackage("the document has parts that cannot be examined")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for entry in examination.entries:
            data = entry.data
            if entry.changed and entry.root is not None:
                data = etree.tostring(
                    entry.root, xml_declaration=True, encoding="UTF-8", standalone=True
                )
            # A fresh entry: the source's flags and extra fields describe other bytes.
            fresh = zipfile.ZipInfo(entry.info.filename, date_time=entry.info.date_time)
            fresh.compress_type = zipfile.ZIP_DEFLATED
            fresh.external_attr = entry.info.external_attr
            target.writestr(fresh, data)
    return out.getvalue()


def _read(package: bytes) -> list[_Entry]:
    try:
        with zipfile.ZipFile(io.BytesIO(package)) as archive:
            return [
                _Entry(info=info, name=_normalised(info.filename), data=archive.read(info))
                for info in archive.infolist()
                if not info.is_dir()
            ]
    except (
        zipfile.BadZipFile,
        NotImplementedError,
        RuntimeError,
        EOFError,
        ValueError,
        zlib.error,
    ):
        raise UnreadablePackage("not a readable zip archive") from None


def _normalised(name: str) -> str:
    return name.replace("\\", "/").lstrip("/").lower()


def _looks_like_xml(entry: _Entry) -> bool:
    """By name, or by its first bytes whatever the name: the main part can be called
    anything (``_rels/.rels`` names it), and UTF-16 XML starts with a byte-order mark."""
    return entry.name.endswith(_XML_NAMES) or entry.data.lstrip(b" \t\r\n").startswith(_XML_STARTS)


def _source_of(rels_name: str) -> str:
    """The part a relationships part belongs to: ``word/_rels/document.xml.rels`` →
    ``word/document.xml``; ``_rels/.rels`` → the package (``""``)."""
    folder, _, file = rels_name.rpartition("/")
    parent = folder.removesuffix("_rels").rstrip("/")
    own = file.removesuffix(".rels")
    return f"{parent}/{own}" if parent and own else own


def _local(element: etree._Element) -> str:
    return str(element.tag).rpartition("}")[2]


def _attribute(element: etree._Element, local: str) -> str:
    """An attribute by local name in any namespace: a reader may not insist on the right one."""
    for name, value in element.attrib.items():
        if str(name).rpartition("}")[2] == local:
            return str(value)
    return ""


def _field_name(instruction: str) -> str:
    match = _FIELD_NAME.match(instruction)
    return match.group(1).upper() if match else ""


def _shown(entry: _Entry) -> str:
    """The part's name as it can be shown in an error: printable ASCII, bounded."""
    name = "".join(c for c in entry.info.filename if " " <= c <= "~")[:80]
    return name or "a part"


def _remove(node: etree._Element) -> None:
    """Take ``node`` out of its tree, keeping the text that follows it; the root is emptied."""
    parent = node.getparent()
    if parent is None:
        node.clear()
        return
    if node.tail:
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)


def _remove_all(nodes: list[etree._Element]) -> None:
    for node in nodes:
        _remove(node)


def _unwrap(node: etree._Element) -> None:
    """A simple field without its instruction: its shown result stays, as plain runs."""
    parent = node.getparent()
    if parent is None:
        node.clear()
        return
    index = parent.index(node)
    for offset, child in enumerate(list(node)):
        parent.insert(index + offset, child)
    _remove(node)


def _drop_attribute(element: etree._Element, attribute: str) -> None:
    if attribute in element.attrib:
        del element.attrib[attribute]
