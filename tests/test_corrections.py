"""The office mends the record: /签收 and /反馈 recorded by hand, /撤销签收 /撤销反馈, /恢复, audited."""

from __future__ import annotations

from pathlib import Path

from scenario import (
    CAIZHENG,
    CHENGGUAN,
    FAGAI,
    OFFICE,
    Result,
    at,
    audit_log,
    office,
    publish,
    run,
    say,
    tick,
)

RECEIPT_AT_10 = "receipt 10:00"


def notice(when: str = "09:00", *, feedback: str | None = None) -> dict[str, object]:
    return publish(
        when, "关于开展冬季安全生产大检查的通知", "城关镇、财政局", receipt="10:00", feedback=feedback
    )


def last_answer(result: Result) -> str:
    return result.texts_to(OFFICE)[-1]


async def test_a_receipt_given_by_phone_is_recorded_at_its_time_and_judged_by_it(tmp_path: Path) -> None:
    db_url = f"sqlite+aiosqlite:///{tmp_path / 'phone.db'}"
    result = await run(
        [
            notice(),
            office("09:50", "/签收 1 单位：城关镇 时间：9点40 原因：电话签收"),
            office("11:00", "/签收 1 单位：财政局 时间：10:30 原因：电话签收，当时群里没看到"),
            office("11:01", "/查询 1"),
        ],
        tmp_path,
        db_url=db_url,
    )
    chengguan, caizheng = result.unit(1, "城关镇"), result.unit(1, "财政局")
    assert chengguan["received_at"] == at("09:40") and chengguan["receipt_status"] == "on_time"
    assert caizheng["received_at"] == at("10:30") and caizheng["receipt_status"] == "late"
    assert chengguan["receipt_by"] == OFFICE  # who recorded it
    first, second, detail = result.texts_to(OFFICE)[-3:]
    assert "已补记" in first and "按时签收" in first
    assert "逾期" in second
    assert "李明补记：电话签收" in detail  # /查询 shows who corrected it and why
    trail = [e for e in await audit_log(db_url) if e.action == "assignment.receipt.recorded"]
    assert [(e.actor, e.detail["note"]) for e in trail] == [
        (OFFICE, "李明补记：电话签收"),
        (OFFICE, "李明补记：电话签收，当时群里没看到"),
    ]


async def test_a_recorded_receipt_replaces_a_wrong_time_and_the_old_one_stays_in_the_audit(
    tmp_path: Path,
) -> None:
    db_url = f"sqlite+aiosqlite:///{tmp_path / 'replace.db'}"
    result = await run(
        [
            notice(),
            say("10:30", CHENGGUAN, "收到"),  # late in the group …
            office(
                "10:40", "/签收 1 单位：城关镇 时间：9:15 原因：9点15分已电话签收"
            ),  # … but on time by phone
        ],
        tmp_path,
        db_url=db_url,
    )
    assert result.unit(1, "城关镇")["receipt_status"] == "on_time"
    assert "原记录 11月25日（周三）10:30" in last_answer(result)
    (entry,) = [e for e in await audit_log(db_url) if e.action == "assignment.receipt.recorded"]
    assert entry.detail["previous"] == "2026-11-25T02:30:00+00:00"


async def test_bad_corrections_say_what_is_wrong_and_change_nothing(tmp_path: Path) -> None:
    result = await run(
        [
            notice(),
            office("09:30", "/签收 1 单位：城关镇 时间：明天9点 原因：电话"),  # not yet happened
            office("09:31", "/签收 1 单位：城关镇 时间：8点 原因：电话"),  # before the notice
            office("09:32", "/签收 1 单位：教育局 原因：电话"),  # not a unit of this notice
            office("09:33", "/签收 1 单位：城关镇"),  # no reason
            office("09:34", "/签收 9 单位：城关镇 原因：电话"),  # no such notice
            office("09:35", "/反馈 1 单位：城关镇 类型：汇报 内容：x"),
            office("09:36", "/撤销签收 1 单位：城关镇 原因：误记"),  # nothing to undo
        ],
        tmp_path,
    )
    answers = result.texts_to(OFFICE)[-7:]
    assert "还没到" in answers[0] and "已经发生的时间" in answers[0]
    assert "早于" in answers[1] and "发布时间" in answers[1]
    assert "不是" in answers[2] and "承办单位" in answers[2]
    assert "必须写原因" in answers[3]
    assert "没有找到" in answers[4]
    assert "类型“汇报”看不懂" in answers[5]
    assert "没有签收记录" in answers[6]
    assert result.unit(1, "城关镇")["received_at"] is None
    assert result.unit(1, "城关镇")["feedback"] == []


async def test_feedback_recorded_by_the_office_counts_and_carries_the_receipt(tmp_path: Path) -> None:
    result = await run(
        [
            notice(feedback="11-27 17:30"),
            office(
                "11-26 10:00",
                "/反馈 1 单位：财政局 时间：昨天下午4点 类型：办结 内容：自查报告已通过邮件报送",
            ),
            tick("11-28 09:00"),
        ],
        tmp_path,
    )
    caizheng = result.unit(1, "财政局")
    assert [(f["kind"], f["text"], f["at"]) for f in caizheng["feedback"]] == [
        ("done", "自查报告已通过邮件报送", at("16:00"))
    ]
    assert caizheng["feedback_status"] == "on_time"
    # reporting on the notice shows it arrived: its receipt is recorded at the same time (late here)
    assert caizheng["received_at"] == at("16:00") and caizheng["receipt_status"] == "late"


async def test_undoing_a_wrong_receipt_makes_the_rules_look_again(tmp_path: Path) -> None:
    """财政局 missed notice 1; its receipt of notice 2 was a mistake: taking it back proposes 书面检查."""
    db_url = f"sqlite+aiosqlite:///{tmp_path / 'undo.db'}"
    result = await run(
        [
            publish("09:00", "一号通知", "财政局", receipt="10:00"),
            publish("09:01", "二号通知", "财政局", receipt="11:00"),
            say("09:30", CAIZHENG, "2号收到"),
            tick("11:30"),
            office("11:40", "/撤销签收 2 单位：财政局 原因：周八说的是1号，误记为2号"),
            tick("11:50"),
        ],
        tmp_path,
        db_url=db_url,
    )
    assert result.unit(2, "财政局")["received_at"] is None
    assert result.unit(2, "财政局")["receipt_status"] == "missed"
    (flag,) = result.ledger["flags"]
    assert flag["kind"] == "书面检查" and flag["status"] == "proposed"
    undone = [t for t in result.texts_to(OFFICE) if t.startswith("已撤销")]
    assert "原签收 11月25日（周三）09:30" in undone[0] and "审计日志保留原记录" in undone[0]
    (entry,) = [e for e in await audit_log(db_url) if e.action == "assignment.receipt.undone"]
    assert entry.detail["previous_by"] == CAIZHENG and entry.detail["previous"] == "2026-11-25T01:30:00+00:00"


async def test_a_correction_revokes_the_proposal_built_on_the_old_facts(tmp_path: Path) -> None:
    result = await run(
        [
            publish("09:00", "一号通知", "财政局", receipt="10:00"),
            publish("09:01", "二号通知", "财政局", receipt="11:00"),
            tick("11:30"),  # two missed receipts: 书面检查 proposed
            office("11:40", "/签收 2 单位：财政局 时间：10:50 原因：电话签收"),
            tick("11:50"),
        ],
        tmp_path,
    )
    (flag,) = result.ledger["flags"]
    assert flag["status"] == "revoked"
    recorded = next(t for t in result.texts_to(OFFICE) if t.startswith("已补记"))
    assert "已自动撤销" in recorded and "书面检查" in recorded


async def test_a_correction_names_confirmed_penalties_that_cite_the_notice(tmp_path: Path) -> None:
    result = await run(
        [
            publish("09:00", "一号通知", "财政局", receipt="10:00"),
            publish("09:01", "二号通知", "财政局", receipt="11:00"),
            tick("11:30"),
            office("11:35", "/处理 确认 1"),
            office("11:40", "/签收 2 单位：财政局 时间：10:50 原因：电话签收"),
        ],
        tmp_path,
    )
    assert result.ledger["flags"][0]["status"] == "confirmed"  # people decide, not the bot
    assert "已确认的处理引用了这份通知" in last_answer(result) and "/处理 撤销 1" in last_answer(result)


async def test_undo_feedback_takes_back_only_the_latest(tmp_path: Path) -> None:
    result = await run(
        [
            notice(feedback="11-27 17:30"),
            say("09:10", FAGAI, "收到"),
            say("09:20", CHENGGUAN, "1号收到"),
            say("11-26 10:00", CHENGGUAN, "1号进展：已完成排查80%"),
            say("11-26 11:00", CHENGGUAN, "1号已全部完成，报告已报送"),
            office("11-26 11:05", "/撤销反馈 1 单位：城关镇 原因：说的是另一项工作"),
            office("11-26 11:06", "/查询 1"),
        ],
        tmp_path,
    )
    feedback = result.unit(1, "城关镇")["feedback"]
    assert [f["kind"] for f in feedback] == ["progress"]
    assert "原办结" in result.texts_to(OFFICE)[-2]
    assert "已全部完成" not in result.texts_to(OFFICE)[-1]


async def test_a_closed_notice_is_reopened(tmp_path: Path) -> None:
    result = await run(
        [
            notice(),
            say("09:10", CHENGGUAN, "收到"),
            say("09:11", CAIZHENG, "收到"),
            office("09:30", "/销号 1"),
            office("09:31", "/恢复 1"),
            office("09:32", "/恢复 1"),
            office("09:33", "/撤回 1 原因：重复"),
            office("09:34", "/恢复 1"),
        ],
        tmp_path,
    )
    reopened, again, _, withdrawn = result.texts_to(OFFICE)[-4:]
    assert "已恢复" in reopened and "办理中" in reopened
    assert "本来就在办理中" in again
    assert "已撤回，不能恢复" in withdrawn
    assert result.notice(1)["status"] == "withdrawn"


async def test_ranges_lists_and_all(tmp_path: Path) -> None:
    events = [publish(f"09:0{i}", f"第{i}项", "城关镇", receipt="17:00") for i in range(1, 6)]
    result = await run(
        [
            *events,
            office("09:10", "/销号 1、3 确认"),
            office("09:11", "/撤回 2-3 原因：合并办理"),  # 3 is closed: skipped, 2 withdrawn
            office("09:12", "/催办 全部"),
            office("09:13", "/销号 4-9"),  # 6–9 do not exist: nothing is done
        ],
        tmp_path,
    )
    statuses = {n["seq"]: n["status"] for n in result.notices()}
    assert statuses == {1: "closed", 2: "withdrawn", 3: "closed", 4: "open", 5: "open"}
    closed, skipped, withdrawn, reminded, missing = result.texts_to(OFFICE)[-5:]
    assert "督办〔2026〕1号" in closed and "督办〔2026〕3号" in closed
    assert "跳过" in skipped and "督办〔2026〕3号" in skipped
    assert "已撤回" in withdrawn and "督办〔2026〕2号" in withdrawn
    assert "督办〔2026〕4号" in reminded and "督办〔2026〕5号" in reminded
    assert "没有找到6号" in missing
