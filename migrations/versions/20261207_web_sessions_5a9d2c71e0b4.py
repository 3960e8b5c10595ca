"""The web app's sessions and form drafts (issue #15).

``web_sessions``: a signed-in person (the hash of the cookie's token, the identity claim that
names their staff rows, the CSRF token, when it was last used and why it ended);
``web_form_drafts``: what a person typed into a form and has not submitted yet, per form, in the
case's service.

Revision ID: 5a9d2c71e0b4
Revises: bc552e8b2423
Create Date: 2026-12-07 23:10:00+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.db

revision: str = "5a9d2c71e0b4"
down_revision: str | None = "bc552e8b2423"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "web_sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("subject", sa.String(length=254), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("last_seen_at", app.db.UTCDateTime(), nullable=False),
        sa.Column("ended_at", app.db.UTCDateTime(), nullable=True),
        sa.Column("end_reason", sa.String(length=20), nullable=True),
        sa.Column("id_token", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_sessions")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_web_sessions_token_hash")),
    )
    op.create_index("ix_web_sessions_subject", "web_sessions", ["subject"], unique=False)
    op.create_table(
        "web_form_drafts",
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.Column("subject", sa.String(length=254), nullable=False),
        sa.Column("form_key", sa.String(length=100), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_web_form_drafts_service_id_services"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_form_drafts")),
        sa.UniqueConstraint(
            "subject", "form_key", name=op.f("uq_web_form_drafts_subject_form_key")
        ),
    )


def downgrade() -> None:
    op.drop_table("web_form_drafts")
    op.drop_index("ix_web_sessions_subject", table_name="web_sessions")
    op.drop_table("web_sessions")
