"""The benchmark's own database: a PostgreSQL database created fresh (and dropped afterwards), or
a SQLite file in a temporary directory. Never the ``test`` database."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
BENCH_DB_NAME = "fosterflyt_bench"
PROTECTED = {"test", "postgres", "template0", "template1"}


@dataclass
class BenchDatabase:
    """One database for one benchmark run."""

    kind: str  # postgresql | sqlite
    url: str  # the FOSTERFLYT_DATABASE_URL handed to the service
    admin_url: str | None = None
    name: str | None = None
    directory: Path | None = None
    created: bool = field(default=False)

    @classmethod
    def postgresql(cls, admin_url: str, name: str = BENCH_DB_NAME) -> BenchDatabase:
        if name in PROTECTED:
            raise ValueError(f"refusing to use the database {name!r} for benchmarks")
        admin = make_url(admin_url).set(drivername="postgresql")
        url = admin.set(database=name).render_as_string(hide_password=False)
        return cls(
            kind="postgresql",
            url=url,
            admin_url=admin.render_as_string(hide_password=False),
            name=name,
        )

    @classmethod
    def sqlite(cls) -> BenchDatabase:
        directory = Path(tempfile.mkdtemp(prefix="fosterflyt-bench-"))
        return cls(kind="sqlite", url=f"sqlite:///{directory / 'bench.db'}", directory=directory)

    @property
    def sqlalchemy_url(self) -> str:
        """The URL with the driver the service uses (psycopg 3 for PostgreSQL)."""
        if self.kind == "postgresql":
            return self.url.replace("postgresql://", "postgresql+psycopg://", 1)
        return self.url

    def create(self) -> None:
        """Drop (if left over) and create the database, then apply the migrations with the
        product's own command, ``fosterflyt migrate``."""
        if self.kind == "postgresql":
            assert self.admin_url is not None
            assert self.name is not None
            with psycopg.connect(self.admin_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
                conn.execute(f'CREATE DATABASE "{self.name}"')
        self.created = True
        env = {**os.environ, "FOSTERFLYT_DATABASE_URL": self.url}
        fosterflyt = Path(sys.executable).with_name("fosterflyt")
        subprocess.run(  # noqa: S603  (fixed arguments, no shell)
            [str(fosterflyt), "migrate"], cwd=ROOT, env=env, check=True, capture_output=True
        )

    def exists(self) -> bool:
        if self.kind != "postgresql":
            return False
        assert self.admin_url is not None
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            row = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (self.name,))
            return row.fetchone() is not None

    def size_bytes(self) -> int:
        if self.kind == "postgresql":
            assert self.admin_url is not None
            with psycopg.connect(self.admin_url, autocommit=True) as conn:
                row = conn.execute("SELECT pg_database_size(%s)", (self.name,)).fetchone()
                return int(row[0]) if row else 0
        assert self.directory is not None
        return sum(p.stat().st_size for p in self.directory.iterdir() if p.is_file())

    def drop(self) -> None:
        if not self.created:
            return
        if self.kind == "postgresql":
            assert self.admin_url is not None
            assert self.name is not None
            with psycopg.connect(self.admin_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        elif self.directory is not None:
            shutil.rmtree(self.directory, ignore_errors=True)
        self.created = False
