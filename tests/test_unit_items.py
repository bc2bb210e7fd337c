"""What a reply is decided on (handlers/actions/liaison.items_to_decide): the unit's open items still awaiting a receipt or
a report, and those it names, read in place of every open item; the decision is the same as on all of them."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from dbfixtures import issue
from scenario import roster
from sqlalchemy import select

from bot.app import make_policy
from bot.config import load_config
from handlers.actions.context import Turn
from handlers.actions.liaison import decide, items_to_decide
from handlers.messages import IncomingMessage
from handlers.reading.classify import classify
from storage import notices
from storage.db import Database
from storage.models import Unit
from storage.roster import roster_from_mapping
from storage.roster_store import apply_roster

TZ = ZoneInfo("Asia/Shanghai")
START = datetime(2026, 11, 2, 9, 0, tzinfo=TZ)  # a Monday
AT = START + timedelta(days=3)


@pytest.fixture
async def db(database: Database) -> Database:
    """The county's roster on SQLite and on PostgreSQL (when configured)."""
    async with database.transaction() as session:
        await apply_roster(session, roster_from_mapping(roster()), actor="test", at=START)
    return database


async def _unit(db: Database) -> int:
    async with db.reader() as session:
        unit_id = await session.scalar(select(Unit.id).where(Unit.name == "县财政局"))
    assert unit_id is not None
    return unit_id


async def _county(db: Database, unit_id: int) -> dict[int, int]:
    """Notices 1–6 to the unit, seq → notice id: 1 received and done, 2 received with progress only, 3 not
    received, 4 and 5 received and done, 6 done but that report revoked by the office."""
    ids: dict[int, int] = {}
    async with db.transaction() as session:
        for seq in range(1, 7):
            issued = START + timedelta(hours=seq)
            notice = await issue(
                session,
                seq,
                [unit_id],
                issued=issued,
                receipt_due=issued + timedelta(hours=2),
                feedback_due=issued + timedelta(days=5),
                reached=True,
            )
            ids[seq] = notice.id
        items = {n.seq: a for n, a in await notices.unit_open_items(session, unit_id)}
        for seq, kind in ((1, "done"), (2, "progress"), (4, "done"), (5, "done"), (6, "done")):
            await notices.add_feedback(
                session,
                items[seq].id,
                kind=kind,
                text="已完成" if kind == "done" else "正在推进",
                at=AT - timedelta(hours=1),
                by="wxid_caizheng",
                message_id=f"m{seq}",
                number=f"督办〔2026〕{seq}号",
            )
            if seq != 3:
                await notices.record_receipt(
                    session,
                    items[seq].id,
                    at=AT - timedelta(hours=2),
                    by="wxid_caizheng",
                    message_id=f"r{seq}",
                    number=f"督办〔2026〕{seq}号",
                )
        await notices.undo_latest_feedback(
            session, items[6].id, actor="李明", now=AT, reason="报错了", number="督办〔2026〕6号"
        )
    return ids


async def test_the_items_a_reply_may_bear_on_are_those_unfinished_and_those_named(db: Database) -> None:
    unit_id = await _unit(db)
    ids = await _county(db, unit_id)
    async with db.reader() as session:
        unnamed = await notices.unit_unfinished_items(session, unit_id)
        named = await notices.unit_unfinished_items(session, unit_id, seqs=[4], notice_id=ids[5])
    unfinished = [2, 3, 6]  # 6: its done report was taken back
    assert [n.seq for n, _ in unnamed] == unfinished
    assert [n.seq for n, _ in named] == sorted([*unfinished, 4, 5])


@pytest.mark.parametrize(
    ("text", "quoted", "read"),
    [
        ("收到", None, 3),  # the latest owed
        ("已完成", None, 3),  # among those not done
        ("4号收到", None, 4),  # named and received before: nothing more to record
        ("4号已完成", None, 4),  # named, done before
        ("2号已完成", None, 3),
        ("99号已完成", None, 6),  # fits none: asks among every open notice
        ("3号和99号都收到了", None, 6),
        ("1号2号都收到", None, 4),
        ("收到", 5, 4),  # quoted
        ("第二项工作那个已完成", None, 6),  # a subject: the title is searched among all
        ("4/5收到", None, 5),  # numbers not read
    ],
)
async def test_a_reply_is_decided_as_on_every_open_item(
    db: Database, text: str, quoted: int | None, read: int
) -> None:
    """`read`: how many of the six open items are read for it."""
    unit_id = await _unit(db)
    ids = await _county(db, unit_id)
    quoted_id = ids[quoted] if quoted is not None else None
    policy = make_policy(load_config(None, env={}), bot_id="bot")
    reading = classify(text)
    async with db.reader() as session:
        every = await notices.unit_open_items(session, unit_id)
        turn = Turn(session, IncomingMessage("m", "wxid_caizheng", text, AT), policy, None)
        fewer = await items_to_decide(turn, unit_id, reading, quoted_id)
    assert (len(fewer), len(every)) == (read, 6), text
    assert decide(reading, quoted_id, fewer) == decide(reading, quoted_id, every), text
