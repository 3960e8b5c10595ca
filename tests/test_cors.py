"""CORS is closed by default: journal systems call server to server. A deployment can name the
browser origins it allows."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from tests.conftest import LiveServer

PREFLIGHT = {
    "Access-Control-Request-Method": "GET",
    "Access-Control-Request-Headers": "authorization",
}


def test_no_origin_is_allowed_by_default(http: httpx.Client) -> None:
    origin = {"Origin": "https://evil.example"}
    preflight = http.options("/v1/placements", headers={**origin, **PREFLIGHT})
    assert "access-control-allow-origin" not in preflight.headers
    response = http.get("/healthz", headers=origin)
    assert "access-control-allow-origin" not in response.headers


def test_a_configured_origin_is_allowed_and_others_are_not(
    server_with: Callable[..., LiveServer],
) -> None:
    server = server_with(cors_origins="https://fagsystem.kommune.no")
    with httpx.Client(base_url=server.url) as c:
        allowed = c.options(
            "/v1/placements", headers={"Origin": "https://fagsystem.kommune.no", **PREFLIGHT}
        )
        assert allowed.status_code == 200
        assert allowed.headers["access-control-allow-origin"] == "https://fagsystem.kommune.no"
        assert "access-control-allow-credentials" not in allowed.headers
        refused = c.options(
            "/v1/placements", headers={"Origin": "https://evil.example", **PREFLIGHT}
        )
        assert "access-control-allow-origin" not in refused.headers
