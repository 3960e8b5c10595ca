"""Events: the transactional outbox behind the event feed.

Revision ID: 83d343bbeb63
Revises: 9ef536de9d6b
Create Date: 2026-11-22 16:12:30.212253+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.db

revision: str = "83d343bbeb63"
down_revision: str | None = "9ef536de9d6b"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column(
            "position",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.Column("type", sa.String(length=64), nullable=False),
        sa.Column("occurred_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("subject_id", sa.Uuid(), nullable=False),
        sa.Column("placement_id", sa.Uuid(), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("tx_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_id"], ["services.id"], name=op.f("fk_events_service_id_services")
        ),
        sa.PrimaryKeyConstraint("position", name=op.f("pk_events")),
        sa.UniqueConstraint("id", name=op.f("uq_events_id")),
    )
    op.create_index(
        "ix_events_service_id_position", "events", ["service_id", "position"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_events_service_id_position", table_name="events")
    op.drop_table("events")
