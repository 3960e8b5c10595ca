from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, UTCDateTime, utcnow


class WebSession(Base):
    """A person signed in to the web app. The cookie carries a random token; only its SHA-256
    is stored, so a copy of the table signs nobody in.

    ``subject`` is the identity claim that names the person's staff rows (their e-mail by
    default): the grants are looked up from it on every request, so a staff row removed or a
    role changed takes effect at once. A session that timed out is kept (``ended_at`` set) until
    the person signs in again, so a form sent after the timeout can be kept as a draft for them.
    """

    __tablename__ = "web_sessions"
    __table_args__ = (Index("ix_web_sessions_subject", "subject"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    subject: Mapped[str] = mapped_column(String(254))
    display_name: Mapped[str] = mapped_column(String(200))
    method: Mapped[str] = mapped_column(String(20))  # "oidc" or "development"
    csrf_token: Mapped[str] = mapped_column(String(64))
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    end_reason: Mapped[str | None] = mapped_column(String(20))  # idle, absolute, logout
    # The identity provider's ID token, kept for the logout request's id_token_hint.
    id_token: Mapped[str | None] = mapped_column(Text)


class FormDraft(Base):
    """What a person typed into a form and has not yet submitted successfully: kept on every
    refused submit and when the session ran out mid-form, shown again when they come back,
    removed when the form is submitted. It is case data, so it belongs to the case's service."""

    __tablename__ = "web_form_drafts"
    __table_args__ = (UniqueConstraint("subject", "form_key"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    service_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"))
    subject: Mapped[str] = mapped_column(String(254))
    # What the form is for, e.g. "task:<uuid>": one draft per person and form.
    form_key: Mapped[str] = mapped_column(String(100))
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
