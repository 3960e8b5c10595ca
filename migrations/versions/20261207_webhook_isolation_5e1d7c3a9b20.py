"""Webhook isolation and secret overlap (issue #18 items 1 and 5).

``webhook_health``: per subscription, the timeouts in a row and the pause they earned (the
worker's backoff), and the row its claims lock to keep a subscription's deliveries in flight
within the per-subscription bound; one row for every existing subscription. An index on a
subscription's due deliveries. ``webhook_subscriptions.previous_secret`` and
``previous_secret_expires_at``: the secret a rotation replaced, still signed with until then.

Revision ID: 5e1d7c3a9b20
Revises: 7e4a91c2d3f5
Create Date: 2026-12-07 23:00:00.000000+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.db

revision: str = "5e1d7c3a9b20"
down_revision: str | None = "7e4a91c2d3f5"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "webhook_health",
        sa.Column("subscription_id", sa.Uuid(), nullable=False),
        sa.Column("failure_streak", sa.Integer(), nullable=False),
        sa.Column("paused_until", app.db.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["subscription_id"],
            ["webhook_subscriptions.id"],
            name=op.f("fk_webhook_health_subscription_id_webhook_subscriptions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("subscription_id", name=op.f("pk_webhook_health")),
    )
    op.execute(
        "INSERT INTO webhook_health (subscription_id, failure_streak) "
        "SELECT id, 0 FROM webhook_subscriptions"
    )
    with op.batch_alter_table("webhook_deliveries", schema=None) as batch_op:
        batch_op.create_index(
            "ix_webhook_deliveries_subscription_status_next",
            ["subscription_id", "status", "next_attempt_at"],
            unique=False,
        )
    with op.batch_alter_table("webhook_subscriptions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("previous_secret", sa.String(length=100), nullable=True))
        batch_op.add_column(
            sa.Column(
                "previous_secret_expires_at", app.db.UTCDateTime(timezone=True), nullable=True
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("webhook_subscriptions", schema=None) as batch_op:
        batch_op.drop_column("previous_secret_expires_at")
        batch_op.drop_column("previous_secret")
    with op.batch_alter_table("webhook_deliveries", schema=None) as batch_op:
        batch_op.drop_index("ix_webhook_deliveries_subscription_status_next")
    op.drop_table("webhook_health")
