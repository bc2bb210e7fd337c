"""Speed targets, measured (not asserted in unit tests): `make bench` prints each and fails if one is missed."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.app import make_policy
from bot.config import load_config
from handlers.classify import classify
from handlers.duties import Duties
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


def main() -> int:
    classify_rate = bench_classify()
    long_text = bench_long_texts()
    catch_up, ordinary = asyncio.run(bench_deadlines())
    roster = bench_roster_files()
    results = [
        ("classify replies per second", classify_rate, classify_rate >= 5_000),
        ("slowest long pasted text, seconds", long_text, long_text < 0.5),
        ("catch-up deadline pass over 18,000 assignments, seconds", catch_up, catch_up < 30.0),
        ("ordinary deadline pass over 18,000 assignments, seconds", ordinary, ordinary < 3.0),
        ("roster xlsx with a cell at XFD10000 refused, seconds", roster["bomb"][0], roster["bomb"][0] < 2.0),
        (
            "roster xlsx with a cell at XFD10000 refused, peak RSS MB",
            roster["bomb"][1],
            roster["bomb"][1] < 200,
        ),
        ("roster CSV of 100,000 rows refused, seconds", roster["huge"][0], roster["huge"][0] < 2.0),
        ("roster CSV of 19,999 rows in one group read, seconds", roster["full"][0], roster["full"][0] < 5.0),
    ]
    for name, value, ok in results:
        print(f"{'ok  ' if ok else 'MISS'} {name}: {value:,.2f}")
    return 0 if all(ok for _, _, ok in results) else 1


if __name__ == "__main__":
    sys.exit(main())
