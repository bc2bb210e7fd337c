"""Proposals and notes only from settled facts: units never reached, deadline notes, other units' replies.

Replay scenarios (tests/scenario.py's county): 县教育局's liaison 钱一 is in no group and 县产业集聚区管理委员会
has no liaison, so a notice to them reaches nobody; 小赵 (OUTSIDER) sits in the county group unbound.
"""

from __future__ import annotations

from pathlib import Path

from scenario import (
    CAIZHENG,
    CHENGGUAN,
    COUNTY_ROOM,
    FAGAI,
    OFFICE,
    OUTSIDER,
    Result,
    has,
    office,
    publish,
    run,
    say,
    tick,
)

NOTE = "【时限已到】"
PROPOSAL = "【处理建议"


def notes(result: Result) -> list[str]:
    return [m["text"] for m in result.sent if m["to"] == OFFICE and m["kind"] == "deadline"]


def proposals(result: Result) -> list[str]:
    return [m["text"] for m in result.sent if m["to"] == OFFICE and m["kind"] == "flag"]


async def test_a_unit_the_notice_never_reached_is_never_a_lapse_and_the_office_is_told(
    tmp_path: Path,
) -> None:
    events = [
        publish(
            "09:00", "关于开展冬季安全生产大检查的通知", "城关镇、教育局、集聚区", receipt="今天上午10点"
        ),
        publish("09:05", "关于报送防汛物资储备情况的通知", "城关镇、教育局、集聚区", receipt="今天上午11点"),
        tick("11-25 12:00"),
    ]
    result = await run(events, tmp_path)

    confirmation = result.texts_to(OFFICE)[0]
    assert has(confirmation, "县教育局、县产业集聚区管理委员会", "未能通知到")
    for seq in (1, 2):
        assert result.unit(seq, "教育局")["receipt_status"] == "unreached"
        assert result.unit(seq, "集聚区")["receipt_status"] == "unreached"
        assert result.unit(seq, "城关镇")["receipt_status"] == "missed"
    # Two lapses in a row for 城关镇 only: the units nobody could tell are never proposed for anything.
    assert [(f["unit"], f["kind"]) for f in result.ledger["flags"]] == [("城关镇", "书面检查")]
    first, second = notes(result)
    assert has(
        first,
        "督办〔2026〕1号",
        "签收时限",
        "逾期未签收：城关镇",
        "未送达",
        "县教育局、县产业集聚区管理委员会",
    )
    assert has(second, "督办〔2026〕2号", "逾期未签收：城关镇")
    # The /查询 answer and the ledger agree: 未送达.
    csv_like = [u["receipt_status"] for u in result.notice(1)["units"]]
    assert csv_like == ["missed", "unreached", "unreached"]


async def test_binding_a_liaison_later_lets_remind_reach_the_unit_and_its_late_receipt_is_no_lapse(
    tmp_path: Path,
) -> None:
    events = [
        publish("09:00", "关于开展冬季安全生产大检查的通知", "城关镇、集聚区", receipt="今天上午10点"),
        say("09:10", CHENGGUAN, "收到"),
        office("10:30", f"/绑定 集聚区 {OUTSIDER}"),
        office("10:31", "/催办 1"),
        say("10:40", OUTSIDER, "收到"),
        tick("11-25 12:00"),
    ]
    result = await run(events, tmp_path)

    reposts = [m for m in result.room_messages() if m["text"].startswith("【督办通知单（补发）】")]
    assert len(reposts) == 1
    assert reposts[0]["room"] == COUNTY_ROOM and reposts[0]["mentions"] == [OUTSIDER]
    answer = result.texts_to(OFFICE)[-1]
    assert has(answer, "已补发", "县产业集聚区管理委员会", "签收时限已过", "不计逾期", "/延期")
    unit = result.unit(1, "集聚区")
    assert unit["received_at"] == "2026-11-25T10:40:00+08:00"
    assert unit["receipt_status"] == "unreached"  # reached only after the deadline: never a lapse
    assert unit["reached_at"] == "2026-11-25T10:31:00+08:00"
    assert result.ledger["flags"] == []


async def test_a_repost_before_the_deadline_is_judged_as_usual(tmp_path: Path) -> None:
    events = [
        publish("09:00", "关于开展冬季安全生产大检查的通知", "集聚区", receipt="今天下午3点"),
        office("09:30", f"/绑定 集聚区 {OUTSIDER}"),
        office("09:31", "/催办 1"),
        tick("11-25 16:00"),
    ]
    result = await run(events, tmp_path)

    assert result.unit(1, "集聚区")["receipt_status"] == "missed"
    assert "签收时限已过" not in result.texts_to(OFFICE)[-1]
    (note,) = notes(result)
    assert has(note, "逾期未签收：县产业集聚区管理委员会")


async def test_no_note_when_every_unit_came_in_on_time(tmp_path: Path) -> None:
    events = [
        publish("09:00", "关于开展冬季安全生产大检查的通知", "城关镇、财政局", receipt="今天上午10点"),
        say("09:10", CHENGGUAN, "收到"),
        say("09:59", CAIZHENG, "收到"),
        tick("11-25 12:00"),
    ]
    result = await run(events, tmp_path)

    assert notes(result) == []


async def test_a_deadline_note_is_sent_once_and_names_late_units_as_missed_when_evaluated(
    tmp_path: Path,
) -> None:
    events = [
        publish(
            "09:00", "关于开展冬季安全生产大检查的通知", "城关镇、财政局、发改委", receipt="今天上午10点"
        ),
        say("09:10", CHENGGUAN, "收到"),
        say("10:05", CAIZHENG, "收到"),  # after the deadline: late, and after the note
        tick("11-26 12:00"),
    ]
    result = await run(events, tmp_path)

    (note,) = notes(result)
    assert has(note, "逾期未签收：县财政局、县发展和改革委员会", "按时签收：1个单位")
    assert result.unit(1, "财政局")["receipt_status"] == "late"


async def test_a_criticism_proposal_cites_only_lapses_whose_deadlines_have_passed(tmp_path: Path) -> None:
    """Three receipt lapses in a quarter propose 通报批评; a notice whose 反馈时限 is still ahead is not
    listed as 至今未反馈 (it was, before the rule book)."""
    events = [
        publish(f"09:0{n}", f"第{n}号通知", "城关镇", receipt=f"今天上午{9 + n}点", feedback="12月9日17:00")
        for n in (1, 2, 3)
    ] + [tick("11-26 12:00")]
    result = await run(events, tmp_path)

    (criticism,) = [text for text in proposals(result) if "通报批评" in text]
    assert criticism.count("签收时限") == 3
    assert "反馈" not in criticism.split("依据：", 1)[1].split("\n", 1)[1].split("确认请发送")[0]
    assert "至今未反馈" not in criticism


async def test_a_reply_that_names_another_unit_is_not_recorded_for_the_senders_unit(tmp_path: Path) -> None:
    events = [
        publish("09:00", "关于开展冬季安全生产大检查的通知", "城关镇、发改委", receipt="今天上午11点"),
        say("09:10", CHENGGUAN, "发改委已收到"),
        say("09:20", FAGAI, "县发改委收到"),
        say("09:30", CHENGGUAN, "城关镇已收到"),
    ]
    result = await run(events, tmp_path)

    (asked,) = [m for m in result.in_room(COUNTY_ROOM) if "提到了" in m["text"]]
    assert asked["mentions"] == [CHENGGUAN]
    assert has(asked["text"], "县发展和改革委员会", "没有记为本单位")
    assert result.unit(1, "城关镇")["received_at"] == "2026-11-25T09:30:00+08:00"
    assert result.unit(1, "发改委")["received_at"] == "2026-11-25T09:20:00+08:00"  # its own short name


async def test_views_of_a_notice_closed_before_its_deadline_agree(tmp_path: Path) -> None:
    events = [
        publish("09:00", "关于开展冬季安全生产大检查的通知", "城关镇、财政局", receipt="今天下午5点"),
        say("09:10", CHENGGUAN, "收到"),
        office("10:00", "/销号 1 确认"),
        tick("11-25 18:00"),
        office("11-25 18:01", "/查询 1"),
    ]
    result = await run(events, tmp_path)

    assert result.unit(1, "财政局")["receipt_status"] == "void"
    detail = result.texts_to(OFFICE)[-1]
    line = next(line for line in detail.split("\n") if line.startswith("· 县财政局"))
    assert "无需签收" in line and "逾期" not in line
    assert notes(result) == [] and proposals(result) == []
