"""Every write that changes what the rules judge of a unit names that unit (`storage.changes`), so the
deadline pass after a command judges exactly the units the command changed, and a fact stamped at a moment (a
receipt, feedback, a post) names that moment: nothing due before it can have changed. On a real SQLite database."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from dbfixtures import issue
from sqlalchemy.ext.asyncio import AsyncSession

from bot.app import make_policy
from bot.config import load_config
from handlers.actions.context import Turn
from handlers.actions.office import run_command
from handlers.messages import IncomingMessage
from handlers.reading.commands import parse_command
from storage import changes, flags, notices, outbox
from storage.db import Database
from storage.models import Unit

NOW = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)
A, B, C = 1, 2, 3  # unit ids; the notice goes to A and B


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = Database.from_url(f"sqlite+aiosqlite:///{tmp_path / 'duban.db'}")
    await database.upgrade()
    async with database.transaction() as session:
        session.add_all(Unit(id=i, name=name) for i, name in ((A, "城关镇"), (B, "县财政局"), (C, "东风乡")))
    async with database.transaction() as session:
        await publish(session, 1, [A, B])
    try:
        yield database
    finally:
        await database.dispose()


async def publish(session: AsyncSession, seq: int, unit_ids: list[int]) -> None:
    await issue(
        session,
        seq,
        unit_ids,
        issued=NOW,
        receipt_due=NOW + timedelta(hours=2),
        feedback_due=NOW + timedelta(days=3),
    )


async def touched_by(
    db: Database, write: Callable[[AsyncSession], Awaitable[object]]
) -> changes.Touched | None:
    async with db.transaction() as session:
        assert await changes.touched(session) == {}  # each transaction starts with nothing
        await write(session)
        return await changes.touched(session)


async def assignment_of(db: Database, unit_id: int) -> int:
    async with db.reader() as session:
        [row] = await notices.assignments(session, notice_ids=[1], unit_id=unit_id)
    return row.id


async def test_notice_wide_changes_name_every_unit_of_the_notice(db: Database) -> None:
    for status in ("closed", "open", "withdrawn"):
        assert await touched_by(
            db, lambda s, status=status: notices.set_status(s, 1, status, actor="liming", at=NOW)
        ) == {A: None, B: None}
    moved = NOW + timedelta(hours=5)
    assert await touched_by(
        db,
        lambda s: notices.set_due(s, 1, field="receipt", when=moved, unit_ids=None, actor="liming", at=NOW),
    ) == {A: None, B: None}


async def test_unit_changes_name_only_their_units(db: Database) -> None:
    moved = NOW + timedelta(hours=5)
    assert await touched_by(
        db,
        lambda s: notices.set_due(s, 1, field="receipt", when=moved, unit_ids=[B], actor="liming", at=NOW),
    ) == {B: None}
    assert await touched_by(
        db, lambda s: notices.excuse(s, 1, [A], reason="防汛", actor="liming", at=NOW)
    ) == {A: None}
    b = await assignment_of(db, B)
    assert await touched_by(
        db,
        lambda s: notices.record_receipt(s, b, at=NOW, by="sunqi", message_id="m1", number="1号"),
    ) == {B: NOW}
    assert await touched_by(
        db,
        lambda s: notices.add_feedback(
            s, b, kind="done", text="已办结", at=NOW, by="sunqi", message_id="m2", number="1号"
        ),
    ) == {B: NOW}
    assert await touched_by(
        db,
        lambda s: notices.undo_latest_feedback(s, b, actor="liming", now=NOW, reason="误记", number="1号"),
    ) == {B: None}
    assert await touched_by(
        db, lambda s: notices.undo_receipt(s, b, actor="liming", now=NOW, note="误记", number="1号")
    ) == {B: None}
    assert await touched_by(
        db,
        lambda s: notices.correct_receipt(s, b, at=NOW, actor="liming", now=NOW, note="补录", number="1号"),
    ) == {B: None}


async def test_a_post_carrying_the_notice_names_the_units_it_reaches(db: Database) -> None:
    a = await assignment_of(db, A)
    assert await touched_by(
        db,
        lambda s: outbox.enqueue(
            s, room_id="room", to_id=None, text="通知", dedup_key="k1", kind="notice", now=NOW, reaches=[a]
        ),
    ) == {A: NOW}
    assert (
        await touched_by(
            db,
            lambda s: outbox.enqueue(
                s, room_id="room", to_id=None, text="回复", dedup_key="k2", kind="reply", now=NOW
            ),
        )
        == {}
    )


async def test_flags_name_their_unit_and_the_roster_names_everyone(db: Database) -> None:
    async def propose(session: AsyncSession) -> None:
        await flags.create(
            session,
            key="3:receipt:1-2",
            unit=(C, "东风乡"),
            kind="书面检查",
            basis="receipt",
            notices=[],
            at=NOW,
            now=NOW,
            actor="duban",
        )

    assert await touched_by(db, propose) == {C: None}
    assert await touched_by(
        db, lambda s: flags.decide(s, 1, status="confirmed", actor="liming", at=NOW, rectify_until=NOW)
    ) == {C: None}
    assert await touched_by(db, lambda s: flags.set_rectified(s, 1, result="整改到位", at=NOW)) == {C: None}

    async def roster(session: AsyncSession) -> None:
        changes.touch(session, [A])
        changes.touch_all(session)

    assert await touched_by(db, roster) is None


async def test_a_binding_cannot_name_its_units(db: Database) -> None:
    """/绑定 changes the roster: the pass after it judges every unit."""
    policy = make_policy(load_config(None, env={}), bot_id="bot")
    msg = IncomingMessage(id="m1", sender_id="liming", text="/绑定 城关镇 wangwu", at=NOW)
    async with db.transaction() as session:
        await run_command(Turn(session, msg, policy, None), parse_command(msg.text))
        assert await changes.touched(session) is None


async def test_a_unit_changed_twice_is_judged_from_the_earlier_moment(db: Database) -> None:
    """Two stamped facts: the earlier moment counts; a change anywhere in the history outweighs both."""
    a, b = await assignment_of(db, A), await assignment_of(db, B)
    earlier = NOW - timedelta(hours=3)

    async def two_stamps(session: AsyncSession) -> None:
        await notices.record_receipt(session, a, at=NOW, by="wangwu", message_id="m1", number="1号")
        await notices.add_feedback(
            session, a, kind="done", text="已办结", at=earlier, by="wangwu", message_id="m2", number="1号"
        )

    assert await touched_by(db, two_stamps) == {A: earlier}

    async def stamp_then_undo(session: AsyncSession) -> None:
        await notices.record_receipt(session, b, at=NOW, by="sunqi", message_id="m3", number="1号")
        await notices.undo_receipt(session, b, actor="liming", now=NOW, note="误记", number="1号")

    assert await touched_by(db, stamp_then_undo) == {B: None}


async def test_a_new_notice_names_its_units_from_its_issue(db: Database) -> None:
    assert await touched_by(db, lambda s: publish(s, 2, [B, C])) == {B: NOW, C: NOW}
