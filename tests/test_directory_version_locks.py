"""Two writers of who-is-who at once on PostgreSQL: the directory counter (migration 0008) must not make
them deadlock where they used to wait for each other.

Every statement on people, units, aliases, rooms or members begins (its BEFORE statement trigger) by
updating the one `directory_version` row, so a transaction takes that row before any row of who-is-who and
holds it to its commit. `duban roster import` binding 王五 and then 赵六 while the office's /绑定 of 赵六 runs
in the bot: with the counter taken last (an AFTER trigger) the bot would hold 赵六 and wait for the counter
while the import held the counter and waited for 赵六 — a deadlock; taken first, the bot simply waits.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from bot.trouble import is_transient
from storage import directory
from storage.db import Database
from storage.models import Person, Unit

AT = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)


async def _waiting_for_a_lock(db: Database) -> bool:
    async with db.reader() as session:
        waiting = await session.scalar(
            text(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
        )
    return bool(waiting)


async def test_the_roster_import_and_a_bind_in_chat_at_the_same_moment_both_take_effect(
    database: Database, database_url: str
) -> None:
    if database.is_sqlite:
        pytest.skip("SQLite has one writer at a time: the other waits (busy_timeout), it cannot deadlock")
    bot = database
    importer = Database.from_url(database_url)  # `duban roster import`: another process
    try:
        async with bot.transaction() as session:
            unit = Unit(name="城关镇", kind="乡镇", active=True)
            session.add(unit)
            session.add_all(
                [
                    Person(wechat_id="wxid_wangwu", name="王五", is_office=False),
                    Person(wechat_id="wxid_zhaoliu", name="赵六", is_office=False),
                ]
            )
        unit_id = unit.id

        async def bind_in_chat() -> None:  # the office's /绑定 城关镇 赵六, handled by the bot
            async with bot.transaction() as session:
                await directory.bind(
                    session, wechat_id="wxid_zhaoliu", name="赵六", unit_id=unit_id, actor="office", at=AT
                )

        imported: BaseException | None = None
        chat: asyncio.Task[None] | None = None
        try:
            async with importer.transaction() as session:
                await directory.bind(
                    session, wechat_id="wxid_wangwu", name="王五", unit_id=unit_id, actor="roster", at=AT
                )
                chat = asyncio.create_task(bind_in_chat())
                async with asyncio.timeout(10):  # the bind in chat is done, or waits for the import
                    while not await _waiting_for_a_lock(importer):
                        if (await asyncio.wait({chat}, timeout=0.01))[0]:
                            break
                await directory.bind(
                    session, wechat_id="wxid_zhaoliu", name="赵六", unit_id=unit_id, actor="roster", at=AT
                )
        except Exception as error:
            imported = error
        assert chat is not None
        in_chat = (await asyncio.gather(chat, return_exceptions=True))[0]
        assert imported is None, f"the import failed: {imported}"
        assert in_chat is None or (isinstance(in_chat, Exception) and is_transient(in_chat)), (
            f"the bind in chat failed and would not be retried: {in_chat}"
        )
    finally:
        await importer.dispose()


async def test_a_deadlock_between_two_writers_is_waited_out_not_taken_for_a_bug(
    database: Database, database_url: str
) -> None:
    """Any two writers locking rows in opposite order: PostgreSQL aborts one ("deadlock detected"), and
    that one is retried (the intake, the sender and the duties wait out transient errors)."""
    if database.is_sqlite:
        pytest.skip("SQLite has one writer at a time: it cannot deadlock")
    other = Database.from_url(database_url)
    try:
        async with database.transaction() as session:
            await session.execute(
                text(
                    "INSERT INTO bot_state (key, value, updated_at) VALUES ('a', '{}', now()), ('b', '{}', now())"
                )
            )
        first_locked, second_locked = asyncio.Event(), asyncio.Event()

        async def write(
            db: Database, mine: str, theirs: str, locked: asyncio.Event, wait: asyncio.Event
        ) -> None:
            async with db.transaction() as session:
                await session.execute(text(f"UPDATE bot_state SET value = '{{}}' WHERE key = '{mine}'"))
                locked.set()
                await wait.wait()
                await session.execute(text(f"UPDATE bot_state SET value = '{{}}' WHERE key = '{theirs}'"))

        results = await asyncio.gather(
            write(database, "a", "b", first_locked, second_locked),
            write(other, "b", "a", second_locked, first_locked),
            return_exceptions=True,
        )
        errors = [r for r in results if isinstance(r, BaseException)]
        assert len(errors) == 1, results
        assert "deadlock" in str(errors[0])
        assert is_transient(errors[0])
    finally:
        await other.dispose()
