"""What the office hears without asking (the review queue, delay requests) and what liaisons hear in private."""

from __future__ import annotations

from pathlib import Path

from scenario import (
    CAIZHENG,
    CHENGGUAN,
    COUNTY_ROOM,
    FAGAI,
    OFFICE,
    Result,
    at,
    office,
    publish,
    run,
    say,
    setup,
    tick,
)


def reviews(result: Result) -> list[str]:
    return [m["text"] for m in result.sent if m["kind"] == "review" and m["to"] == OFFICE]


def safety(when: str = "09:00") -> dict[str, object]:
    return publish(when, "冬季安全检查", "城关镇、财政局、发改委", receipt="12:00", feedback="11-27 17:30")


async def test_unclear_replies_are_queued_and_digested_at_most_every_half_hour(tmp_path: Path) -> None:
    result = await run(
        [
            safety(),
            say("09:10", CHENGGUAN, "请问这个通知需要盖章吗"),  # related, but neither 收到 nor a report
            say("09:15", CAIZHENG, "1号的表格是哪一版？"),
            say("09:20", FAGAI, "今天天气不错"),  # unrelated: not queued
            tick("10:00"),
        ],
        tmp_path,
    )
    first, second = reviews(result)
    # the first goes out at once, the second waits for the half hour since the first
    digests = [m for m in result.sent if m["kind"] == "review"]
    assert digests[0]["at"] == at("09:10") and digests[1]["at"] == at("09:40")
    assert "城关镇" in first and "需要盖章吗" in first
    assert "/签收 1 单位：城关镇 时间：11月25日09:10 原因：核对联络员回复" in first
    assert "/反馈 1 单位：城关镇 时间：11月25日09:10" in first and "/待核 忽略 1" in first
    assert "县财政局" in second and "哪一版" in second and "城关镇" not in second
    assert "天气" not in first + second
    assert result.unit(1, "城关镇")["received_at"] is None  # never guessed


async def test_the_ready_command_records_and_settles_the_entry(tmp_path: Path) -> None:
    result = await run(
        [
            safety(),
            say("09:10", CHENGGUAN, "请问这个通知需要盖章吗"),
            say("09:11", CAIZHENG, "1号的表格是哪一版？"),
            office("09:20", "/待核"),
            office("09:21", "/签收 1 单位：城关镇 时间：11月25日09:10 原因：核对联络员回复"),
            office("09:22", "/待核"),
            office("09:23", "/待核 忽略 2"),
            office("09:24", "/待核 忽略 2"),
            office("09:25", "/待核"),
        ],
        tmp_path,
    )
    assert result.unit(1, "城关镇")["received_at"] == at("09:10")
    answers = result.texts_to(OFFICE)
    listing, _, after, ignored, twice, empty = answers[-6:]
    assert "〔待核 1〕城关镇" in listing
    assert "〔待核 1〕" not in after  # recording it for that unit and notice settled the entry
    assert "已从待核中去掉〔待核 2〕县财政局" in ignored
    assert "没有待核编号 2" in twice
    assert empty == "目前没有待核的回复。"


async def test_a_delay_request_reaches_the_office_at_once_with_a_ready_command(tmp_path: Path) -> None:
    result = await run(
        [
            safety(),
            say("09:10", CHENGGUAN, "收到"),
            say("11-27 10:00", CHENGGUAN, "因涉及企业较多无法按时完成，申请延期至12月4日，目前已完成70%"),
            office("11-27 10:05", "/查询 1"),
            office("11-27 10:10", "/延期 1 反馈时限：12月4日 单位：城关镇"),
            office("11-27 10:11", "/查询 1"),
        ],
        tmp_path,
    )
    (delay,) = [m for m in result.sent if m["kind"] == "delay"]
    assert delay["to"] == OFFICE and delay["at"] == at("11-27 10:00")
    assert "【延期申请】城关镇" in delay["text"] and "申请延至 12月4日（周五）17:30" in delay["text"]
    assert "/延期 1 反馈时限：12月4日17:30 单位：城关镇" in delay["text"]
    before, after = result.texts_to(OFFICE)[-3], result.texts_to(OFFICE)[-1]
    assert "延期申请待答复" in before
    assert "延期申请待答复" not in after and "本单位反馈时限 12月4日（周五）17:30" in after


async def test_a_delay_asked_to_a_day_not_later_than_the_deadline_is_shown_as_such(tmp_path: Path) -> None:
    """ "缓到下周三" with the deadline after it: the office is not handed a command that would move it earlier."""
    result = await run(
        [
            safety(),
            say("09:10", CHENGGUAN, "收到"),
            say("11-26 10:00", CHENGGUAN, "排查表还有几个村没弄完，申请延期至11月27日"),
        ],
        tmp_path,
    )
    (delay,) = [m for m in result.sent if m["kind"] == "delay"]
    assert "申请延至 11月27日（周五）17:30，不晚于现时限，按现时限办理即可" in delay["text"]
    assert "反馈时限：11月27日17:30" not in delay["text"]
    assert "/延期 1 反馈时限：<新时间> 单位：城关镇" in delay["text"]


async def test_a_delay_request_without_a_date_still_gets_a_command_to_fill_in(tmp_path: Path) -> None:
    result = await run(
        [
            safety(),
            say("09:10", CHENGGUAN, "收到"),
            say("11-27 10:00", CHENGGUAN, "时间太紧来不及，申请延期几天"),
        ],
        tmp_path,
    )
    (delay,) = [m["text"] for m in result.sent if m["kind"] == "delay"]
    assert "未写明希望延到何时" in delay and "/延期 1 反馈时限：<新时间> 单位：城关镇" in delay


async def test_a_liaison_in_private_hears_what_was_recorded_and_can_ask_what_is_owed(tmp_path: Path) -> None:
    result = await run(
        [
            safety(),
            publish("09:01", "森林防火", "城关镇", receipt="12:00"),
            say("09:10", CHENGGUAN, "1号收到", room=None),
            say("09:11", CHENGGUAN, "查询", room=None),
            say("09:12", CHENGGUAN, "/查询", room=None),
            say("09:13", CHENGGUAN, "你好", room=None),
            say("09:14", CAIZHENG, "收到"),  # in the group: no echo
        ],
        tmp_path,
    )
    recorded, listing, again, hello = result.texts_to(CHENGGUAN)
    assert recorded == "已记录：城关镇 签收 督办〔2026〕1号 09:10"
    assert (
        "城关镇 办理中的督办通知（2份）" in listing
        and "已签收" in listing
        and "2号《森林防火》签收" in listing
    )
    assert again == listing
    assert "没有计入签收或反馈" in hello and "查询" in hello
    assert result.texts_to(CAIZHENG) == [] and len(result.in_room(COUNTY_ROOM)) == 2  # the two notice posts
    assert result.unit(1, "财政局")["received_at"] == at("09:14")


async def test_an_unbound_replier_is_shown_with_the_wechat_id(tmp_path: Path) -> None:
    result = await run([safety(), say("09:10", "wxid_newcomer", "城关镇收到")], tmp_path)
    (hint,) = [t for t in result.texts_to(OFFICE) if "尚未绑定" in t]
    assert "微信 id：wxid_newcomer" in hint and "/绑定 <单位> wxid_newcomer" in hint


async def test_setup_used_above_is_the_default_roster() -> None:
    assert setup()["office"] == [{"id": OFFICE, "name": "李明"}]
