from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.db import DbSession
from app.migrations import current_revision, head_revision

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str
    database: str | None = None
    revision: str | None = None


@router.get(
    "/healthz",
    response_model=Health,
    operation_id="healthz",
    summary="Liveness",
    description="200 while the process is up; it checks nothing else.",
)
async def healthz() -> Health:  # async: answers even while every worker thread is busy
    return Health(status="ok")


@router.get(
    "/readyz",
    response_model=Health,
    operation_id="readyz",
    summary="Readiness",
    description="503 unless the database answers and its schema is at the latest migration.",
    responses={503: {"model": Health, "description": "Not ready"}},
)
def readyz(session: DbSession) -> JSONResponse:
    try:
        session.execute(text("SELECT 1"))
        revision = current_revision(session.connection())
    except SQLAlchemyError:
        return JSONResponse(
            Health(status="unavailable", database="unreachable").model_dump(), status_code=503
        )
    if revision != head_revision():
        body = Health(status="unavailable", database="behind", revision=revision)
        return JSONResponse(body.model_dump(), status_code=503)
    return JSONResponse(Health(status="ok", database="ok", revision=revision).model_dump())
