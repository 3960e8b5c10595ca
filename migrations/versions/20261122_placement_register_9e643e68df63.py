"""The placement register: services, staff, children, foster homes, placements.

Revision ID: 9e643e68df63
Revises:
Create Date: 2026-11-22 15:01:39.395258+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.db

revision: str = "9e643e68df63"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "services",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("org_number", sa.String(length=9), nullable=False),
        sa.Column("municipality_numbers", sa.JSON(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_services")),
        sa.UniqueConstraint("org_number", name=op.f("uq_services_org_number")),
    )
    op.create_table(
        "children",
        sa.Column("given_name", sa.String(length=200), nullable=False),
        sa.Column("family_name", sa.String(length=200), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("national_id", sa.String(length=11), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.Column("external_system", sa.String(length=64), nullable=True),
        sa.Column("external_key", sa.String(length=128), nullable=True),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_children_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_children")),
        sa.UniqueConstraint("id", "service_id", name=op.f("uq_children_id_service_id")),
        sa.UniqueConstraint(
            "service_id",
            "external_system",
            "external_key",
            name=op.f("uq_children_service_id_external_system_external_key"),
        ),
        sa.UniqueConstraint(
            "service_id", "national_id", name=op.f("uq_children_service_id_national_id")
        ),
    )
    op.create_index(op.f("ix_children_service_id"), "children", ["service_id"], unique=False)
    op.create_table(
        "foster_homes",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "ordinary",
                "kinship",
                "emergency",
                name="foster_home_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("foster_parents", sa.JSON(), nullable=False),
        sa.Column("street_address", sa.String(length=200), nullable=False),
        sa.Column("postal_code", sa.String(length=4), nullable=False),
        sa.Column("postal_place", sa.String(length=100), nullable=False),
        sa.Column("municipality_number", sa.String(length=4), nullable=False),
        sa.Column("approved_date", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.Column("external_system", sa.String(length=64), nullable=True),
        sa.Column("external_key", sa.String(length=128), nullable=True),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_foster_homes_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_foster_homes")),
        sa.UniqueConstraint("id", "service_id", name=op.f("uq_foster_homes_id_service_id")),
        sa.UniqueConstraint(
            "service_id",
            "external_system",
            "external_key",
            name=op.f("uq_foster_homes_service_id_external_system_external_key"),
        ),
    )
    op.create_index(
        op.f("ix_foster_homes_service_id"), "foster_homes", ["service_id"], unique=False
    )
    op.create_table(
        "idempotency_records",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.Column("caller", sa.String(length=300), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("method", sa.String(length=10), nullable=False),
        sa.Column("path", sa.String(length=500), nullable=False),
        sa.Column("request_hash", sa.String(length=64), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("headers", sa.JSON(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_idempotency_records_service_id_services"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idempotency_records")),
        sa.UniqueConstraint("caller", "key", name=op.f("uq_idempotency_records_caller_key")),
    )
    op.create_index(
        "ix_idempotency_records_created_at", "idempotency_records", ["created_at"], unique=False
    )
    op.create_table(
        "staff",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "contact_person",
                "leader",
                "supervisor",
                name="staff_role",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.Column("external_system", sa.String(length=64), nullable=True),
        sa.Column("external_key", sa.String(length=128), nullable=True),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_staff_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
        sa.UniqueConstraint("id", "service_id", name=op.f("uq_staff_id_service_id")),
        sa.UniqueConstraint("service_id", "email", name=op.f("uq_staff_service_id_email")),
        sa.UniqueConstraint(
            "service_id",
            "external_system",
            "external_key",
            name=op.f("uq_staff_service_id_external_system_external_key"),
        ),
    )
    op.create_index(op.f("ix_staff_service_id"), "staff", ["service_id"], unique=False)
    op.create_table(
        "placements",
        sa.Column("child_id", sa.Uuid(), nullable=False),
        sa.Column("foster_home_id", sa.Uuid(), nullable=False),
        sa.Column("contact_person_id", sa.Uuid(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column(
            "end_reason",
            sa.Enum(
                "returned_home",
                "moved_to_other_foster_home",
                "moved_to_institution",
                "adopted",
                "aged_out",
                "other",
                name="end_reason",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column(
            "legal_basis",
            sa.Enum(
                "care_order",
                "voluntary",
                "emergency",
                name="legal_basis",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("agreement_end_date", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.Column("external_system", sa.String(length=64), nullable=True),
        sa.Column("external_key", sa.String(length=128), nullable=True),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date", name=op.f("ck_placements_end_after_start")
        ),
        sa.ForeignKeyConstraint(
            ["child_id", "service_id"],
            ["children.id", "children.service_id"],
            name="fk_placements_child_same_service",
        ),
        sa.ForeignKeyConstraint(
            ["contact_person_id", "service_id"],
            ["staff.id", "staff.service_id"],
            name="fk_placements_contact_person_same_service",
        ),
        sa.ForeignKeyConstraint(
            ["foster_home_id", "service_id"],
            ["foster_homes.id", "foster_homes.service_id"],
            name="fk_placements_foster_home_same_service",
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_placements_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_placements")),
        sa.UniqueConstraint(
            "service_id",
            "external_system",
            "external_key",
            name=op.f("uq_placements_service_id_external_system_external_key"),
        ),
    )
    op.create_index("ix_placements_child_id", "placements", ["child_id"], unique=False)
    op.create_index(
        "ix_placements_contact_person_id", "placements", ["contact_person_id"], unique=False
    )
    op.create_index("ix_placements_foster_home_id", "placements", ["foster_home_id"], unique=False)
    op.create_index(op.f("ix_placements_service_id"), "placements", ["service_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_placements_service_id"), table_name="placements")
    op.drop_index("ix_placements_foster_home_id", table_name="placements")
    op.drop_index("ix_placements_contact_person_id", table_name="placements")
    op.drop_index("ix_placements_child_id", table_name="placements")
    op.drop_table("placements")
    op.drop_index(op.f("ix_staff_service_id"), table_name="staff")
    op.drop_table("staff")
    op.drop_index("ix_idempotency_records_created_at", table_name="idempotency_records")
    op.drop_table("idempotency_records")
    op.drop_index(op.f("ix_foster_homes_service_id"), table_name="foster_homes")
    op.drop_table("foster_homes")
    op.drop_index(op.f("ix_children_service_id"), table_name="children")
    op.drop_table("children")
    op.drop_table("services")
