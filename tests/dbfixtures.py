"""Test databases: a SQLite file, a throw-away PostgreSQL database, either brought to the newest migration.

A module of its own (not conftest) so that tests anywhere can import it by a name no other directory's
conftest shadows.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import create_async_engine

from storage.db import Database

POSTGRES_ENV = "DUBAN_TEST_POSTGRES_URL"


def sqlite_url(directory: Path) -> str:
    return f"sqlite+aiosqlite:///{directory / 'duban.db'}"


@asynccontextmanager
async def fresh_postgres_url(base_url: str) -> AsyncIterator[str]:
    """A URL of an empty PostgreSQL database that is dropped afterwards."""
    base = make_url(base_url)
    name = f"duban_test_{uuid.uuid4().hex[:16]}"
    admin = create_async_engine(base, isolation_level="AUTOCOMMIT")
    try:
        try:
            async with admin.connect() as connection:
                await connection.execute(text(f'CREATE DATABASE "{name}"'))
            url = base.set(database=name)
        except DBAPIError:  # no CREATEDB privilege: reset the given database's schema instead
            async with admin.connect() as connection:
                await connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
                await connection.execute(text("CREATE SCHEMA public"))
            url = base
        try:
            yield url.render_as_string(hide_password=False)
        finally:
            if url is not base:
                async with admin.connect() as connection:
                    await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        await admin.dispose()


@asynccontextmanager
async def upgraded_database(url: str) -> AsyncIterator[Database]:
    """A Database at the newest migration, disposed afterwards."""
    database = Database.from_url(url)
    try:
        await database.upgrade()
        yield database
    finally:
        await database.dispose()
