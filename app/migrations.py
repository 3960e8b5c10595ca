"""Running Alembic from code: the migrations in ``migrations/`` are the only schema.

On PostgreSQL the schema can belong to a role of its own (``FOSTERFLYT_MIGRATION_DATABASE_URL``)
while the app connects as another (``FOSTERFLYT_DATABASE_URL``). :func:`migrate` then grants the
app's role only what the service needs, after every upgrade, so that tables made by later
migrations are covered too: reading and writing rows, but on an append-only table (the audit
trail) only reading and inserting. Not being the owner, the app's role cannot drop or switch off
the triggers, and not being a superuser it cannot set ``session_replication_role`` to skip them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text

ROOT = Path(__file__).resolve().parent.parent

ROW_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE"
APPEND_ONLY_PRIVILEGES = "SELECT, INSERT"
VERSION_TABLE = "alembic_version"  # read by /readyz


def alembic_config(database_url: str | None = None) -> Config:
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "migrations"))
    config.attributes["configure_logger"] = False  # keep the app's logging as it is
    if database_url is not None:
        config.attributes["database_url"] = database_url
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(database_url), revision)


def downgrade(database_url: str, revision: str = "base") -> None:
    command.downgrade(alembic_config(database_url), revision)


@lru_cache
def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


class RoleSetupError(RuntimeError):
    """The app's role cannot be kept apart from the schema's owner as configured."""


@dataclass(frozen=True)
class Grants:
    """What :func:`migrate` granted: the app's role, and the tables by privileges."""

    app_role: str
    owner: str
    row_tables: tuple[str, ...]
    append_only_tables: tuple[str, ...]


def migrate(migration_url: str, app_url: str, revision: str = "head") -> Grants | None:
    """Upgrade as ``migration_url``'s role, then grant ``app_url``'s role what it needs when it
    is another role on PostgreSQL (None when there is nothing to grant: SQLite, or one role).

    Raises :class:`RoleSetupError`, before anything is granted, when the separation could not
    hold: the app's role is a superuser, a member of the owner, or owns tables itself, or the
    two URLs name different databases (or only one of them PostgreSQL).
    """
    from app.db import make_engine

    upgrade(migration_url, revision)
    if not migration_url.startswith("postgresql"):
        return None
    if not app_url.startswith("postgresql"):
        raise RoleSetupError("FOSTERFLYT_DATABASE_URL must be PostgreSQL like the migration URL")
    app_engine, owner_engine = make_engine(app_url), make_engine(migration_url)
    try:
        with app_engine.connect() as connection:
            app_role, app_database = connection.execute(
                text("SELECT current_user, current_database()")
            ).one()
        with owner_engine.begin() as connection:
            owner, database = connection.execute(
                text("SELECT current_user, current_database()")
            ).one()
            if database != app_database:
                raise RoleSetupError(
                    "FOSTERFLYT_MIGRATION_DATABASE_URL and FOSTERFLYT_DATABASE_URL name "
                    f"different databases ({database}, {app_database})"
                )
            if app_role == owner:
                return None
            return grant_app_role(connection, app_role)
    finally:
        app_engine.dispose()
        owner_engine.dispose()


def grant_app_role(connection: Connection, app_role: str) -> Grants:
    """In the connection's transaction, as the owner of the tables in its current schema: give
    ``app_role`` exactly the privileges of :data:`ROW_PRIVILEGES` on each table,
    :data:`APPEND_ONLY_PRIVILEGES` on the tables the models mark ``info["append_only"]``, SELECT
    on Alembic's version table, and the use of the schema's sequences. Whatever else it held on
    them is revoked first, so running this again (every migration does) converges."""
    import app.models  # noqa: F401  (every table's info must be known)
    from app.db import Base

    owner = str(connection.scalar(text("SELECT current_user")))
    role = connection.execute(
        text(
            "SELECT rolsuper, pg_has_role(rolname, :owner, 'MEMBER') AS member "
            "FROM pg_roles WHERE rolname = :app"
        ),
        {"app": app_role, "owner": owner},
    ).one_or_none()
    if role is None:
        raise RoleSetupError(f"the app's database role {app_role} does not exist")
    if role.rolsuper:
        raise RoleSetupError(
            f"the app's database role {app_role} is a superuser: it could switch off the audit "
            "trail's triggers whoever owns the tables"
        )
    if role.member:
        raise RoleSetupError(
            f"the app's database role {app_role} is a member of {owner}, which owns the tables"
        )
    schema = str(connection.scalar(text("SELECT current_schema()")))
    tables = connection.execute(
        text("SELECT tablename, tableowner FROM pg_tables WHERE schemaname = :schema"),
        {"schema": schema},
    ).all()
    owned = sorted(t.tablename for t in tables if t.tableowner == app_role)
    if owned:
        raise RoleSetupError(
            f"the app's database role {app_role} owns tables ({', '.join(owned)}): as a "
            f"superuser, run REASSIGN OWNED BY {app_role} TO {owner}, then migrate again"
        )
    append_only = {t.name for t in Base.metadata.tables.values() if t.info.get("append_only")}
    quote = connection.dialect.identifier_preparer.quote
    grantee, in_schema = quote(app_role), quote(schema)
    connection.execute(text(f"GRANT USAGE ON SCHEMA {in_schema} TO {grantee}"))
    rows: list[str] = []
    appends: list[str] = []
    for name in sorted(t.tablename for t in tables):
        if name in append_only:
            privileges = APPEND_ONLY_PRIVILEGES
            appends.append(name)
        elif name == VERSION_TABLE:
            privileges = "SELECT"
        else:
            privileges = ROW_PRIVILEGES
            rows.append(name)
        table = f"{in_schema}.{quote(name)}"
        connection.execute(text(f"REVOKE ALL ON TABLE {table} FROM {grantee}"))
        connection.execute(text(f"GRANT {privileges} ON TABLE {table} TO {grantee}"))
    # Ids from sequences (the audit trail's): nextval needs USAGE, and nothing more is given.
    connection.execute(text(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {in_schema} FROM {grantee}"))
    connection.execute(text(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {in_schema} TO {grantee}"))
    return Grants(
        app_role=app_role, owner=owner, row_tables=tuple(rows), append_only_tables=tuple(appends)
    )
