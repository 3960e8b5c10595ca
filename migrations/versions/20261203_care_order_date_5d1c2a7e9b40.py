"""The tribunal's care-order date on a placement, a service's closed days, and why a workflow
started when it did (issue #19 items 3 and 6).

``placements.care_order_date``: the date of the county social welfare board's decision (nemndas
vedtak) for a placement on a care order; the care-order workflows count from it.
``services.closed_days``: days a service treats as closed although no public holiday (Christmas
Eve, New Year's Eve). ``workflow_instances.start_reason``: what ``workflow_start`` is, in the
Norwegian words a task's explanation uses ("nemnda vedtok omsorgsovertakelsen"); empty means the
workflow's own start. ``visit_reductions.ended_on``/``end_reason``/``ended_by``: a leader
ends a reduction of the follow-up visits (item 5); the row stays as history.

Revision ID: 5d1c2a7e9b40
Revises: 970b5541b333
Create Date: 2026-12-03 08:00:00.000000+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5d1c2a7e9b40"
down_revision: str | None = "970b5541b333"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("services") as batch:
        batch.add_column(
            sa.Column("closed_days", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
        )
    with op.batch_alter_table("placements") as batch:
        batch.add_column(sa.Column("care_order_date", sa.Date(), nullable=True))
    with op.batch_alter_table("workflow_instances") as batch:
        batch.add_column(sa.Column("start_reason", sa.String(length=300), nullable=True))
    with op.batch_alter_table("visit_reductions") as batch:
        batch.add_column(sa.Column("ended_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("end_reason", sa.Text(), nullable=True))
        batch.add_column(sa.Column("ended_by", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("visit_reductions") as batch:
        batch.drop_column("ended_by")
        batch.drop_column("end_reason")
        batch.drop_column("ended_on")
    with op.batch_alter_table("workflow_instances") as batch:
        batch.drop_column("start_reason")
    with op.batch_alter_table("placements") as batch:
        batch.drop_column("care_order_date")
    with op.batch_alter_table("services") as batch:
        batch.drop_column("closed_days")
