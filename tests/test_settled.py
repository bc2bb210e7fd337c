"""What the deadline duty keeps between passes (handlers/rules/settled.py): long-settled items are read from the
database once, and forgotten as soon as anything recorded may bear on them, whoever recorded it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from dbfixtures import issue
from scenario import roster
from sqlalchemy import select

from bot.app import make_policy
from bot.config import load_config
from handlers.actions.duties import Duties
from handlers.rules.settled import SETTLE
from storage import notices
from storage.db import Database
from storage.models import Flag, Unit
from storage.roster import roster_from_mapping
from storage.roster_store import apply_roster

TZ = ZoneInfo("Asia/Shanghai")
START = datetime(2026, 11, 2, 9, 0, tzinfo=TZ)  # a Monday


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = Database.from_url(f"sqlite+aiosqlite:///{tmp_path / 'duban.db'}")
    await database.upgrade()
    async with database.transaction() as session:
        await apply_roster(session, roster_from_mapping(roster()), actor="test", at=START)
    try:
        yield database
    finally:
        await database.dispose()


async def missed_receipt(db: Database, seq: int, issued: datetime) -> int:
    """A notice to 县财政局 that reached it at once and whose receipt deadline (an hour later) is missed."""
    async with db.transaction() as session:
        unit_id = await session.scalar(select(Unit.id).where(Unit.name == "县财政局"))
        assert unit_id is not None
        notice = await issue(
            session, seq, [unit_id], issued=issued, receipt_due=issued + timedelta(hours=1), reached=True
        )
        return notice.id


async def proposals(db: Database) -> list[str]:
    async with db.reader() as session:
        return list((await session.scalars(select(Flag.status))).all())


@pytest.mark.parametrize("excused", [False, True])
async def test_an_excuse_recorded_outside_the_bot_is_seen_by_the_next_pass(
    db: Database, excused: bool
) -> None:
    duties = Duties(db, make_policy(load_config(None, env={}), bot_id="bot"))
    first = await missed_receipt(db, 1, START)
    second_at = START + timedelta(days=2)
    await missed_receipt(db, 2, second_at)
    judged_at = START + timedelta(hours=1) + SETTLE + timedelta(minutes=5)
    await duties.deadlines(judged_at)  # the first lapse is settled: kept for the passes after
    kept = [n.id for unit in duties.settled.kept.values() for n, _ in unit.items]
    assert kept == [first]
    if excused:  # as the web desk or another process writes it: the scheduler is not told
        async with db.transaction() as session:
            unit_id = await session.scalar(select(Unit.id).where(Unit.name == "县财政局"))
            assert unit_id is not None
            await notices.excuse(
                session, first, [unit_id], reason="参加防汛会议", actor="网页:李明", at=second_at
            )
    await duties.deadlines(second_at + timedelta(hours=2), since=judged_at)
    # two consecutive missed receipts propose a 书面检查; with the first excused there is no pair
    assert await proposals(db) == ([] if excused else ["proposed"])
