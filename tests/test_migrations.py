"""The migrations are the only schema: they must build exactly what the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from app.db import make_engine
from app.migrations import downgrade, head_revision, upgrade
from app.models import Base
from tests.helpers import TempDatabase


class TestMigrations:
    def test_upgrade_head_on_an_empty_database_matches_the_models(
        self, temp_databases: TempDatabase
    ) -> None:
        url = temp_databases.create()
        upgrade(url)
        engine = make_engine(url)
        try:
            with engine.connect() as connection:
                context = MigrationContext.configure(connection, opts={"compare_type": True})
                assert compare_metadata(context, Base.metadata) == []
                assert context.get_current_revision() == head_revision()
        finally:
            engine.dispose()

    def test_downgrade_base_removes_every_table(self, temp_databases: TempDatabase) -> None:
        url = temp_databases.create()
        upgrade(url)
        downgrade(url, "base")
        engine = make_engine(url)
        try:
            tables = set(inspect(engine).get_table_names()) - {"alembic_version"}
            assert tables == set()
        finally:
            engine.dispose()
        upgrade(url)  # and the way back up still works
        engine = make_engine(url)
        try:
            assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
        finally:
            engine.dispose()
