"""Word packages that reach outside themselves, built the way the December review built its
attack, and a loopback HTTP listener that records whatever LibreOffice asks it for."""

from __future__ import annotations

import http.server
import io
import threading
import zipfile
from collections.abc import Callable

from docx import Document as Docx

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
TEXT = "Hei {{ barn.fornavn }}"


def package(
    *,
    body: str = "",
    rels: str = "",
    settings: str = "",
    settings_rels: str = "",
    text: str = TEXT,
) -> bytes:
    """A python-docx document with one paragraph of ``text``, ``body`` markup before the section
    properties, ``rels`` added to the main part's relationships, ``settings`` markup at the
    start of word/settings.xml and ``settings_rels`` as word/_rels/settings.xml.rels."""
    doc = Docx()
    doc.add_paragraph(text)
    plain = io.BytesIO()
    doc.save(plain)
    source = zipfile.ZipFile(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:sectPr", body.encode() + b"<w:sectPr", 1)
            elif info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", rels.encode() + b"</Relationships>")
            elif info.filename == "word/settings.xml" and settings:
                start = data.index(b">", data.index(b"<w:settings")) + 1
                data = data[:start] + settings.encode() + data[start:]
            target.writestr(info, data)
        if settings_rels:
            target.writestr(
                "word/_rels/settings.xml.rels",
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<Relationships xmlns="{RELS}">{settings_rels}</Relationships>',
            )
    return out.getvalue()


def rewrite(content: bytes, part: str, change: Callable[[bytes], bytes]) -> bytes:
    """``content`` with ``part`` replaced by ``change(part)``, every other entry as it was."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info, change(data) if info.filename == part else data)
    return out.getvalue()


def with_doctype() -> bytes:
    """word/document.xml with a DTD declaring an entity and using it."""
    doctype = b'?><!DOCTYPE w:document [<!ENTITY navn "Ola">]>'
    return rewrite(
        package(text="Hei"),
        "word/document.xml",
        lambda xml: xml.replace(b"?>", doctype, 1).replace(b">Hei<", b">Hei &navn;<"),
    )


def relationship(ident: str, kind: str, target: str, mode: str = "External") -> str:
    return f'<Relationship Id="{ident}" Type="{R}/{kind}" Target="{target}" TargetMode="{mode}"/>'


def drawing(reference: str) -> str:
    """A picture whose image is named by ``reference`` (``r:link="…"`` or ``r:embed="…"``)."""
    return (
        "<w:p><w:r><w:drawing>"
        '<wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        '<wp:extent cx="914400" cy="914400"/><wp:docPr id="99" name="Bilde"/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:nvPicPr><pic:cNvPr id="99" name="bilde.png"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip xmlns:r="{R}" {reference}/>'
        "<a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
        '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
        "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )


def run(markup: str) -> str:
    return f"<w:r>{markup}</w:r>"


def instruction(text: str) -> str:
    return run(f'<w:instrText xml:space="preserve">{text}</w:instrText>')


def field_char(kind: str) -> str:
    return run(f'<w:fldChar w:fldCharType="{kind}"/>')


def external_image(url: str) -> bytes:
    """The review's reproduction: an external image relationship and a drawing linking it."""
    return package(body=drawing('r:link="rIdX1"'), rels=relationship("rIdX1", "image", url))


def simple_field(url: str, name: str = "INCLUDEPICTURE") -> bytes:
    return package(
        body=f'<w:p><w:fldSimple w:instr=" {name} &quot;{url}&quot; \\d ">'
        f"{run('<w:t>bilde</w:t>')}</w:fldSimple></w:p>"
    )


def split_field(url: str) -> bytes:
    """INCLUDEPICTURE as Word may save it: the instruction in pieces across runs."""
    return package(
        body="<w:p>"
        + field_char("begin")
        + instruction(" INCLUDE")
        + instruction(f'PICTURE "{url}" \\d ')
        + field_char("separate")
        + run("<w:t>bilde</w:t>")
        + field_char("end")
        + "</w:p>"
    )


def field_named_by_a_field(url: str) -> bytes:
    """A field whose name is the result of a nested field: known only once it is updated."""
    return package(
        body="<w:p>"
        + field_char("begin")
        + field_char("begin")
        + instruction(' QUOTE "INCLUDEPICTURE" ')
        + field_char("end")
        + instruction(f' "{url}" ')
        + field_char("end")
        + "</w:p>"
    )


def attached_template(url: str) -> bytes:
    return package(
        settings='<w:attachedTemplate r:id="rIdT1"/>',
        settings_rels=relationship("rIdT1", "attachedTemplate", url),
    )


def ole_link(url: str) -> bytes:
    return package(
        body="<w:p><w:r>"
        '<w:object xmlns:o="urn:schemas-microsoft-com:office:office" '
        f'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:r="{R}">'
        '<v:shape id="_x0000_i1025" style="width:100pt;height:50pt"/>'
        '<o:OLEObject Type="Link" ProgID="Excel.Sheet.12" ShapeID="_x0000_i1025" '
        'DrawAspect="Content" r:id="rIdO1" UpdateMode="Always"/>'
        "</w:object></w:r></w:p>",
        rels=relationship("rIdO1", "oleObject", url),
    )


def hyperlink(url: str) -> bytes:
    """A plain hyperlink: followed only when a reader clicks it."""
    return package(
        body=f'<w:p><w:hyperlink xmlns:r="{R}" r:id="rIdH1">{run("<w:t>lenke</w:t>")}'
        "</w:hyperlink></w:p>",
        rels=relationship("rIdH1", "hyperlink", url),
    )


def hyperlink_used_as_image(url: str) -> bytes:
    """A hyperlink relationship named by a picture: LibreOffice fetches it as an image."""
    return package(body=drawing('r:link="rIdH1"'), rels=relationship("rIdH1", "hyperlink", url))


def target_mode_in_lower_case(url: str) -> bytes:
    return package(
        body=drawing('r:link="rIdX1"'),
        rels=relationship("rIdX1", "image", url, mode="external"),
    )


def sub_document(url: str) -> bytes:
    return package(
        body=f'<w:p><w:subDoc xmlns:r="{R}" r:id="rIdS1"/></w:p>',
        rels=relationship("rIdS1", "subDocument", url),
    )


def alt_chunk(url: str) -> bytes:
    return package(
        body=f'<w:altChunk xmlns:r="{R}" r:id="rIdA1"/>',
        rels=relationship("rIdA1", "aFChunk", url),
    )


def jinja_written_field(url: str) -> bytes:
    """Markup written by the template's Jinja at fill time: not in the uploaded XML."""
    field = f'<w:fldSimple w:instr=" INCLUDEPICTURE {url} "><w:r><w:t>x</w:t></w:r></w:fldSimple>'
    return package(text="{{ '</w:t></w:r>" + field + "<w:r><w:t>'|safe }}")


FORMS: dict[str, Callable[[str], bytes]] = {
    "external-image": external_image,
    "includepicture-simple-field": simple_field,
    "includepicture-split-across-runs": split_field,
    "includetext": lambda url: simple_field(url, "INCLUDETEXT"),
    "field-name-built-by-a-field": field_named_by_a_field,
    "attached-template": attached_template,
    "ole-link": ole_link,
    "hyperlink-used-as-image": hyperlink_used_as_image,
    "target-mode-in-lower-case": target_mode_in_lower_case,
    "sub-document": sub_document,
    "alt-chunk": alt_chunk,
}


class Listener:
    """An HTTP server on 127.0.0.1 that records the path of every request it gets."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        requests = self.requests

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                requests.append(self.path)  # before answering: recorded once the client has it
                self.send_response(404)
                self.end_headers()

            do_HEAD = do_POST = do_PROPFIND = do_OPTIONS = do_GET

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)
