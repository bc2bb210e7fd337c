"""Behaviours added after the review of issues 2–4: one reply about several notices, questions that
lapse, deadlines moved under a proposal, the bot's own time format, and honest time-left texts."""

from __future__ import annotations

from pathlib import Path

from scenario import CAIZHENG, CHENGGUAN, OFFICE, at, office, publish, run, say, tick

from storage.db import Database

REMIND = "【签收提醒】"


async def test_one_reply_about_two_notices_is_recorded_per_notice(tmp_path: Path) -> None:
    result = await run(
        [
            publish("09:00", "关于冬季安全检查的通知", "城关镇", receipt="今天下午5点", feedback="12月1日"),
            publish("09:10", "关于森林防火的通知", "城关镇", receipt="今天下午5点", feedback="12月1日"),
            say("10:00", CHENGGUAN, "1号收到，2号已完成"),
            say("10:30", CHENGGUAN, "1号已收到，2号因人手不足申请延期一周，目前完成50%"),
        ],
        tmp_path,
    )
    first, second = result.unit(1, "城关镇"), result.unit(2, "城关镇")
    assert first["received_at"] == at("10:00")
    assert first["feedback"] == []  # "已完成" was about notice 2 only
    assert [f["kind"] for f in second["feedback"]] == ["done", "delay"]
    assert second["feedback"][1]["text"].startswith("2号因人手不足")


async def test_a_numbered_report_does_not_answer_an_old_question(tmp_path: Path) -> None:
    result = await run(
        [
            publish("09:00", "关于冬季安全检查的通知", "城关镇", receipt="今天下午5点", feedback="12月1日"),
            publish("09:10", "关于森林防火的通知", "城关镇", receipt="今天下午5点", feedback="12月1日"),
            say("15:00", CHENGGUAN, "已完成"),  # two notices await feedback: the bot asks
            say("11-27 10:00", CHENGGUAN, "1号目前正在推进，完成约40%"),
        ],
        tmp_path,
    )
    feedback = result.unit(1, "城关镇")["feedback"]
    assert [(f["kind"], f["at"]) for f in feedback] == [("progress", at("11-27 10:00"))]
    assert result.unit(2, "城关镇")["feedback"] == []


async def test_an_unanswered_question_lapses_and_a_new_unclear_reply_is_asked_again(tmp_path: Path) -> None:
    result = await run(
        [
            publish("09:00", "关于冬季安全检查的通知", "城关镇", receipt="今天下午5点", feedback="12月1日"),
            publish("09:10", "关于森林防火的通知", "城关镇", receipt="今天下午5点", feedback="12月1日"),
            say("15:00", CHENGGUAN, "已完成"),
            say("15:30", CHENGGUAN, "都已完成"),  # the first question is still open: not asked twice
            say("11-27 10:00", CHENGGUAN, "已经完成了"),  # a day later: asked again
        ],
        tmp_path,
    )
    questions = [m for m in result.answers() if "对应哪一份通知" in m["text"]]
    assert [m["at"] for m in questions] == [at("15:00"), at("11-27 10:00")]


async def test_moving_a_deadline_revokes_a_proposal_built_on_the_old_one(tmp_path: Path) -> None:
    result = await run(
        [
            publish("09:00", "关于冬季安全检查的通知", "财政局", receipt="今天上午9点20分"),
            publish("10:00", "关于森林防火的通知", "财政局", receipt="今天上午10点20分"),
            tick("10:30"),  # two lapses: a 书面检查 is proposed
            office("11:00", "/延期 2 签收时限：今天下午5点 单位：财政局"),
            say("11:05", CAIZHENG, "2号收到"),
            tick("17:30"),
        ],
        tmp_path,
    )
    assert [(f["kind"], f["status"]) for f in result.ledger["flags"]] == [("书面检查", "revoked")]
    assert result.unit(2, "财政局")["receipt_status"] == "on_time"
    assert any("处理建议已自动撤销" in t for t in result.texts_to(OFFICE))


async def test_a_moved_deadline_that_still_lapses_is_proposed_again(tmp_path: Path) -> None:
    result = await run(
        [
            publish("09:00", "关于冬季安全检查的通知", "财政局", receipt="今天上午9点20分"),
            publish("10:00", "关于森林防火的通知", "财政局", receipt="今天上午10点20分"),
            tick("10:30"),
            office("11:00", "/延期 2 签收时限：今天上午11点30分 单位：财政局"),
            tick("12:00"),  # still nothing from 财政局: the pair lapses again on the new deadline
        ],
        tmp_path,
    )
    flags = result.ledger["flags"]
    assert [(f["status"], f["at"]) for f in flags] == [("revoked", at("10:20")), ("proposed", at("11:30"))]


async def test_the_bots_own_time_format_is_accepted(tmp_path: Path) -> None:
    result = await run(
        [office("09:00", "/发布 测试通知\n单位：城关镇\n签收时限：11月26日（周四）18:00")], tmp_path
    )
    assert result.notice(1)["receipt_due"] == at("11-26 18:00")


async def test_a_reminder_moved_before_quiet_hours_says_the_real_time_left(tmp_path: Path) -> None:
    result = await run(
        [publish("20:00", "关于夜间值守的通知", "城关镇", receipt="今天晚上11点"), tick("23:30")],
        tmp_path,
    )
    reminder = next(m for m in result.sent if m["text"].startswith(REMIND))
    assert reminder["at"] == at("21:55")
    assert "约还有1小时5分钟" in reminder["text"]


async def test_a_room_known_only_by_topic_takes_its_real_id_at_sync(sqlite_database: Database) -> None:
    from datetime import UTC, datetime

    from storage import directory
    from storage.roster import roster_from_mapping
    from storage.roster_store import apply_roster

    now = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)
    roster = roster_from_mapping(
        {
            "units": [{"name": "城关镇", "liaisons": [{"id": "wangwu", "name": "王五"}]}],
            "rooms": [{"id": "room:政务督查联络群", "topic": "政务督查联络群", "members": ["wangwu"]}],
        }
    )
    async with sqlite_database.transaction() as session:
        await apply_roster(session, roster, actor="test", at=now)
    async with sqlite_database.transaction() as session:
        await directory.sync_room(
            session, room_id="20001@chatroom", topic="政务督查联络群", member_ids=["wangwu", "bot"], at=now
        )
    async with sqlite_database.reader() as session:
        rooms = {(m.room_id, m.wechat_id) for m in await directory.memberships(session)}
    assert rooms == {("20001@chatroom", "wangwu"), ("20001@chatroom", "bot")}
