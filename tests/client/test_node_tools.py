"""Issue #18 item 6: the document passes Redocly's recommended lint, and a client generated for
another language compiles: TypeScript from ``@hey-api/openapi-ts``, checked with ``tsc``.

The node tools come from ``tools/node/`` (``npm ci``, run by ``.ci/run``). Like the other slow
tools these tests run in the PostgreSQL leg only (``FOSTERFLYT_TEST_DATABASE_URL`` set); there a
missing install is a skip, or a failure with ``FOSTERFLYT_REQUIRE_NODE_TOOLS=1`` (as in CI).
The generated TypeScript is written to a temporary directory, never committed.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
NODE_TOOLS = ROOT / "tools" / "node"
BIN = NODE_TOOLS / "node_modules" / ".bin"
# No telemetry or update checks: the tests talk to nothing but this machine.
QUIET = {"REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true", "CI": "true"}

# Redocly's recommended warnings that stay, with the reason. Anything else fails the test.
ACCEPTED_WARNINGS = {
    ("info-license", "#/info"): "the project has not chosen a licence yet",
    ("operation-4xx-response", "#/paths/~1healthz/get/responses"): "a probe answers 200 only",
    ("operation-4xx-response", "#/paths/~1readyz/get/responses"): "a probe answers 200 or 503",
}

# Uses the generated types the way an integrator would: narrowing a feed item by its type gives
# that type's data, and an operation's function takes the documented headers.
USAGE = """
import type { EventRead } from './types.gen';
import { createWebhookSubscription, listEvents } from './sdk.gen';

export function dueDate(event: EventRead): string | undefined {
  if (event.type === 'task.due_soon' || event.type === 'task.overdue') {
    return event.data.due_date;
  }
  if (event.type === 'placement.ended') {
    return event.data.end_date;
  }
  return undefined;
}

export async function firstPage(): Promise<number> {
  const page = await listEvents({ query: { limit: 10, type: ['task.overdue'] } });
  await createWebhookSubscription({
    body: { url: 'https://journal.example.no/hooks' },
    headers: { 'Idempotency-Key': 'a1b2', 'X-On-Behalf-Of': 'saksbehandler-4711' },
  });
  return page.data?.items.length ?? 0;
}
"""

TSCONFIG = {
    "compilerOptions": {
        "target": "ES2022",
        "module": "ESNext",
        "moduleResolution": "Bundler",
        "lib": ["ES2022", "DOM", "DOM.Iterable"],
        "strict": True,
        "noEmit": True,
        "types": [],
    },
    "include": ["src/**/*.ts"],
}


@pytest.fixture(scope="module")
def node_tools() -> Path:
    if not os.environ.get("FOSTERFLYT_TEST_DATABASE_URL"):
        pytest.skip("node tools run in the PostgreSQL leg only (decisions.md 11)")
    missing = [t for t in ("redocly", "openapi-ts", "tsc") if not (BIN / t).exists()]
    if missing:
        if os.environ.get("FOSTERFLYT_REQUIRE_NODE_TOOLS") == "1":
            pytest.fail(f"run `npm ci` in tools/node: {missing} missing")
        pytest.skip(f"the node tools are not installed (npm ci in tools/node): {missing}")
    return BIN


@pytest.fixture
def document_file(http: httpx.Client, tmp_path: Path) -> Path:
    path = tmp_path / "openapi.json"
    path.write_text(http.get("/openapi.json").text, encoding="utf-8")
    return path


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        cwd=cwd,
        env={**os.environ, **QUIET},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


class TestOtherLanguagesToolsAcceptTheDocument:
    def test_the_document_passes_redoclys_recommended_lint(
        self, node_tools: Path, document_file: Path
    ) -> None:
        result = run(
            [
                str(node_tools / "redocly"),
                "lint",
                *("--extends", "recommended", "--format", "json"),
                str(document_file),
            ],
            NODE_TOOLS,
        )
        report: dict[str, Any] = json.loads(result.stdout)
        problems = [
            (p["ruleId"], p["severity"], p["location"][0].get("pointer", ""), p["message"])
            for p in report["problems"]
        ]
        unexpected = [
            p for p in problems if p[1] == "error" or (p[0], p[2]) not in ACCEPTED_WARNINGS
        ]
        assert unexpected == [], (
            "Redocly's recommended rules (https://redocly.com/docs/cli/rules/recommended) "
            f"found these; fix the document (app/docs/ or the route): {unexpected}"
        )
        assert result.returncode == 0, result.stderr

    def test_a_typescript_client_generated_from_it_compiles(
        self, node_tools: Path, document_file: Path, tmp_path: Path
    ) -> None:
        project = tmp_path / "ts-client"
        source = project / "src"
        generated = run(
            [str(node_tools / "openapi-ts"), "-i", str(document_file), "-o", str(source)],
            NODE_TOOLS,
        )
        assert generated.returncode == 0, generated.stdout + generated.stderr
        (source / "usage.ts").write_text(USAGE, encoding="utf-8")
        (project / "tsconfig.json").write_text(json.dumps(TSCONFIG), encoding="utf-8")
        compiled = run([str(node_tools / "tsc"), "-p", str(project)], project)
        assert compiled.returncode == 0, compiled.stdout + compiled.stderr
