"""Shared fixtures: a freshly migrated database on SQLite and, when configured, on PostgreSQL.

`database` runs a test once per engine: ``sqlite`` (a file in tmp_path) and ``postgres`` when
``DUBAN_TEST_POSTGRES_URL`` names a server (e.g. ``postgresql+asyncpg://postgres@127.0.0.1:5432/test``);
otherwise the postgres variant is skipped. Each postgres test gets its own throw-away database created
next to the one in the URL (so parallel runs never see each other's rows); if the role may not create
databases, the URL's own database is used with its ``public`` schema dropped and recreated instead.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from dbfixtures import POSTGRES_ENV, fresh_postgres_url, sqlite_url, upgraded_database

from storage.db import Database


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
