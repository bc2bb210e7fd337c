"""`duban roster remove unit|person|room`: out of the roster, audited, and the ledger's history kept."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from test_cli import duban

from storage import directory
from storage.db import Database
from storage.models import Assignment, AuditEntry, Notice, Person, Room, RoomMember, Unit, UnitAlias
from storage.roster import Roster, RosterError, RosterPerson, RosterUnit
from storage.roster_files import load_roster_file
from storage.roster_remove import remove_person, remove_room, remove_unit
from storage.roster_store import apply_roster, load_roster

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
T0 = datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def example() -> Roster:
    return load_roster_file(EXAMPLES / "roster.toml")


@pytest.fixture
async def roster_db(database: Database, example: Roster) -> Database:
    async with database.transaction() as session:
        await apply_roster(session, example, actor="cli", at=T0)
    return database


async def _give_a_notice_to(database: Database, unit_name: str) -> None:
    async with database.transaction() as session:
        unit_id = await session.scalar(select(Unit.id).where(Unit.name == unit_name))
        assert unit_id is not None
        notice = Notice(
            year=2026,
            seq=1,
            number="督办〔2026〕1号",
            title="关于开展冬季安全生产大检查的通知",
            issued_by="wxid_liming",
            issued_at=T0,
            receipt_due=T0 + timedelta(hours=2),
            feedback_due=None,
        )
        session.add(notice)
        await session.flush()
        session.add(Assignment(notice_id=notice.id, unit_id=unit_id))


async def _audit(database: Database, action: str) -> list[AuditEntry]:
    async with database.reader() as session:
        return list(await session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


async def test_a_unit_with_notices_is_deactivated_and_keeps_its_history(
    roster_db: Database, example: Roster
) -> None:
    await _give_a_notice_to(roster_db, "城关镇")
    async with roster_db.transaction() as session:
        text = await remove_unit(session, "城关", actor="cli", at=T0)  # by its alias
    assert text == (
        "已停用单位「城关镇」：它有 1 份通知，台账和历史记录全部保留，以后发布通知时不再有这个单位。"
        "联络员 王五 已解绑。再次导入含有这个单位的名册会重新启用它。"
    )
    async with roster_db.reader() as session:
        unit = (await session.scalars(select(Unit).where(Unit.name == "城关镇"))).one()
        assert not unit.active
        assert await session.scalar(select(Assignment.id).where(Assignment.unit_id == unit.id)) is not None
        assert await session.scalar(select(UnitAlias.id).where(UnitAlias.unit_id == unit.id)) is None
        assert "城关镇" not in [u.name for u in await directory.units(session)]
        wangwu = await directory.get_person(session, "wxid_wangwu")
        assert wangwu is not None and wangwu.unit_id is None and wangwu.name == "王五"
        assert next(u.name for u in (await load_roster(session)).units) == "河口镇"
    (entry,) = await _audit(roster_db, "roster.unit.deactivate")
    assert (entry.actor, entry.subject, entry.detail["notices"]) == ("cli", "unit:城关镇", 1)

    async with roster_db.transaction() as session:
        assert (
            await remove_unit(session, "城关镇", actor="cli", at=T0) == "单位「城关镇」已经停用，无需再移除。"
        )
        summary = await apply_roster(
            session, example, actor="cli", at=T0
        )  # importing it again brings it back
    assert summary.units.updated == ["城关镇（重新启用、简称）"]
    async with roster_db.reader() as session:
        assert await load_roster(session) == example


async def test_a_unit_without_history_is_deleted(roster_db: Database) -> None:
    async with roster_db.transaction() as session:
        text = await remove_unit(session, "住建局", actor="cli", at=T0)
    assert text == "已从名册删除单位「县住房和城乡建设局」（它没有任何通知记录）。"
    async with roster_db.reader() as session:
        assert await session.scalar(select(Unit.id).where(Unit.name == "县住房和城乡建设局")) is None
    assert [e.subject for e in await _audit(roster_db, "roster.unit.remove")] == ["unit:县住房和城乡建设局"]


async def test_an_unknown_unit_suggests_near_names_and_changes_nothing(roster_db: Database) -> None:
    with pytest.raises(RosterError, match="名册里没有单位「教育」。是不是：县教育局？"):
        async with roster_db.transaction() as session:
            await remove_unit(session, "教育", actor="cli", at=T0)
    assert await _audit(roster_db, "roster.unit.remove") == []


async def test_a_person_is_unbound_and_leaves_the_room_lists(roster_db: Database) -> None:
    async with roster_db.transaction() as session:
        text = await remove_person(session, "王五", actor="cli", at=T0)
    assert text == (
        "已从名册移除 王五（wxid_wangwu），解除与「城关镇」的绑定，"
        "移出工作群 政务督查联络群、乡镇督查工作群 的成员名单。以前的签收和反馈记录保留。"
    )
    async with roster_db.reader() as session:
        person = (await session.scalars(select(Person).where(Person.wechat_id == "wxid_wangwu"))).one()
        assert (person.unit_id, person.is_office, person.name) == (None, False, "王五")
        assert (
            await session.scalar(select(RoomMember.id).where(RoomMember.wechat_id == "wxid_wangwu")) is None
        )
    (entry,) = await _audit(roster_db, "roster.person.remove")
    assert entry.detail["unit"] == "城关镇"
    with pytest.raises(RosterError, match="「王五」不在名册里"):
        async with roster_db.transaction() as session:
            await remove_person(session, "王五", actor="cli", at=T0)


async def test_removing_the_last_office_person_warns(roster_db: Database) -> None:
    async with roster_db.transaction() as session:
        await remove_person(session, "wxid_zhangjing", actor="cli", at=T0)
        text = await remove_person(session, "李明", actor="cli", at=T0)
    assert "不再是督查室人员" in text
    assert text.endswith("注意：现在名册里没有督查室人员，没有人能发命令。")


async def test_an_ambiguous_name_asks_for_the_id_or_unit(roster_db: Database, example: Roster) -> None:
    units = list(example.units)
    units[1] = replace(units[1], liaisons=(RosterPerson("wxid_wangwu2", "王五"),))
    async with roster_db.transaction() as session:
        await apply_roster(session, replace(example, units=tuple(units)), actor="cli", at=T0)
    with pytest.raises(RosterError) as caught:
        async with roster_db.transaction() as session:
            await remove_person(session, "王五", actor="cli", at=T0)
    assert str(caught.value) == (
        "「王五」指的不止一人：王五（wxid_wangwu，城关镇联络员）、王五（wxid_wangwu2，河口镇联络员）。"
        "请改写微信号，或写「单位-姓名」，例如 duban roster remove person 城关镇-王五。"
    )
    async with roster_db.transaction() as session:
        text = await remove_person(session, "河口镇-王五", actor="cli", at=T0)
    assert text.startswith("已从名册移除 王五（wxid_wangwu2），解除与「河口镇」的绑定")


async def test_a_pending_liaison_is_dropped(database: Database) -> None:
    roster = Roster(units=(RosterUnit("河口镇", pending=("赵六",)),))
    async with database.transaction() as session:
        await apply_roster(session, roster, actor="cli", at=T0)
        assert (
            await remove_person(session, "赵六", actor="cli", at=T0)
            == "已删去「河口镇」待绑定的联络员 赵六。"
        )
    async with database.reader() as session:
        assert (await load_roster(session)).units == (RosterUnit("河口镇"),)
    with pytest.raises(RosterError, match="名册里没有「赵六」"):
        async with database.transaction() as session:
            await remove_person(session, "赵六", actor="cli", at=T0)


async def test_a_room_is_deactivated_and_comes_back_on_import(roster_db: Database, example: Roster) -> None:
    async with roster_db.transaction() as session:
        text = await remove_room(session, "乡镇督查工作群", actor="cli", at=T0)
    assert text == (
        "已停用工作群「乡镇督查工作群」（20002@chatroom）：以后不再往这个群发通知和提醒，成员名单和历史记录保留。"
        "再次导入含有这个群的名册会重新启用它。"
    )
    async with roster_db.reader() as session:
        assert [r.id for r in (await load_roster(session)).rooms] == ["20001@chatroom"]
        assert {m.room_id for m in await directory.memberships(session)} == {"20001@chatroom"}
        room = (await session.scalars(select(Room).where(Room.wechat_id == "20002@chatroom"))).one()
        assert not room.active
    (entry,) = await _audit(roster_db, "roster.room.deactivate")
    assert entry.detail == {"topic": "乡镇督查工作群", "members": 5}
    async with roster_db.transaction() as session:
        await apply_roster(session, example, actor="cli", at=T0)
    async with roster_db.reader() as session:
        assert await load_roster(session) == example


async def test_rooms_sharing_a_topic_are_told_apart_by_id(roster_db: Database) -> None:
    async with roster_db.transaction() as session:
        await directory.sync_room(
            session, room_id="30003@chatroom", topic="政务督查联络群", member_ids=[], at=T0
        )
    with pytest.raises(
        RosterError, match=r"有 2 个群叫「政务督查联络群」（20001@chatroom、30003@chatroom），请改写群ID"
    ):
        async with roster_db.transaction() as session:
            await remove_room(session, "政务督查联络群", actor="cli", at=T0)
    with pytest.raises(RosterError, match="名册里没有工作群「没有这个群」"):
        async with roster_db.transaction() as session:
            await remove_room(session, "没有这个群", actor="cli", at=T0)
    async with roster_db.transaction() as session:
        assert (await remove_room(session, "30003@chatroom", actor="cli", at=T0)).startswith("已停用工作群")


def test_the_command_line(tmp_path: Path) -> None:
    assert duban("roster", "import", EXAMPLES / "roster.toml", cwd=tmp_path).returncode == 0
    removed = duban("roster", "remove", "unit", "县教育局", cwd=tmp_path)
    assert removed.returncode == 0, removed.stderr
    assert (
        removed.stdout.strip() == "已从名册删除单位「县教育局」（它没有任何通知记录）。联络员 刘芳 已解绑。"
    )
    assert "县教育局" not in duban("roster", "show", cwd=tmp_path).stdout
    missing = duban("roster", "remove", "person", "不存在的人", cwd=tmp_path)
    assert missing.returncode == 2
    assert missing.stderr.startswith("错误：名册里没有「不存在的人」")
    assert "Traceback" not in missing.stderr
    chinese = duban("roster", "remove", "群", "政务督查联络群", cwd=tmp_path)
    assert chinese.returncode == 0, chinese.stderr
