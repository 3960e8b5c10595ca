"""The load generator: asyncio on uvloop, one keep-alive HTTP/1.1 connection per worker, every
request bounded by a deadline and by the number of prepared requests, 127.0.0.1 only.

Two clients speak to the server:

* ``raw`` (the default): pre-encoded requests written to an asyncio stream, responses read by
  their ``Content-Length`` (or chunked). It costs a few microseconds of CPU per request, so it is
  never what limits a run; the report shows its CPU use in each scenario.
* ``httpx``: one ``httpx.AsyncClient`` per worker. Measured on this machine it tops out far below
  the bare Starlette floor (see docs/benchmarks.md), so it would measure itself; it is kept for
  comparison (``--driver httpx``) and is what checks every scenario's responses before it runs.
"""

from __future__ import annotations

import asyncio
import gc
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import httpx
import uvloop

HOST = "127.0.0.1"


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""

    def encode(self, port: int) -> bytes:
        lines = [f"{self.method} {self.path} HTTP/1.1", f"Host: {HOST}:{port}"]
        lines += [f"{k}: {v}" for k, v in self.headers]
        if self.body or self.method in ("POST", "PUT", "PATCH"):
            lines.append(f"Content-Length: {len(self.body)}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + self.body


@dataclass
class Result:
    """One bounded run at one concurrency."""

    concurrency: int
    seconds: float
    latencies_ms: list[float]
    statuses: dict[int, int]
    errors: int
    exhausted: bool  # stopped because the prepared requests ran out, before the deadline
    driver_cpu: float  # the driver's CPU time / wall time (1.0 = one core busy)
    samples: list[float] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.latencies_ms)

    @property
    def rate(self) -> float:
        return self.count / self.seconds if self.seconds else 0.0

    def percentile(self, q: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        index = min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))
        return ordered[index]


class Source(Protocol):
    def __call__(self) -> Request | None: ...


class _Connection:
    """One keep-alive connection speaking pre-encoded HTTP/1.1."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, raw: bytes) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
        assert self.reader is not None
        self.writer.write(raw)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        lower = head.lower()
        i = lower.find(b"\r\ncontent-length:")
        if i >= 0:
            length = int(lower[i + 17 : lower.index(b"\r\n", i + 2)])
            if length:
                await self.reader.readexactly(length)
        elif b"\r\ntransfer-encoding: chunked" in lower:
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        if b"\r\nconnection: close" in lower:
            self.close()
        return status

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def _run_raw(
    port: int,
    source: Source,
    concurrency: int,
    deadline: float,
    latencies: list[float],
    statuses: dict[int, int],
    errors: list[int],
    exhausted: list[bool],
) -> None:
    async def worker() -> None:
        conn = _Connection(port)
        try:
            while time.perf_counter() < deadline:
                request = source()
                if request is None:
                    exhausted[0] = True
                    return
                raw = request.encode(port)
                started = time.perf_counter()
                try:
                    status = await conn.request(raw)
                except (
                    OSError,
                    asyncio.IncompleteReadError,
                    asyncio.LimitOverrunError,
                    ValueError,
                ):
                    errors[0] += 1
                    conn.close()
                    continue
                latencies.append((time.perf_counter() - started) * 1000)
                statuses[status] = statuses.get(status, 0) + 1
        finally:
            conn.close()

    await asyncio.gather(*(worker() for _ in range(concurrency)))


async def _run_httpx(
    port: int,
    source: Source,
    concurrency: int,
    deadline: float,
    latencies: list[float],
    statuses: dict[int, int],
    errors: list[int],
    exhausted: list[bool],
) -> None:
    async def worker() -> None:
        limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
        async with httpx.AsyncClient(
            base_url=f"http://{HOST}:{port}", limits=limits, timeout=60
        ) as client:
            while time.perf_counter() < deadline:
                request = source()
                if request is None:
                    exhausted[0] = True
                    return
                started = time.perf_counter()
                try:
                    response = await client.request(
                        request.method,
                        request.path,
                        headers=dict(request.headers),
                        content=request.body or None,
                    )
                except httpx.HTTPError:
                    errors[0] += 1
                    continue
                latencies.append((time.perf_counter() - started) * 1000)
                code = response.status_code
                statuses[code] = statuses.get(code, 0) + 1

    await asyncio.gather(*(worker() for _ in range(concurrency)))


def run(
    port: int,
    source: Source,
    *,
    concurrency: int,
    seconds: float,
    warmup: float = 0.0,
    client: str = "raw",
    sampler: Callable[[], float] | None = None,
) -> Result:
    """Drive ``port`` from ``concurrency`` connections for ``seconds`` (after ``warmup`` seconds
    whose results are dropped), or until ``source`` runs out."""
    runner = _run_raw if client == "raw" else _run_httpx
    if warmup > 0:
        _bounded(runner, port, source, concurrency, warmup)
    gc.collect()
    gc.freeze()  # the prepared requests and the data set stay out of the collector's way
    try:
        return _bounded(runner, port, source, concurrency, seconds, sampler)
    finally:
        gc.unfreeze()


def _bounded(
    runner: Any,
    port: int,
    source: Source,
    concurrency: int,
    seconds: float,
    sampler: Callable[[], float] | None = None,
) -> Result:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    errors = [0]
    exhausted = [False]
    samples: list[float] = []

    async def main() -> float:
        started = time.perf_counter()
        deadline = started + seconds
        stop = asyncio.Event()

        async def sample() -> None:
            while not stop.is_set() and sampler is not None:
                samples.append(sampler())
                await asyncio.sleep(0.05)

        task = asyncio.ensure_future(sample())
        try:  # a request still unanswered 30 s after the deadline counts as an error
            await asyncio.wait_for(
                runner(port, source, concurrency, deadline, latencies, statuses, errors, exhausted),
                timeout=seconds + 30,
            )
        except TimeoutError:
            errors[0] += 1
        elapsed = time.perf_counter() - started
        stop.set()
        await task
        return elapsed

    cpu = time.process_time()
    elapsed = uvloop.run(main())
    cpu = time.process_time() - cpu
    return Result(
        concurrency=concurrency,
        seconds=elapsed,
        latencies_ms=latencies,
        statuses=statuses,
        errors=errors[0],
        exhausted=exhausted[0],
        driver_cpu=cpu / elapsed if elapsed else 0.0,
        samples=samples,
    )


def pin_to(cpu: int) -> bool:
    """Pin this process (the driver) to one CPU; False where that is not possible."""
    try:
        os.sched_setaffinity(0, {cpu})
    except (AttributeError, OSError):
        return False
    return True


class Cycle:
    """Requests drawn in turn from a prepared list, at most ``limit`` in all."""

    def __init__(self, requests: Sequence[Request], limit: int | None = None) -> None:
        self.requests = requests
        self.index = 0
        self.limit = limit if limit is not None else 10_000_000

    def __call__(self) -> Request | None:
        if self.index >= self.limit or not self.requests:
            return None
        request = self.requests[self.index % len(self.requests)]
        self.index += 1
        return request


class Once:
    """Each prepared request at most once (writes that consume their input)."""

    def __init__(self, requests: Sequence[Request]) -> None:
        self.requests = requests
        self.index = 0

    def __call__(self) -> Request | None:
        if self.index >= len(self.requests):
            return None
        request = self.requests[self.index]
        self.index += 1
        return request

    @property
    def left(self) -> int:
        return len(self.requests) - self.index
