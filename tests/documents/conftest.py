from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

from tests.documents.crafted import Listener


@pytest.fixture
def listener() -> Iterator[Listener]:
    """A loopback HTTP server recording what is asked of it: an attack's target."""
    server = Listener()
    yield server
    server.close()


@pytest.fixture(scope="session")
def soffice() -> str:
    """LibreOffice's command; the test is skipped without it, or fails where it is required
    (``FOSTERFLYT_REQUIRE_LIBREOFFICE=1``, as in CI)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("FOSTERFLYT_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail("LibreOffice (soffice) is required but not installed")
        pytest.skip("LibreOffice (soffice) is not installed; set FOSTERFLYT_REQUIRE_LIBREOFFICE=1")
    return found
