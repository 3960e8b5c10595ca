"""Workflows: instances, tasks and their history, visit reductions, rule sets, calendar feeds.

Revision ID: 9189f1947189
Revises: 9e643e68df63
Create Date: 2026-11-22 15:22:10.324881+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.db

revision: str = "9189f1947189"
down_revision: str | None = "9e643e68df63"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Tasks, instances and reductions reference (placement, service): make that pair unique first.
    with op.batch_alter_table("placements") as batch:
        batch.create_unique_constraint(op.f("uq_placements_id_service_id"), ["id", "service_id"])
    op.create_table(
        "rule_set_versions",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("values", sa.JSON(), nullable=False),
        sa.Column("published_by", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rule_set_versions")),
        sa.UniqueConstraint("key", "number", name=op.f("uq_rule_set_versions_key_number")),
    )
    op.create_table(
        "calendar_feeds",
        sa.Column("staff_id", sa.Uuid(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("token_prefix", sa.String(length=12), nullable=False),
        sa.Column("revoked_at", app.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_calendar_feeds_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_calendar_feeds_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_feeds")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_calendar_feeds_token_hash")),
    )
    op.create_index(
        op.f("ix_calendar_feeds_service_id"), "calendar_feeds", ["service_id"], unique=False
    )
    op.create_index(
        op.f("ix_calendar_feeds_staff_id"), "calendar_feeds", ["staff_id"], unique=False
    )
    op.create_table(
        "visit_reductions",
        sa.Column("placement_id", sa.Uuid(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("objections", sa.JSON(), nullable=False),
        sa.Column("objection_notes", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["placement_id", "service_id"],
            ["placements.id", "placements.service_id"],
            name=op.f("fk_visit_reductions_placement_id_placements"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_visit_reductions_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_reductions")),
    )
    op.create_index(
        op.f("ix_visit_reductions_placement_id"), "visit_reductions", ["placement_id"], unique=False
    )
    op.create_index(
        op.f("ix_visit_reductions_service_id"), "visit_reductions", ["service_id"], unique=False
    )
    op.create_table(
        "workflow_adjustments",
        sa.Column("definition_key", sa.String(length=64), nullable=False),
        sa.Column("steps", sa.JSON(), nullable=False),
        sa.Column("changed_by", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_workflow_adjustments_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workflow_adjustments")),
        sa.UniqueConstraint(
            "service_id",
            "definition_key",
            name=op.f("uq_workflow_adjustments_service_id_definition_key"),
        ),
    )
    op.create_index(
        op.f("ix_workflow_adjustments_service_id"),
        "workflow_adjustments",
        ["service_id"],
        unique=False,
    )
    op.create_table(
        "workflow_instances",
        sa.Column("placement_id", sa.Uuid(), nullable=False),
        sa.Column("definition_key", sa.String(length=64), nullable=False),
        sa.Column("definition_version", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "active",
                "completed",
                "closed",
                name="instance_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("workflow_start", sa.Date(), nullable=False),
        sa.Column("planned_from", sa.Date(), nullable=True),
        sa.Column("adjustments", sa.JSON(), nullable=True),
        sa.Column("outcome", sa.String(length=64), nullable=True),
        sa.Column("completed_at", app.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("started_by", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["placement_id", "service_id"],
            ["placements.id", "placements.service_id"],
            name=op.f("fk_workflow_instances_placement_id_placements"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_workflow_instances_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workflow_instances")),
    )
    op.create_index(
        "ix_workflow_instances_placement_id", "workflow_instances", ["placement_id"], unique=False
    )
    op.create_index(
        op.f("ix_workflow_instances_service_id"), "workflow_instances", ["service_id"], unique=False
    )
    op.create_table(
        "tasks",
        sa.Column("placement_id", sa.Uuid(), nullable=False),
        sa.Column("instance_id", sa.Uuid(), nullable=False),
        sa.Column("definition_key", sa.String(length=64), nullable=False),
        sa.Column("definition_version", sa.Integer(), nullable=False),
        sa.Column("step_key", sa.String(length=64), nullable=False),
        sa.Column("occurrence", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("responsible_role", sa.String(length=32), nullable=False),
        sa.Column("assignee_id", sa.Uuid(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("nominal_date", sa.Date(), nullable=False),
        sa.Column("due_edited", sa.Boolean(), nullable=False),
        sa.Column("rule", sa.String(length=300), nullable=False),
        sa.Column("legal_basis", sa.String(length=300), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("rule_set_version", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "completed",
                "skipped",
                "cancelled",
                name="task_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("answers", sa.JSON(), nullable=True),
        sa.Column("outcome", sa.String(length=64), nullable=True),
        sa.Column("completed_at", app.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("completed_by", sa.String(length=200), nullable=True),
        sa.Column("skip_reason", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignee_id"], ["staff.id"], name=op.f("fk_tasks_assignee_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["instance_id"],
            ["workflow_instances.id"],
            name=op.f("fk_tasks_instance_id_workflow_instances"),
        ),
        sa.ForeignKeyConstraint(
            ["placement_id", "service_id"],
            ["placements.id", "placements.service_id"],
            name=op.f("fk_tasks_placement_id_placements"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_tasks_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tasks")),
        sa.UniqueConstraint(
            "instance_id",
            "step_key",
            "occurrence",
            name=op.f("uq_tasks_instance_id_step_key_occurrence"),
        ),
    )
    op.create_index(
        "ix_tasks_assignee_status_due", "tasks", ["assignee_id", "status", "due_date"], unique=False
    )
    op.create_index("ix_tasks_placement_due", "tasks", ["placement_id", "due_date"], unique=False)
    op.create_index(op.f("ix_tasks_service_id"), "tasks", ["service_id"], unique=False)
    op.create_index(
        "ix_tasks_service_status_due", "tasks", ["service_id", "status", "due_date"], unique=False
    )
    op.create_table(
        "task_changes",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.Column("task_id", sa.Uuid(), nullable=False),
        sa.Column("changed_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("old_due_date", sa.Date(), nullable=True),
        sa.Column("new_due_date", sa.Date(), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_id"], ["services.id"], name=op.f("fk_task_changes_service_id_services")
        ),
        sa.ForeignKeyConstraint(
            ["task_id"], ["tasks.id"], name=op.f("fk_task_changes_task_id_tasks")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_changes")),
    )
    op.create_index(
        op.f("ix_task_changes_service_id"), "task_changes", ["service_id"], unique=False
    )
    op.create_index("ix_task_changes_task_id", "task_changes", ["task_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_workflow_adjustments_service_id"), table_name="workflow_adjustments")
    op.drop_table("workflow_adjustments")
    op.drop_index("ix_task_changes_task_id", table_name="task_changes")
    op.drop_index(op.f("ix_task_changes_service_id"), table_name="task_changes")
    op.drop_table("task_changes")
    op.drop_index("ix_tasks_service_status_due", table_name="tasks")
    op.drop_index(op.f("ix_tasks_service_id"), table_name="tasks")
    op.drop_index("ix_tasks_placement_due", table_name="tasks")
    op.drop_index("ix_tasks_assignee_status_due", table_name="tasks")
    op.drop_table("tasks")
    op.drop_index(op.f("ix_workflow_instances_service_id"), table_name="workflow_instances")
    op.drop_index("ix_workflow_instances_placement_id", table_name="workflow_instances")
    op.drop_table("workflow_instances")
    op.drop_index(op.f("ix_visit_reductions_service_id"), table_name="visit_reductions")
    op.drop_index(op.f("ix_visit_reductions_placement_id"), table_name="visit_reductions")
    op.drop_table("visit_reductions")
    op.drop_index(op.f("ix_calendar_feeds_staff_id"), table_name="calendar_feeds")
    op.drop_index(op.f("ix_calendar_feeds_service_id"), table_name="calendar_feeds")
    op.drop_table("calendar_feeds")
    op.drop_table("rule_set_versions")
    with op.batch_alter_table("placements") as batch:
        batch.drop_constraint(op.f("uq_placements_id_service_id"), type_="unique")
