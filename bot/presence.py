"""Presence: the bot keeps its last sign of life on disk, so after a gap it knows it was offline and says so.

Offline means WeChat messages could not reach the bot: the process was down, or the connection to the
gateway was lost. While online a heartbeat is written every `beat`; at start the last one tells when
the process stopped hearing. Back online after more than the policy's `offline_notice_after`, the
rooms that owe replies are asked to reply again and the office is told (`handlers.actions.downtime`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from bot.clock import Clock
from bot.trouble import is_transient
from handlers.actions.downtime import announce_downtime
from handlers.policy import Policy
from storage import state
from storage.db import Database

log = logging.getLogger(__name__)
KEY = "presence"


class Presence:
    def __init__(self, db: Database, clock: Clock, policy: Callable[[], Policy], *, beat: timedelta) -> None:
        self._db, self._clock, self._policy, self._beat = db, clock, policy, beat
        self._online = False
        self._offline_since: datetime | None = None

    async def online(self) -> None:
        """The bot can hear WeChat again (started, or reconnected and logged in)."""
        if self._online:
            return
        now = self._clock.now()
        since = self._offline_since or await self._last_beat()
        self._online, self._offline_since = True, None
        await self._write_beat(now)
        if since is not None and now - since > self._policy().offline_notice_after:
            log.warning("offline from %s to %s: asking for replies again", since.isoformat(), now.isoformat())
            async with self._db.transaction() as session:
                await announce_downtime(session, self._policy(), since, now, now)

    def offline(self) -> None:
        """The bot stopped hearing WeChat (the connection dropped or the account logged out)."""
        if self._online:
            self._online, self._offline_since = False, self._clock.now()

    async def run(self) -> None:
        """Write a heartbeat every `beat` while online."""
        while True:
            await asyncio.sleep(self._beat.total_seconds())
            if self._online:
                try:
                    await self._write_beat(self._clock.now())
                except Exception as error:
                    if not is_transient(error):
                        raise
                    log.warning("could not write the heartbeat: %s", error)

    async def _last_beat(self) -> datetime | None:
        async with self._db.reader() as session:
            value = await state.get(session, KEY)
        return datetime.fromisoformat(value["online_at"]) if value and value.get("online_at") else None

    async def _write_beat(self, now: datetime) -> None:
        async with self._db.transaction() as session:
            await state.put(session, KEY, {"online_at": now.isoformat()}, at=now)
