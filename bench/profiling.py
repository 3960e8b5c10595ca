"""Optional sampling profiles of the server while a scenario runs (``run.py --profile DIR``):
py-spy records the server process during the 32-connection period and writes collapsed stacks
(``<scenario>.folded``, flame-graph input) and a summary of where the time goes
(``<scenario>.txt``). Install py-spy first: ``.venv/bin/pip install py-spy``. Profiled runs are
slower; their figures are marked as such."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path


def available() -> str | None:
    return shutil.which("py-spy") or (
        str(Path(sys.executable).with_name("py-spy"))
        if Path(sys.executable).with_name("py-spy").exists()
        else None
    )


class Recorder:
    def __init__(self, directory: Path, name: str, pid: int, seconds: float) -> None:
        binary = available()
        if binary is None:
            raise RuntimeError("py-spy is not installed: .venv/bin/pip install py-spy")
        directory.mkdir(parents=True, exist_ok=True)
        self.folded = directory / f"{name}.folded"
        self.summary = directory / f"{name}.txt"
        self.process = subprocess.Popen(  # noqa: S603  (fixed arguments, no shell)
            [
                binary,
                "record",
                "--pid",
                str(pid),
                "--duration",
                str(max(1, round(seconds))),
                "--rate",
                "250",
                "--format",
                "raw",
                "--nonblocking",
                "--gil",  # only the thread holding the GIL: where the server's one core goes
                "--output",
                str(self.folded),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def finish(self) -> None:
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)
        if self.folded.exists():
            self.summary.write_text(summarise(self.folded))


def _frame(frame: str) -> str:
    # "function (path/to/file.py:123)" -> "function (file.py)"
    name, _, where = frame.partition(" (")
    path = where.rstrip(")").rsplit(":", 1)[0]
    parts = Path(path).parts
    short = "/".join(parts[-2:]) if parts else path
    return f"{name} ({short})"


def summarise(folded: Path, top: int = 45) -> str:
    """Inclusive and self time by frame (py-spy leaves idle threads out by default)."""
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = 0
    for line in folded.read_text().splitlines():
        stack, _, count_text = line.rpartition(" ")
        frames = [_frame(f) for f in stack.split(";") if f]
        if not count_text.isdigit() or not frames:
            continue
        count = int(count_text)
        total += count
        for frame in set(frames):
            inclusive[frame] += count
        own[frames[-1]] += count
    if not total:
        return "no samples\n"
    lines = [f"{total} samples", "", "inclusive %  frame"]
    lines += [f"{100 * n / total:9.1f}   {f}" for f, n in inclusive.most_common(top)]
    lines += ["", "self %  frame"]
    lines += [f"{100 * n / total:6.1f}   {f}" for f, n in own.most_common(top)]
    return "\n".join(lines) + "\n"
