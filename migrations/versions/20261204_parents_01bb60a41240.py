"""The child's parents as separate persons (issue #14 item 1).

``parents``: each parent of a child, in the child's service: name, relation, contact details,
parental responsibility, whether they want follow-up and when they declined it, and the
household they live in (parents who live together share ``household_id``).
``workflow_instances.parent_household_id`` and ``tasks.parent_household_id``: the household a
run planned per parent household follows up, and its tasks. ``documents.parent_id``: the parent
a letter was filled for.

Revision ID: 01bb60a41240
Revises: a4c7e2b9d813
Create Date: 2026-12-04 19:00:00.000000+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.db

revision: str = "01bb60a41240"
down_revision: str | None = "a4c7e2b9d813"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "parents",
        sa.Column("child_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "relation",
            sa.Enum(
                "mother",
                "father",
                "other",
                name="parent_relation",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("relation_text", sa.String(length=200), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("street_address", sa.String(length=200), nullable=True),
        sa.Column("postal_code", sa.String(length=4), nullable=True),
        sa.Column("postal_place", sa.String(length=100), nullable=True),
        sa.Column("parental_responsibility", sa.Boolean(), nullable=False),
        sa.Column("wants_follow_up", sa.Boolean(), nullable=False),
        sa.Column("declined_on", sa.Date(), nullable=True),
        sa.Column("decline_note", sa.Text(), nullable=True),
        sa.Column("household_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["child_id", "service_id"],
            ["children.id", "children.service_id"],
            name=op.f("fk_parents_child_id_children"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_parents_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parents")),
    )
    op.create_index("ix_parents_child_id", "parents", ["child_id"], unique=False)
    op.create_index(op.f("ix_parents_service_id"), "parents", ["service_id"], unique=False)
    with op.batch_alter_table("workflow_instances") as batch:
        batch.add_column(sa.Column("parent_household_id", sa.Uuid(), nullable=True))
    with op.batch_alter_table("tasks") as batch:
        batch.add_column(sa.Column("parent_household_id", sa.Uuid(), nullable=True))
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("parent_id", sa.Uuid(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("parent_id")
    with op.batch_alter_table("tasks") as batch:
        batch.drop_column("parent_household_id")
    with op.batch_alter_table("workflow_instances") as batch:
        batch.drop_column("parent_household_id")
    op.drop_index(op.f("ix_parents_service_id"), table_name="parents")
    op.drop_index("ix_parents_child_id", table_name="parents")
    op.drop_table("parents")
