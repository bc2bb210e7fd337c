"""The daily ranking check (连续两次在全县排名末位 → 警示约谈) through `Duties.ranking` on a real SQLite database:
it reads only the two quarters it scores, and checks again only when something recorded bears on them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from dbfixtures import issue

from bot.app import make_policy
from bot.config import load_config
from handlers.actions.duties import Duties
from storage import flags, notices
from storage.db import Database
from storage.models import Unit

TZ = ZoneInfo("Asia/Shanghai")
A, B = 1, 2


def at(month: int, day: int, hour: int = 9) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=TZ)


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = Database.from_url(f"sqlite+aiosqlite:///{tmp_path / 'duban.db'}")
    await database.upgrade()
    async with database.transaction() as session:
        session.add_all([Unit(id=A, name="城关镇"), Unit(id=B, name="县财政局")])
    try:
        yield database
    finally:
        await database.dispose()


async def notice(db: Database, seq: int, issued: datetime, late: set[int]) -> dict[int, int]:
    """A notice to A and B, reached at once; the units in `late` receive an hour after the deadline."""
    async with db.transaction() as session:
        made = await issue(
            session, seq, [A, B], issued=issued, receipt_due=issued + timedelta(hours=2), reached=True
        )
        rows = await notices.assignments(session, notice_ids=[made.id])
        for row in rows:
            came = issued + timedelta(hours=3 if row.unit_id in late else 1)
            await notices.record_receipt(
                session, row.id, at=came, by="liaison", message_id=f"m{row.id}", number=made.number
            )
    return {row.unit_id: row.id for row in rows}


async def rank_flags(db: Database) -> list[tuple[str, str]]:
    async with db.reader() as session:
        return [(f.unit_name, f.kind) for f in await flags.flags(session) if f.basis == "rank"]


async def test_last_in_two_quarters_in_a_row_is_proposed_once(db: Database) -> None:
    await notice(db, 1, at(2, 10), late={A})  # Q1: 城关镇 late
    await notice(db, 2, at(5, 12), late={A})  # Q2: 城关镇 late again
    await notice(db, 3, at(12, 1, 0) - timedelta(days=400), late={B})  # long before: not counted
    duties = Duties(db, make_policy(load_config(None, env={}), bot_id="bot"))
    await duties.ranking(at(7, 1))
    await duties.ranking(at(7, 2))
    assert await rank_flags(db) == [("城关镇", "警示约谈")]


async def test_a_correction_after_a_check_is_looked_at_the_next_day(db: Database) -> None:
    await notice(db, 1, at(2, 10), late={A})
    q2 = await notice(db, 2, at(5, 12), late=set())  # Q2: everyone on time, nobody last
    duties = Duties(db, make_policy(load_config(None, env={}), bot_id="bot"))
    await duties.ranking(at(7, 1))
    assert await rank_flags(db) == []
    await notice(db, 3, at(7, 1, 10), late={A})  # receipts stamped today bear on neither quarter
    await duties.ranking(at(7, 2))
    assert await rank_flags(db) == []
    async with db.transaction() as session:  # the office takes back 城关镇's Q2 receipt: it missed
        await notices.undo_receipt(
            session, q2[A], actor="liming", now=at(7, 2, 15), note="误认", number="督办〔2026〕2号"
        )
    await duties.ranking(at(7, 3))
    assert await rank_flags(db) == [("城关镇", "警示约谈")]
