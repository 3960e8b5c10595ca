"""Children: the unique index on a keyed hash of the national id, not on the number itself.

A unique violation's message quotes the key, and PostgreSQL writes it to its server log: with
the index on (service_id, national_id) that was the fødselsnummer (security review 2026-12,
finding 9). The hash is HMAC-SHA256 under ``FOSTERFLYT_NATIONAL_ID_KEY`` (development: the key
under ``var/``), read from the same settings as the server: run ``fosterflyt migrate`` with the
server's environment. The key is needed only when children with a national id exist.

Revision ID: 970b5541b333
Revises: c4e7a1f09b3d
Create Date: 2026-12-02 19:40:00.000000+00:00
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "970b5541b333"
down_revision: str | None = "c4e7a1f09b3d"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

children = sa.table(
    "children",
    sa.column("id", sa.Uuid()),
    sa.column("national_id", sa.String(11)),
    sa.column("national_id_hash", sa.String(64)),
)


def _key() -> bytes:
    from app.config import get_settings

    return get_settings().national_id_hash_key()


def _hash(national_id: str, key: bytes) -> str:
    # Frozen here as it was at this revision (app.children.national_ids computes the same).
    return hmac.new(key, national_id.encode("ascii"), hashlib.sha256).hexdigest()


def upgrade() -> None:
    with op.batch_alter_table("children") as batch:
        batch.add_column(sa.Column("national_id_hash", sa.String(length=64), nullable=True))
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(children.c.id, children.c.national_id).where(children.c.national_id.is_not(None))
    ).all()
    if rows:
        key = _key()
        connection.execute(
            children.update()
            .where(children.c.id == sa.bindparam("row_id"))
            .values(national_id_hash=sa.bindparam("digest")),
            [{"row_id": row.id, "digest": _hash(row.national_id, key)} for row in rows],
        )
    with op.batch_alter_table("children") as batch:
        batch.drop_constraint("uq_children_service_id_national_id", type_="unique")
        batch.create_unique_constraint(
            "uq_children_service_id_national_id_hash", ["service_id", "national_id_hash"]
        )


def downgrade() -> None:
    with op.batch_alter_table("children") as batch:
        batch.drop_constraint("uq_children_service_id_national_id_hash", type_="unique")
        batch.create_unique_constraint(
            "uq_children_service_id_national_id", ["service_id", "national_id"]
        )
        batch.drop_column("national_id_hash")
