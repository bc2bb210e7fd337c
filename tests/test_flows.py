"""End-to-end flows through the real dispatch: scenarios run by the replay, checked by what the bot
sends (room, recipient, mentions, key phrases) and by the ledger it keeps.

The roster (see tests/scenario.py): office 李明 (liming); 城关镇 王五, 县发改委 孙七, 县财政局 周八 and
县住建局 郑十 in 政务督查联络群 (COUNTY_ROOM); 东风乡 吴九 and 郑十 again in 乡镇督查工作群 (TOWN_ROOM);
县教育局 钱一 in no group; 县产业集聚区管理委员会 without a liaison; 小赵 (OUTSIDER) in the county group
but bound to nothing; 督查室内部群 (QUIET_ROOM) holds only the office.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from scenario import (
    CAIZHENG,
    CHENGGUAN,
    COUNTY_ROOM,
    DONGFENG,
    FAGAI,
    JIAOYU,
    OFFICE,
    OUTSIDER,
    QUIET_ROOM,
    TOWN_ROOM,
    ZHUJIAN,
    Result,
    at,
    has,
    office,
    publish,
    run,
    say,
    setup,
    tick,
)

ALL_UNITS = [
    "城关镇",
    "县发展和改革委员会",
    "县财政局",
    "东风乡",
    "县住房和城乡建设局",
    "县教育局",
    "县产业集聚区管理委员会",
]
NOTICE_POST = "【督办通知单】"


def when(sent: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(sent["at"])


def posts(result: Result) -> list[dict[str, Any]]:
    """The notice posts the bot put into rooms."""
    return [m for m in result.room_messages() if m["text"].startswith(NOTICE_POST)]


def safety_check(
    when_: str = "09:00", units: str = "城关镇、发改委、财政局", **fields: Any
) -> dict[str, Any]:
    """A typical notice: 冬季安全生产大检查, receipt today 11:00, feedback 12月1日 17:30."""
    fields.setdefault("receipt", "今天上午11点")
    fields.setdefault("feedback", "12月1日下午5点半")
    return publish(
        when_, "关于开展冬季安全生产大检查的通知", units, body="请对照清单开展自查并报送自查报告。", **fields
    )


def received(result: Result, seq: int, unit: str) -> str | None:
    value = result.unit(seq, unit)["received_at"]
    return None if value is None else str(value)


def no_notice_created(result: Result) -> None:
    assert result.notices() == []
    assert result.room_messages() == []


# ---- 1. /发布 ------------------------------------------------------------------------------------


async def test_publish_numbers_notices_one_after_another(tmp_path: Path) -> None:
    result = await run([safety_check("09:00"), safety_check("09:10")], tmp_path)

    assert [n["number"] for n in result.notices()] == ["督办〔2026〕1号", "督办〔2026〕2号"]
    assert [n["seq"] for n in result.notices()] == [1, 2]
    confirmations = result.texts_to(OFFICE)
    assert len(confirmations) == 2
    assert "督办〔2026〕1号" in confirmations[0]
    assert "督办〔2026〕2号" in confirmations[1]


async def test_publish_posts_once_per_room_mentioning_exactly_the_target_liaisons(tmp_path: Path) -> None:
    result = await run(
        [publish("09:00", "关于开展农村人居环境整治的通知", "城关镇、东风乡、住建局")], tmp_path
    )

    notice_posts = posts(result)
    assert Counter(m["room"] for m in notice_posts) == {COUNTY_ROOM: 1, TOWN_ROOM: 1}
    by_room = {m["room"]: m for m in notice_posts}
    assert by_room[COUNTY_ROOM]["mentions"] == [CHENGGUAN, ZHUJIAN]
    assert by_room[TOWN_ROOM]["mentions"] == [DONGFENG, ZHUJIAN]
    for post in notice_posts:
        assert post["to"] is None
        assert has(post["text"], "督办〔2026〕1号", "关于开展农村人居环境整治的通知", "东风乡")
    assert result.in_room(QUIET_ROOM) == []


async def test_publish_skips_a_room_without_any_target_liaison(tmp_path: Path) -> None:
    result = await run([publish("09:00", "关于做好乡镇冬季森林防火工作的通知", "东风乡")], tmp_path)

    assert [(m["room"], m["mentions"]) for m in result.room_messages()] == [(TOWN_ROOM, [DONGFENG])]


async def test_publish_confirms_number_rooms_units_and_deadlines_to_the_issuer(tmp_path: Path) -> None:
    result = await run([safety_check("09:00", "城关镇、东风乡、住建局")], tmp_path)

    assert len(result.to(OFFICE)) == 1
    confirmation = result.to(OFFICE)[0]
    assert confirmation["room"] is None
    assert has(
        confirmation["text"],
        "督办〔2026〕1号",
        "关于开展冬季安全生产大检查的通知",
        "城关镇",
        "东风乡",
        "县住房和城乡建设局",
        "政务督查联络群",
        "乡镇督查工作群",
        "11月25日（周三）11:00",
        "12月1日（周二）17:30",
    )
    assert "督查室内部群" not in confirmation["text"]


async def test_publish_names_units_it_could_not_reach(tmp_path: Path) -> None:
    # 县教育局's liaison is in no group; the 集聚区管委会 has no liaison at all.
    result = await run([safety_check("09:00", "城关镇、教育局、集聚区")], tmp_path)

    confirmation = result.texts_to(OFFICE)[0]
    warning = next(line for line in confirmation.splitlines() if "未能通知到" in line)
    assert has(warning, "县教育局", "县产业集聚区管理委员会")
    assert "城关镇" not in warning
    assert [m["mentions"] for m in result.room_messages()] == [[CHENGGUAN]]
    assert JIAOYU not in result.room_messages()[0]["mentions"]
    assert [u["unit"] for u in result.notice(1)["units"]] == ["城关镇", "县教育局", "县产业集聚区管理委员会"]


async def test_publish_to_all_units_assigns_every_unit(tmp_path: Path) -> None:
    result = await run([safety_check("09:00", "全部")], tmp_path)

    assert [u["unit"] for u in result.notice(1)["units"]] == ALL_UNITS
    by_room = {m["room"]: m["mentions"] for m in posts(result)}
    assert by_room == {
        COUNTY_ROOM: [CHENGGUAN, FAGAI, CAIZHENG, ZHUJIAN],
        TOWN_ROOM: [DONGFENG, ZHUJIAN],
    }


async def test_publish_accepts_short_names_and_every_separator(tmp_path: Path) -> None:
    result = await run([safety_check("09:00", "城关、发改委,财政局 东风乡，县住建局")], tmp_path)

    assert [u["unit"] for u in result.notice(1)["units"]] == [
        "城关镇",
        "县发展和改革委员会",
        "县财政局",
        "东风乡",
        "县住房和城乡建设局",
    ]


async def test_publish_fields_in_any_order_with_either_colon(tmp_path: Path) -> None:
    text = (
        "/发布 关于报送第四季度重大项目推进情况的通知\n"
        "反馈时限: 12月5日17:00\n"
        "正文：请各单位梳理本季度重大项目推进情况，\n"
        "填写附表后报送县督查室。\n"
        "签收时限:今天下午3点\n"
        "单位： 发改委、财政局"
    )
    result = await run([office("09:00", text)], tmp_path)

    notice = result.notice(1)
    assert notice["title"] == "关于报送第四季度重大项目推进情况的通知"
    assert [u["unit"] for u in notice["units"]] == ["县发展和改革委员会", "县财政局"]
    assert notice["receipt_due"] == at("15:00")
    assert notice["feedback_due"] == at("12-05 17:00")
    assert "请各单位梳理本季度重大项目推进情况" in notice["body"]
    assert "填写附表后报送县督查室" in notice["body"]


async def test_publish_without_receipt_due_uses_the_default_window(tmp_path: Path) -> None:
    result = await run([publish("09:20", "关于做好寒潮天气防范应对工作的通知", "城关镇")], tmp_path)

    notice = result.notice(1)
    assert notice["issued_at"] == at("09:20")
    assert notice["receipt_due"] == at("11:20")  # config default: 120 minutes
    assert notice["feedback_due"] is None
    assert result.unit(1, "城关镇")["feedback_status"] == "none"


async def test_the_default_receipt_window_counts_working_time(tmp_path: Path) -> None:
    # Friday 17:20: ten minutes are left that day, the other 110 run on Monday from 08:30.
    result = await run([publish("11-27 17:20:40", "关于做好寒潮天气防范应对工作的通知", "城关镇")], tmp_path)

    assert result.notice(1)["receipt_due"] == at("11-30 10:21")  # up to a whole minute
    assert "签收时限：11月30日（周一）10:21" in result.texts_to(OFFICE)[0]


async def test_a_deadline_on_a_rest_day_or_after_hours_is_kept_and_the_issuer_is_told(tmp_path: Path) -> None:
    events = [
        publish(
            "09:00", "关于开展冬季安全生产大检查的通知", "城关镇", receipt="今天晚上8点", feedback="12月5日"
        ),
    ]
    result = await run(events, tmp_path)

    assert result.notice(1)["feedback_due"] == at("12-05 17:30")
    confirmation = result.texts_to(OFFICE)[0]
    assert "注意：反馈时限 12月5日（周六）17:30 是星期六（休息日）。" in confirmation
    assert "注意：签收时限 11月25日（周三）20:00 在工作时间（08:30–17:30）以外。" in confirmation


async def test_a_deadline_in_another_year_shows_its_year(tmp_path: Path) -> None:
    events = [publish("09:00", "关于做好年度考核准备工作的通知", "城关镇", feedback="1月8日")]
    result = await run(events, tmp_path)

    post = posts(result)[0]["text"]
    assert "反馈时限：2027年1月8日（周五）17:30前" in post
    assert "2027年1月8日" in result.texts_to(OFFICE)[0]
    assert "签收时限：11月25日（周三）11:00前" in post  # this year's: no year


async def test_publish_in_a_group_works_like_in_private(tmp_path: Path) -> None:
    text = "/发布 关于做好寒潮天气防范应对工作的通知\n单位：城关镇\n签收时限：今天上午11点"
    result = await run([office("09:00", text, room=COUNTY_ROOM)], tmp_path)

    assert result.notice(1)["number"] == "督办〔2026〕1号"
    assert len(posts(result)) == 1


async def test_publish_uses_the_configured_receipt_window(tmp_path: Path) -> None:
    scenario_setup = setup(config={"notices": {"receipt_window_minutes": 30}})
    result = await run(
        [publish("09:20", "关于做好寒潮天气防范应对工作的通知", "城关镇")],
        tmp_path,
        scenario_setup=scenario_setup,
    )

    assert result.notice(1)["receipt_due"] == at("09:50")


async def test_publish_when_no_unit_can_be_reached_still_creates_and_warns(tmp_path: Path) -> None:
    result = await run([publish("09:00", "关于做好校园安全工作的通知", "教育局")], tmp_path)

    assert result.room_messages() == []
    assert result.notice(1)["number"] == "督办〔2026〕1号"
    [confirmation] = result.texts_to(OFFICE)
    assert has(confirmation, "督办〔2026〕1号", "县教育局", "未能通知到")


# ---- 2. /发布 errors ------------------------------------------------------------------------------


async def test_publish_with_a_past_time_creates_nothing(tmp_path: Path) -> None:
    result = await run([safety_check("09:00", receipt="今天上午8点")], tmp_path)

    no_notice_created(result)
    [answer] = result.texts_to(OFFICE)
    assert has(answer, "签收时限", "已经过去")


async def test_publish_with_an_unknown_unit_names_the_closest_units(tmp_path: Path) -> None:
    result = await run([safety_check("09:00", "城关镇、县财政厅")], tmp_path)

    no_notice_created(result)
    [answer] = result.texts_to(OFFICE)
    assert has(answer, "县财政厅", "县财政局", "/单位")


async def test_publish_with_a_misspelt_unit_suggests_the_right_one(tmp_path: Path) -> None:
    result = await run([safety_check("09:00", "东风镇")], tmp_path)

    no_notice_created(result)
    [answer] = result.texts_to(OFFICE)
    assert has(answer, "东风镇", "东风乡")


async def test_publish_without_a_title_creates_nothing(tmp_path: Path) -> None:
    result = await run([office("09:00", "/发布\n单位：城关镇\n签收时限：今天上午11点")], tmp_path)

    no_notice_created(result)
    [answer] = result.texts_to(OFFICE)
    assert has(answer, "标题", "/发布 <标题>")


async def test_publish_without_a_unit_list_creates_nothing(tmp_path: Path) -> None:
    result = await run(
        [office("09:00", "/发布 关于做好寒潮天气防范应对工作的通知\n签收时限：今天上午11点")], tmp_path
    )

    no_notice_created(result)
    [answer] = result.texts_to(OFFICE)
    assert has(answer, "承办单位", "单位：全部")


async def test_publish_with_an_empty_unit_list_creates_nothing(tmp_path: Path) -> None:
    result = await run(
        [office("09:00", "/发布 关于做好寒潮天气防范应对工作的通知\n单位：\n签收时限：今天上午11点")],
        tmp_path,
    )

    no_notice_created(result)
    [answer] = result.texts_to(OFFICE)
    assert "单位" in answer


async def test_publish_with_an_unreadable_time_creates_nothing(tmp_path: Path) -> None:
    result = await run([safety_check("09:00", receipt="尽快")], tmp_path)

    no_notice_created(result)
    [answer] = result.texts_to(OFFICE)
    assert has(answer, "签收时限", "尽快")
    assert any(example in answer for example in ("18:00", "明天", "下午"))  # shows what to write


async def test_publish_with_feedback_due_before_receipt_due_creates_nothing(tmp_path: Path) -> None:
    result = await run([safety_check("09:00", receipt="今天下午4点", feedback="今天下午3点")], tmp_path)

    no_notice_created(result)
    [answer] = result.texts_to(OFFICE)
    assert has(answer, "反馈时限", "签收时限", "早于")


async def test_a_failed_publish_does_not_use_up_a_number(tmp_path: Path) -> None:
    result = await run([safety_check("09:00", "县财政厅"), safety_check("09:05")], tmp_path)

    assert [n["number"] for n in result.notices()] == ["督办〔2026〕1号"]


# ---- 3. who may command ---------------------------------------------------------------------------


async def test_a_non_office_member_is_refused_politely_in_private(tmp_path: Path) -> None:
    command = "/发布 关于开展冬季安全生产大检查的通知\n单位：全部\n签收时限：今天上午11点"
    result = await run([say("09:00", OUTSIDER, command, room=COUNTY_ROOM)], tmp_path)

    assert result.notices() == []
    [refusal] = result.answers()
    assert (refusal["room"], refusal["to"]) == (None, OUTSIDER)
    assert has(refusal["text"], "督查室")


async def test_a_liaison_cannot_close_a_notice(tmp_path: Path) -> None:
    result = await run([safety_check("09:00"), say("09:10", CHENGGUAN, "/销号 1")], tmp_path)

    assert result.notice(1)["status"] == "open"
    refusals = result.to(CHENGGUAN)
    assert len(refusals) == 1
    assert "督查室" in refusals[0]["text"]
    assert len(result.room_messages()) == 1  # only the notice post itself


async def test_unknown_people_change_nothing(tmp_path: Path) -> None:
    stranger = "wxid_stranger"
    events = [
        safety_check("09:00", "城关镇"),
        say("09:05", stranger, "/绑定 城关镇 wxid_stranger"),
        say("09:06", stranger, "/撤回 1"),
        say("09:07", stranger, "城关镇已收到"),
    ]
    result = await run(events, tmp_path)

    assert result.notice(1)["status"] == "open"
    assert received(result, 1, "城关镇") is None
    # One refusal: a stranger hears "commands are for the office" at most once an hour.
    assert [m["to"] for m in result.answers() if m["to"] == stranger] == [stranger]


# ---- 4. liaison replies ---------------------------------------------------------------------------


async def test_receipt_time_is_the_message_time_and_by_is_the_sender(tmp_path: Path) -> None:
    result = await run([safety_check("09:00"), say("09:05:37", CHENGGUAN, "收到"), tick("10:00")], tmp_path)

    unit = result.unit(1, "城关镇")
    assert unit["received_at"] == at("09:05:37")
    assert unit["receipt_by"] == CHENGGUAN
    assert unit["receipt_status"] == "on_time"
    assert result.unit(1, "财政局")["receipt_status"] == "pending"


@pytest.mark.parametrize("text", ["收到了吗？", "请各单位收到后回复"])
async def test_not_a_receipt(tmp_path: Path, text: str) -> None:
    result = await run([safety_check("09:00"), say("09:05", CHENGGUAN, text)], tmp_path)

    assert result.unit(1, "城关镇")["received_at"] is None
    assert result.unit(1, "城关镇")["feedback"] == []
    assert len(result.answers()) == 2  # the notice post and the confirmation; nothing in the group about it
    (review,) = [m for m in result.scheduled() if m["kind"] == "review"]  # the office is asked to look
    assert review["to"] == OFFICE and text in review["text"] and "/签收 1 单位：城关镇" in review["text"]


@pytest.mark.parametrize(
    ("text", "receipt"),
    [("没收到附件", False), ("收到的材料有问题", False), ("河口镇已收到，附件打不开，麻烦重发一下", True)],
)
async def test_a_problem_with_what_arrived_reaches_the_office_at_once(
    tmp_path: Path, text: str, receipt: bool
) -> None:
    result = await run([safety_check("09:00"), say("09:05", CHENGGUAN, text)], tmp_path)

    (told,) = [m for m in result.sent if m["kind"] == "problem"]
    assert told["to"] == OFFICE
    assert has(told["text"], "城关镇", text, "督办〔2026〕1号")
    assert (received(result, 1, "城关镇") == at("09:05")) is receipt


@pytest.mark.parametrize(
    "text", ["收到，马上落实", "城关镇已收到", "已签收", "来文收悉", "收到[抱拳]", "好的，收到！"]
)
async def test_a_receipt(tmp_path: Path, text: str) -> None:
    result = await run([safety_check("09:00"), say("09:05", CHENGGUAN, text)], tmp_path)

    assert received(result, 1, "城关镇") == at("09:05")
    assert result.unit(1, "城关镇")["receipt_by"] == CHENGGUAN


def three_notices_for_chengguan() -> list[dict[str, Any]]:
    return [
        publish("09:00", "关于开展冬季安全生产大检查的通知", "城关镇、财政局", receipt="今天下午5点"),
        publish("09:10", "关于做好农民工工资支付工作的通知", "城关镇、财政局", receipt="今天下午5点"),
        publish("09:20", "关于报送2026年度民生实事进展的通知", "城关镇、财政局", receipt="今天下午5点"),
    ]


@pytest.mark.parametrize(
    "text", ["2号收到", "二号收到", "督办〔2026〕2号收到", "第2号通知已收到", "收到2号通知", "第二号已签收"]
)
async def test_a_receipt_naming_a_notice_applies_to_that_notice(tmp_path: Path, text: str) -> None:
    result = await run([*three_notices_for_chengguan(), say("10:00", CHENGGUAN, text)], tmp_path)

    assert [received(result, seq, "城关镇") for seq in (1, 2, 3)] == [None, at("10:00"), None]


async def test_a_receipt_naming_two_notices_applies_to_both(tmp_path: Path) -> None:
    result = await run(
        [*three_notices_for_chengguan(), say("10:00", CHENGGUAN, "1号、3号均已收到")], tmp_path
    )

    assert [received(result, seq, "城关镇") for seq in (1, 2, 3)] == [at("10:00"), None, at("10:00")]


async def test_a_quoted_notice_post_is_the_notice_received(tmp_path: Path) -> None:
    events = three_notices_for_chengguan()
    first = await run(events, tmp_path)
    first_post = next(m for m in posts(first) if "督办〔2026〕1号" in m["text"] and m["room"] == COUNTY_ROOM)

    result = await run([*events, say("10:00", CHENGGUAN, "收到", quote=first_post["id"])], tmp_path)

    assert [received(result, seq, "城关镇") for seq in (1, 2, 3)] == [at("10:00"), None, None]


async def test_all_received_with_several_owed_asks_which_and_the_answer_records_them(tmp_path: Path) -> None:
    """ "都收到了" with several owed names no number (every one? the latest, by everyone in the unit?): nothing
    is guessed; the liaison is asked which, and the answer records them as of the first reply."""
    events = [
        *three_notices_for_chengguan(),
        say("09:30", CHENGGUAN, "2号收到"),
        say("10:00", CHENGGUAN, "都收到了"),
    ]
    result = await run(events, tmp_path)

    assert [received(result, seq, "城关镇") for seq in (1, 2, 3)] == [None, at("09:30"), None]
    asked = [m["text"] for m in result.room_messages() if "没有写编号" in m["text"]]
    assert len(asked) == 1 and "1号《" in asked[0] and "3号《" in asked[0] and "2号《" not in asked[0]

    answered = await run([*events, say("10:05", CHENGGUAN, "1号、3号")], tmp_path / "answered")
    assert [received(answered, seq, "城关镇") for seq in (1, 2, 3)] == [at("10:00"), at("09:30"), at("10:00")]
    assert [received(answered, seq, "财政局") for seq in (1, 2, 3)] == [None, None, None]


async def test_all_received_with_one_owed_records_it(tmp_path: Path) -> None:
    events = [
        *three_notices_for_chengguan(),
        say("09:30", CHENGGUAN, "2号、3号收到"),
        say("10:00", CHENGGUAN, "都收到了"),
    ]
    result = await run(events, tmp_path)

    assert [received(result, seq, "城关镇") for seq in (1, 2, 3)] == [at("10:00"), at("09:30"), at("09:30")]
    assert not [m for m in result.room_messages() if "对应哪一份" in m["text"] or "已记为" in m["text"]]


async def test_a_plain_receipt_applies_to_the_latest_notice_owed(tmp_path: Path) -> None:
    events = [
        *three_notices_for_chengguan(),
        say("09:30", CHENGGUAN, "收到"),
        say("09:40", CHENGGUAN, "收到"),
    ]
    result = await run(events, tmp_path)

    assert [received(result, seq, "城关镇") for seq in (1, 2, 3)] == [None, at("09:40"), at("09:30")]


async def test_a_day_of_the_month_is_not_a_notice_number(tmp_path: Path) -> None:
    events = [*three_notices_for_chengguan(), say("10:00", CHENGGUAN, "收到，18号前完成")]
    result = await run(events, tmp_path)

    assert [received(result, seq, "城关镇") for seq in (1, 2, 3)] == [None, None, at("10:00")]
    assert len(result.room_messages()) == 3  # the three posts; no question about a notice 18


async def test_a_receipt_after_the_due_time_is_late(tmp_path: Path) -> None:
    events = [safety_check("09:00"), say("11:30", CAIZHENG, "财政局收到"), tick("12:00")]
    result = await run(events, tmp_path)

    unit = result.unit(1, "财政局")
    assert (unit["received_at"], unit["receipt_status"]) == (at("11:30"), "late")


async def test_a_receipt_exactly_at_the_due_time_is_on_time(tmp_path: Path) -> None:
    result = await run([safety_check("09:00"), say("11:00", CAIZHENG, "收到"), tick("12:00")], tmp_path)

    assert result.unit(1, "财政局")["receipt_status"] == "on_time"


async def test_no_receipt_past_the_due_time_is_missed(tmp_path: Path) -> None:
    events = [safety_check("09:00"), say("09:30", CHENGGUAN, "收到"), tick("11:01")]
    result = await run(events, tmp_path)

    assert result.unit(1, "发改委")["receipt_status"] == "missed"
    assert result.unit(1, "发改委")["received_at"] is None
    assert result.unit(1, "城关镇")["receipt_status"] == "on_time"


async def test_no_receipt_before_the_due_time_is_pending(tmp_path: Path) -> None:
    result = await run([safety_check("09:00"), tick("10:59")], tmp_path)

    assert {u["receipt_status"] for u in result.notice(1)["units"]} == {"pending"}


async def test_a_liaison_in_two_rooms_receives_for_their_unit_from_either(tmp_path: Path) -> None:
    events = [safety_check("09:00", "住建局、东风乡"), say("09:05", ZHUJIAN, "住建局已收到", room=TOWN_ROOM)]
    result = await run(events, tmp_path)

    unit = result.unit(1, "住建局")
    assert (unit["received_at"], unit["receipt_by"]) == (at("09:05"), ZHUJIAN)
    assert received(result, 1, "东风乡") is None


async def test_a_second_receipt_keeps_the_first_time(tmp_path: Path) -> None:
    events = [safety_check("09:00"), say("09:05", CHENGGUAN, "收到"), say("09:50", CHENGGUAN, "1号收到")]
    result = await run(events, tmp_path)

    assert received(result, 1, "城关镇") == at("09:05")


async def test_a_receipt_with_nothing_owed_records_and_sends_nothing(tmp_path: Path) -> None:
    events = [publish("09:00", "关于加强财政资金监管的通知", "财政局"), say("09:05", CHENGGUAN, "收到")]
    result = await run(events, tmp_path)

    assert received(result, 1, "财政局") is None
    assert len(result.answers()) == 2


async def test_a_reply_naming_a_withdrawn_notice_is_not_asked_about(tmp_path: Path) -> None:
    events = [
        publish("09:00", "关于开展冬季安全生产大检查的通知", "城关镇", receipt="今天下午5点"),
        office("09:30", "/撤回 1 原因：与县应急局通知重复"),
        say("09:40", CHENGGUAN, "1号收到"),
    ]
    result = await run(events, tmp_path)

    assert received(result, 1, "城关镇") is None
    assert questions(result) == []


# ---- 5. ambiguity: ask once -----------------------------------------------------------------------


def questions(result: Result) -> list[dict[str, Any]]:
    return [m for m in result.room_messages() if "哪一份通知" in m["text"]]


def chengguan_and_caizheng_notices() -> list[dict[str, Any]]:
    """1号 for 城关镇, 2号 only for 财政局."""
    return [
        publish("09:00", "关于开展冬季安全生产大检查的通知", "城关镇", receipt="今天下午5点"),
        publish("09:10", "关于加强财政资金监管的通知", "财政局", receipt="今天下午5点"),
    ]


def chengguan_two_notices_due() -> list[dict[str, Any]]:
    """1号 and 2号 for 城关镇, feedback due on 12月1日 and 12月2日."""
    return [
        publish(
            "09:00",
            "关于开展冬季安全生产大检查的通知",
            "城关镇",
            receipt="今天下午5点",
            feedback="12月1日17:30",
        ),
        publish(
            "09:10",
            "关于开展燃气安全专项整治的通知",
            "城关镇",
            receipt="今天下午5点",
            feedback="12月2日17:30",
        ),
    ]


async def test_a_receipt_for_a_notice_the_unit_does_not_have_asks(tmp_path: Path) -> None:
    result = await run([*chengguan_and_caizheng_notices(), say("09:30", CHENGGUAN, "2号收到")], tmp_path)

    assert received(result, 1, "城关镇") is None
    [question] = questions(result)
    assert question["room"] == COUNTY_ROOM
    assert question["mentions"] == [CHENGGUAN]
    assert "2号收到" in question["text"]


async def test_a_number_of_an_open_notice_not_read_as_one_asks_and_records_nothing(tmp_path: Path) -> None:
    """ "D1收到": the 1 is no notice number as written, but notice 1 is open: never recorded by guess."""
    events = [
        publish("09:00", "关于开展冬季安全生产大检查的通知", "城关镇", receipt="今天下午5点"),
        publish("09:05", "关于开展燃气安全专项整治的通知", "城关镇", receipt="今天下午5点"),
        say("09:30", CHENGGUAN, "D1收到"),
        say("09:40", CHENGGUAN, "1号"),
    ]
    result = await run(events, tmp_path)

    [question] = questions(result)
    assert "D1收到" in question["text"] and "1号《" in question["text"]
    # the number is there: the question asks whether it is the notice's, not for a number
    assert "里的“1号”是指1号《关于开展冬季安全生产大检查的通知》吗" in question["text"]
    assert "请只回复“1号”" in question["text"] and "请注明编号" not in question["text"]
    assert received(result, 2, "城关镇") is None
    assert received(result, 1, "城关镇") == at("09:30")  # the answer places it, at the reply's own time


async def test_a_day_that_may_be_an_open_notice_is_asked_about_and_the_rest_recorded(tmp_path: Path) -> None:
    """ "2号收到，1号我们还在清雪": "1号" may be the 1st or notice 1, which is open — the receipt of 2 is recorded,
    the progress is asked about, never filed on notice 2 by guess."""
    events = [
        *chengguan_two_notices_due(),
        say("09:30", CHENGGUAN, "2号收到，1号我们还在清雪，背阴路段还有几处结冰"),
        say("09:40", CHENGGUAN, "1号"),
    ]
    result = await run(events, tmp_path)

    assert received(result, 2, "城关镇") == at("09:30")
    assert result.unit(2, "城关镇")["feedback"] == []
    [question] = questions(result)
    assert "里的“1号”是指1号《" in question["text"] and "按您原来那条消息记录" in question["text"]
    [entry] = result.unit(1, "城关镇")["feedback"]
    assert (entry["at"], entry["kind"]) == (at("09:30"), "progress")


async def test_an_ambiguous_reply_asks_once_and_the_answer_records_the_original_time(tmp_path: Path) -> None:
    events = [
        *chengguan_and_caizheng_notices(),
        say("09:30", CHENGGUAN, "2号收到"),
        say("09:40", CHENGGUAN, "5号收到"),  # still unclear: no second question
        say("10:15", CHENGGUAN, "1号"),
        tick("18:00"),
    ]
    result = await run(events, tmp_path)

    assert len(questions(result)) == 1
    unit = result.unit(1, "城关镇")
    assert unit["received_at"] == at("09:30")  # the original reply's time, not the answer's
    assert unit["receipt_status"] == "on_time"
    assert received(result, 2, "财政局") is None


async def test_feedback_with_two_open_notices_due_asks_and_the_answer_files_it(tmp_path: Path) -> None:
    events = [
        *chengguan_two_notices_due(),
        say("09:20", CHENGGUAN, "都收到了"),
        say("11-28 10:00", CHENGGUAN, "已全部整改完毕，台账已建立"),
        say("11-28 10:05", CHENGGUAN, "整改工作已经完成"),  # unclear again: waits with the first
        say("11-28 10:30", CHENGGUAN, "2号"),
    ]
    result = await run(events, tmp_path)

    [question] = questions(result)
    assert question["mentions"] == [CHENGGUAN]
    assert has(question["text"], "1号", "2号")
    assert result.unit(1, "城关镇")["feedback"] == []
    feedback = result.unit(2, "城关镇")["feedback"]
    assert [(f["at"], f["kind"], f["text"], f["by"]) for f in feedback] == [
        (at("11-28 10:00"), "done", "已全部整改完毕，台账已建立", CHENGGUAN),
        (at("11-28 10:05"), "done", "整改工作已经完成", CHENGGUAN),
    ]
    assert result.unit(2, "城关镇")["feedback_status"] == "on_time"


async def test_after_an_answer_a_new_unclear_reply_is_asked_about_again(tmp_path: Path) -> None:
    events = [
        *chengguan_and_caizheng_notices(),
        publish("09:20", "关于做好农民工工资支付工作的通知", "城关镇", receipt="今天下午5点"),
        say("09:30", CHENGGUAN, "2号收到"),
        say("09:35", CHENGGUAN, "1号"),
        say("09:40", CHENGGUAN, "2号收到"),
    ]
    result = await run(events, tmp_path)

    assert len(questions(result)) == 2
    assert received(result, 1, "城关镇") == at("09:30")
    assert received(result, 3, "城关镇") is None


async def test_an_old_question_is_not_answered_with_a_notice_issued_after_it(tmp_path: Path) -> None:
    events = [
        *chengguan_and_caizheng_notices(),
        say("09:30", CHENGGUAN, "2号收到"),  # asked about; never answered
        publish("10:00", "关于做好农民工工资支付工作的通知", "城关镇", receipt="今天下午5点"),
        say("10:10", CHENGGUAN, "3号收到"),
    ]
    result = await run(events, tmp_path)

    assert received(result, 3, "城关镇") == at("10:10")


async def test_an_unanswered_question_records_nothing(tmp_path: Path) -> None:
    events = [*chengguan_and_caizheng_notices(), say("09:30", CHENGGUAN, "2号收到"), tick("18:00")]
    result = await run(events, tmp_path)

    assert result.unit(1, "城关镇")["receipt_status"] == "missed"


# ---- 6. feedback and delay ------------------------------------------------------------------------


def one_notice_with_feedback() -> list[dict[str, Any]]:
    return [
        safety_check("09:00"),
        say("09:05", CHENGGUAN, "收到"),
        say("09:06", FAGAI, "收到"),
        say("09:07", CAIZHENG, "收到"),
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("城关镇安全生产大检查正在推进，已完成60%", "progress"),
        ("城关镇自查已全部完成，报告已报送", "done"),
        ("因涉及企业较多，无法按时完成，申请延期至12月5日，目前已完成70%", "delay"),
    ],
)
async def test_feedback_is_stored_with_text_kind_and_time(tmp_path: Path, text: str, kind: str) -> None:
    events = [*one_notice_with_feedback(), say("11-30 16:00", CHENGGUAN, text), tick("12-02 09:00")]
    result = await run(events, tmp_path)

    unit = result.unit(1, "城关镇")
    assert unit["feedback"] == [
        {
            "at": at("11-30 16:00"),
            "kind": kind,
            "by": CHENGGUAN,
            "by_name": "王五",
            "text": text,
            "note": None,
        }
    ]
    assert unit["feedback_status"] == "on_time"
    assert result.unit(1, "财政局")["feedback_status"] == "missed"


async def test_feedback_after_the_due_time_is_late(tmp_path: Path) -> None:
    events = [
        *one_notice_with_feedback(),
        say("12-02 09:30", FAGAI, "发改委检查工作已全部完成"),
        tick("12-02 10:00"),
    ]
    result = await run(events, tmp_path)

    unit = result.unit(1, "发改委")
    assert [f["kind"] for f in unit["feedback"]] == ["done"]
    assert unit["feedback_status"] == "late"


async def test_feedback_not_yet_given_before_the_due_is_pending(tmp_path: Path) -> None:
    result = await run([*one_notice_with_feedback(), tick("11-30 10:00")], tmp_path)
    assert result.unit(1, "城关镇")["feedback_status"] == "pending"


async def test_progress_then_done_are_both_kept(tmp_path: Path) -> None:
    events = [
        *one_notice_with_feedback(),
        say("11-27 17:00", CAIZHENG, "目前正在开展自查，已完成一半"),
        say("11-30 17:00", CAIZHENG, "县财政局自查已完成，报告已上报"),
    ]
    result = await run(events, tmp_path)

    assert [f["kind"] for f in result.unit(1, "财政局")["feedback"]] == ["progress", "done"]


async def test_feedback_without_an_earlier_receipt_also_records_the_receipt(tmp_path: Path) -> None:
    events = [safety_check("09:00"), say("11-30 16:00", FAGAI, "发改委自查已全部完成，报告已报送")]
    result = await run(events, tmp_path)

    unit = result.unit(1, "发改委")
    assert (unit["received_at"], unit["receipt_status"]) == (at("11-30 16:00"), "late")
    assert [f["kind"] for f in unit["feedback"]] == ["done"]


# ---- 7. duplicates --------------------------------------------------------------------------------


async def test_a_message_delivered_twice_counts_once(tmp_path: Path) -> None:
    events = [
        safety_check("09:00", id="cmd-1"),
        safety_check("09:00", id="cmd-1"),
        say("09:05", CHENGGUAN, "收到", id="r-1"),
        say("11-30 16:00", CHENGGUAN, "城关镇自查已全部完成", id="fb-1"),
        say("11-30 16:01", CHENGGUAN, "城关镇自查已全部完成", id="fb-1"),
        office("11-30 16:05", "/催办 1", id="cmd-2"),
        office("11-30 16:06", "/催办 1", id="cmd-2"),
    ]
    result = await run(events, tmp_path)

    assert len(result.notices()) == 1
    assert len(result.unit(1, "城关镇")["feedback"]) == 1
    assert len(posts(result)) == 1
    reminders = [m for m in result.room_messages() if "【催办】" in m["text"]]
    assert len(reminders) == 1
    assert len(result.to(OFFICE)) == 2  # one publish confirmation, one reminder confirmation


# ---- 8. people who are not bound liaisons --------------------------------------------------------


def hints(result: Result) -> list[str]:
    return [t for t in result.texts_to(OFFICE) if "/绑定" in t]


async def test_an_unbound_member_replying_is_not_counted_and_the_office_gets_one_hint(tmp_path: Path) -> None:
    events = [
        safety_check("09:00"),
        say("09:05", OUTSIDER, "收到"),
        say("09:06", OUTSIDER, "城关镇已收到"),
    ]
    result = await run(events, tmp_path)

    assert {u["received_at"] for u in result.notice(1)["units"]} == {None}
    [hint] = hints(result)
    assert has(hint, "/绑定", OUTSIDER, "政务督查联络群")
    assert [m for m in result.answers() if m["to"] == OUTSIDER] == []


async def test_each_unbound_person_gets_their_own_hint(tmp_path: Path) -> None:
    events = [
        safety_check("09:00"),
        say("09:05", OUTSIDER, "收到"),
        say("09:06", "wxid_newcomer", "收到"),
        say("09:07", "wxid_newcomer", "收到"),
    ]
    result = await run(events, tmp_path)

    found = hints(result)
    assert len(found) == 2
    assert sum(OUTSIDER in h for h in found) == 1
    assert sum("wxid_newcomer" in h for h in found) == 1


async def test_an_unbound_member_chatting_gets_no_hint(tmp_path: Path) -> None:
    result = await run([safety_check("09:00"), say("09:05", OUTSIDER, "今天下午开会吗？")], tmp_path)

    assert hints(result) == []


# ---- 9. office commands ---------------------------------------------------------------------------


async def test_query_lists_open_notices_with_counts(tmp_path: Path) -> None:
    events = [
        safety_check("09:00"),
        publish("09:10", "关于做好寒潮天气防范应对工作的通知", "城关镇、东风乡"),
        say("09:20", CHENGGUAN, "1号收到"),
        say("09:21", FAGAI, "收到"),
        office("10:00", "/查询"),
    ]
    result = await run(events, tmp_path)

    answer = result.texts_to(OFFICE)[-1]
    lines = answer.splitlines()
    first = next(line for line in lines if "督办〔2026〕1号" in line)
    second = next(line for line in lines if "督办〔2026〕2号" in line)
    assert "签收 2/3" in first
    assert "反馈 0/3" in first
    assert "签收 0/2" in second


async def test_query_list_leaves_out_closed_and_withdrawn_notices(tmp_path: Path) -> None:
    events = [
        safety_check("09:00"),
        publish("09:10", "关于做好寒潮天气防范应对工作的通知", "城关镇"),
        publish("09:20", "关于报送2026年度民生实事进展的通知", "东风乡"),
        office("10:00", "/销号 1 确认"),
        office("10:01", "/撤回 2"),
        office("10:02", "/查询"),
    ]
    result = await run(events, tmp_path)

    answer = result.texts_to(OFFICE)[-1]
    assert "督办〔2026〕3号" in answer
    assert "督办〔2026〕1号" not in answer
    assert "督办〔2026〕2号" not in answer


async def test_query_with_nothing_open_says_so(tmp_path: Path) -> None:
    result = await run([office("09:00", "/查询")], tmp_path)

    assert "没有办理中" in result.texts_to(OFFICE)[-1]


async def test_query_one_notice_shows_who_received_when_who_not_and_feedback(tmp_path: Path) -> None:
    events = [
        safety_check("09:00"),
        say("09:05", CHENGGUAN, "收到"),
        say("11:30", CAIZHENG, "收到"),
        say("11-30 16:00", CHENGGUAN, "城关镇自查已全部完成，报告已报送"),
        office("11-30 17:00", "/查询 1"),
    ]
    result = await run(events, tmp_path)

    answer = result.texts_to(OFFICE)[-1]
    line = {
        name: next(x for x in answer.splitlines() if x.startswith(f"· {name}"))
        for name in ("城关镇", "县发展和改革委员会", "县财政局")
    }
    assert has(line["城关镇"], "09:05", "王五")
    assert has(line["县财政局"], "11:30", "逾期", "周八")
    assert "未签收" in line["县发展和改革委员会"]
    assert "城关镇自查已全部完成，报告已报送" in answer


async def test_remind_mentions_only_units_that_still_owe(tmp_path: Path) -> None:
    events = [
        safety_check("09:00"),
        say("09:05", CHENGGUAN, "收到"),
        say("09:06", FAGAI, "收到"),
        say("11-27 10:00", CHENGGUAN, "城关镇自查已全部完成，报告已报送"),
        office("11-28 09:00", "/催办 1"),
    ]
    result = await run(events, tmp_path)

    [reminder] = [m for m in result.room_messages() if "【催办】" in m["text"]]
    assert reminder["room"] == COUNTY_ROOM
    assert reminder["mentions"] == [FAGAI, CAIZHENG]
    receipt_line = next(x for x in reminder["text"].splitlines() if "尚未签收" in x)
    assert "县财政局" in receipt_line and "县发展和改革委员会" not in receipt_line
    feedback_line = next(x for x in reminder["text"].splitlines() if "尚未反馈" in x)
    assert has(feedback_line, "县发展和改革委员会", "县财政局")
    assert "城关镇" not in reminder["text"]
    assert "已催办" in result.texts_to(OFFICE)[-1]


async def test_remind_reaches_each_room_of_the_owing_units(tmp_path: Path) -> None:
    events = [
        publish("09:00", "关于做好乡镇冬季森林防火工作的通知", "城关镇、东风乡"),
        say("09:05", CHENGGUAN, "收到"),
        office("10:00", "/催办 1"),
    ]
    result = await run(events, tmp_path)

    reminders = [m for m in result.room_messages() if "【催办】" in m["text"]]
    assert [(m["room"], m["mentions"]) for m in reminders] == [(TOWN_ROOM, [DONGFENG])]


async def test_remind_leaves_out_excused_units(tmp_path: Path) -> None:
    events = [
        safety_check("09:00"),
        office("10:00", "/免责 1 单位：财政局 原因：单位主要负责人参加省厅集中培训"),
        office("10:10", "/催办 1"),
    ]
    result = await run(events, tmp_path)

    [reminder] = [m for m in result.room_messages() if "【催办】" in m["text"]]
    assert reminder["mentions"] == [CHENGGUAN, FAGAI]
    assert "县财政局" not in reminder["text"]


async def test_remind_when_the_owing_units_are_in_no_group_says_so(tmp_path: Path) -> None:
    events = [publish("09:00", "关于做好校园安全工作的通知", "教育局"), office("09:10", "/催办 1")]
    result = await run(events, tmp_path)

    assert result.room_messages() == []
    assert has(result.texts_to(OFFICE)[-1], "县教育局", "无法催办")


async def test_remind_with_nothing_owing_says_so(tmp_path: Path) -> None:
    events = [
        publish("09:00", "关于做好寒潮天气防范应对工作的通知", "城关镇、财政局"),
        say("09:05", CHENGGUAN, "收到"),
        say("09:06", CAIZHENG, "收到"),
        office("10:00", "/催办 1"),
    ]
    result = await run(events, tmp_path)

    assert [m for m in result.room_messages() if "【催办】" in m["text"]] == []
    assert "没有需要催办" in result.texts_to(OFFICE)[-1]


async def test_close_marks_the_notice_closed(tmp_path: Path) -> None:
    result = await run([safety_check("09:00"), office("12-02 09:00", "/销号 1 确认")], tmp_path)

    assert result.notice(1)["status"] == "closed"
    assert result.notice(1)["closed_at"] == at("12-02 09:00")
    assert has(result.texts_to(OFFICE)[-1], "销号", "督办〔2026〕1号")


async def test_close_with_units_still_owing_lists_them_and_waits_for_confirmation(tmp_path: Path) -> None:
    events = [
        safety_check("09:00", "城关镇、东风乡、财政局"),
        say("09:05", CHENGGUAN, "收到"),
        office("09:30", "/销号 1"),
        office("09:31", "/查询 1"),
        office("09:40", "/销号 1 确认"),
    ]
    result = await run(events, tmp_path)

    ask, query, done = result.texts_to(OFFICE)[-3:]
    assert has(ask, "督办〔2026〕1号", "未签收：东风乡、县财政局", "未反馈：城关镇、东风乡、县财政局")
    assert "/销号 1 确认" in ask
    assert "办理中" in query  # nothing was closed by the first /销号
    assert has(done, "已销号", "督办〔2026〕1号")
    assert result.notice(1)["status"] == "closed"
    assert result.notice(1)["closed_at"] == at("09:40")
    # closed before its deadlines: what had not come is not owed and never a lapse
    assert result.unit(1, "东风乡")["receipt_status"] == "void"
    assert result.unit(1, "城关镇")["receipt_status"] == "on_time"


async def test_close_when_everything_came_in_needs_no_confirmation(tmp_path: Path) -> None:
    events = [
        publish("09:00", "关于报送安全生产检查情况的通知", "城关镇", feedback="11月28日17:00"),
        say("09:05", CHENGGUAN, "收到"),
        say("11-27 10:00", CHENGGUAN, "已全部完成整改"),
        office("11-27 11:00", "/销号 1"),
    ]
    result = await run(events, tmp_path)

    assert result.notice(1)["status"] == "closed"
    assert has(result.texts_to(OFFICE)[-1], "已销号")


@pytest.mark.parametrize("number", ["1", "1号", "督办〔2026〕1号", "一号"])
async def test_a_notice_number_may_be_written_several_ways(tmp_path: Path, number: str) -> None:
    result = await run([safety_check("09:00"), office("10:00", f"/销号 {number} 确认")], tmp_path)

    assert result.notice(1)["status"] == "closed"


async def test_withdraw_marks_it_withdrawn_and_tells_every_room(tmp_path: Path) -> None:
    events = [safety_check("09:00", "城关镇、东风乡"), office("10:00", "/撤回 1 原因：与县应急局通知重复")]
    result = await run(events, tmp_path)

    assert result.notice(1)["status"] == "withdrawn"
    announcements = [m for m in result.room_messages() if "撤回" in m["text"]]
    assert sorted(m["room"] for m in announcements) == [COUNTY_ROOM, TOWN_ROOM]
    for m in announcements:
        assert has(m["text"], "督办〔2026〕1号", "与县应急局通知重复")
    assert "已撤回" in result.texts_to(OFFICE)[-1]


async def test_a_withdrawn_notice_no_longer_takes_receipts(tmp_path: Path) -> None:
    events = [safety_check("09:00"), office("09:30", "/撤回 1"), say("09:40", CHENGGUAN, "1号收到")]
    result = await run(events, tmp_path)

    assert received(result, 1, "城关镇") is None


@pytest.mark.parametrize(
    ("first", "second", "phrase"),
    [
        ("/撤回 1", "/催办 1", "已撤回"),
        ("/撤回 1", "/延期 1 反馈时限：12月10日17:00", "已撤回"),
        ("/销号 1 确认", "/催办 1", "已销号"),
        ("/销号 1 确认", "/撤回 1", "已销号"),
        ("/撤回 1", "/免责 1 单位：财政局 原因：人员外出培训", "已撤回"),
    ],
)
async def test_commands_on_a_finished_notice_are_refused(
    tmp_path: Path, first: str, second: str, phrase: str
) -> None:
    events = [safety_check("09:00"), office("10:00", first), office("10:10", second)]
    result = await run(events, tmp_path)

    answer = result.texts_to(OFFICE)[-1]
    assert has(answer, "督办〔2026〕1号", phrase)
    notice = result.notice(1)
    assert notice["feedback_due"] == at("12-01 17:30")
    assert {u["receipt_status"] for u in notice["units"]} != {"excused"}
    assert [m for m in result.room_messages() if "【催办】" in m["text"] or "【时限调整】" in m["text"]] == []


async def test_commands_on_an_unknown_number_say_so(tmp_path: Path) -> None:
    result = await run([safety_check("09:00"), office("10:00", "/销号 7")], tmp_path)

    assert has(result.texts_to(OFFICE)[-1], "7号", "没有找到")
    assert result.notice(1)["status"] == "open"


async def test_extend_the_whole_notice(tmp_path: Path) -> None:
    events = [safety_check("09:00"), office("10:00", "/延期 1 签收时限：今天下午3点"), tick("12:00")]
    result = await run(events, tmp_path)

    notice = result.notice(1)
    assert notice["receipt_due"] == at("15:00")
    assert {u["receipt_due"] for u in notice["units"]} == {at("15:00")}
    assert {u["receipt_status"] for u in notice["units"]} == {"pending"}
    [announcement] = [m for m in result.room_messages() if "时限调整" in m["text"]]
    assert has(announcement["text"], "督办〔2026〕1号", "签收时限", "15:00")


async def test_extend_feedback_for_the_whole_notice(tmp_path: Path) -> None:
    events = [safety_check("09:00"), office("11-30 10:00", "/延期 督办〔2026〕1号 反馈时限：12月8日17:30")]
    result = await run(events, tmp_path)

    assert result.notice(1)["feedback_due"] == at("12-08 17:30")
    assert {u["feedback_due"] for u in result.notice(1)["units"]} == {at("12-08 17:30")}


async def test_extend_for_one_unit_changes_only_that_unit(tmp_path: Path) -> None:
    events = [
        safety_check("09:00"),
        say("09:05", CHENGGUAN, "收到"),
        say("11:30", CAIZHENG, "收到"),  # late against 11:00
        office("12:00", "/延期 1号 签收时限：今天下午3点 单位：财政局"),
        tick("16:00"),
    ]
    result = await run(events, tmp_path)

    assert result.notice(1)["receipt_due"] == at("11:00")
    caizheng = result.unit(1, "财政局")
    assert caizheng["receipt_due"] == at("15:00")
    assert caizheng["receipt_status"] == "on_time"
    assert result.unit(1, "城关镇")["receipt_due"] == at("11:00")
    assert result.unit(1, "发改委")["receipt_due"] == at("11:00")
    assert result.unit(1, "发改委")["receipt_status"] == "missed"
    [announcement] = [m for m in result.room_messages() if "时限调整" in m["text"]]
    assert announcement["room"] == COUNTY_ROOM
    assert "县财政局" in announcement["text"]


async def test_extend_feedback_for_one_unit_turns_late_feedback_on_time(tmp_path: Path) -> None:
    events = [
        *one_notice_with_feedback(),
        say("12-02 10:00", FAGAI, "发改委自查已全部完成，报告已报送"),
        office("12-02 11:00", "/延期 1 反馈时限：12月3日17:00 单位：发改委"),
        tick("12-03 18:00"),
    ]
    result = await run(events, tmp_path)

    fagai = result.unit(1, "发改委")
    assert (fagai["feedback_due"], fagai["feedback_status"]) == (at("12-03 17:00"), "on_time")
    assert result.unit(1, "城关镇")["feedback_due"] == at("12-01 17:30")
    assert result.unit(1, "城关镇")["feedback_status"] == "missed"


async def test_extending_the_whole_notice_covers_units_extended_before(tmp_path: Path) -> None:
    events = [
        safety_check("09:00"),
        office("10:00", "/延期 1 签收时限：今天下午3点 单位：财政局"),
        office("10:05", "/延期 1 签收时限：今天下午6点"),
        say("16:00", CAIZHENG, "收到"),
        tick("19:00"),
    ]
    result = await run(events, tmp_path)

    assert {u["receipt_due"] for u in result.notice(1)["units"]} == {at("18:00")}
    assert result.unit(1, "财政局")["receipt_status"] == "on_time"


async def test_extend_for_a_unit_not_on_the_notice_is_refused(tmp_path: Path) -> None:
    events = [safety_check("09:00"), office("10:00", "/延期 1 签收时限：今天下午3点 单位：东风乡")]
    result = await run(events, tmp_path)

    assert has(result.texts_to(OFFICE)[-1], "东风乡", "不是")
    assert {u["receipt_due"] for u in result.notice(1)["units"]} == {at("11:00")}


async def test_excuse_marks_receipt_and_feedback_excused(tmp_path: Path) -> None:
    events = [
        safety_check("09:00"),
        office("10:00", "/免责 1 单位：财政局 原因：单位主要负责人带队参加省财政厅集中培训"),
        tick("12-02 09:00"),
    ]
    result = await run(events, tmp_path)

    caizheng = result.unit(1, "财政局")
    assert (caizheng["receipt_status"], caizheng["feedback_status"]) == ("excused", "excused")
    assert caizheng["excuse_reason"] == "单位主要负责人带队参加省财政厅集中培训"
    assert result.unit(1, "城关镇")["receipt_status"] == "missed"
    assert has(result.texts_to(OFFICE)[-1], "县财政局", "免责")


async def test_bind_a_member_by_mention_in_a_group_then_their_receipt_counts(tmp_path: Path) -> None:
    events = [
        safety_check("09:00", "城关镇"),
        say("09:05", OUTSIDER, "收到"),
        say("09:10", OFFICE, "/绑定 城关镇 @小赵", mentions=[OUTSIDER]),
        say("09:15", OUTSIDER, "城关镇收到"),
    ]
    result = await run(events, tmp_path)

    unit = result.unit(1, "城关镇")
    assert (unit["received_at"], unit["receipt_by"]) == (at("09:15"), OUTSIDER)
    confirmation = [m for m in result.room_messages() if "绑定" in m["text"] and m["room"] == COUNTY_ROOM]
    assert len(confirmation) == 1
    assert has(confirmation[0]["text"], "城关镇", "联络员")


async def test_bind_by_wechat_id_in_private(tmp_path: Path) -> None:
    events = [
        safety_check("09:00", "东风乡"),
        office("09:10", f"/绑定 东风乡 {OUTSIDER}"),
        say("09:15", OUTSIDER, "东风乡已收到"),
    ]
    result = await run(events, tmp_path)

    assert "东风乡" in result.texts_to(OFFICE)[-1]
    assert result.unit(1, "东风乡")["receipt_by"] == OUTSIDER


async def test_a_newly_bound_liaison_is_mentioned_in_later_notices(tmp_path: Path) -> None:
    events = [
        office("09:00", f"/绑定 集聚区 {OUTSIDER}"),
        publish("09:10", "关于做好企业用工服务的通知", "集聚区"),
    ]
    result = await run(events, tmp_path)

    assert [(m["room"], m["mentions"]) for m in posts(result)] == [(COUNTY_ROOM, [OUTSIDER])]


async def test_unbind_stops_counting_that_person(tmp_path: Path) -> None:
    events = [
        safety_check("09:00"),
        office("09:10", f"/解绑 {CHENGGUAN}"),
        say("09:15", CHENGGUAN, "收到"),
    ]
    result = await run(events, tmp_path)

    assert received(result, 1, "城关镇") is None
    assert "城关镇" in result.texts_to(OFFICE)[1]
    assert len(hints(result)) == 1  # now an unbound member replying like a liaison


async def test_units_lists_units_aliases_and_liaisons(tmp_path: Path) -> None:
    result = await run([office("09:00", "/单位")], tmp_path)

    [answer] = result.texts_to(OFFICE)
    lines = answer.splitlines()
    fagai = next(line for line in lines if "县发展和改革委员会" in line)
    assert has(fagai, "发改委", "孙七")
    jiaoyu = next(line for line in lines if "县教育局" in line)
    assert "钱一" in jiaoyu
    assert "不在任何群" in jiaoyu
    assert "未绑定" in next(line for line in lines if "县产业集聚区管理委员会" in line)


async def test_help_lists_the_commands(tmp_path: Path) -> None:
    result = await run([office("09:00", "/帮助")], tmp_path)

    [answer] = result.texts_to(OFFICE)
    assert has(
        answer, "/发布", "/查询", "/催办", "/销号", "/撤回", "/延期", "/免责", "/绑定", "/解绑", "/单位"
    )


async def test_help_for_one_command(tmp_path: Path) -> None:
    result = await run([office("09:00", "/帮助 延期")], tmp_path)

    [answer] = result.texts_to(OFFICE)
    assert has(answer, "/延期", "签收时限", "反馈时限")
    assert "/发布" not in answer


async def test_a_command_in_a_group_is_answered_in_the_group(tmp_path: Path) -> None:
    result = await run([safety_check("09:00"), office("10:00", "/查询 1", room=COUNTY_ROOM)], tmp_path)

    answer = result.answers()[-1]
    assert (answer["room"], answer["to"]) == (COUNTY_ROOM, None)
    assert answer["mentions"] == [OFFICE]
    assert "督办〔2026〕1号" in answer["text"]


# ---- 10. no echo ----------------------------------------------------------------------------------


async def test_receipts_are_not_echoed_into_the_group(tmp_path: Path) -> None:
    events = [
        safety_check("09:00", "全部"),
        say("09:05", CHENGGUAN, "收到"),
        say("09:06", FAGAI, "发改委已收到"),
        say("09:07", DONGFENG, "东风乡收到，马上落实", room=TOWN_ROOM),
        say("11-30 10:00", CHENGGUAN, "城关镇自查已全部完成，报告已报送"),
        tick("12-01 09:00"),
    ]
    result = await run(events, tmp_path)

    assert len(result.answers()) == 3  # two notice posts and the confirmation
    assert received(result, 1, "东风乡") == at("09:07")


# ---- 11. pacing -----------------------------------------------------------------------------------


async def test_two_messages_into_one_room_are_at_least_three_seconds_apart(tmp_path: Path) -> None:
    events = [
        safety_check("09:00"),
        office("10:00:00", "/催办 1"),
        publish("10:00:00.500", "关于做好寒潮天气防范应对工作的通知", "城关镇"),
    ]
    result = await run(events, tmp_path)

    county = result.in_room(COUNTY_ROOM)
    assert ["【催办】" in county[1]["text"], NOTICE_POST in county[2]["text"]] == [True, True]
    gap = when(county[2]) - when(county[1])
    assert timedelta(seconds=3) <= gap <= timedelta(seconds=4)
    assert when(county[1]) == datetime.fromisoformat(at("10:00"))


async def test_every_conversation_is_paced_on_its_own(tmp_path: Path) -> None:
    result = await run([safety_check("09:00", "城关镇、东风乡")], tmp_path)

    # two rooms and the office's private chat: different conversations, all at once
    assert {m["at"] for m in result.sent} == {at("09:00")}


def crowded_county(rooms: int) -> dict[str, Any]:
    """One township per room, each room with its own liaison: a publish to 全部 fills many rooms."""
    data = {
        "office": [{"id": OFFICE, "name": "李明"}],
        "units": [
            {"name": f"第{i}镇", "liaisons": [{"id": f"town-{i}", "name": f"联络员{i}"}]}
            for i in range(1, rooms + 1)
        ],
        "rooms": [
            {"id": f"room-{i}", "topic": f"第{i}镇督查工作群", "members": [OFFICE, f"town-{i}"]}
            for i in range(1, rooms + 1)
        ],
    }
    return setup(roster_data=data)


async def test_no_more_than_twenty_messages_a_minute(tmp_path: Path) -> None:
    result = await run(
        [publish("09:00", "关于开展安全生产隐患大排查的通知", "全部")],
        tmp_path,
        scenario_setup=crowded_county(30),
    )

    assert len(posts(result)) == 30
    times = sorted(when(m) for m in result.sent)
    assert len(times) == 31
    for first, twenty_first in zip(times, times[20:], strict=False):
        assert twenty_first - first >= timedelta(minutes=1)
    assert times[-1] - times[0] >= timedelta(minutes=1)


# ---- 12. restart --------------------------------------------------------------------------------


async def test_a_restart_on_the_same_database_keeps_receipts_and_sends_nothing_twice(tmp_path: Path) -> None:
    db_url = f"sqlite+aiosqlite:///{tmp_path / 'shared.db'}"
    before = await run(
        [safety_check("09:00"), say("09:05", CHENGGUAN, "收到"), say("09:06", FAGAI, "收到")],
        tmp_path,
        db_url=db_url,
    )
    after = await run(
        [
            say("10:00", CAIZHENG, "1号收到"),
            say("10:01", CHENGGUAN, "收到"),  # nothing owed any more
            office("10:05", "/查询 1"),
        ],
        tmp_path,
        scenario_setup=setup(start="09:55"),
        db_url=db_url,
    )

    assert len(before.answers()) == 2
    assert posts(after) == []
    assert [m["to"] for m in after.answers()] == [OFFICE]
    assert [received(after, 1, u) for u in ("城关镇", "发改委", "财政局")] == [
        at("09:05"),
        at("09:06"),
        at("10:00"),
    ]
    assert has(after.texts_to(OFFICE)[0], "签收 3/3")


async def test_a_restart_does_not_handle_an_old_message_again(tmp_path: Path) -> None:
    db_url = f"sqlite+aiosqlite:///{tmp_path / 'shared.db'}"
    first = [
        safety_check("09:00", id="pub-1"),
        say("11-30 16:00", CHENGGUAN, "城关镇自查已全部完成", id="fb-1"),
    ]
    await run(first, tmp_path, db_url=db_url)
    # The transport delivers the same messages again after the restart.
    again = [
        safety_check("11-30 16:10", id="pub-1"),
        say("11-30 16:10", CHENGGUAN, "城关镇自查已全部完成", id="fb-1"),
    ]
    after = await run(again, tmp_path, scenario_setup=setup(start="11-30 16:05"), db_url=db_url)

    assert after.answers() == []
    assert len(after.notices()) == 1
    assert len(after.unit(1, "城关镇")["feedback"]) == 1


async def test_a_restart_does_not_repeat_what_was_sent_before_it(tmp_path: Path) -> None:
    db_url = f"sqlite+aiosqlite:///{tmp_path / 'shared.db'}"
    before = await run([safety_check("09:00"), tick("10:31")], tmp_path, db_url=db_url)
    # Restarted a few minutes later, still within the grace for the 10:30 pre-deadline reminder.
    after = await run([tick("10:50")], tmp_path, scenario_setup=setup(start="10:35"), db_url=db_url)

    assert [m["room"] for m in before.sent if m["text"].startswith("【签收提醒】")] == [COUNTY_ROOM]
    assert after.sent == []


async def test_a_quote_after_a_restart_resolves_to_this_runs_message(tmp_path: Path) -> None:
    db_url = f"sqlite+aiosqlite:///{tmp_path / 'shared.db'}"
    await run(
        [publish("09:00", "关于开展冬季安全生产大检查的通知", "城关镇", receipt="今天下午5点")],
        tmp_path,
        db_url=db_url,
    )
    events = [
        publish("10:00", "关于做好农民工工资支付工作的通知", "城关镇", receipt="今天下午5点"),
        say("10:05", CHENGGUAN, "收到", quote="bot-1"),  # bot-1 of this run: the post of 2号
    ]
    after = await run(events, tmp_path, scenario_setup=setup(start="09:55"), db_url=db_url)

    assert NOTICE_POST in after.answers()[0]["text"] and "2号" in after.answers()[0]["text"]
    assert [received(after, seq, "城关镇") for seq in (1, 2)] == [None, at("10:05")]


async def test_a_number_written_beats_the_quoted_notice(tmp_path: Path) -> None:
    """Quoting notice 1's post and writing of notice 3 speaks of 3 alone: nothing is recorded for 1."""
    events = three_notices_for_chengguan()
    first = await run(events, tmp_path)
    first_post = next(m for m in posts(first) if "督办〔2026〕1号" in m["text"] and m["room"] == COUNTY_ROOM)

    result = await run(
        [
            *events,
            say("10:00", CHENGGUAN, "3号收到", quote=first_post["id"]),
            say("10:05", CHENGGUAN, "3号正在落实", quote=first_post["id"]),
        ],
        tmp_path,
    )

    assert [received(result, seq, "城关镇") for seq in (1, 2, 3)] == [None, None, at("10:00")]
    assert [bool(result.unit(seq, "城关镇")["feedback"]) for seq in (1, 2, 3)] == [False, False, True]


async def test_a_report_headed_by_a_number_past_31_that_is_not_open_is_not_filed_elsewhere(
    tmp_path: Path,
) -> None:
    """ "27号：我镇…" with no notice 27 may be the report's date (filed on the unit's notice); "148号：…" cannot be
    a date: with no notice 148 open the report is not filed on another notice."""
    events = [
        safety_check("09:00"),
        say("10:00", CHENGGUAN, "148号：共检查企业12家，发现隐患3处，已整改2处"),
        say("10:05", CHENGGUAN, "27号：我镇共检查企业12家，已整改2处"),
    ]
    result = await run(events, tmp_path)

    feedback = result.unit(1, "城关镇")["feedback"]
    assert [entry["text"] for entry in feedback] == ["27号：我镇共检查企业12家，已整改2处"], feedback
