"""A private PostgreSQL cluster for fault tests: ``initdb`` as the postgres OS user in a temporary
directory, a server on a free loopback port, and the means to freeze and thaw every process of it
(SIGSTOP/SIGCONT), as a stalled host or a hung VM would.

The shared test server cannot be frozen: other test runs use it. Starting a cluster needs root
(the server refuses to run as root, so it runs as ``postgres``) and the PostgreSQL binaries;
:func:`skip_reason` says what is missing.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

BIN = Path(os.environ.get("FOSTERFLYT_TEST_PG_BIN", "/usr/lib/postgresql/15/bin"))
OS_USER = "postgres"


def skip_reason() -> str | None:
    """Why a private cluster cannot be started here, or None."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "a private PostgreSQL cluster needs root (initdb and postgres run as postgres)"
    if not (BIN / "initdb").exists() or not (BIN / "postgres").exists():
        return f"no PostgreSQL binaries in {BIN} (set FOSTERFLYT_TEST_PG_BIN)"
    try:
        pwd.getpwnam(OS_USER)
    except KeyError:
        return f"no {OS_USER} OS user to run the private cluster as"
    return None


class PrivateCluster:
    """One cluster, started by :meth:`start` and removed, whatever state it is in, by
    :meth:`close` (thawed first: a stopped process cannot act on a shutdown signal)."""

    def __init__(self) -> None:
        user = pwd.getpwnam(OS_USER)
        # Not pytest's tmp_path: that sits under a directory only root may enter.
        self.directory = Path(tempfile.mkdtemp(prefix="fosterflyt-pg-"))
        os.chown(self.directory, user.pw_uid, user.pw_gid)
        self.data = self.directory / "data"
        self.log = self.directory / "server.log"
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = int(probe.getsockname()[1])
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        subprocess.run(
            [
                str(BIN / "initdb"),
                f"--pgdata={self.data}",
                "--username=postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
            timeout=120,
            user=OS_USER,
            group=OS_USER,
            extra_groups=[],
        )
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [
                    str(BIN / "postgres"),
                    "-D",
                    str(self.data),
                    "-p",
                    str(self.port),
                    "-k",
                    str(self.directory),  # its Unix socket stays in the temporary directory
                    "-c",
                    "listen_addresses=127.0.0.1",
                    "-c",
                    "fsync=off",  # a throwaway cluster: speed over durability
                    "-c",
                    "full_page_writes=off",
                ],
                stdout=log,
                stderr=log,
                user=OS_USER,
                group=OS_USER,
                extra_groups=[],
            )
        deadline = time.monotonic() + 60
        while not self._accepts_connections():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the private cluster did not start: {self.log.read_text()}")
            time.sleep(0.05)

    def _accepts_connections(self) -> bool:
        ready = subprocess.run(
            [str(BIN / "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(self.port)],
            check=False,
        )
        return ready.returncode == 0

    def processes(self) -> list[int]:
        """The postmaster and every process it started (backends, checkpointer, …)."""
        if self.process is None:
            return []
        postmaster = self.process.pid
        found = [postmaster]
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue  # exited meanwhile
            parent = int(stat.rsplit(")", 1)[1].split()[1])  # the name may hold spaces
            if parent == postmaster:
                found.append(int(entry.name))
        return found

    def freeze(self) -> None:
        """SIGSTOP the postmaster first (so it forks nothing new), then all of its children."""
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGSTOP)
        for pid in self.processes():
            os.kill(pid, signal.SIGSTOP)

    def thaw(self) -> None:
        for pid in self.processes():
            with contextlib.suppress(ProcessLookupError):  # exited meanwhile
                os.kill(pid, signal.SIGCONT)

    def close(self) -> None:
        try:
            if self.process is not None and self.process.poll() is None:
                self.thaw()
                self.process.send_signal(signal.SIGINT)  # fast shutdown: ends open sessions
                try:
                    self.process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    for pid in self.processes():
                        os.kill(pid, signal.SIGKILL)
                    self.process.wait(timeout=20)
        finally:
            shutil.rmtree(self.directory, ignore_errors=True)
