"""Rate limits: each client has a request budget, and an address that keeps failing to
authenticate is slowed down; both answer 429 problem+json with Retry-After."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from app.auth import Role
from app.config import Settings
from tests.conftest import LiveServer
from tests.helpers import Api, problem, token


def client(server: LiveServer, bearer: str | None) -> httpx.Client:
    headers = {"Authorization": f"Bearer {bearer}"} if bearer else {}
    return httpx.Client(base_url=server.url, headers=headers, timeout=10)


class TestRequestBudget:
    def test_a_client_over_its_budget_gets_429_with_retry_after(
        self, api: Api, server_with: Callable[..., LiveServer]
    ) -> None:
        service_id = api.tenant().service_id
        server = server_with(rate_limit="3/minute")
        first = token(Role.LEADER, services=[service_id], subject="fagsystem-a")
        other = token(Role.LEADER, services=[service_id], subject="fagsystem-b")
        with client(server, first) as a, client(server, other) as b:
            assert [a.get("/v1/placements").status_code for _ in range(3)] == [200] * 3
            refused = a.get("/v1/placements")
            body = problem(refused, 429, "rate-limited")
            assert 1 <= int(refused.headers["retry-after"]) <= 60
            assert "3 per 1 minute" in body["detail"]
            # Another client has its own budget.
            assert b.get("/v1/placements").status_code == 200

    def test_the_budget_belongs_to_the_client_not_to_the_token(
        self, api: Api, server_with: Callable[..., LiveServer]
    ) -> None:
        service_id = api.tenant().service_id
        server = server_with(rate_limit="2/minute")
        tokens = [token(Role.LEADER, services=[service_id], subject="same") for _ in range(3)]
        statuses = []
        for bearer in tokens:
            with client(server, bearer) as c:
                statuses.append(c.get("/v1/placements").status_code)
        assert statuses == [200, 200, 429]


class TestFailedAuthentication:
    def test_an_address_that_keeps_failing_is_refused_before_authentication(
        self, api: Api, server_with: Callable[..., LiveServer]
    ) -> None:
        service_id = api.tenant().service_id
        server = server_with(auth_failure_limit="2/minute")
        with client(server, "not-a-token") as bad, client(server, None) as anonymous:
            problem(bad.get("/v1/placements"), 401, "unauthenticated")
            problem(anonymous.get("/v1/placements"), 401, "unauthenticated")
            refused = bad.get("/v1/placements")
            problem(refused, 429, "rate-limited")
            assert int(refused.headers["retry-after"]) >= 1
        good = token(Role.LEADER, services=[service_id])
        with client(server, good) as c:
            # The address is throttled as a whole until the window passes.
            problem(c.get("/v1/placements"), 429, "rate-limited")

    def test_successful_requests_do_not_spend_the_failure_budget(
        self, api: Api, server_with: Callable[..., LiveServer]
    ) -> None:
        service_id = api.tenant().service_id
        server = server_with(auth_failure_limit="2/minute")
        with client(server, token(Role.LEADER, services=[service_id])) as c:
            assert {c.get("/v1/placements").status_code for _ in range(5)} == {200}


class TestConfiguration:
    @pytest.mark.parametrize("value", ["lots", "10 per fortnight", ""])
    def test_a_malformed_limit_stops_start_up(self, value: str) -> None:
        with pytest.raises(ValueError, match="1200/minute"):
            Settings(rate_limit=value)

    def test_429_and_retry_after_are_in_the_openapi_document(self, http: httpx.Client) -> None:
        operation = http.get("/openapi.json").json()["paths"]["/v1/placements"]["get"]
        response = operation["responses"]["429"]
        assert "Retry-After" in response["headers"]
        assert "rate-limited" in response["description"]
