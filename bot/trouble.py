"""Database trouble: which errors are worth waiting out, waiting them out, telling the office when they last."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import TypeVar

from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock
from handlers import texts
from handlers.actions import outgoing
from handlers.policy import Policy
from storage.db import Database

log = logging.getLogger(__name__)
T = TypeVar("T")
Alert = Callable[[str], Awaitable[None]]
Work = Callable[[AsyncSession], Awaitable[T]]
BACKOFF = (0.5, 1.0, 2.0, 5.0, 10.0, 30.0)  # seconds between attempts while the database is in trouble


ONE_LOST_TO_ANOTHER = ("40P01", "40001")  # PostgreSQL: deadlock detected, serialization failure


def is_transient(error: BaseException) -> bool:
    """A database that is full, locked, unreachable, dropped the connection or made this transaction give
    way to another: retrying will cure it.

    A broken rule (a unique key, a foreign key) will not: that is a bug, and retrying would stall.
    """
    if isinstance(error, IntegrityError):
        return False
    if isinstance(error, OperationalError | InterfaceError):
        return True
    if isinstance(error, DBAPIError):
        retry_later = getattr(error.orig, "sqlstate", None) in ONE_LOST_TO_ANOTHER
        return retry_later or bool(error.connection_invalidated)
    return isinstance(error, OSError | TimeoutError | ConnectionError)


class Trouble:
    """Counts how long the database has been failing; past `patience`, sends one alert per outage.

    The alert cannot go through the outbox (it lives in the failing database): `alert` sends directly.
    """

    def __init__(self, clock: Clock, alert: Alert, patience: timedelta) -> None:
        self._clock, self._alert, self._patience = clock, alert, patience
        self.since: datetime | None = None
        self._told = False

    async def failed(self, error: BaseException) -> None:
        now = self._clock.now()
        if self.since is None:
            self.since = now
            log.warning("database error, waiting and retrying: %s", error)
        if not self._told and now - self.since >= self._patience:
            self._told = True
            log.error("the database has been failing since %s: %s", self.since.isoformat(), error)
            try:
                await self._alert(str(error).splitlines()[0][:200])
            except Exception:
                log.exception("could not alert the office about the database")

    def now(self) -> datetime:
        return self._clock.now()

    def recovered(self) -> datetime | None:
        """The database works again; returns since when it failed if the office was told of it."""
        since, told = self.since, self._told
        if since is not None:
            log.warning("the database works again (failing since %s)", since.isoformat())
        self.since, self._told = None, False
        return since if told else None


class Patient:
    """Runs database work, waiting out transient trouble with backoff for as long as it takes.

    Nothing is dropped: the caller simply waits. `strict` (virtual time) raises at once instead.
    Once the database works again after the office was told, it hears that too.
    """

    def __init__(self, db: Database, trouble: Trouble, policy: Callable[[], Policy], *, strict: bool) -> None:
        self._db, self._trouble, self._policy, self._strict = db, trouble, policy, strict

    async def write(self, work: Work[T]) -> T:
        """`work` in one transaction, committed."""
        attempt = 0
        while True:
            try:
                async with self._db.transaction() as session:
                    result = await work(session)
            except Exception as error:
                await self._wait(error, attempt)
                attempt += 1
                continue
            if attempt:
                await self._recovered()
            return result

    async def read(self, work: Work[T]) -> T:
        attempt = 0
        while True:
            try:
                async with self._db.reader() as session:
                    return await work(session)
            except Exception as error:
                await self._wait(error, attempt)
                attempt += 1

    async def _wait(self, error: Exception, attempt: int) -> None:
        if self._strict or not is_transient(error):
            raise error
        await self._trouble.failed(error)
        await asyncio.sleep(BACKOFF[min(attempt, len(BACKOFF) - 1)])

    async def _recovered(self) -> None:
        since = self._trouble.recovered()
        if since is None:
            return
        now = self._trouble.now()
        async with self._db.transaction() as session:
            await outgoing.tell_office(
                session,
                self._policy(),
                texts.database_recovered(self._policy(), since, now),
                key=f"db-recovered:{since.isoformat()}",
                kind="status",
                now=now,
            )
