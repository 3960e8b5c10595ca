"""Extra follow-up visits (issue #19 item 5, review §2.4).

``extra_visits``: a visit to the child in the foster home that no plan asked for ("så ofte som
nødvendig"), recorded after it was held, with whether the child was spoken to alone, why the
child needed it and the notes. It counts towards the year's minimum of follow-up visits.

Revision ID: 2f8c4d6a1e93
Revises: 7b3e9f2a4c61
Create Date: 2026-12-03 13:30:00.000000+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.db

revision: str = "2f8c4d6a1e93"
down_revision: str | None = "7b3e9f2a4c61"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "extra_visits",
        sa.Column("placement_id", sa.Uuid(), nullable=False),
        sa.Column("visited_on", sa.Date(), nullable=False),
        sa.Column("spoke_with_child_alone", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["placement_id", "service_id"],
            ["placements.id", "placements.service_id"],
            name=op.f("fk_extra_visits_placement_id_placements"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_extra_visits_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_extra_visits")),
    )
    op.create_index(
        op.f("ix_extra_visits_placement_id"), "extra_visits", ["placement_id"], unique=False
    )
    op.create_index(
        op.f("ix_extra_visits_service_id"), "extra_visits", ["service_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_extra_visits_service_id"), table_name="extra_visits")
    op.drop_index(op.f("ix_extra_visits_placement_id"), table_name="extra_visits")
    op.drop_table("extra_visits")
