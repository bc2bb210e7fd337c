"""aiosqlite whose statements run at once on the event loop's thread, and wait on the connection's thread only
for another process's write lock; commits (a durable fsync) go to the thread. A trip to the thread costs more
than most statements (SQLAlchemy's adapter makes four per statement: open a cursor, execute, fetch, close)."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any

import aiosqlite

BUSY_TIMEOUT_MS = 10_000  # how long a statement waits for another process's write lock (on the thread)


class OneTripCursor:
    """The cursor SQLAlchemy's aiosqlite adapter drives: a statement runs and its rows are fetched in one call
    (`OneTripConnection.run`); opening, fetching from and closing the cursor touch no database file."""

    def __init__(self, connection: OneTripConnection) -> None:
        self._connection = connection
        self._cursor: sqlite3.Cursor | None = None
        self._rows: list[Any] = []
        self.arraysize = 1

    async def __aenter__(self) -> OneTripCursor:
        self._cursor = self._connection.raw.cursor()  # touches no database file
        return self

    @property
    def _open(self) -> sqlite3.Cursor:
        if self._cursor is None:
            raise sqlite3.ProgrammingError("cursor used before it was opened")
        return self._cursor

    async def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()) -> OneTripCursor:
        cursor = self._open

        def run() -> list[Any]:
            cursor.execute(sql, parameters)
            return cursor.fetchall() if cursor.description else []

        self._rows = await self._connection.run(run)
        return self

    async def executemany(self, sql: str, parameters: Iterable[Any]) -> OneTripCursor:
        await self._connection.run(lambda: self._open.executemany(sql, parameters))
        self._rows = []
        return self

    @property
    def description(self) -> Any:
        return self._open.description

    @property
    def rowcount(self) -> int:
        return self._open.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._open.lastrowid

    async def fetchall(self) -> list[Any]:
        rows, self._rows = self._rows, []
        return rows

    async def fetchone(self) -> Any:
        return self._rows.pop(0) if self._rows else None

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        count = self.arraysize if size is None else size
        rows, self._rows = self._rows[:count], self._rows[count:]
        return rows

    async def close(self) -> None:
        self._rows = []


class OneTripConnection(aiosqlite.Connection):
    """An aiosqlite connection whose cursors are `OneTripCursor`s."""

    @property
    def raw(self) -> sqlite3.Connection:
        return self._conn

    def run(self, function: Callable[[], Any]) -> Awaitable[Any]:
        """`function` (a statement with its rows) at once on this thread, where it takes microseconds. When
        another process holds the write lock (a second bot waiting its turn, a backup) SQLite says so at once
        (busy timeout 0 here) and the statement waits for it on the connection's thread, stalling nothing else."""
        done = asyncio.get_running_loop().create_future()
        try:
            done.set_result(function())
        except sqlite3.OperationalError as error:
            if error.sqlite_errorcode & 0xFF != sqlite3.SQLITE_BUSY:
                raise
            return self._execute(self._waiting, function)  # type: ignore[no-untyped-call]
        return done

    def _waiting(self, function: Callable[[], Any]) -> Any:
        self.raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        try:
            return function()
        finally:
            self.raw.execute("PRAGMA busy_timeout=0")

    def cursor(self) -> OneTripCursor:  # type: ignore[override]
        return OneTripCursor(self)

    async def commit(self) -> None:
        if self.raw.in_transaction:  # a session that only read has nothing to commit: no trip
            await super().commit()

    async def rollback(self) -> None:
        if self.raw.in_transaction:
            await super().rollback()


def creator(path: str) -> Callable[[], Awaitable[OneTripConnection]]:
    """An `async_creator` for `create_async_engine`: a new connection to the SQLite file at `path`."""

    async def connect() -> OneTripConnection:
        connection = OneTripConnection(
            lambda: sqlite3.connect(path, timeout=0, check_same_thread=False), iter_chunk_size=64
        )
        connection._thread.daemon = True  # as SQLAlchemy does for aiosqlite's own connections
        await connection
        return connection

    return connect
