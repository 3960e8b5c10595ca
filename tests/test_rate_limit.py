"""Rate limits: each client has a request budget, and an address that keeps failing to
authenticate is slowed down; both answer 429 problem+json with Retry-After."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from app.auth import Role
from app.config import Settings
from app.ratelimit import SlidingWindowCounters
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
            # When the next request fits: at most two windows away (the counter's previous
            # window weighs in); the counters' own tests check the exact moment.
            assert 1 <= int(refused.headers["retry-after"]) <= 120
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


class Clock:
    def __init__(self, now: float = 6_000.0) -> None:  # the start of a 60-second window
        self.now = now

    def __call__(self) -> float:
        return self.now


class TestSlidingWindowCounters:
    """The in-process counters behind ``memory://``, on a clock the test moves."""

    def counters(self, limit: int = 10) -> tuple[SlidingWindowCounters, Clock]:
        clock = Clock()
        return SlidingWindowCounters(limit, 60, clock=clock), clock

    def test_a_key_gets_its_limit_per_window_and_other_keys_their_own(self) -> None:
        counts, _ = self.counters(limit=3)
        assert [counts.hit("a") for _ in range(4)] == [True, True, True, False]
        assert counts.hit("b")
        assert not counts.test("a")
        assert counts.test("b")

    def test_the_previous_window_counts_by_the_part_still_inside_the_sliding_window(
        self,
    ) -> None:
        counts, clock = self.counters(limit=10)
        assert all(counts.hit("a") for _ in range(10))
        clock.now += 60  # the next window starts: the previous one still weighs fully
        assert not counts.hit("a")
        clock.now += 30  # half of it is left: 5 of its 10 requests still count
        assert [counts.hit("a") for _ in range(6)] == [True] * 5 + [False]
        clock.now += 90  # two windows later nothing counts
        assert all(counts.hit("a") for _ in range(10))

    def test_test_counts_nothing(self) -> None:
        counts, _ = self.counters(limit=2)
        assert all(counts.test("a") for _ in range(5))
        assert [counts.hit("a") for _ in range(3)] == [True, True, False]

    @pytest.mark.parametrize(("hits_before", "offset"), [(10, 0.0), (4, 20.0), (10, 45.0)])
    def test_retry_after_is_exactly_when_the_next_request_fits(
        self, hits_before: int, offset: float
    ) -> None:
        counts, clock = self.counters(limit=10)
        clock.now += offset
        for _ in range(hits_before):
            counts.hit("a")
        clock.now += 60  # the next window: the previous one's weight runs out as it goes
        while counts.hit("a"):
            pass
        wait = counts.retry_after("a")
        assert wait > 0
        clock.now += wait - 0.01
        assert not counts.test("a")
        clock.now += 0.02
        assert counts.test("a")

    def test_retry_after_may_reach_into_the_next_window(self) -> None:
        counts, clock = self.counters(limit=4)
        assert all(
            counts.hit("a") for _ in range(4)
        )  # all in this window: none fits before it ends
        wait = counts.retry_after("a")
        assert wait > 60 - (clock.now % 60)
        clock.now += wait - 0.01
        assert not counts.test("a")
        clock.now += 0.02
        assert counts.test("a")

    def test_keys_unseen_for_two_windows_are_dropped(self) -> None:
        counts, clock = self.counters()
        for n in range(100):
            counts.hit(f"client-{n}")
        clock.now += 60
        counts.hit("client-0")
        assert len(counts) == 100  # the previous window still counts
        clock.now += 60
        counts.hit("client-0")
        assert len(counts) == 1
