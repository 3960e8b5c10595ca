"""Supervision of a placement and the other children in the foster home (issue #14 item 1).

``supervision_visitors``: the supervision visitor (tilsynsfører) appointed for a placement, with
contact details, the police certificate, the course and the agreement; at most one current per
placement (a partial unique index), ended appointments kept. ``supervision_reports``: each report
with its visit and arrival dates, the visit task it completed and the file.
``foster_home_children``:
the other children living in a foster home (no national id).

Revision ID: f7dd6854368d
Revises: 7ff7f3bcb001
Create Date: 2026-12-04 18:48:18.638440+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.db

revision: str = "f7dd6854368d"
down_revision: str | None = "7ff7f3bcb001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "foster_home_children",
        sa.Column("foster_home_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("birth_year", sa.Integer(), nullable=False),
        sa.Column(
            "relation",
            sa.Enum(
                "own_child",
                "foster_child",
                "other",
                name="home_child_relation",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("moved_out_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["foster_home_id", "service_id"],
            ["foster_homes.id", "foster_homes.service_id"],
            name=op.f("fk_foster_home_children_foster_home_id_foster_homes"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_foster_home_children_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_foster_home_children")),
    )
    with op.batch_alter_table("foster_home_children", schema=None) as batch_op:
        batch_op.create_index(
            "ix_foster_home_children_foster_home_id", ["foster_home_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_foster_home_children_service_id"), ["service_id"], unique=False
        )

    op.create_table(
        "supervision_visitors",
        sa.Column("placement_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("appointed_on", sa.Date(), nullable=False),
        sa.Column("police_certificate_checked_on", sa.Date(), nullable=True),
        sa.Column("training_completed_on", sa.Date(), nullable=True),
        sa.Column("agreement_signed_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.String(length=500), nullable=True),
        sa.Column("appointed_by", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["placement_id", "service_id"],
            ["placements.id", "placements.service_id"],
            name=op.f("fk_supervision_visitors_placement_id_placements"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_supervision_visitors_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervision_visitors")),
    )
    with op.batch_alter_table("supervision_visitors", schema=None) as batch_op:
        batch_op.create_index(
            "ix_supervision_visitors_placement_id", ["placement_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_supervision_visitors_service_id"), ["service_id"], unique=False
        )
        batch_op.create_index(
            "uq_supervision_visitors_current",
            ["placement_id"],
            unique=True,
            sqlite_where=sa.text("ended_on IS NULL"),
            postgresql_where=sa.text("ended_on IS NULL"),
        )

    op.create_table(
        "supervision_reports",
        sa.Column("placement_id", sa.Uuid(), nullable=False),
        sa.Column("visitor_id", sa.Uuid(), nullable=True),
        sa.Column("visit_date", sa.Date(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("spoke_with_child_alone", sa.Boolean(), nullable=False),
        sa.Column("task_id", sa.Uuid(), nullable=True),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["placement_id", "service_id"],
            ["placements.id", "placements.service_id"],
            name=op.f("fk_supervision_reports_placement_id_placements"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_supervision_reports_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["task_id"], ["tasks.id"], name=op.f("fk_supervision_reports_task_id_tasks")
        ),
        sa.ForeignKeyConstraint(
            ["visitor_id"],
            ["supervision_visitors.id"],
            name=op.f("fk_supervision_reports_visitor_id_supervision_visitors"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervision_reports")),
    )
    with op.batch_alter_table("supervision_reports", schema=None) as batch_op:
        batch_op.create_index("ix_supervision_reports_placement_id", ["placement_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_supervision_reports_service_id"), ["service_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("supervision_reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supervision_reports_service_id"))
        batch_op.drop_index("ix_supervision_reports_placement_id")

    op.drop_table("supervision_reports")
    with op.batch_alter_table("supervision_visitors", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_supervision_visitors_current",
            sqlite_where=sa.text("ended_on IS NULL"),
            postgresql_where=sa.text("ended_on IS NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_supervision_visitors_service_id"))
        batch_op.drop_index("ix_supervision_visitors_placement_id")

    op.drop_table("supervision_visitors")
    with op.batch_alter_table("foster_home_children", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_foster_home_children_service_id"))
        batch_op.drop_index("ix_foster_home_children_foster_home_id")

    op.drop_table("foster_home_children")
