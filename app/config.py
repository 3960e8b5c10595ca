"""Settings, read from ``FOSTERFLYT_*`` environment variables and validated at start-up."""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from limits import parse
from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

VAR_DIR = Path("var")
DEFAULT_DATABASE_URL = f"sqlite:///./{VAR_DIR}/fosterflyt.db"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FOSTERFLYT_", extra="ignore")

    environment: Literal["development", "production"] = "development"
    database_url: str = DEFAULT_DATABASE_URL

    # Tokens: a shared secret (HS256) in development, a JWKS URL (RS256) in production.
    jwt_secret: SecretStr | None = None
    jwks_url: str | None = None
    jwt_issuer: str = "fosterflyt-dev"
    jwt_audience: str = "fosterflyt"
    jwt_leeway_seconds: int = Field(default=30, ge=0, le=300)
    # An unknown ``kid`` refetches the JWKS at most this often, so random kids cannot make us
    # hammer the identity provider; a rotated-in key is picked up within this time.
    jwks_refresh_cooldown_seconds: float = Field(default=30, ge=0, le=3600)
    dev_token_ttl_seconds: int = Field(default=8 * 3600, ge=60)

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

    # Requests per client (a token's subject or an API key) and failed authentications per
    # address, in the ``limits`` notation ("1200/minute", "20/second"). Counted in the process
    # (``memory://``) or in a shared store (``redis://host:6379``, needs ``limits[redis]``).
    rate_limit: str = "1200/minute"
    auth_failure_limit: str = "60/minute"
    rate_limit_storage_uri: str = "memory://"

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
    # The worker: in the API process (a background thread) or as `fosterflyt worker`. Unset means
    # in-process on SQLite (the embedded default) and a separate worker on PostgreSQL.
    worker_in_process: bool | None = None
    worker_poll_seconds: float = Field(default=2, gt=0, le=300)
    # `task.due_soon` is raised this many days before a task's due date (Europe/Oslo).
    due_soon_days: int = Field(default=7, ge=0, le=90)
    # The connection pool of one server process (SQLAlchemy's QueuePool). Sized for the worker
    # threads below, so connections are reused under load instead of opened and closed.
    db_pool_size: int = Field(default=10, ge=1, le=500)
    db_max_overflow: int = Field(default=10, ge=0, le=500)
    # A pooled connection that sat unused for longer than this is tested (one round trip) before
    # a request gets it; one used more recently is not (app/db.py, _ping_when_idle).
    db_ping_after_idle_seconds: float = Field(default=10, ge=0, le=3600)
    # Sync routes and dependencies run in anyio's worker threads (anyio's default: 40). Requests
    # beyond this wait their turn in the event loop, first come first served, instead of 40
    # threads taking turns on the GIL of one core (docs/benchmarks.md, "Profiles").
    worker_threads: int = Field(default=8, ge=1, le=1000)
    # Move the objects built at start-up out of the garbage collector's way (gc.freeze()).
    gc_freeze: bool = True

    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)

    @field_validator("database_url")
    @classmethod
    def _supported_database(cls, value: str) -> str:
        if not value.startswith(("sqlite", "postgresql", "postgres://")):
            raise ValueError("only sqlite:// and postgresql:// URLs are supported")
        return value

    @field_validator("rate_limit", "auth_failure_limit")
    @classmethod
    def _rate(cls, value: str) -> str:
        try:
            parse(value)
        except ValueError:
            raise ValueError("use the form 1200/minute or 20/second") from None
        return value

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [o.strip().rstrip("/") for o in value.split(",") if o.strip()]
        return value

    @model_validator(mode="after")
    def _production_needs_real_keys(self) -> Settings:
        if self.environment == "production":
            if self.jwks_url is None and self.jwt_secret is None:
                raise ValueError("production needs FOSTERFLYT_JWKS_URL or FOSTERFLYT_JWT_SECRET")
            if self.jwt_secret is not None and len(self.jwt_secret.get_secret_value()) < 32:
                raise ValueError("FOSTERFLYT_JWT_SECRET must be at least 32 characters")
        return self

    @property
    def runs_worker_in_process(self) -> bool:
        if self.worker_in_process is not None:
            return self.worker_in_process
        return self.database_url.startswith("sqlite")

    @property
    def webhook_lease_seconds(self) -> float:
        """How long a worker holds a delivery: longer than any attempt can take (connect, send,
        read), so a live worker never loses its claim; a dead worker's claim expires after it."""
        return self.webhook_connect_timeout_seconds + 3 * self.webhook_timeout_seconds + 30

    @property
    def sqlalchemy_url(self) -> str:
        """The URL with an explicit driver: plain ``postgresql://`` means psycopg 3."""
        url = self.database_url
        for prefix in ("postgres://", "postgresql://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url[len(prefix) :]
        return url

    def signing_secret(self) -> str:
        """The HS256 secret: the configured one, or a development secret kept under ``var/``.

        The development secret is created on first use (mode 0600) so that the server and the
        ``fosterflyt token`` command agree without anyone choosing a secret by hand.
        """
        if self.jwt_secret is not None:
            return self.jwt_secret.get_secret_value()
        if self.environment == "production":
            raise RuntimeError("no JWT secret configured")
        path = VAR_DIR / "dev-jwt-secret"
        if not path.exists():
            VAR_DIR.mkdir(parents=True, exist_ok=True)
            path.touch(mode=0o600)
            path.write_text(secrets.token_urlsafe(48))
        return path.read_text().strip()


@lru_cache
def get_settings() -> Settings:
    return Settings()
