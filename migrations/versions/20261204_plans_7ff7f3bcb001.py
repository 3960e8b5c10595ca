"""A placement's plans with their revisions and reviews (issue #14 item 2, review §2.9).

``plans``: a care plan (preliminary or final), measures plan (time-limited), follow-up plan or
the parents' follow-up plan, with who took part. ``plan_revisions``: each revision's content, so
the history stays. ``plan_reviews``: each review a plan's review task recorded (date, conclusion,
who took part).

Revision ID: 7ff7f3bcb001
Revises: 4c8b60b48af0
Create Date: 2026-12-04 18:49:16.328002+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.db

revision: str = "7ff7f3bcb001"
down_revision: str | None = "4c8b60b48af0"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "plans",
        sa.Column("placement_id", sa.Uuid(), nullable=False),
        sa.Column("child_id", sa.Uuid(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "care_plan",
                "measures_plan",
                "follow_up_plan",
                "parents_follow_up_plan",
                name="plan_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "stage",
            sa.Enum(
                "preliminary",
                "final",
                name="care_plan_stage",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("adopted_on", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("child_took_part", sa.Boolean(), nullable=False),
        sa.Column("parents_took_part", sa.Boolean(), nullable=False),
        sa.Column("foster_home_took_part", sa.Boolean(), nullable=False),
        sa.Column("participation_notes", sa.Text(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("document_id", sa.Uuid(), nullable=True),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["placement_id", "service_id"],
            ["placements.id", "placements.service_id"],
            name=op.f("fk_plans_placement_id_placements"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_plans_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plans")),
        sa.UniqueConstraint("id", "service_id", name=op.f("uq_plans_id_service_id")),
    )
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plans_child_id"), ["child_id"], unique=False)
        batch_op.create_index("ix_plans_placement_id_kind", ["placement_id", "kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_plans_service_id"), ["service_id"], unique=False)

    op.create_table(
        "plan_reviews",
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("placement_id", sa.Uuid(), nullable=False),
        sa.Column("task_id", sa.Uuid(), nullable=True),
        sa.Column("reviewed_on", sa.Date(), nullable=False),
        sa.Column("conclusion", sa.String(length=64), nullable=False),
        sa.Column("conclusion_text", sa.Text(), nullable=False),
        sa.Column("child_took_part", sa.Boolean(), nullable=False),
        sa.Column("parents_took_part", sa.Boolean(), nullable=False),
        sa.Column("foster_home_took_part", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["placement_id", "service_id"],
            ["placements.id", "placements.service_id"],
            name=op.f("fk_plan_reviews_placement_id_placements"),
        ),
        sa.ForeignKeyConstraint(
            ["plan_id", "service_id"],
            ["plans.id", "plans.service_id"],
            name=op.f("fk_plan_reviews_plan_id_plans"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_plan_reviews_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_reviews")),
    )
    with op.batch_alter_table("plan_reviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_reviews_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_plan_reviews_service_id"), ["service_id"], unique=False
        )

    op.create_table(
        "plan_revisions",
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("placement_id", sa.Uuid(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("revised_by", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["placement_id", "service_id"],
            ["placements.id", "placements.service_id"],
            name=op.f("fk_plan_revisions_placement_id_placements"),
        ),
        sa.ForeignKeyConstraint(
            ["plan_id", "service_id"],
            ["plans.id", "plans.service_id"],
            name=op.f("fk_plan_revisions_plan_id_plans"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_plan_revisions_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_revisions")),
        sa.UniqueConstraint("plan_id", "revision", name=op.f("uq_plan_revisions_plan_id_revision")),
    )
    with op.batch_alter_table("plan_revisions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_plan_revisions_service_id"), ["service_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("plan_revisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_revisions_service_id"))

    op.drop_table("plan_revisions")
    with op.batch_alter_table("plan_reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_reviews_service_id"))
        batch_op.drop_index(batch_op.f("ix_plan_reviews_plan_id"))

    op.drop_table("plan_reviews")
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plans_service_id"))
        batch_op.drop_index("ix_plans_placement_id_kind")
        batch_op.drop_index(batch_op.f("ix_plans_child_id"))

    op.drop_table("plans")
