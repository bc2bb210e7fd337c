"""The SQLite driver: what SQLAlchemy needs of a DBAPI cursor, statements on the loop's thread, waits on another."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiosqlite
import pytest
from sqlalchemy import insert, select, text, update
from sqlalchemy.exc import IntegrityError

from storage import sqlite_driver
from storage.db import Database
from storage.models import InboxMessage

AT = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = Database.from_url(f"sqlite+aiosqlite:///{tmp_path / 'duban.db'}")
    await database.upgrade()
    yield database
    await database.dispose()


async def test_the_connection_settings_hold(db: Database) -> None:
    async with db.reader() as session:
        assert (await session.scalar(text("PRAGMA journal_mode"))) == "wal"
        assert (await session.scalar(text("PRAGMA foreign_keys"))) == 1
        assert (await session.scalar(text("PRAGMA busy_timeout"))) == 0  # waits happen on the thread
        connection = await session.connection()
        raw = await connection.get_raw_connection()
        assert isinstance(raw.driver_connection, sqlite_driver.OneTripConnection)


async def test_rows_counts_ids_and_errors_come_back_as_from_any_driver(db: Database) -> None:
    rows = [
        {"message_id": f"m{i}", "arrived_at": AT, "status": "ready", "payload": {"i": i}} for i in range(5)
    ]
    async with db.transaction() as session:
        await session.execute(insert(InboxMessage), rows)  # executemany
        changed = await session.execute(
            update(InboxMessage).where(InboxMessage.message_id.in_(["m1", "m2"])).values(status="done")
        )
        assert changed.rowcount == 2  # type: ignore[attr-defined]
        session.add(InboxMessage(message_id="m9", arrived_at=AT, status="ready", payload={}))
        await session.flush()  # the new row's key comes back
    async with db.reader() as session:
        result = await session.execute(select(InboxMessage.message_id).order_by(InboxMessage.seq))
        assert result.fetchmany(2) == [("m0",), ("m1",)]
        assert result.fetchone() == ("m2",)
        assert [r for (r,) in result.fetchall()] == ["m3", "m4", "m9"]
        assert (
            await session.scalar(select(InboxMessage.status).where(InboxMessage.message_id == "m2")) == "done"
        )
    with pytest.raises(IntegrityError):
        async with db.transaction() as session:
            session.add(InboxMessage(message_id="m0", arrived_at=AT, status="ready", payload={}))
    async with db.reader() as session:  # the failed transaction changed nothing
        assert len((await session.scalars(select(InboxMessage.seq))).all()) == 6


async def test_statements_run_on_the_loop_and_only_commits_go_to_the_thread(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    trips: list[str] = []
    execute = aiosqlite.Connection._execute

    def counted(self: aiosqlite.Connection, function: Any, *args: Any) -> Any:
        trips.append(getattr(function, "__name__", "?"))
        return execute(self, function, *args)

    monkeypatch.setattr(aiosqlite.Connection, "_execute", counted)
    async with db.reader() as session:
        await session.scalars(select(InboxMessage.seq))
        await session.scalars(select(InboxMessage.seq))
    assert trips == []  # nothing written, nothing to end
    async with db.transaction() as session:
        session.add(InboxMessage(message_id="m1", arrived_at=AT, status="ready", payload={}))
    assert trips == ["commit"]


async def test_a_write_waits_for_another_process_on_the_thread_and_the_loop_runs_on(
    db: Database, tmp_path: Path
) -> None:
    """Another process (here a plain connection) holds the write lock: the bot's write waits for it without
    stalling the event loop, and lands once the lock is released; a read does not wait at all (WAL)."""
    other = sqlite3.connect(tmp_path / "duban.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute(
        "INSERT INTO inbox (message_id, arrived_at, status, payload) VALUES ('x', '2026-11-30', 'done', '{}')"
    )

    async def write() -> None:
        async with db.transaction() as session:
            session.add(InboxMessage(message_id="m1", arrived_at=AT, status="ready", payload={}))

    writing = asyncio.create_task(write())
    ticks = 0
    for _ in range(20):  # the loop keeps running while the write waits
        await asyncio.sleep(0.01)
        ticks += 1
    assert not writing.done() and ticks == 20
    async with db.reader() as session:
        assert (await session.scalars(select(InboxMessage.message_id))).all() == []
    other.execute("COMMIT")
    await asyncio.wait_for(writing, timeout=5)
    async with db.reader() as session:
        assert sorted((await session.scalars(select(InboxMessage.message_id))).all()) == ["m1", "x"]
    other.close()
