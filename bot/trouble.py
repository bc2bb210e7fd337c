"""Database trouble: which errors are worth waiting out, and telling the office once when they last."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError

from bot.clock import Clock

log = logging.getLogger(__name__)
Alert = Callable[[str], Awaitable[None]]


def is_transient(error: BaseException) -> bool:
    """A database that is full, locked, unreachable or dropped the connection: retrying will cure it.

    A broken rule (a unique key, a foreign key) will not: that is a bug, and retrying would stall.
    """
    if isinstance(error, IntegrityError):
        return False
    if isinstance(error, OperationalError | InterfaceError):
        return True
    if isinstance(error, DBAPIError):
        return bool(error.connection_invalidated)
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

    def recovered(self) -> datetime | None:
        """The database works again; returns since when it failed if the office was told of it."""
        since, told = self.since, self._told
        if since is not None:
            log.warning("the database works again (failing since %s)", since.isoformat())
        self.since, self._told = None, False
        return since if told else None
