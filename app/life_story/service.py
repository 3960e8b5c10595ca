"""A child's rammefortelling, written in parts over time (P3; ``app.life_story.parts``).

Writing a part adds a version and keeps every earlier one. Two people cannot overwrite each
other: a part that has been written takes a precondition naming its current version (the JSON
API's ``If-Match``), and the child's row is locked while the version is numbered, so two writes
of one part queue rather than both becoming version *n*.

Reads go through the child (``ChildRepository``): another service's child, or a child a contact
person does not follow, is a 404 before any part is looked at.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit.trail import AuditTrail
from app.children.models import Child
from app.children.service import ChildRepository
from app.errors import FieldError, NotFound, PreconditionRequired
from app.events.service import emit
from app.life_story.models import LifeStoryEvent, LifeStoryVersion
from app.life_story.parts import BY_KEY, PARTS, Part
from app.life_story.schemas import LifeStoryPartRead, LifeStoryRead, LifeStoryVersionRead
from app.preconditions import Precondition
from app.principal import Principal
from app.staff.models import Staff

READ = "life-story"


def part_of(part_key: str) -> Part:
    """The part named in a path: an unknown key is a 404 naming the parts there are."""
    part = BY_KEY.get(part_key)
    if part is None:
        raise NotFound(
            "The rammefortelling has no such part. Its parts are: "
            + ", ".join(p.key for p in PARTS)
            + ".",
            errors=[
                FieldError(
                    detail="Not a part of the rammefortelling",
                    parameter="part_key",
                    location="path",
                    code="unknown_part",
                )
            ],
        )
    return part


def represent(row: LifeStoryVersion) -> LifeStoryPartRead:
    """The part as the API shows it, from its current version (``number`` 0: nothing written
    yet, see :func:`_unwritten`). Its rendering is the part's ETag."""
    part = BY_KEY[row.part_key]
    written = row.number > 0
    return LifeStoryPartRead(
        key=part.key,
        title=part.title,
        guidance=part.guidance,
        version=row.number,
        current=LifeStoryVersionRead.model_validate(row) if written else None,
    )


def _unwritten(child: Child, part: Part) -> LifeStoryVersion:
    """A part nobody has written yet, as a version 0 that is never stored: it has a
    representation (and an ETag) like any other, so a first write can name it too."""
    return LifeStoryVersion(
        service_id=child.service_id, child_id=child.id, part_key=part.key, number=0, text=""
    )


def current_versions(session: Session, child_id: uuid.UUID) -> dict[str, LifeStoryVersion]:
    """The newest version of each written part of the child, by part key. For a use case that
    has already found the child through the caller's repository (a document filled for one of
    its placements) and records its own entry."""
    newest = (
        select(LifeStoryVersion.part_key, func.max(LifeStoryVersion.number).label("number"))
        .where(LifeStoryVersion.child_id == child_id)
        .group_by(LifeStoryVersion.part_key)
        .subquery()
    )
    rows = session.scalars(
        select(LifeStoryVersion)
        .join(
            newest,
            (LifeStoryVersion.part_key == newest.c.part_key)
            & (LifeStoryVersion.number == newest.c.number),
        )
        .where(LifeStoryVersion.child_id == child_id)
    )
    return {row.part_key: row for row in rows if row.part_key in BY_KEY}


def read_life_story(
    session: Session, principal: Principal, child_id: uuid.UUID, *, audit: AuditTrail
) -> LifeStoryRead:
    """Every part with its current version, in the rammefortelling's order."""
    child = ChildRepository(session, principal).get(child_id)
    current = current_versions(session, child.id)
    audit.one(child, detail=READ)  # nothing written yet is a read too
    audit.many(list(current.values()))
    times = [row.created_at for row in current.values()]
    last: datetime | None = max(times) if times else None
    return LifeStoryRead(
        child_id=child.id,
        parts=[represent(current.get(p.key) or _unwritten(child, p)) for p in PARTS],
        last_written_at=last,
    )


def read_part(
    session: Session,
    principal: Principal,
    child_id: uuid.UUID,
    part_key: str,
    *,
    audit: AuditTrail,
) -> LifeStoryPartRead:
    child = ChildRepository(session, principal).get(child_id)
    part = part_of(part_key)
    row = current_versions(session, child.id).get(part.key)
    audit.one(child, detail=READ)
    if row is None:
        return represent(_unwritten(child, part))
    return represent(audit.one(row))


def part_history(
    session: Session,
    principal: Principal,
    child_id: uuid.UUID,
    part_key: str,
    *,
    audit: AuditTrail,
) -> list[LifeStoryVersion]:
    """Every version of the part, newest first."""
    child = ChildRepository(session, principal).get(child_id)
    part = part_of(part_key)
    rows = list(
        session.scalars(
            select(LifeStoryVersion)
            .where(LifeStoryVersion.child_id == child.id, LifeStoryVersion.part_key == part.key)
            .order_by(LifeStoryVersion.number.desc())
        )
    )
    audit.one(child, detail=READ)
    audit.many(rows)
    return rows


def write_part(
    session: Session,
    principal: Principal,
    child_id: uuid.UUID,
    part_key: str,
    *,
    text: str,
    precondition: Precondition | None,
    audit: AuditTrail,
) -> LifeStoryVersion:
    """Add a version of the part. ``precondition`` names the version the writer read; None (the
    caller sent none) is accepted only while nothing is written in the part."""
    child = ChildRepository(session, principal).get_for_update(child_id)
    part = part_of(part_key)
    current = current_versions(session, child.id).get(part.key)
    if precondition is None:
        if current is not None:
            raise PreconditionRequired(
                "This part has been written before: send If-Match with the ETag from your last "
                "GET of the part, so that nobody's text is overwritten unseen."
            )
    else:
        precondition.check(current or _unwritten(child, part))
    row = LifeStoryVersion(
        service_id=child.service_id,
        child_id=child.id,
        part_key=part.key,
        number=(current.number if current else 0) + 1,
        text=text,
        written_by=principal.subject,
        written_by_role=str(principal.role_in(child.service_id) or "unknown"),
        written_by_name=_staff_name(session, principal, child.service_id),
        on_behalf_of=audit.actor.on_behalf_of,
    )
    session.add(row)
    session.flush()
    emit(
        session,
        service_id=child.service_id,
        type=LifeStoryEvent.PART_WRITTEN,
        subject_id=row.id,
        data={"child_id": str(child.id), "part_key": part.key, "number": row.number},
    )
    return audit.one(row)


def _staff_name(session: Session, principal: Principal, service_id: uuid.UUID) -> str | None:
    staff_id = principal.staff_id_in(service_id)
    if staff_id is None:
        return None
    return session.scalar(
        select(Staff.name).where(Staff.id == staff_id, Staff.service_id == service_id)
    )
