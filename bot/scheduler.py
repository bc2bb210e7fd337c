"""When the timed duties run: APScheduler in real time, the very same triggers and duties in virtual time."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger

from bot.clock import Clock
from bot.config import Config
from bot.trouble import BACKOFF, is_transient
from handlers.actions.duties import Duties
from storage.changes import Touched

log = logging.getLogger(__name__)
TICK = timedelta(microseconds=1)
RETRY_AFTER_FAILURE = timedelta(minutes=1)


@dataclass(frozen=True)
class CronDuty:
    name: str
    trigger: CronTrigger
    action: Callable[[datetime], Awaitable[None]]


def cron_duties(config: Config, duties: Duties) -> list[CronDuty]:
    """The fixed-time duties: the working-day broadcast, the database's weekly statistics (PostgreSQL) and,
    when enabled, the weekly bulletin."""
    tz = config.tz
    daily = config.reminders.daily_time
    daily_trigger = CronTrigger(hour=daily.hour, minute=daily.minute, second=daily.second, timezone=tz)

    async def statistics(_at: datetime) -> None:
        await duties.db.refresh_statistics()

    weekly = CronTrigger(day_of_week="sun", hour=3, timezone=tz)  # sends nothing: any quiet hour will do
    result = [CronDuty("daily", daily_trigger, duties.daily), CronDuty("statistics", weekly, statistics)]
    bulletin = config.bulletin
    if bulletin.enabled:
        at = bulletin.time
        trigger = CronTrigger(
            day_of_week=bulletin.day, hour=at.hour, minute=at.minute, second=at.second, timezone=tz
        )
        result.append(CronDuty("bulletin", trigger, duties.bulletin))
    return result


def missed_within(trigger: CronTrigger, now: datetime, grace: timedelta) -> datetime | None:
    """The fire time in (now - grace, now], if there is one: a broadcast that may still be caught up."""
    fire = trigger.get_next_fire_time(None, now - grace + TICK)
    return fire if fire is not None and fire <= now else None


async def catch_up(crons: list[CronDuty], now: datetime, grace: timedelta) -> None:
    """After start-up or a pause: run broadcasts missed by at most `grace`; older ones are skipped."""
    for cron in crons:
        fire = missed_within(cron.trigger, now, grace)
        if fire is not None:
            log.info("catching up the %s duty of %s", cron.name, fire.isoformat())
            await cron.action(fire)


class BotScheduler:
    """Real time: an AsyncIOScheduler started inside the running loop, every trigger in the configured zone."""

    def __init__(self, crons: list[CronDuty], duties: Duties, clock: Clock, config: Config) -> None:
        self._crons, self._duties, self._clock = crons, duties, clock
        self._grace = timedelta(minutes=config.reminders.grace_minutes)
        self._tz = config.tz
        self._scheduler = AsyncIOScheduler(timezone=config.tz)
        self._running: set[asyncio.Task[None]] = set()
        self._last_pass: datetime | None = None  # when the deadline duty last began

    async def start(self) -> None:
        for cron in self._crons:
            self._scheduler.add_job(
                self._run_cron,
                cron.trigger,
                args=[cron],
                id=cron.name,
                coalesce=True,
                max_instances=1,
                misfire_grace_time=int(self._grace.total_seconds()),
            )
        self._scheduler.start()
        await catch_up(self._crons, self._clock.now(), self._grace)
        await self.poke()

    async def _run_cron(self, cron: CronDuty) -> None:
        await self._track(self._patiently(cron, self._clock.now()))

    async def _patiently(self, cron: CronDuty, at: datetime) -> None:
        """A broadcast the database refused (disk full, locked) is tried again while it is still timely."""
        attempt = 0
        while True:
            try:
                await cron.action(at)
                return
            except Exception as error:
                if not is_transient(error) or self._clock.now() - at > self._grace:
                    log.exception("the %s duty of %s failed", cron.name, at.isoformat())
                    return
                log.warning("the %s duty failed (%s); trying again", cron.name, error)
            await asyncio.sleep(BACKOFF[min(attempt, len(BACKOFF) - 1)])
            attempt += 1

    async def poke(self) -> None:
        """Run the deadline duty now and wake it again when it next has work (misfires run late, never skip)."""
        await self._track(self._deadlines(full=True))

    async def heard(self, outcome: str, units: Touched | None = None) -> None:
        """After a handled message: a command changed the facts of `units` (None: it cannot say, so every
        unit is judged), which are judged again with those whose deadlines passed meanwhile; a reply queued
        for review records nothing on any assignment: only the office's digest of such replies may be due
        (what time alone brings is the deadline duty's, woken for it)."""
        if outcome == "queued":
            await self._track(self._reviews())
        else:
            await self._track(self._deadlines(full=units is None, units=units or {}))

    async def _reviews(self) -> None:
        try:
            next_time = await self._duties.reviews(self._clock.now())
        except Exception:
            log.exception("the review digest failed; trying again in a minute")
            next_time = self._clock.now() + RETRY_AFTER_FAILURE
        if next_time is not None:
            self._wake_by(next_time)

    async def _wake(self) -> None:
        """The deadline duty at the time it asked for: only time has moved on since its last pass."""
        await self._track(self._deadlines(full=False))

    async def _deadlines(self, *, full: bool, units: Touched | None = None) -> None:
        now, since = self._clock.now(), self._last_pass
        self._last_pass = now
        try:
            next_time = await self._duties.deadlines(now, since=None if full else since, units=units or {})
        except Exception:
            log.exception("the deadline duty failed; trying again in a minute")
            self._last_pass = None  # what that pass should have judged is judged by the next (every unit)
            next_time = self._clock.now() + RETRY_AFTER_FAILURE
        if next_time is None:
            if self._scheduler.get_job("deadlines"):
                self._scheduler.remove_job("deadlines")
            return
        self._schedule(next_time)

    def _wake_by(self, moment: datetime) -> None:
        """Make sure the deadline duty runs again by `moment` (a later wake-up is brought forward)."""
        job = self._scheduler.get_job("deadlines")
        if job is None or job.next_run_time is None or moment < job.next_run_time:
            self._schedule(moment)

    def _schedule(self, moment: datetime) -> None:
        self._scheduler.add_job(
            self._wake,
            DateTrigger(run_date=moment, timezone=self._tz),
            id="deadlines",
            replace_existing=True,
            misfire_grace_time=None,
        )

    async def _track(self, work: Awaitable[None]) -> None:
        """Run a duty as our own task: APScheduler cancels the jobs it started at shutdown, the shield
        keeps the duty itself running so `shutdown` can wait for it to finish its transaction."""
        task = asyncio.ensure_future(work)
        self._running.add(task)
        task.add_done_callback(self._running.discard)
        await asyncio.shield(task)

    async def shutdown(self) -> None:
        """Stop firing, then wait for duties already running (APScheduler itself would not wait for them)."""
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)
        if self._running:
            await asyncio.gather(*self._running, return_exceptions=True)


class VirtualScheduler:
    """Virtual time: the same duties and triggers, run in order as a replay moves its clock."""

    def __init__(self, crons: list[CronDuty], duties: Duties, clock: Clock, config: Config) -> None:
        self._crons, self._duties, self._clock = crons, duties, clock
        self._grace = timedelta(minutes=config.reminders.grace_minutes)
        now = clock.now()
        self._cron_next = {c.name: c.trigger.get_next_fire_time(None, now) for c in crons}
        self._deadline_next: datetime | None = None
        self._last_pass: datetime | None = None  # when the deadline duty last ran

    async def start(self) -> None:
        await catch_up(self._crons, self._clock.now(), self._grace)
        await self.poke()

    async def poke(self) -> None:
        """The deadline duty after a command (or at start): every unit is judged."""
        self._last_pass = self._clock.now()
        self._deadline_next = await self._duties.deadlines(self._last_pass)

    async def heard(self, outcome: str, units: Touched | None = None) -> None:
        """After a handled message: as `BotScheduler.heard`."""
        if outcome == "queued":
            digest_at = await self._duties.reviews(self._clock.now())
            times = [t for t in (self._deadline_next, digest_at) if t is not None]
            self._deadline_next = min(times, default=None)
            return
        if self._last_pass is None or units is None:
            await self.poke()
            return
        since, self._last_pass = self._last_pass, self._clock.now()
        self._deadline_next = await self._duties.deadlines(self._last_pass, since=since, units=units)

    def next_time(self) -> datetime | None:
        times = [t for t in (*self._cron_next.values(), self._deadline_next) if t is not None]
        return min(times, default=None)

    async def shutdown(self) -> None:
        """Nothing runs on its own in virtual time, so there is nothing to wait for."""

    async def run_due(self) -> None:
        """Run every duty due at the clock's time: broadcasts first, then deadlines."""
        now = self._clock.now()
        for cron in self._crons:
            fire = self._cron_next[cron.name]
            if fire is not None and fire <= now:
                await cron.action(fire)
                self._cron_next[cron.name] = cron.trigger.get_next_fire_time(fire, fire + TICK)
        if self._deadline_next is not None and self._deadline_next <= now:
            since, self._last_pass = self._last_pass, now
            self._deadline_next = await self._duties.deadlines(now, since=since)
