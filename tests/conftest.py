"""Shared fixtures: a freshly migrated database on SQLite and, when configured, on PostgreSQL.

`database` runs a test once per engine: ``sqlite`` (a file in tmp_path) and ``postgres`` when
``DUBAN_TEST_POSTGRES_URL`` names a server (e.g. ``postgresql+asyncpg://postgres@127.0.0.1:5432/test``);
otherwise the postgres variant is skipped. Each postgres test gets its own throw-away database created
next to the one in the URL (so parallel runs never see each other's rows); if the role may not create
databases, the URL's own database is used with its ``public`` schema dropped and recreated instead.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
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


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """The URL of an empty (not yet migrated) database, once per engine."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path)
        return
    base_url = os.environ.get(POSTGRES_ENV)
    if not base_url:
        pytest.skip(f"{POSTGRES_ENV} is not set, so the PostgreSQL variant is skipped")
    async with fresh_postgres_url(base_url) as url:
        yield url


@pytest.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    """A freshly migrated Database, once on SQLite and once on PostgreSQL (when configured)."""
    async with upgraded_database(database_url) as database:
        yield database


@pytest.fixture
async def sqlite_database(tmp_path: Path) -> AsyncIterator[Database]:
    """A freshly migrated SQLite Database, for tests that do not need both engines."""
    async with upgraded_database(sqlite_url(tmp_path)) as database:
        yield database
