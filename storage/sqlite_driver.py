"""aiosqlite with one trip to its thread per statement (SQLAlchemy's adapter makes four: open a cursor,
execute, fetch, close) and none to end a transaction that wrote nothing: trips are most of what a small
statement costs."""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any

import aiosqlite


class OneTripCursor:
    """The cursor SQLAlchemy's aiosqlite adapter drives: a statement runs and its rows are fetched in one
    call on the connection's thread; opening, fetching from and closing the cursor need no trip."""

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
        return self._execute(function)  # type: ignore[no-untyped-call]

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
            lambda: sqlite3.connect(path, check_same_thread=False), iter_chunk_size=64
        )
        connection._thread.daemon = True  # as SQLAlchemy does for aiosqlite's own connections
        await connection
        return connection

    return connect
