"""The 通报 and the assessment through the real entry points: the replay's duties (警示约谈 for the unit last
twice in a row), `duban report` and `duban export --format xlsx` on the database the replay left behind."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from scenario import CHENGGUAN, OFFICE, Result, office, publish, run, say, setup, tick
from test_cli import duban

from storage.ledger import UNIT_COLUMNS

OFFICE_NAME = "某某县人民政府督查室"


def _quarter_events() -> list[dict[str, Any]]:
    """县财政局 misses a receipt in the third quarter and another in the fourth; 城关镇 is always on time."""
    events: list[dict[str, Any]] = []
    for seq, day in ((1, "09-01"), (2, "10-13")):
        events += [
            publish(f"{day} 09:00", f"第{seq}季度抽查", "城关镇、财政局", receipt=f"{day} 10:00"),
            say(f"{day} 09:10", CHENGGUAN, "收到"),
            tick(f"{day} 12:00"),
            office(f"{day} 15:00", f"/销号 {seq}"),
        ]
    return events


async def _played(tmp_path: Path, url: str, *, until: str) -> tuple[Result, str]:
    events = [*_quarter_events(), {"at": until}]
    return await run(events, tmp_path, scenario_setup=setup(start="09-01 08:50"), db_url=url), url


def _talks(result: Result) -> list[dict[str, Any]]:
    return [f for f in result.ledger["flags"] if f["kind"] == "警示约谈"]


async def test_a_unit_last_two_quarters_in_a_row_is_proposed_for_a_warning_talk(
    tmp_path: Path, database_url: str
) -> None:
    result, _ = await _played(tmp_path, database_url, until="2027-01-04T10:00:00+08:00")
    (talk,) = _talks(result)
    assert (talk["unit"], talk["basis"], talk["status"], talk["notices"]) == (
        "县财政局",
        "rank",
        "proposed",
        [],
    )
    (told,) = [
        m for m in result.sent if m["to"] == OFFICE and "警示约谈" in m["text"] and "【处理建议" in m["text"]
    ]
    assert "连续两次在全县督办考核中排名末位" in told["text"]
    assert "2026年第三季度：第2名（共2个单位，末位），99分，逾期未签收1次−1" in told["text"]
    assert "2026年第四季度：第2名（共2个单位，末位），99分，逾期未签收1次−1" in told["text"]
    assert f"/处理 确认 {talk['id']}" in told["text"]  # a proposal: the office decides


async def test_one_last_place_is_not_enough(tmp_path: Path, database_url: str) -> None:
    result, _ = await _played(tmp_path, database_url, until="2026-12-31T20:00:00+08:00")
    assert _talks(result) == []  # the fourth quarter has not ended: only one last place so far


async def test_the_warning_talk_is_proposed_once(tmp_path: Path, database_url: str) -> None:
    later, _ = await _played(tmp_path, database_url, until="2027-03-01T10:00:00+08:00")
    assert len(_talks(later)) == 1  # two months of duties after the quarter's end: still one proposal


async def test_duban_report_writes_the_bulletin_as_text_and_xlsx(tmp_path: Path, database_url: str) -> None:
    _, url = await _played(tmp_path, database_url, until="2026-12-31T20:00:00+08:00")
    env = {"DUBAN_DATABASE_URL": url, "DUBAN_GENERAL_OFFICE_NAME": OFFICE_NAME}
    done = duban("report", "--quarter", "2026Q4", "--out", "通报", cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "通报" / "督办通报-2026Q4.txt").read_text(encoding="utf-8")
    assert text.strip() == done.stdout.strip()
    assert text.startswith(f"【{OFFICE_NAME}督办工作通报】2026年第四季度\n")
    assert "· 第1名 城关镇：1/1（100%）｜—｜100分" in text
    assert "· 第2名 县财政局：0/1（0%）｜—｜99分（逾期未签收1次−1）" in text
    assert "· 县财政局：逾期未签收1次" in text
    assert "无一票否决情形" in text
    workbook = load_workbook(tmp_path / "通报" / "督办通报-2026Q4.xlsx")
    sheet = workbook["通报"]
    assert sheet["A1"].value == f"{OFFICE_NAME}2026年第四季度督办工作通报"
    assert tuple(c.value for c in sheet[3]) == UNIT_COLUMNS
    rows = [dict(zip(UNIT_COLUMNS, row, strict=True)) for row in sheet.iter_rows(min_row=4, values_only=True)]
    assert [(r["排名"], r["单位"], r["得分"], r["逾期未签收"], r["按时签收率"]) for r in rows] == [
        (1, "城关镇", 100, 0, 1),
        (2, "县财政局", 99, 1, 0),
    ]

    year = duban("report", "--year", "2026", "--out", "通报", cwd=tmp_path, env=env)
    assert year.returncode == 0, year.stderr
    assert "· 第2名 县财政局：0/2（0%）｜—｜98分（逾期未签收2次−2）" in year.stdout
    assert (tmp_path / "通报" / "督办通报-2026.xlsx").exists()


async def test_a_confirmed_penalty_costs_points_and_vetoes(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'kept.db'}"
    events = [
        *_quarter_events(),
        office("12-01 09:00", "/处理 登记 财政局 通报批评 原因：年底重点工作推进不力"),
        office("12-01 09:01", "/处理 登记 财政局 通报批评 原因：年底重点工作推进不力 确认"),
        tick("12-01 10:00"),
    ]
    await run(events, tmp_path, scenario_setup=setup(start="09-01 08:50"), db_url=url)
    env = {"DUBAN_DATABASE_URL": url}
    done = duban("report", "--quarter", "2026年第四季度", cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    assert "县财政局：0/1（0%）｜—｜96分（逾期未签收1次−1、通报批评1次−3），一票否决" in done.stdout
    assert "· 县财政局（通报批评），本年度不得作为表彰对象。" in done.stdout
    handled = load_workbook(tmp_path / "督办通报-2026Q4.xlsx")["处理情况"]
    assert [row[1:3] + row[6:7] for row in handled.iter_rows(min_row=4, values_only=True)] == [
        ("县财政局", "书面检查", "待确认"),  # two missed receipts in a row: proposed, not yet decided
        ("县财政局", "通报批评", "已确认"),
    ]
    assert "另有 1 条处理建议待督查室确认" in done.stdout
    assert (tmp_path / "督办通报-2026Q4.txt").exists()  # --out defaults to the current directory


def test_report_refuses_a_period_it_cannot_read(tmp_path: Path) -> None:
    bad = duban("report", "--quarter", "2026Q5", cwd=tmp_path)
    assert bad.returncode == 2
    assert "2026Q1" in bad.stderr and "季度" in bad.stderr
    neither = duban("report", cwd=tmp_path)
    assert neither.returncode == 2 and "--quarter" in neither.stderr
    assert not list(tmp_path.glob("督办通报-*"))


async def test_the_exported_ledger_carries_the_years_unit_statistics(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'kept.db'}"
    _, url = await _played(tmp_path, url, until="2026-12-31T20:00:00+08:00")
    env = {"DUBAN_DATABASE_URL": url}
    as_json = duban("export", "--year", "2026", cwd=tmp_path, env=env)
    assessment = json.loads(as_json.stdout)["assessment"]
    assert assessment["period"] == "2026"
    assert [(u["unit"], u["rank"], u["score"], u["receipts_missed"]) for u in assessment["units"]] == [
        ("城关镇", 1, 100.0, 0),
        ("县财政局", 2, 98.0, 2),
    ]
    done = duban("export", "--format", "xlsx", "--out", "台账.xlsx", cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    sheet = load_workbook(tmp_path / "台账.xlsx")["单位统计"]
    assert tuple(c.value for c in sheet[3]) == UNIT_COLUMNS
    assert [row[:3] for row in sheet.iter_rows(min_row=4, values_only=True)] == [
        (1, "城关镇", 100),
        (2, "县财政局", 98),
    ]
    assert "2026年度考核：基础分100分" in str(sheet["A2"].value)


async def test_the_office_decides_the_warning_talk_and_then_it_counts(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'kept.db'}"
    confirm = {
        "at": "2027-01-04T10:05:00+08:00",
        "from": OFFICE,
        "room": None,
        "text": "/处理 确认 2",
        "id": "c1",
    }
    events = [
        *_quarter_events(),
        {"at": "2027-01-04T10:00:00+08:00"},
        confirm,
        {"at": "2027-01-04T10:10:00+08:00"},
    ]
    result = await run(events, tmp_path, scenario_setup=setup(start="09-01 08:50"), db_url=url)
    (talk,) = _talks(result)
    assert (talk["id"], talk["status"], talk["decided_by"]) == (2, "confirmed", OFFICE)
    done = duban("report", "--quarter", "2027Q1", cwd=tmp_path, env={"DUBAN_DATABASE_URL": url})
    assert done.returncode == 0, done.stderr
    assert (
        "县财政局：—｜—｜92分（警示约谈1次−8），一票否决" in done.stdout
    )  # proposed and confirmed in 2027Q1
