"""Speed targets, measured (not asserted in unit tests): `make bench` prints each and fails if one is missed."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text as sql
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from bot.app import make_policy
from bot.config import load_config
from handlers.actions.duties import Duties
from handlers.reading.classify import classify
from storage.db import Database
from storage.models import Assignment, Notice, Unit

REPLIES = [
    "收到",
    "12号收到",
    "收到了吗？",
    "城关镇已收到，马上落实",
    "因天气原因无法按时完成，申请延期",
    "好的",
    "已全部完成",
]


def bench_classify(count: int = 20_000) -> float:
    """Replies classified per second (target: 5,000; a busy county sees a few hundred a day)."""
    start = time.perf_counter()
    for index in range(count):
        classify(REPLIES[index % len(REPLIES)])
    return count / (time.perf_counter() - start)


LONG_TEXTS = [
    "「" * 20000,
    "1、" * 5000,
    "第 1 号 、 " * 3000,
    "没" * 10000 + "收到",
    "已完成80%，预计" * 2000,
    "1" * 20000,
    "一二三四五六七八九十" * 2000,  # a count is read from its run's start, not again from each digit
    "收到" * 10000,  # a receipt word's object is looked for only so far back
    "刚才那个收到是" * 2857,
]


def bench_long_texts() -> float:
    """Seconds for the slowest pathological long paste (target: under 0.5 s; regexes must stay linear)."""
    slowest = 0.0
    for text in LONG_TEXTS:
        start = time.perf_counter()
        classify(text)
        slowest = max(slowest, time.perf_counter() - start)
    return slowest


async def bench_deadlines(units: int = 60, notices: int = 300) -> tuple[float, float]:
    """Seconds for deadline passes over a year of notices (60 units × 300 notices, a lapse in four).

    The first pass is a catch-up that finds every lapse of the year at once and proposes ~1,300 penalties
    (target: under 30 s); an ordinary pass after one more deadline must stay under 3 s.
    """
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.from_url(f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}")
        await db.upgrade()
        issued = datetime(2026, 1, 5, 1, 0, tzinfo=UTC)
        async with db.transaction() as session:
            session.add_all(Unit(name=f"单位{i}", kind="", active=True) for i in range(units))
            await session.flush()
            for seq in range(1, notices + 1):
                at = issued + timedelta(hours=seq * 20)
                notice = Notice(
                    year=2026,
                    seq=seq,
                    number=f"督办〔2026〕{seq}号",
                    title="t",
                    body="",
                    issued_by="x",
                    issued_at=at,
                    receipt_due=at + timedelta(hours=2),
                    feedback_due=at + timedelta(days=5),
                    status="open",
                )
                session.add(notice)
                await session.flush()
                session.add_all(
                    Assignment(
                        notice_id=notice.id,
                        unit_id=u + 1,
                        excused=False,
                        received_at=at + timedelta(minutes=30 if (seq + u) % 4 else 180),
                    )
                    for u in range(units)
                )
        duties = Duties(db, make_policy(load_config(None, env={}), bot_id="bot"))
        start = time.perf_counter()
        await duties.deadlines(issued + timedelta(days=300))
        catch_up = time.perf_counter() - start
        start = time.perf_counter()
        await duties.deadlines(issued + timedelta(days=300, hours=1))
        ordinary = time.perf_counter() - start
        await db.dispose()
        return catch_up, ordinary


ROSTER_READ = """
import json, sys, time
from pathlib import Path
from storage.roster import RosterError
from storage.roster_files import read_roster_file

start = time.perf_counter()
try:
    read_roster_file(Path(sys.argv[1]))
except RosterError:
    pass
seconds = time.perf_counter() - start
hwm = next(line for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"seconds": seconds, "rss_mb": int(hwm.split()[1]) / 1024}))
"""


def read_roster_in_fresh_process(path: Path) -> tuple[float, float]:
    """Seconds and peak RSS (MB, VmHWM: ru_maxrss would carry the parent's peak across exec) of one read."""
    result = subprocess.run(
        [sys.executable, "-c", ROSTER_READ, str(path)],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    measured = json.loads(result.stdout)
    return float(measured["seconds"]), float(measured["rss_mb"])


def bench_roster_files() -> dict[str, tuple[float, float]]:
    """Hostile and large roster files: a cell at XFD10000, 100,000 CSV rows (refused), 19,999 rows (read)."""
    from openpyxl import Workbook

    header = "单位,姓名,微信号,所在群"
    with tempfile.TemporaryDirectory() as tmp:
        bomb = Path(tmp) / "bomb.xlsx"
        workbook = Workbook()
        workbook.active["XFD10000"] = "x"
        workbook.save(bomb)
        huge, full = Path(tmp) / "huge.csv", Path(tmp) / "full.csv"
        for path, rows in ((huge, 100_000), (full, 19_999)):
            lines = [header] + [f"单位{i // 10},姓名{i},wxid_{i},政务督查联络群" for i in range(rows)]
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return {
            name: read_roster_in_fresh_process(path)
            for name, path in (("bomb", bomb), ("huge", huge), ("full", full))
        }


COUNTY = """A county's year replayed (`duban replay`), its raw floor, flat cost, live path, RSS, exports."""


@contextlib.contextmanager
def database_urls(postgres: str | None) -> Iterator[Callable[[str], str]]:
    """Fresh database URLs by name: SQLite files in a temporary folder, or new PostgreSQL databases."""
    with tempfile.TemporaryDirectory(prefix="duban-bench-") as tmp:
        created: list[str] = []

        def url(name: str) -> str:
            if postgres is None:
                return f"sqlite+aiosqlite:///{Path(tmp) / name}.db"
            database = f"duban_bench_{name}_{uuid.uuid4().hex[:8]}"
            asyncio.run(_postgres_admin(postgres, f'CREATE DATABASE "{database}"'))
            created.append(database)
            return make_url(postgres).set(database=database).render_as_string(hide_password=False)

        try:
            yield url
        finally:
            for database in created:
                asyncio.run(
                    _postgres_admin(postgres or "", f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
                )


async def _postgres_admin(base: str, statement: str) -> None:
    engine = create_async_engine(base, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            await connection.execute(sql(statement))
    finally:
        await engine.dispose()


def measured(kind: str, url: str, *arguments: str) -> dict[str, Any]:
    """One measurement of benchmarks/measure.py in a fresh process (so its VmHWM is its own)."""
    result = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("measure.py")), kind, url, *arguments],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        timeout=3600,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"measurement {kind} failed:\n{result.stderr[-4000:]}")
    answer: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return answer


Row = tuple[str, float, str, str, bool]  # name, value, floor, target, ok


def county_rows(
    postgres: str | None, days: int, history_years: int, *, five_years: bool = False
) -> list[Row]:
    """Replay vs floor, flat cost, live p50/p99, peak RSS, five-year export — all measured in this run
    (`five_years`: also five years replayed, the office closing its notices, for the replay's peak memory)."""
    from measure import percentile, write_scenario

    rows: list[Row] = []
    with database_urls(postgres) as fresh, tempfile.TemporaryDirectory(prefix="duban-bench-") as tmp:
        scenario, month_scenario = Path(tmp) / "county.jsonl", Path(tmp) / "month.jsonl"
        if five_years:
            rows += _five_year_rows(fresh("five_years"), Path(tmp) / "five_years.jsonl")
        write_scenario(days, scenario)  # here, so that the replay's memory is the replay's own
        replay = measured("replay", fresh("replay"), str(scenario))
        floor = measured("floor", fresh("floor"), str(days))
        messages = replay["messages"]
        ratio = replay["seconds"] / floor["seconds"]
        label = f"{days}-day county replay ({messages:,} messages), seconds"
        rows.append((label, replay["seconds"], f"{floor['seconds']:.2f}", "10× floor", ratio <= 10))
        rows.append(("  … times the raw floor", ratio, "1", "≤ 10 (stretch 3)", ratio <= 10))
        rows.append(("  … peak RSS of the replay, MB", replay["rss_mb"], "", "< 150", replay["rss_mb"] < 150))

        month = 30
        write_scenario(month, month_scenario)
        first = measured("replay", fresh("first"), str(month_scenario))
        history_url = fresh("history")
        measured("history", history_url, str(history_years))
        last = measured("replay", history_url, str(month_scenario))
        per_first = first["seconds"] / first["messages"] * 1000
        per_last = last["seconds"] / last["messages"] * 1000
        rows.append(
            (
                f"flat cost: ms per message, a month after {history_years} years of history",
                per_last,
                f"{per_first:.2f} (empty)",
                "≤ 1.2× empty",
                per_last <= 1.2 * per_first,
            )
        )

        live = measured("live", fresh("live"))
        latencies = [1000 * s for s in live["latencies"]]
        p50, p99 = percentile(latencies, 0.5), percentile(latencies, 0.99)
        complete = len(latencies) == 500
        rows.append(("live path p50 (transport → handled), ms, 500 in 60 s", p50, "", "", complete))
        rows.append(("live path p99 (transport → handled), ms", p99, "", "< 10", complete and p99 < 10))
        rows.append(
            (
                "peak RSS of the running bot under the burst, MB",
                live["rss_mb"],
                "",
                "< 150",
                live["rss_mb"] < 150,
            )
        )

        export = measured("export", fresh("export"))
        rows.append(
            (
                "five-year ledger (1,000 notices × 40 units) to xlsx, seconds",
                export["seconds"],
                "",
                "< 10",
                export["seconds"] < 10,
            )
        )
        rows.append(("  … peak RSS of the export, MB", export["rss_mb"], "", "< 150", export["rss_mb"] < 150))
    return rows


def _five_year_rows(url: str, path: Path) -> list[Row]:
    """Five years of the county replayed, each notice closed by the office three days after its feedback
    deadline (`county.scenario`): the replay's time and peak memory as history grows."""
    from measure import write_scenario

    write_scenario(5 * 365, path, closing=True)
    replay = measured("replay", url, str(path))
    label = f"five-year county replay, the office closing notices ({replay['messages']:,} messages), seconds"
    return [
        (label, replay["seconds"], "", "", True),
        ("  … peak RSS of the five-year replay, MB", replay["rss_mb"], "", "< 150", replay["rss_mb"] < 150),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(
        description="duban 的性能基准（make bench）：每项打印测得值、同次测得的下限和目标。"
    )
    parser.add_argument("--postgres", help="在这个 PostgreSQL 服务器上测（每项新建一个数据库），默认 SQLite")
    parser.add_argument("--days", type=int, default=30, help="县域回放的天数（默认 30；一整年用 365）")
    parser.add_argument("--history-years", type=int, default=5, help="平稳性测量所用的历史年数（默认 5）")
    parser.add_argument("--county-only", action="store_true", help="只测县域各项")
    parser.add_argument(
        "--five-years",
        action="store_true",
        help="再回放五年（督查室在反馈时限后三天销号），量回放的峰值内存（SQLite 上约十分钟）",
    )
    args = parser.parse_args()
    rows: list[Row] = []
    if not args.county_only:
        classify_rate = bench_classify()
        long_text = bench_long_texts()
        catch_up, ordinary = asyncio.run(bench_deadlines())
        roster = bench_roster_files()
        rows += [
            ("classify replies per second", classify_rate, "", "≥ 5,000", classify_rate >= 5_000),
            ("slowest long pasted text, seconds", long_text, "", "< 0.5", long_text < 0.5),
            (
                "catch-up deadline pass over 18,000 assignments, seconds",
                catch_up,
                "",
                "< 30",
                catch_up < 30.0,
            ),
            ("ordinary deadline pass over 18,000 assignments, seconds", ordinary, "", "< 3", ordinary < 3.0),
            (
                "roster xlsx with a cell at XFD10000 refused, seconds",
                roster["bomb"][0],
                "",
                "< 2",
                roster["bomb"][0] < 2.0,
            ),
            ("  … peak RSS MB", roster["bomb"][1], "", "< 200", roster["bomb"][1] < 200),
            (
                "roster CSV of 100,000 rows refused, seconds",
                roster["huge"][0],
                "",
                "< 2",
                roster["huge"][0] < 2.0,
            ),
            (
                "roster CSV of 19,999 rows in one group read, seconds",
                roster["full"][0],
                "",
                "< 5",
                roster["full"][0] < 5.0,
            ),
        ]
    rows += county_rows(args.postgres, args.days, args.history_years, five_years=args.five_years)
    print(f"engine: {'PostgreSQL' if args.postgres else 'SQLite'}")
    for name, value, floor, target, ok in rows:
        extra = ", ".join(
            part for part in (f"floor {floor}" if floor else "", f"target {target}" if target else "") if part
        )
        print(f"{'ok  ' if ok else 'MISS'} {name}: {value:,.2f}" + (f"  ({extra})" if extra else ""))
    return 0 if all(ok for *_, ok in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
