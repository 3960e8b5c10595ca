"""Checks on an uploaded template before anything is stored: a real .docx, within the size
limits (also once unzipped: zip bombs), nothing that reaches outside the file (external images,
included files, linked objects: ``app.documents.external``), no DOCTYPE in any part, Jinja that
compiles, no Python internals, a trial render within the render budget, and only fields from the
data dictionary."""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from typing import Any

from docx import Document as DocxDocument

from app.documents import external
from app.documents.dictionary import FIELDS, known
from app.documents.errors import NotADocx, TemplateInvalid
from app.documents.filling import TemplateError, render, template_fields
from app.documents.sandbox import RenderLimits
from app.errors import FieldError, PayloadTooLarge

MAX_ENTRIES = 1000
MAX_RATIO = 200  # a .docx compresses maybe 10:1; far more is a bomb


def _file_error(detail: str, code: str) -> FieldError:
    return FieldError(detail=detail, pointer="#/file", location="body", code=code)


def check_docx(data: bytes, *, max_bytes: int, max_expanded: int) -> None:
    if len(data) > max_bytes:
        raise PayloadTooLarge(f"A template may be at most {max_bytes} bytes.")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise NotADocx(
            "The file is not a .docx (a renamed PDF or another format?).",
            errors=[_file_error("Not a ZIP-based Office document", "not_a_docx")],
        )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        names = {i.filename for i in infos}
        if "[Content_Types].xml" not in names or "word/document.xml" not in names:
            raise NotADocx(
                "The file is a ZIP archive but not a Word document.",
                errors=[_file_error("No word/document.xml", "not_a_docx")],
            )
        expanded = sum(i.file_size for i in infos)
        ratio = max((i.file_size / max(i.compress_size, 1) for i in infos), default=0)
        if len(infos) > MAX_ENTRIES or expanded > max_expanded or ratio > MAX_RATIO:
            raise TemplateInvalid(
                f"The file expands beyond the limit ({max_expanded} bytes, {MAX_ENTRIES} parts).",
                errors=[_file_error("Expands too much (zip bomb?)", "expands_too_much")],
            )
    check_no_doctype(data)  # every part, whatever its encoding; before any XML parser sees it
    check_external(data)  # before python-docx reads it: it follows relationships
    try:
        DocxDocument(io.BytesIO(data))
    except Exception:  # python-docx raises many kinds of error on broken files
        raise NotADocx(
            "Word could not open the file.", errors=[_file_error("Not a valid .docx", "not_a_docx")]
        ) from None


def check_external(data: bytes, *, filled: bool = False) -> None:
    """Refuse a package with external content: 422 ``template-invalid``, one error per thing
    found (code ``external_content``, or ``unsafe_xml``/``invalid_xml``/``duplicate_part`` for
    a package that cannot be examined safely). ``filled``: ``data`` is the trial render, so
    what is found was written by the template's Jinja."""
    try:
        findings = external.find(data)
    except external.UnreadablePackage:
        raise NotADocx(
            "Word could not open the file.", errors=[_file_error("Not a valid .docx", "not_a_docx")]
        ) from None
    if not findings:
        return
    if any(f.code == external.EXTERNAL_CONTENT for f in findings):
        detail = (
            "The template refers to content outside the file (an external image, an included "
            "file, a linked object); embed it in the document instead."
        )
    else:
        detail = "The template's package cannot be checked safely."
    when = " (once filled)" if filled else ""
    raise TemplateInvalid(detail, errors=[_file_error(f.detail + when, f.code) for f in findings])


def sample_context(extra_fields: dict[str, str]) -> dict[str, Any]:
    """Every dictionary field with a harmless sample value, for a trial render."""
    context: dict[str, Any] = {"svar": {}, "ekstra": {k: "…" for k in extra_fields}}
    for field in FIELDS:
        if field.type == "mapping":
            continue
        target = context
        *parents, leaf = field.path.split(".")
        for part in parents:
            target = target.setdefault(part, {})
        target[leaf] = [] if field.type == "list" else "…"
    return context


# A DTD can declare entities that name files or URLs (XXE), or expand without end; no part of a
# Word document needs one. Matched in every part, whatever its name: XML can hide behind any.
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_UTF16_32 = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SHOWN_NAME = re.compile(r"[\w.\[\]/-]{1,120}")


def _as_utf8(data: bytes) -> bytes:
    """A part's bytes in UTF-8 when it is UTF-16 or UTF-32 (with a BOM or a ``<?`` of wide
    characters), so that a DTD in it is seen too; otherwise unchanged."""
    for bom, encoding in _UTF16_32:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace").encode()
    for start, encoding in ((b"<\0?\0", "utf-16-le"), (b"\0<\0?", "utf-16-be")):
        if data.startswith(start):
            return data.decode(encoding, errors="replace").encode()
    return data


def check_no_doctype(data: bytes) -> None:
    """No part of the package (``data``, already a checked .docx) has a DOCTYPE or an ENTITY
    declaration: 422 template-invalid with the code ``doctype_not_allowed``."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if _DTD.search(_as_utf8(archive.read(info))):
                name = info.filename if _SHOWN_NAME.fullmatch(info.filename) else "a part"
                detail = f"{name} has a DOCTYPE or ENTITY declaration; Word documents need none"
                raise TemplateInvalid(
                    "The file declares a DOCTYPE, which is not allowed.",
                    errors=[_file_error(detail, "doctype_not_allowed")],
                )


def check_template(
    data: bytes, *, extra_fields: dict[str, str], limits: RenderLimits | None = None
) -> list[str]:
    """The fields the template uses; every one must be in the dictionary or declared extra.

    ``data`` has passed :func:`check_docx` (no DOCTYPE, no external content). Before the
    field check: a trial render with sample values within ``limits`` (the settings' defaults
    when not given). Takes no document slot itself: the caller runs it inside one."""
    try:
        fields = template_fields(data)
    except TemplateError as error:
        raise TemplateInvalid(
            str(error), errors=[_file_error(str(error), "template_invalid")]
        ) from None
    try:
        # catches what only running it shows: failures, and work past the budget
        filled = render(data, sample_context(extra_fields), limits=limits)
    except TemplateError as error:
        raise TemplateInvalid(str(error), errors=[_file_error(str(error), error.code)]) from None
    # Jinja can write markup ({{ '<w:fldSimple …>'|safe }}): what it writes is checked too.
    check_external(filled, filled=True)
    unknown = sorted(
        f
        for f in fields
        if not known(f) or (f.startswith("ekstra.") and f.split(".")[1] not in extra_fields)
    )
    if unknown:
        raise TemplateInvalid(
            "The template uses fields that are not in the data dictionary.",
            errors=[
                FieldError(
                    detail=f"Unknown field {f}",
                    pointer="#/file",
                    location="body",
                    code="unknown_field",
                )
                for f in unknown
            ],
        )
    return sorted(fields)


PDF_MEDIA_TYPE = "application/pdf"
DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def check_report_file(data: bytes, *, max_bytes: int, max_expanded: int) -> str:
    """The media type of an uploaded report (a supervision visitor's), sniffed from its bytes,
    never taken from the name or the client: a PDF (``%PDF-`` header, an end-of-file marker)
    or a .docx that passes :func:`check_docx` (size, zip bomb, DOCTYPE, external content).
    Anything else is a 422 ``not-a-docx`` pointing at ``#/file``."""
    if len(data) > max_bytes:
        raise PayloadTooLarge(f"A report may be at most {max_bytes} bytes.")
    if data.startswith(b"%PDF-"):
        if b"%%EOF" not in data[-2048:]:
            raise NotADocx(
                "The PDF is cut short (no end-of-file marker).",
                errors=[_file_error("Not a complete PDF", "not_a_pdf")],
            )
        return PDF_MEDIA_TYPE
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise NotADocx(
            "The report must be a PDF or a Word document (.docx).",
            errors=[_file_error("Neither a PDF nor a .docx", "not_a_report")],
        )
    check_docx(data, max_bytes=max_bytes, max_expanded=max_expanded)
    return DOCX_MEDIA_TYPE
