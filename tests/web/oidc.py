"""A real OpenID Connect provider for the login tests: node's ``oidc-provider`` (tools/oidc/,
installed by ``.ci/run`` with ``npm ci``), started on a free port for the test session and
stopped after it.

Its accounts: kari@test.example and lise@test.example (staff in ``make_case``'s service) and
ukjent@test.example (known to the provider, not to Fosterflyt). Any password signs in. The
tests skip when node or the package is missing, except with ``FOSTERFLYT_REQUIRE_BROWSER=1``
(the PostgreSQL leg of CI), where they fail.

``sign_in_at_provider`` walks the provider's own login and consent pages over HTTP, as a
browser would, and returns the address it sends the person back to."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit

import httpx
import pytest

from tests.conftest import LiveServer

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "oidc"
CLIENT_ID = "fosterflyt"
CLIENT_SECRET = "test-client-secret"
PUBLIC_CLIENT_ID = "fosterflyt-public"
PRODUCTION_BASE_URL = "https://fosterflyt.kommune.example"


class OidcProvider:
    def __init__(self, issuer: str) -> None:
        self.issuer = issuer

    def settings(self, *, public: bool = False) -> dict[str, Any]:
        """The FOSTERFLYT_OIDC_* settings of a server that signs in with this provider."""
        if public:
            return {"oidc_issuer": self.issuer, "oidc_client_id": PUBLIC_CLIENT_ID}
        return {
            "oidc_issuer": self.issuer,
            "oidc_client_id": CLIENT_ID,
            "oidc_client_secret": CLIENT_SECRET,
        }


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OidcProvider]:
    required = os.environ.get("FOSTERFLYT_REQUIRE_BROWSER") == "1"
    node = shutil.which("node")
    missing = (
        "node is not installed"
        if node is None
        else "tools/oidc is not installed (cd tools/oidc && npm ci)"
        if not (TOOL / "node_modules" / "oidc-provider").is_dir()
        else None
    )
    if missing:
        if required:
            pytest.fail(missing)
        pytest.skip(missing)
    assert node is not None
    port = _free_port()
    # Its output goes to a file: a pipe nobody reads would stall it once full.
    log_path = tmp_path_factory.mktemp("oidc") / "provider.log"
    log = log_path.open("w")
    process = subprocess.Popen(
        [node, "server.mjs"],
        cwd=TOOL,
        env={**os.environ, "PORT": str(port), "PRODUCTION_BASE_URL": PRODUCTION_BASE_URL},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    issuer = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, log_path.read_text()
            try:
                if httpx.get(issuer + "/.well-known/openid-configuration", timeout=2).is_success:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the OIDC provider did not start"
            time.sleep(0.1)
        yield OidcProvider(issuer)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture
def oidc_server(oidc_provider: OidcProvider, server_with: Callable[..., LiveServer]) -> LiveServer:
    """A development server that offers the provider beside the development login."""
    return server_with(**oidc_provider.settings())


def _form(html: str) -> tuple[str, dict[str, str]]:
    action = re.search(r'<form[^>]*action="([^"]+)"', html)
    assert action, html
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
    return unescape(action.group(1)), fields


def sign_in_at_provider(
    authorize_url: str, login: str, *, back_to: str, idp: httpx.Client | None = None
) -> str:
    """Follow ``authorize_url`` through the provider's login (as ``login``) and consent pages
    until it sends the browser to an address starting with ``back_to``; return that address.
    Pass ``idp`` to keep the provider's cookies (its session) between calls."""
    own = idp is None
    client = idp or httpx.Client(timeout=10, follow_redirects=False)
    try:
        url = authorize_url
        for _ in range(20):
            if url.startswith(back_to):
                return url
            response = client.get(url)
            if response.is_redirect:
                url = urljoin(url, response.headers["location"])
                continue
            assert response.status_code == 200, response.text
            action, fields = _form(response.text)
            if 'name="login"' in response.text:
                fields.update(login=login, password="any")
            response = client.post(urljoin(url, action), data=fields)
            assert response.is_redirect, response.text
            url = urljoin(url, response.headers["location"])
        raise AssertionError(f"the provider never sent the browser back to {back_to}")
    finally:
        if own:
            client.close()


def query_of(url: str) -> dict[str, str]:
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}
