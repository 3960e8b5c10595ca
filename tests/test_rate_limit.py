"""Rate limits: each client has a request budget, and an address that keeps failing to
authenticate is slowed down; both answer 429 problem+json with Retry-After."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from app import ratelimit
from app.config import Settings
from app.principal import Role
from app.ratelimit import SlidingWindowCounters
from tests.conftest import LiveServer
from tests.helpers import Api, ok, problem, token


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


class TestRateLimitHeaders:
    """Issue #18 item 9: every response says what the client's budget is and what is left of
    it (draft-ietf-httpapi-ratelimit-headers), so a journal system can pace itself."""

    def test_every_response_carries_the_policy_and_what_remains(
        self, api: Api, server_with: Callable[..., LiveServer]
    ) -> None:
        service_id = api.tenant().service_id
        server = server_with(rate_limit="3/minute")
        bearer = token(Role.LEADER, services=[service_id], subject="fagsystem-c")
        with client(server, bearer) as c:
            responses = [c.get("/v1/placements") for _ in range(4)]
        assert [r.status_code for r in responses] == [200, 200, 200, 429]
        assert {r.headers["ratelimit-policy"] for r in responses} == {'"default";q=3;w=60'}
        left = [r.headers["ratelimit"].split(";")[1] for r in responses]
        assert left == ["r=2", "r=1", "r=0", "r=0"]
        resets = [int(r.headers["ratelimit"].split(";t=")[1]) for r in responses]
        assert all(0 <= t <= 60 for t in resets)

    def test_an_integration_client_has_a_budget_of_its_own_for_bulk_registration(
        self, api: Api, server_with: Callable[..., LiveServer]
    ) -> None:
        service_id = api.tenant().service_id
        server = server_with(rate_limit="2/minute", integration_rate_limit="5/minute")
        journal = token(Role.INTEGRATION, services=[service_id], subject="journal-system")
        with client(server, journal) as c:
            statuses = [c.get("/v1/placements").status_code for _ in range(6)]
            policy = c.get("/v1/placements").headers["ratelimit-policy"]
        assert statuses == [200] * 5 + [429]
        assert policy == '"integration";q=5;w=60'

    def test_a_request_without_credentials_has_no_budget_to_show(self, api: Api) -> None:
        response = api.anonymous.get("/readyz")
        assert "ratelimit" not in response.headers


class TestFailedAuthentication:
    def test_bad_credentials_past_the_failure_budget_get_429(
        self, api: Api, server_with: Callable[..., LiveServer]
    ) -> None:
        server = server_with(auth_failure_limit="2/hour")
        with client(server, "not-a-token") as bad, client(server, None) as anonymous:
            problem(bad.get("/v1/placements"), 401, "unauthenticated")
            problem(anonymous.get("/v1/placements"), 401, "unauthenticated")
            refused = bad.get("/v1/placements")
            problem(refused, 429, "rate-limited")
            assert int(refused.headers["retry-after"]) >= 1
            problem(anonymous.get("/v1/placements"), 429, "rate-limited")

    def test_a_credential_that_verifies_is_never_refused_by_the_failure_budget(
        self, api: Api, server_with: Callable[..., LiveServer]
    ) -> None:
        # Behind a proxy or NAT many callers share one address: garbage from one of them must
        # not lock the journal systems out (the review's finding 5). Per hour rather than the
        # default per minute, so a window boundary during the test cannot shift the counts.
        tenant = api.tenant()
        server = server_with(auth_failure_limit="60/hour")
        key = ok(tenant.leader.post("/v1/api-keys", json={"name": "Fagsystem"}), 201)["secret"][
            "value"
        ]
        with client(server, "not-a-token") as bad:
            statuses = [bad.get("/v1/placements").status_code for _ in range(80)]
        assert statuses == [401] * 60 + [429] * 20
        with client(server, token(Role.LEADER, services=[tenant.service_id])) as leader:
            assert leader.get("/v1/placements").status_code == 200
            assert leader.get("/v1/placements").status_code == 200  # a remembered token too
        with client(server, key) as journal_system:
            assert journal_system.get("/v1/placements").status_code == 200
        with client(server, "ffk_00000000_" + "x" * 43) as guess:
            problem(guess.get("/v1/placements"), 429, "rate-limited")

    def test_successful_requests_do_not_spend_the_failure_budget(
        self, api: Api, server_with: Callable[..., LiveServer]
    ) -> None:
        service_id = api.tenant().service_id
        server = server_with(auth_failure_limit="2/hour")
        with client(server, token(Role.LEADER, services=[service_id])) as c:
            assert {c.get("/v1/placements").status_code for _ in range(5)} == {200}
        with client(server, "not-a-token") as bad:
            assert [bad.get("/v1/placements").status_code for _ in range(3)] == [401, 401, 429]


def failures(server: LiveServer, forwarded_for: str, attempts: int = 3) -> list[int]:
    """Statuses of ``attempts`` bad-token requests sent with ``X-Forwarded-For``."""
    with client(server, "not-a-token") as bad:
        headers = {"X-Forwarded-For": forwarded_for}
        return [bad.get("/v1/placements", headers=headers).status_code for _ in range(attempts)]


class TestTheClientAddressBehindAProxy:
    """The failure budget is per client address: the socket peer, or, when the peer is one of
    FOSTERFLYT_TRUSTED_PROXIES, the rightmost address in X-Forwarded-For that is not a trusted
    proxy (the one the trusted proxy saw connecting)."""

    def test_clients_behind_a_trusted_proxy_are_counted_separately(
        self, server_with: Callable[..., LiveServer]
    ) -> None:
        server = server_with(auth_failure_limit="2/hour", trusted_proxies="127.0.0.1")
        assert failures(server, "203.0.113.5") == [401, 401, 429]
        assert failures(server, "203.0.113.6", attempts=2) == [401, 401]
        # What the client itself wrote in front of the proxy's entry does not make it new.
        assert failures(server, "198.51.100.1, 203.0.113.5", attempts=1) == [429]

    def test_a_chain_of_trusted_proxies_is_followed_to_the_first_untrusted_hop(
        self, server_with: Callable[..., LiveServer]
    ) -> None:
        server = server_with(auth_failure_limit="2/hour", trusted_proxies="127.0.0.1, 10.0.0.0/8")
        assert failures(server, "203.0.113.5, 10.1.2.3") == [401, 401, 429]
        assert failures(server, "203.0.113.5", attempts=1) == [429]
        assert failures(server, "203.0.113.9, 10.1.2.3", attempts=1) == [401]

    def test_an_untrusted_peers_forwarded_for_is_ignored(
        self, server_with: Callable[..., LiveServer]
    ) -> None:
        # The peer (127.0.0.1) is not a trusted proxy: its header is whatever it chose to send.
        server = server_with(auth_failure_limit="2/hour", trusted_proxies="10.0.0.0/8")
        assert failures(server, "203.0.113.5", attempts=2) == [401, 401]
        assert failures(server, "203.0.113.6", attempts=1) == [429]

    def test_without_trusted_proxies_the_socket_peer_is_the_client(
        self, server_with: Callable[..., LiveServer]
    ) -> None:
        server = server_with(auth_failure_limit="2/hour")
        assert failures(server, "203.0.113.5", attempts=2) == [401, 401]
        assert failures(server, "203.0.113.6", attempts=1) == [429]

    @pytest.mark.parametrize(
        ("peer", "forwarded_for", "expected"),
        [
            ("127.0.0.1", [], "127.0.0.1"),
            ("192.0.2.1", ["203.0.113.5"], "192.0.2.1"),  # untrusted peer
            ("10.0.0.2", ["203.0.113.5"], "203.0.113.5"),
            ("10.0.0.2", ["198.51.100.1, 203.0.113.5"], "203.0.113.5"),
            ("10.0.0.2", ["198.51.100.1", "203.0.113.5, 10.0.0.3"], "203.0.113.5"),
            ("10.0.0.2", ["10.0.0.4, 10.0.0.3"], "10.0.0.4"),  # all trusted: the first
            ("10.0.0.2", ["203.0.113.5:4711"], "203.0.113.5"),
            ("10.0.0.2", ["[2001:db8::1]:4711"], "2001:db8::1"),
            ("10.0.0.2", ["2001:DB8:0::1"], "2001:db8::1"),
            ("10.0.0.2", ["unknown"], "10.0.0.2"),  # not an address: the proxy is the client
            ("10.0.0.2", [""], "10.0.0.2"),
            ("::ffff:10.0.0.2", ["203.0.113.5"], "203.0.113.5"),
            (None, ["203.0.113.5"], "unknown"),
        ],
    )
    def test_the_client_address_is_the_rightmost_untrusted_hop(
        self, peer: str | None, forwarded_for: list[str], expected: str
    ) -> None:
        trusted = Settings(trusted_proxies="10.0.0.0/8").trusted_proxies
        assert ratelimit.client_address(peer, forwarded_for, trusted) == expected

    @pytest.mark.parametrize("value", ["10.0.0.0/33", "proxy.example", "10.0.0.1,,x"])
    def test_a_malformed_trusted_proxy_stops_start_up(self, value: str) -> None:
        with pytest.raises(ValueError, match="TRUSTED_PROXIES"):
            Settings(trusted_proxies=value)


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
