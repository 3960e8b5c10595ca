"""Inter-municipal teams (issue #16 items 1, 2 and 4).

``teams``: a guidance team hosted by a service; ``team_members``: member services with their
membership periods; ``team_populations``: each member's population per year (the fixed key);
``team_staff``: the host's staff on the team, in team roles; ``team_orders``: a member's order
of help through its life cycle (the team reads the ordered case while it is accepted and open);
``team_order_hours``: hours logged on an order; ``team_years``: a year's rates and budget (whole
kroner); ``team_settlements``: the year-end settlement as it was computed.

Revision ID: 7e4a91c2d3f5
Revises: 3f9a1c27d4e5
Create Date: 2026-12-07 22:48:32.884012+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.db

revision: str = "7e4a91c2d3f5"
down_revision: str | None = "3f9a1c27d4e5"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "teams",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "use_basis",
            sa.Enum(
                "seats",
                "attendance",
                name="team_use_basis",
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
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_teams_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teams")),
        sa.UniqueConstraint("id", "service_id", name=op.f("uq_teams_id_service_id")),
    )
    with op.batch_alter_table("teams", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_teams_service_id"), ["service_id"], unique=False)

    op.create_table(
        "team_members",
        sa.Column("team_id", sa.Uuid(), nullable=False),
        sa.Column("member_service_id", sa.Uuid(), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=False),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.CheckConstraint(
            "left_on IS NULL OR left_on >= joined_on",
            name=op.f("ck_team_members_left_after_joined"),
        ),
        sa.ForeignKeyConstraint(
            ["member_service_id"],
            ["services.id"],
            name=op.f("fk_team_members_member_service_id_services"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_team_members_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["team_id", "service_id"],
            ["teams.id", "teams.service_id"],
            name=op.f("fk_team_members_team_id_teams"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_members")),
    )
    with op.batch_alter_table("team_members", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_team_members_member_service_id"), ["member_service_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_team_members_service_id"), ["service_id"], unique=False
        )
        batch_op.create_index(
            "ix_team_members_team_member", ["team_id", "member_service_id"], unique=False
        )

    op.create_table(
        "team_orders",
        sa.Column("team_id", sa.Uuid(), nullable=False),
        sa.Column("member_service_id", sa.Uuid(), nullable=False),
        sa.Column("child_id", sa.Uuid(), nullable=True),
        sa.Column("foster_home_id", sa.Uuid(), nullable=True),
        sa.Column(
            "concerns",
            sa.Enum(
                "foster_home",
                "childs_foster_parents",
                "childs_parents",
                name="order_concerns",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "category",
            sa.Enum(
                "foster_parent_guidance",
                "home_based_parent_guidance",
                "parents_after_care_loss",
                "group_guidance",
                "concern_for_breakdown",
                "other",
                name="order_category",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("work_on", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("desired_outcome", sa.Text(), nullable=False),
        sa.Column("ordered_on", sa.Date(), nullable=False),
        sa.Column("ordered_by", sa.String(length=200), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "ordered",
                "accepted",
                "declined",
                "started",
                "closed",
                name="order_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=True),
        sa.Column("supervisor_id", sa.Uuid(), nullable=True),
        sa.Column("called_back_on", sa.Date(), nullable=True),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("evaluation_date", sa.Date(), nullable=True),
        sa.Column("time_limit_date", sa.Date(), nullable=True),
        sa.Column("access_from", sa.Date(), nullable=True),
        sa.Column("access_until", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("report", sa.Text(), nullable=True),
        sa.Column(
            "breakdown_outcome",
            sa.Enum(
                "foster_home_continued",
                "placement_ended",
                name="breakdown_outcome",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("minutes_logged", sa.Integer(), nullable=False),
        sa.Column("next_step", sa.String(length=32), nullable=True),
        sa.Column("next_step_due", sa.Date(), nullable=True),
        sa.Column("next_step_rule", sa.String(length=300), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.CheckConstraint(
            "child_id IS NOT NULL OR foster_home_id IS NOT NULL",
            name=op.f("ck_team_orders_names_a_case"),
        ),
        sa.ForeignKeyConstraint(
            ["child_id"], ["children.id"], name=op.f("fk_team_orders_child_id_children")
        ),
        sa.ForeignKeyConstraint(
            ["foster_home_id"],
            ["foster_homes.id"],
            name=op.f("fk_team_orders_foster_home_id_foster_homes"),
        ),
        sa.ForeignKeyConstraint(
            ["member_service_id"],
            ["services.id"],
            name=op.f("fk_team_orders_member_service_id_services"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_team_orders_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["supervisor_id"], ["staff.id"], name=op.f("fk_team_orders_supervisor_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["team_id", "service_id"],
            ["teams.id", "teams.service_id"],
            name=op.f("fk_team_orders_team_id_teams"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_orders")),
        sa.UniqueConstraint("id", "service_id", name=op.f("uq_team_orders_id_service_id")),
    )
    with op.batch_alter_table("team_orders", schema=None) as batch_op:
        batch_op.create_index("ix_team_orders_child_id", ["child_id"], unique=False)
        batch_op.create_index("ix_team_orders_foster_home_id", ["foster_home_id"], unique=False)
        batch_op.create_index(
            "ix_team_orders_member", ["member_service_id", "ordered_on"], unique=False
        )
        batch_op.create_index(
            "ix_team_orders_next_step_due", ["team_id", "next_step_due"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_team_orders_service_id"), ["service_id"], unique=False)
        batch_op.create_index("ix_team_orders_team_status", ["team_id", "status"], unique=False)

    op.create_table(
        "team_populations",
        sa.Column("team_id", sa.Uuid(), nullable=False),
        sa.Column("member_service_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("population", sa.Integer(), nullable=False),
        sa.Column("counted_on", sa.Date(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.CheckConstraint("population > 0", name=op.f("ck_team_populations_population_positive")),
        sa.ForeignKeyConstraint(
            ["member_service_id"],
            ["services.id"],
            name=op.f("fk_team_populations_member_service_id_services"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_team_populations_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["team_id", "service_id"],
            ["teams.id", "teams.service_id"],
            name=op.f("fk_team_populations_team_id_teams"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_populations")),
        sa.UniqueConstraint(
            "team_id",
            "member_service_id",
            "year",
            name=op.f("uq_team_populations_team_id_member_service_id_year"),
        ),
    )
    with op.batch_alter_table("team_populations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_team_populations_service_id"), ["service_id"], unique=False
        )

    op.create_table(
        "team_settlements",
        sa.Column("team_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("settled_on", sa.Date(), nullable=False),
        sa.Column("settled_by", sa.String(length=200), nullable=False),
        sa.Column("fixed_percent", sa.Integer(), nullable=False),
        sa.Column("rule_set_version", sa.Integer(), nullable=False),
        sa.Column("lines", sa.JSON(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_team_settlements_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["team_id", "service_id"],
            ["teams.id", "teams.service_id"],
            name=op.f("fk_team_settlements_team_id_teams"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_settlements")),
        sa.UniqueConstraint("team_id", "year", name=op.f("uq_team_settlements_team_id_year")),
    )
    with op.batch_alter_table("team_settlements", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_team_settlements_service_id"), ["service_id"], unique=False
        )

    op.create_table(
        "team_staff",
        sa.Column("team_id", sa.Uuid(), nullable=False),
        sa.Column("staff_id", sa.Uuid(), nullable=False),
        sa.Column(
            "team_role",
            sa.Enum(
                "coordinator",
                "supervisor",
                name="team_role",
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
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_team_staff_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id", "service_id"],
            ["staff.id", "staff.service_id"],
            name="fk_team_staff_staff_same_service",
        ),
        sa.ForeignKeyConstraint(
            ["team_id", "service_id"],
            ["teams.id", "teams.service_id"],
            name=op.f("fk_team_staff_team_id_teams"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_staff")),
        sa.UniqueConstraint("team_id", "staff_id", name=op.f("uq_team_staff_team_id_staff_id")),
    )
    with op.batch_alter_table("team_staff", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_staff_service_id"), ["service_id"], unique=False)
        batch_op.create_index("ix_team_staff_staff_id", ["staff_id"], unique=False)

    op.create_table(
        "team_years",
        sa.Column("team_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("group_budget", sa.BigInteger(), nullable=False),
        sa.Column("individual_budget", sa.BigInteger(), nullable=False),
        sa.Column("hourly_rate", sa.Integer(), nullable=False),
        sa.Column("planned_use", sa.JSON(), nullable=False),
        sa.Column("planned_hours", sa.JSON(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.CheckConstraint(
            "group_budget >= 0 AND individual_budget >= 0 AND hourly_rate >= 0",
            name=op.f("ck_team_years_whole_kroner"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_team_years_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["team_id", "service_id"],
            ["teams.id", "teams.service_id"],
            name=op.f("fk_team_years_team_id_teams"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_years")),
        sa.UniqueConstraint("team_id", "year", name=op.f("uq_team_years_team_id_year")),
    )
    with op.batch_alter_table("team_years", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_years_service_id"), ["service_id"], unique=False)

    op.create_table(
        "team_order_hours",
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("worked_on", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("logged_by", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.CheckConstraint("minutes > 0", name=op.f("ck_team_order_hours_minutes_positive")),
        sa.ForeignKeyConstraint(
            ["order_id", "service_id"],
            ["team_orders.id", "team_orders.service_id"],
            name=op.f("fk_team_order_hours_order_id_team_orders"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_team_order_hours_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_order_hours")),
    )
    with op.batch_alter_table("team_order_hours", schema=None) as batch_op:
        batch_op.create_index("ix_team_order_hours_order_id", ["order_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_team_order_hours_service_id"), ["service_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("team_order_hours", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_order_hours_service_id"))
        batch_op.drop_index("ix_team_order_hours_order_id")

    op.drop_table("team_order_hours")
    with op.batch_alter_table("team_years", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_years_service_id"))

    op.drop_table("team_years")
    with op.batch_alter_table("team_staff", schema=None) as batch_op:
        batch_op.drop_index("ix_team_staff_staff_id")
        batch_op.drop_index(batch_op.f("ix_team_staff_service_id"))

    op.drop_table("team_staff")
    with op.batch_alter_table("team_settlements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_settlements_service_id"))

    op.drop_table("team_settlements")
    with op.batch_alter_table("team_populations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_populations_service_id"))

    op.drop_table("team_populations")
    with op.batch_alter_table("team_orders", schema=None) as batch_op:
        batch_op.drop_index("ix_team_orders_team_status")
        batch_op.drop_index(batch_op.f("ix_team_orders_service_id"))
        batch_op.drop_index("ix_team_orders_next_step_due")
        batch_op.drop_index("ix_team_orders_member")
        batch_op.drop_index("ix_team_orders_foster_home_id")
        batch_op.drop_index("ix_team_orders_child_id")

    op.drop_table("team_orders")
    with op.batch_alter_table("team_members", schema=None) as batch_op:
        batch_op.drop_index("ix_team_members_team_member")
        batch_op.drop_index(batch_op.f("ix_team_members_service_id"))
        batch_op.drop_index(batch_op.f("ix_team_members_member_service_id"))

    op.drop_table("team_members")
    with op.batch_alter_table("teams", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_teams_service_id"))

    op.drop_table("teams")
