"""The child's rammefortelling: read it, write a part, read a part's history."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Request, Response

from app.audit.trail import AuditCreate, AuditList, AuditRead
from app.auth import authorize
from app.db import DbSession
from app.errors import NotFound, PreconditionFailed, PreconditionRequired, responses
from app.http import IfMatch, IfMatchHeader, item_response
from app.life_story import service
from app.life_story.schemas import (
    LifeStoryPartRead,
    LifeStoryPartWrite,
    LifeStoryRead,
    LifeStoryVersionRead,
)
from app.principal import Principal, Scope
from app.schemas import Page

router = APIRouter(prefix="/v1/children/{child_id}/life-story", tags=["life story"])
Reader = Annotated[Principal, authorize(Scope.DOCUMENTS_READ)]
Writer = Annotated[Principal, authorize(Scope.DOCUMENTS_WRITE)]
PartKey = Annotated[
    str,
    Path(
        max_length=64,
        description="The part: `min_historie`, `hvorfor_jeg_ikke_bor_hjemme`, `familien_min`, "
        "`viktige_personer`, `det_jeg_er_god_til` or `det_som_har_vaert_vanskelig`.",
    ),
]


@router.get(
    "",
    response_model=LifeStoryRead,
    operation_id="getLifeStory",
    summary="The child's rammefortelling",
    description="The child's life-story frame (P3 *rammefortelling*) as it reads now: each of "
    "its six parts with its Norwegian title, guidance for the writer and current version "
    "(`version` 0 and no `current` while nothing is written). Earlier versions stay: "
    "`GET …/parts/{part_key}/versions`.",
    responses=responses(NotFound),
)
def get_life_story(
    child_id: uuid.UUID, principal: Reader, session: DbSession, request: Request, audit: AuditRead
) -> Response:
    story = service.read_life_story(session, principal, child_id, audit=audit)
    return item_response(request, story)


@router.get(
    "/parts/{part_key}",
    response_model=LifeStoryPartRead,
    operation_id="getLifeStoryPart",
    summary="One part of the rammefortelling",
    description="The part with its current version. Its ETag is the `If-Match` of your next "
    "write of the part. An unknown part is a 404 that names the parts.",
    responses=responses(NotFound),
)
def get_life_story_part(
    child_id: uuid.UUID,
    part_key: PartKey,
    principal: Reader,
    session: DbSession,
    request: Request,
    audit: AuditRead,
) -> Response:
    part = service.read_part(session, principal, child_id, part_key, audit=audit)
    return item_response(request, part)


@router.put(
    "/parts/{part_key}",
    response_model=LifeStoryPartRead,
    operation_id="writeLifeStoryPart",
    summary="Write a new version of a part",
    description="Send the part's whole text as it should read now: it becomes the part's next "
    "version, and every earlier version stays readable. Once a part has been written, send "
    "`If-Match` with the ETag of your last `GET` of the part (428 without it, 412 when someone "
    "wrote the part since), so that two writers never overwrite each other unseen. The first "
    "write of a part needs no `If-Match`. An empty text is a 422 at `#/text`. The response is "
    "the part with its new version and ETag; `life_story.part_written` is raised.",
    responses=responses(NotFound, PreconditionFailed, PreconditionRequired),
)
def write_life_story_part(
    child_id: uuid.UUID,
    part_key: PartKey,
    body: LifeStoryPartWrite,
    principal: Writer,
    session: DbSession,
    request: Request,
    audit: AuditCreate,
    if_match: IfMatchHeader = None,
) -> Response:
    row = service.write_part(
        session,
        principal,
        child_id,
        part_key,
        text=body.text,
        precondition=IfMatch(if_match, service.represent) if if_match else None,
        audit=audit,
    )
    return item_response(request, service.represent(row))


@router.get(
    "/parts/{part_key}/versions",
    response_model=Page[LifeStoryVersionRead],
    operation_id="listLifeStoryPartVersions",
    summary="Every version of a part",
    description="The part's history, newest first: each version's text, who wrote it and when.",
    responses=responses(NotFound),
)
def list_life_story_part_versions(
    child_id: uuid.UUID,
    part_key: PartKey,
    principal: Reader,
    session: DbSession,
    audit: AuditList,
) -> Page[LifeStoryVersionRead]:
    rows = service.part_history(session, principal, child_id, part_key, audit=audit)
    return Page[LifeStoryVersionRead].whole([LifeStoryVersionRead.model_validate(r) for r in rows])
