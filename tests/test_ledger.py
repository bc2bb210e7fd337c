"""The ledger (台账) on every engine: the exact JSON form, and CSV and XLSX that Excel can read back."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from storage.db import Database
from storage.ledger import FEEDBACK_COLUMNS, LEDGER_COLUMNS, build_ledger, write_ledger
from storage.models import Assignment, FeedbackEntry, Notice, Person, Unit

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 12, 6, 20, 0, tzinfo=TZ)


def wall(year: int, month: int, day: int, hour: int, minute: int, second: int = 0) -> datetime:
    """A naive Shanghai wall-clock time, as an Excel cell holds it."""
    return datetime(year, month, day, hour, minute, second, tzinfo=TZ).replace(tzinfo=None)


def t(text: str) -> datetime:
    """A Shanghai wall-clock time, e.g. t("2026-12-01 09:00")."""
    return datetime.fromisoformat(text).replace(tzinfo=TZ)


async def _populate(database: Database) -> None:
    """Three units, four notices (out of order), receipts on time / at the due / late / never, feedback."""
    async with database.transaction() as session:
        chengguan, hekou, liulin = Unit(name="城关镇", kind="乡镇"), Unit(name="河口镇"), Unit(name="柳林乡")
        session.add_all([chengguan, hekou, liulin])
        await session.flush()
        session.add_all(
            [
                Person(wechat_id="wxid_liming", name="李明", is_office=True),
                Person(wechat_id="wxid_wangwu", name="王五", unit_id=chengguan.id),
                Person(wechat_id="wxid_zhaoliu", name="赵六", unit_id=hekou.id),
            ]
        )

        def notice(
            year: int, seq: int, issued: str, receipt_due: str, feedback_due: str | None, **kw: Any
        ) -> Notice:
            return Notice(
                year=year,
                seq=seq,
                number=f"督办〔{year}〕{seq}号",
                title=f"第{seq}号督办事项",
                body=f"正文{seq}",
                issued_by="wxid_liming",
                issued_at=t(issued),
                receipt_due=t(receipt_due),
                feedback_due=t(feedback_due) if feedback_due else None,
                **kw,
            )

        second = notice(2026, 2, "2026-12-06 09:00", "2026-12-06 11:00", None)
        first = notice(2026, 1, "2026-12-01 09:00", "2026-12-01 11:00", "2026-12-05 18:00")
        old = notice(
            2025,
            7,
            "2025-12-30 09:00",
            "2025-12-30 17:00",
            None,
            status="closed",
            closed_at=t("2025-12-30 12:00"),
        )
        withdrawn = notice(
            2026,
            3,
            "2026-12-06 10:00",
            "2026-12-06 12:00",
            None,
            status="withdrawn",
            closed_at=t("2026-12-06 10:05"),
        )
        session.add_all([second, first, old, withdrawn])
        await session.flush()

        a1 = Assignment(
            notice_id=first.id,
            unit_id=chengguan.id,
            received_at=t("2026-12-01 10:30:15.500000"),
            receipt_by="wxid_wangwu",
            receipt_message_id="m1",
        )
        a2 = Assignment(
            notice_id=first.id,
            unit_id=hekou.id,
            received_at=t("2026-12-01 11:00"),
            receipt_by="wxid_zhaoliu",
            receipt_message_id="m2",
        )
        a3 = Assignment(notice_id=first.id, unit_id=liulin.id)
        a4 = Assignment(notice_id=second.id, unit_id=chengguan.id, receipt_due=t("2026-12-07 11:00"))
        a5 = Assignment(
            notice_id=second.id,
            unit_id=hekou.id,
            received_at=t("2026-12-06 11:00:01"),
            receipt_by="wxid_stranger",
            receipt_message_id="m5",
        )
        a6 = Assignment(
            notice_id=second.id,
            unit_id=liulin.id,
            excused=True,
            excuse_reason="防汛抢险，经批准免责",
            excused_by="wxid_liming",
            excused_at=t("2026-12-06 09:30"),
        )
        a7 = Assignment(notice_id=old.id, unit_id=chengguan.id)
        for assignment, reached in ((a1, first), (a2, first), (a3, first), (a4, second), (a5, second)):
            assignment.reached_at = reached.issued_at  # the notice post went out when it was issued
        a6.reached_at, a7.reached_at = second.issued_at, old.issued_at
        session.add_all([a1, a2, a3, a4, a5, a6, a7])
        await session.flush()
        session.add_all(
            [
                FeedbackEntry(
                    assignment_id=a1.id,
                    kind="done",
                    text="已全部整改到位",
                    at=t("2026-12-05 17:00"),
                    by="wxid_wangwu",
                    message_id="f2",
                ),
                FeedbackEntry(
                    assignment_id=a1.id,
                    kind="progress",
                    text="已完成排查，正在整改",
                    at=t("2026-12-03 10:00"),
                    by="wxid_wangwu",
                    message_id="f1",
                ),
                FeedbackEntry(
                    assignment_id=a2.id,
                    kind="delay",
                    text="因设备未到位申请延期，目前完成60%",
                    at=t("2026-12-06 09:00"),
                    by="wxid_zhaoliu",
                    message_id="f3",
                ),
            ]
        )


def _unit(unit: str, receipt_due: str, reached_at: str, **fields: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "unit": unit,
        "receipt_due": receipt_due,
        "reached_at": reached_at,
        "received_at": None,
        "receipt_by": None,
        "receipt_by_name": None,
        "receipt_status": "missed",
        "receipt_note": None,
        "feedback_due": None,
        "feedback_status": "none",
        "excused": False,
        "excuse_reason": None,
        "feedback": [],
    }
    entry.update(fields)
    return entry


def _notice(year: int, seq: int, issued_at: str, receipt_due: str, **fields: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "number": f"督办〔{year}〕{seq}号",
        "year": year,
        "seq": seq,
        "title": f"第{seq}号督办事项",
        "status": "open",
        "issued_at": issued_at,
        "issued_by": "wxid_liming",
        "issued_by_name": "李明",
        "receipt_due": receipt_due,
        "feedback_due": None,
        "closed_at": None,
        "body": f"正文{seq}",
        "units": [],
        "attachments": [],
    }
    entry.update(fields)
    return entry


FIRST_ISSUED, SECOND_ISSUED = "2026-12-01T09:00:00+08:00", "2026-12-06T09:00:00+08:00"
EXPECTED_2025 = _notice(
    2025,
    7,
    "2025-12-30T09:00:00+08:00",
    "2025-12-30T17:00:00+08:00",
    status="closed",
    closed_at="2025-12-30T12:00:00+08:00",
    # closed before its receipt due: judged at closing time, nothing was due yet, so void (never missed)
    units=[_unit("城关镇", "2025-12-30T17:00:00+08:00", "2025-12-30T09:00:00+08:00", receipt_status="void")],
)
EXPECTED_2026 = [
    _notice(
        2026,
        1,
        "2026-12-01T09:00:00+08:00",
        "2026-12-01T11:00:00+08:00",
        feedback_due="2026-12-05T18:00:00+08:00",
        units=[
            _unit(
                "城关镇",
                "2026-12-01T11:00:00+08:00",
                FIRST_ISSUED,
                received_at="2026-12-01T10:30:15+08:00",
                receipt_by="wxid_wangwu",
                receipt_by_name="王五",
                receipt_status="on_time",
                feedback_due="2026-12-05T18:00:00+08:00",
                feedback_status="on_time",
                feedback=[
                    {
                        "at": "2026-12-03T10:00:00+08:00",
                        "kind": "progress",
                        "by": "wxid_wangwu",
                        "by_name": "王五",
                        "text": "已完成排查，正在整改",
                        "note": None,
                    },
                    {
                        "at": "2026-12-05T17:00:00+08:00",
                        "kind": "done",
                        "by": "wxid_wangwu",
                        "by_name": "王五",
                        "text": "已全部整改到位",
                        "note": None,
                    },
                ],
            ),
            _unit(
                "河口镇",
                "2026-12-01T11:00:00+08:00",
                FIRST_ISSUED,
                received_at="2026-12-01T11:00:00+08:00",
                receipt_by="wxid_zhaoliu",
                receipt_by_name="赵六",
                receipt_status="on_time",
                feedback_due="2026-12-05T18:00:00+08:00",
                feedback_status="late",
                feedback=[
                    {
                        "at": "2026-12-06T09:00:00+08:00",
                        "kind": "delay",
                        "by": "wxid_zhaoliu",
                        "by_name": "赵六",
                        "text": "因设备未到位申请延期，目前完成60%",
                        "note": None,
                    }
                ],
            ),
            _unit(
                "柳林乡",
                "2026-12-01T11:00:00+08:00",
                FIRST_ISSUED,
                feedback_due="2026-12-05T18:00:00+08:00",
                feedback_status="missed",
            ),
        ],
    ),
    _notice(
        2026,
        2,
        "2026-12-06T09:00:00+08:00",
        "2026-12-06T11:00:00+08:00",
        units=[
            _unit(
                "城关镇", "2026-12-07T11:00:00+08:00", SECOND_ISSUED, receipt_status="pending"
            ),  # own extension
            _unit(
                "河口镇",
                "2026-12-06T11:00:00+08:00",
                SECOND_ISSUED,
                received_at="2026-12-06T11:00:01+08:00",
                receipt_by="wxid_stranger",
                receipt_status="late",
            ),
            _unit(
                "柳林乡",
                "2026-12-06T11:00:00+08:00",
                SECOND_ISSUED,
                receipt_status="excused",
                feedback_status="excused",
                excused=True,
                excuse_reason="防汛抢险，经批准免责",
            ),
        ],
    ),
    _notice(
        2026,
        3,
        "2026-12-06T10:00:00+08:00",
        "2026-12-06T12:00:00+08:00",
        status="withdrawn",
        closed_at="2026-12-06T10:05:00+08:00",
    ),
]


async def test_build_ledger_gives_the_exact_json_form(database: Database) -> None:
    await _populate(database)
    async with database.reader() as session:
        ledger = await build_ledger(session, now=NOW, tz=TZ)
    assert ledger == {
        "generated_at": "2026-12-06T20:00:00+08:00",
        "timezone": "Asia/Shanghai",
        "notices": [EXPECTED_2025, *EXPECTED_2026],
        "flags": [],
    }
    async with database.reader() as session:
        assert (await build_ledger(session, now=NOW, tz=TZ, year=2026))["notices"] == EXPECTED_2026
        assert (await build_ledger(session, now=NOW, tz=TZ, year=2025))["notices"] == [EXPECTED_2025]
        assert (await build_ledger(session, now=NOW, tz=TZ, year=2024))["notices"] == []


async def test_ledger_times_follow_the_requested_timezone(sqlite_database: Database) -> None:
    await _populate(sqlite_database)
    async with sqlite_database.reader() as session:
        ledger = await build_ledger(session, now=NOW, tz=ZoneInfo("UTC"), year=2025)
    assert ledger["generated_at"] == "2026-12-06T12:00:00+00:00"
    assert ledger["notices"][0]["issued_at"] == "2025-12-30T01:00:00+00:00"


async def test_statuses_move_with_now(sqlite_database: Database) -> None:
    await _populate(sqlite_database)
    async with sqlite_database.reader() as session:
        later = await build_ledger(session, now=NOW + timedelta(days=1), tz=TZ, year=2026)
        earlier = await build_ledger(session, now=t("2026-12-01 10:00"), tz=TZ, year=2026)
    assert later["notices"][1]["units"][0]["receipt_status"] == "missed"  # the extension has passed too
    liulin = earlier["notices"][0]["units"][2]
    assert (liulin["receipt_status"], liulin["feedback_status"]) == ("pending", "pending")


async def _ledger(database: Database) -> dict[str, Any]:
    await _populate(database)
    async with database.reader() as session:
        return await build_ledger(session, now=NOW, tz=TZ)


async def test_json_export_to_stdout_and_to_a_file(sqlite_database: Database, tmp_path: Path) -> None:
    ledger = await _ledger(sqlite_database)
    data = write_ledger(ledger, "json", None)
    assert data is not None
    assert json.loads(data) == ledger
    assert "城关镇" in data.decode()  # not \u-escaped
    out = tmp_path / "exports" / "ledger.json"
    assert write_ledger(ledger, "json", out) is None
    assert out.read_bytes() == data


async def test_csv_export_has_chinese_headers_and_statuses_with_a_bom(database: Database) -> None:
    ledger = await _ledger(database)
    data = write_ledger(ledger, "csv", None)
    assert data is not None
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(rows[0]) == LEDGER_COLUMNS
    assert len(rows) == 1 + 1 + 3 + 3 + 1  # header, 2025-7, 2026-1 × 3, 2026-2 × 3, 2026-3 without units
    table = [dict(zip(LEDGER_COLUMNS, row, strict=True)) for row in rows[1:]]
    assert table[0]["状态"] == "已销号"
    assert table[0]["签收情况"] == "无需签收"  # closed before its deadline: nothing was owed
    first = table[1]
    assert first == {
        "编号": "督办〔2026〕1号",
        "标题": "第1号督办事项",
        "状态": "办理中",
        "下发人": "李明",
        "下发时间": "2026-12-01 09:00:00",
        "承办单位": "城关镇",
        "签收时限": "2026-12-01 11:00:00",
        "签收时间": "2026-12-01 10:30:15",
        "签收人": "王五",
        "签收情况": "按时签收",
        "签收更正": "",
        "反馈时限": "2026-12-05 18:00:00",
        "反馈情况": "按时反馈",
        "反馈次数": "2",
        "最新反馈时间": "2026-12-05 17:00:00",
        "最新反馈类型": "办结",
        "最新反馈": "已全部整改到位",
        "免责原因": "",
    }
    assert [row["签收情况"] for row in table[1:7]] == [
        "按时签收",
        "按时签收",
        "逾期未签收",
        "待签收",
        "逾期签收",
        "免责",
    ]
    assert [row["反馈情况"] for row in table[1:7]] == [
        "按时反馈",
        "逾期反馈",
        "逾期未反馈",
        "无需反馈",
        "无需反馈",
        "免责",
    ]
    assert table[2]["最新反馈类型"] == "延期说明"
    assert table[5]["签收人"] == "wxid_stranger"  # not a known person: the id
    assert table[6]["免责原因"] == "防汛抢险，经批准免责"
    assert table[7]["状态"] == "已撤回"
    assert table[7]["承办单位"] == ""


async def test_xlsx_export_is_a_real_workbook(database: Database, tmp_path: Path) -> None:
    ledger = await _ledger(database)
    out = tmp_path / "台账.xlsx"
    assert write_ledger(ledger, "xlsx", out, office="某某县人民政府督查室") is None
    workbook = load_workbook(out)
    assert workbook.sheetnames == ["台账", "反馈明细", "延期与免责", "处理记录", "附件", "已撤回"]
    sheet = workbook["台账"]
    assert sheet["A1"].value == "某某县人民政府督查室2025—2026年督办事项台账·台账"
    assert tuple(cell.value for cell in sheet[3]) == LEDGER_COLUMNS  # title, export time, then the header
    assert all(cell.font.bold for cell in sheet[3])
    assert sheet.freeze_panes == "A4"
    assert sheet.max_row == 3 + 7  # the withdrawn notice is on its own sheet
    withdrawn = workbook["已撤回"]
    assert [row[2].value for row in withdrawn.iter_rows(min_row=4)] == ["已撤回"]
    assert withdrawn.cell(4, 1).fill.fgColor.rgb.endswith("D9D9D9")  # greyed
    row = {title: cell.value for title, cell in zip(LEDGER_COLUMNS, sheet[5], strict=True)}
    assert row["编号"] == "督办〔2026〕1号"
    assert row["签收时间"] == wall(2026, 12, 1, 10, 30, 15)
    assert row["签收情况"] == "按时签收"
    assert row["反馈次数"] == 2
    assert sheet.column_dimensions["A"].width >= 14  # wide enough for 督办〔2026〕1号
    assert (
        sheet.auto_filter.ref == f"A3:{sheet.cell(row=3, column=len(LEDGER_COLUMNS)).column_letter}10"
    )  # header and rows
    assert sheet.cell(row=4, column=LEDGER_COLUMNS.index("签收时间") + 1).number_format == "yyyy-mm-dd hh:mm"
    details = workbook["反馈明细"]
    assert tuple(cell.value for cell in details[3]) == FEEDBACK_COLUMNS
    assert [[cell.value for cell in row] for row in details.iter_rows(min_row=4)] == [
        [
            "督办〔2026〕1号",
            "第1号督办事项",
            "城关镇",
            wall(2026, 12, 3, 10, 0),
            "进展",
            "王五",
            "已完成排查，正在整改",
            None,
        ],
        [
            "督办〔2026〕1号",
            "第1号督办事项",
            "城关镇",
            wall(2026, 12, 5, 17, 0),
            "办结",
            "王五",
            "已全部整改到位",
            None,
        ],
        [
            "督办〔2026〕1号",
            "第1号督办事项",
            "河口镇",
            wall(2026, 12, 6, 9, 0),
            "延期说明",
            "赵六",
            "因设备未到位申请延期，目前完成60%",
            None,
        ],
    ]
    data = write_ledger(ledger, "xlsx", None)
    assert data is not None
    assert load_workbook(io.BytesIO(data)).sheetnames == [
        "台账",
        "反馈明细",
        "延期与免责",
        "处理记录",
        "附件",
        "已撤回",
    ]


async def test_empty_ledger_exports(sqlite_database: Database, tmp_path: Path) -> None:
    async with sqlite_database.reader() as session:
        ledger = await build_ledger(session, now=NOW, tz=TZ)
    assert ledger == {
        "generated_at": "2026-12-06T20:00:00+08:00",
        "timezone": "Asia/Shanghai",
        "notices": [],
        "flags": [],
    }
    csv_data = write_ledger(ledger, "csv", None)
    assert csv_data is not None
    assert csv_data.decode("utf-8-sig").splitlines() == [",".join(LEDGER_COLUMNS)]
    write_ledger(ledger, "xlsx", tmp_path / "empty.xlsx")
    assert load_workbook(tmp_path / "empty.xlsx")["台账"].max_row == 3  # title, export time, header


def test_unknown_format_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown ledger format"):
        write_ledger({"notices": []}, "pdf", None)  # type: ignore[arg-type]


HOSTILE_TITLE = '=HYPERLINK("http://x","点我查看")'
HOSTILE_REPLY = '=HYPERLINK("http://x","点我查看") 已完成'


def _hostile_ledger() -> dict[str, Any]:
    """Texts from people that a spreadsheet would run, or that xlsx cannot hold."""
    reply = {"at": "2026-12-03T10:00:00+08:00", "kind": "done", "by": "x", "by_name": "@王五", "note": None}
    units = [
        _unit(
            "城关镇",
            "2026-12-01T11:00:00+08:00",
            FIRST_ISSUED,
            excuse_reason="+1 防汛",
            feedback=[{**reply, "text": HOSTILE_REPLY}, {**reply, "text": "进度\x01过半\x00"}],
        ),
        _unit(
            "河口镇", "2026-12-01T11:00:00+08:00", FIRST_ISSUED, feedback=[{**reply, "text": "长" * 40_000}]
        ),
    ]
    notice = _notice(2026, 1, FIRST_ISSUED, "2026-12-01T11:00:00+08:00", title=HOSTILE_TITLE, units=units)
    return {
        "generated_at": "2026-12-06T20:00:00+08:00",
        "timezone": "Asia/Shanghai",
        "notices": [notice],
        "flags": [],
    }


def test_xlsx_writes_every_text_as_text_and_says_what_it_shortened() -> None:
    shortened: list[str] = []
    data = write_ledger(_hostile_ledger(), "xlsx", None, shortened=shortened)
    assert data is not None
    workbook = load_workbook(io.BytesIO(data))
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]  # no formula anywhere
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert HOSTILE_TITLE in texts and HOSTILE_REPLY in texts and "+1 防汛" in texts and "@王五" in texts
    assert "进度过半" in texts  # the control characters xlsx cannot hold are dropped, the text kept
    long_texts = [t for t in texts if t.startswith("长长长")]  # the latest reply and the reply itself
    assert [len(t) for t in long_texts] == [32_767, 32_767]
    assert all(t.endswith("全文见 JSON 导出）") for t in long_texts)
    assert shortened == ["“台账”第 5 行「最新反馈」", "“反馈明细”第 6 行「内容」"]


def test_csv_neutralises_cells_a_spreadsheet_would_run() -> None:
    data = write_ledger(_hostile_ledger(), "csv", None)
    assert data is not None
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    first = dict(zip(LEDGER_COLUMNS, rows[1], strict=True))
    assert first["标题"] == "'" + HOSTILE_TITLE
    assert first["免责原因"] == "'+1 防汛"
    assert not [cell for row in rows[1:] for cell in row if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


async def test_a_ledger_larger_than_one_statement_holds_parameters(database: Database) -> None:
    """Five years of a county (1,000 notices × 40 units): more assignments than PostgreSQL takes ids in one IN."""
    from sqlalchemy import insert

    issued = datetime(2021, 1, 4, 1, 0, tzinfo=ZoneInfo("UTC"))
    async with database.transaction() as session:
        await session.execute(
            insert(Unit), [{"name": f"单位{u}", "kind": "", "active": True} for u in range(40)]
        )
        notices = [
            {
                "year": 2021 + seq // 200,
                "seq": seq % 200 + 1,
                "number": f"督办〔{2021 + seq // 200}〕{seq % 200 + 1}号",
                "title": "t",
                "body": "",
                "issued_by": "x",
                "issued_at": issued + timedelta(hours=seq),
                "receipt_due": issued + timedelta(hours=seq + 2),
                "status": "closed",
                "closed_at": issued + timedelta(hours=seq + 3),
            }
            for seq in range(1000)
        ]
        ids = (
            await session.scalars(insert(Notice).returning(Notice.id, sort_by_parameter_order=True), notices)
        ).all()
        work = [
            {"notice_id": notice_id, "unit_id": unit, "excused": False, "reached_at": issued}
            for notice_id in ids
            for unit in range(1, 41)
        ]
        await session.execute(insert(Assignment), work)
        first = await session.scalar(select(Assignment.id).order_by(Assignment.id).limit(1))
        session.add(
            FeedbackEntry(assignment_id=first, kind="done", text="已完成", at=issued, by="x", message_id="m")
        )
    async with database.reader() as session:
        ledger = await build_ledger(session, now=issued + timedelta(days=2000), tz=ZoneInfo("Asia/Shanghai"))
    assert sum(len(n["units"]) for n in ledger["notices"]) == 40_000
    assert ledger["notices"][0]["units"][0]["feedback"][0]["text"] == "已完成"
