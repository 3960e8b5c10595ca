"""Settings, read from ``FOSTERFLYT_*`` environment variables and validated at start-up."""

from __future__ import annotations

import ipaddress
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from limits import parse
from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from app.db_deadlines import DatabaseTimeouts

VAR_DIR = Path("var")
DEFAULT_DATABASE_URL = f"sqlite:///./{VAR_DIR}/fosterflyt.db"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FOSTERFLYT_", extra="ignore")

    environment: Literal["development", "production"] = "development"
    # Accept synthetic fødselsnummer from Skatteetaten's Tenor test registry (month + 80), for a
    # journal vendor's test system. Refused in production: no real child has such a number.
    accept_synthetic_national_ids: bool = False
    database_url: str = DEFAULT_DATABASE_URL
    # `fosterflyt migrate` connects with this URL (unset: database_url). On PostgreSQL, give it a
    # role that owns the schema and the app's URL another one: migrate then grants the app's
    # role only what it needs, so that it cannot change or delete the audit trail
    # (app/migrations.py, grant_app_role).
    migration_database_url: str | None = None

    # Tokens: a shared secret (HS256) in development, a JWKS URL (RS256) in production.
    jwt_secret: SecretStr | None = None
    jwks_url: str | None = None
    jwt_issuer: str = "fosterflyt-dev"
    jwt_audience: str = "fosterflyt"
    jwt_leeway_seconds: int = Field(default=30, ge=0, le=300)
    # The JWKS is fetched again at most this long after the last fetch: a key the identity
    # provider withdraws stops verifying tokens (cached ones too) within this time (app/jwks.py).
    jwks_cache_seconds: float = Field(default=300, ge=1, le=86400)
    # An unknown ``kid`` refetches the JWKS at most this often, so random kids cannot make us
    # hammer the identity provider; a rotated-in key is picked up within this time. A failed
    # fetch is retried after it too, meanwhile the keys fetched last stay in use.
    jwks_refresh_cooldown_seconds: float = Field(default=30, ge=0, le=3600)
    dev_token_ttl_seconds: int = Field(default=8 * 3600, ge=60)

    # The key of the keyed hash (HMAC-SHA256) the database's unique index on a child's national
    # id is built on, so that a unique violation's message (and the database server's log)
    # quotes the hash, never the number. Required in production; development generates one
    # under var/. Do not change it on a database that holds children: their stored hashes are
    # under the old key, and the duplicate check would no longer find them.
    national_id_key: SecretStr | None = None

    max_body_bytes: int = Field(default=1_000_000, ge=1024)
    max_template_bytes: int = Field(default=5_000_000, ge=10_000)
    max_template_expanded_bytes: int = Field(default=30_000_000, ge=100_000)
    document_concurrency: int = Field(default=4, ge=1, le=64)
    # How long a request waits (in the event loop, holding no thread) for a document slot
    # before it gets 503 documents-busy with Retry-After.
    document_wait_seconds: float = Field(default=30, gt=0, le=600)
    pdf_timeout_seconds: int = Field(default=90, ge=5, le=600)
    # The budget of one template render (a document's every part; the upload's trial render
    # too): characters it may build (its output and the strings built on the way), loop
    # iterations and calls, and wall-clock seconds. Past any of them: 422 template-invalid.
    template_max_output_chars: int = Field(default=5_000_000, ge=100_000, le=100_000_000)
    template_max_steps: int = Field(default=100_000, ge=1_000, le=10_000_000)
    template_render_seconds: float = Field(default=10, gt=0, le=300)
    idempotency_ttl_hours: int = Field(default=48, ge=24)
    default_page_size: int = Field(default=50, ge=1, le=100)

    # Recurring tasks are planned this far ahead; `fosterflyt schedule-sync` rolls it forward.
    schedule_horizon_months: int = Field(default=24, ge=3, le=240)
    # A placement registered late gets tasks due at most this many days back, not years of them.
    schedule_backfill_days: int = Field(default=31, ge=0, le=3650)
    # Oversight exports write a count between 1 and this minus one as "<n", and list children
    # (by id) only when the table holds at least this many (decisions.md 9).
    oversight_small_numbers_below: int = Field(default=5, ge=1, le=100)

    # Requests per client (a token's subject or an API key) and failed authentications per
    # address, in the ``limits`` notation ("1200/minute", "20/second"). Counted in the process
    # (``memory://``) or in a shared store (``redis://host:6379``, needs ``limits[redis]``).
    rate_limit: str = "1200/minute"
    # An integration client's own budget (a journal system registering a service's placements).
    integration_rate_limit: str = "6000/minute"
    auth_failure_limit: str = "60/minute"
    rate_limit_storage_uri: str = "memory://"
    # Proxies in front of the service (comma separated IPs or CIDRs). A request from one of them
    # is counted against the client in X-Forwarded-For (the rightmost hop that is not a trusted
    # proxy); from any other peer the header is ignored. `fosterflyt serve` also takes the
    # scheme from their X-Forwarded-Proto. Empty: the socket peer is the client.
    trusted_proxies: Annotated[list[ipaddress.IPv4Network | ipaddress.IPv6Network], NoDecode] = []

    # Browser origins allowed to call the API (comma separated). None by default: journal
    # systems call server to server, and a browser on another origin gets no CORS headers.
    cors_origins: Annotated[list[str], NoDecode] = []
    # Ended placements older than this are listed for archiving in the journal system
    # (GET /v1/retention/placements). Nothing is ever deleted by it.
    retention_years: int = Field(default=5, ge=1, le=100)
    # Webhooks. Receivers must be public https:// endpoints unless allow_private is true (local
    # development and tests only: it also accepts http:// and loopback or private addresses).
    webhook_allow_private: bool = False
    webhook_connect_timeout_seconds: float = Field(default=5, gt=0, le=30)
    webhook_timeout_seconds: float = Field(default=10, gt=0, le=60)
    # The whole of one attempt (name lookup, connect, TLS, send, the receiver's status and
    # headers), however the receiver paces its bytes: the two timeouts above apply to each
    # step, so a receiver that trickles a header line at a time would never trip them.
    webhook_attempt_deadline_seconds: float = Field(default=30, gt=0, le=600)
    # How long a worker holds a delivery it claimed. Longer than the deadline, so an attempt
    # is over before anyone else may claim it; a dead worker's claim expires after it. The
    # difference also absorbs clock differences between worker hosts.
    webhook_lease_seconds: float = Field(default=65, gt=0, le=3600)
    # Deliveries in flight at once in one worker process (each is a thread waiting on a
    # receiver), and of one subscription across every worker process: a receiver that hangs
    # holds at most its own share, and the rest keep going (issue #18 item 1).
    webhook_concurrency: int = Field(default=16, ge=1, le=256)
    webhook_subscription_concurrency: int = Field(default=2, ge=1, le=64)
    # After a rotation the old secret still signs every delivery, beside the new one, this long.
    webhook_secret_overlap_seconds: int = Field(default=24 * 3600, ge=0, le=7 * 24 * 3600)
    # The worker: in the API process (a background thread) or as `fosterflyt worker`. Unset means
    # in-process on SQLite (the embedded default) and a separate worker on PostgreSQL.
    worker_in_process: bool | None = None
    # How often the worker looks for new events and due deliveries (an attempt that ends lets
    # it claim the next at once). The poll is most of a healthy delivery's delay.
    worker_poll_seconds: float = Field(default=1, gt=0, le=300)
    # `task.due_soon` is raised this many days before a task's due date (Europe/Oslo).
    due_soon_days: int = Field(default=7, ge=0, le=90)
    # The connection pool of one server process (SQLAlchemy's QueuePool). Sized for the worker
    # threads below, so connections are reused under load instead of opened and closed.
    db_pool_size: int = Field(default=10, ge=1, le=500)
    db_max_overflow: int = Field(default=10, ge=0, le=500)
    # A pooled connection that sat unused for longer than this is tested (one round trip) before
    # a request gets it; one used more recently is not (app/db.py, _ping_when_idle).
    db_ping_after_idle_seconds: float = Field(default=10, ge=0, le=3600)
    # Deadlines (PostgreSQL; app/db_deadlines.py): a request answers 503 database-unavailable
    # when the database does not, instead of waiting for as long as it is gone. Connecting, and
    # the liveness test of an idle connection (libpq counts whole seconds, 2 at least):
    db_connect_timeout_seconds: int = Field(default=3, ge=2, le=60)
    # Enforced by the server for each statement, lock wait and transaction left idle.
    db_statement_timeout_seconds: float = Field(default=5, gt=0, le=3600)
    db_lock_timeout_seconds: float = Field(default=3, gt=0, le=3600)
    db_idle_in_transaction_timeout_seconds: float = Field(default=60, gt=0, le=3600)
    # Any one round trip with no answer for this long cuts its connection: the server is frozen
    # or unreachable. Longer than the statement timeout, which a live server enforces itself.
    db_response_timeout_seconds: float = Field(default=6, gt=0, le=3600)
    # How long a request waits for a pooled connection (SQLite too) when all are in use.
    db_pool_timeout_seconds: float = Field(default=3, gt=0, le=600)
    # /readyz answers within this, on a connection of its own (app/health.py).
    readiness_timeout_seconds: float = Field(default=1, gt=0, le=30)
    # Sync routes and dependencies run in anyio's worker threads (anyio's default: 40). Requests
    # beyond this wait their turn in the event loop, first come first served, instead of 40
    # threads taking turns on the GIL of one core (docs/benchmarks.md, "Profiles").
    worker_threads: int = Field(default=8, ge=1, le=1000)
    # Move the objects built at start-up out of the garbage collector's way (gc.freeze()).
    gc_freeze: bool = True

    # The address clients reach the service at, e.g. https://fosterflyt.kommune.no (a path
    # prefix is kept). URLs the service hands out (calendar feeds) are built from it, never from
    # a request's Host header, which the client chooses. Required in production; unset in
    # development means the address of the request itself.
    public_base_url: str | None = None

    # The web app's sessions (app/web/sessions.py): signed out after this long without a
    # request, and after this long whatever happens.
    session_idle_minutes: int = Field(default=30, ge=1, le=24 * 60)
    session_absolute_hours: float = Field(default=10, gt=0, le=24)
    # The identity claim that names a person's staff rows (matched to staff.email, case
    # insensitive): one row per service the person works for, and so one grant per service.
    web_identity_claim: str = "email"
    # Signing in to the web app with OpenID Connect (app/web/oidc.py; docs/web.md): the
    # provider's issuer URL (its discovery document is <issuer>/.well-known/openid-configuration),
    # our client id at it, and the client secret (leave it unset for a public client, which then
    # relies on PKCE alone). Required in production; in development the login page offers the
    # provider beside the development login when these are set.
    oidc_issuer: str | None = None
    oidc_client_id: str | None = None
    oidc_client_secret: SecretStr | None = None
    oidc_scopes: str = "openid email profile"
    # The discovery document and the JWKS are fetched again after this long.
    oidc_cache_seconds: float = Field(default=3600, ge=1, le=86400)

    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)

    @field_validator("database_url", "migration_database_url")
    @classmethod
    def _supported_database(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("sqlite", "postgresql", "postgres://")):
            raise ValueError("only sqlite:// and postgresql:// URLs are supported")
        return value

    @field_validator("rate_limit", "integration_rate_limit", "auth_failure_limit")
    @classmethod
    def _rate(cls, value: str) -> str:
        try:
            parse(value)
        except ValueError:
            raise ValueError("use the form 1200/minute or 20/second") from None
        return value

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _proxies(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        networks = []
        for item in (part.strip() for part in value.split(",")):
            if not item:
                continue
            try:
                networks.append(ipaddress.ip_network(item, strict=False))
            except ValueError:
                raise ValueError(
                    "FOSTERFLYT_TRUSTED_PROXIES takes IP addresses or CIDR networks, comma "
                    "separated (host names are not resolved)"
                ) from None
        return networks

    @field_validator("public_base_url")
    @classmethod
    def _public_base_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = urlsplit(value)
        if (
            parts.scheme not in ("http", "https")
            or not parts.hostname
            or parts.username is not None
            or "?" in value
            or "#" in value
        ):
            raise ValueError(
                "use an http:// or https:// address without credentials, query or fragment"
            )
        return value.rstrip("/")

    @field_validator("oidc_issuer")
    @classmethod
    def _oidc_issuer(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname or "?" in value:
            raise ValueError("use the provider's issuer URL, e.g. https://login.kommune.no/realm")
        return value

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [o.strip().rstrip("/") for o in value.split(",") if o.strip()]
        return value

    @model_validator(mode="after")
    def _response_outlasts_statements(self) -> Settings:
        if self.db_response_timeout_seconds <= self.db_statement_timeout_seconds:
            raise ValueError(
                "FOSTERFLYT_DB_RESPONSE_TIMEOUT_SECONDS must be longer than "
                "FOSTERFLYT_DB_STATEMENT_TIMEOUT_SECONDS (a live server ends a slow statement "
                "itself; the response timeout is for one that does not answer at all)"
            )
        return self

    @model_validator(mode="after")
    def _production_needs_real_keys(self) -> Settings:
        if self.environment == "production":
            if self.jwks_url is None and self.jwt_secret is None:
                raise ValueError("production needs FOSTERFLYT_JWKS_URL or FOSTERFLYT_JWT_SECRET")
            if self.accept_synthetic_national_ids:
                raise ValueError(
                    "FOSTERFLYT_ACCEPT_SYNTHETIC_NATIONAL_IDS is for test systems, not production"
                )
            if self.jwt_secret is not None and len(self.jwt_secret.get_secret_value()) < 32:
                raise ValueError("FOSTERFLYT_JWT_SECRET must be at least 32 characters")
            if self.national_id_key is None:
                raise ValueError("production needs FOSTERFLYT_NATIONAL_ID_KEY")
            if len(self.national_id_key.get_secret_value()) < 32:
                raise ValueError("FOSTERFLYT_NATIONAL_ID_KEY must be at least 32 characters")
            if self.public_base_url is None:
                raise ValueError(
                    "production needs FOSTERFLYT_PUBLIC_BASE_URL, the https:// address clients "
                    "reach the service at"
                )
            if not self.public_base_url.startswith("https://"):
                raise ValueError("FOSTERFLYT_PUBLIC_BASE_URL must be https:// in production")
            if self.oidc_issuer is None or self.oidc_client_id is None:
                raise ValueError(
                    "production needs FOSTERFLYT_OIDC_ISSUER and FOSTERFLYT_OIDC_CLIENT_ID: the "
                    "web app's people sign in with OpenID Connect (there is no development login)"
                )
        return self

    @model_validator(mode="after")
    def _deadline_inside_the_lease(self) -> Settings:
        # A deadline at or beyond the lease would let a second worker claim an attempt that is
        # still sending: two POSTs of one attempt (security review 2026-12, finding 3).
        if self.webhook_attempt_deadline_seconds >= self.webhook_lease_seconds:
            raise ValueError(
                "FOSTERFLYT_WEBHOOK_ATTEMPT_DEADLINE_SECONDS "
                f"({self.webhook_attempt_deadline_seconds:g}) must be shorter than "
                f"FOSTERFLYT_WEBHOOK_LEASE_SECONDS ({self.webhook_lease_seconds:g}): an attempt "
                "must be over before its lease runs out and another worker may claim it"
            )
        return self

    @property
    def runs_worker_in_process(self) -> bool:
        if self.worker_in_process is not None:
            return self.worker_in_process
        return self.database_url.startswith("sqlite")

    @property
    def sqlalchemy_url(self) -> str:
        """The URL with an explicit driver: plain ``postgresql://`` means psycopg 3."""
        return _with_driver(self.database_url)

    @property
    def sqlalchemy_migration_url(self) -> str:
        """The URL `fosterflyt migrate` connects with (the app's own unless configured)."""
        return _with_driver(self.migration_database_url or self.database_url)

    def database_timeouts(self) -> DatabaseTimeouts:
        return DatabaseTimeouts(
            connect_seconds=self.db_connect_timeout_seconds,
            statement_seconds=self.db_statement_timeout_seconds,
            lock_seconds=self.db_lock_timeout_seconds,
            idle_in_transaction_seconds=self.db_idle_in_transaction_timeout_seconds,
            response_seconds=self.db_response_timeout_seconds,
            pool_seconds=self.db_pool_timeout_seconds,
        )

    def readiness_timeouts(self) -> DatabaseTimeouts:
        """The probe's own: a readiness check is one tiny statement, answered at once or not at
        all (its caller stops waiting after ``readiness_timeout_seconds`` either way)."""
        limit = self.readiness_timeout_seconds
        return DatabaseTimeouts(
            connect_seconds=self.db_connect_timeout_seconds,
            statement_seconds=limit,
            lock_seconds=limit,
            idle_in_transaction_seconds=self.db_idle_in_transaction_timeout_seconds,
            response_seconds=limit + 1,
            pool_seconds=limit,
        )

    def signing_secret(self) -> str:
        """The HS256 secret: the configured one, or a development secret kept under ``var/``.

        The development secret is created on first use (mode 0600) so that the server and the
        ``fosterflyt token`` command agree without anyone choosing a secret by hand.
        """
        if self.jwt_secret is not None:
            return self.jwt_secret.get_secret_value()
        if self.environment == "production":
            raise RuntimeError("no JWT secret configured")
        return _development_secret("dev-jwt-secret")

    def national_id_hash_key(self) -> bytes:
        """The key of the national id's keyed hash: the configured one, or in development a key
        kept under ``var/`` (created on first use, mode 0600), so that the server, the CLI and
        the migrations run from one directory agree."""
        if self.national_id_key is not None:
            return self.national_id_key.get_secret_value().encode()
        if self.environment == "production":
            raise RuntimeError("no national id key configured")
        return _development_secret("dev-national-id-key").encode()


def _development_secret(name: str) -> str:
    """A random secret kept in ``var/name``, created on first use with mode 0600."""
    path = VAR_DIR / name
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(48))
    return path.read_text().strip()


def _with_driver(url: str) -> str:
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


@lru_cache
def get_settings() -> Settings:
    return Settings()
