"""Idempotency records of rows that belong to no service (issue #18 item 5).

An administrator's rule-set version belongs to no service, so its ``Idempotency-Key`` record has
no ``service_id``.

Revision ID: 3f9a1c27d4e5
Revises: 3c1f0a9d7e21
Create Date: 2026-12-07 22:50:00.000000+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "3f9a1c27d4e5"
down_revision: str | None = "3c1f0a9d7e21"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("idempotency_records") as batch:
        batch.alter_column("service_id", existing_type=sa.Uuid(), nullable=True)


def downgrade() -> None:
    op.execute("DELETE FROM idempotency_records WHERE service_id IS NULL")
    with op.batch_alter_table("idempotency_records") as batch:
        batch.alter_column("service_id", existing_type=sa.Uuid(), nullable=False)
