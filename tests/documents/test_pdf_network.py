"""LibreOffice converts without reaching the network (``app.documents.pdf``).

The review's document is converted with one layer of defence at a time: each alone keeps the
loopback listener silent. The first test converts it with no layer at all and sees the fetch,
so the silence of the others is the defence's doing, not the test's.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.documents import external, pdf
from app.documents.errors import PdfUnavailable
from tests.documents.crafted import Listener, external_image, hyperlink

TIMEOUT_SECONDS = 120


def convert(
    soffice: str, content: bytes, *, isolation: tuple[str, ...] = (), settings: str | None = None
) -> bytes:
    result = pdf.convert(
        content,
        binary=soffice,
        timeout_seconds=TIMEOUT_SECONDS,
        isolation=isolation,
        settings=settings,
    )
    assert result.startswith(b"%PDF")
    return result


class TestEachLayerAloneKeepsLibreOfficeOffTheNetwork:
    def test_without_any_layer_libreoffice_fetches_the_external_image(
        self, soffice: str, listener: Listener
    ) -> None:
        # The control: the tests below mean something only while this one sees the fetch. A
        # LibreOffice that no longer fetches this image needs another document here.
        convert(soffice, external_image(listener.url("/img-link.png")))
        assert "/img-link.png" in listener.requests

    def test_stripping_alone_leaves_nothing_to_fetch(
        self, soffice: str, listener: Listener
    ) -> None:
        stripped = external.strip(external_image(listener.url("/img-link.png")))
        convert(soffice, stripped)
        assert listener.requests == []

    def test_the_profile_settings_alone_block_the_fetch(
        self, soffice: str, listener: Listener
    ) -> None:
        convert(
            soffice, external_image(listener.url("/img-link.png")), settings=pdf.PROFILE_SETTINGS
        )
        assert listener.requests == []

    def test_the_network_namespace_alone_blocks_the_fetch(
        self, soffice: str, listener: Listener
    ) -> None:
        isolation = pdf.network_isolation()
        if not isolation:
            pytest.skip("this machine cannot create a network namespace (unshare --net)")
        convert(soffice, external_image(listener.url("/img-link.png")), isolation=isolation)
        assert listener.requests == []

    def test_libreoffice_fetches_no_plain_hyperlink(self, soffice: str, listener: Listener) -> None:
        # Why the upload check lets plain hyperlinks through: with no layer at all, a
        # hyperlink is not fetched on conversion (it is the reader's to click).
        convert(soffice, hyperlink(listener.url("/hyperlink")))
        assert listener.requests == []


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def records() -> Iterator[list[logging.LogRecord]]:
    handler = _Records()
    logger = logging.getLogger("app.documents.pdf")
    level = logger.level
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    yield handler.records
    logger.removeHandler(handler)
    logger.setLevel(level)


class TestDetectingTheNetworkNamespace:
    def test_without_unshare_conversion_runs_unisolated_and_says_so(
        self, records: list[logging.LogRecord]
    ) -> None:
        assert pdf.probe_isolation(None) == ()
        assert [r.levelname for r in records] == ["WARNING"]
        assert "WITH network" in records[0].getMessage()

    def test_an_unshare_that_the_machine_refuses_falls_back_to_no_isolation(
        self, records: list[logging.LogRecord]
    ) -> None:
        refusing = shutil.which("false")
        assert refusing is not None
        assert pdf.probe_isolation(refusing) == ()
        assert [r.levelname for r in records] == ["WARNING"]

    def test_a_working_unshare_wraps_the_command(self, records: list[logging.LogRecord]) -> None:
        unshare = shutil.which("unshare")
        if unshare is None:
            pytest.skip("unshare is not installed")
        prefix = pdf.probe_isolation(unshare)
        if not prefix:
            pytest.skip("this machine cannot create a network namespace (unshare --net)")
        assert prefix[0] == unshare
        assert "--net" in prefix
        assert [r.levelname for r in records] == ["INFO"]


class TestAConversionPastItsTimeLimitLeavesNoProcessBehind:
    def test_the_converters_children_are_killed_with_it(self, tmp_path: Path) -> None:
        # A stand-in for soffice that, like it, starts a child (soffice.bin) and hangs.
        child_pid = tmp_path / "child.pid"
        fake = tmp_path / "soffice"
        fake.write_text(f"#!/bin/sh\nsleep 300 &\necho $! > {child_pid}\nsleep 300\n")
        fake.chmod(0o755)
        with pytest.raises(PdfUnavailable):
            pdf.convert(b"PK", binary=str(fake), timeout_seconds=1, isolation=())
        pid = int(child_pid.read_text())
        for _ in range(50):  # the kill is sent before convert returns; reaping may lag
            if not _alive(pid):
                break
            time.sleep(0.1)
        assert not _alive(pid)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split()[2] == "Z")
