"""Regenerate the Python client from the app's OpenAPI document.

Run from the repository root as ``scripts/generate_client`` (or ``.venv/bin/python
scripts/generate_client.py``). It builds the app without a server (``create_app().openapi()``),
writes the document to ``clients/openapi.json`` and generates ``clients/python/fosterflyt-client/``
(package ``fosterflyt_client``) with openapi-python-client and ``clients/config.yaml``. Running it
twice gives the same bytes. ``--check`` writes nothing and exits 1 when the committed files differ
from what the current app would generate (the test suite runs the same check).

Never edit the generated code by hand: change the app's OpenAPI (operation ids, response models,
``responses=``) or the generator's config instead.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CLIENTS = ROOT / "clients"
SPEC = CLIENTS / "openapi.json"
CONFIG = CLIENTS / "config.yaml"
PROJECT = CLIENTS / "python" / "fosterflyt-client"
# Left behind by installs and tools; never part of the generated client.
IGNORED = ("__pycache__", ".ruff_cache", ".mypy_cache", "build", "dist")


def openapi_document() -> dict[str, Any]:
    """The OpenAPI document exactly as the running app serves it at ``/openapi.json``."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from app.config import Settings
    from app.main import create_app

    # An in-memory database URL: the engine is created but never connected.
    return create_app(Settings(database_url="sqlite://")).openapi()


def render_document(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def generate(spec_text: str, out_dir: Path) -> Path:
    """Write ``openapi.json`` and the generated project into the empty ``out_dir``; return the
    project's directory."""
    spec = out_dir / "openapi.json"
    spec.write_text(spec_text, encoding="utf-8")
    project = out_dir / "python" / PROJECT.name
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(  # noqa: S603 (a fixed command with our own paths)
        [
            str(bin_dir / "openapi-python-client"),
            "generate",
            "--path",
            str(spec),
            "--config",
            str(CONFIG),
            "--meta",
            "setup",
            "--output-path",
            str(project),
            "--fail-on-warning",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(
            "openapi-python-client failed: fix the app's OpenAPI (or clients/config.yaml), never "
            f"the generated code.\n{result.stdout}\n{result.stderr}"
        )
    _require_service_httpx(project / "setup.py")
    return project


def service_httpx_requirement() -> str:
    """The service's own ``httpx`` requirement (pyproject.toml), with a ``<1`` ceiling."""
    with (ROOT / "pyproject.toml").open("rb") as file:
        dependencies = tomllib.load(file)["project"]["dependencies"]
    floor = next(d for d in dependencies if re.fullmatch(r"httpx\s*>=\s*[\d.]+", d))
    return f"httpx {floor.removeprefix('httpx').strip()}, < 1"


def _require_service_httpx(setup_py: Path) -> None:
    """The generator pins ``httpx < 0.29``: an application that has the service's (newer)
    httpx could not install the client beside it. The client needs what the service needs."""
    text = setup_py.read_text(encoding="utf-8")
    pinned, count = re.subn(r'"httpx [^"]*"', f'"{service_httpx_requirement()}"', text)
    if count != 1:
        raise RuntimeError(f"{setup_py.name}: expected one httpx requirement, found {count}")
    setup_py.write_text(pinned, encoding="utf-8")


def _files(root: Path) -> dict[str, Path]:
    return {
        str(path.relative_to(root)): path
        for path in sorted(root.rglob("*"))
        if path.is_file()
        and not any(
            part in IGNORED or part.endswith(".egg-info") for part in path.relative_to(root).parts
        )
    }


def differences(expected: Path, actual: Path) -> list[str]:
    """Files that are missing, extra or different in ``actual`` compared with ``expected``."""
    want, have = _files(expected), _files(actual)
    diff = [f"missing: {name}" for name in sorted(want.keys() - have.keys())]
    diff += [f"not generated: {name}" for name in sorted(have.keys() - want.keys())]
    diff += [
        f"differs: {name}"
        for name in sorted(want.keys() & have.keys())
        if not filecmp.cmp(want[name], have[name], shallow=False)
    ]
    return diff


def check() -> list[str]:
    """What is out of date in the committed client (empty when it is up to date)."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp)
        generate(render_document(openapi_document()), fresh)
        diff = [] if SPEC.exists() else ["missing: openapi.json"]
        if SPEC.exists() and SPEC.read_bytes() != (fresh / "openapi.json").read_bytes():
            diff.append("differs: openapi.json")
        where = PROJECT.relative_to(ROOT)
        generated = differences(fresh / "python" / PROJECT.name, PROJECT)
        diff += [f"{line} (in {where})" for line in generated]
        return diff


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="only report whether the client is up to date"
    )
    args = parser.parse_args()
    if args.check:
        diff = check()
        for line in diff:
            print(line)
        if diff:
            print("The generated client is out of date: run scripts/generate_client")
            return 1
        print("The generated client is up to date.")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        # Generated aside and then swapped in, so a failure leaves the committed client alone.
        fresh = generate(render_document(openapi_document()), Path(tmp))
        shutil.copyfile(Path(tmp) / "openapi.json", SPEC)
        if PROJECT.exists():
            shutil.rmtree(PROJECT)
        shutil.copytree(fresh, PROJECT)
    print(f"Wrote {SPEC.relative_to(ROOT)} and {PROJECT.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
