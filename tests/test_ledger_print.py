"""The 台账 prints: title row, landscape A4 one page wide, the header on every page, borders, wrapped text.

Read back with openpyxl, then converted to PDF with LibreOffice (`soffice --headless --convert-to pdf`) and
read with poppler's pdfinfo / pdftotext. Skipped where LibreOffice is absent, failing instead when
DUBAN_REQUIRE_LIBREOFFICE=1 (as in .ci/run, which installs libreoffice-calc and poppler-utils).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from test_ledger import _notice, _unit

from bot.app import assessment_rules
from bot.config import Config
from handlers.rules.assessment import year_period
from handlers.rules.report import ledger_assessment
from storage.ledger import DELAY_COLUMNS, FLAG_COLUMNS, LEDGER_COLUMNS, UNIT_COLUMNS, write_ledger
from storage.printable import HEADER_ROW

OFFICE = "某某县人民政府督查室"
TZ = ZoneInfo("Asia/Shanghai")
TOWNS = ["城关镇", "河口镇", "东风乡", "县财政局", "县住房和城乡建设局", "县产业集聚区管理委员会"]
LONG_REPLY = "已召开专题会议研究部署，成立工作专班，逐项对照任务清单推进整改，目前已完成排查摸底和问题建档，正在组织复核。"


def _ledger(notices: int) -> dict[str, Any]:
    """`notices` notices to six units each: receipts on time, late or missed, feedback, a delay, an excuse,
    a unit with its own deadline, one withdrawn notice and flags of every state."""
    entries = []
    for seq in range(1, notices + 1):
        day = f"2026-{10 + seq % 3:02d}-{1 + seq % 27:02d}"
        issued, due = f"{day}T09:00:00+08:00", f"{day}T11:00:00+08:00"
        feedback_due = f"{day}T18:00:00+08:00"
        units = []
        for index, town in enumerate(TOWNS):
            status = ("on_time", "late", "missed", "on_time", "on_time", "on_time")[(seq + index) % 6]
            received = {"on_time": f"{day}T10:00:00+08:00", "late": f"{day}T12:30:00+08:00"}.get(status)
            feedback = [
                {
                    "at": f"{day}T16:00:00+08:00",
                    "kind": "progress",
                    "by": "w",
                    "by_name": "王五",
                    "text": LONG_REPLY,
                    "note": None,
                }
            ]
            if index == 2:
                feedback.append(
                    {
                        "at": f"{day}T17:00:00+08:00",
                        "kind": "delay",
                        "by": "w",
                        "by_name": "赵六",
                        "text": "设备未到位，申请延期一周",
                        "note": None,
                    }
                )
            units.append(
                _unit(
                    town,
                    f"{day}T15:00:00+08:00" if index == 4 else due,
                    issued,
                    received_at=received,
                    receipt_by_name="王五" if received else None,
                    receipt_status=status,
                    feedback_due=feedback_due,
                    feedback_status="on_time",
                    feedback=feedback,
                    excused=index == 5,
                    excuse_reason="防汛抢险，经批准免责" if index == 5 else None,
                )
            )
        entries.append(
            _notice(
                2026,
                seq,
                issued,
                due,
                title=f"关于做好第{seq}批重点项目建设督查整改工作的通知",
                feedback_due=feedback_due,
                status="withdrawn" if seq == 2 else "open",
                units=units,
            )
        )
    flag = {
        "id": 1,
        "unit": "东风乡",
        "kind": "书面检查",
        "basis": "receipt",
        "notices": ["督办〔2026〕1号", "督办〔2026〕3号"],
        "at": "2026-10-05T11:00:01+08:00",
        "status": "confirmed",
        "reason": "",
        "decided_by": "李明",
        "decided_at": "2026-10-05T15:00:00+08:00",
        "decision_reason": "",
        "rectify_until": None,
        "rectified": None,
        "follows": None,
    }
    flags = [
        flag,
        {**flag, "id": 2, "kind": "通报批评", "basis": "count", "status": "proposed", "decided_by": None},
        {**flag, "id": 3, "status": "revoked", "decision_reason": "系统故障，非单位原因"},
        {**flag, "id": 4, "kind": "警示约谈", "basis": "manual", "reason": "重点工作在全市排名末位"},
    ]
    ledger = {
        "generated_at": "2026-12-06T20:00:00+08:00",
        "timezone": "Asia/Shanghai",
        "notices": entries,
        "flags": flags,
    }
    ledger["assessment"] = ledger_assessment(ledger, assessment_rules(Config()), year_period(2026, TZ))
    return ledger


SHEETS = ["台账", "反馈明细", "延期与免责", "处理记录", "附件", "单位统计", "已撤回"]


def test_every_sheet_is_set_up_to_print(tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    write_ledger(_ledger(4), "xlsx", out, office=OFFICE)
    workbook = load_workbook(out)
    assert workbook.sheetnames == SHEETS
    for sheet in workbook:
        assert sheet["A1"].value == f"{OFFICE}2026年督办事项台账·{sheet.title}"
        assert sheet["A1"].font.bold and sheet["A1"].font.size == 16
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.paperSize == 9  # A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)  # one page wide
        assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"  # the header on every page
        assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"
        header = sheet[HEADER_ROW]
        assert all(c.font.bold and c.border.bottom.style == "thin" for c in header)
        for row in sheet.iter_rows(min_row=HEADER_ROW + 1):
            assert all(c.border.left.style == "thin" and c.alignment.wrap_text for c in row)
        widths = [sheet.column_dimensions[c.column_letter].width for c in header]
        assert all(8 <= w <= 42 for w in widths), widths
    ledger_sheet = workbook["台账"]
    assert tuple(c.value for c in ledger_sheet[HEADER_ROW]) == LEDGER_COLUMNS
    assert ledger_sheet.cell(HEADER_ROW + 1, 7).number_format == "yyyy-mm-dd hh:mm"
    assert {row[2] for row in ledger_sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)} == {"办理中"}
    withdrawn = workbook["已撤回"]
    assert [row[0] for row in withdrawn.iter_rows(min_row=HEADER_ROW + 1, values_only=True)] == [
        "督办〔2026〕2号"
    ] * 6
    assert all(c.font.color.rgb.endswith("808080") for c in withdrawn[HEADER_ROW + 1])
    delays = [
        dict(zip(DELAY_COLUMNS, row, strict=True))
        for row in workbook["延期与免责"].iter_rows(min_row=HEADER_ROW + 1, values_only=True)
    ]
    assert {d["事项"] for d in delays} == {"延长签收时限", "延期说明", "免责"}
    assert {d["承办单位"] for d in delays if d["事项"] == "免责"} == {"县产业集聚区管理委员会"}
    flags = [
        dict(zip(FLAG_COLUMNS, row, strict=True))
        for row in workbook["处理记录"].iter_rows(min_row=HEADER_ROW + 1, values_only=True)
    ]
    assert [(f["种类"], f["状态"]) for f in flags] == [
        ("书面检查", "已确认"),
        ("通报批评", "待确认"),
        ("书面检查", "已撤销"),
        ("警示约谈", "已确认"),
    ]
    stats = [
        dict(zip(UNIT_COLUMNS, row, strict=True))
        for row in workbook["单位统计"].iter_rows(min_row=HEADER_ROW + 1, values_only=True)
    ]
    dongfeng = next(s for s in stats if s["单位"] == "东风乡")
    assert dongfeng["已确认处理"] == "书面检查、警示约谈" and dongfeng["一票否决"] == "是（警示约谈）"
    assert workbook["单位统计"].cell(HEADER_ROW + 1, 9).number_format == "0%"


def _tools() -> tuple[str, str, str] | None:
    found = (shutil.which("soffice"), shutil.which("pdfinfo"), shutil.which("pdftotext"))
    if all(found):
        return found  # type: ignore[return-value]
    if os.environ.get("DUBAN_REQUIRE_LIBREOFFICE") == "1":
        pytest.fail("LibreOffice (soffice) and poppler-utils (pdfinfo, pdftotext) are required here")
    pytest.skip("LibreOffice or poppler-utils is not installed")
    return None


def _pdf(tmp_path: Path, ledger: dict[str, Any]) -> Path:
    soffice = shutil.which("soffice") or "soffice"
    source = tmp_path / "ledger.xlsx"
    write_ledger(ledger, "xlsx", source, office=OFFICE)
    profile = tmp_path / "lo-profile"  # a fresh LibreOffice profile: no clash with another running instance
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return tmp_path / "ledger.pdf"


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.split("\f")[:-1]


def test_libreoffice_prints_each_sheet_landscape_a4_one_page_wide(tmp_path: Path) -> None:
    _tools()
    pdf = _pdf(tmp_path, _ledger(4))
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert "Page size:       841.89 x 595.3" in info  # A4, landscape
    pages = _pages(pdf)
    titled = [name for page in pages for name in SHEETS if f"{OFFICE}2026年督办事项台账·{name}\n" in page]
    assert titled == SHEETS  # every sheet, in order, its title once (a sheet may take more pages down)
    for number, page in enumerate(pages, start=1):
        assert f"第 {number} 页，共 {len(pages)} 页" in page
        assert "编号" in page or "排名" in page  # a header row on every page
    assert "免责原因" in pages[0] and "督办〔2026〕1号" in pages[0]  # the last column is on the first page
    stats = next(p for p in pages if "台账·单位统计" in p)
    assert "一票否决" in stats and "东风乡" in stats and "是（警示约谈）" in stats


def test_a_long_ledger_repeats_its_header_on_every_page(tmp_path: Path) -> None:
    _tools()
    pages = _pages(_pdf(tmp_path, _ledger(40)))
    ledger_pages = [p for p in pages if "督办〔2026〕" in p and "签收时限" in p and "最新反馈" in p]
    assert len(ledger_pages) >= 3
    continued = ledger_pages[1:]
    assert all("编号" in p and "承办单位" in p for p in continued)  # the column header again
    assert all(f"{OFFICE}2026年督办事项台账·台账" not in p for p in continued)  # the title only once
