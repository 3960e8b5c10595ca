"""Authentication: who may call at all, and the development tokens the CLI prints."""

from __future__ import annotations

import time
import uuid
from typing import Any

import httpx
import jwt
import pytest

from app import auth
from app.cli import main as cli
from app.config import Settings, get_settings
from app.errors import PROBLEM_BASE, PROBLEM_MEDIA_TYPE, Unauthenticated
from app.principal import Principal, Role
from tests.helpers import Api, Caller, Tenant, make_case, placement_body, token


def claims(tenant: Tenant, **overrides: Any) -> dict[str, Any]:
    """The claims of a valid leader token for ``tenant`` (override or drop with ``None``)."""
    settings = get_settings()
    now = int(time.time())
    base: dict[str, Any] = {
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "sub": "test-caller",
        "iat": now,
        "nbf": now,
        "exp": now + 300,
        "role": "leader",
        "services": [tenant.service_id],
        "scope": "services:read staff:read",
    }
    base.update(overrides)
    return {k: v for k, v in base.items() if v is not None}


def sign(payload: dict[str, Any], secret: str | None = None) -> str:
    return jwt.encode(payload, secret or get_settings().signing_secret(), algorithm="HS256")


def probe(api: Api, tenant: Tenant, bearer: str) -> httpx.Response:
    return probe_with(api.caller(bearer), tenant)


def probe_with(caller: Caller, tenant: Tenant) -> httpx.Response:
    return caller.get(f"/v1/services/{tenant.service_id}")


def assert_unauthenticated(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 401, response.text
    assert response.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE)
    assert response.headers["www-authenticate"] == 'Bearer realm="fosterflyt"'
    body: dict[str, Any] = response.json()
    assert body["type"] == PROBLEM_BASE + "unauthenticated"
    assert body["status"] == 401
    return body


@pytest.fixture
def tenant(api: Api) -> Tenant:
    return api.tenant()


class TestACallerWithoutAValidTokenIsTurnedAway:
    def test_a_well_formed_token_is_accepted(self, api: Api, tenant: Tenant) -> None:
        # The control for every rejection below: only the one changed claim differs.
        response = probe(api, tenant, sign(claims(tenant)))
        assert response.status_code == 200, response.text
        assert response.json()["id"] == tenant.service_id

    def test_a_missing_authorization_header_gets_401_with_www_authenticate(
        self, api: Api, tenant: Tenant
    ) -> None:
        body = assert_unauthenticated(api.anonymous.get(f"/v1/services/{tenant.service_id}"))
        assert "Bearer" in body["detail"]

    @pytest.mark.parametrize(
        "authorization",
        ["Basic dXNlcjpwYXNz", "Bearer", "Bearer not-a-jwt", "Bearer a.b.c", "Token abc"],
    )
    def test_a_malformed_authorization_header_gets_401(
        self, api: Api, tenant: Tenant, authorization: str
    ) -> None:
        response = api.anonymous.get(
            f"/v1/services/{tenant.service_id}", headers={"Authorization": authorization}
        )
        assert_unauthenticated(response)

    def test_a_token_signed_with_another_secret_gets_401(self, api: Api, tenant: Tenant) -> None:
        forged = sign(claims(tenant), "another-secret-" + "y" * 40)
        assert_unauthenticated(probe(api, tenant, forged))

    def test_an_unsigned_token_gets_401(self, api: Api, tenant: Tenant) -> None:
        unsigned = jwt.encode(claims(tenant), key="", algorithm="none")
        assert_unauthenticated(probe(api, tenant, unsigned))

    def test_an_expired_token_gets_401_saying_so(self, api: Api, tenant: Tenant) -> None:
        leeway = get_settings().jwt_leeway_seconds
        now = int(time.time())
        expired = sign(claims(tenant, iat=now - 3600, nbf=now - 3600, exp=now - leeway - 60))
        body = assert_unauthenticated(probe(api, tenant, expired))
        assert "expired" in body["detail"]

    def test_a_token_minted_with_a_negative_ttl_gets_401(self, api: Api, tenant: Tenant) -> None:
        ttl = -(get_settings().jwt_leeway_seconds + 60)
        bearer = token(Role.LEADER, services=[tenant.service_id], ttl=ttl)
        assert_unauthenticated(probe(api, tenant, bearer))

    @pytest.mark.parametrize("claim", ["exp", "iat", "nbf"])
    def test_a_date_claim_written_as_text_gets_401(
        self, api: Api, tenant: Tenant, claim: str
    ) -> None:
        """Issue #18 item 10: ``"exp": "<digits>"`` was accepted (PyJWT converts it)."""
        as_text = {claim: str(claims(tenant)[claim])}
        assert_unauthenticated(probe(api, tenant, sign(claims(tenant, **as_text))))

    def test_a_date_claim_that_is_true_gets_401(self, api: Api, tenant: Tenant) -> None:
        assert_unauthenticated(probe(api, tenant, sign(claims(tenant, iat=True))))

    def test_a_token_not_yet_valid_gets_401(self, api: Api, tenant: Tenant) -> None:
        later = int(time.time()) + get_settings().jwt_leeway_seconds + 600
        assert_unauthenticated(probe(api, tenant, sign(claims(tenant, nbf=later))))

    @pytest.mark.parametrize(
        "override",
        [
            {"aud": "someone-else"},
            {"iss": "https://evil.example"},
        ],
        ids=["audience", "issuer"],
    )
    def test_a_token_for_another_audience_or_from_another_issuer_gets_401(
        self, api: Api, tenant: Tenant, override: dict[str, str]
    ) -> None:
        assert_unauthenticated(probe(api, tenant, sign(claims(tenant, **override))))

    @pytest.mark.parametrize("claim", ["exp", "iat", "sub", "iss", "aud"])
    def test_a_token_missing_a_required_claim_gets_401(
        self, api: Api, tenant: Tenant, claim: str
    ) -> None:
        assert_unauthenticated(probe(api, tenant, sign(claims(tenant, **{claim: None}))))


class TestVerifiedTokensAreRemembered:
    """A token's principal is cached after its first verification (app.auth.TokenCache), but
    never beyond the token's expiry, nor for a token that failed."""

    def test_a_cached_token_is_refused_once_it_expires(self, api: Api, tenant: Tenant) -> None:
        # Expired 2 s before the leeway runs out: accepted (and cached), then refused.
        leeway = get_settings().jwt_leeway_seconds
        expires = int(time.time()) - leeway + 2
        caller = api.caller(sign(claims(tenant, exp=expires)))
        assert probe_with(caller, tenant).status_code == 200
        assert probe_with(caller, tenant).status_code == 200  # from the cache
        time.sleep(max(0.0, expires + leeway - time.time()) + 0.2)
        body = assert_unauthenticated(probe_with(caller, tenant))
        assert "expired" in body["detail"]

    def test_a_second_request_with_the_same_token_skips_verification(
        self, monkeypatch: pytest.MonkeyPatch, tenant: Tenant
    ) -> None:
        calls: list[str] = []
        real = auth.principal_from_token

        def counting(token: str, settings: Settings) -> Principal:
            calls.append(token)
            return real(token, settings)

        monkeypatch.setattr(auth, "principal_from_token", counting)
        cache = auth.TokenCache()
        bearer = sign(claims(tenant))
        first = auth.verify_token(bearer, get_settings(), cache)
        again = auth.verify_token(bearer, get_settings(), cache)
        assert again is first
        assert calls == [bearer]
        other = sign(claims(tenant, sub="another-caller"))
        assert auth.verify_token(other, get_settings(), cache).subject == "another-caller"
        assert calls == [bearer, other]

    def test_a_rejected_token_is_not_remembered(self, tenant: Tenant) -> None:
        cache = auth.TokenCache()
        forged = sign(claims(tenant), secret="another-secret-" + "y" * 32)
        for _ in range(2):
            with pytest.raises(Unauthenticated):
                auth.verify_token(forged, get_settings(), cache)
        assert cache.get(forged) is None

    def test_an_entry_lives_at_most_max_age_seconds(self, tenant: Tenant) -> None:
        cache = auth.TokenCache(max_age=0.2)
        bearer = sign(claims(tenant, exp=int(time.time()) + 3600))
        auth.verify_token(bearer, get_settings(), cache)
        assert cache.get(bearer) is not None
        time.sleep(0.3)
        assert cache.get(bearer) is None

    def test_the_least_recently_used_token_goes_first_when_full(self, tenant: Tenant) -> None:
        cache = auth.TokenCache(max_entries=2)
        a, b, c = (sign(claims(tenant, sub=name)) for name in "abc")
        auth.verify_token(a, get_settings(), cache)
        auth.verify_token(b, get_settings(), cache)
        assert cache.get(a) is not None  # a is now the most recently used
        auth.verify_token(c, get_settings(), cache)
        assert cache.get(b) is None
        assert cache.get(a) is not None
        assert cache.get(c) is not None


class TestATokensClaimsMustMakeSense:
    def test_a_contact_person_token_without_staff_id_gets_401(
        self, api: Api, tenant: Tenant
    ) -> None:
        with_staff = sign(claims(tenant, role="contact_person", staff_id=tenant.contact_id))
        assert probe(api, tenant, with_staff).status_code == 200
        without = sign(claims(tenant, role="contact_person"))
        body = assert_unauthenticated(probe(api, tenant, without))
        assert "staff_id" in body["detail"]

    @pytest.mark.parametrize("role", ["superuser", "", "Leader", None])
    def test_a_role_outside_the_enum_gets_401(
        self, api: Api, tenant: Tenant, role: str | None
    ) -> None:
        assert_unauthenticated(probe(api, tenant, sign(claims(tenant, role=role))))

    @pytest.mark.parametrize(
        "override",
        [
            {"services": "not-a-list"},
            {"services": ["not-a-uuid"]},
            {"role": "contact_person", "staff_id": "not-a-uuid"},
        ],
        ids=["services-not-a-list", "service-not-a-uuid", "staff-id-not-a-uuid"],
    )
    def test_malformed_claims_get_401(
        self, api: Api, tenant: Tenant, override: dict[str, Any]
    ) -> None:
        assert_unauthenticated(probe(api, tenant, sign(claims(tenant, **override))))


class TestTheTokenCommand:
    def run(self, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
        code = cli(["token", *args])
        out, err = capsys.readouterr()
        return code, out.strip(), err

    def test_it_prints_a_token_the_server_accepts(
        self, api: Api, tenant: Tenant, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, bearer, _ = self.run(capsys, "--role", "leader", "--service", tenant.service_id)
        assert code == 0
        assert bearer.count(".") == 2
        response = probe(api, tenant, bearer)
        assert response.status_code == 200, response.text
        response = api.caller(bearer).get("/v1/staff")
        assert {s["id"] for s in response.json()["items"]} == {tenant.leader_id, tenant.contact_id}

    def test_a_contact_person_token_acts_as_that_staff_member(
        self, api: Api, capsys: pytest.CaptureFixture[str]
    ) -> None:
        case = make_case(api)
        code, bearer, _ = self.run(
            capsys,
            "--role",
            "contact_person",
            "--service",
            case.tenant.service_id,
            "--staff",
            case.tenant.contact_id,
        )
        assert code == 0
        response = api.caller(bearer).get("/v1/placements")
        assert [p["id"] for p in response.json()["items"]] == [case.placement["id"]]

    def test_scope_limits_what_the_token_may_do(
        self, api: Api, capsys: pytest.CaptureFixture[str]
    ) -> None:
        case = make_case(api)
        tenant = case.tenant
        code, bearer, _ = self.run(
            capsys,
            "--role",
            "integration",
            "--service",
            tenant.service_id,
            "--scope",
            "placements:read",
        )
        assert code == 0
        caller = api.caller(bearer)
        response = caller.get("/v1/placements")
        assert response.status_code == 200, response.text
        assert [p["id"] for p in response.json()["items"]] == [case.placement["id"]]
        body = placement_body(
            tenant, child_id=case.child["id"], foster_home_id=case.foster_home["id"]
        )
        response = caller.post("/v1/placements", json=body)
        assert response.status_code == 403, response.text
        assert "placements:write" in response.json()["detail"]
        assert caller.get("/v1/children").status_code == 403

    def test_several_scopes_may_be_given(
        self, api: Api, tenant: Tenant, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, bearer, _ = self.run(
            capsys,
            "--role",
            "leader",
            "--service",
            tenant.service_id,
            "--scope",
            "services:read",
            "--scope",
            "staff:read",
        )
        assert code == 0
        assert probe(api, tenant, bearer).status_code == 200
        assert api.caller(bearer).get("/v1/staff").status_code == 200
        assert api.caller(bearer).get("/v1/children").status_code == 403

    def test_ttl_and_subject_end_up_in_the_token(
        self, tenant: Tenant, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, bearer, _ = self.run(
            capsys,
            "--role",
            "integration",
            "--service",
            tenant.service_id,
            "--ttl",
            "120",
            "--subject",
            "journal-system-1",
        )
        assert code == 0
        settings = get_settings()
        decoded = jwt.decode(
            bearer,
            settings.signing_secret(),
            algorithms=["HS256"],
            audience=settings.jwt_audience,
            issuer=settings.jwt_issuer,
        )
        assert decoded["exp"] - decoded["iat"] == 120
        assert decoded["sub"] == "journal-system-1"
        assert decoded["role"] == "integration"
        assert decoded["services"] == [tenant.service_id]

    def test_an_admin_token_needs_no_service(
        self, api: Api, tenant: Tenant, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, bearer, _ = self.run(capsys, "--role", "admin")
        assert code == 0
        response = api.caller(bearer).get("/v1/services")
        assert tenant.service_id in {s["id"] for s in response.json()["items"]}

    @pytest.mark.parametrize("role", ["leader", "integration", "contact_person"])
    def test_a_non_admin_without_service_exits_with_2(
        self, capsys: pytest.CaptureFixture[str], role: str
    ) -> None:
        code, out, err = self.run(capsys, "--role", role, "--staff", str(uuid.uuid4()))
        assert code == 2
        assert out == ""
        assert "service" in err

    def test_a_contact_person_without_staff_exits_with_2(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, out, err = self.run(
            capsys, "--role", "contact_person", "--service", str(uuid.uuid4())
        )
        assert code == 2
        assert out == ""
        assert "staff" in err

    def test_an_unknown_role_is_a_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit) as exited:
            cli(["token", "--role", "superuser", "--service", str(uuid.uuid4())])
        assert exited.value.code == 2
        out, _ = capsys.readouterr()
        assert out == ""


class TestHealthNeedsNoToken:
    @pytest.mark.parametrize("path", ["/healthz", "/readyz"])
    def test_health_answers_without_a_token(self, api: Api, path: str) -> None:
        response = api.anonymous.get(path)
        assert response.status_code == 200, response.text
        assert response.json()["status"] == "ok"

    @pytest.mark.parametrize("path", ["/healthz", "/readyz"])
    def test_health_ignores_a_bad_token(self, api: Api, path: str) -> None:
        response = api.caller("not-a-jwt").get(path)
        assert response.status_code == 200, response.text

    def test_readiness_reports_the_database_at_the_latest_migration(self, api: Api) -> None:
        body = api.anonymous.get("/readyz").json()
        assert body["database"] == "ok"
        assert body["revision"]
