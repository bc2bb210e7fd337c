"""Test databases: a SQLite file, a throw-away PostgreSQL database, either brought to the newest migration;
notices written straight to storage.

A module of its own (not conftest) so that tests anywhere can import it by a name no other directory's
conftest shadows.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

from storage import notices
from storage.db import Database
from storage.models import Assignment
from storage.notices import NoticeView

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


async def issue(
    session: AsyncSession,
    seq: int,
    unit_ids: Sequence[int],
    *,
    issued: datetime,
    receipt_due: datetime,
    feedback_due: datetime | None = None,
    reached: bool = False,
) -> NoticeView:
    """Notice 督办〔2026〕`seq`号 to `unit_ids`, written straight to storage as /发布 records it; `reached`: its
    posts reached every unit as it was issued (what the sender records once they went out)."""
    notice = await notices.create_notice(
        session,
        year=2026,
        seq=seq,
        number=f"督办〔2026〕{seq}号",
        title=f"关于第{seq}项工作的通知",
        body="请按要求落实。",
        issued_by="liming",
        issued_at=issued,
        receipt_due=receipt_due,
        feedback_due=feedback_due,
        unit_ids=unit_ids,
    )
    if reached:
        await session.execute(
            update(Assignment).where(Assignment.notice_id == notice.id).values(reached_at=issued)
        )
    return notice
