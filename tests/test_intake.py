"""The intake: on disk before anything acts, handled once each in arrival order, database trouble waited out."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.app import make_policy
from bot.clock import RealClock
from bot.config import Config
from bot.intake import Intake
from bot.trouble import Patient, Trouble, is_transient
from handlers.messages import IncomingMessage
from storage.db import Database
from storage.directory import VERSION
from storage.models import InboxMessage, OutboxMessage, Person

T0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
POLICY = make_policy(Config(), bot_id="bot")


def message(mid: str, text: str = "收到", seconds: int = 0) -> IncomingMessage:
    return IncomingMessage(id=mid, sender_id="wangwu", text=text, at=T0 + timedelta(seconds=seconds))


class Handler:
    """Records what it handled; fails on demand (`failures`: message id → errors to raise first)."""

    def __init__(self) -> None:
        self.handled: list[str] = []
        self.versions: list[int | None] = []  # the who-is-who counter each handling was given
        self.failures: dict[str, list[Exception]] = {}

    async def __call__(self, session: AsyncSession, msg: IncomingMessage, version: int | None) -> str:
        pending = self.failures.get(msg.id)
        if pending:
            raise pending.pop(0)
        self.handled.append(msg.id)
        self.versions.append(version)
        return "message"


class Alerts:
    def __init__(self) -> None:
        self.sent: list[str] = []

    async def __call__(self, problem: str) -> None:
        self.sent.append(problem)


@pytest.fixture
async def db(sqlite_database: Database) -> AsyncIterator[Database]:
    async with sqlite_database.transaction() as session:
        session.add(Person(wechat_id="liming", name="李明", is_office=True))
    yield sqlite_database


def intake(
    db: Database, handler: Handler, alerts: Alerts, patience: timedelta = timedelta(minutes=1)
) -> Intake:
    clock = RealClock()
    patient = Patient(db, Trouble(clock, alerts, patience), lambda: POLICY, strict=False)
    return Intake(db, clock, handler, lambda: POLICY, patient, strict=False)


async def statuses(db: Database) -> dict[str, str]:
    async with db.reader() as session:
        rows = (await session.scalars(select(InboxMessage).order_by(InboxMessage.seq))).all()
    return {row.message_id: row.status for row in rows}


async def office_notes(db: Database) -> list[str]:
    async with db.reader() as session:
        return list(
            (await session.scalars(select(OutboxMessage.text).where(OutboxMessage.to_id == "liming"))).all()
        )


async def test_messages_are_handled_in_arrival_order_even_when_their_content_comes_later(
    db: Database,
) -> None:
    handler = Handler()
    inbound = intake(db, handler, Alerts())
    inbound.announce("a")
    inbound.announce("b")
    await inbound.write_announced()
    assert await statuses(db) == {"a": "announced", "b": "announced"}  # on disk before any content

    await inbound.arrived(message("b", seconds=2))
    await inbound.handle_waiting()
    assert handler.handled == []  # b waits for a, which arrived first

    await inbound.arrived(message("a", seconds=1))
    await inbound.handle_waiting()
    assert handler.handled == ["a", "b"]
    assert await statuses(db) == {"a": "done", "b": "done"}


async def test_each_handling_is_given_the_who_is_who_counter_read_when_its_row_was_marked(
    db: Database,
) -> None:
    handler = Handler()
    inbound = intake(db, handler, Alerts())
    await inbound.arrived(message("a"))
    await inbound.handle_waiting()
    async with db.transaction() as session:  # a change to who-is-who raises the counter (by trigger)
        session.add(Person(wechat_id="zhaoliu", name="赵六", is_office=True))
    await inbound.arrived(message("b"))
    await inbound.handle_waiting()
    await inbound.take(message("c"))  # virtual time: written and handled in one transaction
    await inbound.take(message("c"))  # a redelivery is not handled again
    async with db.reader() as session:
        now = await session.scalar(VERSION)
    first, second, third = handler.versions
    assert first is not None and second == third == now and second > first


async def test_a_message_delivered_twice_is_handled_once(db: Database) -> None:
    handler = Handler()
    inbound = intake(db, handler, Alerts())
    for _ in range(2):
        inbound.announce("m1")
        await inbound.arrived(message("m1"))
        await inbound.handle_waiting()
    assert handler.handled == ["m1"]


async def test_transient_database_errors_are_waited_out_and_the_office_hears_when_they_last(
    db: Database,
) -> None:
    handler = Handler()
    alerts = Alerts()
    full = OperationalError("INSERT …", {}, Exception("database or disk is full"))
    handler.failures["m1"] = [full, full, full]
    inbound = intake(db, handler, alerts, patience=timedelta(seconds=1))
    await inbound.arrived(message("m1"))
    await inbound.arrived(message("m2", seconds=1))

    await inbound.handle_waiting()  # waits 0.5 + 1 + 2 s, then handles both, in order

    assert handler.handled == ["m1", "m2"]
    assert alerts.sent and "database or disk is full" in alerts.sent[0]
    assert len(alerts.sent) == 1  # once per outage
    notes = await office_notes(db)
    assert any("已恢复" in text for text in notes)  # and once more when it is over


async def test_a_handling_bug_keeps_the_message_apart_tells_the_office_and_goes_on(db: Database) -> None:
    handler = Handler()
    handler.failures["m1"] = [ValueError("a bug")]
    inbound = intake(db, handler, Alerts())
    await inbound.arrived(message("m1", "城关镇已完成"))
    await inbound.arrived(message("m2", seconds=1))

    await inbound.handle_waiting()

    assert handler.handled == ["m2"]
    assert await statuses(db) == {"m1": "failed", "m2": "done"}
    (note,) = await office_notes(db)
    assert "城关镇已完成" in note and "出错" in note


async def test_a_message_whose_content_is_gone_is_not_waited_for_and_the_office_hears(db: Database) -> None:
    handler = Handler()
    inbound = intake(db, handler, Alerts())
    inbound.announce("gone")
    await inbound.arrived(message("next", seconds=1))
    await inbound.write_announced()
    await inbound.lost("gone", "message not found")
    await inbound.handle_waiting()

    assert handler.handled == ["next"]
    assert (await statuses(db))["gone"] == "lost"
    (note,) = await office_notes(db)
    assert "无法" in note and "重新回复" in note


@pytest.mark.parametrize(
    ("error", "transient"),
    [
        (OperationalError("x", {}, Exception("database is locked")), True),
        (OperationalError("x", {}, Exception("database or disk is full")), True),
        (IntegrityError("x", {}, Exception("UNIQUE constraint failed")), False),
        (ConnectionRefusedError(), True),
        (ValueError("a bug"), False),
    ],
)
def test_which_errors_are_waited_out(error: Exception, transient: bool) -> None:
    assert is_transient(error) is transient
