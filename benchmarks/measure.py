"""The county measurements of `make bench`: replay, its raw floor, flat cost, live path and exports.

Each function runs on a database URL it is given (SQLite file or a fresh PostgreSQL database) and
returns plain numbers; `benchmarks/run.py` prints them beside their floors and targets. Peak memory
is read from VmHWM in /proc/self/status of a fresh process (ru_maxrss would carry a parent's peak
across exec), so the memory measurements run here as `python benchmarks/measure.py KIND …`.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from county import OFFICE, TZ, liaison, room_of, scenario, setup
from sqlalchemy import event, insert, update
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from bot.app import make_policy
from bot.config import load_config
from bot.replay import run_scenario
from handlers.actions.duties import Duties
from handlers.messages import IncomingMessage
from storage.db import Database
from storage.ledger import build_ledger, write_ledger
from storage.models import Assignment, Flag, Notice, OutboxMessage
from storage.roster import roster_from_mapping
from storage.roster_store import apply_roster


def peak_rss_mb() -> float:
    """This process's peak resident set (VmHWM), in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def county_lines(days: int, *, closing: bool = False) -> list[str]:
    """A county's `days` at the year's density: 201 notices and 15,500 group messages a year (`closing`: the
    office closes each notice after its feedback deadline, `county.scenario`)."""
    return list(
        scenario(
            days=days,
            notices=max(2, round(201 * days / 365)),
            messages=round(15_500 * days / 365),
            closing=closing,
        )
    )


def message_count(lines: Iterable[str]) -> int:
    return sum(1 for line in lines if '"from"' in line)


def write_scenario(days: int, path: Path, *, closing: bool = False) -> None:
    """The county's `days` as a scenario file, as `duban replay` reads one."""
    path.write_text("".join(line + "\n" for line in county_lines(days, closing=closing)), encoding="utf-8")


async def replay_seconds(lines: Iterable[str], db_url: str, ledger: Path | None = None) -> float:
    """Seconds to replay `lines` through the real app (`duban replay`) on `db_url`, the bot's messages
    written out and not kept, as `duban replay FILE > OUT` does."""
    config = load_config(None, env={})
    start = time.perf_counter()
    await run_scenario(lines, config=config, out=_Nowhere(), ledger=ledger, db_url=db_url, keep_sent=False)
    return time.perf_counter() - start


class _Nowhere(io.StringIO):
    """An output that keeps nothing (`duban replay … > /dev/null`)."""

    def write(self, text: str) -> int:
        return len(text)


async def raw_floor_seconds(lines: Sequence[str], db_url: str) -> float:
    """The floor: each inbound message stored with one durable commit of its own, nothing else.

    aiosqlite with WAL (synchronous FULL, as the bot's engine) on SQLite; asyncpg on PostgreSQL.
    """
    messages = [json.loads(line) for line in lines[1:] if '"from"' in line]
    url = make_url(db_url)
    start = time.perf_counter()
    if url.get_backend_name() == "sqlite":
        import aiosqlite

        async with aiosqlite.connect(str(url.database)) as db:
            await db.execute("PRAGMA journal_mode=WAL")
            await db.execute("CREATE TABLE floor (id TEXT PRIMARY KEY, at TEXT, payload TEXT)")
            await db.commit()
            for m in messages:
                await db.execute(
                    "INSERT INTO floor VALUES (?, ?, ?)",
                    (m["id"], m["at"], json.dumps(m, ensure_ascii=False)),
                )
                await db.commit()
    else:
        import asyncpg  # type: ignore[import-untyped]

        connection = await asyncpg.connect(
            url.set(drivername="postgresql").render_as_string(hide_password=False)
        )
        try:
            await connection.execute("CREATE TABLE floor (id TEXT PRIMARY KEY, at TEXT, payload TEXT)")
            for m in messages:
                async with connection.transaction():
                    await connection.execute(
                        "INSERT INTO floor VALUES ($1, $2, $3)",
                        m["id"],
                        m["at"],
                        json.dumps(m, ensure_ascii=False),
                    )
        finally:
            await connection.close()
    return time.perf_counter() - start


async def build_history(
    db_url: str, *, years: int, units: int = 40, notices: int = 200, per_notice: int = 20
) -> None:
    """Years of closed notices before 2026 (the roster of `county.setup`), written directly, not replayed."""
    rng = random.Random(3)
    db = Database.from_url(db_url)
    try:
        await db.upgrade()
        first = datetime(2026, 1, 5, 8, 0, tzinfo=TZ)
        async with db.transaction() as session:
            await apply_roster(
                session, roster_from_mapping(setup(units, first)["setup"]), actor="bench", at=first
            )
        for year in range(2026 - years, 2026):
            base = datetime(year, 1, 5, 1, 0, tzinfo=UTC)
            rows: list[dict[str, Any]] = []
            for seq in range(1, notices + 1):
                issued = base + timedelta(hours=seq * 40)
                rows.append(
                    {
                        "year": year,
                        "seq": seq,
                        "number": f"督办〔{year}〕{seq}号",
                        "title": f"关于第{seq}项重点工作的通知",
                        "body": "请按要求落实并按时反馈。",
                        "issued_by": OFFICE,
                        "issued_at": issued,
                        "receipt_due": issued + timedelta(hours=2),
                        "feedback_due": issued + timedelta(days=7),
                        "status": "closed",
                        "closed_at": issued + timedelta(days=10),
                    }
                )
            async with db.transaction() as session:
                ids = (
                    await session.scalars(
                        insert(Notice).returning(Notice.id, sort_by_parameter_order=True), rows
                    )
                ).all()
                work = [
                    {
                        "notice_id": notice_id,
                        "unit_id": u + 1,
                        "excused": False,
                        "reached_at": row["issued_at"],
                        "received_at": row["issued_at"] + timedelta(minutes=rng.choice((20, 40, 90, 200))),
                    }
                    for notice_id, row in zip(ids, rows, strict=True)
                    for u in sorted(rng.sample(range(units), per_notice))
                ]
                await session.execute(insert(Assignment), work)
        await _lived_through(db, first)
    finally:
        await db.dispose()


async def _lived_through(db: Database, now: datetime) -> None:
    """The years as a running bot would have left them: the rules' proposals for their lapses made (one
    catch-up pass), decided by the office and their messages sent, so the measured month judges only its
    own deadlines (without this the first pass proposes years of penalties at once)."""
    duties = Duties(db, make_policy(load_config(None, env={}), bot_id="bot"))
    await duties.deadlines(now)
    async with db.transaction() as session:
        await session.execute(
            update(Flag)
            .where(Flag.status == "proposed")
            .values(status="confirmed", decided_by=OFFICE, decided_at=now, rectified="整改到位")
        )
        await session.execute(
            update(OutboxMessage).where(OutboxMessage.status == "pending").values(status="sent", sent_at=now)
        )


async def live_latencies(db_url: str, *, replies: int = 500, within: float = 60.0) -> list[float]:
    """Seconds from a message handed to the app's inbound seam to its handling committed, in real time.

    A burst of `replies` receipts and chatter from the county's liaisons spread over `within` seconds,
    while the bot's intake, scheduler and sender run as in `duban run`.
    """
    from bot.app import App
    from bot.clock import RealClock
    from bot.live import keep_startup_out_of_gc
    from bot.replay import ReplayTransport

    config = load_config(None, env={})
    clock = RealClock()
    db = Database.from_url(db_url)
    transport = ReplayTransport(clock, io.StringIO(), TZ)  # type: ignore[arg-type]
    app = App(config, db, transport, clock, bot_id="bot", rng=random.Random(0))
    await app.prepare()
    units = 40
    async with db.transaction() as session:
        await apply_roster(
            session, roster_from_mapping(setup(units, clock.now())["setup"]), actor="bench", at=clock.now()
        )
    await app.start_scheduler()
    keep_startup_out_of_gc()  # as `duban run` does (bot.live.serve)
    tasks = [asyncio.create_task(app.intake.run()), asyncio.create_task(app.send_loop())]
    publish = IncomingMessage(
        id="publish",
        sender_id=OFFICE,
        text="/发布 关于开展安全生产检查的通知\n单位："
        + "、".join(f"县第{i + 1}局" for i in range(0, units, 2)),
        at=clock.now(),
    )
    await app.intake.arrived(publish)
    sent_at: dict[str, float] = {}
    done: dict[str, float] = {}
    all_done = asyncio.Event()
    handle = app.intake._handle

    async def timed(session: AsyncSession, message: IncomingMessage, version: int | None) -> str:
        """The app's handler, noting the moment its transaction has committed."""

        def committed(_session: Session) -> None:
            done[message.id] = time.perf_counter()
            if len(done) == replies:
                all_done.set()

        if message.id in sent_at:
            event.listen(session.sync_session, "after_commit", committed, once=True)
        return await handle(session, message, version)

    app.intake._handle = timed
    rng = random.Random(5)
    try:
        for n in range(replies):
            i = rng.randrange(units)
            text_ = (
                "1号收到" if i % 2 == 0 and rng.random() < 0.3 else rng.choice(("好的", "辛苦了", "大家好"))
            )
            message = IncomingMessage(
                id=f"live-{n}",
                sender_id=liaison(i),
                text=text_,
                at=clock.now(),
                room_id=room_of(i),
                room_topic=None,
                sender_name=f"联络员{i + 1}",
            )
            sent_at[message.id] = time.perf_counter()
            await app.intake.arrived(message)
            await asyncio.sleep(within / replies)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(all_done.wait(), 120)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await app.scheduler.shutdown()
        await db.dispose()
    return [done[k] - sent_at[k] for k in sent_at if k in done]


async def export_seconds(db_url: str, out: Path) -> float:
    """Seconds to build and write a five-year ledger (1,000 notices × 40 units) as xlsx."""
    await build_history(db_url, years=5, notices=200, per_notice=40)
    db = Database.from_url(db_url)
    try:
        start = time.perf_counter()
        async with db.reader() as session:
            ledger = await build_ledger(session, now=datetime(2026, 1, 5, tzinfo=UTC), tz=TZ)
        write_ledger(ledger, "xlsx", out)
        return time.perf_counter() - start
    finally:
        await db.dispose()


def percentile(values: Sequence[float], fraction: float) -> float:
    if not values:
        return float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[round(fraction * 100) - 1]


def child(kind: str, db_url: str, arguments: list[str]) -> dict[str, Any]:
    """One measurement in this (fresh) process; its peak RSS is reported with it."""
    result: dict[str, Any] = {}
    if kind == "replay":  # a scenario file (`write_scenario`), read line by line as `duban replay` reads it
        scenario_path = Path(arguments[0])
        ledger = Path(arguments[1]) if len(arguments) > 1 else None
        with scenario_path.open(encoding="utf-8") as scenario:
            result["seconds"] = asyncio.run(replay_seconds(scenario, db_url, ledger))
        with scenario_path.open(encoding="utf-8") as scenario:
            result["messages"] = message_count(scenario)
    elif kind == "floor":
        result["seconds"] = asyncio.run(raw_floor_seconds(county_lines(int(arguments[0])), db_url))
    elif kind == "history":
        asyncio.run(build_history(db_url, years=int(arguments[0])))
    elif kind == "live":
        result["latencies"] = asyncio.run(live_latencies(db_url))
    elif kind == "export":
        with tempfile.TemporaryDirectory() as tmp:
            result["seconds"] = asyncio.run(export_seconds(db_url, Path(tmp) / "ledger.xlsx"))
    else:
        raise SystemExit(f"unknown measurement {kind!r}")
    result["rss_mb"] = peak_rss_mb()
    return result


if __name__ == "__main__":
    print(json.dumps(child(sys.argv[1], sys.argv[2], sys.argv[3:])))
