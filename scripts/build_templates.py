"""Build the guided Word templates in ``templates_docx/`` and their ``manifest.json``.

Run from the repository root: ``.venv/bin/python scripts/build_templates.py``.

Each template is a docxtpl document (Jinja in Word) written with python-docx: a header with the
service's name and a confidentiality marking, a title, a case block, sections with guidance text
in the paragraph style "Veiledning" (italic, blue-grey, shaded, with a left border), filled
values and space for what the contact person writes. Every placeholder is written in one run so
Word never splits it. The output is deterministic: running the script twice gives the same
bytes. Before anything is written, every template is checked against the data dictionary, the
workflow definitions and its manifest entry; the script fails rather than write a broken
catalogue.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ALIGN_VERTICAL, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from app.documents.dictionary import known
from app.documents.filling import deterministic, template_fields
from app.planning.definitions import load_catalogue
from app.planning.rules import shipped_rule_set

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "templates_docx"
VERSION = 1

FONT = "Calibri"
NAVY = "1F3864"  # headings
INK = "262626"  # body text
GUIDE_TEXT = "44546A"  # guidance: dark blue-grey
GUIDE_FILL = "EEF2F7"
GUIDE_BORDER = "8EA9C8"
GRID = "B4C0D0"  # table lines
LABEL_FILL = "F2F4F7"  # label column of fact tables
HEAD_FILL = "DCE4EE"  # header rows and bands
BAND_FILL = "E8EDF4"
MARK = "8B1E1E"  # confidentiality marking
MUTED = "595959"

# Rule values quoted in the templates come from the rule set, so no text goes stale.
RULES = shipped_rule_set()
EVALUATION_BEFORE_END = RULES.duration("annual_evaluation_before_agreement_end").norwegian()
CONFIDENTIAL = (
    "Unntatt offentlighet, jf. offentleglova § 13 første ledd, jf. barnevernsloven § 13-1"
)
PORTRAIT_WIDTH = 16.6  # cm of text on A4 portrait with 2.2 cm margins
LANDSCAPE_WIDTH = 25.3

# Fixed metadata so the files do not change when nothing in them changed.
FIXED_TIME = datetime(2026, 1, 1, tzinfo=UTC)

# "Barnets behov i sentrum" (Bufdir's knowledge model): 3 sides, 11 areas, coded 1.1-3.3.
# The area names below should be checked against Bufdir's current model before use in
# production; they are kept here, in one place, so a correction is a one-line change.
# The template is a conversation with a child in a foster home, so side 2 is the care the
# child gets there (the foster parents'), not the parents' care (review L19).
BBIS: tuple[tuple[str, str, tuple[tuple[str, str, str], ...]], ...] = (
    (
        "1",
        "Barnets utvikling",
        (
            ("1.1", "Helse", "Kropp, søvn, mat, lege og tannlege"),
            ("1.2", "Barnehage og skole", "Trivsel, læring, voksne og medelever"),
            ("1.3", "Følelser og uttrykk", "Hva gjør barnet glad, lei seg, sint eller redd?"),
            ("1.4", "Identitet og selvstendighet", "Hvem barnet er, historie, kultur og tro"),
            ("1.5", "Relasjoner og sosial fungering", "Venner, søsken, fritid og tilhørighet"),
        ),
    ),
    (
        "2",
        "Omsorgen barnet får i fosterhjemmet",
        (
            (
                "2.1",
                "Grunnleggende omsorg",
                "Mat, klær og rutiner i fosterhjemmet; er fosterforeldrene der når barnet "
                "trenger dem?",
            ),
            (
                "2.2",
                "Trygghet og beskyttelse",
                "Føler barnet seg trygt i fosterhjemmet og ute? Hvem kan barnet si fra til?",
            ),
            (
                "2.3",
                "Stimulering og veiledning",
                "Hjelp fra fosterforeldrene med lekser, grenser, ros og støtte",
            ),
        ),
    ),
    (
        "3",
        "Familie og miljø",
        (
            ("3.1", "Familieforhold", "Foreldre, søsken og samvær med familien"),
            ("3.2", "Nettverk og sosial integrering", "Nærmiljø, aktiviteter og andre voksne"),
            ("3.3", "Bolig, økonomi og arbeid", "Rommet sitt, lommepenger og hverdagen"),
        ),
    ),
)

MONTHS = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)

# w:pPr children that come after w:pBdr / w:shd (schema order).
_PPR_AFTER_SHD = (
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
_TCPR_AFTER_SHD = (
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
)
_TBLPR_AFTER_BORDERS = (
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
)

TOKEN = re.compile(r"(\{\{.*?\}\}|\*\*.+?\*\*)")


# --- low-level OOXML helpers ---------------------------------------------------------------


def _el(tag: str, **attrs: str) -> Any:
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _plain_fonts(rpr: Any) -> None:
    """Explicit fonts instead of theme fonts (theme attributes win over explicit ones)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = _el("w:rFonts")
        rpr.insert(0, fonts)
    for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{theme}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), FONT)


def _plain_colour(rpr: Any) -> None:
    colour = rpr.find(qn("w:color"))
    if colour is not None:
        for theme in ("themeColor", "themeShade", "themeTint"):
            colour.attrib.pop(qn(f"w:{theme}"), None)


def _shade_paragraph(ppr: Any, fill: str) -> None:
    ppr.insert_element_before(_el("w:shd", val="clear", color="auto", fill=fill), *_PPR_AFTER_SHD)


def _border_paragraph(ppr: Any, **edges: tuple[str, int, int]) -> None:
    """Paragraph borders: edge name -> (colour, size in eighths of a point, space in points)."""
    borders = _el("w:pBdr")
    for edge in ("top", "left", "bottom", "right"):
        if edge in edges:
            colour, size, space = edges[edge]
            borders.append(
                _el(f"w:{edge}", val="single", sz=str(size), space=str(space), color=colour)
            )
    ppr.insert_element_before(borders, "w:shd", *_PPR_AFTER_SHD)


def _shade_cell(cell: Any, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    tcpr.insert_element_before(_el("w:shd", val="clear", color="auto", fill=fill), *_TCPR_AFTER_SHD)


def _table_frame(table: Any, *, lines: bool = True, colour: str = GRID) -> None:
    tblpr = table._tbl.tblPr
    borders = _el("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if lines:
            borders.append(_el(f"w:{edge}", val="single", sz="4", space="0", color=colour))
        else:
            borders.append(_el(f"w:{edge}", val="nil"))
    tblpr.insert_element_before(borders, *_TBLPR_AFTER_BORDERS)
    margins = _el("w:tblCellMar")
    for edge, width in (("top", "45"), ("left", "100"), ("bottom", "45"), ("right", "100")):
        margins.append(_el(f"w:{edge}", w=width, type="dxa"))
    tblpr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")


def _widths(table: Any, widths_cm: Sequence[float]) -> None:
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    tblw = table._tbl.tblPr.find(qn("w:tblW"))
    if tblw is not None:
        tblw.set(qn("w:type"), "dxa")
        tblw.set(qn("w:w"), str(int(sum(widths_cm) * 567)))
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=False):
            cell.width = Cm(width)


def _header_row(row: Any) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(_el("w:tblHeader"))
    trpr.append(_el("w:cantSplit"))


def _keep_row(row: Any) -> None:
    row._tr.get_or_add_trPr().append(_el("w:cantSplit"))


def _field(paragraph: Any, instruction: str, shown: str) -> None:
    simple = _el("w:fldSimple", instr=f" {instruction} ")
    run = _el("w:r")
    text = _el("w:t")
    text.text = shown
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


def add_text(
    paragraph: Any,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    colour: str | None = None,
) -> None:
    """Text with ``**bold**`` spans; each ``{{ ... }}`` placeholder is one run of its own."""
    for part in TOKEN.split(text):
        if not part:
            continue
        strong = part.startswith("**") and part.endswith("**") and len(part) > 4
        run = paragraph.add_run(part[2:-2] if strong else part)
        if bold or strong:
            run.bold = True
        if italic:
            run.italic = True
        if size is not None:
            run.font.size = Pt(size)
        if colour is not None:
            run.font.color.rgb = RGBColor.from_string(colour)


# --- the document builder ------------------------------------------------------------------


class Builder:
    """A guided template under construction: styles, page, header and footer are set up once;
    the methods add the parts every template is made of."""

    def __init__(self, title: str, *, landscape: bool = False) -> None:
        self.doc = Document()
        self.title_text = title
        self.width = LANDSCAPE_WIDTH if landscape else PORTRAIT_WIDTH
        self._styles()
        self._page(landscape)
        self._header()
        self._footer()
        body = self.doc.element.body
        for paragraph in list(body.iterchildren(qn("w:p"))):
            body.remove(paragraph)  # the empty paragraph python-docx starts with

    # set-up

    def _styles(self) -> None:
        styles = self.doc.styles
        defaults = styles.element.find(qn("w:docDefaults"))
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        _plain_fonts(rpr)
        lang = rpr.find(qn("w:lang"))
        lang.set(qn("w:val"), "nb-NO")
        lang.set(qn("w:eastAsia"), "nb-NO")

        normal = styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(11)
        normal.font.color.rgb = RGBColor.from_string(INK)
        _plain_fonts(normal.element.get_or_add_rPr())
        normal.paragraph_format.space_before = Pt(0)
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.1

        def heading(name: str, size: float, before: float, after: float, colour: str) -> None:
            style = styles[name]
            style.font.name = FONT
            style.font.size = Pt(size)
            style.font.bold = True
            style.font.italic = False
            style.font.color.rgb = RGBColor.from_string(colour)
            rpr = style.element.get_or_add_rPr()
            _plain_fonts(rpr)
            _plain_colour(rpr)
            fmt = style.paragraph_format
            fmt.space_before = Pt(before)
            fmt.space_after = Pt(after)
            fmt.keep_with_next = True
            fmt.keep_together = True

        heading("Heading 1", 13.5, 16, 4, NAVY)
        heading("Heading 2", 11.5, 10, 3, NAVY)

        title = styles["Title"]
        ppr = title.element.get_or_add_pPr()
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)
        title.font.name = FONT
        title.font.size = Pt(20)
        title.font.bold = True
        title.font.color.rgb = RGBColor.from_string(NAVY)
        trpr = title.element.get_or_add_rPr()
        _plain_fonts(trpr)
        _plain_colour(trpr)
        for tag in ("w:spacing", "w:kern"):
            for element in trpr.findall(qn(tag)):
                trpr.remove(element)
        title.paragraph_format.space_before = Pt(4)
        title.paragraph_format.space_after = Pt(2)

        subtitle = styles["Subtitle"]
        subtitle.font.name = FONT
        subtitle.font.size = Pt(12)
        subtitle.font.italic = False
        subtitle.font.color.rgb = RGBColor.from_string(MUTED)
        srpr = subtitle.element.get_or_add_rPr()
        _plain_fonts(srpr)
        _plain_colour(srpr)
        for element in srpr.findall(qn("w:spacing")):
            srpr.remove(element)
        subtitle.paragraph_format.space_after = Pt(10)

        guide = styles.add_style("Veiledning", WD_STYLE_TYPE.PARAGRAPH)
        guide.base_style = normal
        guide.next_paragraph_style = normal
        guide.quick_style = True
        guide.font.italic = True
        guide.font.size = Pt(9.5)
        guide.font.color.rgb = RGBColor.from_string(GUIDE_TEXT)
        fmt = guide.paragraph_format
        fmt.space_before = Pt(2)
        fmt.space_after = Pt(6)
        fmt.left_indent = Cm(0.25)
        fmt.right_indent = Cm(0.1)
        fmt.keep_with_next = True
        fmt.line_spacing = 1.05
        gppr = guide.element.get_or_add_pPr()
        _border_paragraph(gppr, left=(GUIDE_BORDER, 18, 6))
        _shade_paragraph(gppr, GUIDE_FILL)

        label = styles.add_style("Felttekst", WD_STYLE_TYPE.PARAGRAPH)
        label.base_style = normal
        label.font.bold = True
        label.font.size = Pt(10)
        label.font.color.rgb = RGBColor.from_string(NAVY)
        label.paragraph_format.space_before = Pt(6)
        label.paragraph_format.space_after = Pt(2)
        label.paragraph_format.keep_with_next = True

        cell = styles.add_style("Tabelltekst", WD_STYLE_TYPE.PARAGRAPH)
        cell.base_style = normal
        cell.font.size = Pt(10)
        cell.paragraph_format.space_after = Pt(0)
        cell.paragraph_format.line_spacing = 1.0

        code = styles.add_style("Malkode", WD_STYLE_TYPE.PARAGRAPH)
        code.base_style = normal
        code.font.size = Pt(8)
        code.font.color.rgb = RGBColor.from_string("7F7F7F")
        code.paragraph_format.space_after = Pt(0)
        code.paragraph_format.line_spacing = 1.0

        gap = styles.add_style("Avstand", WD_STYLE_TYPE.PARAGRAPH)
        gap.base_style = normal
        gap.font.size = Pt(4)
        gap.paragraph_format.space_after = Pt(0)
        gap.paragraph_format.space_before = Pt(0)
        gap.paragraph_format.line_spacing = 1.0

        for name in ("Header", "Footer"):
            style = styles[name]
            hppr = style.element.get_or_add_pPr()
            for tabs in hppr.findall(qn("w:tabs")):
                hppr.remove(tabs)  # Letter-size tab stops from python-docx's own template
            style.font.name = FONT
            style.font.size = Pt(8.5)
            style.font.color.rgb = RGBColor.from_string(MUTED)
            style.paragraph_format.space_after = Pt(0)

    def _page(self, landscape: bool) -> None:
        section = self.doc.sections[0]
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Cm(29.7), Cm(21.0)
        else:
            section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.2)
        section.top_margin = Cm(2.3)
        section.bottom_margin = Cm(2.0)
        section.header_distance = Cm(1.0)
        section.footer_distance = Cm(1.0)

    def _header(self) -> None:
        header = self.doc.sections[0].header
        header.is_linked_to_previous = False
        anchor = header.paragraphs[0]
        table = header.add_table(rows=1, cols=2, width=Cm(self.width))
        _table_frame(table, lines=False)
        _widths(table, (self.width * 0.4, self.width * 0.6))
        left, right = table.rows[0].cells
        name = left.paragraphs[0]
        name.style = self.doc.styles["Header"]
        add_text(name, "{{ tjeneste.navn }}", bold=True, size=10, colour=NAVY)
        mark = right.paragraphs[0]
        mark.style = self.doc.styles["Header"]
        mark.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        add_text(mark, CONFIDENTIAL, bold=True, size=8, colour=MARK)
        anchor._p.addprevious(table._tbl)
        anchor.style = self.doc.styles["Header"]
        _border_paragraph(anchor._p.get_or_add_pPr(), bottom=(GRID, 6, 1))
        anchor.paragraph_format.space_after = Pt(0)

    def _footer(self) -> None:
        footer = self.doc.sections[0].footer
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.style = self.doc.styles["Footer"]
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(self.width), WD_TAB_ALIGNMENT.RIGHT)
        paragraph.add_run(f"{self.title_text}\tSide ")
        _field(paragraph, "PAGE", "1")
        paragraph._p.append(_run_xml(" av "))
        _field(paragraph, "NUMPAGES", "1")

    # content

    def title(self, text: str, subtitle: str | None = None) -> None:
        add_text(self.doc.add_paragraph(style="Title"), text)
        if subtitle:
            add_text(self.doc.add_paragraph(style="Subtitle"), subtitle)

    def h1(self, text: str) -> None:
        add_text(self.doc.add_paragraph(style="Heading 1"), text)

    def h2(self, text: str) -> None:
        add_text(self.doc.add_paragraph(style="Heading 2"), text)

    def guide(self, text: str) -> None:
        add_text(self.doc.add_paragraph(style="Veiledning"), text)

    def para(self, text: str, *, align: str | None = None, space_after: float | None = None) -> Any:
        paragraph = self.doc.add_paragraph()
        add_text(paragraph, text)
        if align == "right":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if space_after is not None:
            paragraph.paragraph_format.space_after = Pt(space_after)
        return paragraph

    def label(self, text: str) -> None:
        add_text(self.doc.add_paragraph(style="Felttekst"), text)

    def control(self, tag: str) -> None:
        """A paragraph docxtpl replaces by a Jinja tag: ``if x``, ``else``, ``endif``, ``set``."""
        self.doc.add_paragraph("{%p " + tag + " %}", style="Malkode")

    @contextmanager
    def when(self, condition: str) -> Iterator[None]:
        self.control(f"if {condition}")
        yield
        self.control("endif")

    def gap(self) -> None:
        self.doc.add_paragraph(style="Avstand")

    def _table(self, rows: int, widths: Sequence[float], *, lines: bool = True) -> Any:
        table = self.doc.add_table(rows=rows, cols=len(widths))
        _table_frame(table, lines=lines)
        _widths(table, widths)
        for row in table.rows:
            for cell in row.cells:
                cell.paragraphs[0].style = self.doc.styles["Tabelltekst"]
        return table

    def _control_row(self, row: Any, tag: str) -> None:
        """A table row docxtpl replaces by a Jinja tag; one cell across, small and grey."""
        merged = row.cells[0].merge(row.cells[-1]) if len(row.cells) > 1 else row.cells[0]
        paragraph = merged.paragraphs[0]
        paragraph.style = self.doc.styles["Malkode"]
        paragraph.add_run(tag)

    def _fill(self, cell: Any, text: str, *, bold: bool = False) -> None:
        paragraph = cell.paragraphs[0]
        if text == "☐":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        lines = text.split("\n")
        add_text(paragraph, lines[0], bold=bold)
        for line in lines[1:]:
            extra = cell.add_paragraph(style="Tabelltekst")
            add_text(extra, line, bold=bold)

    def box(self, content: str = "", *, height: float = 2.2, fill: str | None = None) -> None:
        """A framed field: the filled value, or empty space for the contact person to write."""
        table = self._table(1, (self.width,))
        cell = table.cell(0, 0)
        cell.paragraphs[0].style = self.doc.styles["Normal"]
        cell.paragraphs[0].paragraph_format.space_after = Pt(2)
        if content:
            add_text(cell.paragraphs[0], content)
        row = table.rows[0]
        row.height = Cm(height)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        if fill:
            _shade_cell(cell, fill)
        self.gap()

    def facts(self, rows: Sequence[tuple[str, str] | tuple[str, str, str]]) -> None:
        """The case block: label and value per row; a third element makes the row conditional
        (``{%tr if ... %}``)."""
        lines: list[tuple[str, str, str]] = []
        for row in rows:
            label, value, *condition = row
            if condition:
                lines.append(("ctrl", f"{{%tr if {condition[0]} %}}", ""))
                lines.append(("row", label, value))
                lines.append(("ctrl", "{%tr endif %}", ""))
            else:
                lines.append(("row", label, value))
        label_width = 5.4
        table = self._table(len(lines), (label_width, self.width - label_width))
        for (kind, first, second), row in zip(lines, table.rows, strict=True):
            left, right = row.cells
            if kind == "ctrl":
                self._control_row(row, first)
                continue
            _keep_row(row)
            _shade_cell(left, LABEL_FILL)
            self._fill(left, first, bold=True)
            self._fill(right, second)
        self.gap()

    def grid(
        self,
        headers: Sequence[str],
        widths: Sequence[float],
        rows: Sequence[Sequence[str] | str],
        *,
        height: float | None = None,
    ) -> None:
        """A table with a header row; a plain string row is a shaded band across all columns."""
        table = self._table(1 + len(rows), widths)
        head = table.rows[0]
        _header_row(head)
        for cell, text in zip(head.cells, headers, strict=True):
            _shade_cell(cell, HEAD_FILL)
            self._fill(cell, text, bold=True)
        for row, content in zip(table.rows[1:], rows, strict=True):
            _keep_row(row)
            if isinstance(content, str):
                merged = row.cells[0].merge(row.cells[-1])
                _shade_cell(merged, BAND_FILL)
                self._fill(merged, content, bold=True)
                continue
            for cell, text in zip(row.cells, content, strict=True):
                self._fill(cell, text)
            if height is not None:
                row.height = Cm(height)
                row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        self.gap()

    def loop_grid(
        self,
        headers: Sequence[str],
        widths: Sequence[float],
        loop: str,
        cells: Sequence[str],
        empty: str,
        *,
        height: float | None = None,
    ) -> None:
        """A table whose rows repeat: ``{%tr for ... %}`` row, data row, ``{%tr else %}`` row,
        a row shown when there is nothing to list, and ``{%tr endfor %}``."""
        table = self._table(6, widths)
        head, start, data, otherwise, nothing, end = table.rows
        _header_row(head)
        for cell, text in zip(head.cells, headers, strict=True):
            _shade_cell(cell, HEAD_FILL)
            self._fill(cell, text, bold=True)
        self._control_row(start, f"{{%tr for {loop} %}}")
        _keep_row(data)
        for cell, text in zip(data.cells, cells, strict=True):
            self._fill(cell, text)
        if height is not None:
            data.height = Cm(height)
            data.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        self._control_row(otherwise, "{%tr else %}")
        merged = nothing.cells[0].merge(nothing.cells[-1])
        add_text(merged.paragraphs[0], empty, italic=True, colour=MUTED)
        self._control_row(end, "{%tr endfor %}")
        self.gap()

    def signatures(self, labels: Sequence[str]) -> None:
        width = self.width / len(labels)
        table = self._table(1, [width] * len(labels), lines=False)
        for cell, text in zip(table.rows[0].cells, labels, strict=True):
            space = cell.paragraphs[0]
            space.paragraph_format.space_before = Pt(28)
            line = cell.add_paragraph(style="Tabelltekst")
            _border_paragraph(line._p.get_or_add_pPr(), top=(MUTED, 6, 2))
            line.paragraph_format.right_indent = Cm(0.6)
            add_text(line, text, size=9, colour=MUTED)
        _keep_row(table.rows[0])
        self.gap()

    def letterhead(self, extra_rows: Sequence[str] = ()) -> None:
        """Sender and recipient on the left, date and references on the right."""
        left_width = self.width * 0.56
        table = self._table(1, (left_width, self.width - left_width), lines=False)
        left, right = table.rows[0].cells
        sender = left.paragraphs[0]
        add_text(sender, "{{ tjeneste.navn }}", bold=True, colour=NAVY)
        org = left.add_paragraph(style="Tabelltekst")
        org.add_run("{%p if tjeneste.orgnr %}")
        orgnr = left.add_paragraph(style="Tabelltekst")
        add_text(orgnr, "Org.nr. {{ tjeneste.orgnr }}", size=9, colour=MUTED)
        left.add_paragraph(style="Tabelltekst").add_run("{%p endif %}")
        spacer = left.add_paragraph(style="Tabelltekst")
        spacer.paragraph_format.space_after = Pt(12)
        for text in ("{{ ekstra.mottaker }}", "{{ ekstra.mottaker_adresse }}"):
            add_text(left.add_paragraph(style="Tabelltekst"), text)
        first = True
        for text in (
            "**Vår dato:** {{ dato }}",
            "**Saksbehandler:** {{ kontaktperson.navn }}",
            "**E-post:** {{ kontaktperson.epost }}",
            *extra_rows,
        ):
            paragraph = right.paragraphs[0] if first else right.add_paragraph(style="Tabelltekst")
            first = False
            add_text(paragraph, text, size=9.5)
        for paragraph in right.paragraphs:
            paragraph.paragraph_format.space_after = Pt(1)
        right.vertical_alignment = WD_ALIGN_VERTICAL.TOP
        self.gap()
        self.gap()

    # output

    def save(self) -> bytes:
        props = self.doc.core_properties
        props.title = self.title_text
        props.author = "Fosterflyt"
        props.last_modified_by = "Fosterflyt"
        props.language = "nb-NO"
        props.subject = "Mal med veiledende tekst"
        props.comments = ""
        props.keywords = "barnevern; fosterhjem; mal"
        props.created = FIXED_TIME.replace(tzinfo=None)
        props.modified = FIXED_TIME.replace(tzinfo=None)
        props.last_printed = FIXED_TIME.replace(tzinfo=None)
        props.revision = 1
        out = BytesIO()
        self.doc.save(out)
        return deterministic(out.getvalue())


def _run_xml(text: str) -> Any:
    run = _el("w:r")
    element = _el("w:t")
    element.set(qn("xml:space"), "preserve")
    element.text = text
    run.append(element)
    return run


# --- shared pieces -------------------------------------------------------------------------

CHILD = ("Barnets navn", "{{ barn.fullt_navn }}")
BIRTH = ("Fødselsdato", "{{ barn.fodselsdato }}")
HOME = ("Fosterhjem", "{{ fosterhjem.navn }}")
HOME_TYPE = ("Type fosterhjem", "{{ fosterhjem.type }}")
PARENTS = ("Fosterforeldre", "{{ fosterhjem.fosterforeldre_tekst }}")
START = ("Plassert fra", "{{ plassering.startdato }}")
BASIS = ("Grunnlag for plasseringen", "{{ plassering.hjemmel }}")
AGREEMENT = ("Oppdragsavtalen utløper", "{{ plassering.oppdragsavtale_slutt }}")
ENDED = ("Plasseringen avsluttet", "{{ plassering.sluttdato }}", "plassering.sluttdato")
CONTACT = ("Kontaktperson", "{{ kontaktperson.navn }}")
DEADLINE = ("Frist for oppgaven", "{{ oppgave.frist }}", "oppgave.frist")


def tick(expression: str) -> str:
    return '{{ "☒" if ' + expression + ' else "☐" }}'


def follow_up_table(b: Builder, rows: int = 3) -> None:
    w = b.width
    b.grid(("Hva skal gjøres", "Ansvarlig", "Frist"), (w - 7.0, 4.2, 2.8), [["", "", ""]] * rows)


# --- the templates -------------------------------------------------------------------------


def arlig_evaluering(b: Builder) -> None:
    b.title("Årlig evaluering med fosterforeldre", "Evaluering av fosterhjemsoppdraget")
    b.facts(
        (
            CHILD,
            BIRTH,
            HOME,
            HOME_TYPE,
            PARENTS,
            START,
            AGREEMENT,
            ENDED,
            CONTACT,
            ("Dato for evalueringen", "{{ svar.dato }}"),
            DEADLINE,
        )
    )
    b.h1("Om evalueringen")
    b.guide(
        "Fosterforeldrene, kontaktpersonen og avdelingslederen evaluerer oppdraget sammen hvert "
        f"år. Tjenestens rutine er {RULES.text('annual_evaluation_before_agreement_end')}. Da er "
        "det tid til å forhandle en "
        "ny avtale, endre oppdraget eller forberede en avslutning. Skriv kort og konkret, og skill "
        "mellom det fosterforeldrene forteller og barnevernstjenestens egen vurdering."
    )
    with b.when("plassering.oppdragsavtale_slutt"):
        b.para(
            "Oppdragsavtalen utløper {{ plassering.oppdragsavtale_slutt }}. Evalueringen skal "
            f"være holdt senest {EVALUATION_BEFORE_END} før denne datoen."
        )

    b.h1("Deltakere")
    b.guide(
        "Før opp hvem som deltok og i hvilken rolle: fosterforeldrene, kontaktpersonen, "
        "avdelingslederen og eventuelt fosterhjemsveilederen. Skriv om barnet var med på deler av "
        "møtet, eller hvordan barnets synspunkter ellers ble hentet inn."
    )
    w = b.width
    b.grid(("Navn", "Rolle"), (w * 0.55, w * 0.45), [["", ""]] * 4)

    b.h1("Hvordan oppdraget fungerer for fosterfamilien")
    b.guide(
        "Beskriv hvordan fosterforeldrene opplever oppdraget: hverdagen med barnet, belastning og "
        "overskudd, egne barn og resten av familien. Vurder om rammene i oppdragsavtalen, som "
        "frikjøp, godtgjøring og avlastning, fortsatt passer."
    )
    b.box("{{ svar.oppdraget }}")

    b.h1("Barnets situasjon og egne synspunkter")
    b.guide(
        "Beskriv hvordan barnet har det: helse, skole eller barnehage, venner og fritid, og "
        "kontakten med familien. Gjengi barnets egne synspunkter, helst med barnets ord, og skriv "
        "hvordan de ble hentet inn. Alle barn som kan danne seg egne synspunkter, skal høres "
        "(barnevernsloven § 1-4)."
    )
    b.box("{{ svar.barnets_situasjon }}")

    b.h1("Samarbeidet")
    b.guide(
        "Hvordan fungerer samarbeidet mellom fosterforeldrene og barnevernstjenesten, og med "
        "barnets foreldre og familie, for eksempel rundt samvær? Skriv hva som fungerer, hva som "
        "bør bli bedre, og hva hver av partene kan gjøre."
    )
    b.box("{{ svar.samarbeid }}")

    b.h1("Fosterforeldrenes behov for støtte og veiledning")
    b.guide(
        "Hva trenger fosterforeldrene det neste året? Vurder veiledning alene eller i gruppe, "
        "kurs, avlastning og de økonomiske rammene. Skriv konkret hva som er avtalt, hvem som "
        "følger det opp, og når."
    )
    b.box("{{ svar.behov_for_stotte }}")

    b.h1("Konklusjon")
    b.guide(
        "Konkluder med om oppdraget fortsetter som før, skal endres eller skal avsluttes, og "
        "begrunn konklusjonen. Skal oppdraget endres eller avsluttes, skriv hva som skjer videre "
        "og hvem som har ansvaret."
    )
    b.para("**Oppdraget videre:** {{ svar.oppdraget_videre }}")
    b.label("Begrunnelse")
    b.box("{{ svar.begrunnelse }}")

    b.h1("Avtaler og oppfølging")
    b.guide(
        "Før opp det dere ble enige om, med ansvarlig og frist. Avtal tidspunktet for neste "
        "årlige evaluering allerede nå."
    )
    follow_up_table(b)

    b.h1("Underskrifter")
    b.guide(
        "Les gjennom evalueringen sammen før dere skriver under. Fosterforeldrene får en kopi, og "
        "evalueringen arkiveres i barnets sak."
    )
    b.signatures(("Fosterforeldre", "Kontaktperson: {{ kontaktperson.navn }}", "Avdelingsleder"))


FUNNEL: tuple[tuple[str, str, str, str], ...] = (
    (
        "Trinn 1: Foreldrenes omsorgsevne nå og endring siden vedtaket",
        "Beskriv foreldrenes omsorgsevne slik den er i dag, med utgangspunkt i grunnene for "
        "vedtaket om omsorgsovertakelse. Er de samme forholdene fortsatt til stede, og hva har "
        "endret seg? Skill mellom det foreldrene forteller, det som er observert, og opplysninger "
        "fra andre instanser. Vurderingen gjelder situasjonen nå, ikke da vedtaket ble fattet.",
        "Vurdering av foreldrenes omsorgsevne og endring",
        "Konklusjon",
    ),
    (
        "Trinn 2: Er forsvarlig omsorg overveiende sannsynlig?",
        "Vurder om det er klart mer sannsynlig enn ikke at foreldrene nå kan gi barnet forsvarlig "
        "omsorg. Mål omsorgen mot et alminnelig godt nok hjem, ikke mot fosterhjemmet: spørsmålet "
        "er ikke hvor barnet har det best. Ta med hvilken hjelp foreldrene kan få etter en "
        "tilbakeføring, og om den kan gjøre omsorgen forsvarlig (barnevernsloven § 5-7 første "
        "ledd).",
        "Vurdering av om forsvarlig omsorg er overveiende sannsynlig",
        "Konklusjon",
    ),
    (
        "Trinn 3: Barnets tilknytning og risiko for alvorlige problemer ved flytting",
        "Her vurderes lovens unntak: omsorgen skal ikke tilbakeføres hvis barnet har fått en slik "
        "tilknytning til mennesker og miljø der det bor, at en flytting etter en helhetsvurdering "
        "kan føre til alvorlige problemer for barnet. Beskriv tilknytningen til fosterfamilien og "
        "til foreldrene, hvor lenge barnet har bodd i fosterhjemmet, alder, sårbarhet og "
        "reaksjoner på tidligere brudd. Vurder om en gradvis tilbakeføring kan dempe risikoen.",
        "Vurdering av tilknytning og risiko ved flytting",
        "Konklusjon",
    ),
    (
        "Trinn 4: Barnets egne synspunkter",
        "Gjengi hva barnet selv har sagt, helst med barnets egne ord, og skriv hvem som snakket "
        "med barnet, og når. Alle barn som kan danne seg egne synspunkter, skal høres, uten nedre "
        "aldersgrense (barnevernsloven § 1-4). Ønsket barnet ikke å uttale seg, skriv det. Fra "
        "15 år er barnet part i saken.",
        "Barnets synspunkter og hvordan barnet ble hørt",
        "Hvilken vekt barnets mening får, og hvorfor",
    ),
    (
        "Trinn 5: Helhetsvurdering og barnets beste",
        "Sett sammen konklusjonene fra trinn 1 til 4, og vei dem mot hverandre. En "
        "omsorgsovertakelse er i utgangspunktet midlertidig, og barnevernstjenesten skal arbeide "
        "aktivt for gjenforening så lenge det ikke strider mot barnets beste. Avslutt med en "
        "begrunnet anbefaling til leder om ett av de tre utfallene.",
        "Helhetsvurdering",
        "Anbefaling til leder",
    ),
)


def outcomes() -> list[tuple[str, str]]:
    """The decision's outcomes, key and label, as the workflow definition has them. The
    documents API puts the label in ``oppgave.utfall``; the key is accepted as well."""
    definition = load_catalogue().latest("vurderingstrakt")
    if definition is None:
        raise SystemExit("the workflow vurderingstrakt is missing")
    step = next(s for s in definition.steps if s.key == "beslutning")
    return [(o.key, o.label) for o in step.outcomes or []]


def vurdering_tilbakeforing(b: Builder) -> None:
    b.title(
        "Strukturert vurdering av tilbakeføring",
        "Vurdering etter barnevernsloven §§ 5-7 og 8-3",
    )
    b.facts((CHILD, BIRTH, HOME, START, BASIS, ENDED, CONTACT, ("Dato", "{{ dato }}")))
    b.h1("Om vurderingen")
    b.guide(
        "Barnevernstjenesten skal systematisk og jevnlig vurdere om omsorgen kan tilbakeføres til "
        "foreldrene (barnevernsloven § 8-3). Vurderingen går gjennom kravene i § 5-7 del for del "
        "og i fast rekkefølge, og hvert trinn avsluttes med en konklusjon. Til slutt beslutter "
        "leder ett av tre utfall. Vurderingen forutsetter at foreldrene er fulgt opp parallelt; "
        "vis til oppfølgingssamtalene der det er relevant."
    )
    for number, (heading, guidance, assessment, conclusion) in enumerate(FUNNEL, start=1):
        b.h1(heading)
        b.guide(guidance)
        b.label(assessment)
        b.box(f"{{{{ ekstra.trinn_{number}_vurdering }}}}")
        b.label(conclusion)
        b.box(f"{{{{ ekstra.trinn_{number}_konklusjon }}}}", height=1.2, fill=LABEL_FILL)

    b.h1("Beslutning")
    b.guide(
        "Leder velger ett av de tre utfallene og begrunner beslutningen. Fremmes sak for "
        "nemnda, planlegg også oppfølgingen av barnet og foreldrene etter en eventuell oppheving. "
        "Fortsetter gjenforeningsarbeidet, oppdater oppfølgingsplanen for foreldrene og sett dato "
        "for neste vurdering. Avsluttes gjenforeningsmålet, skriv grunnen og hvordan foreldrene "
        "og barnet får vite om beslutningen."
    )
    choices = outcomes()
    for key, label in choices:
        accepted = f"[{json.dumps(key)}, {json.dumps(label)}]"
        b.para(f"{tick(f'oppgave.utfall in {accepted}')}  {label}", space_after=2)
    every = ", ".join(json.dumps(value) for pair in choices for value in pair)
    with b.when(f"oppgave.utfall not in [{every}]"):
        b.para("**Registrert utfall:** {{ oppgave.utfall }}")
    b.label("Begrunnelse for beslutningen")
    b.box("{{ svar.begrunnelse }}")
    with b.when("svar.grunn_for_a_avslutte"):
        b.label("Grunnen til at gjenforeningsmålet avsluttes")
        b.box("{{ svar.grunn_for_a_avslutte }}", height=1.2)

    b.h1("Videre oppfølging")
    b.guide(
        "Før opp hva som skal skje nå, hvem som har ansvaret og fristen: forberedelse av saken "
        "for nemnda, oppdatering av oppfølgingsplanen, informasjon til foreldrene og barnet, og "
        "dato for neste vurdering."
    )
    follow_up_table(b)
    b.signatures(("Kontaktperson: {{ kontaktperson.navn }}", "Leder, dato"))


def oppfolgingssamtale_foreldre(b: Builder) -> None:
    b.title("Oppfølgingssamtale med foreldre", "Samtale etter omsorgsovertakelse")
    b.facts(
        (
            CHILD,
            BIRTH,
            START,
            BASIS,
            ENDED,
            CONTACT,
            ("Dato for samtalen", "{{ svar.dato }}"),
            ("Foreldrene tok imot samtalen", "{{ svar.foreldrene_deltok }}"),
        )
    )
    b.h1("Om samtalen")
    b.guide(
        "Barnevernstjenesten skal tilby foreldrene oppfølging etter en omsorgsovertakelse "
        "(barnevernsloven § 8-3). Tjenestens rutine er "
        f"{RULES.text('parent_conversations_per_year')}. Samtalen er frivillig. Den skal støtte "
        "foreldrene, følge opp det som er avtalt, og gi grunnlag for den jevnlige vurderingen av "
        "om omsorgen kan tilbakeføres. Bruk gjerne overskriftene som samtaleguide, og les opp det "
        "du har skrevet før dere avslutter."
    )
    with b.when('svar.foreldrene_deltok == "Nei"'):
        b.guide(
            "Foreldrene takket nei til samtalen. Skriv når og hvordan tilbudet ble gitt, hva "
            "foreldrene svarte, og når de får et nytt tilbud. Resten av malen kan stå tom."
        )

    b.h1("Til stede")
    b.guide(
        "Skriv hvem som deltok, og om foreldrene hadde med seg en støtteperson eller tolk. Ble "
        "samtalen holdt med foreldrene hver for seg, skriv det."
    )
    b.box(height=1.2)

    b.h1("Hva foreldrene fortalte, og barnevernstjenestens vurdering")
    b.guide(
        "Skriv hvordan foreldrene har det, og hva som har skjedd siden sist: bolig, arbeid, helse, "
        "nettverk og eventuell behandling. Skill tydelig mellom det foreldrene forteller og "
        "barnevernstjenestens vurdering."
    )
    b.box("{{ svar.notat }}", height=3.0)

    b.h1("Samvær og samarbeid")
    b.guide(
        "Hvordan har samværene vært, sett fra foreldrene? Hvordan fungerer samarbeidet med "
        "fosterforeldrene og med barnevernstjenesten? Hva kan gjøre samværene bedre for barnet?"
    )
    b.box()

    b.h1("Hva foreldrene ønsker hjelp til")
    b.guide(
        "Spør hva foreldrene ønsker hjelp til, for egen del og som foreldre. Gå gjennom "
        "oppfølgingsplanen for foreldrene og det som er gjort siden forrige samtale."
    )
    b.box()

    b.h1("Betydning for vurderingen av tilbakeføring")
    b.guide(
        "Har det skjedd endringer som har betydning for spørsmålet om omsorgen kan tilbakeføres? "
        "Skriv kort hva, og om det skal tas med i neste vurdering. Foreldrene skal vite at dette "
        "vurderes jevnlig."
    )
    b.box(height=1.6)

    b.h1("Avtaler om videre oppfølging")
    b.guide(
        "Skriv hva dere ble enige om, hvem som gjør hva, og når neste samtale skal være. "
        "Foreldrene bør få en kopi av avtalene."
    )
    b.box("{{ svar.avtaler }}", height=1.6)
    b.signatures(("Kontaktperson: {{ kontaktperson.navn }}", "Dato"))


# --- P6 21: mapping of a parent (slice "people", issue #14) ---------------------------------

PARENT_NAME = ("Forelder", "{{ forelder.navn }}")


def kartlegging_foreldre(b: Builder) -> None:
    b.title(
        "Kartlegging av foreldre til barn som bor utenfor hjemmet",
        "Forelderens situasjon, ressurser og ønsker",
    )
    b.facts(
        (
            CHILD,
            BIRTH,
            START,
            BASIS,
            CONTACT,
            PARENT_NAME,
            ("Relasjon til barnet", "{{ forelder.relasjon }}"),
            ("Foreldreansvar", "{{ forelder.foreldreansvar }}"),
            ("Bor sammen med", "{{ forelder.bor_sammen_med }}", "forelder.bor_sammen_med"),
            ("Adresse", "{{ forelder.adresse }}", "forelder.adresse"),
            ("Telefon", "{{ forelder.telefon }}", "forelder.telefon"),
            ("E-post", "{{ forelder.epost }}", "forelder.epost"),
            ("Takket nei til oppfølging", "{{ forelder.takket_nei }}", "forelder.takket_nei"),
            ("Dato for samtalen", "{{ svar.dato }}", "svar.dato"),
        )
    )
    b.h1("Om kartleggingen")
    b.guide(
        "Kartleggingen gir barnevernstjenesten et felles bilde av hvordan forelderen har det nå, "
        "hva som kan styrke forelderen, og hva forelderen selv ønsker, slik at oppfølgingen kan "
        "planlegges sammen med forelderen. Gjør den tidlig etter flyttingen, gjerne i den første "
        "oppfølgingssamtalen, og oppdater den når situasjonen endrer seg. Foreldre som bor hver "
        "for seg, kartlegges hver for seg. Fortell forelderen hva opplysningene skal brukes til, "
        "at det er frivillig å svare, og at forelderen kan lese det som skrives."
    )
    b.guide(
        "Skill mellom det forelderen forteller og barnevernstjenestens egne vurderinger. Skriv "
        "bare det som er nødvendig for oppfølgingen, og bruk tolk når forelderen trenger det."
    )

    b.h1("Forelderens situasjon nå")
    b.guide(
        "Hvordan har forelderen det etter at barnet flyttet? Skriv med forelderens egne ord hva "
        "som er vanskelig nå, og hva som har endret seg siden vedtaket. Ta med om forelderen har "
        "andre barn, og hvor de bor."
    )
    b.box(height=2.6)

    b.h1("Nettverk")
    b.guide(
        "Hvem har forelderen rundt seg: familie, venner, naboer, tros- eller fritidsfellesskap? "
        "Hvem kan forelderen snakke med, og hvem kan være til støtte ved samvær og møter? Et "
        "nettverkskart kan være til hjelp."
    )
    b.box()

    b.h1("Ressurser og det som fungerer")
    b.guide(
        "Hva er forelderen god til, og hva har hjulpet før? Skriv ned sider ved forelderen som "
        "barnet har glede av, og det forelderen selv mener fungerer godt i kontakten med barnet."
    )
    b.box()

    b.h1("Helse")
    b.guide(
        "Fysisk og psykisk helse og eventuell rus, slik forelderen beskriver det. Får forelderen "
        "behandling eller oppfølging i dag, og av hvem? Spør om samtykke før du kontakter andre "
        "tjenester."
    )
    b.box()

    b.h1("Bolig og økonomi")
    b.guide(
        "Hvordan bor forelderen, og er boligen trygg og varig? Er det plass til barnet ved samvær? "
        "Har forelderen en økonomi som gjør hverdagen forutsigbar, eller trengs det hjelp fra NAV "
        "eller andre?"
    )
    b.box()

    b.h1("Arbeid, utdanning og hverdag")
    b.guide(
        "Er forelderen i arbeid, utdanning eller tiltak? Hvordan ser en vanlig uke ut, og hva gir "
        "struktur og mening i hverdagen?"
    )
    b.box()

    b.h1("Ønsker for kontakten med barnet")
    b.guide(
        "Hva ønsker forelderen for samværet og annen kontakt med barnet: hyppighet, sted, "
        "telefon, brev og bilder? Hvordan vil forelderen samarbeide med fosterforeldrene? Skriv "
        "ned ønskene selv om de ikke kan oppfylles, og hva som er avgjort av nemnda eller avtalt."
    )
    b.box()

    b.h1("Ønsker for oppfølgingen")
    b.guide(
        "Hvordan og hvor ofte ønsker forelderen å møte barnevernstjenesten, og på hvilken måte: "
        "samtaler, telefon, med eller uten støtteperson? Ønsker forelderen å være med i Veien "
        "videre eller andre tilbud? Takker forelderen nei, skriv det og datoen for svaret."
    )
    b.box()

    b.h1("Hva forelderen ønsker hjelp til")
    b.guide(
        "Spør hva forelderen vil ha hjelp til, for egen del og som forelder, og fra hvem. Det kan "
        "være behandling, bolig, arbeid, veiledning i foreldrerollen eller hjelp til å forstå "
        "vedtaket. Avklar hva barnevernstjenesten kan bidra med, og hva andre må gjøre."
    )
    b.box(height=2.6)

    b.h1("Barnevernstjenestens vurdering")
    b.guide(
        "Oppsummer hva kartleggingen viser om forelderens situasjon, ressurser og behov for "
        "hjelp, og hva den betyr for barnet. Hold vurderingen adskilt fra det forelderen har "
        "fortalt."
    )
    b.box(height=2.6)

    b.h1("Videre oppfølging")
    b.guide(
        "Skriv hva dere ble enige om: tiltak, hvem som gjør hva og innen når, og når kartleggingen "
        "skal oppdateres. Avtalene tas inn i oppfølgingsplanen for foreldrene, og forelderen bør "
        "få en kopi."
    )
    b.box()
    b.signatures(("Kontaktperson: {{ kontaktperson.navn }}", "Forelder: {{ forelder.navn }}"))


def samtale_med_barnet(b: Builder) -> None:
    b.title("Samtale med barnet ved oppfølgingsbesøk", "Oppfølgingsbesøk i fosterhjemmet")
    b.facts(
        (
            CHILD,
            BIRTH,
            ("Alder", "{{ barn.alder }} år"),
            HOME,
            START,
            ENDED,
            CONTACT,
            ("Dato for besøket", "{{ svar.besoksdato }}"),
            ("Snakket med barnet alene", "{{ svar.snakket_med_barnet_alene }}"),
        )
    )
    b.h1("Om samtalen")
    b.guide(
        "Malen er en huskeliste for samtalen med barnet. Barnet har rett til å bli hørt, og det "
        "skal gå fram hva barnet sa og hvordan det er tatt hensyn til (barnevernsloven § 1-4). "
        "Tilpass samtalen til barnets alder og modenhet, og la barnet være med på å velge hva dere "
        "snakker om. Det er ikke meningen at alle temaene skal gjennomgås hver gang."
    )

    b.h1("Rammer for samtalen")
    b.guide(
        "Skriv hvor samtalen foregikk, hvor lenge den varte, og om barnet var alene med deg. "
        "Skriv også hva barnet fikk vite om hvorfor du kom, og hva som skjer med det barnet "
        "forteller."
    )
    with b.when('svar.snakket_med_barnet_alene == "Nei"'):
        b.guide(
            "Du har registrert at du ikke snakket med barnet alene. Skriv grunnen her, og vurder "
            "om det skal avtales et nytt besøk der barnet får den muligheten."
        )
    b.box(height=1.4)

    b.h1("Barnets egne ord")
    b.guide(
        "Skriv hva barnet fortalte, så nær barnets egne ord som mulig. Bruk anførselstegn når du "
        "gjengir barnet direkte, og skriv det også når barnet ikke ville snakke om noe."
    )
    b.box("{{ svar.barnets_mening }}", height=3.0)

    b.h1("Tema i samtalen: Barnets behov i sentrum")
    b.guide(
        "Temaene følger kunnskapsmodellen Barnets behov i sentrum, med tre sider og elleve "
        "områder. Side 2 handler her om omsorgen barnet får i fosterhjemmet, altså fra "
        "fosterforeldrene. Noter det barnet sa om hvert område dere snakket om, og la resten stå "
        "tomt. Med områdekoden kan notatene følges over tid og brukes i senere vurderinger."
    )
    w = b.width
    table = b._table(1 + sum(1 + len(areas) for _, _, areas in BBIS), (1.6, 6.0, w - 7.6))
    head = table.rows[0]
    _header_row(head)
    for cell, text in zip(head.cells, ("Kode", "Område", "Hva barnet fortalte"), strict=True):
        _shade_cell(cell, HEAD_FILL)
        b._fill(cell, text, bold=True)
    rows = iter(table.rows[1:])
    for number, side, areas in BBIS:
        band = next(rows)
        _keep_row(band)
        merged = band.cells[0].merge(band.cells[-1])
        _shade_cell(merged, BAND_FILL)
        b._fill(merged, f"{number}  {side}", bold=True)
        for code, area, prompt in areas:
            row = next(rows)
            _keep_row(row)
            row.height = Cm(1.1)
            row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
            code_cell, area_cell, _notes = row.cells
            b._fill(code_cell, code)
            b._fill(area_cell, f"**{area}**")
            hint = area_cell.add_paragraph(style="Tabelltekst")
            add_text(hint, prompt, italic=True, size=8.5, colour=GUIDE_TEXT)
    b.gap()

    b.h1("Barnevernstjenestens vurdering")
    b.guide(
        "Vurder hvordan barnet har det i fosterhjemmet ut fra det barnet sa, det du så, og det "
        "fosterforeldrene fortalte. Skriv hvordan barnets mening er tatt hensyn til, og om noe "
        "gir grunn til bekymring."
    )
    b.box("{{ svar.vurdering }}", height=3.0)

    b.h1("Tilbakemelding til barnet og videre oppfølging")
    b.guide(
        "Skriv hva du sa til barnet om hva som skjer videre, og når dere ses igjen. Må noe følges "
        "opp, før opp hva, hvem som gjør det, og når."
    )
    follow_up_table(b)
    b.signatures(("Kontaktperson: {{ kontaktperson.navn }}", "Dato"))


def gjennomgang_tilsynsrapport(b: Builder) -> None:
    b.title("Gjennomgang av tilsynsrapport", "Barnevernstjenestens gjennomgang etter tilsynsbesøk")
    b.facts(
        (
            CHILD,
            BIRTH,
            HOME,
            START,
            ENDED,
            CONTACT,
            ("Tilsynsfører", "{{ tilsynsforer.navn }}", "tilsynsforer.navn"),
            ("Dato for tilsynsbesøket", "{{ tilsynsrapport.besoksdato or ekstra.besoksdato }}"),
            ("Rapporten kom inn", "{{ tilsynsrapport.mottatt or ekstra.rapport_mottatt }}"),
            (
                "Snakket med barnet alene",
                "{{ tilsynsrapport.samtale_alene }}",
                "tilsynsrapport.samtale_alene",
            ),
            DEADLINE,
        )
    )
    b.h1("Om gjennomgangen")
    b.guide(
        "Barnet skal ha tilsynsbesøk minst fire ganger i året, og tilsynsføreren skriver en "
        "rapport etter hvert besøk (barnevernsloven § 9-10). Kontaktpersonen går gjennom hver "
        "rapport, vurderer hva den sier om barnets situasjon, og tar stilling til om noe må "
        "følges opp. Når rapporten er registrert på plasseringen, hentes datoene fra den; "
        "fyll dem inn i tabellen over hvis de mangler."
    )

    b.h1("Sjekkpunkter i rapporten")
    b.guide(
        "Gå gjennom rapporten punkt for punkt. Sett kryss for ja eller nei, og kommenter det som "
        "trenger en forklaring."
    )
    w = b.width
    checks = (
        "Besøket ble gjennomført i fosterhjemmet",
        "Barnet fikk snakke med tilsynsføreren alene",
        "Rapporten gjengir hva barnet selv sa",
        "Rapporten beskriver hvordan barnet har det i fosterhjemmet",
        "Rapporten beskriver forhold som gir grunn til bekymring",
        "Barnet eller fosterforeldrene har spørsmål eller ønsker som må besvares",
        "Rapporten er datert og underskrevet",
    )
    b.grid(
        ("Sjekkpunkt", "Ja", "Nei", "Kommentar"),
        (7.6, 1.1, 1.1, w - 9.8),
        [[text, "☐", "☐", ""] for text in checks],
    )

    b.h1("Barnevernstjenestens vurdering")
    b.guide(
        "Vurder hva rapporten sier om hvordan barnet har det og om omsorgen i fosterhjemmet. Legg "
        "særlig vekt på det barnet selv har sagt, og sammenlign med det du vet fra egne "
        "oppfølgingsbesøk. Fikk ikke barnet snakke alene med tilsynsføreren, skriv hvorfor og hva "
        "som gjøres neste gang."
    )
    b.box("{{ svar.vurdering }}", height=3.0)

    b.h1("Oppfølging")
    b.guide(
        "Ta stilling til om rapporten krever oppfølging. Før i så fall opp hva som skal gjøres, "
        "av hvem og innen når."
    )
    b.para("**Rapporten krever oppfølging:** {{ svar.oppfolging_nodvendig }}")
    b.label("Hva skal følges opp, av hvem og innen når")
    b.box("{{ svar.tiltak }}", height=1.6)

    b.h1("Tilbakemelding til tilsynsføreren")
    b.guide(
        "Skriv om tilsynsføreren har fått tilbakemelding på rapporten, for eksempel om innholdet, "
        "om samtalen med barnet eller om tidspunktet for neste besøk, og når det ble gjort."
    )
    b.box(height=1.4)

    b.h1("Informasjon til barnet og fosterforeldrene")
    b.guide(
        "Skriv om barnet og fosterforeldrene har fått vite hva som skjer med det som kom fram i "
        "rapporten, og hvem som har gitt dem beskjed."
    )
    b.box(height=1.4)
    b.signatures(("Kontaktperson: {{ kontaktperson.navn }}", "Dato"))


def oppfolgingsplan(b: Builder) -> None:
    b.title("Oppfølgingsplan", "Møtepunkter for barnet, fosterfamilien og foreldrene")
    b.facts(
        (
            CHILD,
            BIRTH,
            HOME,
            PARENTS,
            START,
            BASIS,
            ENDED,
            CONTACT,
            ("E-post til kontaktpersonen", "{{ kontaktperson.epost }}"),
            ("Planen er laget", "{{ dato }}"),
            (
                "Omsorgsplan",
                "{{ planer.omsorgsplan.tittel }}, vedtatt {{ planer.omsorgsplan.vedtatt }}",
                "planer.omsorgsplan",
            ),
            (
                "Tiltaksplan",
                "Vedtatt {{ planer.tiltaksplan.vedtatt }}, gjelder til "
                "{{ planer.tiltaksplan.gjelder_til }}",
                "planer.tiltaksplan",
            ),
        )
    )
    b.h1("Om planen")
    b.guide(
        "Oppfølgingsplanen viser hvilke møtepunkter barnet, fosterforeldrene og foreldrene kan "
        "regne med i perioden planen gjelder. Den kommer i tillegg til omsorgsplanen eller "
        "tiltaksplanen. Tabellen under er hentet fra oppgavene som er planlagt for plasseringen "
        "det neste året. Kontroller den, skriv inn møtepunkter som mangler, og gå gjennom planen "
        "med partene."
    )
    b.label("Perioden planen gjelder, og når den skal gjennomgås på nytt")
    b.box(height=1.0)

    b.h1("Planlagte møtepunkter")
    b.guide(
        "Status «Åpen» betyr at møtet ikke er holdt ennå. Under Ansvarlig står navnet på den "
        "som har oppgaven. Står det bare en rolle, som «Leder», har ingen fått oppgaven ennå: "
        "skriv inn navnet når det er avklart, før planen gis til partene."
    )
    w = b.width
    b.loop_grid(
        ("Frist", "Hva", "Ansvarlig", "Status"),
        (2.6, w - 8.6, 3.4, 2.6),
        "m in tidslinje",
        ("{{ m.frist }}", "{{ m.tittel }}", "{{ m.ansvarlig }}", "{{ m.status }}"),
        "Ingen møtepunkter er planlagt det neste året.",
    )

    b.h1("Oppfølging av barnet")
    b.guide(
        "Beskriv hvordan barnet blir fulgt opp: oppfølgingsbesøk minst fire ganger i året, "
        "tilsynsbesøk, samtaler med barnet alene, og hvordan barnet kan ta kontakt med "
        "kontaktpersonen mellom besøkene."
    )
    b.box()

    b.h1("Oppfølging av fosterfamilien")
    b.guide(
        "Beskriv veiledning, opplæring og annen støtte fosterforeldrene skal få, og hvem de kan "
        "kontakte ved behov, også utenom kontortid."
    )
    b.box()

    b.h1("Oppfølging av foreldrene")
    b.guide(
        f"Beskriv tilbudet til foreldrene: {RULES.text('parent_conversations_per_year')}, samvær, "
        "eventuell "
        "støtteperson og andre tiltak. Skriv det slik at foreldrene forstår det."
    )
    b.box()

    b.h1("Samvær")
    b.guide("Skriv kort hvilke samvær som er fastsatt, og vis til samværsplanen hvis den finnes.")
    b.box(height=1.4)

    b.h1("Planen er gjennomgått med")
    b.guide("Skriv datoen planen ble gjennomgått med hver av partene, og eventuelle merknader.")
    b.grid(
        ("Part", "Dato", "Merknad"),
        (4.0, 2.8, w - 6.8),
        [["Barnet", "", ""], ["Fosterforeldrene", "", ""], ["Foreldrene", "", ""]],
    )
    b.signatures(("Kontaktperson: {{ kontaktperson.navn }}", "Dato"))


def oppfolgingsplan_foreldre(b: Builder) -> None:
    """P6 item 9: the checklist of everything in the parents' follow-up."""
    plan = "planer.oppfolgingsplan_foreldre"
    b.title("Oppfølgingsplan for foreldre", "Sjekkliste for oppfølgingen av foreldrene")
    b.facts(
        (
            CHILD,
            BIRTH,
            START,
            BASIS,
            ENDED,
            CONTACT,
            ("Planen er laget eller revidert", "{{ svar.dato }}", "svar.dato"),
            ("Planen ble vedtatt", "{{ " + plan + ".vedtatt }}", plan),
            ("Revisjon", "{{ " + plan + ".revisjon }}", plan),
            ("Deltok da planen ble laget", "{{ " + plan + ".deltok }}", plan),
        )
    )
    b.h1("Om planen")
    b.guide(
        "Planen samler alt barnevernstjenesten tilbyr foreldrene mens barnet bor i fosterhjem: "
        "samtaler, samvær, informasjon om barnet, hjelp til egen situasjon og hvem som gjør hva "
        "og når. Lag den sammen med foreldrene, og gjerne med hver av dem for seg hvis de bor "
        "hver for seg eller ønsker det. Oppfølgingen er et tilbud: takker foreldrene nei til "
        "noe, skriv det og når de fikk tilbudet. Gå gjennom planen i hver oppfølgingssamtale, "
        "og revider den når noe endres."
    )
    with b.when("not " + plan):
        b.guide(
            "Ingen oppfølgingsplan for foreldrene er registrert på plasseringen ennå. Registrer "
            "planen i fagsystemet når den er vedtatt, så fylles datoene inn her."
        )
    b.label("Målet med oppfølgingen, slik planen beskriver det")
    b.box("{{ " + plan + ".sammendrag }}", height=1.8)
    b.label("Hva som er nytt siden forrige plan")
    b.box("{{ svar.endringer }}", height=1.2)

    b.h1("Sjekkliste for oppfølgingen")
    b.guide(
        "Gå gjennom hvert punkt med foreldrene. Skriv hva som er tilbudt og avtalt, hvem i "
        "barnevernstjenesten eller andre tjenester som har ansvaret, og når det skal skje. "
        "Stryk ikke et punkt fordi det ikke passer nå: skriv heller hvorfor."
    )
    w = b.width
    b.grid(
        ("Tema", "Tilbud og avtaler", "Ansvarlig", "Når"),
        (4.2, w - 10.0, 3.2, 2.6),
        [
            ["Oppfølgingssamtaler med foreldrene", "", "", ""],
            ["Samvær med barnet (omfang, sted, tilsyn)", "", "", ""],
            ["Informasjon om hvordan barnet har det", "", "", ""],
            ["Samarbeid med fosterforeldrene", "", "", ""],
            ["Hjelp til egen situasjon (helse, rus, bolig, arbeid, økonomi)", "", "", ""],
            ["Veiledning og kurs (for eksempel Veien videre)", "", "", ""],
            ["Støtteperson eller tolk", "", "", ""],
            ["Vurdering av om omsorgen kan tilbakeføres", "", "", ""],
        ],
        height=1.0,
    )
    b.guide(
        f"Tjenestens rutine er {RULES.text('parent_conversations_per_year')}; loven krever at "
        "foreldrene følges opp etter en omsorgsovertakelse, men sier ikke hvor ofte. Så lenge "
        "omsorgsvedtaket står, skal barnevernstjenesten jevnlig vurdere om omsorgen kan "
        "tilbakeføres (barnevernsloven § 8-3); tjenestens rutine er "
        f"{RULES.text('return_home_review_interval')}."
    )

    b.h1("Planlagte møtepunkter for foreldrene")
    b.guide(
        "Tabellen er hentet fra oppgavene som er planlagt for foreldrene det neste året. Under "
        "Ansvarlig står navnet på den som har oppgaven; står det bare en rolle, skriv inn navnet "
        "før planen gis til foreldrene. Legg til samvær og møter som ikke står her."
    )
    b.loop_grid(
        ("Frist", "Hva", "Ansvarlig", "Status"),
        (2.6, w - 8.6, 3.4, 2.6),
        "m in foreldre_tidslinje",
        ("{{ m.frist }}", "{{ m.tittel }}", "{{ m.ansvarlig }}", "{{ m.status }}"),
        "Ingen møtepunkter for foreldrene er planlagt det neste året.",
    )

    b.h1("Foreldrenes egne ønsker og synspunkter")
    b.guide(
        "Skriv med foreldrenes egne ord hva de ønsker hjelp til, hva de er uenige i, og hva de "
        "mener er viktig for barnet. Skill tydelig mellom det foreldrene sier og "
        "barnevernstjenestens vurdering."
    )
    b.box(height=2.4)

    b.h1("Planen er gjennomgått med foreldrene")
    b.guide("Skriv datoen for hver gjennomgang, hvem som deltok, og hva som ble endret.")
    b.grid(("Dato", "Hvem deltok", "Endringer"), (2.8, 4.6, w - 7.4), [["", "", ""], ["", "", ""]])
    b.signatures(("Kontaktperson: {{ kontaktperson.navn }}", "Foreldre", "Dato"))


def letter_closing(b: Builder) -> None:
    b.para("Med vennlig hilsen", space_after=24)
    b.para("{{ kontaktperson.navn }}", space_after=0)
    b.para("Kontaktperson", space_after=0)
    b.para("{{ tjeneste.navn }}")


def informasjonsbrev_foreldre(b: Builder) -> None:
    b.letterhead(("**Vår referanse:** {{ ekstra.referanse }}",))
    b.guide(
        "Brevet gir foreldrene praktisk informasjon etter at barnet har flyttet. Fyll inn mottaker "
        "og adresse hvis de mangler, tilpass teksten til saken, og slett alle veiledningstekstene "
        "før brevet sendes. Skriv enkelt og vennlig, og bruk tolk eller oversettelse når "
        "foreldrene trenger det."
    )
    b.title(
        "Informasjonsbrev til foreldre",
        "Praktisk informasjon etter at {{ barn.fullt_navn }} har flyttet",
    )
    b.para(
        "Vi skriver til dere for å gi praktisk informasjon nå som {{ barn.fornavn }} har flyttet. "
        "Vi vet at dette er en krevende tid, og vi vil gjerne at dere skal vite hva som skjer "
        "videre, og hvem dere kan snakke med."
    )

    b.h1("Hvor {{ barn.fornavn }} bor")
    b.para("{{ barn.fornavn }} har bodd i et fosterhjem siden {{ plassering.startdato }}.")
    b.guide(
        "Skriv det foreldrene kan få vite om fosterhjemmet. Skriv ikke fosterhjemmets adresse hvis "
        "det er bestemt at den ikke skal gis ut."
    )
    b.box(height=1.2)

    b.h1("Kontakt og samvær")
    b.guide(
        "Skriv når foreldrene skal se barnet neste gang, hvordan samværene er ordnet, og om de "
        "kan ha kontakt på telefon eller digitalt. For mange foreldre er det viktigste å vite når "
        "de ser barnet igjen."
    )
    b.box()

    b.h1("Klær, eiendeler og praktiske ting")
    b.guide(
        "Skriv hvordan barnet kan få med seg klær, leker, bilder og andre ting som betyr noe, og "
        "hvem foreldrene kan avtale dette med."
    )
    b.box(height=1.6)

    b.h1("Skole, barnehage og helse")
    b.guide(
        "Skriv hvilken skole eller barnehage barnet går i nå, og hvordan foreldrene kan få "
        "informasjon fra skole, barnehage og helsetjeneste, så langt saken tillater det."
    )
    b.box(height=1.6)

    b.h1("Oppfølging av dere som foreldre")
    b.para(
        "Barnevernstjenesten skal følge opp dere som foreldre mens {{ barn.fornavn }} bor utenfor "
        "hjemmet. Vi vil tilby dere samtaler om hvordan dere har det, og om hvordan samarbeidet "
        "rundt {{ barn.fornavn }} fungerer."
    )
    b.guide(
        "Skriv hvilke tilbud tjenesten har, for eksempel "
        f"{RULES.text('parent_conversations_per_year')} og "
        "samtalerekken Veien videre, og hvordan foreldrene tar imot dem."
    )
    b.box(height=1.4)

    b.h1("Rettighetene deres")
    b.guide(
        "Skriv kort om foreldrenes rettigheter slik de gjelder i denne saken, for eksempel innsyn "
        "i sakens dokumenter, advokat og klageadgang, med frister som gjelder."
    )
    b.box(height=1.6)

    b.h1("Kontaktperson i barnevernstjenesten")
    b.para(
        "Kontaktpersonen deres er {{ kontaktperson.navn }}. Dere kan sende e-post til "
        "{{ kontaktperson.epost }}. Ta gjerne kontakt hvis dere lurer på noe."
    )
    b.guide(
        "Legg til telefonnummer og når kontaktpersonen er lettest å nå, og hvem foreldrene kan "
        "kontakte når kontaktpersonen ikke er på jobb. Send ikke sensitive opplysninger på vanlig "
        "e-post."
    )
    letter_closing(b)


def invitasjon_felles_samtale(b: Builder) -> None:
    b.letterhead(("**Vår referanse:** {{ ekstra.referanse }}",))
    b.guide(
        "Invitasjonen sendes til foreldrene og til fosterforeldrene, gjerne som to brev med samme "
        "innhold. Fyll inn mottaker og adresse hvis de mangler, kontroller tid og sted, og slett "
        "veiledningstekstene før brevet sendes."
    )
    b.title(
        "Invitasjon til felles samtale",
        "Foreldrene, fosterforeldrene og barnevernstjenesten",
    )
    b.para(
        "Vi inviterer dere, foreldrene og fosterforeldrene til {{ barn.fornavn }}, til en felles "
        "samtale. Målet er at de voksne rundt {{ barn.fornavn }} blir bedre kjent, og at "
        "dere sammen kan bli enige om hvordan dere kan samarbeide til det beste for "
        "{{ barn.fornavn }}."
    )
    b.facts(
        (
            ("Tid", "{{ ekstra.tidspunkt }}"),
            ("Sted", "{{ ekstra.sted }}"),
            ("Fra barnevernstjenesten", "{{ kontaktperson.navn }}"),
        )
    )

    b.h1("Hvorfor en felles samtale")
    b.guide(
        "Forklar kort hvorfor samtalen holdes nå, for eksempel etter flyttingen, før en endring i "
        "samværene eller fordi samarbeidet har vært vanskelig."
    )
    b.box(height=1.6)

    b.h1("Forslag til tema")
    b.guide(
        "Før opp temaene barnevernstjenesten vil ta opp, og be mottakerne melde inn egne. Vanlige "
        "tema er barnets hverdag, samvær og overganger mellom hjemmene, hvordan de voksne snakker "
        "om hverandre når barnet hører på, og hvordan informasjon deles."
    )
    b.box()

    b.h1("Praktisk informasjon")
    b.guide(
        "Skriv om tolk, om reiseutgifter dekkes, om barnet skal være med på deler av samtalen, og "
        "om deltakerne kan ha med en støtteperson."
    )
    b.box(height=1.6)

    b.h1("Svar på invitasjonen")
    b.guide(
        "Kontroller at kontaktinformasjonen er riktig, og legg til telefonnummer. Sett gjerne en "
        "svarfrist noen dager før samtalen, så det er tid til å bestille tolk og rom."
    )
    b.para(
        "Gi beskjed til {{ kontaktperson.navn }} på e-post {{ kontaktperson.epost }} om dere kan "
        "komme. Passer ikke tidspunktet, finner vi gjerne et nytt."
    )
    with b.when("ekstra.svarfrist"):
        b.para("Vi ber om svar innen {{ ekstra.svarfrist }}.")
    letter_closing(b)


CHECKLIST: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "Før flyttingen",
        "Punktene skal som hovedregel være gjort før barnet flytter. Ved akutt flytting til slekt "
        "eller nettverk gjøres godkjenning og avtale etterpå; skriv i så fall datoen de ble "
        "gjort.",
        (
            "Barnets familie og nettverk er vurdert som fosterhjem først",
            "Fosterhjemmet er godkjent for dette barnet, og politiattest er levert",
            "Fosterhjemsavtale er inngått på Bufdirs obligatoriske mal og underskrevet (og en "
            "eventuell oppdrags- eller tilleggsavtale)",
            "Fosterforeldrene har fått de opplysningene om barnet de trenger",
            "Barnet har fått informasjon tilpasset alderen, og barnets syn er dokumentert",
            "Foreldrene er informert om flyttingen og om hvordan de blir fulgt opp",
            "Foreløpig omsorgsplan eller tiltaksplan er laget",
            "Selve flyttingen er planlagt: tidspunkt, transport og hvem som følger barnet",
        ),
    ),
    (
        "Flyttedagen",
        "Sørg for at barnet har med seg det som gir trygghet, og at fosterforeldrene vet hvem de "
        "kan ringe.",
        (
            "Barnet har med klær, personlige eiendeler og det som betyr noe for barnet",
            "Fosterforeldrene har kontaktinformasjon, også for tiden utenom kontortid",
            "Medisiner, helseopplysninger og avtalte timer er overlevert",
            "Foreldrene har fått beskjed om at barnet har flyttet",
        ),
    ),
    (
        "De første ukene",
        "Den første tiden er risikoen for brudd størst. Datoene for de første kontaktene ligger i "
        "plasseringens oppgaver (Omsorgspakken); kryss av her når de er gjort.",
        (
            "Telefon til fosterforeldrene dagen etter flyttingen",
            "Kontakt med barnet og med foreldrene innen tre dager",
            "Hjemmebesøk i fosterhjemmet innen en uke",
            "Informasjonsbrev er sendt til foreldrene",
            "Skole eller barnehage, fastlege, helsestasjon og tannhelsetjeneste er informert",
            "Tilsynsfører er oppnevnt, og første tilsynsbesøk er planlagt",
            "Samvær er avklart og satt opp",
            "Oppfølgingsplan er laget og gitt til partene",
            "Barnetrygd, utgiftsdekning og godtgjøring til fosterforeldrene er avklart",
            "Fosterforeldrene har fått tilbud om opplæring og veiledning (f.eks. En god start)",
        ),
    ),
)


def sjekkliste_plassering(b: Builder) -> None:
    b.title("Sjekkliste ved plassering i fosterhjem", "Flytting til fosterhjem")
    b.facts((CHILD, BIRTH, HOME, HOME_TYPE, PARENTS, START, BASIS, AGREEMENT, ENDED, CONTACT))
    b.h1("Slik bruker du sjekklisten")
    b.guide(
        "Sett kryss når et punkt er gjort, og skriv dato og hvem som har ansvaret. Punkter som "
        "ikke gjelder i saken, kommenteres under Merknader. Sjekklisten arkiveres i saken når "
        "alle punktene er avklart."
    )
    w = b.width
    for heading, guidance, items in CHECKLIST:
        b.h1(heading)
        b.guide(guidance)
        b.grid(
            ("Punkt", "Ansvarlig", "Dato", "Utført"),
            (w - 7.6, 3.4, 2.6, 1.6),
            [[item, "", "", "☐"] for item in items],
        )
    b.h1("Merknader")
    b.guide("Skriv punkter som ikke gjelder, avvik fra planen og hva som gjenstår.")
    b.box(height=2.6)
    b.signatures(("Kontaktperson: {{ kontaktperson.navn }}", "Dato"))


GOOD_START = "m in tidslinje if m.arbeidsflyt == " + json.dumps("en-god-start")


def en_god_start_okt(b: Builder) -> None:
    b.title("En god start: notat fra timen", "{{ oppgave.tittel }}")
    b.facts(
        (
            HOME,
            PARENTS,
            CHILD,
            START,
            CONTACT,
            ("Dato for timen", "{{ svar.dato }}"),
        )
    )
    b.h1("Om programmet")
    b.guide(
        "En god start er opplæring for et nytt fosterhjem: kontaktpersonen har én time i måneden "
        "med fosterforeldrene det første halvåret etter flyttingen. Temaene kommer i fast "
        "rekkefølge: den nye familien, samarbeid med barnets familie, tilknytning og tilhørighet, "
        "avvisning, regulering av følelser og til slutt evaluering. Notatet viser hva dere gikk "
        "gjennom i timen, og hva fosterforeldrene tok med seg."
    )
    b.para("**Tema:** {{ oppgave.tema }} (time {{ oppgave.steg }} av {{ oppgave.antall_steg }})")

    b.h1("Gjennomføring")
    b.guide("Kryss av for arbeidsformene som ble brukt, og skriv kort hva som fungerte.")
    w = b.width
    b.grid(
        ("Arbeidsform", "Brukt", "Kommentar"),
        (4.6, 1.6, w - 6.2),
        [
            ["Undervisning", "☐", ""],
            ["Film", "☐", ""],
            ["Refleksjonsspørsmål", "☐", ""],
            ["Oppgaver og øvelser", "☐", ""],
        ],
    )

    b.h1("Hva dere snakket om, og fosterforeldrenes refleksjoner")
    b.guide(
        "Skriv hovedpunktene fra samtalen og fosterforeldrenes egne refleksjoner. Knytt det til "
        "hverdagen med barnet: hva kjente de igjen, og hva vil de prøve ut?"
    )
    b.box("{{ svar.notat }}", height=3.0)

    b.control('if svar.videre_veiledning or "Evaluering" in oppgave.tittel')
    b.h1("Avtalt veiledning og opplæring videre")
    b.guide(
        "Skriv hvilken veiledning og opplæring fosterforeldrene skal få etter programmet, for "
        "eksempel gruppeveiledning, og hvem som følger det opp."
    )
    b.box("{{ svar.videre_veiledning }}", height=1.8)
    b.control("else")
    b.h1("Oppgave til neste time")
    b.guide(
        "Skriv oppgaven fosterforeldrene fikk, for eksempel å legge merke til en bestemt "
        "situasjon i hverdagen. Følg den opp i starten av neste time."
    )
    b.box("{{ svar.oppgave }}", height=1.4)
    b.control("endif")

    b.h1("Kommende timer")
    b.guide("Datoene er hentet fra planen for plasseringen. Gi beskjed hvis en dato endres.")
    b.loop_grid(
        ("Dato", "Time"),
        (3.0, w - 3.0),
        GOOD_START,
        ("{{ m.frist }}", "{{ m.tittel }}"),
        "Ingen flere timer er planlagt.",
    )
    b.signatures(("Ansvarlig for timen", "Dato"))


THEMES = (
    ("Den nye familien", "Hvordan familien endrer seg når et nytt barn flytter inn."),
    ("Samarbeid med barnets familie", "Foreldrene er fortsatt viktige for barnet."),
    ("Tilknytning og tilhørighet", "Hvordan barnet knytter seg til nye voksne."),
    ("Avvisning", "Når barnet skyver de voksne bort, og hva det kan bety."),
    ("Regulering av følelser", "Hvordan barnet kan få hjelp til å roe seg."),
    ("Evaluering", "Vi ser tilbake på halvåret og avtaler veien videre."),
)


def en_god_start_kalender(b: Builder) -> None:
    b.title("En god start: bordkalender", "Timene med {{ fosterhjem.fosterforeldre_tekst }}")
    b.guide(
        "Kalenderen skrives ut til fosterforeldrene ved oppstart. Datoene hentes fra de planlagte "
        "timene; kontroller dem, og fyll inn tid og sted. Slett veiledningsteksten før "
        "utskrift. Barnets navn står ikke i kalenderen, fordi den skal stå framme i hjemmet."
    )
    b.para(
        "Det første halvåret etter flyttingen får dere én time i måneden med kontaktpersonen om "
        "det som ofte er viktig i starten. Her er datoene. Sett av tiden, og si fra så tidlig som "
        "mulig hvis en dato ikke passer."
    )
    with b.when("ekstra.klokkeslett"):
        b.para("**Tid:** {{ ekstra.klokkeslett }}", space_after=2)
    with b.when("ekstra.sted"):
        b.para("**Sted:** {{ ekstra.sted }}")
    w = b.width
    b.loop_grid(
        ("Dato", "Time", "Mine notater"),
        (3.2, 9.0, w - 12.2),
        GOOD_START,
        ("**{{ m.frist }}**", "{{ m.tittel }}", ""),
        "Ingen timer er planlagt. Kontakt barnevernstjenesten.",
        height=1.3,
    )
    b.h2("Temaene")
    b.grid(
        ("Nr.", "Tema", "Hva vi snakker om"),
        (1.2, 6.0, w - 7.2),
        [[str(n), theme, text] for n, (theme, text) in enumerate(THEMES, start=1)],
    )
    question = b.para(
        "Spørsmål? Kontakt {{ kontaktperson.navn }} i {{ tjeneste.navn }}, "
        "e-post {{ kontaktperson.epost }}."
    )
    question.paragraph_format.space_before = Pt(8)


MONTH_CELL = (
    "{{ maaneder[m.frist[3:5]|int - 1] ~ ' ' ~ m.frist[6:] if (m.frist[3:5]|int) > 0 and "
    "(loop.first or m.frist[3:] != loop.previtem.frist[3:]) else '' }}"
)

DUTIES = (
    (
        "Oppfølgingsbesøk i fosterhjemmet",
        "Så ofte som nødvendig, minst fire ganger i året",
        "Barnevernsloven § 9-6 og fosterhjemsforskriften",
    ),
    (
        "Tilsynsbesøk med rapport",
        RULES.text("supervision_visits_per_year")[:1].upper()
        + RULES.text("supervision_visits_per_year")[1:],
        "Barnevernsloven § 9-10",
    ),
    ("Gjennomgang av tilsynsrapport", "Etter hvert tilsynsbesøk", "Barnevernsloven § 9-10"),
    (
        "Oppfølgingssamtale med foreldrene",
        f"Tjenestens rutine: {RULES.text('parent_conversations_per_year')}",
        "Barnevernsloven § 8-3 (oppfølging; hyppigheten er tjenestens rutine)",
    ),
    (
        "Årlig evaluering med fosterforeldrene",
        f"Tjenestens rutine: {RULES.text('annual_evaluation_before_agreement_end')}",
        "Læringsnettverkets prosjekt P6 (tjenestens rutine)",
    ),
    (
        "Vurdering av tilbakeføring",
        "Systematisk og jevnlig, etter tjenestens rutine",
        "Barnevernsloven §§ 5-7 og 8-3",
    ),
)


def arshjul(b: Builder) -> None:
    b.title("Barnets årshjul", "Arbeidet med {{ barn.fullt_navn }} de neste tolv månedene")
    b.facts(
        (CHILD, BIRTH, HOME, START, BASIS, AGREEMENT, ENDED, CONTACT, ("Utskrift", "{{ dato }}"))
    )
    b.h1("Om årshjulet")
    b.guide(
        "Årshjulet viser det som er planlagt for barnet de neste tolv månedene: oppfølgingsbesøk, "
        "tilsynsbesøk, samtaler med foreldrene, evalueringer av planene og vurderinger. Oppgavene "
        "hentes fra plasseringens arbeidsflyter, og samvær, planer og tilsynsrapporter fra det som "
        "er registrert for barnet. Legg til det som ikke er registrert, som ansvarsgruppemøter."
    )

    b.h1("Planlagt de neste tolv månedene")
    b.guide(
        "Tabellen er hentet fra plasseringens åpne oppgaver, sortert etter frist. Kontroller at "
        "lovpålagte besøk og samtaler er med, og skriv inn møter som ikke er registrert."
    )
    b.control("set maaneder = [" + ", ".join(json.dumps(m) for m in MONTHS) + "]")
    w = b.width
    b.loop_grid(
        ("Måned", "Frist", "Oppgave", "Ansvarlig", "Status"),
        (3.6, 2.6, w - 12.4, 3.6, 2.6),
        "m in tidslinje",
        (MONTH_CELL, "{{ m.frist }}", "{{ m.tittel }}", "{{ m.ansvarlig }}", "{{ m.status }}"),
        "Ingen oppgaver er planlagt de neste tolv månedene.",
    )

    b.h1("Samvær, planer og tilsyn")
    b.guide(
        "Samværene som er planlagt etter samværsordningen, planene som gjelder til eller skal "
        "evalueres, tilsynsbesøk og tilsynsrapporter, og godkjenningen av fosterhjemmet. Fristene "
        "for å evaluere planene og gå gjennom rapportene står som oppgaver i tabellen over."
    )
    b.loop_grid(
        ("Dato", "Type", "Hva og hvorfor", "Grunnlag"),
        (2.6, 2.6, w - 12.2, 7.0),
        "e in hendelser",
        (
            "{{ e.dato }}",
            "{{ e.type }}",
            "{{ e.tittel }}{{ ': ' + e.forklaring if e.forklaring else '' }}",
            "{{ e.grunnlag }}",
        ),
        "Ingen samvær, planer eller tilsynsrapporter er registrert for de neste tolv månedene.",
    )

    b.h1("Faste krav gjennom året")
    b.guide(
        "Tabellen viser minstekravene slik de gjaldt da malen ble laget. Fristene i tabellen over "
        "beregnes etter barnevernstjenestens gjeldende regelsett, og det er de som gjelder."
    )
    b.grid(("Hva", "Hvor ofte", "Grunnlag"), (6.4, w - 13.4, 7.0), [list(d) for d in DUTIES])

    b.h1("Barnets eget år")
    b.guide(
        "Skriv inn det som er viktig i barnets år: bursdag, høytider, ferier, skolestart, faste "
        "samvær og aktiviteter. Det hjelper med å legge besøk og møter til tider som passer "
        "barnet."
    )
    b.para("**Bursdag:** {{ barn.fodselsdato[:5] }}")
    half = len(MONTHS) // 2
    b.grid(
        ("Måned", "Hva skjer", "Måned", "Hva skjer"),
        (2.6, w / 2 - 2.6, 2.6, w / 2 - 2.6),
        [[MONTHS[i].capitalize(), "", MONTHS[i + half].capitalize(), ""] for i in range(half)],
        height=0.9,
    )

    b.h1("Fullført")
    b.guide("Oppgaver som er fullført for plasseringen, med fristen og datoen de ble gjort.")
    b.loop_grid(
        ("Oppgave", "Frist", "Fullført"),
        (w - 6.0, 3.0, 3.0),
        "h in historikk",
        ("{{ h.tittel }}", "{{ h.frist }}", "{{ h.fullfort }}"),
        "Ingen fullførte oppgaver er registrert.",
    )


# --- the P3/P6 catalogue: rammefortelling, flow chart, Veien videre calendar ---------------


def rammefortelling(b: Builder) -> None:
    b.title("Rammefortelling", "Historien til {{ barn.fullt_navn }}")
    b.facts(
        (
            CHILD,
            BIRTH,
            HOME,
            START,
            CONTACT,
            ("Sist skrevet", "{{ rammefortelling.sist_skrevet }}", "rammefortelling.sist_skrevet"),
            ("Utskrift", "{{ dato }}"),
        )
    )
    b.h1("Om rammefortellingen")
    b.guide(
        "Rammefortellingen er barnets egen historie, skrevet av kontaktpersonen i deler og over "
        "tid, slik at det blir en rød tråd gjennom saken. Den skal vise både det barnet mestrer og "
        "det som har vært vanskelig, og den skal kunne leses av barnet når barnet er gammelt nok. "
        "Teksten under er den gjeldende versjonen av hver del i Fosterflyt. Endrer du en del, "
        "skriver du en ny versjon i Fosterflyt: de tidligere versjonene blir tatt vare på. Skriv "
        "ikke endringene bare i dette dokumentet."
    )
    b.control("for d in rammefortelling.deler")
    b.h1("{{ d.tittel }}")
    b.guide("{{ d.veiledning }}")
    b.control("if d.versjon")
    note = b.para("Versjon {{ d.versjon }}, skrevet {{ d.skrevet }} av {{ d.skrevet_av }}")
    for run in note.runs:
        run.italic = True
        run.font.size = Pt(9)
        run.font.color.rgb = RGBColor.from_string(MUTED)
    b.box("{{ d.tekst }}", height=1.4)
    b.control("else")
    empty = b.para("Denne delen er ikke skrevet ennå.")
    for run in empty.runs:
        run.italic = True
        run.font.color.rgb = RGBColor.from_string(MUTED)
    b.control("endif")
    b.control("endfor")

    b.h1("Barnets egne ord")
    b.guide(
        "Skriv om barnet har lest rammefortellingen eller fått den fortalt, når det skjedde, og "
        "hva barnet selv sa eller ønsket å endre. Barnets ønsker tas med når delen skrives på nytt."
    )
    b.box(height=2.4)
    b.signatures(("Kontaktperson: {{ kontaktperson.navn }}", "Dato"))


FLOW_PHASES = (
    (
        "for_flyttingen",
        "1. Før flyttingen",
        "Ingen av arbeidsflytene har steg før flyttingen. Bruk sjekklisten ved plassering.",
    ),
    ("forste_maaneder", "2. De første månedene", "Ingen steg de første månedene."),
    ("hvert_aar", "3. Hvert år og jevnlig", "Ingen faste steg gjennom året."),
    ("ved_behov", "4. Ved behov", "Ingen arbeidsflyter startes ved behov."),
    ("ved_slutt", "5. Når plasseringen slutter", "Ingen steg ved slutten av plasseringen."),
)
FLOW_WIDTHS = (3.7, 6.5, 5.6, 5.0, 4.5)


def _cell_line(cell: Any, text: str, *, size: float, **style: Any) -> Any:
    paragraph = cell.add_paragraph(style="Tabelltekst")
    add_text(paragraph, text, size=size, **style)
    paragraph.paragraph_format.space_after = Pt(0)
    return paragraph


def flow_table(b: Builder) -> None:
    """The phases side by side, each column its workflows and their steps (loops in cells)."""
    table = b._table(2, FLOW_WIDTHS)
    head, body = table.rows
    _header_row(head)
    for cell, (_, heading, _) in zip(head.cells, FLOW_PHASES, strict=True):
        _shade_cell(cell, HEAD_FILL)
        b._fill(cell, heading + " →" if heading[0] != "5" else heading, bold=True)
    for cell, (key, _, empty) in zip(body.cells, FLOW_PHASES, strict=True):
        first = cell.paragraphs[0]
        first.add_run(f"{{%p for g in flytskjema.{key} %}}")
        group = _cell_line(cell, "{{ g.arbeidsflyt }}", size=8.5, bold=True, colour=NAVY)
        group.paragraph_format.space_before = Pt(4)
        cell.add_paragraph(style="Tabelltekst").add_run("{%p for s in g.steg %}")
        _cell_line(cell, "{{ s.tittel }} ({{ s.merke }})", size=8)
        when = _cell_line(cell, "{{ s.naar }}", size=7.5, italic=True, colour=MUTED)
        when.paragraph_format.left_indent = Cm(0.25)
        when.paragraph_format.space_after = Pt(2)
        cell.add_paragraph(style="Tabelltekst").add_run("{%p endfor %}")
        cell.add_paragraph(style="Tabelltekst").add_run("{%p endfor %}")
        cell.add_paragraph(style="Tabelltekst").add_run(f"{{%p if not flytskjema.{key} %}}")
        _cell_line(cell, empty, size=8, italic=True, colour=MUTED)
        cell.add_paragraph(style="Tabelltekst").add_run("{%p endif %}")
    b.gap()


def flytskjema(b: Builder) -> None:
    b.title("Flytskjema for oppfølgingen", "Oppfølgingen av {{ barn.fullt_navn }} i fosterhjem")
    b.facts(
        (
            CHILD,
            START,
            BASIS,
            CONTACT,
            ("Regelsett", "{{ flytskjema.regelsett }}"),
            ("Utskrift", "{{ dato }}"),
        )
    )
    b.h1("Oppfølgingen fase for fase")
    b.guide(
        "Flytskjemaet viser oppfølgingen av barnet i fosterhjemmet fra før flyttingen til "
        "plasseringen slutter. Stegene er hentet fra arbeidsflytene som gjelder for denne "
        "plasseringen, og tidspunktene fra regelsettet tjenesten bruker nå. Bokstaven etter hvert "
        "steg viser hva tidspunktet bygger på: L er lov eller forskrift, V er nasjonal veiledning "
        "og R er tjenestens egen rutine, også når tidspunktet er arbeidsflytens plan. En rutine "
        "kan tjenesten endre, et lovkrav kan den ikke. Datoene for barnet står i årshjulet."
    )
    flow_table(b)
    w = b.width

    b.h1("Arbeidsflytene for denne plasseringen")
    b.guide(
        "Tabellen viser alle arbeidsflytene og om de gjelder for denne plasseringen. En "
        "arbeidsflyt som startes ved behov, starter kontaktpersonen, eller den starter etter en "
        "beslutning i en annen arbeidsflyt. Står det «Gjelder ikke», passer den ikke til "
        "grunnlaget for plasseringen eller til fosterhjemmet."
    )
    b.loop_grid(
        ("Arbeidsflyt", "Hjemmel", "Status"),
        (8.4, w - 13.0, 4.6),
        "a in flytskjema.arbeidsflyter",
        ("{{ a.tittel }}", "{{ a.hjemmel }}", "{{ a.status }}"),
        "Ingen arbeidsflyter er registrert.",
    )

    b.h1("Reglene tidspunktene bygger på")
    b.guide(
        "Tallene i flytskjemaet er hentet fra disse reglene i regelsettet. Står det «Ikke ennå» "
        "under «Kontrollert», er regelen ikke kontrollert mot kilden. Kontroller den før du viser "
        "til den overfor barnet, foreldrene eller fosterforeldrene."
    )
    b.loop_grid(
        ("Regel", "Grunnlag", "Kilde", "Kontrollert"),
        (7.6, 3.8, w - 13.9, 2.5),
        "r in flytskjema.regler",
        ("{{ r.tekst }}", "{{ r.grunnlag }}", "{{ r.kilde }}", "{{ r.kontrollert }}"),
        "Ingen av stegene bygger på en regel i regelsettet.",
    )


VEIEN_VIDERE_THEMES = (
    (
        "Samarbeid",
        "Hvordan vi kan samarbeide, hva dere trenger fra oss, og hva dere selv ønsker å oppnå.",
    ),
    (
        "Vi er fortsatt foreldre, og samvær",
        "Hvordan dere kan være der for barnet selv om det bor et annet sted, og hvordan "
        "samværene kan bli gode for dere og for barnet.",
    ),
    (
        "Tilknytning og lojalitetskonflikt",
        "At barnet kan bli glad i fosterfamilien uten å miste dere, og hvordan dere kan gi "
        "barnet lov til å ha det bra der det bor.",
    ),
    (
        "Hvorfor ble barnet mitt flyttet?",
        "Grunnene til flyttingen, slik dere ser dem og slik vi ser dem. Det er lov å være uenig.",
    ),
)


def veien_videre_kalender(b: Builder) -> None:
    b.title("Veien videre: bordkalender", "Samtalene våre")
    b.guide(
        "Kalenderen gis til foreldrene i den første samtalen. Datoene hentes fra de planlagte "
        "samtalene i Veien videre; kontroller dem, og fyll inn tid og sted. Lag én kalender til "
        "hver forelder når foreldrene bor hver for seg. Barnets navn står ikke i kalenderen, fordi "
        "den skal kunne stå framme hjemme. Slett veiledningsteksten før utskrift."
    )
    b.para(
        "Dere har sagt ja til Veien videre: fire samtaler med kontaktpersonen deres, omtrent én i "
        "måneden. Samtalene handler om dere som foreldre og om hvordan vi kan samarbeide rundt "
        "barnet deres. Det er frivillig å være med, og dere bestemmer selv hva dere vil ta opp. "
        "Her er datoene. Si fra så tidlig som mulig hvis en dato ikke passer, så finner vi en ny."
    )
    with b.when("ekstra.klokkeslett"):
        b.para("**Tid:** {{ ekstra.klokkeslett }}", space_after=2)
    with b.when("ekstra.sted"):
        b.para("**Sted:** {{ ekstra.sted }}")
    w = b.width
    b.loop_grid(
        ("Dato", "Samtale", "Mine notater"),
        (5.6, 8.6, w - 14.2),
        "s in veien_videre",
        ("**{{ s.dag }}**", "{{ s.tittel }}", ""),
        "Ingen samtaler er planlagt ennå. Kontakt barnevernstjenesten.",
        height=1.0,
    )
    b.h2("Hva vi skal snakke om")
    b.grid(
        ("Nr.", "Tema", "Hva vi snakker om"),
        (1.2, 6.6, w - 7.8),
        [[str(n), theme, text] for n, (theme, text) in enumerate(VEIEN_VIDERE_THEMES, start=1)],
    )
    closing = b.para(
        "Spørsmål? Kontakt {{ kontaktperson.navn }} i {{ tjeneste.navn }}, "
        "e-post {{ kontaktperson.epost }}."
    )
    closing.paragraph_format.space_before = Pt(8)


# --- the catalogue -------------------------------------------------------------------------

TRINN_EXTRA = {
    f"trinn_{n}_{part}": f"Trinn {n}: {label}"
    for n in range(1, 6)
    for part, label in (("vurdering", "vurderingen"), ("konklusjon", "konklusjonen"))
}
LETTER_EXTRA = {
    "mottaker": "Mottakerens navn (ellers skrives det inn i brevet)",
    "mottaker_adresse": "Mottakerens adresse; linjeskift gir ny linje",
    "referanse": "Barnevernstjenestens saksnummer eller referanse",
}


# --- the approval of the foster home for the child (P6 6 and 10) ---------------------------

APPROVAL_DUE = ("Frist for godkjenningen", "{{ godkjenning.frist }}")
ADDRESS = ("Adresse", "{{ fosterhjem.adresse }}")
APPROVAL_OUTCOMES = ("Godkjent", "Godkjent med vilkår", "Ikke godkjent")

SOCIAL_REPORT: tuple[tuple[str, str], ...] = (
    (
        "Fosterfamiliens bakgrunn",
        "Beskriv fosterforeldrene: alder, oppvekst, utdanning og arbeid, og hvor lenge de har "
        "bodd sammen. Er hjemmet i barnets slekt eller nettverk, skriv hvordan familien kjenner "
        "barnet og foreldrene, og hva det betyr for samarbeidet videre.",
    ),
    (
        "Motivasjon",
        "Hvorfor ønsker familien å ta imot akkurat dette barnet? Få fram hva de venter seg, hva "
        "de er usikre på, og om alle i husstanden, også egne barn, står bak beslutningen.",
    ),
    (
        "Familien og husstanden",
        "Før opp alle som bor i hjemmet, også egne barn og andre voksne. Beskriv hverdagen, "
        "hvordan familien løser uenighet, og hvilken plass et nytt barn vil få.",
    ),
    (
        "Helse",
        "Fosterforeldrene skal ha alminnelig god helse. Beskriv opplysningene om fysisk og psykisk "
        "helse og hvor de kommer fra, for eksempel egenerklæring eller legeattest. Skriv om noe "
        "kan virke inn på omsorgen, og hvordan det i så fall kan møtes.",
    ),
    (
        "Bolig og nærmiljø",
        "Beskriv boligen og om barnet får eget rom. Skriv om skole eller barnehage, "
        "fritidstilbud, og hvor langt det er å reise til foreldrene og til samvær.",
    ),
    (
        "Nettverk",
        "Hvem kan familien få hjelp og avlastning fra? Beskriv familie, venner og naboer, og "
        "hvordan de stiller seg til at familien blir fosterhjem.",
    ),
    (
        "Barnets behov",
        "Beskriv barnet ut fra det barnevernstjenesten vet: utvikling, helse, skole eller "
        "barnehage, tilknytning og behov for kontakt med familien. Ta med barnets kulturelle, "
        "språklige og religiøse bakgrunn, og skriv hva barnet selv har sagt om å flytte hit.",
    ),
    (
        "Hvordan fosterhjemmet kan møte barnets behov",
        "Gå gjennom behovene over ett for ett, og vurder om familien har det som trengs: tid, "
        "erfaring, evne til å samarbeide med barnets foreldre og til å legge til rette for "
        "samvær. Skriv hva familien trenger av opplæring, veiledning og avlastning.",
    ),
)


def sosialrapport_godkjenning(b: Builder) -> None:
    b.title(
        "Sosialrapport ved godkjenning av fosterhjem", "Godkjenning av fosterhjemmet for barnet"
    )
    b.facts((CHILD, BIRTH, HOME, HOME_TYPE, PARENTS, ADDRESS, START, BASIS, CONTACT, APPROVAL_DUE))
    b.h1("Om sosialrapporten")
    b.guide(
        "Sosialrapporten er grunnlaget for vedtaket om å godkjenne fosterhjemmet for akkurat dette "
        "barnet. Et hjem godkjennes for hvert barn det tar imot, også når familien har vært "
        "fosterhjem før. Som hovedregel skal godkjenningen være på plass før barnet flytter inn. "
        "Skriv det du selv har sett og hørt, og oppgi kilden når opplysningene kommer fra andre."
    )
    with b.when('godkjenning.akutt == "Ja"'):
        b.para(
            "**Barnet flyttet akutt til slekt eller nettverk.** {{ godkjenning.regel_akutt }}. "
            "Fristen for denne godkjenningen er {{ godkjenning.frist }}."
        )
    for heading, guidance in SOCIAL_REPORT:
        b.h1(heading)
        b.guide(guidance)
        b.box()

    b.h1("Opplæring")
    b.guide(
        "Fosterforeldrene skal ha fått opplæring før hjemmet godkjennes. Skriv hvilken opplæring "
        "de har fullført. Mangler noe, skriv hva som er avtalt og når det skal skje."
    )
    b.facts(
        (
            ("Opplæring", "{{ godkjenning.opplaering }}"),
            ("Fullført", "{{ godkjenning.opplaering_dato }}"),
        )
    )

    b.h1("Politiattester")
    b.guide(
        "Hver fosterforelder skal legge fram politiattest før hjemmet godkjennes. Vurder også om "
        "andre voksne i husstanden skal gjøre det. Skriv ikke innholdet i attesten her, bare at "
        "den er kontrollert, og om den har betydning for vurderingen."
    )
    w = b.width
    b.loop_grid(
        ("Navn", "Kontrollert"),
        (w - 4.0, 4.0),
        "attest in godkjenning.politiattester",
        ("{{ attest.navn }}", "{{ attest.kontrollert }}"),
        "Ingen politiattest er registrert ennå.",
    )
    with b.when("godkjenning.politiattest_mangler"):
        b.para("**Mangler politiattest:** {{ godkjenning.politiattest_mangler }}")

    b.h1("Hjemmebesøk og fosterhjemsavtale")
    b.guide(
        "Fosterhjemsavtalen skal være underskrevet på Bufdirs obligatoriske mal før barnet "
        "flytter, unntatt ved akutt flytting. Skriv hva som kom fram under hjemmebesøket."
    )
    b.facts(
        (
            ("Hjemmet vurdert for barnet", "{{ godkjenning.vurdert }}"),
            ("Hjemmebesøk", "{{ godkjenning.hjemmebesok }}"),
            ("Fosterhjemsavtalen underskrevet", "{{ godkjenning.avtale_underskrevet }}"),
            ("På Bufdirs mal", "{{ godkjenning.avtale_bufdir_mal }}"),
        )
    )
    with b.when("godkjenning.mangler_for_flytting"):
        b.para("**Ikke registrert før flyttingen:** {{ godkjenning.mangler_for_flytting }}")
    b.box(height=1.6)

    b.h1("Konklusjon")
    b.guide(
        "Oppsummer vurderingen og gi en tydelig anbefaling. Lederen fatter vedtaket. Godkjennes "
        "hjemmet med vilkår, skriv vilkårene og hvordan de skal følges opp. Godkjennes det ikke, "
        "skriv hva som skjer videre for barnet."
    )
    b.label("Barnevernstjenestens vurdering og anbefaling")
    b.box(height=2.6)
    for label in APPROVAL_OUTCOMES:
        b.para(f"{tick(f'godkjenning.utfall == {json.dumps(label)}')}  {label}", space_after=2)
    b.facts(
        (
            ("Vedtaksdato", "{{ godkjenning.vedtaksdato }}"),
            ("Vedtak fattet av", "{{ godkjenning.besluttet_av }}"),
        )
    )
    with b.when("godkjenning.vilkar"):
        b.label("Vilkår for godkjenningen")
        b.box("{{ godkjenning.vilkar }}", height=1.4)
    b.signatures(("Kontaktperson: {{ kontaktperson.navn }}", "Leder, dato"))


URGENT_CHECK = (
    "Hjemmet er besøkt, og barnet har et trygt sted å sove",
    "Det er avklart hvem som bor i hjemmet, også andre voksne",
    "Det er spurt om rus, vold og alvorlig sykdom i husstanden",
    "Barnevernstjenesten har undersøkt om familien er kjent fra før",
    "Familien vet hvem de skal ringe, også utenom kontortid",
    "Barnet har fått si hva det mener om å bo her",
)
TOWARDS_APPROVAL = (
    ("Fosterhjemmet vurdert for barnet", "{{ godkjenning.vurdert }}"),
    ("Hjemmebesøk", "{{ godkjenning.hjemmebesok }}"),
    ("Opplæring for fosterforeldrene", "{{ godkjenning.opplaering_dato }}"),
    ("Fosterhjemsavtale på Bufdirs mal underskrevet", "{{ godkjenning.avtale_underskrevet }}"),
    ("Sosialrapport skrevet", ""),
    ("Vedtak om godkjenning", "{{ godkjenning.vedtaksdato }}"),
)


def midlertidig_plassering_slekt_nettverk(b: Builder) -> None:
    b.title(
        "Midlertidig plassering i slekt og nettverk", "Sjekkliste ved akutt flytting og etterpå"
    )
    b.facts((CHILD, BIRTH, HOME, PARENTS, ADDRESS, START, BASIS, CONTACT, APPROVAL_DUE))
    b.h1("Slik bruker du sjekklisten")
    b.guide(
        "Bruk sjekklisten når barnet i en akuttsituasjon flytter til noen i familien eller det "
        "nære nettverket før hjemmet er godkjent. Skriv dato og ansvarlig for hvert punkt. Det "
        "som er registrert i godkjenningen under plasseringen, er fylt inn allerede."
    )
    b.para(
        "{{ godkjenning.regel_akutt }}. For denne plasseringen er fristen "
        "**{{ godkjenning.frist }}**."
    )

    b.h1("Beslutningen om flytting")
    b.guide(
        "Skriv hvem som besluttet flyttingen, på hvilket grunnlag, og om vedtaket er sendt til "
        "barneverns- og helsenemnda. Skriv også hvorfor barnet ikke kunne bo hjemme mens saken "
        "ble utredet."
    )
    b.facts(
        (
            ("Akuttvedtak fattet", "{{ godkjenning.akuttvedtak_dato }}"),
            ("Fattet av", "{{ godkjenning.akuttvedtak_av }}"),
        )
    )
    b.box(height=1.6)

    b.h1("Informasjon til foreldrene")
    b.guide(
        "Skriv hvem som informerte foreldrene, hvordan og når, og hva de fikk vite om hvor barnet "
        "bor, om klageadgang og om retten til advokat. Skriv hva foreldrene mener om at barnet bor "
        "hos familie eller nettverk."
    )
    b.facts((("Foreldrene informert", "{{ godkjenning.foreldre_informert }}"),))
    b.box(height=1.6)

    b.h1("Rask kontroll av hjemmet")
    b.guide(
        "Før barnet flytter, eller senest samme dag, skal barnevernstjenesten forsikre seg om at "
        "barnet er trygt. Kontrollen erstatter ikke godkjenningen."
    )
    b.facts((("Kontrollen gjennomført", "{{ godkjenning.rask_kontroll }}"),))
    w = b.width
    b.grid(
        ("Punkt", "Ansvarlig", "Dato", "Utført"),
        (w - 7.6, 3.4, 2.6, 1.6),
        [[item, "", "", "☐"] for item in URGENT_CHECK],
    )

    b.h1("Politiattest")
    b.guide(
        "Hver fosterforelder må legge fram politiattest før hjemmet kan godkjennes. Be om den med "
        "en gang, så den ikke forsinker godkjenningen."
    )
    b.loop_grid(
        ("Navn", "Kontrollert"),
        (w - 4.0, 4.0),
        "attest in godkjenning.politiattester",
        ("{{ attest.navn }}", "{{ attest.kontrollert }}"),
        "Ingen politiattest er registrert ennå.",
    )
    with b.when("godkjenning.politiattest_mangler"):
        b.para("**Mangler politiattest:** {{ godkjenning.politiattest_mangler }}")

    b.h1("Fram mot godkjenningen")
    b.guide(
        "Planlegg arbeidet bakover fra fristen: vurdering av hjemmet, hjemmebesøk, opplæring, "
        "fosterhjemsavtale og sosialrapport. Lederen fatter vedtaket om godkjenning."
    )
    b.grid(
        ("Punkt", "Ansvarlig", "Dato"),
        (w - 6.0, 3.4, 2.6),
        [[item, "", when] for item, when in TOWARDS_APPROVAL],
    )

    b.h1("Oppfølging de første ukene")
    b.guide(
        "Barnet og familien trenger tett oppfølging i starten. Før opp når kontaktpersonen "
        "besøker hjemmet og snakker med barnet alene, hvordan samvær med foreldrene skal foregå, "
        "og hvilken støtte familien får: veiledning, økonomi og avlastning."
    )
    follow_up_table(b)
    b.h1("Merknader")
    b.guide("Skriv det som avviker fra planen, og det som gjenstår før godkjenningen.")
    b.box(height=1.6)
    b.signatures(("Kontaktperson: {{ kontaktperson.navn }}", "Leder, dato"))


# --- supervision (issue #14 item 1): the other children in the home, the supervisor's mandate --


def samtale_andre_barn(b: Builder) -> None:
    b.title(
        "Samtale med de andre barna i fosterhjemmet",
        "Fosterforeldrenes egne barn og andre barn som bor i hjemmet",
    )
    b.facts(
        (
            HOME,
            PARENTS,
            ("Fosterbarnet", "{{ barn.fullt_navn }}"),
            START,
            CONTACT,
            ("Dato for samtalen", "{{ svar.dato }}"),
            ("Snakket med", "{{ svar.barna }}"),
            DEADLINE,
        )
    )
    b.h1("Hvorfor vi snakker med de andre barna")
    b.guide(
        "Når et fosterbarn flytter inn, deler de andre barna i hjemmet foreldrene, rommene og "
        "hverdagen med et nytt barn. Barnevernstjenesten følger opp hele fosterfamilien, også "
        "disse barna. Samtalen gir dem en anledning til å si hvordan de har det, og gir "
        "barnevernstjenesten kunnskap om hva familien trenger. Barna har ingen plikt til å "
        "snakke, og samtalen handler om dem selv, ikke om fosterbarnet."
    )
    b.h1("Barna som bor i hjemmet")
    b.guide(
        "Listen viser barna som er registrert i fosterhjemmet. Skriv til hånd om noen mangler. "
        "Snakk med hvert barn for seg når det er mulig."
    )
    b.loop_grid(
        ("Navn", "Alder", "Hvem barnet er i familien"),
        (5.6, 3.0, b.width - 8.6),
        "c in andre_barn",
        ("{{ c.navn }}", "{{ c.alder }}", "{{ c.relasjon }}"),
        "Ingen andre barn er registrert i fosterhjemmet. Skriv navn og alder her.",
    )
    b.h1("Slik legger du opp samtalen")
    b.guide(
        "Tilpass spørsmålene til alderen. De minste forteller ofte best mens dere gjør noe "
        "sammen, for eksempel tegner eller går en tur. Ungdommer vil gjerne vite først hva som "
        "skrives ned, og hvem som får lese det. Si fra om at du må gi beskjed videre hvis et barn "
        "forteller noe som gjør at det eller fosterbarnet ikke er trygt."
    )
    b.h1("Å dele hjemmet og foreldrene")
    b.guide(
        "Hvordan er det å ha et fosterbarn i familien? Spør hva som er blitt annerledes hjemme, "
        "om barnet får nok tid alene med mor og far, og hva det liker og ikke liker med å være "
        "mange. Små barn kan svare på hva som er fint og hva som er dumt hjemme nå."
    )
    b.box(height=2.6)
    b.h1("Det barnet er bekymret for")
    b.guide(
        "Spør om noe gjør barnet lei seg, sint eller redd, hjemme, på skolen eller blant venner. "
        "Noen barn bekymrer seg for fosterbarnet, for foreldrene sine eller for hva som skjer "
        "hvis fosterbarnet flytter. Skriv det barnet sier med egne ord så langt det går."
    )
    b.box(height=3.0)
    b.h1("Hvem barnet kan snakke med")
    b.guide(
        "Spør hvem barnet snakker med når noe er vanskelig, og om det vet at det også kan ta "
        "kontakt med barnevernstjenesten. Gi barnet kontaktinformasjon som passer for alderen, "
        "og avtal om og når dere skal snakke sammen igjen."
    )
    b.box(height=2.0)
    b.h1("Barnevernstjenestens vurdering og oppfølging")
    b.guide(
        "Vurder hva samtalen sier om hvordan barna har det og hva familien trenger av støtte, "
        "for eksempel avlastning, veiledning eller et tilbud for barna selv. Skriv hva som skal "
        "følges opp, av hvem og når, og hva barna og fosterforeldrene har fått vite om det."
    )
    b.box("{{ svar.oppsummering }}", height=2.6)
    follow_up_table(b)
    b.signatures(("Kontaktperson: {{ kontaktperson.navn }}", "Dato"))


def mandat_fosterhjemsveileder(b: Builder) -> None:
    b.title(
        "Mandat til fosterhjemsveileder",
        "Oppdraget med å veilede fosterhjemmet",
    )
    b.facts(
        (
            CHILD,
            BIRTH,
            HOME,
            PARENTS,
            START,
            ENDED,
            CONTACT,
            ("Fosterhjemsveileder", "{{ fosterhjemsveileder.navn }}"),
            (
                "Veilederens e-post",
                "{{ fosterhjemsveileder.epost }}",
                "fosterhjemsveileder.epost",
            ),
            ("Oppdragsavtalen utløper", "{{ plassering.oppdragsavtale_slutt }}"),
        )
    )
    b.h1("Om mandatet")
    b.guide(
        "Mandatet sier hva fosterhjemsveilederen skal hjelpe fosterhjemmet med i denne "
        "plasseringen, og hvordan veilederen, fosterforeldrene og kontaktpersonen arbeider "
        "sammen. Skriv det sammen med fosterforeldrene, så alle har samme forståelse av "
        "oppdraget. Veiledningen kommer i tillegg til kontaktpersonens oppfølging og erstatter "
        "den ikke. Kontaktpersonen har fortsatt ansvaret for oppfølgingen av barnet."
    )
    b.h1("Hva veiledningen skal bidra til")
    b.guide(
        "Beskriv hvorfor fosterhjemmet får veiledning nå: hva barnet trenger av omsorgen, og hva "
        "fosterforeldrene selv ønsker hjelp til. Knytt det til det som står i barnets planer."
    )
    b.box(height=2.6)
    b.h1("Mål for veiledningen")
    b.guide(
        "Skriv to til fire mål som kan følges opp, for eksempel «fosterforeldrene kjenner igjen "
        "når barnet blir utrygt, og vet hva de kan gjøre». Skriv hvordan dere ser at målet er "
        "nådd."
    )
    b.grid(
        ("Mål", "Slik ser vi at målet er nådd"),
        (b.width / 2, b.width / 2),
        [["", ""], ["", ""], ["", ""]],
        height=1.2,
    )
    b.h1("Periode og møter")
    b.guide(
        "Skriv når veiledningen starter og slutter, og når den skal evalueres. Avtal hvor ofte "
        "dere møtes, hvor og hvor lenge, og om kontaktpersonen skal være med på noen av møtene."
    )
    b.grid(
        ("Hva", "Avtalt"),
        (5.4, b.width - 5.4),
        [
            ["**Oppstart**", ""],
            ["**Evaluering**", ""],
            ["**Avslutning**", ""],
            ["**Møter (hvor ofte, hvor, hvor lenge)**", ""],
            ["**Kontaktpersonen deltar**", ""],
        ],
        height=0.9,
    )
    b.h1("Rapportering")
    b.guide(
        "Avtal hva veilederen skriver etter veiledningen, og hvor ofte kontaktpersonen får en "
        "skriftlig oppsummering. Skriv også hva veilederen skal si fra om med en gang, for "
        "eksempel at fosterforeldrene vurderer å avslutte oppdraget, eller noe som gir grunn til "
        "bekymring for barnet."
    )
    b.box(height=2.0)
    b.h1("Taushetsplikt og opplysninger")
    b.guide(
        "Fosterhjemsveilederen har taushetsplikt om det veilederen får vite om barnet og "
        "familiene. Skriv hvilke opplysninger veilederen får fra barnevernstjenesten, og at "
        "fosterforeldrene vet hva som blir formidlet videre til kontaktpersonen. Opplysninger "
        "som tilsier at barnet ikke får forsvarlig omsorg, skal alltid meldes til "
        "barnevernstjenesten."
    )
    b.box(height=1.8)
    b.signatures(
        (
            "Fosterforeldre: {{ fosterhjem.fosterforeldre_tekst }}",
            "Fosterhjemsveileder: {{ fosterhjemsveileder.navn }}",
            "Kontaktperson: {{ kontaktperson.navn }}",
        )
    )


# --- Contact visits (samvær): P6 templates 11, 12, 13, 14 and 19 ----------------------------------

ARRANGEMENT_REVIEW = RULES.text("contact_visit_arrangement_review_every")
REPORT_REVIEW_WITHIN = RULES.duration("contact_visit_report_review_within").norwegian()
CONTACT_FACTS = (
    ("Samvær med", "{{ samvaer.ordning.deltakere }}"),
    ("Hvor ofte", "{{ samvaer.ordning.hyppighet }}"),
    ("Varighet", "{{ samvaer.ordning.varighet }}", "samvaer.ordning.varighet"),
    ("Sted", "{{ samvaer.ordning.sted }}", "samvaer.ordning.sted"),
    ("Tilsyn under samværet", "{{ samvaer.ordning.tilsyn }}"),
    ("Tilsyn ved", "{{ samvaer.ordning.tilsynsperson }}", "samvaer.ordning.tilsynsperson"),
)
NEXT_VISIT = ("Neste samvær", "{{ samvaer.neste.dato_tekst }}", "samvaer.neste.dato_tekst")


def planned_visits(b: Builder, *, notes: str = "Merknad") -> None:
    w = b.width
    b.loop_grid(
        ("Dato", "Hvem", "Tilsyn", notes),
        (5.2, 5.4, 2.8, w - 13.4),
        "p in samvaer.planlagte",
        ("{{ p.dato_tekst }}", "{{ p.hvem }}", "{{ p.tilsyn }}", ""),
        "Ingen samvær er planlagt det neste året. Kontakt barnevernstjenesten.",
    )


def plan_for_samvaer(b: Builder) -> None:
    b.title("Plan for samvær mellom barn og foreldre", "For {{ barn.fullt_navn }}")
    b.facts(
        (CHILD, BIRTH, HOME, START, BASIS, ENDED, CONTACT, ("Planen er laget", "{{ svar.dato }}"))
    )
    b.h1("Om planen")
    b.guide(
        "Planen viser hvordan samværet er ordnet, og hvilke datoer barnet, foreldrene og "
        "fosterforeldrene kan regne med det neste året. Lag den sammen med dem: snakk med barnet "
        "først, og gå gjennom planen med foreldrene og fosterforeldrene hver for seg hvis det er "
        "bedre. Rammene under er hentet fra det som er registrert om ordningen; kontroller dem "
        "mot vedtaket eller avtalen."
    )
    b.h1("Det som er fastsatt")
    b.guide("Kontroller at rammene stemmer med vedtaket eller avtalen.")
    b.facts(
        (
            ("Fastsatt av", "{{ samvaer.ordning.fastsatt_av }}"),
            ("Dato", "{{ samvaer.ordning.vedtaksdato }}"),
            ("Saksnummer", "{{ samvaer.ordning.referanse }}", "samvaer.ordning.referanse"),
            ("Minimum etter vedtaket", "{{ samvaer.ordning.minimum }}", "samvaer.ordning.minimum"),
            *CONTACT_FACTS,
        )
    )
    b.guide(
        "Nemnda fastsetter samværet og minimumet etter barnevernsloven § 7-2. Barnevernstjenesten "
        "kan legge til rette for mer samvær enn minimumet når det er til barnets beste, men ikke "
        "mindre. Er det flere ordninger, for eksempel med søsken eller besteforeldre, skriv dem "
        "under «Andre avtaler om kontakt»."
    )
    b.h1("Datoene det neste året")
    b.guide(
        "Datoene er regnet ut fra ordningen. Flytt eller legg til datoer i samarbeid med "
        "foreldrene og fosterforeldrene, og skriv det i merknadsfeltet. Ta hensyn til skole, "
        "fritid og høytider."
    )
    planned_visits(b)
    b.h1("Hva barnet mener")
    b.guide(
        "Skriv hva barnet har sagt om samværet: hva det gleder seg til, hva som er vanskelig, og "
        "hvem barnet ønsker å se. Bruk barnets egne ord så langt det går. Er barnet for lite til å "
        "si det med ord, skriv hva dere har sett."
    )
    b.box("{{ svar.barnets_mening }}", height=2.4)
    b.h1("Hva foreldrene og fosterforeldrene mener")
    b.guide(
        "Skriv hva foreldrene og fosterforeldrene sa om planen, også det de er uenige i. Er "
        "foreldrene uenige i det nemnda har bestemt, skriv det, og hva de er informert om."
    )
    b.label("Foreldrene")
    b.box("{{ svar.foreldrenes_synspunkter }}", height=1.6)
    b.label("Fosterforeldrene")
    b.box("{{ svar.fosterforeldrenes_synspunkter }}", height=1.6)
    b.h1("Praktiske avtaler")
    b.guide(
        "Skriv hvem som kjører og henter, hva som skjer ved sykdom, om barnet kan ta med seg noe "
        "hjemmefra, gaver og mat, og bilder og filming."
    )
    b.box(height=2.4)
    b.h1("Når et samvær må avlyses")
    b.guide(
        "Skriv hvem som skal varsles, hvor tidlig, og om et avlyst samvær skal erstattes. Et "
        "samvær som avlyses, registreres med hvem som avlyste og hvorfor."
    )
    b.box(height=1.4)
    b.h1("Andre avtaler om kontakt")
    b.guide(
        "Skriv avtaler om kontakt med søsken, besteforeldre og andre som er viktige for barnet, og "
        "om kontakt på telefon eller digitalt mellom samværene."
    )
    b.box(height=1.4)
    b.h1("Gjennomgang av planen")
    b.guide(
        f"Tjenestens rutine er at {ARRANGEMENT_REVIEW}. Gå også gjennom planen når barnet, "
        "foreldrene eller fosterforeldrene ber om det, eller når rapportene etter samvær gir grunn "
        "til det."
    )
    w = b.width
    b.grid(
        ("Planen er gjennomgått med", "Dato", "Merknad"),
        (5.0, 2.8, w - 7.8),
        [["Barnet", "", ""], ["Foreldrene", "", ""], ["Fosterforeldrene", "", ""]],
    )
    b.signatures(("Kontaktperson: {{ kontaktperson.navn }}", "Dato"))


def samvaer_foreldre(b: Builder) -> None:
    b.title("Samvær: notat til foreldre", "Før samværet med {{ barn.fornavn }}")
    b.guide(
        "Notatet gis til hver av foreldrene før samværet, gjerne i en samtale der dere går "
        "gjennom det sammen. Spørsmålene er til ettertanke, ikke et skjema foreldrene må fylle "
        "ut. Tilpass teksten til saken, og slett veiledningstekstene før notatet gis ut."
    )
    b.facts((CHILD, NEXT_VISIT, *CONTACT_FACTS))
    b.para(
        "Samværet er tiden du og {{ barn.fornavn }} har sammen. For {{ barn.fornavn }} er det "
        "viktig å kjenne at du er der, og at det er lov å ha det bra både hos deg og i "
        "fosterhjemmet. Spørsmålene under kan hjelpe deg å forberede deg."
    )
    b.h1("Før samværet")
    b.guide(
        "Gå gjennom spørsmålene sammen med forelderen hvis det passer, og stryk dem som ikke "
        "passer i saken."
    )
    b.para("Tenk gjennom:")
    for question in (
        "Hva gleder du deg til, og hva kan bli vanskelig for deg?",
        "Hva liker {{ barn.fornavn }} å gjøre? Er det noe dere kan gjøre sammen denne gangen?",
        "Hvordan kan du gjøre starten trygg, hvis {{ barn.fornavn }} trenger litt tid?",
        "Hvordan vil du si ha det, slik at avskjeden blir så god som mulig?",
    ):
        b.para(f"☐ {question}", space_after=2)
    b.box(height=2.0)
    b.h1("Under samværet")
    b.guide(
        "Tilpass rådene til det som er avtalt for samværet, for eksempel tema som ikke skal tas "
        "opp, eller hvem andre som kan være med."
    )
    b.para(
        "La {{ barn.fornavn }} bestemme tempoet. Snakk om det dere gjør sammen, og om ting "
        "{{ barn.fornavn }} er opptatt av. Saken i barnevernet, flytting eller løfter om hva som "
        "skal skje, er tema for samtalene med barnevernstjenesten, ikke for samværet. Si gjerne "
        "at du er glad for at {{ barn.fornavn }} har det bra der barnet bor nå."
    )
    with b.when("samvaer.ordning.tilsyn == 'Ja'"):
        b.para(
            "Samværet skal ha tilsyn. Den som fører tilsyn, er til stede for at samværet skal "
            "bli trygt og godt for {{ barn.fornavn }}, og skriver en rapport etterpå. Du kan "
            "spørre barnevernstjenesten om hva rapporten sier."
        )
    b.h1("Etter samværet")
    b.guide("Snakk gjerne med forelderen kort tid etter samværet om hvordan det gikk.")
    b.para(
        "Det er vanlig at barn reagerer etter et samvær, for eksempel med å bli stille, lei seg "
        "eller urolig. Det betyr ikke at samværet var feil. Fosterforeldrene og "
        "barnevernstjenesten hjelper {{ barn.fornavn }} med det."
    )
    b.para("Hva gikk bra denne gangen, og hva vil du gjøre annerledes neste gang?")
    b.box(height=2.0)
    b.h1("Hvem du kan snakke med")
    b.para(
        "Kontaktpersonen din er {{ kontaktperson.navn }} i {{ tjeneste.navn }}. Ta kontakt hvis "
        "du ikke kan komme, hvis noe er vanskelig, eller hvis du har spørsmål om samværet."
    )
    b.guide(
        "Skriv telefonnummer og når kontaktpersonen er lettest å nå. Nevn gjerne andre som kan "
        "støtte forelderen, som en støtteperson eller en foreldreorganisasjon."
    )
    b.box(height=1.0)


def samvaer_fosterforeldre(b: Builder) -> None:
    b.title(
        "Samvær: informasjon til fosterforeldre", "Samvær mellom {{ barn.fornavn }} og familien"
    )
    b.guide(
        "Notatet gis til fosterforeldrene når samværet er fastsatt eller endret. Gå gjennom det "
        "sammen med dem, og slett veiledningstekstene før notatet gis ut."
    )
    b.facts((CHILD, HOME, PARENTS, NEXT_VISIT, *CONTACT_FACTS))
    b.h1("Hva samvær er")
    b.guide(
        "Forklar hva nemnda eller avtalen har bestemt i denne saken, og hvorfor samværet er "
        "viktig for akkurat dette barnet."
    )
    b.para(
        "Samvær er tiden {{ barn.fornavn }} har sammen med foreldrene eller andre i familien "
        "etter at barnet har flyttet til dere. Når barnevernstjenesten har overtatt omsorgen, "
        "fastsetter barneverns- og helsenemnda hvor mye samvær barnet skal ha, som et minimum "
        "(barnevernsloven § 7-2). Samværet hjelper barnet å holde på relasjonene til familien og "
        "å forstå sin egen historie."
    )
    b.h1("Hva vi forventer av dere")
    b.guide(
        "Tilpass listen til saken, for eksempel om fosterforeldrene skal ha kontakt med "
        "foreldrene selv, og hva de kan fortelle foreldrene om barnet."
    )
    for expectation in (
        "Forbered {{ barn.fornavn }} på samværet, og snakk positivt om foreldrene.",
        "Møt opp og hent til avtalt tid, eller følg opp transporten som er avtalt.",
        "Vær til stede under samværet bare hvis det er avtalt.",
        "Legg merke til hvordan {{ barn.fornavn }} har det før og etter, og fortell "
        "kontaktpersonen om det.",
        "Gi beskjed til kontaktpersonen med en gang hvis et samvær ikke kan holdes.",
        "Endre ikke tid, sted eller omfang på egen hånd: det avtales med barnevernstjenesten.",
    ):
        b.para(f"☐ {expectation}", space_after=2)
    b.h1("Datoene det neste året")
    b.guide(
        "Datoene er regnet ut fra ordningen. Skriv inn endringer som er avtalt, og minn "
        "fosterforeldrene om å si fra tidlig hvis en dato ikke passer."
    )
    planned_visits(b, notes="Notater")
    b.h1("Når barnet reagerer")
    b.guide("Fortell hva fosterforeldrene kan gjøre, og når de bør ringe kontaktpersonen.")
    b.para(
        "Mange barn reagerer før eller etter samvær: de kan sove dårlig, være sinte eller lei "
        "seg, eller trekke seg unna. Gi {{ barn.fornavn }} trygghet og tid, og skriv ned det dere "
        "ser, så dere kan snakke om det med kontaktpersonen."
    )
    b.box(height=1.6)
    b.h1("Kontakt")
    b.para(
        "Kontaktpersonen er {{ kontaktperson.navn }} ({{ kontaktperson.epost }}) i "
        "{{ tjeneste.navn }}."
    )
    b.guide("Skriv hvem fosterforeldrene kan kontakte utenom kontortid hvis noe skjer.")
    b.box(height=1.0)


def samvaer_informasjon_barn(b: Builder) -> None:
    b.title("Når skal jeg se familien min igjen?", "Til {{ barn.fornavn }}")
    b.guide(
        "Les arket sammen med barnet, og tilpass ordene til alderen. Er barnet lite, bruk det "
        "som en hjelp til å forklare, og tegn gjerne sammen. Skriv inn det barnet spør om, og "
        "svar ærlig. Slett veiledningstekstene før barnet får arket."
    )
    b.para("Hei, {{ barn.fornavn }}!")
    b.para(
        "Her kan du se når du skal treffe {{ samvaer.ordning.deltakere_barn }}. Det kalles "
        "samvær. "
        "Du kan ta arket fram når du lurer på når du skal treffe dem neste gang."
    )
    with b.when("samvaer.neste.dato_tekst"):
        b.h2("Neste gang")
        b.para("**{{ samvaer.neste.dato_tekst }}**")
    b.h1("Alle gangene det neste året")
    b.guide("Skriv sammen med barnet hvordan samværet var, hvis barnet vil.")
    w = b.width
    b.loop_grid(
        ("Når", "Hvem du skal treffe", "Slik var det"),
        (5.4, 6.0, w - 11.4),
        "p in samvaer.planlagte",
        ("{{ p.dato_tekst }}", "{{ p.hvem_barn }}", ""),
        "Vi vet ikke datoene ennå. Kontaktpersonen din forteller deg dem.",
        height=1.0,
    )
    b.h1("Hvor og hvor lenge")
    b.guide("Fortell barnet hvem som kjører og henter, og hva som skjer hvis et samvær avlyses.")
    with b.when("samvaer.ordning.sted"):
        b.para("Dere skal være sammen på dette stedet: {{ samvaer.ordning.sted }}.")
    with b.when("samvaer.ordning.varighet"):
        b.para("Dere skal være sammen i {{ samvaer.ordning.varighet }} hver gang.")
    with b.when("samvaer.ordning.tilsynsperson"):
        b.para(
            "En voksen er med når dere er sammen: {{ samvaer.ordning.tilsynsperson }}. Den "
            "voksne skal passe på at det blir trygt og fint for deg."
        )
    b.h1("Hvem har bestemt dette?")
    b.guide(
        "Forklar med egne ord hvem som har bestemt samværet, og at barnet alltid kan si hva det "
        "mener. Lov ikke noe du ikke kan holde."
    )
    b.para(
        "Noen voksne som har som jobb å tenke på hva som er best for barn, har bestemt hvor ofte "
        "du skal treffe familien din. Du kan alltid si hva du synes. Vil du treffe dem oftere, "
        "sjeldnere eller på en annen måte, kan du si det til kontaktpersonen din."
    )
    b.h1("Dette lurer jeg på")
    b.guide("Skriv barnets spørsmål med barnets egne ord, og svar på dem før dere avslutter.")
    b.box(height=2.6)
    b.h1("Hvem kan jeg snakke med?")
    b.guide("Skriv telefonnummeret til kontaktpersonen på en måte barnet kan bruke.")
    b.para(
        "Du kan snakke med fosterforeldrene dine og med {{ kontaktperson.navn }}, som er "
        "kontaktpersonen din i barnevernet."
    )


def gjennomgang_samvaersrapport(b: Builder) -> None:
    b.title("Gjennomgang av rapport etter samvær", "Sjekkliste når rapporten er mottatt")
    b.facts(
        (
            CHILD,
            BIRTH,
            HOME,
            CONTACT,
            ("Samvær med", "{{ samvaer.ordning.deltakere }}", "samvaer.ordning.deltakere"),
            (
                "Dato for samværet",
                "{{ samvaer.rapport.samvaersdato }}",
                "samvaer.rapport.samvaersdato",
            ),
            ("Rapporten er skrevet av", "{{ samvaer.rapport.skrevet_av }}"),
            ("Rapporten mottatt", "{{ samvaer.rapport.mottatt }}"),
            DEADLINE,
        )
    )
    b.h1("Om gjennomgangen")
    b.guide(
        "Etter et samvær med tilsyn skriver den som førte tilsyn en rapport. Kontaktpersonen går "
        f"gjennom hver rapport, og tjenestens rutine er å gjøre det innen {REPORT_REVIEW_WITHIN} "
        "etter at den er mottatt, så den er lest før neste samvær. Bruk sjekklisten, skriv "
        "vurderingen, og ta stilling til hva som skal følges opp."
    )
    with b.when("samvaer.rapport.sammendrag"):
        b.label("Sammendrag av rapporten")
        b.box("{{ samvaer.rapport.sammendrag }}", height=1.2)
    b.h1("Sjekkliste")
    b.guide("Sett kryss for ja eller nei, og kommenter det som trenger en forklaring.")
    w = b.width
    checks = (
        "Samværet ble holdt til avtalt tid og sted, og varte så lenge som avtalt",
        "Tilsynet ble gjennomført slik det var bestemt",
        "Rapporten beskriver samspillet mellom barnet og forelderen",
        "Rapporten beskriver hvordan barnet hadde det før, under og etter samværet",
        "Rapporten gjengir hva barnet selv sa",
        "Det skjedde noe under samværet som gir grunn til bekymring",
        "Forelderen fulgte avtalene som gjelder for samværet",
        "Rapporten er datert og underskrevet",
    )
    b.grid(
        ("Sjekkpunkt", "Ja", "Nei", "Kommentar"),
        (7.6, 1.1, 1.1, w - 9.8),
        [[text, "☐", "☐", ""] for text in checks],
    )
    b.h1("Barnevernstjenestens vurdering")
    b.guide(
        "Vurder hva rapporten sier om samværet og om hvordan barnet har det. Sammenlign med det "
        "fosterforeldrene har fortalt, og med tidligere rapporter. Skriv om samværet fungerer "
        "til barnets beste."
    )
    b.box("{{ svar.vurdering }}", height=3.0)
    b.label("Barnets reaksjoner før, under og etter samværet")
    b.box("{{ svar.barnets_reaksjoner }}", height=1.6)
    b.h1("Oppfølging")
    b.guide(
        "Ta stilling til om rapporten krever oppfølging. Gir den grunn til å endre samværet, for "
        "eksempel tilsyn, sted eller hyppighet, skriv det her. Samvær som nemnda har fastsatt, "
        "endres ikke uten et nytt vedtak."
    )
    b.para("**Rapporten krever oppfølging:** {{ svar.oppfolging_nodvendig }}")
    b.label("Hva skal følges opp, av hvem og innen når")
    b.box("{{ svar.tiltak }}", height=1.6)
    b.h1("Foreldrene og barnet")
    b.para("**Rapporten er gjennomgått med foreldrene:** {{ svar.gjennomgatt_med_foreldrene }}")
    b.guide(
        "Skriv hva foreldrene sa om rapporten, og om barnet har fått vite noe om den, på en måte "
        "som passer alderen."
    )
    b.box(height=1.4)
    b.signatures(("Kontaktperson: {{ kontaktperson.navn }}", "Dato"))


def kostnadsfordeling(b: Builder) -> None:
    """The member's statement of the team's cost key for a year (issue #16 item 4)."""
    b.title(
        "Kostnadsfordeling i det interkommunale teamet",
        "{{ avregning.team }}: {{ avregning.aar }}",
    )
    b.facts(
        (
            ("Kommune (barnevernstjeneste)", "{{ avregning.medlem }}"),
            ("År", "{{ avregning.aar }}"),
            (
                "Innbyggertall",
                "{{ avregning.innbyggertall }} ({{ avregning.andel }} % av innbyggerne i "
                "samarbeidet)",
            ),
            ("Timepris for individuell veiledning", "{{ avregning.timepris }}"),
            ("Status", "{{ avregning.status }}"),
            ("Utstedt av", "{{ tjeneste.navn }} (vertskommune), {{ dato }}"),
        )
    )
    b.guide(
        "Oppstillingen er laget av Fosterflyt fra budsjettet, satsene og bruken som er registrert "
        "for året. Kontroller tallene mot samarbeidsavtalen før oppstillingen sendes til "
        "regnskapet. Alle beløp er i hele kroner, og delene summerer seg nøyaktig til budsjettet."
    )
    b.h1("Slik er kostnadene fordelt")
    b.guide(
        "Avsnittet forklarer fordelingsnøkkelen for regnskapet i kommunen. Endre det bare hvis "
        "samarbeidsavtalen sier noe annet, og rett da avtalen først."
    )
    b.para(
        "Gruppeveiledningen betales {{ avregning.fast_prosent }} % etter fast nøkkel, det vil si "
        "kommunens andel av innbyggerne i samarbeidet, og resten etter bruk "
        "({{ avregning.bruksgrunnlag }}). Individuell veiledning betales etter kjøpte timer til "
        "årets timepris. Når et beløp ikke går opp i hele kroner, får kommunene med størst rest "
        "den siste kronen, slik at summen alltid stemmer."
    )
    w = b.width
    b.grid(
        ("Post", "Foreløpig fordeling", "Årsoppgjør"),
        (w - 9.0, 4.5, 4.5),
        (
            (
                "Gruppeveiledning, fast nøkkel",
                "{{ avregning.forelopig.fast }}",
                "{{ avregning.oppgjor.fast }}",
            ),
            (
                "Gruppeveiledning etter bruk",
                "{{ avregning.forelopig.bruk }} ({{ avregning.forelopig.antall }})",
                "{{ avregning.oppgjor.bruk }} ({{ avregning.oppgjor.antall }})",
            ),
            (
                "Individuell veiledning",
                "{{ avregning.forelopig.individuell }} ({{ avregning.forelopig.timer }})",
                "{{ avregning.oppgjor.individuell }} ({{ avregning.oppgjor.timer }})",
            ),
            ("Sum", "{{ avregning.forelopig.sum }}", "{{ avregning.oppgjor.sum }}"),
        ),
    )
    with b.when("avregning.differanse"):
        b.para("Differanse mot den foreløpige fordelingen: {{ avregning.differanse }}.")
    b.h1("Merknader")
    b.guide(
        "Skriv her om det er avtalt noe særskilt for kommunen dette året, for eksempel kjøp "
        "utover det planlagte."
    )
    b.box(height=2.0)


@dataclass(frozen=True)
class Spec:
    key: str
    title: str
    noark_document_type: str
    public_title: str
    required_fields: tuple[str, ...]
    build: Callable[[Builder], None]
    extra_fields: dict[str, str] = field(default_factory=dict)
    produced_by: tuple[tuple[str, str], ...] = ()
    landscape: bool = False


CASE = ("tjeneste.navn", "barn.fullt_navn", "barn.fodselsdato")

SPECS: tuple[Spec, ...] = (
    Spec(
        "arlig-evaluering",
        "Årlig evaluering med fosterforeldre",
        "Vurdering",
        "Årlig evaluering av fosterhjemsoppdrag",
        (
            *CASE,
            "fosterhjem.navn",
            "plassering.startdato",
            "plassering.oppdragsavtale_slutt",
            "kontaktperson.navn",
            "svar.dato",
            "svar.oppdraget",
            "svar.barnets_situasjon",
            "svar.samarbeid",
            "svar.behov_for_stotte",
            "svar.oppdraget_videre",
            "svar.begrunnelse",
        ),
        arlig_evaluering,
        produced_by=(("arlig-evaluering", "evaluering"),),
    ),
    Spec(
        "vurdering-tilbakeforing",
        "Strukturert vurdering av tilbakeføring",
        "Vurdering",
        "Vurdering av tilbakeføring av omsorgen",
        (
            *CASE,
            "plassering.startdato",
            "plassering.hjemmel",
            "kontaktperson.navn",
            *(f"ekstra.{name}" for name in TRINN_EXTRA),
            "oppgave.utfall",
            "svar.begrunnelse",
        ),
        vurdering_tilbakeforing,
        extra_fields=TRINN_EXTRA,
        produced_by=(("vurderingstrakt", "beslutning"),),
    ),
    Spec(
        "oppfolgingssamtale-foreldre",
        "Oppfølgingssamtale med foreldre",
        "Notat",
        "Oppfølgingssamtale med foreldre",
        (
            *CASE,
            "plassering.startdato",
            "kontaktperson.navn",
            "svar.dato",
            "svar.foreldrene_deltok",
            "svar.notat",
        ),
        oppfolgingssamtale_foreldre,
        produced_by=(("oppfolging-foreldre", "oppfolgingssamtale"),),
    ),
    Spec(
        "samtale-med-barnet",
        "Samtale med barnet ved oppfølgingsbesøk",
        "Notat",
        "Samtale med barn ved oppfølgingsbesøk",
        (
            *CASE,
            "fosterhjem.navn",
            "kontaktperson.navn",
            "svar.besoksdato",
            "svar.snakket_med_barnet_alene",
            "svar.barnets_mening",
            "svar.vurdering",
        ),
        samtale_med_barnet,
        produced_by=(("oppfolgingsbesok", "besok"),),
    ),
    Spec(
        "gjennomgang-tilsynsrapport",
        "Gjennomgang av tilsynsrapport",
        "Vurdering",
        "Gjennomgang av tilsynsrapport",
        (
            *CASE,
            "fosterhjem.navn",
            "kontaktperson.navn",
            "svar.vurdering",
            "svar.oppfolging_nodvendig",
        ),
        gjennomgang_tilsynsrapport,
        extra_fields={
            "besoksdato": "Datoen tilsynsbesøket ble holdt (dd.mm.åååå), når ingen rapport er "
            "registrert på plasseringen",
            "rapport_mottatt": "Datoen tilsynsrapporten kom inn (dd.mm.åååå), når ingen "
            "rapport er registrert på plasseringen",
        },
        produced_by=(("tilsyn", "gjennomgang_tilsynsrapport"),),
    ),
    Spec(
        "oppfolgingsplan",
        "Oppfølgingsplan",
        "Plan",
        "Oppfølgingsplan for barn i fosterhjem",
        (
            *CASE,
            "fosterhjem.navn",
            "plassering.startdato",
            "kontaktperson.navn",
            "dato",
        ),
        oppfolgingsplan,
        produced_by=(
            ("omsorgsplan", "gjennomgang"),
            ("omsorgsplan", "oppfolgingsplan"),
            ("tiltaksplan", "oppfolgingsplan"),
        ),
    ),
    Spec(
        "oppfolgingsplan-foreldre",
        "Oppfølgingsplan for foreldre",
        "Plan",
        "Oppfølgingsplan for foreldre til barn i fosterhjem",
        (*CASE, "plassering.startdato", "kontaktperson.navn"),
        oppfolgingsplan_foreldre,
        produced_by=(("omsorgsplan", "oppfolgingsplan_foreldre"),),
    ),
    Spec(
        "informasjonsbrev-foreldre",
        "Informasjonsbrev til foreldre",
        "Brev",
        "Informasjon til foreldre ved flytting",
        (
            "tjeneste.navn",
            "barn.fullt_navn",
            "barn.fornavn",
            "plassering.startdato",
            "kontaktperson.navn",
            "kontaktperson.epost",
            "dato",
        ),
        informasjonsbrev_foreldre,
        extra_fields=LETTER_EXTRA,
    ),
    Spec(
        "invitasjon-felles-samtale",
        "Invitasjon til felles samtale",
        "Brev",
        "Invitasjon til felles samtale",
        (
            "tjeneste.navn",
            "barn.fornavn",
            "kontaktperson.navn",
            "kontaktperson.epost",
            "dato",
            "ekstra.tidspunkt",
            "ekstra.sted",
        ),
        invitasjon_felles_samtale,
        produced_by=(("omsorgsplan", "gjennomgang"), ("tiltaksplan", "evaluering")),
        extra_fields={
            "tidspunkt": "Dato og klokkeslett for samtalen, f.eks. «12.03.2026 kl. 10.00–11.30»",
            "sted": "Hvor samtalen holdes",
            "svarfrist": "Frist for å svare på invitasjonen (valgfri)",
            **LETTER_EXTRA,
        },
    ),
    Spec(
        "sjekkliste-plassering",
        "Sjekkliste ved plassering i fosterhjem",
        "Sjekkliste",
        "Sjekkliste ved plassering i fosterhjem",
        (
            *CASE,
            "fosterhjem.navn",
            "plassering.startdato",
            "plassering.hjemmel",
            "kontaktperson.navn",
        ),
        sjekkliste_plassering,
    ),
    Spec(
        "en-god-start-okt",
        "En god start: notat fra timen",
        "Notat",
        "En god start – notat fra timen",
        (
            "tjeneste.navn",
            "barn.fullt_navn",
            "fosterhjem.navn",
            "fosterhjem.fosterforeldre_tekst",
            "oppgave.tittel",
            "svar.dato",
            "svar.notat",
        ),
        en_god_start_okt,
        produced_by=tuple(
            ("en-god-start", step)
            for step in (
                "okt_1_den_nye_familien",
                "okt_2_samarbeid_med_barnets_familie",
                "okt_3_tilknytning_og_tilhorighet",
                "okt_4_avvisning",
                "okt_5_regulering_av_folelser",
                "okt_6_evaluering",
            )
        ),
    ),
    Spec(
        "en-god-start-kalender",
        "En god start: bordkalender",
        "Plan",
        "En god start – bordkalender",
        ("tjeneste.navn", "fosterhjem.fosterforeldre_tekst", "kontaktperson.navn"),
        en_god_start_kalender,
        extra_fields={
            "klokkeslett": "Klokkeslett for timene, f.eks. «kl. 18.00–20.00» (valgfri)",
            "sted": "Hvor timene holdes (valgfri)",
        },
        landscape=True,
    ),
    Spec(
        "kartlegging-foreldre",
        "Kartlegging av foreldre til barn som bor utenfor hjemmet",
        "Notat",
        "Kartlegging av foreldre til barn som bor utenfor hjemmet",
        (
            *CASE,
            "plassering.startdato",
            "kontaktperson.navn",
            "forelder.navn",
            "forelder.relasjon",
            "forelder.foreldreansvar",
        ),
        kartlegging_foreldre,
        produced_by=(("oppfolging-foreldre", "oppfolgingssamtale"),),
    ),
    Spec(
        "arshjul",
        "Barnets årshjul",
        "Plan",
        "Årshjul for barn i fosterhjem",
        (*CASE, "fosterhjem.navn", "plassering.startdato", "kontaktperson.navn", "dato"),
        arshjul,
        landscape=True,
    ),
    Spec(
        "sosialrapport-godkjenning",
        "Sosialrapport ved godkjenning av fosterhjem",
        "Rapport",
        "Sosialrapport ved godkjenning av fosterhjem",
        (
            *CASE,
            "fosterhjem.navn",
            "fosterhjem.fosterforeldre_tekst",
            "plassering.startdato",
            "kontaktperson.navn",
            "godkjenning.frist",
        ),
        sosialrapport_godkjenning,
        produced_by=(("godkjenning-slekt-nettverk", "godkjenning"),),
    ),
    Spec(
        "midlertidig-plassering-slekt-nettverk",
        "Midlertidig plassering i slekt og nettverk",
        "Sjekkliste",
        "Sjekkliste ved midlertidig plassering i slekt og nettverk",
        (
            *CASE,
            "fosterhjem.navn",
            "plassering.startdato",
            "kontaktperson.navn",
            "godkjenning.frist",
            "godkjenning.regel_akutt",
        ),
        midlertidig_plassering_slekt_nettverk,
        produced_by=(("godkjenning-slekt-nettverk", "sjekkliste_akutt"),),
    ),
    # The P3/P6 catalogue (issue #14 item 5).
    Spec(
        "rammefortelling",
        "Rammefortelling",
        "Notat",
        "Rammefortelling for barn i fosterhjem",
        (*CASE, "kontaktperson.navn"),
        rammefortelling,
    ),
    Spec(
        "flytskjema",
        "Flytskjema for oppfølgingen",
        "Plan",
        "Flytskjema for oppfølging av barn i fosterhjem",
        (
            "tjeneste.navn",
            "barn.fullt_navn",
            "plassering.startdato",
            "kontaktperson.navn",
            "flytskjema.regelsett",
        ),
        flytskjema,
        landscape=True,
    ),
    Spec(
        "veien-videre-kalender",
        "Veien videre: bordkalender",
        "Plan",
        "Veien videre – bordkalender",
        ("tjeneste.navn", "kontaktperson.navn", "kontaktperson.epost"),
        veien_videre_kalender,
        extra_fields={
            "klokkeslett": "Klokkeslett for samtalene, f.eks. «kl. 10.00–11.00» (valgfri)",
            "sted": "Hvor samtalene holdes (valgfri)",
        },
        produced_by=(("veien-videre", "samtale_1_samarbeid"),),
        landscape=True,
    ),
    # -- supervision (issue #14 item 1) --
    Spec(
        "samtale-andre-barn",
        "Samtale med de andre barna i fosterhjemmet",
        "Notat",
        "Samtale med barn i fosterhjemmet",
        (
            "tjeneste.navn",
            "fosterhjem.navn",
            "barn.fullt_navn",
            "kontaktperson.navn",
            "svar.dato",
            "svar.barna",
        ),
        samtale_andre_barn,
        produced_by=(("samtale-andre-barn", "samtale_andre_barn"),),
    ),
    Spec(
        "mandat-fosterhjemsveileder",
        "Mandat til fosterhjemsveileder",
        "Avtale",
        "Mandat for veiledning av fosterhjem",
        (
            *CASE,
            "fosterhjem.navn",
            "fosterhjem.fosterforeldre_tekst",
            "plassering.startdato",
            "kontaktperson.navn",
            "fosterhjemsveileder.navn",
        ),
        mandat_fosterhjemsveileder,
    ),
    # Contact visits (samvær): P6 templates 19, 11, 12, 13 and 14
    Spec(
        "plan-for-samvaer",
        "Plan for samvær mellom barn og foreldre",
        "Plan",
        "Plan for samvær",
        (
            *CASE,
            "kontaktperson.navn",
            "samvaer.ordning.fastsatt_av",
            "samvaer.ordning.hyppighet",
            "svar.barnets_mening",
        ),
        plan_for_samvaer,
        produced_by=(("samvaer", "plan_for_samvaer"),),
    ),
    Spec(
        "samvaer-foreldre",
        "Samvær: notat til foreldre",
        "Notat",
        "Samvær – notat til foreldre",
        ("tjeneste.navn", "barn.fornavn", "kontaktperson.navn", "samvaer.ordning.deltakere"),
        samvaer_foreldre,
        produced_by=(("samvaer", "plan_for_samvaer"),),
    ),
    Spec(
        "samvaer-fosterforeldre",
        "Samvær: informasjon til fosterforeldre",
        "Notat",
        "Samvær – informasjon til fosterforeldre",
        ("tjeneste.navn", "barn.fornavn", "kontaktperson.navn", "samvaer.ordning.deltakere"),
        samvaer_fosterforeldre,
        produced_by=(("samvaer", "plan_for_samvaer"),),
    ),
    Spec(
        "samvaer-informasjon-barn",
        "Når skal jeg se familien min igjen?",
        "Notat",
        "Samvær – informasjon til barnet",
        ("barn.fornavn", "kontaktperson.navn", "samvaer.ordning.deltakere_barn"),
        samvaer_informasjon_barn,
        produced_by=(("samvaer", "plan_for_samvaer"),),
    ),
    Spec(
        "gjennomgang-samvaersrapport",
        "Gjennomgang av rapport etter samvær",
        "Vurdering",
        "Gjennomgang av rapport etter samvær",
        (
            *CASE,
            "kontaktperson.navn",
            "samvaer.rapport.mottatt",
            "samvaer.rapport.skrevet_av",
            "svar.vurdering",
            "svar.oppfolging_nodvendig",
        ),
        gjennomgang_samvaersrapport,
        produced_by=(("samvaersrapport", "gjennomgang_rapport"),),
    ),
    # Inter-municipal teams: the cost key's statement per member and year (issue #16 item 4)
    Spec(
        "kostnadsfordeling",
        "Kostnadsfordeling i det interkommunale teamet",
        "Økonomi",
        "Kostnadsfordeling i interkommunalt fosterhjemsteam",
        (
            "tjeneste.navn",
            "avregning.team",
            "avregning.aar",
            "avregning.medlem",
            "avregning.forelopig.sum",
        ),
        kostnadsfordeling,
    ),
)


def file_name(key: str) -> str:
    return f"{key}.v{VERSION}.docx"


def problems(spec: Spec, content: bytes, forms: dict[tuple[str, str], set[str]]) -> list[str]:
    """What is wrong with a built template, checked against everything it has to agree with."""
    found: list[str] = []
    fields = template_fields(content)
    for path in sorted(fields):
        if not known(path):
            found.append(f"{path} is not in the data dictionary")
    allowed: set[str] = set()
    for ident in spec.produced_by:
        if ident not in forms:
            found.append(f"produced_by {ident} is not a step of a shipped workflow")
        allowed |= forms.get(ident, set())
    for path in sorted(p for p in fields if p.startswith("svar.")):
        name = path.split(".")[1]
        if not spec.produced_by:
            found.append(f"{path} is used, but no workflow step produces this template")
        elif name not in allowed:
            found.append(f"{path} is not a form field of {list(spec.produced_by)}")
    used_extra = {p.split(".")[1] for p in fields if p.startswith("ekstra.")}
    for name in sorted(used_extra - set(spec.extra_fields)):
        found.append(f"ekstra.{name} is used but not declared in extra_fields")
    for name in sorted(set(spec.extra_fields) - used_extra):
        found.append(f"extra field {name} is declared but not used")
    for path in spec.required_fields:
        if not known(path):
            found.append(f"required field {path} is not in the data dictionary")
        if path not in fields:
            found.append(f"required field {path} is not shown by the template")
    return found


def build_all(out: Path = OUT) -> list[dict[str, Any]]:
    catalogue = load_catalogue()
    forms: dict[tuple[str, str], set[str]] = {}
    produces: dict[str, set[tuple[str, str]]] = {}
    for definition in catalogue.all_latest():
        for step in definition.steps:
            ident = (definition.key, step.key)
            forms[ident] = {f.key for f in step.form}
            for key in step.templates:
                produces.setdefault(key, set()).add(ident)

    built: list[tuple[Spec, bytes]] = []
    errors: list[str] = []
    for spec in SPECS:
        builder = Builder(spec.title, landscape=spec.landscape)
        spec.build(builder)
        content = builder.save()
        errors += [f"{spec.key}: {p}" for p in problems(spec, content, forms)]
        if set(spec.produced_by) != produces.get(spec.key, set()):
            errors.append(
                f"{spec.key}: produced_by {sorted(spec.produced_by)} does not match the "
                f"workflow steps naming it {sorted(produces.get(spec.key, set()))}"
            )
        built.append((spec, content))
    for key in sorted(set(produces) - {s.key for s in SPECS}):
        errors.append(f"workflow steps name template {key}, which is not built")
    if errors:
        raise SystemExit("Templates not written:\n  " + "\n  ".join(errors))

    out.mkdir(parents=True, exist_ok=True)
    entries: list[dict[str, Any]] = []
    for spec, content in built:
        (out / file_name(spec.key)).write_bytes(content)
        entries.append(
            {
                "key": spec.key,
                "title": spec.title,
                "version": VERSION,
                "file": file_name(spec.key),
                "noark_document_type": spec.noark_document_type,
                "public_title": spec.public_title,
                "required_fields": list(spec.required_fields),
                "extra_fields": dict(spec.extra_fields),
                "produced_by": [{"definition_key": d, "step_key": s} for d, s in spec.produced_by],
            }
        )
    manifest = json.dumps({"templates": entries}, ensure_ascii=False, indent=2) + "\n"
    (out / "manifest.json").write_text(manifest, encoding="utf-8")
    return entries


def main() -> int:
    entries = build_all()
    for entry in entries:
        print(f"templates_docx/{entry['file']}  {entry['title']}")
    print(f"templates_docx/manifest.json  {len(entries)} templates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
