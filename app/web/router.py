"""The web app under ``/app/``: its routers, security headers and error pages."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

from app.web.errors import install_page_errors
from app.web.pages import assessment, session, task, tasks
from app.web.security import PageSecurity

router = APIRouter(prefix="/app", include_in_schema=False)
for module in (session, tasks, task, assessment):
    router.include_router(module.router)


def install_web(app: FastAPI, *, form_targets: str = "") -> None:
    """Add the pages to ``app`` (after the JSON error handlers are installed)."""
    app.include_router(router)
    install_page_errors(app)
    app.add_middleware(PageSecurity, form_targets=form_targets)
