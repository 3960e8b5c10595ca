"""Settings, read from ``FOSTERFLYT_*`` environment variables and validated at start-up."""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

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
    pdf_timeout_seconds: int = Field(default=90, ge=5, le=600)
    idempotency_ttl_hours: int = Field(default=48, ge=24)
    default_page_size: int = Field(default=50, ge=1, le=100)

    # Recurring tasks are planned this far ahead; `fosterflyt schedule-sync` rolls it forward.
    schedule_horizon_months: int = Field(default=24, ge=3, le=240)
    # A placement registered late gets tasks due at most this many days back, not years of them.
    schedule_backfill_days: int = Field(default=31, ge=0, le=3650)

    # The connection pool of one server process (SQLAlchemy's QueuePool). Sized for the worker
    # threads below, so connections are reused under load instead of opened and closed.
    db_pool_size: int = Field(default=10, ge=1, le=500)
    db_max_overflow: int = Field(default=10, ge=0, le=500)
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

    @model_validator(mode="after")
    def _production_needs_real_keys(self) -> Settings:
        if self.environment == "production":
            if self.jwks_url is None and self.jwt_secret is None:
                raise ValueError("production needs FOSTERFLYT_JWKS_URL or FOSTERFLYT_JWT_SECRET")
            if self.jwt_secret is not None and len(self.jwt_secret.get_secret_value()) < 32:
                raise ValueError("FOSTERFLYT_JWT_SECRET must be at least 32 characters")
        return self

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
