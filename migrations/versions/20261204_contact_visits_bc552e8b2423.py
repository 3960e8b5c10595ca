"""Contact visits (samvær, issue #14 item 3).

``contact_visit_arrangements``: what the tribunal, a court or an agreement set (with whom, how
often from the first visit, how long, supervised or not, where), and
``contact_visit_arrangement_revisions`` the values each change replaced; ``contact_visits``: each
visit planned, held or cancelled (by whom, why); ``contact_visit_reports``: a report received
after a visit, with the workflow run that plans its review.

Revision ID: bc552e8b2423
Revises: f7dd6854368d
Create Date: 2026-12-04 18:48:21.444900+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.db

revision: str = "bc552e8b2423"
down_revision: str | None = "f7dd6854368d"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "contact_visit_arrangements",
        sa.Column("placement_id", sa.Uuid(), nullable=False),
        sa.Column(
            "decided_by",
            sa.Enum(
                "tribunal",
                "court",
                "agreement",
                name="contact_decided_by",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("reference", sa.String(length=200), nullable=True),
        sa.Column("participants", sa.JSON(), nullable=False),
        sa.Column("every", sa.String(length=16), nullable=False),
        sa.Column("first_visit_on", sa.Date(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=True),
        sa.Column("supervised", sa.Boolean(), nullable=False),
        sa.Column("supervised_by", sa.String(length=200), nullable=True),
        sa.Column("place", sa.String(length=300), nullable=True),
        sa.Column("minimum", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.Text(), nullable=True),
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
            name=op.f("fk_contact_visit_arrangements_placement_id_placements"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_contact_visit_arrangements_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_visit_arrangements")),
    )
    with op.batch_alter_table("contact_visit_arrangements", schema=None) as batch_op:
        batch_op.create_index(
            "ix_contact_visit_arrangements_placement_id", ["placement_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_contact_visit_arrangements_service_id"), ["service_id"], unique=False
        )

    op.create_table(
        "contact_visit_arrangement_revisions",
        sa.Column("placement_id", sa.Uuid(), nullable=False),
        sa.Column("arrangement_id", sa.Uuid(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("values", sa.JSON(), nullable=False),
        sa.Column("change_reason", sa.Text(), nullable=False),
        sa.Column("changed_by", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["arrangement_id"],
            ["contact_visit_arrangements.id"],
            name=op.f("fk_contact_visit_arrangement_revisions_arrangement_id"),
        ),
        sa.ForeignKeyConstraint(
            ["placement_id", "service_id"],
            ["placements.id", "placements.service_id"],
            name=op.f("fk_contact_visit_arrangement_revisions_placement_id_placements"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_contact_visit_arrangement_revisions_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_visit_arrangement_revisions")),
    )
    with op.batch_alter_table("contact_visit_arrangement_revisions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_contact_visit_arrangement_revisions_arrangement_id",
            ["arrangement_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_contact_visit_arrangement_revisions_service_id"),
            ["service_id"],
            unique=False,
        )

    op.create_table(
        "contact_visits",
        sa.Column("placement_id", sa.Uuid(), nullable=False),
        sa.Column("arrangement_id", sa.Uuid(), nullable=True),
        sa.Column("planned_on", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "planned",
                "held",
                "cancelled",
                name="contact_visit_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column(
            "cancelled_by",
            sa.Enum(
                "parent",
                "child",
                "foster_home",
                "service",
                "other",
                name="contact_visit_cancelled_by",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("cancellation_reason", sa.Text(), nullable=True),
        sa.Column("supervised", sa.Boolean(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["arrangement_id"],
            ["contact_visit_arrangements.id"],
            name=op.f("fk_contact_visits_arrangement_id_contact_visit_arrangements"),
        ),
        sa.ForeignKeyConstraint(
            ["placement_id", "service_id"],
            ["placements.id", "placements.service_id"],
            name=op.f("fk_contact_visits_placement_id_placements"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_contact_visits_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_visits")),
    )
    with op.batch_alter_table("contact_visits", schema=None) as batch_op:
        batch_op.create_index("ix_contact_visits_placement_id", ["placement_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_contact_visits_service_id"), ["service_id"], unique=False
        )

    op.create_table(
        "contact_visit_reports",
        sa.Column("placement_id", sa.Uuid(), nullable=False),
        sa.Column("visit_id", sa.Uuid(), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("written_by", sa.String(length=200), nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("review_instance_id", sa.Uuid(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["placement_id", "service_id"],
            ["placements.id", "placements.service_id"],
            name=op.f("fk_contact_visit_reports_placement_id_placements"),
        ),
        sa.ForeignKeyConstraint(
            ["review_instance_id"],
            ["workflow_instances.id"],
            name=op.f("fk_contact_visit_reports_review_instance_id_workflow_instances"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_contact_visit_reports_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["contact_visits.id"],
            name=op.f("fk_contact_visit_reports_visit_id_contact_visits"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_visit_reports")),
    )
    with op.batch_alter_table("contact_visit_reports", schema=None) as batch_op:
        batch_op.create_index(
            "ix_contact_visit_reports_placement_id", ["placement_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_contact_visit_reports_service_id"), ["service_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("contact_visit_reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_visit_reports_service_id"))
        batch_op.drop_index("ix_contact_visit_reports_placement_id")

    op.drop_table("contact_visit_reports")
    with op.batch_alter_table("contact_visits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_visits_service_id"))
        batch_op.drop_index("ix_contact_visits_placement_id")

    op.drop_table("contact_visits")
    with op.batch_alter_table("contact_visit_arrangement_revisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_visit_arrangement_revisions_service_id"))
        batch_op.drop_index("ix_contact_visit_arrangement_revisions_arrangement_id")

    op.drop_table("contact_visit_arrangement_revisions")
    with op.batch_alter_table("contact_visit_arrangements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_visit_arrangements_service_id"))
        batch_op.drop_index("ix_contact_visit_arrangements_placement_id")

    op.drop_table("contact_visit_arrangements")
