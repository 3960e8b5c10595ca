"""Signing in with OpenID Connect against a real provider (node's oidc-provider, tools/oidc/),
over HTTP as a browser would: authorization code with PKCE, state and nonce checked, the ID
token verified, RP-initiated logout; refusals are pages, never a 500. Both databases."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey
from pydantic import ValidationError
from sqlalchemy import Connection, select

from app.config import Settings
from app.web.oidc import Failure, LoginState, OidcClient, OidcError
from app.web_sessions.models import WebSession
from tests.conftest import LiveServer
from tests.helpers import Api, make_case
from tests.web.oidc import (
    CLIENT_ID,
    PRODUCTION_BASE_URL,
    OidcProvider,
    query_of,
    sign_in_at_provider,
)

PRODUCTION: dict[str, Any] = {
    "environment": "production",
    "public_base_url": PRODUCTION_BASE_URL,
    "national_id_key": "n" * 32,
    "jwt_secret": "p" * 32,
}


@pytest.fixture
def browser_http(oidc_server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=oidc_server.url, timeout=30, follow_redirects=False) as client:
        yield client


def _sign_in(
    http: httpx.Client, login: str, next_url: str = "/app/", **params: str
) -> httpx.Response:
    """Start at our login, sign in at the provider, and bring its answer back."""
    start = http.get("/app/login/oidc", params={"next": next_url, **params})
    assert start.status_code == 303, start.text
    base = str(http.base_url).rstrip("/")
    back = sign_in_at_provider(start.headers["location"], login, back_to=base + "/app/login/")
    return http.get(back.removeprefix(base))


class TestSigningIn:
    def test_the_login_page_offers_the_provider_beside_the_development_login(
        self, browser_http: httpx.Client, api: Api
    ) -> None:
        make_case(api)
        page = browser_http.get("/app/login", params={"next": "/app/?x=1"})
        assert 'href="/app/login/oidc?next=/app/%3Fx%3D1"' in page.text
        assert "Logg inn med kommunens innlogging" in page.text
        assert "Kari Kontakt, kontaktperson" in page.text

    def test_the_redirect_asks_for_a_code_with_pkce_state_and_nonce(
        self, browser_http: httpx.Client, oidc_provider: OidcProvider
    ) -> None:
        start = browser_http.get("/app/login/oidc", params={"next": "/app/"})
        location = start.headers["location"]
        assert location.startswith(oidc_provider.issuer + "/auth?")
        query = query_of(location)
        assert query["response_type"] == "code"
        assert query["client_id"] == CLIENT_ID
        assert query["code_challenge_method"] == "S256"
        assert query["scope"] == "openid email profile"
        login = LoginState.decode(browser_http.cookies["fosterflyt_login"])
        assert login is not None
        assert query["state"] == login.state
        assert query["nonce"] == login.nonce
        assert query["code_challenge"] != login.verifier  # only the verifier's hash leaves

    def test_a_person_signs_in_at_the_provider_and_lands_on_the_page_they_asked_for(
        self, browser_http: httpx.Client, api: Api, connection: Connection
    ) -> None:
        make_case(api)
        back = _sign_in(browser_http, "kari@test.example", "/app/?x=1")
        assert back.status_code == 303, back.text
        assert back.headers["location"] == "/app/?x=1"
        assert "fosterflyt_login" not in browser_http.cookies  # used once
        home = browser_http.get("/app/")
        assert home.status_code == 200
        assert "Mine oppgaver" in home.text
        assert "Kari Kontakt" in home.text  # the ID token's name claim
        method, subject, id_token = connection.execute(
            select(WebSession.method, WebSession.subject, WebSession.id_token)
        ).one()
        assert (method, subject) == ("oidc", "kari@test.example")
        assert id_token

    def test_a_public_client_signs_in_with_pkce_alone(
        self,
        oidc_provider: OidcProvider,
        server_with: Callable[..., LiveServer],
        api: Api,
    ) -> None:
        make_case(api)
        server = server_with(**oidc_provider.settings(public=True))
        with httpx.Client(base_url=server.url, timeout=30) as http:
            back = _sign_in(http, "lise@test.example")
            assert back.status_code == 303, back.text
            assert http.get("/app/").status_code == 200


class TestARefusedLoginIsAPage:
    def test_an_answer_for_another_login_is_refused(
        self, browser_http: httpx.Client, api: Api
    ) -> None:
        make_case(api)
        start = browser_http.get("/app/login/oidc")
        back = sign_in_at_provider(
            start.headers["location"],
            "kari@test.example",
            back_to=str(browser_http.base_url).rstrip("/") + "/app/login/",
        )
        query = query_of(back)
        refused = browser_http.get(
            "/app/login/callback", params={"code": query["code"], "state": "someone-elses"}
        )
        assert refused.status_code == 400
        assert "Vi fant ikke innloggingen du startet" in refused.text
        assert "fosterflyt_session" not in browser_http.cookies
        assert browser_http.get("/app/").status_code == 303

    def test_an_answer_without_a_login_under_way_is_refused(
        self, browser_http: httpx.Client
    ) -> None:
        refused = browser_http.get("/app/login/callback", params={"code": "x", "state": "y"})
        assert refused.status_code == 400
        assert refused.headers["content-type"].startswith("text/html")
        assert "Innloggingen ble ikke fullført" in refused.text

    def test_a_person_who_cancels_at_the_provider_is_told_so(
        self, browser_http: httpx.Client
    ) -> None:
        start = browser_http.get("/app/login/oidc")
        state = query_of(start.headers["location"])["state"]
        page = browser_http.get(
            "/app/login/callback", params={"error": "access_denied", "state": state}
        )
        assert page.status_code == 400
        assert "Innloggingen ble avbrutt" in page.text

    def test_a_person_the_provider_knows_but_fosterflyt_does_not_gets_no_session(
        self, browser_http: httpx.Client, api: Api, connection: Connection
    ) -> None:
        make_case(api)
        page = _sign_in(browser_http, "ukjent@test.example")
        assert page.status_code == 403
        assert "ikke registrert som ansatt" in page.text
        assert "prompt=login" in page.text  # a way to sign in as someone else
        assert connection.execute(select(WebSession.id)).first() is None

    def test_an_id_token_for_another_nonce_is_refused(
        self, browser_http: httpx.Client, api: Api
    ) -> None:
        make_case(api)
        start = browser_http.get("/app/login/oidc")
        login = LoginState.decode(browser_http.cookies["fosterflyt_login"])
        assert login is not None
        forged = LoginState(login.state, "another-nonce", login.verifier, login.next)
        browser_http.cookies.set("fosterflyt_login", forged.encode())
        base = str(browser_http.base_url).rstrip("/")
        back = sign_in_at_provider(
            start.headers["location"], "kari@test.example", back_to=base + "/app/login/"
        )
        refused = browser_http.get(back.removeprefix(base))
        assert refused.status_code == 400
        assert "kunne ikke bekreftes" in refused.text
        assert browser_http.get("/app/").status_code == 303

    def test_a_code_is_good_for_one_login_only(self, browser_http: httpx.Client, api: Api) -> None:
        make_case(api)
        start = browser_http.get("/app/login/oidc")
        cookie = browser_http.cookies["fosterflyt_login"]
        base = str(browser_http.base_url).rstrip("/")
        back = sign_in_at_provider(
            start.headers["location"], "kari@test.example", back_to=base + "/app/login/"
        )
        assert browser_http.get(back.removeprefix(base)).status_code == 303
        browser_http.cookies.clear()
        browser_http.cookies.set("fosterflyt_login", cookie)
        again = browser_http.get(back.removeprefix(base))
        assert again.status_code == 400
        assert "fosterflyt_session" not in browser_http.cookies

    def test_a_provider_that_does_not_answer_is_a_page(
        self, server_with: Callable[..., LiveServer]
    ) -> None:
        server = server_with(oidc_issuer="http://127.0.0.1:9", oidc_client_id="fosterflyt")
        page = httpx.get(server.url + "/app/login/oidc", timeout=30)
        assert page.status_code == 502
        assert "fikk ikke kontakt med innloggingstjenesten" in page.text


class TestSigningOut:
    def test_logging_out_ends_the_session_at_the_provider_too(
        self, browser_http: httpx.Client, api: Api, oidc_provider: OidcProvider
    ) -> None:
        make_case(api)
        _sign_in(browser_http, "kari@test.example")
        home = browser_http.get("/app/")
        csrf = home.text.split('name="csrf_token" value="')[1].split('"')[0]
        out = browser_http.post("/app/logout", data={"csrf_token": csrf})
        assert out.status_code == 303
        location = out.headers["location"]
        assert location.startswith(oidc_provider.issuer + "/session/end?")
        query = query_of(location)
        base = str(browser_http.base_url).rstrip("/")
        assert query["post_logout_redirect_uri"] == base + "/app/logged-out"
        assert query["id_token_hint"].count(".") == 2
        assert browser_http.get("/app/").status_code == 303  # ended here at once

    def test_forms_may_lead_to_the_provider_and_nowhere_else(
        self, browser_http: httpx.Client, oidc_provider: OidcProvider
    ) -> None:
        policy = browser_http.get("/app/login").headers["content-security-policy"]
        assert f"form-action 'self' {oidc_provider.issuer};" in policy


class TestProduction:
    def test_production_refuses_to_start_without_the_oidc_settings(self) -> None:
        with pytest.raises(ValidationError, match="FOSTERFLYT_OIDC_ISSUER"):
            Settings(**PRODUCTION)

    def test_the_login_goes_straight_to_the_provider_with_secure_host_cookies(
        self,
        oidc_provider: OidcProvider,
        server_with: Callable[..., LiveServer],
        api: Api,
    ) -> None:
        make_case(api)
        server = server_with(**PRODUCTION, **oidc_provider.settings())
        with httpx.Client(base_url=server.url, timeout=30) as http:
            start = http.get("/app/login", params={"next": "/app/?x=1"}, follow_redirects=False)
            assert start.status_code == 303
            location = start.headers["location"]
            assert location.startswith(oidc_provider.issuer + "/auth?")
            callback = PRODUCTION_BASE_URL + "/app/login/callback"
            assert query_of(location)["redirect_uri"] == callback
            login_cookie = _set_cookie(start, "__Host-fosterflyt_login")
            assert _attributes(login_cookie) >= {"secure", "httponly", "path=/", "samesite=lax"}
            back = sign_in_at_provider(location, "kari@test.example", back_to=callback)
            answer = http.get(
                back.removeprefix(PRODUCTION_BASE_URL),
                headers={"Cookie": login_cookie.split(";")[0]},
                follow_redirects=False,
            )
            assert answer.status_code == 303, answer.text
            assert answer.headers["location"] == "/app/?x=1"
            session_cookie = _set_cookie(answer, "__Host-fosterflyt_session")
            attributes = _attributes(session_cookie)
            assert attributes >= {"secure", "httponly", "path=/", "samesite=lax"}
            assert not any(a.startswith("domain") for a in attributes)  # __Host-: no Domain
            names = {c.split("=")[0] for c in answer.headers.get_list("set-cookie")}
            assert names == {"__Host-fosterflyt_session", "__Host-fosterflyt_login"}
            # The login's cookie is removed; a __Host- cookie is removed only by a Secure one.
            assert "secure" in _attributes(_set_cookie(answer, "__Host-fosterflyt_login"))
            home = http.get("/app/", headers={"Cookie": session_cookie.split(";")[0]})
            assert home.status_code == 200
            assert "Mine oppgaver" in home.text

    def test_the_development_login_does_not_exist_in_production(
        self,
        oidc_provider: OidcProvider,
        server_with: Callable[..., LiveServer],
        api: Api,
    ) -> None:
        make_case(api)
        server = server_with(**PRODUCTION, **oidc_provider.settings())
        refused = httpx.post(
            server.url + "/app/login/development",
            data={"email": "kari@test.example", "next": "/app/"},
            headers={"Origin": server.url},
        )
        assert refused.status_code == 404
        assert "set-cookie" not in refused.headers


def _set_cookie(response: httpx.Response, name: str) -> str:
    found = [c for c in response.headers.get_list("set-cookie") if c.startswith(name + "=")]
    assert len(found) == 1, response.headers.get_list("set-cookie")
    return found[0]


def _attributes(cookie: str) -> set[str]:
    return {part.strip().lower() for part in cookie.split(";")[1:]}


class TestTheIdTokenIsVerified:
    """The checks on the ID token itself, with tokens we sign (the provider signs only good
    ones): signature, issuer, audience, expiry and nonce."""

    ISSUER = "https://login.kommune.example"

    @pytest.fixture
    def client(self) -> tuple[OidcClient, RSAKey]:
        key = RSAKey.generate_key(2048, parameters={"kid": "k1", "alg": "RS256"})
        client = OidcClient(Settings(oidc_issuer=self.ISSUER, oidc_client_id="fosterflyt"))
        client._keys = (KeySet([key]), time.monotonic())
        return client, key

    def _token(self, key: RSAKey, **overrides: Any) -> str:
        now = int(time.time())
        claims = {
            "iss": self.ISSUER,
            "aud": "fosterflyt",
            "sub": "kari",
            "email": "kari@test.example",
            "iat": now,
            "exp": now + 300,
            "nonce": "n1",
            **overrides,
        }
        return jwt.encode({"alg": "RS256", "kid": key.kid}, claims, key)

    def test_a_good_token_names_the_person(self, client: tuple[OidcClient, RSAKey]) -> None:
        oidc, key = client
        assert oidc.verify(self._token(key), nonce="n1")["email"] == "kari@test.example"

    @pytest.mark.parametrize(
        "overrides",
        [
            {"iss": "https://angriper.example"},
            {"aud": "another-client"},
            {"exp": int(time.time()) - 3600},
            {"nonce": "n2"},
        ],
        ids=["issuer", "audience", "expired", "nonce"],
    )
    def test_a_token_with_a_wrong_claim_is_refused(
        self, client: tuple[OidcClient, RSAKey], overrides: dict[str, Any]
    ) -> None:
        oidc, key = client
        with pytest.raises(OidcError) as refused:
            oidc.verify(self._token(key, **overrides), nonce="n1")
        assert refused.value.failure == Failure.TOKEN

    def test_a_token_signed_with_another_key_is_refused(
        self, client: tuple[OidcClient, RSAKey]
    ) -> None:
        oidc, _ = client
        other = RSAKey.generate_key(2048, parameters={"kid": "k1", "alg": "RS256"})
        with pytest.raises(OidcError) as refused:
            oidc.verify(self._token(other), nonce="n1")
        assert refused.value.failure == Failure.TOKEN
