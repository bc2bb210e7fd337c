"""The running bot's memory of who is who is reread whenever anyone, in any process, changes it."""

from __future__ import annotations

from sqlalchemy import delete, update

from storage import directory
from storage.db import Database
from storage.directory import DirectoryCache
from storage.models import Person, Room, RoomMember, Unit, UnitAlias


async def _seed(db: Database) -> None:
    async with db.transaction() as session:
        unit = Unit(name="城关镇", kind="乡镇", active=True)
        session.add(unit)
        await session.flush()
        session.add(Person(wechat_id="wxid_wangwu", name="王五", is_office=False, unit_id=unit.id))
        room = Room(wechat_id="20001@chatroom", topic="督办工作群", active=True)
        session.add(room)
        await session.flush()
        session.add(RoomMember(room_id=room.id, wechat_id="wxid_wangwu", alias="城关-王五"))


async def test_the_cache_sees_every_kind_of_change_made_through_another_connection(
    database: Database, database_url: str
) -> None:
    await _seed(database)
    cache = DirectoryCache()
    other = Database.from_url(database_url)  # another process: its own engine and connections
    try:
        async with database.reader() as session:
            first = await cache.read(session)
        assert first.people["wxid_wangwu"].unit_name == "城关镇"
        assert first.knows_member("20001@chatroom", "督办工作群", "wxid_wangwu", "城关-王五")
        async with database.reader() as session:
            assert await cache.read(session) is first  # nothing changed: nothing reread

        changes = [
            update(Person).where(Person.wechat_id == "wxid_wangwu").values(unit_id=None),
            update(Unit).values(name="城关镇人民政府"),
            update(RoomMember).values(alias="王五（城关）"),
            update(Room).values(topic="督办二群"),
        ]
        seen = first
        for change in changes:
            async with other.transaction() as session:
                await session.execute(change)
            async with database.reader() as session:
                now = await cache.read(session)
            assert now is not seen and now.version > seen.version, change
            seen = now
        assert seen.people["wxid_wangwu"].unit_id is None
        assert [u.name for u in seen.units] == ["城关镇人民政府"]
        assert not seen.knows_member("20001@chatroom", "督办工作群", "wxid_wangwu", "城关-王五")
        assert seen.knows_member("20001@chatroom", "督办二群", "wxid_wangwu", "王五（城关）")

        async with other.transaction() as session:
            unit_id = (await directory.units(session))[0].id
            session.add(UnitAlias(unit_id=unit_id, alias="城关"))
        async with database.reader() as session:
            assert (await cache.read(session)).units[0].aliases == ("城关",)
        async with other.transaction() as session:
            await session.execute(delete(Person))
        async with database.reader() as session:
            assert (await cache.read(session)).people == {}
    finally:
        await other.dispose()


async def test_a_member_seen_as_known_needs_no_write(database: Database) -> None:
    await _seed(database)
    async with database.reader() as session:
        known = await DirectoryCache().read(session)
    assert known.knows_member("20001@chatroom", None, "wxid_wangwu", "")  # no topic or name given
    assert not known.knows_member("20001@chatroom", None, "wxid_lisi", "李四")  # new member
    assert not known.knows_member("20002@chatroom", None, "wxid_wangwu", "")  # new room


async def test_names_in_a_message_are_the_room_names_then_the_roster_names_then_the_ids(
    database: Database,
) -> None:
    await _seed(database)
    async with database.transaction() as session:
        session.add(Person(wechat_id="wxid_liming", name="李明", is_office=True))
    async with database.reader() as session:
        known = await directory.read_all(session)
    people = ["wxid_wangwu", "wxid_liming", "wxid_stranger"]
    assert known.display_names(people) == {
        "wxid_wangwu": "王五",
        "wxid_liming": "李明",
        "wxid_stranger": "wxid_stranger",
    }
    assert known.display_names(people, "20001@chatroom") == {
        "wxid_wangwu": "城关-王五",  # the name in that room
        "wxid_liming": "李明",
        "wxid_stranger": "wxid_stranger",
        "20001@chatroom": "督办工作群",
    }
    assert known.display_names([], "20009@chatroom") == {"20009@chatroom": "20009@chatroom"}  # unknown room
