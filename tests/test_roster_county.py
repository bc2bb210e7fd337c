"""A real county spreadsheet imports: merged title and unit cells, 序号, notes, synonyms, liaisons to be bound.

The workbooks are built here with openpyxl the way county offices lay them out; every problem of a bad
file is listed at once and nothing is applied; a dry run reports exactly what an import would change.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import Workbook

from storage import directory
from storage.db import Database
from storage.roster import RosterError, RosterPerson, RosterReading, RosterRoom, RosterUnit
from storage.roster_files import read_roster_file
from storage.roster_store import NO_OFFICE, import_roster, load_roster, roster_is_empty
from storage.roster_table import roster_from_table

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
ROOM = "政务督查联络群"


def county_workbook(path: Path) -> Path:
    """The liaison list as a county office keeps it: no role column, merged cells, numbered rows, notes."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "联络员名册"
    sheet["A1"] = "××县政府督查工作联络员名册（2026年）"
    sheet.merge_cells("A1:H1")
    sheet["A2"] = "填报日期：2026年11月20日"
    sheet.append(["序号", "单位名称", "单位类别", "联络员", "职务", "手机号", "微信", "所在群"])
    people = [
        (1, "城关镇", "乡镇", "王五", "党政办主任", 13800000001, "wxid_wangwu"),
        (2, None, None, "王小明", "干事", 13800000002, "wxid_wangxm"),
        (3, "河口镇", None, "赵六", "党政办副主任", 13800000003, None),  # no WeChat id yet
        (4, "柳林乡", None, "孙丽", "党政办主任", 13800000004, "wxid_sunli"),
        (5, None, None, "周强", "干事", 13800000005, "wxid_zhouqiang"),
        (6, None, None, "吴敏", "干事", 13800000006, "wxid_wumin"),
        (7, "县发展和改革委员会", "县直部门", "陈刚", "办公室主任", 13800000007, "wxid_chengang"),
        (8, "县教育局", None, "刘芳", "科员", 13800000008, "wxid_liufang"),
    ]
    for row in people:
        sheet.append([*row, ROOM if row[0] == 1 else None])
    sheet.append([9])  # a numbered row left empty
    sheet.append(["注：1. 联络员如有变动，请及时报县政府督查室。2. 微信号请在微信“我的”页面查看。"])
    sheet.append(["填表人：张静", None, None, None, "联系电话：0371-1234567"])
    for merged in ("B4:B5", "B7:B9", "C4:C9", "C10:C11", "H4:H11", "A13:H13"):
        sheet.merge_cells(merged)
    workbook.save(path)
    return path


def two_row_header_workbook(path: Path) -> Path:
    """A header in two rows (「联络员」 merged over 姓名、微信号), a role column with office staff, 同上."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["督查联络名单"])
    sheet.append(["序号", "角色", "单位", "联络员", None, None])
    sheet.append([None, None, None, "姓名", "微信号", "手机"])
    sheet.append([1, "督查室", None, "李明", "wxid_liming", 13900000001])
    sheet.append([2, "联络员", "城关镇", "王五", "wxid_wangwu", 13900000002])
    sheet.append([3, "联络员", "同上", "王小明", "wxid_wangxm", 13900000003])
    for merged in ("A2:A3", "B2:B3", "C2:C3", "D2:F2"):
        sheet.merge_cells(merged)
    workbook.save(path)
    return path


COUNTY_UNITS = (
    RosterUnit(
        "城关镇",
        kind="乡镇",
        liaisons=(RosterPerson("wxid_wangwu", "王五"), RosterPerson("wxid_wangxm", "王小明")),
    ),
    RosterUnit("河口镇", kind="乡镇", pending=("赵六",)),
    RosterUnit(
        "柳林乡",
        kind="乡镇",
        liaisons=(
            RosterPerson("wxid_sunli", "孙丽"),
            RosterPerson("wxid_zhouqiang", "周强"),
            RosterPerson("wxid_wumin", "吴敏"),
        ),
    ),
    RosterUnit("县发展和改革委员会", kind="县直部门", liaisons=(RosterPerson("wxid_chengang", "陈刚"),)),
    RosterUnit("县教育局", kind="县直部门", liaisons=(RosterPerson("wxid_liufang", "刘芳"),)),
)
COUNTY_MEMBERS = (
    "wxid_wangwu",
    "wxid_wangxm",
    "wxid_sunli",
    "wxid_zhouqiang",
    "wxid_wumin",
    "wxid_chengang",
    "wxid_liufang",
)


@pytest.fixture
def county(tmp_path: Path) -> RosterReading:
    return read_roster_file(county_workbook(tmp_path / "××县联络员名册.xlsx"))


def test_the_county_sheet_reads_with_merged_cells_filled_down(county: RosterReading) -> None:
    roster = county.roster
    assert roster.units == COUNTY_UNITS
    assert roster.office == ()
    assert roster.rooms == (RosterRoom(f"room:{ROOM}", ROOM, COUNTY_MEMBERS),)
    assert county.ignored_columns == ("序号", "职务", "手机号")


def test_notes_are_skipped_and_reported_and_a_missing_wechat_id_is_a_warning(county: RosterReading) -> None:
    warnings = [str(w) for w in county.warnings]
    assert len(warnings) == 3
    assert warnings[0].startswith(
        "××县联络员名册.xlsx 第6行「微信」列：赵六（河口镇）没有填写微信号，记为待绑定"
    )
    assert "/绑定 河口镇 @赵六" in warnings[0]
    assert warnings[1].startswith("××县联络员名册.xlsx 第13行：这一行像是说明文字（「注：1. 联络员如有变动")
    assert warnings[2].startswith("××县联络员名册.xlsx 第14行：这一行像是说明文字（「填表人：张静")


def test_a_header_in_two_rows_with_office_staff_and_same_as_above(tmp_path: Path) -> None:
    reading = read_roster_file(two_row_header_workbook(tmp_path / "名单.xlsx"))
    assert reading.roster.office == (RosterPerson("wxid_liming", "李明"),)
    assert reading.roster.units == (
        RosterUnit(
            "城关镇", liaisons=(RosterPerson("wxid_wangwu", "王五"), RosterPerson("wxid_wangxm", "王小明"))
        ),
    )
    assert reading.warnings == ()
    assert reading.ignored_columns == ("序号", "手机")


def test_the_same_sheet_saved_as_csv_reads_the_same(tmp_path: Path) -> None:
    # Excel saves merged cells as one value and empty cells below it: the unit carries down, the group does not
    text = (
        "××县政府督查工作联络员名册（2026年）,,,,,,,\n"
        "序号,单位名称,单位类别,联络员姓名,职务,手机,联络员微信号,所在群\n"
        f"1,城关镇,乡镇,王五,党政办主任,13800000001,wxid_wangwu,{ROOM}\n"
        f"2,,,王小明,干事,13800000002,wxid_wangxm,{ROOM}\n"
        "3,河口镇,乡镇,赵六,,,,\n"
        "4,,,,,,,\n"
        "注：联络员如有变动，请及时报县政府督查室。,,,,,,,\n"
    )
    path = tmp_path / "名册.csv"
    path.write_text(text, encoding="gbk")
    reading = read_roster_file(path)
    assert reading.roster.units == (COUNTY_UNITS[0], RosterUnit("河口镇", kind="乡镇", pending=("赵六",)))
    assert [w.where for w in reading.warnings] == ["名册.csv 第5行「联络员微信号」列", "名册.csv 第7行"]


def test_every_problem_of_a_file_is_listed_at_once_with_row_column_and_how(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["单位名称", "姓名", "微信号", "所在群"])
    sheet.append(["城关镇", "王五", "wxid_wangwu", ROOM])
    sheet.append(["河口镇", None, "wxid_zhaoliu", ROOM])  # no name
    sheet.append(["河口镇", "王五", "wxid_wangwu", ROOM])  # bound to two units
    sheet.append(["柳林乡", "孙\n丽", "wxid_sunli", ROOM])  # a line break (Alt+Enter) inside a name
    sheet.append(["县教育局", "刘芳", "wxid_" + "x" * 300, ROOM])  # far too long
    sheet.append([None, "陈刚", "wxid_chengang", None])  # carries 县教育局 down: fine
    workbook.save(tmp_path / "名册.xlsx")
    with pytest.raises(RosterError) as caught:
        read_roster_file(tmp_path / "名册.xlsx")
    problems = [str(p) for p in caught.value.problems]
    assert problems == [
        "名册.xlsx 第3行「姓名」列：微信号「wxid_zhaoliu」没有填写姓名。",
        "名册.xlsx 第4行「微信号」列：微信号「wxid_wangwu」在第2行已绑定「城关镇」，不能再绑定「河口镇」："
        "一个联络员只能属于一个单位。",
        "名册.xlsx 第5行「姓名」列：姓名「孙�丽」含有换行，这种字符不能出现在姓名里："
        "请删去后重新输入（常见于从网页、聊天记录复制来的文字）。",
        f"名册.xlsx 第6行「微信号」列：微信号「wxid_{'x' * 15}…」太长：最多 200 个字。",
    ]
    message = str(caught.value)
    assert message.startswith("发现 4 处错误，名册没有导入（全部改正后再导入）：\n  1. 名册.xlsx 第3行")


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        (["", "王五", "wxid_wangwu"], "r.csv 第2行「角色」列：请填写角色"),
        (["同上", "王五", "wxid_wangwu"], "r.csv 第2行「单位」列：写了「同上」，但上一行没有单位"),
    ],
)
def test_liaison_rows_without_a_unit_above_them_are_still_errors(cells: list[str], message: str) -> None:
    rows = [(1, ["单位", "姓名", "微信号"]), (2, cells)]
    with pytest.raises(RosterError, match=re.escape(message)):
        roster_from_table(rows, "r.csv")


# --- importing ---------------------------------------------------------------------------------------------


async def test_a_dry_run_reports_what_would_change_and_changes_nothing(
    database: Database, county: RosterReading
) -> None:
    summary = await import_roster(database, county, actor="cli", at=T0, dry_run=True)
    assert summary.units.created == ["城关镇", "河口镇", "柳林乡", "县发展和改革委员会", "县教育局"]
    assert summary.people.created[0] == "王五（wxid_wangwu）"
    assert len(summary.people.created) == 7
    assert summary.rooms.created == [f"{ROOM}（room:{ROOM}）"]
    assert summary.pending == ["赵六（河口镇）"]
    assert [w.text for w in summary.warnings][-1] == NO_OFFICE  # nobody could give commands
    async with database.reader() as session:
        assert await roster_is_empty(session)

    done = await import_roster(database, county, actor="cli", at=T0)
    assert done.units.created == summary.units.created
    again = await import_roster(database, county, actor="cli", at=T0, dry_run=True)
    assert not again.changed
    assert len(again.units.unchanged) == 5
    lines = again.details()
    assert lines[0] == "单位：新增 0 个，更新 0 个，不变 5 个"
    assert "  不变：城关镇、河口镇、柳林乡、县发展和改革委员会、县教育局" in lines


async def test_a_pending_liaison_bound_later_stays_bound_on_the_next_import(
    database: Database, county: RosterReading
) -> None:
    await import_roster(database, county, actor="cli", at=T0)
    async with database.reader() as session:
        roster = await load_roster(session)
    assert roster.units[1] == RosterUnit("河口镇", kind="乡镇", pending=("赵六",))

    async with database.transaction() as session:  # what /绑定 河口镇 @赵六 does in the group
        unit_id = next(u.id for u in await directory.units(session) if u.name == "河口镇")
        await directory.bind(
            session, wechat_id="wxid_zhaoliu", name="河口镇-赵六", unit_id=unit_id, actor="wxid_liming", at=T0
        )
    async with database.reader() as session:
        roster = await load_roster(session)
    assert roster.units[1].liaisons == (RosterPerson("wxid_zhaoliu", "河口镇-赵六"),)
    assert roster.units[1].pending == ()

    summary = await import_roster(database, county, actor="cli", at=T0)  # the file still has no id for 赵六
    assert summary.pending == []
    assert "河口镇-赵六（wxid_zhaoliu：单位）" not in summary.people.updated
    async with database.reader() as session:
        assert (await load_roster(session)).units[1].liaisons == (
            RosterPerson("wxid_zhaoliu", "河口镇-赵六"),
        )


async def test_a_file_with_errors_applies_nothing(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "名册.csv"
    path.write_text("单位,姓名,微信号\n城关镇,王五,wxid_wangwu\n河口镇,,wxid_zhaoliu\n", encoding="utf-8")
    with pytest.raises(RosterError):
        await import_roster(database, read_roster_file(path), actor="cli", at=T0)
    async with database.reader() as session:
        assert await roster_is_empty(session)
