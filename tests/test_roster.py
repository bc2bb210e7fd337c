"""Roster files (TOML, JSON, CSV, XLSX), their errors, and applying a roster to the database."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from storage.db import Database
from storage.models import AuditEntry, Person, RoomMember, Unit, UnitAlias
from storage.roster import Roster, RosterError, RosterPerson, RosterRoom, RosterUnit, roster_from_mapping
from storage.roster_files import load_roster_file
from storage.roster_store import apply_roster, format_roster, load_roster, roster_is_empty

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
T0 = datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
HEADER = "角色,单位,简称,单位类别,姓名,微信号,所在群"


@pytest.fixture
def example() -> Roster:
    return load_roster_file(EXAMPLES / "roster.toml")


def _write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def _csv_table() -> list[list[str]]:
    text = (EXAMPLES / "roster.csv").read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


# --- files -------------------------------------------------------------------------------------------


def test_example_files_describe_the_same_roster(example: Roster) -> None:
    assert load_roster_file(EXAMPLES / "roster.json") == example
    assert load_roster_file(EXAMPLES / "roster.csv") == example
    assert len(example.units) == 7
    assert example.units[3] == RosterUnit(
        name="县发展和改革委员会",
        aliases=("发改委", "县发改委"),
        kind="县直部门",
        liaisons=(RosterPerson("wxid_chengang", "陈刚"),),
    )
    assert example.units[5].liaisons == ()
    assert example.rooms[1] == RosterRoom(
        id="20002@chatroom",
        topic="乡镇督查工作群",
        members=("wxid_liming", "wxid_wangwu", "wxid_zhaoliu", "wxid_sunli", "wxid_zhouqiang"),
    )


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_in_the_encodings_excel_saves(tmp_path: Path, example: Roster, encoding: str) -> None:
    text = (EXAMPLES / "roster.csv").read_text(encoding="utf-8-sig").replace("\n", "\r\n")
    path = tmp_path / "名册.csv"
    path.write_bytes(text.encode(encoding))
    assert load_roster_file(path) == example


def test_xlsx_with_a_title_row_annotated_headers_and_extra_columns(tmp_path: Path, example: Roster) -> None:
    table = _csv_table()
    header = [
        "角色（联络员/督查室/群）",
        "单位",
        "简称（多个用、分隔）",
        "单位类别",
        "姓名",
        "微信号",
        "所在群",
        "备注",
    ]
    rows: list[list[object]] = [["示范县政府督查室联络员名册"], [], list(header)]
    rows += [[*row, "手机 13800000000"] for row in table[1:]]
    rows.insert(6, [None] * 8)  # blank rows are skipped
    path = _write_xlsx(tmp_path / "名册.xlsx", rows)
    assert load_roster_file(path) == example


def test_xlsx_prefers_a_sheet_named_roster_and_converts_numbers(tmp_path: Path) -> None:
    workbook = Workbook()
    workbook.active.append(["说明：名册在第二个工作表"])
    sheet = workbook.create_sheet("名册")
    sheet.append(["单位", "姓名", "微信号", "所在群"])
    sheet.append(["城关镇", "王五", 1234567, "政务督查联络群"])
    workbook.save(tmp_path / "roster.xlsx")
    roster = load_roster_file(tmp_path / "roster.xlsx")
    assert roster.units == (RosterUnit(name="城关镇", liaisons=(RosterPerson("1234567", "王五"),)),)
    assert roster.rooms == (
        RosterRoom(id="room:政务督查联络群", topic="政务督查联络群", members=("1234567",)),
    )


def test_table_rooms_by_topic_get_stable_ids_and_chatroom_ids_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(
        "单位,姓名,微信号,所在群\n"
        "城关镇,王五,wxid_wangwu,政务督查联络群；998877@chatroom\n"
        "河口镇,赵六,wxid_zhaoliu,政务督查联络群\n",
        encoding="utf-8",
    )
    roster = load_roster_file(path)
    assert roster.office == ()
    assert roster.rooms == (
        RosterRoom(id="room:政务督查联络群", topic="政务督查联络群", members=("wxid_wangwu", "wxid_zhaoliu")),
        RosterRoom(id="998877@chatroom", topic="", members=("wxid_wangwu",)),
    )


def test_table_merges_rows_of_one_unit_and_one_person(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(
        f"{HEADER}\n"
        "联络员,城关镇,城关,乡镇,王五,wxid_wangwu,甲群\n"
        ",城关镇,城关镇政府、城关,,王五,wxid_wangwu,乙群\n"
        "督查室,,,,王五,wxid_wangwu,\n",
        encoding="utf-8",
    )
    roster = load_roster_file(path)
    assert roster.units == (
        RosterUnit(
            name="城关镇",
            aliases=("城关", "城关镇政府"),
            kind="乡镇",
            liaisons=(RosterPerson("wxid_wangwu", "王五"),),
        ),
    )
    assert roster.office == (RosterPerson("wxid_wangwu", "王五"),)
    assert [room.members for room in roster.rooms] == [("wxid_wangwu",), ("wxid_wangwu",)]


def test_utf16_tab_separated_unicode_text(tmp_path: Path, example: Roster) -> None:
    text = (EXAMPLES / "roster.csv").read_text(encoding="utf-8-sig").replace(",", "\t")
    path = tmp_path / "roster.csv"
    path.write_bytes(text.encode("utf-16"))
    assert load_roster_file(path) == example


def test_tab_separated_csv(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("单位\t姓名\t微信号\n城关镇\t王五\twxid_wangwu\n", encoding="utf-8")
    assert load_roster_file(path).units[0].liaisons == (RosterPerson("wxid_wangwu", "王五"),)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            ["联络员,城关镇,,,王五,wxid_wangwu,", "联络员,河口镇,,,王五,wxid_wangwu,"],
            "第3行「微信号」列：微信号「wxid_wangwu」在第2行已绑定「城关镇」",
        ),
        (
            ["联络员,城关镇,城关,,,,", "联络员,城关新区,城关,,,,"],
            "第3行「简称」列：简称「城关」在第2行已属于「城关镇」",
        ),
        (
            ["联络员,城关镇,河口镇,,,,", "联络员,河口镇,,,,,"],
            "第2行「简称」列：简称「河口镇」是另一个单位的全称",
        ),
        (["联络员,城关镇,,,,wxid_wangwu,"], "第2行「姓名」列：微信号「wxid_wangwu」没有填写姓名"),
        (["督查室,,,,王五,,"], "第2行「微信号」列：督查室人员「王五」没有填写微信号"),
        (["联络员,,,,王五,wxid_wangwu,"], "第2行「单位」列：联络员必须填写所在单位"),
        ([",,,,王五,wxid_wangwu,"], "第2行「角色」列：请填写角色"),
        (["组长,城关镇,,,王五,wxid_wangwu,"], "第2行「角色」列：不认识的角色「组长」"),
        (["督查室,,,,,,"], "第2行「姓名」列：督查室人员要填写姓名和微信号"),
        (
            ["联络员,城关镇,,乡镇,,,", "联络员,城关镇,,县直部门,,,"],
            "第3行「单位类别」列：单位「城关镇」的类别在第2行是「乡镇」",
        ),
        (
            ["联络员,城关镇,,,王五,wxid_wangwu,", "督查室,,,,王小五,wxid_wangwu,"],
            "第3行「姓名」列：微信号「wxid_wangwu」在第2行的姓名是「王五」，这里是「王小五」",
        ),
        (["群,,,,,1@chatroom,甲群、乙群"], "第2行「所在群」列：角色为「群」的行在这一列填写一个群名称"),
        (
            ["群,,,,,1@chatroom,甲群", "群,,,,,2@chatroom,甲群"],
            "第3行「所在群」列：工作群「甲群」（2@chatroom）已经在前面声明过",
        ),
        (["联络员,城关镇,,,,,甲群"], "第2行「所在群」列：这一行没有人员"),
    ],
)
def test_table_errors_name_the_row_and_column(tmp_path: Path, rows: list[str], message: str) -> None:
    path = tmp_path / "名册.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    with pytest.raises(RosterError) as caught:
        load_roster_file(path)
    assert str(caught.value).startswith("名册.csv 第")
    assert message in str(caught.value)


def test_table_error_rows_count_title_and_blank_lines_in_xlsx(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["名册"],
        [],
        list[object](HEADER.split(",")),
        ["联络员", "城关镇", "", "", "", "wxid_wangwu", ""],
    ]
    path = _write_xlsx(tmp_path / "roster.xlsx", rows)
    with pytest.raises(RosterError, match=re.escape("roster.xlsx 第4行「姓名」列")):
        load_roster_file(path)


def test_table_without_a_header_says_which_columns_it_needs(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("单位名单\n城关镇\n", encoding="utf-8")
    with pytest.raises(RosterError, match=r"没有找到表头.*单位、姓名、微信号"):
        load_roster_file(path)


def test_undecodable_csv_asks_for_utf8(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(b"\xff\xfe\x00\xd8\x00" * 10)
    with pytest.raises(RosterError, match="无法识别文件编码"):
        load_roster_file(path)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "r.toml",
            '[[units]]\nname = "城关镇"\n[[units]]\nkind = "乡镇"\n',
            "r.toml：units[1]：缺少「name」（单位名称）",
        ),
        (
            "r.toml",
            '[[units]]\nname = "城关镇"\nliaisons = [{ id = "" }]\n',
            "units[0].liaisons[0]：缺少「id」（微信号）",
        ),
        ("r.toml", '[[units]]\nname = "城关镇"\nalias = ["城关"]\n', "units[0]：不认识的键 alias"),
        ("r.toml", 'unit = [{ name = "城关镇" }]\n', "名册顶层：不认识的键 unit"),
        ("r.toml", 'units = "城关镇"\n', "「units」应是一个列表"),
        ("r.toml", "[[units]\n", "TOML 格式有误"),
        ("r.json", '{\n  "units": [,]\n}', "r.json 第2行第13列：JSON 格式有误"),
        ("r.json", '{"units": [{"name": "城关镇"}, {"name": "城关镇"}]}', "单位「城关镇」出现了两次"),
        (
            "r.json",
            '{"units": [{"name": "甲镇", "aliases": ["甲"]}, {"name": "甲乡", "aliases": "甲、乙"}]}',
            "简称「甲」同时属于「甲镇」和「甲乡」",
        ),
        (
            "r.json",
            '{"units": [{"name": "甲镇", "liaisons": [{"id": "w1", "name": "张三"}]},'
            ' {"name": "乙镇", "liaisons": [{"id": "w1", "name": "张三"}]}]}',
            "微信号「w1」（张三）同时绑定了「甲镇」和「乙镇」",
        ),
        ("r.json", '{"office": [{"id": "w1", "name": "  "}]}', "office[0]：缺少「name」（姓名）"),
        ("r.json", '{"rooms": [{"topic": "甲群"}]}', "rooms[0]：缺少「id」（群ID）"),
        (
            "r.json",
            '{"rooms": [{"id": "1@chatroom", "topic": "甲群"}, {"id": "1@chatroom", "topic": "乙群"}]}',
            "工作群「1@chatroom」出现了两次",
        ),
        ("r.xls", "", "另存为 .xlsx"),
        ("r.txt", "", "不支持的名册格式「.txt」"),
        ("r.xlsx", "not a workbook", "r.xlsx：不是有效的 .xlsx 文件"),
    ],
)
def test_file_errors_name_the_key(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RosterError) as caught:
        load_roster_file(path)
    assert message in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RosterError, match="找不到名册文件"):
        load_roster_file(tmp_path / "nope.toml")


def test_units_may_be_bare_names_and_lenient_mappings_default_names_to_ids() -> None:
    roster = roster_from_mapping(
        {"units": ["城关镇", {"name": "河口镇", "liaisons": [{"id": "wxid_zhaoliu"}]}]}
    )
    assert roster.units == (
        RosterUnit("城关镇"),
        RosterUnit("河口镇", liaisons=(RosterPerson("wxid_zhaoliu", "wxid_zhaoliu"),)),
    )
    with pytest.raises(RosterError, match=re.escape("units[1].liaisons[0]：缺少「name」（姓名）")):
        roster_from_mapping({"units": ["城关镇", {"name": "河口镇", "liaisons": [{"id": "w"}]}]}, strict=True)


def test_values_longer_than_the_columns_are_errors() -> None:
    with pytest.raises(RosterError, match=r"单位类别「.*」太长：最多 40 个字"):
        roster_from_mapping({"units": [{"name": "城关镇", "kind": "乡" * 41}]})


def test_mapping_is_lenient_with_extra_keys_unless_strict() -> None:
    setup = {
        "timezone": "Asia/Shanghai",
        "bot": {"id": "bot", "name": "督办助手"},
        "office": [{"id": "wxid_liming", "name": "李明"}],
        "units": [
            {"name": "城关镇", "aliases": ["城关镇"], "liaisons": [{"id": 1001, "name": "王五", "x": 1}]}
        ],
        "rooms": [{"id": "r1", "topic": "群", "members": ["wxid_liming", "1001", "stranger", "1001"]}],
    }
    roster = roster_from_mapping(setup)
    assert roster.units == (RosterUnit(name="城关镇", liaisons=(RosterPerson("1001", "王五"),)),)
    assert roster.rooms[0].members == ("wxid_liming", "1001", "stranger")  # unknown members are allowed
    with pytest.raises(RosterError, match="不认识的键"):
        roster_from_mapping(setup, strict=True)


def test_format_roster_lists_units_office_and_rooms(example: Roster) -> None:
    text = format_roster(example)
    assert "承办单位（7 个）" in text
    assert "4. 县发展和改革委员会〔县直部门〕  简称：发改委、县发改委" in text
    assert "联络员：孙丽（wxid_sunli）、周强（wxid_zhouqiang）" in text
    assert "联络员：（未绑定）" in text
    assert "督查室人员（2 人）\n  李明（wxid_liming）、张静（wxid_zhangjing）" in text
    assert "乡镇督查工作群（20002@chatroom）5 人：李明、王五、赵六、孙丽、周强" in text
    empty = format_roster(Roster())
    assert "承办单位（0 个）\n  （无）" in empty


# --- database ----------------------------------------------------------------------------------------


async def _counts(database: Database) -> dict[str, int]:
    async with database.reader() as session:
        return {
            model.__tablename__: await session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Unit, UnitAlias, Person, RoomMember, AuditEntry)
        }


async def test_apply_roster_creates_then_reimport_changes_nothing(
    database: Database, example: Roster
) -> None:
    async with database.reader() as session:
        assert await roster_is_empty(session)
    async with database.transaction() as session:
        summary = await apply_roster(session, example, actor="cli:roster-import", at=T0)
    assert (len(summary.units.created), len(summary.people.created), len(summary.rooms.created)) == (7, 9, 2)
    assert (summary.units.updated, summary.people.updated, summary.rooms.updated) == ([], [], [])
    assert "新增 7 个" in summary.describe()
    async with database.reader() as session:
        assert not await roster_is_empty(session)
        assert await load_roster(session) == example
        person = (await session.scalars(select(Person).where(Person.wechat_id == "wxid_liming"))).one()
        assert (person.is_office, person.unit_id) == (True, None)
    counts = await _counts(database)
    assert counts == {"units": 7, "unit_aliases": 10, "people": 9, "room_members": 14, "audit_log": 18}

    for again in (example, load_roster_file(EXAMPLES / "roster.csv")):
        async with database.transaction() as session:
            summary = await apply_roster(session, again, actor="cli:roster-import", at=T0 + timedelta(days=1))
        assert not summary.changed
        assert summary.describe() == "名册没有变化。"
        assert await _counts(database) == counts


async def test_reimport_updates_names_aliases_bindings_memberships_and_office(
    database: Database, example: Roster
) -> None:
    async with database.transaction() as session:
        await apply_roster(session, example, actor="cli", at=T0)
    units = list(example.units)
    units[0] = replace(
        units[0], aliases=("城关", "城关镇政府"), liaisons=(RosterPerson("wxid_wangwu", "王小五"),)
    )
    units[2] = replace(
        units[2], liaisons=(RosterPerson("wxid_sunli", "孙丽"), RosterPerson("wxid_zhengjie", "郑洁"))
    )
    units.append(
        RosterUnit("县卫生健康委员会", ("卫健委",), "县直部门", (RosterPerson("wxid_zhouqiang", "周强"),))
    )
    rooms = (
        example.rooms[0],
        replace(
            example.rooms[1],
            members=("wxid_liming", "wxid_wangwu", "wxid_zhaoliu", "wxid_sunli", "wxid_zhengjie"),
        ),
    )
    changed = Roster(office=example.office[:1], units=tuple(units), rooms=rooms)
    async with database.transaction() as session:
        summary = await apply_roster(session, changed, actor="wxid_liming", at=T0 + timedelta(days=1))
    assert (summary.units.created, summary.units.updated) == (["县卫生健康委员会"], ["城关镇（简称）"])
    assert summary.people.created == ["郑洁（wxid_zhengjie）"]  # and 王五 renamed, 周强 moved, 张静 revoked:
    assert summary.people.updated == [
        "王小五（wxid_wangwu：姓名）",
        "周强（wxid_zhouqiang：单位）",
        "张静（wxid_zhangjing：督查室）",
    ]
    assert (summary.rooms.created, summary.rooms.updated) == ([], ["乡镇督查工作群（20002@chatroom：成员）"])
    async with database.reader() as session:
        assert await load_roster(session) == changed
        entries = (await session.scalars(select(AuditEntry).where(AuditEntry.actor == "wxid_liming"))).all()
    by_subject = {entry.subject: entry for entry in entries}
    assert len(entries) == 7
    assert by_subject["unit:城关镇"].detail == {"aliases": {"from": ["城关"], "to": ["城关", "城关镇政府"]}}
    assert by_subject["person:wxid_zhouqiang"].detail == {
        "unit": {"from": "柳林乡", "to": "县卫生健康委员会"}
    }
    assert by_subject["person:wxid_zhangjing"].detail == {"office": {"from": True, "to": False}}
    assert by_subject["room:20002@chatroom"].detail == {
        "members": {"added": ["wxid_zhengjie"], "removed": ["wxid_zhouqiang"]}
    }
    assert by_subject["person:wxid_wangwu"].action == "roster.person.update"
    assert by_subject["person:wxid_zhengjie"].action == "roster.person.create"


async def test_a_partial_roster_leaves_what_it_does_not_name(database: Database, example: Roster) -> None:
    async with database.transaction() as session:
        await apply_roster(session, example, actor="cli", at=T0)
    partial = Roster(units=(replace(example.units[1], liaisons=()),))  # 河口镇 without its liaison
    async with database.transaction() as session:
        summary = await apply_roster(session, partial, actor="cli", at=T0)
    assert (len(summary.units.updated), len(summary.people.updated)) == (0, 1)
    async with database.reader() as session:
        roster = await load_roster(session)
    assert roster.office == example.office  # no office list in the file: office staff unchanged
    assert roster.units[1].liaisons == ()
    assert roster.units[0] == example.units[0]
    assert roster.rooms == example.rooms


async def test_alias_order_and_own_name_aliases_are_not_changes(database: Database, example: Roster) -> None:
    async with database.transaction() as session:
        await apply_roster(session, example, actor="cli", at=T0)
    units = list(example.units)
    units[3] = replace(units[3], aliases=("县发改委", "发改委", "县发展和改革委员会", "发改委"))
    async with database.transaction() as session:
        summary = await apply_roster(session, replace(example, units=tuple(units)), actor="cli", at=T0)
    assert not summary.changed
    async with database.reader() as session:
        assert await load_roster(session) == example


async def test_aliases_can_move_between_units_of_one_file(database: Database, example: Roster) -> None:
    async with database.transaction() as session:
        await apply_roster(session, example, actor="cli", at=T0)
    units = list(example.units)
    units[3] = replace(units[3], aliases=("发改委",))
    units[4] = replace(units[4], aliases=("教育局", "县发改委"))
    moved = replace(example, units=tuple(units))
    async with database.transaction() as session:
        summary = await apply_roster(session, moved, actor="cli", at=T0)
    assert len(summary.units.updated) == 2
    async with database.reader() as session:
        assert await load_roster(session) == moved


@pytest.mark.parametrize(
    ("unit", "message"),
    [
        (
            RosterUnit("县卫生健康委员会", aliases=("发改委",)),
            "简称「发改委」已属于现有单位「县发展和改革委员会」",
        ),
        (RosterUnit("城关"), "单位名称「城关」已是现有单位「城关镇」的简称"),
        (RosterUnit("县卫生健康委员会", aliases=("河口镇",)), "简称「河口镇」是现有单位的全称"),
    ],
)
async def test_clashes_with_units_already_in_the_database_change_nothing(
    database: Database, example: Roster, unit: RosterUnit, message: str
) -> None:
    async with database.transaction() as session:
        await apply_roster(session, example, actor="cli", at=T0)
    before = await _counts(database)
    with pytest.raises(RosterError, match=message):
        async with database.transaction() as session:
            await apply_roster(session, Roster(units=(unit,)), actor="cli", at=T0)
    assert await _counts(database) == before


async def test_apply_roster_validates_rosters_built_in_code(database: Database) -> None:
    bad = Roster(units=(RosterUnit("甲镇", liaisons=(RosterPerson("w1", ""),)),))
    with pytest.raises(RosterError, match="没有填写姓名"):
        async with database.transaction() as session:
            await apply_roster(session, bad, actor="cli", at=T0)
