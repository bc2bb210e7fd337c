"""Alerts outside WeChat while WeChat is down: at once on a logout, after a while on a lost connection."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from bot.clock import Clock
from handlers import texts
from handlers.actions.outgoing import Alert
from handlers.policy import Policy


class OutageAlarm:
    """Told of each connection status; raises the alarm through `alert` (webhook, e-mail), never twice
    for one outage: a logout at once, a disconnection once it has lasted `after`."""

    def __init__(self, alert: Alert, after: timedelta, policy: Policy, clock: Clock) -> None:
        self._alert, self._after, self._policy, self._clock = alert, after, policy, clock
        self._since: datetime | None = None
        self._timer: asyncio.Task[None] | None = None

    async def down(self, kind: str, detail: str) -> None:
        now = self._clock.now()
        if self._since is None:
            self._since = now
        if kind == "logout":
            self._cancel()
            await self._alert("logout", texts.logged_out(self._policy, now, detail=detail))
        elif self._timer is None:
            self._timer = asyncio.create_task(self._later(self._since))

    def up(self) -> None:
        self._since = None
        self._cancel()

    async def _later(self, since: datetime) -> None:
        await asyncio.sleep(self._after.total_seconds())
        await self._alert("disconnected", texts.wechat_unreachable(self._policy, since, self._clock.now()))

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
