"""A placement's end is planned or a breakdown, with the breakdown's reason (issue #17 item 3,
decisions.md 5): ``placements.end_planned`` and ``placements.breakdown_reason``.

Revision ID: 3c1f0a9d7e21
Revises: 5a9d2c71e0b4
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "3c1f0a9d7e21"
down_revision: str | None = "5a9d2c71e0b4"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REASONS = (
    "foster_home_gave_notice",
    "needs_not_met",
    "child_wish",
    "concern_for_care",
    "parents",
    "other",
)


def upgrade() -> None:
    with op.batch_alter_table("placements", schema=None) as batch_op:
        batch_op.add_column(sa.Column("end_planned", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("breakdown_reason", sa.String(length=32), nullable=True))
    # The CHECK the model's string_enum declares, added once the column exists (a batch
    # rebuild on SQLite would otherwise name the column before it has it).
    with op.batch_alter_table("placements", schema=None) as batch_op:
        batch_op.create_check_constraint(
            op.f("ck_placements_breakdown_reason"),
            "breakdown_reason IN (" + ", ".join(f"'{r}'" for r in REASONS) + ")",
        )


def downgrade() -> None:
    with op.batch_alter_table("placements", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_placements_breakdown_reason"), type_="check")
        batch_op.drop_column("breakdown_reason")
        batch_op.drop_column("end_planned")
