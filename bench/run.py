"""Fosterflyt benchmarks: one command, floors in the same run, a table with ratios.

    .venv/bin/python bench/run.py [--quick] [--scale N] [--db postgresql|sqlite|both]
                                  [--json out.json] [--keep]

See bench/README.md for what it measures and docs/benchmarks.md for the latest results.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import platform
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# The service and the bench must agree on the token secret; set before any settings are read.
os.environ.setdefault("FOSTERFLYT_JWT_SECRET", "fosterflyt-bench-secret-" + "b" * 32)
os.environ.pop("FOSTERFLYT_JWKS_URL", None)
os.environ.setdefault("FOSTERFLYT_ENVIRONMENT", "development")
# The rate limiter still runs on every request, so its cost is measured; only its budget is set
# out of reach, or the bench's few tokens would be throttled (429) within seconds.
os.environ.setdefault("FOSTERFLYT_RATE_LIMIT", "100000000/minute")
os.environ.setdefault("FOSTERFLYT_AUTH_FAILURE_LIMIT", "100000000/minute")
# The web app's sessions are started before the first scenario; a long run must not idle them out.
os.environ.setdefault("FOSTERFLYT_SESSION_IDLE_MINUTES", "1440")

import httpx  # noqa: E402
import psycopg  # noqa: E402

from bench import docfloor, driver, profiling, report, web, webhooks  # noqa: E402
from bench.database import BenchDatabase  # noqa: E402
from bench.loader import Dataset, from_database, load, verify_plans  # noqa: E402
from bench.scenarios import Scenario, build  # noqa: E402
from bench.server import (  # noqa: E402
    DRIVER_CPU,
    SERVER_CPU,
    Server,
    cpu_seconds,
    db_sessions,
    floor_command,
    service_command,
    settle,
    system_busy_seconds,
)

CONCURRENCY = 32
FLOOR_APPS = {"starlette": "bench.floors:starlette_app", "pk": "bench.floors:pk_app"}
CONSUMING = {"create_placement", "complete_task"}
# Settings that change what is measured; recorded in the JSON when set.
TUNING = (
    "FOSTERFLYT_WORKER_THREADS",
    "FOSTERFLYT_DB_POOL_SIZE",
    "FOSTERFLYT_DB_MAX_OVERFLOW",
    "FOSTERFLYT_GC_FREEZE",
    "FOSTERFLYT_RATE_LIMIT",
    "FOSTERFLYT_AUTH_FAILURE_LIMIT",
)


@dataclass(frozen=True)
class Profile:
    """How long and how much: the default run, or ``--quick``."""

    placements: int
    spare: int
    warmup: float
    single: float  # seconds at one connection
    loaded: float  # seconds at CONCURRENCY connections
    docs: float  # seconds per in-process document measurement
    reads: int  # distinct prepared read requests
    webhooks: float  # seconds of events for each webhook measurement


FULL = Profile(10_000, 3000, 2.0, 5.0, 8.0, 4.0, 20_000, 30.0)
QUICK = Profile(1_000, 600, 0.4, 2.0, 2.5, 1.5, 2_000, 10.0)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def machine(pg_admin: str | None) -> dict[str, Any]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    info: dict[str, Any] = {
        "cpu_model": model,
        "cpus": os.cpu_count(),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "packages": {
            name: importlib.metadata.version(name)
            for name in (
                "fastapi",
                "starlette",
                "uvicorn",
                "uvloop",
                "httptools",
                "sqlalchemy",
                "psycopg",
                "pydantic",
                "python-docx",
                "docxtpl",
                "httpx",
            )
        },
    }
    if pg_admin:
        try:
            with psycopg.connect(pg_admin, autocommit=True) as conn:
                row = conn.execute("SHOW server_version").fetchone()
                info["postgresql"] = row[0] if row else None
                info["postgresql_settings"] = {}
                for name in ("shared_buffers", "work_mem", "synchronous_commit", "max_connections"):
                    value = conn.execute(f"SHOW {name}").fetchone()
                    info["postgresql_settings"][name] = value[0] if value else None
        except psycopg.Error as error:
            info["postgresql"] = f"unavailable: {error}"
    return info


def check(port: int, scenario: Scenario, source: driver.Source) -> str | None:
    """Send one request with httpx and make sure it does what the scenario means."""
    request = source()
    if request is None:
        return "no requests prepared"
    response = httpx.request(
        request.method,
        f"http://127.0.0.1:{port}{request.path}",
        headers=dict(request.headers),
        content=request.body or None,
        timeout=60,
    )
    if response.status_code != scenario.expect:
        return f"{response.status_code}: {response.text[:500]}"
    if scenario.key.startswith("tasks_"):
        items = response.json()["items"]
        if not items:
            return None  # an empty page is a legitimate answer (a small service)
    return None


def measure(
    server: Server,
    scenario: Scenario,
    db: BenchDatabase,
    source: driver.Source,
    *,
    concurrency: int,
    seconds: float,
    client: str,
) -> dict[str, Any]:
    """One measured period, with the server's, the driver's and everything else's CPU."""
    server_cpu, busy = cpu_seconds(server.pid), system_busy_seconds()
    sessions = db_sessions(db.admin_url, db.name)
    own_cpu = time.process_time()
    result = driver.run(
        server.port,
        source,
        concurrency=concurrency,
        seconds=seconds,
        client=client,
        sampler=server.rss_mb,
    )
    server_cpu = cpu_seconds(server.pid) - server_cpu
    # everything else the machine did meanwhile: PostgreSQL, mostly (and a profiler)
    other_cpu = max(
        0.0, system_busy_seconds() - busy - server_cpu - (time.process_time() - own_cpu)
    )
    opened = db_sessions(db.admin_url, db.name)
    unexpected = {c: n for c, n in result.statuses.items() if c != scenario.expect}
    # A response with another status (a 429, a 500) is not a fast answer: the scenario failed.
    failed = (
        f"{sum(unexpected.values())} responses were not {scenario.expect}: {unexpected}"
        if unexpected
        else (f"{result.errors} requests failed (connection or timeout)" if result.errors else None)
    )
    return {
        "key": scenario.key,
        "title": scenario.title,
        "db": db.kind,
        "concurrency": concurrency,
        "rate": result.rate,
        "p50_ms": result.percentile(50),
        "p90_ms": result.percentile(90),
        "p99_ms": result.percentile(99),
        "max_ms": max(result.latencies_ms) if result.latencies_ms else None,
        "count": result.count,
        "seconds": result.seconds,
        "statuses": {str(k): v for k, v in result.statuses.items()},
        "errors": result.errors + sum(unexpected.values()),
        "failed": failed,
        "exhausted": result.exhausted,
        "driver_cpu": result.driver_cpu,
        "server_cpu": server_cpu / result.seconds if result.seconds else None,
        "server_cpu_ms_per_req": 1000 * server_cpu / result.count if result.count else None,
        "db_cpu": other_cpu / result.seconds if result.seconds else None,
        "db_cpu_ms_per_req": 1000 * other_cpu / result.count if result.count else None,
        "db_new_sessions": opened - sessions
        if opened is not None and sessions is not None
        else None,
        "sampled_max_rss_mb": max(result.samples) if result.samples else None,
        "floor": scenario.floor,
        "notes": scenario.notes,
    }


def _log_row(row: dict[str, Any]) -> None:
    log(
        f"  {row['key']:24} c={row['concurrency']:<3} {row['rate']:8.1f} req/s  "
        f"p50 {row['p50_ms']:7.2f} ms  p99 {row['p99_ms']:7.2f} ms  "
        f"driver {row['driver_cpu'] * 100:3.0f}%  "
        f"server {(row['server_cpu'] or 0) * 100:3.0f}% "
        f"{row['server_cpu_ms_per_req'] or 0:6.2f} ms/req"
        + (
            f"  other {row['db_cpu'] * 100:3.0f}% {row['db_cpu_ms_per_req'] or 0:5.2f} ms/req"
            if row["db_cpu"] is not None
            else ""
        )
        + (f"  new db sessions {row['db_new_sessions']}" if row["db_new_sessions"] else "")
        + (f"  FAILED: {row['failed']}" if row["failed"] else "")
        + ("  (inputs used up)" if row["exhausted"] else "")
    )


def run_scenario(
    scenario: Scenario,
    db: BenchDatabase,
    profile: Profile,
    client: str,
    profile_dir: Path | None = None,
    repeat: int = 1,
    service_app: str | None = None,
) -> list[dict[str, Any]]:
    """A fresh server; at each concurrency a warm-up, then ``repeat`` measured periods of which
    the median (by requests/s) is reported, all of them kept in ``repeats``."""
    env = {**os.environ, "FOSTERFLYT_DATABASE_URL": db.url}
    if scenario.server != "service":
        command = floor_command(FLOOR_APPS[scenario.server])
    elif service_app:
        command = floor_command(service_app)  # a variant of the service, served like the floors
    else:
        command = service_command()
    health = "/json" if scenario.server == "starlette" else "/healthz"
    rows: list[dict[str, Any]] = []
    with Server(scenario.key, command, env=env, health=health) as server:
        source: driver.Source = (
            driver.Once(scenario.requests)
            if scenario.key in CONSUMING
            else driver.Cycle(scenario.requests)
        )
        problem = check(server.port, scenario, source)
        if problem:
            log(f"  {scenario.key}: check failed: {problem}")
            return [{"key": scenario.key, "title": scenario.title, "error": problem}]
        first_load = None
        if scenario.key == "web_my_tasks":
            first_load = web.first_load(server.port, dict(scenario.requests[0].headers)["Cookie"])
            log(
                f"  first load: {first_load['html_bytes']:,} B HTML + "
                f"{first_load['asset_bytes']:,} B assets; all assets immutable: "
                f"{first_load['all_cached_afterwards']}"
            )
        for concurrency, seconds in ((1, profile.single), (CONCURRENCY, profile.loaded)):
            driver.run(  # warm-up: connections, pools, caches; results dropped
                server.port, source, concurrency=concurrency, seconds=profile.warmup, client=client
            )
            recorder = None
            if profile_dir is not None and concurrency == CONCURRENCY:
                recorder = profiling.Recorder(
                    profile_dir / db.kind, scenario.key, server.pid, seconds * repeat
                )
            runs = []
            for _ in range(repeat):
                row = measure(
                    server,
                    scenario,
                    db,
                    source,
                    concurrency=concurrency,
                    seconds=seconds,
                    client=client,
                )
                _log_row(row)
                runs.append(row)
            if recorder is not None:
                recorder.finish()
            chosen = sorted(runs, key=lambda r: r["rate"])[len(runs) // 2]
            failures = [r["failed"] for r in runs if r["failed"]]
            chosen["failed"] = failures[0] if failures else None  # any repeat failing fails it
            chosen["profiled"] = recorder is not None
            if repeat > 1:
                chosen["repeats"] = [
                    {k: r[k] for k in ("rate", "p50_ms", "p99_ms", "server_cpu_ms_per_req")}
                    for r in runs
                ]
            rows.append(chosen)
        memory = server.memory()
        for row in rows:
            if first_load is not None:
                row["first_load"] = first_load
            row["peak_rss_mb"] = memory.get("VmHWM", 0) / 1024
            row["start_rss_mb"] = server.started_rss_kb / 1024
    return rows


def driver_check(profile: Profile) -> dict[str, Any]:
    """The clients' own ceilings against the bare Starlette floor (no database involved)."""
    out: dict[str, Any] = {}
    seconds = max(1.5, profile.loaded / 2)
    with Server(
        "driver-check", floor_command(FLOOR_APPS["starlette"]), env=dict(os.environ), health="/json"
    ) as server:
        for client in ("raw", "httpx"):
            result = driver.run(
                server.port,
                driver.Cycle([driver.Request("GET", "/json")]),
                concurrency=CONCURRENCY,
                seconds=seconds,
                warmup=profile.warmup,
                client=client,
            )
            out[client] = {
                "rate": result.rate,
                "driver_cpu": result.driver_cpu,
                "p50_ms": result.percentile(50),
            }
            log(
                f"  driver {client:5} vs bare Starlette: {result.rate:8.0f} req/s at "
                f"{result.driver_cpu * 100:.0f}% of its core"
            )
    return out


def run_database(kind: str, args: argparse.Namespace, profile: Profile) -> dict[str, Any]:
    db = (
        BenchDatabase.postgresql(args.pg_url, args.pg_name)
        if kind == "postgresql"
        else BenchDatabase.sqlite()
    )
    placements = args.scale or profile.placements
    out: dict[str, Any] = {"db": kind, "placements": placements}
    try:
        if args.reuse and kind == "postgresql" and db.exists():
            log(f"== {kind}: reusing the kept database {db.name} as it is")
            db.created = True
            dataset: Dataset = from_database(db.sqlalchemy_url)
            placements = len(dataset.placements)
            out["placements"] = placements
            out["reused"] = True
            dataset.seconds["total"] = 0.0
            out["dataset"] = {"counts": dataset.counts, "seconds": dataset.seconds}
        else:
            log(f"== {kind}: creating the database and migrating (fosterflyt migrate)")
            started = time.perf_counter()
            db.create()
            out["migrate_seconds"] = time.perf_counter() - started
            log(f"== {kind}: loading {placements:,} placements")
            dataset = load(db.sqlalchemy_url, placements=placements, spare=profile.spare, log=log)
            out["dataset"] = {"counts": dataset.counts, "seconds": dataset.seconds}
        out["database_mb"] = db.size_bytes() / 2**20
        log(
            f"   {placements:,} placements in {dataset.seconds['total']:.1f} s: "
            + ", ".join(f"{k} {v:,}" for k, v in dataset.counts.items())
            + f"; {out['database_mb']:.0f} MB"
        )
        out["settle_seconds"] = settle(db.admin_url, db.name, limit=args.settle)
        log(f"   settled (checkpoint, sync, idle machine) in {out['settle_seconds']:.1f} s")
        sample = [p for p, _, _ in dataset.placements[:: max(1, len(dataset.placements) // 100)]]
        out["plan_check"] = {
            "placements": len(sample),
            "changes": verify_plans(db.sqlalchemy_url, sample),
        }
        log(
            f"   plan check: the service would change {out['plan_check']['changes']} tasks "
            f"of {len(sample)} sampled placements"
        )
        cookies = web.sign_in(db.sqlalchemy_url, dataset)
        scenarios = build(dataset, reads=profile.reads, web_cookies=cookies)
        rows: list[dict[str, Any]] = []
        for scenario in scenarios.values():
            if args.only and scenario.key not in args.only and not scenario.key.startswith("floor"):
                continue
            rows += run_scenario(
                scenario,
                db,
                profile,
                args.driver,
                args.profile,
                repeat=args.repeat,
                service_app=args.service_app,
            )
        log("== document filling against python-docx (in-process, driver core)")
        placement_id = dataset.placements[len(dataset.placements) // 2][0]
        docs = docfloor.measure(db.sqlalchemy_url, placement_id, profile.docs)
        if args.profile:
            docfloor.profile_render(
                db.sqlalchemy_url, placement_id, args.profile / kind / "document_fill.txt"
            )
        floor, filled = docs["floor"], docs["render"]
        floor_mean = 1000 / floor.rate
        fill_mean = 1000 / filled.rate
        rows.append(
            {
                "key": "docx_floor",
                "title": "floor: python-docx open+save",
                "db": kind,
                "rate": floor.rate,
                "p50_ms": floor.percentile(50),
                "p99_ms": floor.percentile(99),
                "count": floor.documents,
                "unit": "documents/s",
            }
        )
        rows.append(
            {
                "key": "document_fill",
                "title": "document filling (render)",
                "db": kind,
                "rate": filled.rate,
                "p50_ms": filled.percentile(50),
                "p99_ms": filled.percentile(99),
                "count": filled.documents,
                "unit": "documents/s",
                "mean_ms": fill_mean,
                "floor_mean_ms": floor_mean,
                "floor": "docx_floor",
                "ratio": fill_mean / floor_mean,
                "ratio_kind": "time",
                "template": docs["template"],
                "timeline_items": docs["timeline_items"],
                "history_items": docs["history_items"],
            }
        )
        cold = docs["render_cold"]
        cold_mean = 1000 / cold.rate
        rows.append(
            {
                "key": "document_fill_cold",
                "title": "document filling, first of a version",
                "db": kind,
                "rate": cold.rate,
                "p50_ms": cold.percentile(50),
                "p99_ms": cold.percentile(99),
                "count": cold.documents,
                "unit": "documents/s",
                "mean_ms": cold_mean,
                "floor_mean_ms": floor_mean,
                "floor": "docx_floor",
                "ratio": cold_mean / floor_mean,
                "ratio_kind": "time",
                "template": docs["template"],
            }
        )
        log(
            f"  python-docx {floor.rate:.1f} docs/s, render {filled.rate:.1f} docs/s "
            f"({fill_mean / floor_mean:.2f}× the time), first fill of a version "
            f"{cold.rate:.1f} docs/s ({cold_mean / floor_mean:.2f}×)"
        )
        if not args.only or "webhook_isolation" in args.only:
            log(
                f"== webhook delay beside {webhooks.HANGING} hanging receivers, and its floor "
                "(the worker on the server core)"
            )
            measured = webhooks.rows(db.sqlalchemy_url, kind, profile.webhooks)
            for row in measured:
                log(webhooks.describe(row))
            rows += measured
        _ratios(rows)
        out["rows"] = rows
        out["targets"] = report.evaluate(rows, placements)
    finally:
        if args.keep:
            log(f"== keeping the {kind} database: {db.url}")
        else:
            db.drop()
    return out


def _ratios(rows: list[dict[str, Any]]) -> None:
    titles = {r["key"]: r["title"] for r in rows}
    for row in rows:
        floor = row.get("floor")
        if not floor or row.get("ratio_kind") == "time":
            if row.get("ratio_kind") == "time":
                row["floor_title"] = titles.get(floor or "", "")
            continue
        base = report.find(rows, floor, row.get("concurrency"))
        if base and base.get("rate"):
            row["ratio"] = row["rate"] / base["rate"]
            row["floor_title"] = base["title"]
        if row["key"] == "create_document":
            docx_floor = report.find(rows, "docx_floor")
            if docx_floor:
                row["docx_floor_ratio"] = row["rate"] / docx_floor["rate"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small data, short runs (< 2 min)")
    parser.add_argument("--scale", type=int, help="active placements to load (default 10,000)")
    parser.add_argument("--db", choices=["postgresql", "sqlite", "both"], default="postgresql")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--keep", action="store_true", help="keep the bench database afterwards")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="measure a PostgreSQL bench database kept by an earlier --keep run, as it is",
    )
    parser.add_argument(
        "--pg-url",
        default=os.environ.get(
            "FOSTERFLYT_BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
        ),
        help="a PostgreSQL URL to create the bench database from (its database is not touched)",
    )
    parser.add_argument("--pg-name", default="fosterflyt_bench", help="the bench database's name")
    parser.add_argument("--driver", choices=["raw", "httpx"], default="raw")
    parser.add_argument(
        "--service-app",
        metavar="MODULE:ATTR",
        help="serve this ASGI app instead of `fosterflyt serve`: a variant of the service to "
        "try a fix without editing app/ (e.g. create_app with another engine)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="measure each scenario and concurrency this many times; report the median",
    )
    parser.add_argument("--only", nargs="*", help="run only these scenarios (and the floors)")
    parser.add_argument(
        "--settle",
        type=float,
        help="wait at most this long for an idle machine after loading (default 180 s, 20 s "
        "with --quick)",
    )
    parser.add_argument(
        "--profile",
        type=Path,
        help="record py-spy profiles of the server at 32 connections into this directory",
    )
    args = parser.parse_args(argv)
    profile = QUICK if args.quick else FULL
    if args.settle is None:
        args.settle = 20.0 if args.quick else 180.0
    started = time.perf_counter()

    pinned = driver.pin_to(DRIVER_CPU)
    kinds = ["postgresql", "sqlite"] if args.db == "both" else [args.db]
    results: dict[str, Any] = {
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "mode": "quick" if args.quick else "full",
        "argv": sys.argv[1:] if argv is None else argv,
        "machine": machine(args.pg_url if "postgresql" in kinds else None),
        "method": {
            "server_cpu": SERVER_CPU,
            "driver_cpu": DRIVER_CPU if pinned else None,
            "concurrency": [1, CONCURRENCY],
            "warmup_s": profile.warmup,
            "single_s": profile.single,
            "loaded_s": profile.loaded,
            "client": args.driver,
            "repeat": args.repeat,
            "service_app": args.service_app or "fosterflyt serve",
            "settings": {k: v for k, v in sorted(os.environ.items()) if k in TUNING},
        },
        "runs": [],
    }
    log("== driver check")
    results["driver_check"] = driver_check(profile)
    for kind in kinds:
        results["runs"].append(run_database(kind, args, profile))
    results["seconds"] = time.perf_counter() - started

    for run in results["runs"]:
        print(f"\n## {run['db']}: {run['placements']:,} placements ({results['mode']} run)\n")
        counts, seconds = run["dataset"]["counts"], run["dataset"]["seconds"]
        loaded = (
            f"Reused a kept database ({run['placements']:,} placements"
            if run.get("reused")
            else f"Loaded {counts.get('tasks', 0):,} tasks, {counts.get('placements', 0):,} "
            f"placements in {seconds['total']:.0f} s ("
        )
        print(
            f"{loaded}{run['database_mb']:,.0f} MB); the service's own plan preview changes "
            f"{run['plan_check']['changes']} tasks of {run['plan_check']['placements']} sampled "
            "placements.\n"
        )
        print(report.table(run["rows"]))
        print()
        print(report.targets_table(run["targets"]))
    check_ = results["driver_check"]
    print(
        f"\nDriver ceiling against bare Starlette at {CONCURRENCY} connections: raw "
        f"{check_['raw']['rate']:.0f} req/s at {check_['raw']['driver_cpu'] * 100:.0f}% of its "
        f"core; httpx {check_['httpx']['rate']:.0f} req/s at "
        f"{check_['httpx']['driver_cpu'] * 100:.0f}%."
    )
    print(f"Wall time {results['seconds']:.0f} s.")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str))
        print(f"Results written to {args.json}")
    failed = [
        f"{run['db']} {row['key']}: {row.get('error') or row.get('failed')}"
        for run in results["runs"]
        for row in run["rows"]
        if row.get("error") or row.get("failed")
    ]
    for line in failed:
        print(f"FAILED {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
