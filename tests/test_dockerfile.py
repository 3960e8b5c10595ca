"""The Dockerfile, which no machine here can build (no Docker engine): hadolint lints it, and its
install and start commands are run as the image would run them — only the files it copies, a
fresh virtualenv from the same lock, migrations, then the server until ``/readyz`` answers — so
the Dockerfile and the README cannot drift apart (issue #18 item 12).

Both run in the PostgreSQL leg of CI only (decisions.md 11: the SQLite leg skips the slow
checks), against a PostgreSQL database of their own, as in production.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import venv
from pathlib import Path

import httpx
import pytest

from tests.helpers import TempDatabase

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "Dockerfile"

pytestmark = pytest.mark.skipif(
    not os.environ.get("FOSTERFLYT_TEST_DATABASE_URL", "").startswith("postgres"),
    reason="the PostgreSQL leg builds the image's steps (decisions.md 11)",
)


def instructions() -> list[tuple[str, str]]:
    """The Dockerfile's instructions, continuation lines joined, comments dropped."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    found: list[tuple[str, str]] = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            found.append((keyword.upper(), rest.strip()))
    return found


AS_ROOT = ("useradd", "chown")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_hadolint_finds_nothing() -> None:
    hadolint = Path(sys.executable).parent / "hadolint"
    done = subprocess.run(
        [str(hadolint), "--no-color", str(DOCKERFILE)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def image(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The image's file system and environment: WORKDIR with only what COPY copies, and RUN's
    commands with a fresh virtualenv's pip (but those that need root and make no file)."""
    root = tmp_path_factory.mktemp("image")
    workdir = root
    env: dict[str, str] = {}
    for keyword, rest in instructions():
        if keyword == "WORKDIR":
            workdir = root / rest.lstrip("/")
            workdir.mkdir(parents=True, exist_ok=True)
        elif keyword == "ENV":
            env.update(dict(part.split("=", 1) for part in shlex.split(rest)))
        elif keyword == "COPY":
            *sources, target = shlex.split(rest)
            for source in sources:
                destination = workdir / target / (source if target.endswith("/") else "")
                if (ROOT / source).is_dir():
                    shutil.copytree(ROOT / source, workdir / target, dirs_exist_ok=True)
                else:
                    shutil.copy2(ROOT / source, destination)
    python = root / "venv"
    venv.create(python, with_pip=True)
    commands = [
        command.strip()
        for keyword, rest in instructions()
        if keyword == "RUN"
        for command in rest.split("&&")
        if not command.strip().startswith(AS_ROOT)
    ]
    assert any(c.startswith("pip install") for c in commands), "the image installs with pip"
    path = f"{python / 'bin'}{os.pathsep}{os.environ['PATH']}"
    for command in commands:
        done = subprocess.run(
            command,
            shell=True,
            cwd=workdir,
            env={**os.environ, **env, "PATH": path},
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-3000:]
    return workdir, {**env, "PATH": path}


def test_the_images_command_migrates_and_serves_until_ready(
    image: tuple[Path, dict[str, str]], temp_databases: TempDatabase, tmp_path: Path
) -> None:
    workdir, env = image
    command = json.loads(dict(instructions())["CMD"])
    port = _free_port()
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith("FOSTERFLYT_")},
        **env,
        "FOSTERFLYT_HOST": "127.0.0.1",  # the image listens on 0.0.0.0; a test stays on loopback
        "FOSTERFLYT_PORT": str(port),
        "FOSTERFLYT_DATABASE_URL": temp_databases.create(),
    }
    log_path = tmp_path / "server.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            command, cwd=workdir, env=environment, stdout=log, stderr=log, start_new_session=True
        )
    try:
        deadline = time.monotonic() + 90
        while True:
            assert process.poll() is None, log_path.read_text()[-3000:]
            try:
                ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2)
                if ready.status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, log_path.read_text()[-3000:]
            time.sleep(0.5)
        assert httpx.get(f"http://127.0.0.1:{port}/docs", timeout=5).status_code == 200
    finally:
        os.killpg(process.pid, 15)
        process.wait(timeout=20)
