"""The real-time scheduler: APScheduler's AsyncIOScheduler behind `BotScheduler`.

Nothing here waits for real time: the tests call the methods and inspect the registered jobs and
their triggers. The clock is a fixed one far in the future, so no job registered here ever falls due
while a test runs (a past run date would fire at once).
"""

from __future__ import annotations

import asyncio
import io
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger

from bot.app import App, make_policy
from bot.config import Config, config_from_mapping, load_config
from bot.replay import run_scenario
from bot.scheduler import BotScheduler, CronDuty, VirtualScheduler, cron_duties, missed_within
from handlers.actions.duties import Duties
from storage.changes import Touched
from storage.db import Database

TZ = ZoneInfo("Asia/Shanghai")
# A Monday about two years ahead of today, so that nothing registered here is due while the test runs.
_ahead = datetime.now(TZ).date() + timedelta(days=730)
MONDAY = _ahead - timedelta(days=_ahead.weekday())


def local(hour: int, minute: int = 0, second: int = 0, *, days: int = 0) -> datetime:
    return datetime(MONDAY.year, MONDAY.month, MONDAY.day, hour, minute, second, tzinfo=TZ) + timedelta(
        days=days
    )


def iso(moment: datetime) -> str:
    return moment.astimezone(TZ).isoformat()


class FixedClock:
    def __init__(self, now: datetime) -> None:
        self.moment = now.astimezone(UTC)

    def now(self) -> datetime:
        return self.moment


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = Database.from_url(f"sqlite+aiosqlite:///{tmp_path / 'duban.db'}")
    await database.upgrade()
    try:
        yield database
    finally:
        await database.dispose()


def make(config: Config, db: Database, clock: FixedClock) -> tuple[BotScheduler, Duties]:
    duties = Duties(db, make_policy(config, bot_id="bot"))
    return BotScheduler(cron_duties(config, duties), duties, clock, config), duties


def jobs(scheduler: BotScheduler) -> dict[str, Any]:
    return {job.id: job for job in scheduler._scheduler.get_jobs()}


def fields(trigger: CronTrigger) -> dict[str, str]:
    return {f.name: str(f) for f in trigger.fields}


async def test_starts_inside_the_running_loop_with_the_daily_cron_in_the_configured_zone(
    db: Database,
) -> None:
    config = load_config(None, env={})
    scheduler, _ = make(config, db, FixedClock(local(8, 0)))
    await scheduler.start()
    try:
        assert scheduler._scheduler.running
        assert scheduler._scheduler._eventloop is asyncio.get_running_loop()
        found = jobs(scheduler)
        assert set(found) == {"daily", "statistics"}  # nothing in the database: no deadline job
        daily = found["daily"]
        assert isinstance(daily.trigger, CronTrigger)
        assert str(daily.trigger.timezone) == "Asia/Shanghai"
        assert fields(daily.trigger)["hour"] == "9" and fields(daily.trigger)["minute"] == "0"
        assert daily.trigger.get_next_fire_time(None, local(8, 0)) == local(9, 0)
        # APScheduler's default grace (1 s) would silently drop a late broadcast; the configured grace is used
        assert daily.misfire_grace_time == 30 * 60
        assert daily.coalesce is True
        assert daily.max_instances == 1
    finally:
        await scheduler.shutdown()
    await asyncio.sleep(0)  # APScheduler stops on the loop's next turn
    assert not scheduler._scheduler.running


async def test_cron_jobs_follow_the_configuration(db: Database) -> None:
    config = config_from_mapping(
        {
            "general": {"timezone": "Asia/Urumqi"},
            "reminders": {"daily_time": "08:15", "grace_minutes": 45},
            "bulletin": {"enabled": True, "day": "thu", "time": "15:30", "room": "政务督查联络群"},
        }
    )
    scheduler, _ = make(config, db, FixedClock(local(3, 0)))
    await scheduler.start()
    try:
        found = jobs(scheduler)
        assert set(found) == {"daily", "statistics", "bulletin"}
        for job in found.values():
            assert str(job.trigger.timezone) == "Asia/Urumqi"
            assert job.misfire_grace_time == 45 * 60
        assert fields(found["daily"].trigger)["hour"] == "8"
        assert fields(found["daily"].trigger)["minute"] == "15"
        bulletin = fields(found["bulletin"].trigger)
        assert (bulletin["day_of_week"], bulletin["hour"], bulletin["minute"]) == ("thu", "15", "30")
        urumqi = ZoneInfo("Asia/Urumqi")
        start = local(3, 0).astimezone(urumqi)
        fire = found["daily"].trigger.get_next_fire_time(None, start)
        assert (
            fire.tzinfo is not None
            and fire.astimezone(urumqi).hour == 8
            and fire.astimezone(urumqi).minute == 15
        )
    finally:
        await scheduler.shutdown()


def test_cron_duties_without_bulletin_by_default(db: Database) -> None:
    config = load_config(None, env={})
    duties = Duties(db, make_policy(config, bot_id="bot"))
    crons = cron_duties(config, duties)
    assert [c.name for c in crons] == ["daily", "statistics"]
    assert crons[0].action == duties.daily
    assert fields(crons[1].trigger)["day_of_week"] == "sun"  # weekly, in a quiet hour


def test_missed_within_grace() -> None:
    trigger = CronTrigger(hour=9, minute=0, timezone=TZ)
    grace = timedelta(minutes=30)
    assert missed_within(trigger, local(9, 20), grace) == local(9, 0)
    assert missed_within(trigger, local(9, 0), grace) == local(9, 0)
    assert missed_within(trigger, local(9, 31), grace) is None
    assert missed_within(trigger, local(8, 59), grace) is None


async def published(tmp_path: Path, db_url: str) -> None:
    """A notice to 城关镇, issued Monday 09:00: receipt due 11:00, feedback due Friday 17:30."""
    day = MONDAY.isoformat()
    friday = (MONDAY + timedelta(days=4)).isoformat()
    setup = {
        "timezone": "Asia/Shanghai",
        "start": iso(local(8, 50)),
        "bot": {"id": "bot", "name": "督办助手"},
        "office": [{"id": "liming", "name": "李明"}],
        "units": [{"name": "城关镇", "liaisons": [{"id": "wangwu", "name": "王五"}]}],
        "rooms": [{"id": "room-1", "topic": "政务督查联络群", "members": ["liming", "wangwu"]}],
    }
    text = f"/发布 关于开展冬季安全生产大检查的通知\n单位：城关镇\n签收时限：{day} 11:00\n反馈时限：{friday} 17:30"
    lines = [
        json.dumps({"setup": setup}, ensure_ascii=False),
        json.dumps(
            {"at": iso(local(9, 0)), "from": "liming", "room": None, "text": text}, ensure_ascii=False
        ),
        json.dumps({"at": iso(local(9, 10))}),
    ]
    await run_scenario(lines, config=load_config(None, env={}), out=io.StringIO(), db_url=db_url)


async def test_the_deadline_job_runs_when_the_duties_say(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'shared.db'}"
    await published(tmp_path, url)
    database = Database.from_url(url)
    config = load_config(None, env={})
    clock = FixedClock(local(9, 10))
    scheduler, duties = make(config, database, clock)
    try:
        await scheduler.start()
        job = jobs(scheduler)["deadlines"]
        assert isinstance(job.trigger, DateTrigger)
        assert job.trigger.run_date == local(10, 30)  # the 30-minute receipt reminder
        assert job.trigger.run_date.tzinfo is not None
        assert job.misfire_grace_time is None  # a late wake-up still runs: deadlines are never skipped
        assert job.trigger.run_date == await duties.deadlines(clock.now())
        # what the job does when it fires: run the duty, then re-arm for the next thing due
        clock.moment = local(10, 30).astimezone(UTC)
        await scheduler.poke()
        assert jobs(scheduler)["deadlines"].trigger.run_date == local(11, 0, 1)  # evaluation just after 11:00
        clock.moment = local(11, 0, 1).astimezone(UTC)
        await scheduler.poke()
        assert jobs(scheduler)["deadlines"].trigger.run_date == local(17, 30, days=3)  # 24 h before feedback
        assert len(jobs(scheduler)) == 3  # replaced, never piled up (beside daily and statistics)
        clock.moment = local(18, 0, days=5)  # everything decided: no deadline job left
        await scheduler.poke()
        assert "deadlines" not in jobs(scheduler)
    finally:
        await scheduler.shutdown()
        await database.dispose()


class SlowDuties:
    """Stands in for `Duties`: a deadline run that only finishes when the test lets it."""

    def __init__(self) -> None:
        self.started = asyncio.Event()
        self.release = asyncio.Event()
        self.finished = False
        self.cancelled = False

    async def deadlines(
        self, now: datetime, *, since: datetime | None = None, units: Touched | None = None
    ) -> datetime | None:
        self.started.set()
        try:
            await self.release.wait()
        except asyncio.CancelledError:
            self.cancelled = True
            raise
        self.finished = True
        return None


async def test_shutdown_waits_for_a_running_duty() -> None:
    config = load_config(None, env={})
    slow = SlowDuties()
    scheduler = BotScheduler([], slow, FixedClock(local(8, 0)), config)  # type: ignore[arg-type]
    starting = asyncio.create_task(scheduler.start())
    await asyncio.wait_for(slow.started.wait(), 2)
    stopping = asyncio.create_task(scheduler.shutdown())
    for _ in range(20):
        await asyncio.sleep(0)
    assert not stopping.done()  # still waiting for the duty
    assert not slow.finished and not slow.cancelled
    slow.release.set()
    await asyncio.wait_for(stopping, 2)
    await asyncio.wait_for(starting, 2)
    assert slow.finished and not slow.cancelled


async def test_shutdown_waits_for_a_running_broadcast(db: Database) -> None:
    config = load_config(None, env={})
    started, release = asyncio.Event(), asyncio.Event()
    done: list[datetime] = []

    async def broadcast(at: datetime) -> None:
        started.set()
        await release.wait()
        done.append(at)

    cron = CronDuty("daily", CronTrigger(hour=9, minute=0, timezone=TZ), broadcast)
    duties = Duties(db, make_policy(config, bot_id="bot"))
    scheduler = BotScheduler([cron], duties, FixedClock(local(8, 0)), config)
    await scheduler.start()
    running = asyncio.create_task(scheduler._run_cron(cron))  # what APScheduler calls at 09:00
    await asyncio.wait_for(started.wait(), 2)
    stopping = asyncio.create_task(scheduler.shutdown())
    for _ in range(20):
        await asyncio.sleep(0)
    assert not stopping.done()
    release.set()
    await asyncio.wait_for(stopping, 2)
    await running
    assert done == [local(8, 0).astimezone(UTC)]


async def test_start_catches_up_a_broadcast_missed_within_the_grace(db: Database) -> None:
    config = load_config(None, env={})
    calls: list[datetime] = []

    async def broadcast(at: datetime) -> None:
        calls.append(at)

    cron = CronDuty("daily", CronTrigger(hour=9, minute=0, timezone=TZ), broadcast)
    duties = Duties(db, make_policy(config, bot_id="bot"))
    for now, expected in [(local(9, 20), [local(9, 0)]), (local(9, 45), [])]:
        calls.clear()
        scheduler = BotScheduler([cron], duties, FixedClock(now), config)
        await scheduler.start()
        await scheduler.shutdown()
        assert calls == expected


def test_the_app_uses_the_real_scheduler_live_and_the_virtual_one_in_replays(tmp_path: Path) -> None:
    config = load_config(None, env={})
    database = Database.from_url(f"sqlite+aiosqlite:///{tmp_path / 'x.db'}")
    clock = FixedClock(local(8, 0))
    live = App(config, database, None, clock, bot_id="bot")  # type: ignore[arg-type]
    replay = App(config, database, None, clock, bot_id="bot", virtual_time=True)  # type: ignore[arg-type]
    assert isinstance(live.scheduler, BotScheduler)
    assert isinstance(replay.scheduler, VirtualScheduler)


async def test_shutdown_waits_for_a_broadcast_apscheduler_is_running(db: Database) -> None:
    """The trap: APScheduler's asyncio executor cancels the jobs it runs when it shuts down."""
    config = load_config(None, env={})
    started, release = asyncio.Event(), asyncio.Event()
    outcome: list[str] = []

    async def broadcast(at: datetime) -> None:
        started.set()
        try:
            await release.wait()
        except asyncio.CancelledError:
            outcome.append("cancelled")
            raise
        outcome.append("finished")

    cron = CronDuty("daily", CronTrigger(hour=9, minute=0, timezone=TZ), broadcast)
    duties = Duties(db, make_policy(config, bot_id="bot"))
    scheduler = BotScheduler([cron], duties, FixedClock(local(8, 0)), config)
    await scheduler.start()
    # make the cron job due now and let APScheduler run it, as it would at 09:00
    scheduler._scheduler.get_job("daily").modify(next_run_time=datetime.now(TZ))
    scheduler._scheduler.wakeup()
    await asyncio.wait_for(started.wait(), 2)
    stopping = asyncio.create_task(scheduler.shutdown())
    for _ in range(20):
        await asyncio.sleep(0)
    release.set()
    await asyncio.wait_for(stopping, 2)
    for _ in range(5):
        await asyncio.sleep(0)
    assert outcome == ["finished"]


class BlockingSecondRun:
    """First deadline run (at start) asks to be woken at `wake`; the second one blocks until released."""

    def __init__(self, wake: datetime) -> None:
        self.wake, self.calls = wake, 0
        self.started, self.release = asyncio.Event(), asyncio.Event()
        self.outcome: list[str] = []

    async def deadlines(
        self, now: datetime, *, since: datetime | None = None, units: Touched | None = None
    ) -> datetime | None:
        self.calls += 1
        if self.calls == 1:
            return self.wake
        self.started.set()
        try:
            await self.release.wait()
        except asyncio.CancelledError:
            self.outcome.append("cancelled")
            raise
        self.outcome.append("finished")
        return None


async def test_shutdown_waits_for_a_deadline_run_apscheduler_is_running() -> None:
    config = load_config(None, env={})
    duties = BlockingSecondRun(local(10, 30))
    scheduler = BotScheduler([], duties, FixedClock(local(8, 0)), config)  # type: ignore[arg-type]
    await scheduler.start()
    assert jobs(scheduler)["deadlines"].trigger.run_date == local(10, 30)
    scheduler._scheduler.get_job("deadlines").modify(next_run_time=datetime.now(TZ))
    scheduler._scheduler.wakeup()
    await asyncio.wait_for(duties.started.wait(), 2)
    stopping = asyncio.create_task(scheduler.shutdown())
    for _ in range(20):
        await asyncio.sleep(0)
    duties.release.set()
    await asyncio.wait_for(stopping, 2)
    for _ in range(5):
        await asyncio.sleep(0)
    assert duties.outcome == ["finished"]


class RecordingDuties:
    """Stands in for `Duties`: records what each deadline pass was asked to judge; fails when told to."""

    def __init__(self) -> None:
        self.passes: list[tuple[datetime | None, Touched]] = []
        self.fail = False
        self.digests: list[datetime] = []
        self.next_digest: datetime | None = None
        self.next_pass: datetime | None = None

    async def deadlines(
        self, now: datetime, *, since: datetime | None = None, units: Touched | None = None
    ) -> datetime | None:
        self.passes.append((since, dict(units or {})))
        if self.fail:
            self.fail = False
            raise RuntimeError("the database went away")
        return self.next_pass

    async def reviews(self, now: datetime) -> datetime | None:
        self.digests.append(now)
        return self.next_digest


@pytest.mark.parametrize("kind", [BotScheduler, VirtualScheduler])
async def test_after_a_command_the_pass_judges_the_units_it_changed(
    kind: type[BotScheduler] | type[VirtualScheduler],
) -> None:
    """A command names the units whose facts it changed: the pass after it judges those (and the units
    whose deadlines passed since the last pass); a command that cannot say (None) judges every unit."""
    config = load_config(None, env={})
    recording, clock = RecordingDuties(), FixedClock(local(8, 0))
    scheduler = kind([], recording, clock, config)  # type: ignore[arg-type]
    try:
        await scheduler.start()
        start = clock.now()
        clock.moment = local(9, 0).astimezone(UTC)
        await scheduler.heard("command", {3: None, 5: start})
        clock.moment = local(9, 30).astimezone(UTC)
        await scheduler.heard("queued", {7: None})  # a reply for review changed nothing judged: no pass
        clock.moment = local(10, 0).astimezone(UTC)
        await scheduler.heard("command", {4: None})
        clock.moment = local(10, 30).astimezone(UTC)
        await scheduler.heard("command", None)
        assert recording.passes == [
            (None, {}),  # at start: every unit
            (start, {3: None, 5: start}),
            (local(9, 0), {4: None}),  # what time alone brought since 9:00 included
            (None, {}),
        ]
        assert recording.digests == [local(9, 30)]  # only the office's digest of queued replies may be due
    finally:
        await scheduler.shutdown()


async def test_a_queued_reply_brings_the_next_pass_forward_to_its_digest_never_back() -> None:
    """The digest of queued replies may be due before the deadline duty's next wake-up: the wake-up moves
    to it; a digest due later leaves the earlier wake-up as it is."""
    config = load_config(None, env={})
    recording, clock = RecordingDuties(), FixedClock(local(8, 0))
    recording.next_pass = local(12, 0).astimezone(UTC)
    scheduler = BotScheduler([], recording, clock, config)  # type: ignore[arg-type]
    try:
        await scheduler.start()
        job = scheduler._scheduler.get_job("deadlines")
        assert job is not None and job.next_run_time == local(12, 0)
        recording.next_digest = local(13, 0).astimezone(UTC)
        await scheduler.heard("queued", {})
        assert scheduler._scheduler.get_job("deadlines").next_run_time == local(12, 0)
        recording.next_digest = local(10, 0).astimezone(UTC)
        await scheduler.heard("queued", {})
        assert scheduler._scheduler.get_job("deadlines").next_run_time == local(10, 0)
        assert len(recording.passes) == 1  # the one at start
    finally:
        await scheduler.shutdown()


async def test_after_a_failed_pass_the_next_one_judges_every_unit() -> None:
    """What a failed pass should have judged is not lost: the retry looks at every unit."""
    config = load_config(None, env={})
    recording, clock = RecordingDuties(), FixedClock(local(8, 0))
    scheduler = BotScheduler([], recording, clock, config)  # type: ignore[arg-type]
    try:
        await scheduler.start()
        clock.moment = local(9, 0).astimezone(UTC)
        recording.fail = True
        await scheduler.heard("command", {3: None})
        clock.moment = local(9, 1).astimezone(UTC)
        await scheduler._wake()  # the retry a minute later
        assert [since for since, _ in recording.passes] == [None, local(8, 0), None]
    finally:
        await scheduler.shutdown()
