"""Converting a filled document to PDF with LibreOffice, which must not reach the network.

LibreOffice fetches a document's external images when it converts it (security review 2026-12,
finding 1: a server-side GET to any address). Three layers stop that, each enough on its own
(``tests/documents/test_external_content.py`` converts the review's document with one layer at
a time, and with none to show that the test would see a fetch):

1. the caller strips external content first (:func:`app.documents.external.strip`);
2. LibreOffice starts with a throwaway profile whose settings (``PROFILE_SETTINGS``) block
   linked content: ``Common/Security/Scripting/BlockUntrustedRefererLinks`` (content linked from
   a document outside the trusted locations, which every converted file is, is not loaded),
   ``Writer/Content/Update/Link`` 0 (``NEVER`` in ``sw/inc/linkenum.hxx``: links are never
   updated) and ``DisableMacrosExecution``; the names are those of LibreOffice 7.4's schema;
3. it runs in a network namespace of its own (``unshare --net``: only a loopback interface,
   down), where the machine allows it. :func:`network_isolation` finds out once per process and
   logs which; without it (a container that may not create namespaces) conversion still works,
   with layers 1 and 2.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from app.documents.errors import PdfUnavailable

log = logging.getLogger("app.documents.pdf")

PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop
 oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop
 oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop
 oor:name="Link" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""
# Plain ``--net`` needs CAP_SYS_ADMIN (root); ``--map-root-user`` also works for other users
# where unprivileged user namespaces are allowed.
_UNSHARE_FLAGS: tuple[tuple[str, ...], ...] = (("--net",), ("--map-root-user", "--net"))
_PROBE_TIMEOUT_SECONDS = 10


def probe_isolation(unshare: str | None) -> tuple[str, ...]:
    """The command prefix that runs a program without network, or ``()`` when ``unshare`` is
    missing or the machine does not allow it; logs which, once per call."""
    if unshare is not None:
        for flags in _UNSHARE_FLAGS:
            prefix = (unshare, *flags, "--")
            try:
                subprocess.run(  # noqa: S603  (fixed arguments, no shell)
                    [*prefix, sys.executable, "-c", ""],
                    check=True,
                    capture_output=True,
                    timeout=_PROBE_TIMEOUT_SECONDS,
                )
            except (OSError, subprocess.SubprocessError):
                continue
            log.info("LibreOffice runs without network: in a network namespace of its own")
            return prefix
    log.warning(
        "LibreOffice runs WITH network: this machine cannot create a network namespace "
        "(unshare --net); external content is still stripped and blocked by its settings"
    )
    return ()


@functools.cache
def network_isolation() -> tuple[str, ...]:
    """:func:`probe_isolation` for this machine, found out once per process."""
    return probe_isolation(shutil.which("unshare"))


def detect_at_start() -> None:
    """Find out (and log) whether conversions can run without network, when LibreOffice is
    installed: at start-up rather than in the first PDF request."""
    if shutil.which("soffice") or shutil.which("libreoffice"):
        network_isolation()


def soffice() -> str:
    """LibreOffice's program; 503 ``pdf-unavailable`` when it is not installed."""
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None:
        raise PdfUnavailable("LibreOffice is not installed on this server; ask for the .docx.")
    return binary


def convert(
    docx: bytes,
    *,
    binary: str,
    timeout_seconds: float,
    isolation: Sequence[str],
    settings: str | None = PROFILE_SETTINGS,
) -> bytes:
    """The PDF of ``docx`` as LibreOffice makes it, in a throwaway profile seeded with
    ``settings`` (none when ``None``), run under the ``isolation`` prefix.

    Strips nothing: callers strip first (``service.to_pdf``). Raises :class:`PdfUnavailable`
    when LibreOffice fails, times out or writes no PDF.
    """
    with tempfile.TemporaryDirectory(prefix="fosterflyt-pdf-") as workdir:
        profile = Path(workdir) / "profile"
        if settings is not None:
            (profile / "user").mkdir(parents=True)
            (profile / "user" / "registrymodifications.xcu").write_text(settings, "utf-8")
        source = Path(workdir) / "document.docx"
        source.write_bytes(docx)
        command = [
            *isolation,
            binary,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            workdir,
            str(source),
        ]
        if _run_in_own_group(command, timeout_seconds) != 0:
            raise PdfUnavailable("LibreOffice could not convert the document.")
        result = Path(workdir) / "document.pdf"
        if not result.is_file():
            raise PdfUnavailable("LibreOffice produced no PDF.")
        return result.read_bytes()


def _run_in_own_group(command: Sequence[str], timeout_seconds: float) -> int:
    """Run ``command`` in a process group of its own and return its exit status; past
    ``timeout_seconds`` the whole group is killed (``soffice`` starts ``soffice.bin``, and
    ``unshare`` sits in front of both: killing only the direct child left them running) and the
    status is -1."""
    process = subprocess.Popen(  # noqa: S603  (fixed arguments, no shell)
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        return process.wait(timeout=timeout_seconds)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return -1
