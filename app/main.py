"""The ASGI application: ``app.main:app``."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio
import anyio.to_thread
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from app.api.api_keys import router as api_keys_router
from app.api.approvals import router as approvals_router
from app.api.audit import router as audit_router
from app.api.calendar import router as calendar_router
from app.api.children import router as children_router
from app.api.contact_visits import router as contact_visits_router
from app.api.documents import router as documents_router
from app.api.events import router as events_router
from app.api.foster_homes import router as foster_homes_router
from app.api.life_story import router as life_story_router
from app.api.oversight import router as oversight_router
from app.api.people import router as people_router
from app.api.placements import router as placements_router
from app.api.plans import router as plans_router
from app.api.privacy import router as privacy_router
from app.api.refused import install_refused_audit
from app.api.services import router as services_router
from app.api.staff import router as staff_router
from app.api.supervision import router as supervision_router
from app.api.tasks import router as tasks_router
from app.api.teams import router as teams_router
from app.api.webhooks import router as webhooks_router
from app.api.workflows import router as workflows_router
from app.api_keys.service import ApiKeyAuthenticator
from app.auth import JwtAuthenticator, TokenCache
from app.config import Settings, get_settings
from app.db import engine_for, make_engine, session_factories
from app.docs import install_docs
from app.documents import pdf
from app.documents.catalogue import templates
from app.error_handlers import install_error_handlers
from app.health import ReadinessProbe
from app.health import router as health_router
from app.logging import configure_logging
from app.middleware import RequestContext, RequestGuard
from app.planning.definitions import catalogue
from app.ratelimit import RateLimiter
from app.web.router import install_web
from app.worker import InProcessWorker

DESCRIPTION = """
Fosterflyt keeps the register of foster-care placements for Norwegian child welfare services and
runs their follow-up.

* **Authentication**: `Authorization: Bearer <JWT or API key>` on every route but health and
  docs. Each operation lists the scopes it needs. Each client has a rate limit: `429` comes
  with `Retry-After`.
* **Errors** are `application/problem+json` (RFC 9457) with a stable `type`; input errors list
  each offending field in `errors[]` with a JSON pointer.
* **Concurrency**: item `GET`s return an `ETag`; `PATCH` requires `If-Match`.
* **Retries**: creates accept `Idempotency-Key`.
* **Lists** are cursor-paginated: pass `next_cursor` as `cursor`, or follow `Link: rel="next"`.
"""

TAGS = [
    {"name": "services", "description": "Child welfare services (the tenants)."},
    {"name": "staff", "description": "Contact persons, leaders and supervisors."},
    {"name": "children", "description": "Children followed up by a service."},
    {"name": "foster homes", "description": "Ordinary, kinship and emergency foster homes."},
    {"name": "placements", "description": "A child living in a foster home."},
    {"name": "tasks", "description": "What is due, when and why, and completing it."},
    {"name": "workflows", "description": "Follow-up programmes, their definitions and rules."},
    {"name": "contact visits", "description": "Samvær: arrangements, visits and reports."},
    {"name": "calendar", "description": "Deadlines as a calendar subscription."},
    {"name": "documents", "description": "Guided Word templates filled from the case."},
    {"name": "events", "description": "The resumable feed of every change."},
    {"name": "api keys", "description": "Keys for journal systems, shown once, rotated, revoked."},
    {"name": "audit", "description": "Who read or changed which child's data, and why."},
    {"name": "privacy", "description": "A child's data export and the retention list."},
    {"name": "webhooks", "description": "Signed HTTP callbacks for the events of a service."},
    {"name": "health", "description": "Liveness and readiness for orchestrators."},
]


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings.log_level)
    catalogue()  # a broken workflow definition stops start-up here, with its file and field
    templates()  # and so does a broken template manifest
    engine = engine or engine_for(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # The embedded setup (SQLite) runs the worker in this process; PostgreSQL deployments run
        # `fosterflyt worker` beside it. Servers started without a lifespan run no worker.
        worker = InProcessWorker(engine, settings) if settings.runs_worker_in_process else None
        if worker is not None:
            worker.start()
        tune_runtime(settings)
        pdf.detect_at_start()
        yield
        if worker is not None:
            worker.close()
        app.state.readiness.close()
        if probe_engine is not engine:
            probe_engine.dispose()
        engine.dispose()

    app = FastAPI(
        title="Fosterflyt",
        version="0.1.0",
        description=DESCRIPTION,
        openapi_tags=TAGS,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.engine = engine
    app.state.settings = settings
    (
        app.state.session_factory,
        app.state.read_session_factory,
        app.state.reads_autocommit,
    ) = session_factories(engine)
    app.state.readiness, probe_engine = readiness_probe(app, settings, engine)
    app.state.rate_limiter = RateLimiter(settings)
    app.state.token_cache = TokenCache()
    # Tried in order; a browser session (the web app) is one more entry.
    app.state.authenticators = [JwtAuthenticator(), ApiKeyAuthenticator()]
    app.state.commit_limiter = anyio.CapacityLimiter(settings.worker_threads)
    app.state.document_slots = anyio.Semaphore(settings.document_concurrency)
    app.state.document_wait_seconds = settings.document_wait_seconds
    app.state.public_base_url = settings.public_base_url
    install_error_handlers(app)
    install_refused_audit(app)
    install_docs(app)
    for router in (
        health_router,
        services_router,
        staff_router,
        children_router,
        people_router,
        life_story_router,
        foster_homes_router,
        placements_router,
        approvals_router,
        plans_router,
        tasks_router,
        workflows_router,
        contact_visits_router,
        calendar_router,
        documents_router,
        events_router,
        api_keys_router,
        audit_router,
        privacy_router,
        oversight_router,
        webhooks_router,
        supervision_router,
        teams_router,
    ):
        app.include_router(router)
    install_web(app)
    app.add_middleware(
        RequestGuard,
        max_body_bytes=settings.max_body_bytes,
        uploads={
            "/v1/templates": settings.max_template_bytes + 100_000,
            "/v1/supervision-reports": settings.max_template_bytes + 100_000,
        },
    )
    if settings.cors_origins:
        # Closed unless configured: only the listed origins, no cookies (bearer tokens only).
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PATCH", "DELETE"],
            allow_headers=[
                "Authorization",
                "Content-Type",
                "If-Match",
                "If-None-Match",
                "Idempotency-Key",
                "X-On-Behalf-Of",
                "X-Request-Id",
            ],
            expose_headers=[
                "Content-Disposition",
                "ETag",
                "Link",
                "Location",
                "RateLimit",
                "RateLimit-Policy",
                "Retry-After",
                "X-Content-SHA256",
                "X-Request-Id",
            ],
            allow_credentials=False,
            max_age=600,
        )
    app.add_middleware(
        RequestContext, synthetic_national_ids=settings.accept_synthetic_national_ids
    )
    return app


def readiness_probe(
    app: FastAPI, settings: Settings, engine: Engine
) -> tuple[ReadinessProbe, Engine]:
    """The probe of /readyz and the engine it uses. On PostgreSQL an engine of its own, with one
    connection and the readiness deadlines, so that a full pool does not delay the answer; on
    SQLite (a local file) the app's own read sessions, as a request gets them."""
    timeout = settings.readiness_timeout_seconds
    if engine.dialect.name != "postgresql":
        return ReadinessProbe(lambda: app.state.read_session_factory(), timeout), engine
    probe_engine = make_engine(
        settings.sqlalchemy_url,
        ping_after_idle=settings.db_ping_after_idle_seconds,
        timeouts=settings.readiness_timeouts(),
        pool_size=1,
        max_overflow=0,
    )
    return ReadinessProbe(sessionmaker(probe_engine), timeout), probe_engine


def tune_runtime(settings: Settings) -> None:
    """At start-up, in the server's event loop: the worker threads that run sync routes and
    dependencies, and the start-up objects frozen out of the garbage collector's walks."""
    anyio.to_thread.current_default_thread_limiter().total_tokens = settings.worker_threads
    if settings.gc_freeze:
        gc.collect()
        gc.freeze()


def __getattr__(name: str) -> FastAPI:
    """``app.main:app`` is built on first access, so importing this module has no side effects
    (tests build their own app with their own engine)."""
    if name == "app":
        application = create_app()
        globals()["app"] = application
        return application
    raise AttributeError(name)
