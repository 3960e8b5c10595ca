"""Issue #18 item 6: the generated client pinned ``httpx < 0.29``, below what the service itself
needs, so an application with the service's httpx could not install the client beside it."""

from __future__ import annotations

import ast
import tomllib
from importlib.metadata import version
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent.parent
SETUP = ROOT / "clients" / "python" / "fosterflyt-client" / "setup.py"


def client_requirements() -> dict[str, Requirement]:
    tree = ast.parse(SETUP.read_text(encoding="utf-8"))
    call = next(
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "setup"
    )
    listed = next(k.value for k in call.keywords if k.arg == "install_requires")
    assert isinstance(listed, ast.List)
    requirements = [Requirement(ast.literal_eval(e)) for e in listed.elts]
    return {r.name: r for r in requirements}


def test_the_client_accepts_the_httpx_the_service_runs_with() -> None:
    httpx = client_requirements()["httpx"]
    assert httpx.specifier.contains(version("httpx")), httpx


def test_the_client_needs_no_older_httpx_than_the_service_allows() -> None:
    with (ROOT / "pyproject.toml").open("rb") as file:
        service = {
            r.name: r for r in map(Requirement, tomllib.load(file)["project"]["dependencies"])
        }["httpx"]
    client = client_requirements()["httpx"]
    floors = {s.version for s in service.specifier if s.operator == ">="}
    assert floors <= {s.version for s in client.specifier if s.operator == ">="}
    assert not [s for s in client.specifier if s.operator == "<" and s.version.startswith("0.")]
