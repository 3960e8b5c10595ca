from __future__ import annotations

import os
import shutil

import pytest


@pytest.fixture(scope="session")
def soffice() -> str:
    """LibreOffice's command, as tests/documents/conftest.py: skipped without it, failed where it
    is required (``FOSTERFLYT_REQUIRE_LIBREOFFICE=1``, as in CI)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("FOSTERFLYT_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail("LibreOffice (soffice) is required but not installed")
        pytest.skip("LibreOffice (soffice) is not installed; set FOSTERFLYT_REQUIRE_LIBREOFFICE=1")
    return found
