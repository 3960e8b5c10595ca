"""How cost grows with the data: compare two ``bench/run.py --json`` results, e.g. 10,000 and
100,000 placements.

    .venv/bin/python bench/compare.py small.json large.json

Prints, for each scenario and concurrency, requests/s, p50 and peak RSS side by side with the
large/small ratio and each run's ratio to its own floor (steadier across runs than raw
figures), then the issue's growth targets: ``GET /v1/tasks`` median at the large size at most
1.5× the small one, and no scenario's peak memory growing with the data (here: within 10 % or
10 MB, whichever is larger).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

RSS_TOLERANCE = 0.10
RSS_SLACK_MB = 10.0


def _runs(path: Path) -> dict[str, dict[str, Any]]:
    data = json.loads(path.read_text())
    return {run["db"]: run for run in data["runs"]}


def _rows(run: dict[str, Any]) -> dict[tuple[str, int | None], dict[str, Any]]:
    return {(r["key"], r.get("concurrency")): r for r in run.get("rows", []) if "rate" in r}


def _mb(row: dict[str, Any]) -> str:
    return f"{row['peak_rss_mb']:.0f}" if row.get("peak_rss_mb") else "–"


def _ratio(row: dict[str, Any]) -> str:
    """The scenario against its floor in the same run: steadier than raw figures on a machine
    whose speed drifts between runs."""
    return f"{row['ratio']:.2f}" if row.get("ratio") is not None else ""


def compare(small: dict[str, Any], large: dict[str, Any]) -> tuple[str, list[dict[str, str]]]:
    lines = [
        f"{small['placements']:,} → {large['placements']:,} placements ({small['db']})",
        "",
        "| scenario | conc | req/s small | req/s large | × | p50 small | p50 large | × "
        "| RSS small MB | RSS large MB | × | ratio to floor small | large |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    a, b = _rows(small), _rows(large)
    targets: list[dict[str, str]] = []
    grown: list[str] = []
    for key, row in a.items():
        other = b.get(key)
        if other is None:
            continue

        def ratio(name: str, x: dict[str, Any] = row, y: dict[str, Any] = other) -> str:
            if x.get(name) and y.get(name):
                return f"{y[name] / x[name]:.2f}"
            return "–"

        lines.append(
            f"| {row['title']} | {key[1] or ''} | {row['rate']:.1f} | {other['rate']:.1f} "
            f"| {ratio('rate')} | {row['p50_ms']:.2f} | {other['p50_ms']:.2f} | {ratio('p50_ms')} "
            f"| {_mb(row)} | {_mb(other)} | {ratio('peak_rss_mb')} "
            f"| {_ratio(row)} | {_ratio(other)} |"
        )
        if row.get("peak_rss_mb") and other.get("peak_rss_mb") and key[1] == 32:
            allowed = max(row["peak_rss_mb"] * RSS_TOLERANCE, RSS_SLACK_MB)
            if other["peak_rss_mb"] - row["peak_rss_mb"] > allowed:
                grown.append(
                    f"{row['title']} {row['peak_rss_mb']:.0f}→{other['peak_rss_mb']:.0f} MB"
                )
    for key in ("tasks_contact_open", "tasks_service_overdue"):
        x, y = a.get((key, 1)), b.get((key, 1))
        if x and y:
            factor = y["p50_ms"] / x["p50_ms"]
            targets.append(
                {
                    "target": f"{x['title']} median at {large['placements']:,} ≤ 1.5× at "
                    f"{small['placements']:,} (one client)",
                    "measured": f"{x['p50_ms']:.1f} → {y['p50_ms']:.1f} ms = {factor:.2f}×",
                    "result": "PASS" if factor <= 1.5 else "FAIL",
                }
            )
    targets.append(
        {
            "target": "No scenario's peak RSS grows with the data set size "
            f"(> {RSS_TOLERANCE:.0%} or {RSS_SLACK_MB:.0f} MB)",
            "measured": "; ".join(grown) if grown else "all within tolerance",
            "result": "FAIL" if grown else "PASS",
        }
    )
    lines += ["", "| target | measured | result |", "|---|---|---|"]
    lines += [f"| {t['target']} | {t['measured']} | {t['result']} |" for t in targets]
    return "\n".join(lines), targets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("small", type=Path)
    parser.add_argument("large", type=Path)
    args = parser.parse_args(argv)
    small, large = _runs(args.small), _runs(args.large)
    failed = False
    for db, run in small.items():
        if db not in large:
            continue
        text, targets = compare(run, large[db])
        print(text, end="\n\n")
        failed = failed or any(t["result"] == "FAIL" for t in targets)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
