"""A foster-home supervisor assigned to a placement, and a service's own start of a programme
(issue #19 item 4).

``placements.supervisor_id``: the staff member (role ``supervisor``) who does the placement's
supervisor steps, so those tasks have an assignee. Same-service like the contact person; empty
means no one is assigned yet (the tasks then wait in the service's queue).
``workflow_adjustments.start``: ``on_request`` when a service starts an optional programme (En
god start) only on request instead of with every placement; empty means as the definition says.
A step's owner in the service lives in the adjustment's ``steps`` JSON, beside offset/enabled.

Revision ID: 7b3e9f2a4c61
Revises: 5d1c2a7e9b40
Create Date: 2026-12-03 12:40:00.000000+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "7b3e9f2a4c61"
down_revision: str | None = "5d1c2a7e9b40"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("placements") as batch:
        batch.add_column(sa.Column("supervisor_id", sa.Uuid(), nullable=True))
        batch.create_foreign_key(
            "fk_placements_supervisor_same_service",
            "staff",
            ["supervisor_id", "service_id"],
            ["id", "service_id"],
        )
        batch.create_index("ix_placements_supervisor_id", ["supervisor_id"])
    with op.batch_alter_table("workflow_adjustments") as batch:
        batch.add_column(sa.Column("start", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("workflow_adjustments") as batch:
        batch.drop_column("start")
    with op.batch_alter_table("placements") as batch:
        batch.drop_index("ix_placements_supervisor_id")
        batch.drop_constraint("fk_placements_supervisor_same_service", type_="foreignkey")
        batch.drop_column("supervisor_id")
