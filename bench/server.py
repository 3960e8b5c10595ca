"""Start a server pinned to one core, wait until it answers, read its memory, stop it."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

import httpx

from bench.database import ROOT

SERVER_CPU = 0
DRIVER_CPU = 1


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def proc_status(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM (peak RSS) of ``pid`` in kB."""
    values: dict[str, int] = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0])
    except OSError:
        pass
    return values


class Server:
    """``command`` (an argv) run under ``taskset -c 0`` with ``env``, on 127.0.0.1:``port``."""

    def __init__(
        self, name: str, command: list[str], *, env: dict[str, str], health: str = "/healthz"
    ) -> None:
        self.name = name
        self.port = free_port()
        self.health = health
        taskset = shutil.which("taskset")
        prefix = [taskset, "-c", str(SERVER_CPU)] if taskset else []
        self.pinned = taskset is not None
        self.argv = [*prefix, *command, "--host", "127.0.0.1", "--port", str(self.port)]
        self.env = {
            **env,
            "FOSTERFLYT_HOST": "127.0.0.1",
            "FOSTERFLYT_PORT": str(self.port),
            "FOSTERFLYT_LOG_LEVEL": "WARNING",
        }
        self.process: subprocess.Popen[bytes] | None = None
        self.started_rss_kb = 0
        self.log_path = Path(tempfile.gettempdir()) / f"fosterflyt-bench-{self.port}.log"

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid  # taskset execs the server: same pid

    def start(self, timeout: float = 60) -> Server:
        log = self.log_path.open("wb")
        self.process = subprocess.Popen(  # noqa: S603  (fixed arguments, no shell)
            self.argv, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + timeout
        url = f"http://127.0.0.1:{self.port}{self.health}"
        while True:
            if self.process.poll() is not None:
                tail = self.log_path.read_text()[-2000:]
                self.process = None
                self.log_path.unlink(missing_ok=True)
                raise RuntimeError(f"{self.name} exited: {tail}")
            try:
                if httpx.get(url, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"{self.name} did not start within {timeout} s")
            time.sleep(0.1)
        self.started_rss_kb = proc_status(self.pid).get("VmRSS", 0)
        return self

    def memory(self) -> dict[str, int]:
        return proc_status(self.pid)

    def rss_mb(self) -> float:
        return self.memory().get("VmRSS", 0) / 1024

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # uvicorn's graceful shutdown
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self.process = None
        self.log_path.unlink(missing_ok=True)

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _tb: TracebackType | None,
    ) -> None:
        self.stop()


def service_command() -> list[str]:
    """The product's own command: ``fosterflyt serve``."""
    return [str(Path(sys.executable).with_name("fosterflyt")), "serve"]


def floor_command(app: str) -> list[str]:
    return [sys.executable, "-m", "bench.serve", app]


_TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of ``pid`` (all its threads)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICK


def backend_cpu(database: str | None) -> dict[int, float]:
    """CPU seconds of each PostgreSQL backend serving ``database`` (by its process title)."""
    if not database:
        return {}
    needle = f" {database} ".encode()
    out: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            title = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if title.startswith(b"postgres:") and needle in title:
            out[int(entry.name)] = cpu_seconds(int(entry.name))
    return out


def system_busy_seconds() -> float:
    """CPU seconds spent busy by the whole machine (all cores), from /proc/stat."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return 0.0
    values = [int(v) for v in fields]
    idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle + iowait
    return (sum(values[:8]) - idle) / _TICK


def db_sessions(admin_url: str | None, database: str | None) -> int | None:
    """Sessions PostgreSQL has opened on ``database`` so far (a new one per new connection)."""
    if not admin_url or not database:
        return None
    import psycopg

    try:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            row = conn.execute(
                "SELECT sessions FROM pg_stat_database WHERE datname = %s", (database,)
            ).fetchone()
    except psycopg.Error:
        return None
    return int(row[0]) if row else None


def settle(
    admin_url: str | None, database: str | None, *, idle: float = 0.15, limit: float = 180
) -> float:
    """After a bulk load: checkpoint, flush the page cache's dirty pages, and wait until the
    machine is idle (less than ``idle`` of a core busy over a second), so background writeback
    and autovacuum do not run into the measurements. Returns the seconds waited."""
    started = time.monotonic()
    if admin_url and database:
        import psycopg
        from sqlalchemy.engine import make_url

        url = make_url(admin_url).set(database=database).render_as_string(hide_password=False)
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CHECKPOINT")
    os.sync()
    while time.monotonic() - started < limit:
        before = system_busy_seconds()
        time.sleep(1.0)
        if system_busy_seconds() - before < idle:
            break
    return time.monotonic() - started
