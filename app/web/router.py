"""The web app under ``/app/``: its routers, security headers and error pages."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, FastAPI

from app.config import Settings
from app.web.errors import install_page_errors
from app.web.oidc import OidcClient
from app.web.pages import (
    assessment,
    calendar,
    documents,
    leader,
    placements,
    register,
    session,
    supervisor,
    task,
    tasks,
)
from app.web.security import PageSecurity

router = APIRouter(prefix="/app", include_in_schema=False)
for module in (
    session,
    tasks,
    task,
    assessment,
    placements,
    documents,
    calendar,
    register,
    leader,
    supervisor,
):
    router.include_router(module.router)
router.include_router(register.edit_router)


def install_web(app: FastAPI, *, form_targets: str | Callable[[], str] = "") -> None:
    """Add the pages to ``app`` (after the JSON error handlers are installed, and after
    ``app.state.settings``). With OpenID Connect configured, forms may lead to the provider."""
    settings: Settings = app.state.settings
    oidc = OidcClient(settings) if settings.oidc_issuer and settings.oidc_client_id else None
    app.state.oidc = oidc
    app.include_router(router)
    install_page_errors(app)
    if oidc is not None and not form_targets:
        form_targets = oidc.form_targets
    app.add_middleware(PageSecurity, form_targets=form_targets)
