"""The approval of the foster home for one child (issue #14 item 4).

``foster_home_approvals``: one per placement: the assessment, home visit, the foster parents'
training, the police certificates checked, the signed fosterhjemsavtale (on Bufdir's template),
the facts of an urgent move (emergency decision, parents informed, quick check of the home) and
the decision (date, who, outcome, conditions). ``foster_homes.approved_date`` stays the home's own.

Revision ID: a4c7e2b9d813
Revises: 8d5e1b3c7a20
Create Date: 2026-12-04 19:00:00.000000+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.db

revision: str = "a4c7e2b9d813"
down_revision: str | None = "8d5e1b3c7a20"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "foster_home_approvals",
        sa.Column("placement_id", sa.Uuid(), nullable=False),
        sa.Column("assessment_date", sa.Date(), nullable=True),
        sa.Column("home_visit_date", sa.Date(), nullable=True),
        sa.Column("training_course", sa.String(length=200), nullable=True),
        sa.Column("training_completed_on", sa.Date(), nullable=True),
        sa.Column("police_certificates", sa.JSON(), nullable=False),
        sa.Column("agreement_signed_on", sa.Date(), nullable=True),
        sa.Column("agreement_bufdir_template", sa.Boolean(), nullable=False),
        sa.Column("emergency_decided_on", sa.Date(), nullable=True),
        sa.Column("emergency_decided_by", sa.String(length=200), nullable=True),
        sa.Column("parents_informed_on", sa.Date(), nullable=True),
        sa.Column("quick_check_on", sa.Date(), nullable=True),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.Column(
            "outcome",
            sa.Enum(
                "approved",
                "not_approved",
                "approved_with_conditions",
                name="approval_outcome",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("conditions", sa.Text(), nullable=True),
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
            name=op.f("fk_foster_home_approvals_placement_id_placements"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_foster_home_approvals_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_foster_home_approvals")),
        sa.UniqueConstraint("placement_id", name=op.f("uq_foster_home_approvals_placement_id")),
    )
    op.create_index(
        op.f("ix_foster_home_approvals_service_id"),
        "foster_home_approvals",
        ["service_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_foster_home_approvals_service_id"), table_name="foster_home_approvals")
    op.drop_table("foster_home_approvals")
