"""Documents: filled documents with their snapshots, and services' own template versions.

Revision ID: 9ef536de9d6b
Revises: 9189f1947189
Create Date: 2026-11-22 15:50:58.196727+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.db

revision: str = "9ef536de9d6b"
down_revision: str | None = "9189f1947189"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "service_templates",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("public_title", sa.String(length=200), nullable=False),
        sa.Column("noark_document_type", sa.String(length=64), nullable=False),
        sa.Column("required_fields", sa.JSON(), nullable=False),
        sa.Column("extra_fields", sa.JSON(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("uploaded_by", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_service_templates_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_templates")),
        sa.UniqueConstraint(
            "service_id", "key", "number", name=op.f("uq_service_templates_service_id_key_number")
        ),
    )
    op.create_index(
        op.f("ix_service_templates_service_id"), "service_templates", ["service_id"], unique=False
    )
    op.create_table(
        "documents",
        sa.Column("placement_id", sa.Uuid(), nullable=False),
        sa.Column("task_id", sa.Uuid(), nullable=True),
        sa.Column("template_key", sa.String(length=64), nullable=False),
        sa.Column("template_version", sa.Integer(), nullable=False),
        sa.Column("template_source", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("public_title", sa.String(length=200), nullable=False),
        sa.Column("noark_document_type", sa.String(length=64), nullable=False),
        sa.Column("draft", sa.Boolean(), nullable=False),
        sa.Column("gaps", sa.JSON(), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["placement_id", "service_id"],
            ["placements.id", "placements.service_id"],
            name=op.f("fk_documents_placement_id_placements"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_documents_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], name=op.f("fk_documents_task_id_tasks")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
    )
    op.create_index("ix_documents_placement_id", "documents", ["placement_id"], unique=False)
    op.create_index(op.f("ix_documents_service_id"), "documents", ["service_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_documents_service_id"), table_name="documents")
    op.drop_index("ix_documents_placement_id", table_name="documents")
    op.drop_table("documents")
    op.drop_index(op.f("ix_service_templates_service_id"), table_name="service_templates")
    op.drop_table("service_templates")
