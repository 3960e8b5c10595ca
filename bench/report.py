"""The results table, the targets of issue 7 with pass/fail, and the JSON written beside them."""

from __future__ import annotations

import math
from typing import Any

# (scenario, concurrency) rows, in the order they are printed.
Row = dict[str, Any]


def fmt(value: float | None, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}"


def table(rows: list[Row]) -> str:
    header = [
        "scenario",
        "conc",
        "req/s",
        "p50 ms",
        "p99 ms",
        "peak RSS MB",
        "floor",
        "ratio",
        "driver CPU",
        "server CPU",
        "server ms/req",
        "other ms/req",
        "n",
        "errors",
    ]
    lines = [header]
    for r in rows:
        lines.append(
            [
                r["title"],
                str(r.get("concurrency", "")),
                fmt(r.get("rate")),
                fmt(r.get("p50_ms"), 2),
                fmt(r.get("p99_ms"), 2),
                fmt(r.get("peak_rss_mb")),
                r.get("floor_title") or "",
                (fmt(r["ratio"], 2) + ("× time" if r.get("ratio_kind") == "time" else "×"))
                if r.get("ratio") is not None
                else "",
                f"{r['driver_cpu'] * 100:.0f}%" if r.get("driver_cpu") is not None else "",
                f"{r['server_cpu'] * 100:.0f}%" if r.get("server_cpu") is not None else "",
                fmt(r.get("server_cpu_ms_per_req"), 2) if r.get("server_cpu_ms_per_req") else "",
                fmt(r.get("db_cpu_ms_per_req"), 2) if r.get("db_cpu_ms_per_req") else "",
                str(r.get("count", "")),
                ("FAILED " if r.get("failed") else "") + str(r["errors"])
                if r.get("errors") or r.get("failed")
                else "",
            ]
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = []
    for n, line in enumerate(lines):
        cells = [
            cell.ljust(widths[i]) if i in (0, 6) else cell.rjust(widths[i])
            for i, cell in enumerate(line)
        ]
        out.append("| " + " | ".join(cells) + " |")
        if n == 0:
            out.append(
                "|"
                + "|".join(
                    "-" * (w + 1) + ":" if i not in (0, 6) else "-" * (w + 2)
                    for i, w in enumerate(widths)
                )
                + "|"
            )
    return "\n".join(out)


def targets_table(targets: list[dict[str, Any]]) -> str:
    lines = ["| target | measured | result |", "|---|---|---|"]
    for t in targets:
        lines.append(f"| {t['target']} | {t['measured']} | {t['result']} |")
    return "\n".join(lines)


def find(rows: list[Row], key: str, concurrency: int | None = None) -> Row | None:
    for r in rows:
        if r["key"] == key and (concurrency is None or r.get("concurrency") == concurrency):
            return r
    return None


def evaluate(rows: list[Row], placements: int) -> list[dict[str, Any]]:
    """The issue's targets that one run can decide; growth with data size needs two runs
    (bench/compare.py)."""
    out: list[dict[str, Any]] = []

    def add(target: str, measured: str, ok: bool | None) -> None:
        result = "n/a" if ok is None else ("PASS" if ok else "FAIL")
        out.append({"target": target, "measured": measured, "result": result})

    failed = [r for r in rows if r.get("failed") or r.get("error")]
    for r in failed:  # a scenario that failed decides no target
        add(f"{r['title']}: every response as expected", r.get("failed") or r["error"], False)
    rows = [r for r in rows if r not in failed]
    get32, floor32 = find(rows, "get_placement", 32), find(rows, "floor_pk", 32)
    if get32 and floor32 and floor32.get("rate"):
        ratio = get32["rate"] / floor32["rate"]
        add(
            "GET /v1/placements/{id} ≥ 0.5× the FastAPI PK floor's req/s (32 connections)",
            f"{get32['rate']:.0f} vs {floor32['rate']:.0f} req/s = {ratio:.2f}×",
            ratio >= 0.5,
        )
        add(
            "GET /v1/placements/{id} p99 < 50 ms at 32 connections",
            f"p99 {get32['p99_ms']:.1f} ms",
            get32["p99_ms"] < 50,
        )
    at = "at 10,000 placements" if placements == 10_000 else f"(run at {placements:,} placements)"
    for key, label in (
        ("tasks_contact_open", "GET /v1/tasks (contact person's open) first page"),
        ("tasks_service_overdue", "GET /v1/tasks (service's overdue) first page"),
    ):
        one, many = find(rows, key, 1), find(rows, key, 32)
        if one:
            extra = f"; at 32 connections p50 {many['p50_ms']:.1f} ms" if many else ""
            add(
                f"{label} < 20 ms median {at}, one client",
                f"p50 {one['p50_ms']:.1f} ms{extra}",
                one["p50_ms"] < 20 if placements == 10_000 else None,
            )
    one = find(rows, "oversight_compliance", 1)
    if one:
        add(
            f"GET /v1/oversight/compliance (one service, 12 months) < 200 ms median {at}, "
            "one client",
            f"p50 {one['p50_ms']:.1f} ms",
            one["p50_ms"] < 200 if placements == 10_000 else None,
        )
    one = find(rows, "oversight_all_services", 1)
    if one:
        add(
            "GET /v1/oversight/compliance (every service, 12 months) < 2 s median "
            "(the issue's target is at 100,000 placements)",
            f"p50 {one['p50_ms']:.1f} ms ({placements:,} placements)",
            one["p50_ms"] < 2000,
        )
    one = find(rows, "web_my_tasks", 1)
    if one:
        floor1 = find(rows, "floor_pk", 1)
        beside = f" (PK floor p50 {floor1['p50_ms']:.1f} ms)" if floor1 else ""
        add(
            f"Mine oppgaver (GET /app/) < 50 ms median {at}, one client",
            f"p50 {one['p50_ms']:.1f} ms{beside}",
            one["p50_ms"] < 50 if placements == 10_000 else None,
        )
        first = one.get("first_load")
        if first:
            kb = first["total_bytes"] / 1024
            add(
                "Mine oppgaver's first load (HTML + assets) < 200 KB, assets cached afterwards",
                f"{kb:.0f} KB ({first['html_bytes'] / 1024:.1f} KB HTML); assets immutable: "
                f"{'yes' if first['all_cached_afterwards'] else 'no'}",
                kb < 200 and first["all_cached_afterwards"],
            )
    one = find(rows, "create_placement", 1)
    if one:
        add(
            "POST /v1/placements median < 50 ms, one client",
            f"p50 {one['p50_ms']:.1f} ms",
            one["p50_ms"] < 50,
        )
    fill = find(rows, "document_fill")
    if fill and fill.get("ratio") is not None:
        add(
            "Document filling ≤ 1.5× the python-docx open-and-save floor (time)",
            f"{fill['mean_ms']:.1f} ms vs {fill['floor_mean_ms']:.1f} ms = {fill['ratio']:.2f}×",
            fill["ratio"] <= 1.5,
        )
    beside, alone = find(rows, "webhook_isolation"), find(rows, "webhook_floor")
    if beside and alone:
        add(
            "Webhooks: a healthy subscription's p99 delivery delay beside 5 hanging ones < 2 s",
            f"p99 {beside['p99_ms']:,.0f} ms (p50 {beside['p50_ms']:,.0f}); floor without "
            f"hanging receivers p99 {alone['p99_ms']:,.0f} ms (p50 {alone['p50_ms']:,.0f})",
            beside["p99_ms"] < 2000,
        )
    add(
        "No scenario's memory grows with the data set size",
        "compare two runs: bench/compare.py small.json large.json",
        None,
    )
    return out
