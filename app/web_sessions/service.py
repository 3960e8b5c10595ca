"""Signing in and out of the web app, and the drafts of its forms.

Written with Core statements, not ORM flushes: a page view (a GET, whose database session
refuses ORM changes) still moves its session's ``last_seen_at`` and may end a timed-out one.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from app.db import utcnow
from app.web_sessions.models import FormDraft, WebSession

# last_seen_at is written at most this often: a page with many partial requests costs one write.
TOUCH_EVERY = timedelta(seconds=30)


class Method(StrEnum):
    OIDC = "oidc"
    DEVELOPMENT = "development"


class EndReason(StrEnum):
    IDLE = "idle"
    ABSOLUTE = "absolute"
    LOGOUT = "logout"


@dataclass(frozen=True)
class Timeouts:
    idle: timedelta
    absolute: timedelta


@dataclass(frozen=True)
class SessionView:
    """A session as a request sees it: ``active`` false when it has timed out or was ended."""

    id: uuid.UUID
    subject: str
    display_name: str
    method: Method
    csrf_token: str
    created_at: datetime
    id_token: str | None
    active: bool
    end_reason: EndReason | None


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start(
    session: Session,
    *,
    subject: str,
    display_name: str,
    method: Method,
    id_token: str | None = None,
) -> str:
    """Sign ``subject`` in: a new session (never a reused one, so a token planted before the
    login is worthless) and its cookie token. The person's earlier timed-out sessions go."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    session.execute(
        delete(WebSession).where(WebSession.subject == subject, WebSession.ended_at.is_not(None))
    )
    session.execute(
        insert(WebSession).values(
            id=uuid.uuid4(),
            token_hash=hash_token(token),
            subject=subject,
            display_name=display_name[:200],
            method=str(method),
            csrf_token=secrets.token_urlsafe(32),
            created_at=now,
            updated_at=now,
            last_seen_at=now,
            id_token=id_token,
        )
    )
    return token


def current(session: Session, token: str, timeouts: Timeouts) -> SessionView | None:
    """The session the cookie ``token`` names (None: no such session). One that has been idle
    or alive too long is ended here and comes back inactive."""
    row = session.execute(
        select(WebSession).where(WebSession.token_hash == hash_token(token))
    ).scalar_one_or_none()
    if row is None:
        return None
    now = utcnow()
    reason = EndReason(row.end_reason) if row.end_reason else None
    if row.ended_at is None:
        if now - row.created_at >= timeouts.absolute:
            reason = EndReason.ABSOLUTE
        elif now - row.last_seen_at >= timeouts.idle:
            reason = EndReason.IDLE
        if reason is not None:
            _end(session, row.id, reason)
        elif now - row.last_seen_at >= TOUCH_EVERY:
            session.execute(
                update(WebSession).where(WebSession.id == row.id).values(last_seen_at=now)
            )
    return SessionView(
        id=row.id,
        subject=row.subject,
        display_name=row.display_name,
        method=Method(row.method),
        csrf_token=row.csrf_token,
        created_at=row.created_at,
        id_token=row.id_token,
        active=reason is None,
        end_reason=reason,
    )


def end(session: Session, session_id: uuid.UUID) -> None:
    """Sign out: the session is gone (a signed-out person's drafts stay theirs)."""
    session.execute(delete(WebSession).where(WebSession.id == session_id))


def _end(session: Session, session_id: uuid.UUID, reason: EndReason) -> None:
    session.execute(
        update(WebSession)
        .where(WebSession.id == session_id)
        .values(ended_at=utcnow(), end_reason=str(reason))
    )


def save_draft(
    session: Session,
    *,
    subject: str,
    form_key: str,
    service_id: uuid.UUID,
    fields: dict[str, Any],
) -> None:
    """Keep what ``subject`` typed into the form ``form_key`` (replacing an older draft)."""
    now = utcnow()
    session.execute(
        delete(FormDraft).where(FormDraft.subject == subject, FormDraft.form_key == form_key)
    )
    session.execute(
        insert(FormDraft).values(
            id=uuid.uuid4(),
            service_id=service_id,
            subject=subject,
            form_key=form_key,
            fields=fields,
            created_at=now,
            updated_at=now,
        )
    )


def draft(session: Session, *, subject: str, form_key: str) -> dict[str, Any] | None:
    fields = session.execute(
        select(FormDraft.fields).where(FormDraft.subject == subject, FormDraft.form_key == form_key)
    ).scalar_one_or_none()
    return dict(fields) if fields is not None else None


def discard_draft(session: Session, *, subject: str, form_key: str) -> None:
    session.execute(
        delete(FormDraft).where(FormDraft.subject == subject, FormDraft.form_key == form_key)
    )
