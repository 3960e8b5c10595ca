"""Finding and stripping external content in a Word package (``app.documents.external``): the
upload check refuses what :func:`find` reports, and every PDF conversion first runs
:func:`strip`, which must leave nothing :func:`find` would report. Pure: no database, no HTTP."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from app.documents import external
from app.documents.catalogue import TEMPLATE_DIR
from app.documents.errors import TemplateInvalid
from app.documents.filling import render
from app.documents.upload import check_docx, check_external
from tests.documents.crafted import (
    FORMS,
    field_char,
    hyperlink,
    instruction,
    jinja_written_field,
    package,
    rewrite,
    run,
    simple_field,
    with_doctype,
)

URL = "http://127.0.0.1:9/bilde.png"
SHIPPED = sorted(TEMPLATE_DIR.glob("*.docx"))


def text_of(content: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(content)).paragraphs)


class TestTheShippedTemplatesPassTheCheck:
    @pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
    def test_a_shipped_template_has_no_external_content(self, path: Path) -> None:
        content = path.read_bytes()
        assert external.find(content) == []
        check_docx(content, max_bytes=10_000_000, max_expanded=100_000_000)
        assert external.strip(content) is content  # untouched: converted as it is

    def test_there_are_shipped_templates_to_check(self) -> None:
        assert len(SHIPPED) >= 12


class TestWhatIsFound:
    @pytest.mark.parametrize("form", list(FORMS))
    def test_every_form_is_found_as_external_content(self, form: str) -> None:
        found = external.find(FORMS[form](URL))
        assert found, form
        assert {f.code for f in found} == {external.EXTERNAL_CONTENT}
        assert all("127.0.0.1" not in f.detail for f in found)

    def test_a_plain_hyperlink_is_not_external_content(self) -> None:
        assert external.find(hyperlink("https://www.bufdir.no/")) == []

    def test_a_harmless_field_is_not_external_content(self) -> None:
        page = package(
            body=f'<w:p><w:fldSimple w:instr=" PAGE ">{run("<w:t>1</w:t>")}</w:fldSimple></w:p>'
        )
        assert external.find(page) == []

    @pytest.mark.parametrize(
        "name",
        [
            "INCLUDEPICTURE",
            "includepicture",
            "INCLUDETEXT",
            "INCLUDE",
            "LINK",
            "DDE",
            "DDEAUTO",
            "IMPORT",
            "DATABASE",
        ],
    )
    def test_each_including_field_is_found_whatever_its_case(self, name: str) -> None:
        found = external.find(simple_field(URL, name))
        assert [f.code for f in found] == [external.EXTERNAL_CONTENT]

    def test_a_field_left_open_at_the_end_of_the_part_is_judged_too(self) -> None:
        unterminated = package(
            body="<w:p>" + field_char("begin") + instruction(f' INCLUDEPICTURE "{URL}" ') + "</w:p>"
        )
        assert [f.code for f in external.find(unterminated)] == [external.EXTERNAL_CONTENT]

    def test_a_nested_field_after_the_name_is_no_finding(self) -> None:
        nested = package(
            body="<w:p>"
            + field_char("begin")
            + instruction(" IF ")
            + field_char("begin")
            + instruction(" PAGE ")
            + field_char("end")
            + instruction(' = 1 "en" "flere" ')
            + field_char("end")
            + "</w:p>"
        )
        assert external.find(nested) == []

    def test_what_the_templates_jinja_writes_is_found_in_the_filled_document(self) -> None:
        template = jinja_written_field(URL)
        assert external.find(template) == []  # the markup is a Jinja string until filled
        filled = render(template, {})
        assert [f.code for f in external.find(filled)] == [external.EXTERNAL_CONTENT]
        with pytest.raises(TemplateInvalid):
            check_external(filled, filled=True)

    def test_a_doctype_is_unsafe_xml(self) -> None:
        assert [f.code for f in external.find(with_doctype())] == [external.UNSAFE_XML]

    def test_a_part_that_is_not_xml_is_invalid_xml(self) -> None:
        broken = rewrite(package(), "word/settings.xml", lambda xml: xml[: len(xml) // 2])
        assert [f.code for f in external.find(broken)] == [external.INVALID_XML]

    def test_a_part_stored_twice_is_a_duplicate_part(self) -> None:
        out = io.BytesIO()
        source = zipfile.ZipFile(io.BytesIO(package()))
        with zipfile.ZipFile(out, "w") as target:
            for info in source.infolist():
                target.writestr(info, source.read(info.filename))
            with pytest.warns(UserWarning, match="Duplicate name"):
                target.writestr("word/document.xml", source.read("word/document.xml"))
        assert external.DUPLICATE_PART in {f.code for f in external.find(out.getvalue())}

    def test_not_a_zip_is_unreadable(self) -> None:
        with pytest.raises(external.UnreadablePackage):
            external.find(b"%PDF-1.7")


class TestStripping:
    @pytest.mark.parametrize("form", list(FORMS))
    def test_a_stripped_package_has_nothing_left_to_find_and_still_opens(self, form: str) -> None:
        stripped = external.strip(FORMS[form](URL))
        assert external.find(stripped) == []
        assert "Hei" in text_of(stripped)

    def test_a_stripped_field_keeps_the_text_it_shows(self) -> None:
        stripped = external.strip(simple_field(URL))
        assert "bilde" in text_of(stripped)
        assert b"INCLUDEPICTURE" not in zipfile.ZipFile(io.BytesIO(stripped)).read(
            "word/document.xml"
        )

    def test_a_stripped_complex_field_loses_its_instruction_and_keeps_its_result(self) -> None:
        stripped = external.strip(FORMS["includepicture-split-across-runs"](URL))
        document = zipfile.ZipFile(io.BytesIO(stripped)).read("word/document.xml")
        assert b"instrText" not in document
        assert b"fldChar" not in document
        assert "bilde" in text_of(stripped)

    def test_a_plain_hyperlink_is_kept_byte_for_byte(self) -> None:
        content = hyperlink("https://www.bufdir.no/")
        assert external.strip(content) is content

    def test_a_hyperlink_used_as_an_image_is_cut_from_the_image_and_kept_as_a_link(self) -> None:
        misused = FORMS["hyperlink-used-as-image"](URL)
        stripped = external.strip(misused)
        document = zipfile.ZipFile(io.BytesIO(stripped)).read("word/document.xml")
        assert b"r:link" not in document

    def test_a_doctype_and_its_entities_are_dropped(self) -> None:
        stripped = external.strip(with_doctype())
        document = zipfile.ZipFile(io.BytesIO(stripped)).read("word/document.xml")
        assert b"DOCTYPE" not in document
        assert b"&navn;" not in document
        assert external.find(stripped) == []

    def test_a_package_that_cannot_be_examined_is_not_converted(self) -> None:
        broken = rewrite(package(), "word/settings.xml", lambda xml: xml[: len(xml) // 2])
        with pytest.raises(external.UnreadablePackage):
            external.strip(broken)
