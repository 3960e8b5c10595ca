"""The child's rammefortelling (issue #14 item 5, P3).

``life_story_versions``: each version of each part of a child's life-story frame, written over
time and never changed in place: the part, its number (1, 2, …), the text, who wrote it (token
subject, role, staff name, journal-system user) and when. The current text of a part is its newest
version.

Revision ID: 4c8b60b48af0
Revises: 01bb60a41240
Create Date: 2026-12-04 19:00:00.000000+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.db

revision: str = "4c8b60b48af0"
down_revision: str | None = "01bb60a41240"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "life_story_versions",
        sa.Column("child_id", sa.Uuid(), nullable=False),
        sa.Column("part_key", sa.String(length=64), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("written_by", sa.String(length=200), nullable=False),
        sa.Column("written_by_role", sa.String(length=32), nullable=False),
        sa.Column("written_by_name", sa.String(length=200), nullable=True),
        sa.Column("on_behalf_of", sa.String(length=128), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["child_id", "service_id"],
            ["children.id", "children.service_id"],
            name=op.f("fk_life_story_versions_child_id_children"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_life_story_versions_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_life_story_versions")),
        sa.UniqueConstraint(
            "child_id",
            "part_key",
            "number",
            name=op.f("uq_life_story_versions_child_id_part_key_number"),
        ),
    )
    op.create_index(
        "ix_life_story_versions_child_id", "life_story_versions", ["child_id"], unique=False
    )
    op.create_index(
        op.f("ix_life_story_versions_service_id"),
        "life_story_versions",
        ["service_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_life_story_versions_service_id"), table_name="life_story_versions")
    op.drop_index("ix_life_story_versions_child_id", table_name="life_story_versions")
    op.drop_table("life_story_versions")
