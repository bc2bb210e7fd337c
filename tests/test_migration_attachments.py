"""Migration 0006 (attachments): it matches the models, and it comes off and goes on again cleanly."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, inspect

from storage.db import Database, alembic_config
from storage.models import Base


def _differences(connection: Connection) -> list[object]:
    found = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    mine = ("attachments", "outbox")
    return [d for d in found if any(name in repr(d) for name in mine)]


def _tables(connection: Connection) -> tuple[set[str], set[str]]:
    inspector = inspect(connection)
    return set(inspector.get_table_names()), {c["name"] for c in inspector.get_columns("outbox")}


def _down_and_up(connection: Connection) -> tuple[set[str], set[str]]:
    command.downgrade(alembic_config(connection), "0004")
    after_down = _tables(connection)
    command.upgrade(alembic_config(connection), "head")
    return after_down


async def test_the_attachments_migration_matches_the_models_and_reverses(database_url: str) -> None:
    database = Database.from_url(database_url)
    try:
        await database.upgrade()
        async with database.engine.begin() as connection:
            assert await connection.run_sync(_differences) == []
            tables, outbox_columns = await connection.run_sync(_down_and_up)
            assert "attachments" not in tables and "attachment_id" not in outbox_columns
            tables, outbox_columns = await connection.run_sync(_tables)
            assert "attachments" in tables and "attachment_id" in outbox_columns
            assert await connection.run_sync(_differences) == []
    finally:
        await database.dispose()
