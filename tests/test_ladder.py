"""The ladder of seed 四（三）: 通报批评 → 整改期限 → 媒体曝光 → 整改期限 → 警示约谈, each rung a proposal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scenario import CAIZHENG, OFFICE, Result, office, publish, run, say, setup, tick

REGISTER = "/处理 登记 财政局 通报批评 确认 整改期限：12月10日 原因：本季度多次未按时报送"


def flags(result: Result) -> list[dict[str, Any]]:
    return list(result.ledger["flags"])


def proposals(result: Result) -> list[str]:
    return [t["text"] for t in result.sent if t["kind"] == "flag" and t["to"] == OFFICE]


async def test_lapses_within_the_period_propose_the_next_rung_citing_them(tmp_path: Path) -> None:
    result = await run(
        [
            office("09:00", REGISTER),
            publish("11-26 09:00", "一号通知", "财政局", receipt="10:00"),  # 财政局 misses it
            publish("11-27 09:00", "二号通知", "财政局", receipt="10:00"),
            say("11-27 09:30", CAIZHENG, "2号收到"),  # on time
            tick("12-10 18:00"),
            office("12-11 09:00", "/处理"),
        ],
        tmp_path,
    )
    criticism, exposure = flags(result)
    assert criticism["kind"] == "通报批评" and criticism["rectified"] == "未整改"
    assert criticism["rectify_until"] == "2026-12-10T17:30:00+08:00"
    assert (exposure["kind"], exposure["basis"], exposure["status"]) == ("媒体曝光", "rectify", "proposed")
    assert exposure["notices"] == ["督办〔2026〕1号"] and exposure["follows"] == criticism["id"]
    (text,) = [p for p in proposals(result) if "媒体曝光" in p]
    assert "整改不到位" in text and "#1 通报批评" in text and "督办〔2026〕1号" in text
    assert "督办〔2026〕2号" not in text  # on time: not cited
    listing = result.texts_to(OFFICE)[-1]
    assert "#2 县财政局 媒体曝光" in listing


async def test_no_lapse_within_the_period_is_recorded_as_rectified(tmp_path: Path) -> None:
    result = await run(
        [
            office("09:00", REGISTER),
            publish("11-26 09:00", "一号通知", "财政局", receipt="10:00"),
            say("11-26 09:10", CAIZHENG, "收到"),
            tick("12-10 18:00"),
        ],
        tmp_path,
    )
    (criticism,) = flags(result)
    assert criticism["rectified"] == "整改到位"
    (note,) = [m["text"] for m in result.sent if m["text"].startswith("【整改到位】")]
    assert "#1 县财政局 通报批评" in note


async def test_a_confirmed_exposure_opens_its_own_period_and_then_the_warning_talk(tmp_path: Path) -> None:
    result = await run(
        [
            office("09:00", REGISTER),
            publish("11-26 09:00", "一号通知", "财政局", receipt="10:00"),
            tick("12-10 18:00"),  # 媒体曝光 #2 proposed
            office("12-11 09:00", "/处理 确认 2 整改期限：12月20日"),
            publish("12-14 09:00", "三号通知", "财政局", receipt="10:00"),  # missed again
            tick("12-21 09:00"),
        ],
        tmp_path,
    )
    by_kind = {f["kind"]: f for f in flags(result)}  # (two missed receipts in a row also propose 书面检查)
    exposure, talk = by_kind["媒体曝光"], by_kind["警示约谈"]
    assert exposure["status"] == "confirmed" and exposure["rectify_until"] == "2026-12-20T17:30:00+08:00"
    assert exposure["rectified"] == "未整改"
    assert (talk["kind"], talk["status"], talk["follows"]) == ("警示约谈", "proposed", exposure["id"])
    assert talk["notices"] == ["督办〔2026〕2号"]
    confirmed = next(t for t in result.texts_to(OFFICE) if t.startswith("已确认"))
    assert "整改期限：12月20日" in confirmed


async def test_the_default_period_comes_from_the_configuration(tmp_path: Path) -> None:
    result = await run(
        [office("09:00", "/处理 登记 财政局 通报批评 确认 原因：多次逾期"), tick("12-01 09:00")],
        tmp_path,
        scenario_setup=setup(config={"penalties": {"rectify_days": 5}}),
    )
    (criticism,) = flags(result)
    assert criticism["rectify_until"] == "2026-11-30T09:00:00+08:00"  # 5 days after it was recorded
    assert criticism["rectified"] == "整改到位"


async def test_a_warning_talk_and_a_written_self_criticism_open_no_period(tmp_path: Path) -> None:
    result = await run(
        [
            office("09:00", "/处理 登记 财政局 警示约谈 确认 原因：排名末位"),
            office("09:01", "/处理 登记 财政局 书面检查 确认 整改期限：12月1日 原因：逾期"),
        ],
        tmp_path,
    )
    (talk,) = flags(result)
    assert talk["rectify_until"] is None
    assert "书面检查没有整改期限" in result.texts_to(OFFICE)[-1]


async def test_revoking_a_penalty_revokes_the_escalation_waiting_on_it(tmp_path: Path) -> None:
    result = await run(
        [
            office("09:00", REGISTER),
            publish("11-26 09:00", "一号通知", "财政局", receipt="10:00"),
            tick("12-10 18:00"),
            office("12-11 09:00", "/处理 撤销 1 原因：登记错了单位"),
        ],
        tmp_path,
    )
    criticism, exposure = flags(result)
    assert criticism["status"] == "revoked" and exposure["status"] == "revoked"
    assert "所依据的 #1 通报批评 已撤销" in exposure["decision_reason"]
    assert "涉及它的处理建议已自动撤销" in result.texts_to(OFFICE)[-1]
