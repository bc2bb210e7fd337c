"""Engine, sessions and migrations: one place that knows how to open the database."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, event, text
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from storage import sqlite_driver
from storage.models import Base

MIGRATIONS = Path(__file__).with_name("migrations")
_RINGS = "duban.rings"  # session.info key: the doorbells to ring once the transaction has committed


class Doorbell:
    """Wakes the one task that waits for new rows in a table (the outbox sender, the inbox handler)."""

    def __init__(self) -> None:
        self._rung = asyncio.Event()

    def ring(self) -> None:
        self._rung.set()

    @property
    def rung(self) -> bool:
        """Whether it has rung since the last `clear`."""
        return self._rung.is_set()

    def clear(self) -> None:
        """Call before looking at the table, so a ring during the look is not lost."""
        self._rung.clear()

    async def wait(self, seconds: float | None) -> None:
        """Until the bell rings (or has rung since `clear`), or `seconds` pass (None: no limit)."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(seconds):
                await self._rung.wait()


def ring_after_commit(session: AsyncSession, bell: str) -> None:
    """Ring `bell` of the database once this session's transaction commits (never on a rollback)."""
    session.info.setdefault(_RINGS, set()).add(bell)


def insert_unless_taken(session: AsyncSession, model: Any) -> Any:
    """An INSERT into `model`'s table that skips a row whose unique key is taken (`.on_conflict_do_nothing()`
    follows; SQLite and PostgreSQL both can): one statement where a look-up and an insert were two."""
    return dialect_insert(session.get_bind().dialect.name, model)


def dialect_insert(dialect: str, model: Any) -> Any:
    """An INSERT into `model`'s table in the form of `dialect` ("sqlite" or "postgresql")."""
    return (sqlite_insert if dialect == "sqlite" else postgresql_insert)(model)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class Database:
    """An async engine plus a session factory; writes are serialised on SQLite.

    `schema` (PostgreSQL): every table of this office, the migration record included, lives in that
    schema (the connections' search_path), so several offices can share one PostgreSQL database.
    """

    def __init__(self, engine: AsyncEngine, schema: str = "") -> None:
        self.engine = engine
        self.schema = schema
        self.is_sqlite = engine.dialect.name == "sqlite"
        self._sessions = async_sessionmaker(engine, expire_on_commit=False)
        self._write_lock = asyncio.Lock()
        self._bells: dict[str, Doorbell] = {}

    def bell(self, name: str) -> Doorbell:
        """The doorbell rung after every commit that added rows someone waits for (see `ring_after_commit`)."""
        return self._bells.setdefault(name, Doorbell())

    @classmethod
    def from_url(cls, url: str, *, schema: str = "") -> Database:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        if '"' in schema:
            raise ValueError(f"schema name {schema!r} must not contain quotes")
        if schema and parsed.get_backend_name() != "postgresql":
            raise ValueError(f"a schema ({schema!r}) is for PostgreSQL only, not {parsed.get_backend_name()}")
        options: dict[str, Any] = {}
        if schema:
            options["connect_args"] = {"server_settings": {"search_path": schema}}
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            options["async_creator"] = sqlite_driver.creator(parsed.database)
        engine = create_async_engine(url, **options)
        if engine.dialect.name == "sqlite":
            event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return cls(engine, schema)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """One session in one transaction: committed on success, rolled back on error."""
        async with self._write_lock, self._sessions() as session:
            async with session.begin():
                yield session
            for name in session.info.pop(_RINGS, ()):
                self.bell(name).ring()

    @asynccontextmanager
    async def reader(self) -> AsyncIterator[AsyncSession]:
        """A read-only session (no transaction management needed by the caller)."""
        async with self._sessions() as session:
            yield session

    async def upgrade(self) -> None:
        """Bring the schema to the newest migration (Alembic `upgrade head`)."""
        async with self._write_lock, self.engine.begin() as connection:
            if self.schema:
                await connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"'))
            await connection.run_sync(_upgrade)

    async def refresh_statistics(self) -> None:
        """PostgreSQL: ANALYZE this office's tables, so that the planner knows how far they have grown (autovacuum
        may be off, or behind a busy week; without statistics it takes a year's tables for empty ones and joins
        them row by row). SQLite plans without statistics by design: the queries are shaped for it."""
        if self.engine.dialect.name != "postgresql":
            return
        tables = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
        async with self.engine.connect() as connection:  # on the office's own schema (search_path)
            await connection.execute(text(f"ANALYZE {tables}"))
            await connection.commit()

    async def dispose(self) -> None:
        await self.engine.dispose()


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def _upgrade(connection: Connection) -> None:
    command.upgrade(alembic_config(connection), "head")
