"""Instructions per request under callgrind: a cost that does not depend on how busy the machine
is, for comparing a change on a shared or noisy machine.

    .venv/bin/python bench/run.py --quick --keep --only none     # a bench database to reuse
    .venv/bin/python bench/instructions.py get_placement floor_pk --requests 300

Each scenario's server is started as ``run.py`` starts it, but under ``valgrind
--tool=callgrind --instr-atstart=no``; after a warm-up, ``callgrind_control -i on`` counts only
the measured requests (at ``--concurrency``, default 1: one connection gives the steadiest
counts), then the dump's total is divided by the requests answered. About 50× slower than
native: a few hundred requests are enough. Write scenarios consume the database's spare
inputs. Needs valgrind (``apt-get install valgrind``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import driver  # noqa: E402
from bench import run as _settings  # noqa: E402, F401  (the bench's environment defaults)
from bench.loader import from_database  # noqa: E402
from bench.run import FLOOR_APPS, log  # noqa: E402
from bench.scenarios import build  # noqa: E402
from bench.server import DRIVER_CPU, Server, floor_command, service_command  # noqa: E402


def _control(*args: str) -> None:
    subprocess.run(["callgrind_control", *args], check=True, capture_output=True)  # noqa: S603,S607


def count(
    key: str, pg_url: str, database: str, requests: int, concurrency: int, service_app: str | None
) -> dict[str, float | int | str]:
    base = pg_url.rsplit("/", 1)[0]
    url = f"{base}/{database}"
    dataset = from_database(url.replace("postgresql://", "postgresql+psycopg://", 1))
    scenario = build(dataset, reads=2000)[key]
    if scenario.server != "service":
        command = floor_command(FLOOR_APPS[scenario.server])
    else:
        command = floor_command(service_app) if service_app else service_command()
    out = Path(tempfile.mkdtemp(prefix="fosterflyt-callgrind-"))
    valgrind = [
        "valgrind",
        "--tool=callgrind",
        "--instr-atstart=no",
        f"--callgrind-out-file={out}/callgrind.out.%p",
    ]
    env = {**os.environ, "FOSTERFLYT_DATABASE_URL": url}
    health = "/json" if scenario.server == "starlette" else "/healthz"
    server = Server(key, [*valgrind, *command], env=env, health=health)
    server.start(timeout=300)  # valgrind starts slowly
    try:
        source = driver.Cycle(scenario.requests)
        driver.run(server.port, source, concurrency=concurrency, seconds=5)  # warm-up
        pid = str(server.pid)
        _control("-i", "on", pid)
        source.limit = source.index + requests
        result = driver.run(server.port, source, concurrency=concurrency, seconds=3600)
        _control("-i", "off", pid)
        _control("-d", pid)
        time.sleep(1)
        total = 0
        for dump in out.glob(f"callgrind.out.{pid}*"):
            for line in dump.read_text(errors="replace").splitlines():
                if line.startswith("totals:"):
                    total += int(line.split()[1])
    finally:
        server.stop()
    shutil.rmtree(out, ignore_errors=True)
    unexpected = {c: n for c, n in result.statuses.items() if c != scenario.expect}
    return {
        "key": key,
        "requests": result.count,
        "instructions_per_request": total / result.count if result.count else 0.0,
        "unexpected": str(unexpected) if unexpected else "",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scenarios", nargs="+", help="scenario keys, e.g. get_placement floor_pk")
    parser.add_argument(
        "--pg-url",
        default=os.environ.get(
            "FOSTERFLYT_BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
        ),
    )
    parser.add_argument("--pg-name", default="fosterflyt_bench", help="a kept bench database")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--service-app", metavar="MODULE:ATTR")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None or shutil.which("callgrind_control") is None:
        log("valgrind is not installed")
        return 2
    driver.pin_to(DRIVER_CPU)
    failed = False
    for key in args.scenarios:
        row = count(
            key, args.pg_url, args.pg_name, args.requests, args.concurrency, args.service_app
        )
        failed = failed or bool(row["unexpected"])
        print(
            f"{key:24} {row['requests']:6} requests  "
            f"{float(row['instructions_per_request']) / 1e6:7.3f} M instructions/request"
            + (f"  FAILED: unexpected statuses {row['unexpected']}" if row["unexpected"] else "")
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
