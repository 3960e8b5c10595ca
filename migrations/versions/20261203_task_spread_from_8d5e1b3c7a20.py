"""Spread bunched deadlines (issue #19 item 6).

``tasks.spread_from``: the due date the plan gave a task that was moved earlier because its
assignee had too many deadlines that day (only steps a local routine dates). A re-plan that
gives the same date leaves the spread date alone; empty means the task is where the plan put it.

Revision ID: 8d5e1b3c7a20
Revises: 2f8c4d6a1e93
Create Date: 2026-12-03 14:00:00.000000+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "8d5e1b3c7a20"
down_revision: str | None = "2f8c4d6a1e93"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tasks") as batch:
        batch.add_column(sa.Column("spread_from", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("tasks") as batch:
        batch.drop_column("spread_from")
