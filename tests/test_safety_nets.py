"""Safety nets for the office's own commands: double /发布, unit categories, IME slips, binding by name,
and strangers who cannot starve the bot's sends with refusals."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from scenario import (
    CHENGGUAN,
    COUNTY_ROOM,
    OFFICE,
    OUTSIDER,
    office,
    publish,
    roster,
    run,
    say,
    setup,
)


def with_kinds() -> dict[str, Any]:
    """The default roster with 单位类别 filled in."""
    data = copy.deepcopy(roster())
    kinds = {"城关镇": "乡镇", "东风乡": "乡镇", "县产业集聚区管理委员会": "产业集聚区"}
    for unit in data["units"]:
        unit["kind"] = kinds.get(unit["name"], "县直部门")
    return data


async def test_the_same_publish_twice_within_ten_minutes_asks_first(tmp_path: Path) -> None:
    result = await run(
        [
            publish("09:00", "冬季安全检查", "城关镇、财政局"),
            publish("09:04", "冬季安全检查", "财政局、城关镇"),  # same title, same units: held back
            office("09:05", "/发布 冬季安全检查\n单位：城关镇、财政局\n确认发布"),
            publish("09:06", "冬季安全检查", "城关镇"),  # other units: a different notice
        ],
        tmp_path,
    )
    assert [n["seq"] for n in result.notices()] == [1, 2, 3]
    held = result.texts_to(OFFICE)[1]
    assert "刚发布过同样的通知" in held and "督办〔2026〕1号" in held and "确认发布" in held


async def test_units_by_category(tmp_path: Path) -> None:
    result = await run(
        [publish("09:00", "乡镇秸秆禁烧", "全部乡镇"), publish("09:01", "部门预算执行", "县直部门、集聚区")],
        tmp_path,
        scenario_setup=setup(roster_data=with_kinds()),
    )
    towns, departments = result.notices()
    assert [u["unit"] for u in towns["units"]] == ["城关镇", "东风乡"]
    assert [u["unit"] for u in departments["units"]] == [
        "县发展和改革委员会",
        "县财政局",
        "县住房和城乡建设局",
        "县教育局",
        "县产业集聚区管理委员会",
    ]


async def test_a_category_nobody_has_says_which_categories_exist(tmp_path: Path) -> None:
    result = await run([publish("09:00", "乡镇秸秆禁烧", "全部乡镇")], tmp_path)  # no 单位类别 in this roster
    assert result.notices() == []
    answer = result.texts_to(OFFICE)[-1]
    assert "“全部乡镇”下没有承办单位" in answer and "还没有填写单位类别" in answer


async def test_an_ime_slip_is_read_as_the_command(tmp_path: Path) -> None:
    result = await run(
        [publish("09:00", "冬季安全检查", "城关镇"), office("09:01", "、查询 1"), office("09:02", "／查询")],
        tmp_path,
    )
    slip, full_width = result.texts_to(OFFICE)[-2:]
    assert slip.startswith("督办〔2026〕1号《冬季安全检查》")
    assert "办理中的督办通知（1份）" in full_width


async def test_a_liaison_starting_a_reply_with_a_slip_mark_is_not_refused(tmp_path: Path) -> None:
    result = await run(
        [publish("09:00", "冬季安全检查", "城关镇"), say("09:05", CHENGGUAN, "、收到")], tmp_path
    )
    assert result.unit(1, "城关镇")["received_at"] is not None
    assert result.texts_to(CHENGGUAN) == []


async def test_a_stranger_hears_at_most_one_refusal_an_hour(tmp_path: Path) -> None:
    stranger = "wxid_stranger"
    flood = [say(f"09:{10 + i:02d}", stranger, f"/查询 {i}") for i in range(30)]
    result = await run(
        [publish("09:00", "冬季安全检查", "城关镇"), *flood, say("10:15", stranger, "/查询")], tmp_path
    )
    refusals = result.texts_to(stranger)
    assert len(refusals) == 2  # 09:10 and, an hour later, 10:15
    assert all("仅限县政府督查室工作人员" in text for text in refusals)


async def test_binding_by_name_answers_with_the_id_and_where_the_person_was_seen(tmp_path: Path) -> None:
    result = await run(
        [
            say("09:00", OUTSIDER, "大家好", name="小赵"),  # seen in the county group under this nickname
            office("09:01", "/绑定 东风乡 小赵"),
        ],
        tmp_path,
    )
    answer = result.texts_to(OFFICE)[-1]
    assert "已将 小赵（微信 id：xiaozhao，见于群：政务督查联络群）" in answer and "东风乡" in answer
    assert "不在名册中" in answer and "@ 此人" in answer  # found by a nickname only: the office is warned


async def test_a_copied_nickname_is_refused_as_ambiguous(tmp_path: Path) -> None:
    """A stranger who takes the liaison 王五's name cannot be bound by that name."""
    result = await run(
        [
            say("09:00", "wxid_copycat", "大家好", name="王五"),
            office("09:01", "/绑定 城关镇 王五"),
            office("09:02", "/绑定 城关镇 张三"),  # nobody of that name in the roster or the rooms
        ],
        tmp_path,
    )
    ambiguous, unknown = result.texts_to(OFFICE)[-2:]
    assert "对应多人" in ambiguous and "wangwu" in ambiguous and "wxid_copycat" in ambiguous
    assert "找不到“张三”" in unknown
    assert [m["to"] for m in result.sent if m["room"] == COUNTY_ROOM] == []
