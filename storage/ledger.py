"""The ledger (台账): every notice × unit with its times and outcomes, as JSON, CSV or an Excel workbook.

`build_ledger` reads the database into the JSON form shared by `duban export` and `duban replay`;
`write_ledger` renders that form. CSV and XLSX carry one row per notice × unit with Chinese headers
(`LEDGER_COLUMNS`) and Chinese status words; the workbook adds a sheet with every feedback entry
(`FEEDBACK_COLUMNS`). Times in CSV/XLSX are local wall-clock times of the ledger's timezone.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Final, Literal
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import flags, notices
from storage.models import Notice, Person
from storage.notices import AssignmentView
from storage.status import FEEDBACK_KIND_LABELS, NOTICE_STATUS_LABELS, label

LedgerFormat = Literal["json", "csv", "xlsx"]

LEDGER_COLUMNS: Final = (
    "编号",
    "标题",
    "状态",
    "下发人",
    "下发时间",
    "承办单位",
    "签收时限",
    "签收时间",
    "签收人",
    "签收情况",
    "签收更正",
    "反馈时限",
    "反馈情况",
    "反馈次数",
    "最新反馈时间",
    "最新反馈类型",
    "最新反馈",
    "免责原因",
)
FEEDBACK_COLUMNS: Final = ("编号", "标题", "承办单位", "反馈时间", "类型", "反馈人", "内容", "备注")
FLAG_COLUMNS: Final = (
    "处理编号",
    "单位",
    "种类",
    "依据",
    "涉及通知",
    "提出时间",
    "状态",
    "决定人",
    "决定时间",
    "理由",
    "整改期限",
    "整改结果",
)
_FLAG_STATUS: Final = {"proposed": "待确认", "confirmed": "已确认", "revoked": "已撤销"}
_BASIS: Final = {
    "receipt": "连续两次未按时签收",
    "feedback": "连续两次未按时反馈",
    "count": "季度累计未按时",
    "manual": "督查室登记",
    "rectify": "整改不到位",
}
_TIME_COLUMNS: Final = frozenset(
    {
        "下发时间",
        "签收时限",
        "签收时间",
        "反馈时限",
        "最新反馈时间",
        "反馈时间",
        "提出时间",
        "决定时间",
        "整改期限",
    }
)
_CSV_TIME_FORMAT: Final = "%Y-%m-%d %H:%M:%S"
_XLSX_TIME_FORMAT: Final = "yyyy-mm-dd hh:mm:ss"
_WRAP_COLUMNS: Final = frozenset({"标题", "最新反馈", "内容", "免责原因", "签收更正", "备注", "理由"})


def _iso(value: datetime | None, tz: ZoneInfo) -> str | None:
    return None if value is None else value.astimezone(tz).replace(microsecond=0).isoformat()


async def build_ledger(
    session: AsyncSession, *, now: datetime, tz: ZoneInfo, year: int | None = None
) -> dict[str, Any]:
    """The ledger JSON form; notices by year and seq, units in assignment order, times with tz's offset.

    Statuses are the rule book's (`storage.status.standing`) at ``now``: a closed notice is judged as
    of its closing time, a withdrawn one counts nowhere, a unit the notice never reached is 未送达.
    """
    notice_query = select(Notice).order_by(Notice.year, Notice.seq)
    if year is not None:
        notice_query = notice_query.where(Notice.year == year)
    notice_rows = list(await session.scalars(notice_query))
    by_notice: dict[int, list[AssignmentView]] = {}
    rows = await notices.assignments(session, notice_ids=[n.id for n in notice_rows])
    for row in sorted(rows, key=lambda a: a.id):
        by_notice.setdefault(row.notice_id, []).append(row)
    names: dict[str, str] = {
        wechat_id: name for wechat_id, name in await session.execute(select(Person.wechat_id, Person.name))
    }

    def name_of(wechat_id: str | None) -> str | None:
        return None if wechat_id is None else names.get(wechat_id) or None

    def unit_entry(a: AssignmentView) -> dict[str, Any]:
        judged = a.standing(now)
        return {
            "unit": a.unit_name,
            "receipt_due": _iso(a.receipt_due, tz),
            "reached_at": _iso(a.reached_at, tz),
            "received_at": _iso(a.received_at, tz),
            "receipt_by": a.receipt_by,
            "receipt_by_name": name_of(a.receipt_by),
            "receipt_status": judged.receipt.status,
            "receipt_note": a.receipt_note,
            "feedback_due": _iso(a.feedback_due, tz),
            "feedback_status": judged.feedback.status,
            "excused": a.excused,
            "excuse_reason": a.excuse_reason,
            "feedback": [
                {
                    "at": _iso(entry.at, tz),
                    "kind": entry.kind,
                    "by": entry.by,
                    "by_name": name_of(entry.by),
                    "text": entry.text,
                    "note": entry.note,
                }
                for entry in a.feedback
            ],
        }

    return {
        "generated_at": _iso(now, tz),
        "timezone": tz.key,
        "notices": [
            {
                "number": notice.number,
                "year": notice.year,
                "seq": notice.seq,
                "title": notice.title,
                "status": notice.status,
                "issued_at": _iso(notice.issued_at, tz),
                "issued_by": notice.issued_by,
                "issued_by_name": name_of(notice.issued_by),
                "receipt_due": _iso(notice.receipt_due, tz),
                "feedback_due": _iso(notice.feedback_due, tz),
                "closed_at": _iso(notice.closed_at, tz),
                "body": notice.body,
                "units": [unit_entry(a) for a in by_notice.get(notice.id, [])],
            }
            for notice in notice_rows
        ],
        "flags": await _flags(session, year=year, tz=tz),
    }


async def _flags(session: AsyncSession, *, year: int | None, tz: ZoneInfo) -> list[dict[str, Any]]:
    """Penalty flags (书面检查, 通报批评 …): proposed by the rules or recorded by the office."""
    span = None
    if year is not None:
        span = (datetime(year, 1, 1, tzinfo=tz), datetime(year + 1, 1, 1, tzinfo=tz))
    return [
        {
            "id": f.id,
            "unit": f.unit_name,
            "kind": f.kind,
            "basis": f.basis,
            "notices": list(f.numbers),
            "at": _iso(f.at, tz),
            "status": f.status,
            "reason": f.reason,
            "decided_by": f.decided_by,
            "decided_at": _iso(f.decided_at, tz),
            "decision_reason": f.decision_reason,
            "rectify_until": _iso(f.rectify_until, tz),
            "rectified": f.rectified,
            "follows": f.follows_id,
        }
        for f in await flags.flags(session, year_range=span)
    ]


def write_ledger(
    ledger: Mapping[str, Any], fmt: LedgerFormat, out: Path | None, *, shortened: list[str] | None = None
) -> bytes | None:
    """Render the ledger as json, csv (UTF-8 with BOM) or xlsx; to ``out``, or returned as bytes if None.

    xlsx texts longer than a cell holds are cut; where, is appended to `shortened` ("“台账”第 3 行「最新反馈」").
    """
    if fmt == "json":
        data = (json.dumps(ledger, ensure_ascii=False, indent=2) + "\n").encode()
    elif fmt == "csv":
        data = _csv_bytes(ledger)
    elif fmt == "xlsx":
        data = _xlsx_bytes(ledger, shortened if shortened is not None else [])
    else:
        raise ValueError(f"unknown ledger format {fmt!r}; use json, csv or xlsx")
    if out is None:
        return data
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return None


def _local(value: str | None) -> datetime | None:
    """The ledger's ISO time as a naive local wall-clock time (what a spreadsheet cell shows)."""
    return None if value is None else datetime.fromisoformat(value).replace(tzinfo=None)


def ledger_rows(ledger: Mapping[str, Any]) -> list[list[object]]:
    """One row per notice × unit in `LEDGER_COLUMNS` order (a notice without units gets one row)."""
    rows: list[list[object]] = []
    for notice in ledger["notices"]:
        head: list[object] = [
            notice["number"],
            notice["title"],
            NOTICE_STATUS_LABELS.get(notice["status"], notice["status"]),
            notice.get("issued_by_name") or notice.get("issued_by") or "",
            _local(notice["issued_at"]),
        ]
        if not notice["units"]:
            rows.append(head + [""] * (len(LEDGER_COLUMNS) - len(head)))
        for unit in notice["units"]:
            entries = unit["feedback"]
            latest = entries[-1] if entries else None
            rows.append(
                [
                    *head,
                    unit["unit"],
                    _local(unit.get("receipt_due", notice["receipt_due"])),
                    _local(unit["received_at"]),
                    unit.get("receipt_by_name") or unit["receipt_by"] or "",
                    label("receipt", unit["receipt_status"]),
                    unit.get("receipt_note") or "",
                    _local(unit.get("feedback_due", notice["feedback_due"])),
                    label("feedback", unit["feedback_status"]),
                    len(entries),
                    _local(latest["at"]) if latest else None,
                    FEEDBACK_KIND_LABELS.get(latest["kind"], latest["kind"]) if latest else "",
                    latest["text"] if latest else "",
                    unit.get("excuse_reason") or "",
                ]
            )
    return rows


def feedback_rows(ledger: Mapping[str, Any]) -> list[list[object]]:
    """Every feedback entry, in `FEEDBACK_COLUMNS` order."""
    return [
        [
            notice["number"],
            notice["title"],
            unit["unit"],
            _local(entry["at"]),
            FEEDBACK_KIND_LABELS.get(entry["kind"], entry["kind"]),
            entry.get("by_name") or entry["by"],
            entry["text"],
            entry.get("note") or "",
        ]
        for notice in ledger["notices"]
        for unit in notice["units"]
        for entry in unit["feedback"]
    ]


def flag_rows(ledger: Mapping[str, Any]) -> list[list[object]]:
    """Every penalty flag (proposed, confirmed or revoked), in `FLAG_COLUMNS` order."""
    return [
        [
            flag["id"],
            flag["unit"],
            flag["kind"],
            _BASIS.get(flag["basis"], flag["basis"]),
            "、".join(flag["notices"]),
            _local(flag["at"]),
            _FLAG_STATUS.get(flag["status"], flag["status"]),
            flag.get("decided_by") or "",
            _local(flag.get("decided_at")),
            flag.get("decision_reason") or flag.get("reason") or "",
            _local(flag.get("rectify_until")),
            flag.get("rectified") or "",
        ]
        for flag in ledger.get("flags", [])
    ]


# Texts from people are data, never formulas (OWASP CSV injection): a CSV cell starting with one of
# these is prefixed with an apostrophe; xlsx cells are typed as strings.
_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
XLSX_MAX_TEXT: Final = 32_767  # the most characters an Excel cell holds
_SHORTENED: Final = "…（超过 Excel 单元格上限，已截断；全文见 JSON 导出）"
# Control characters an xlsx file cannot hold (XML 1.0), as openpyxl refuses them.
_XLSX_ILLEGAL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def csv_cell(value: object) -> object:
    """A value as a CSV cell: times in local wall-clock, texts that a spreadsheet would run neutralised."""
    if isinstance(value, datetime):
        return value.strftime(_CSV_TIME_FORMAT)
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def xlsx_text(value: str) -> tuple[str, bool]:
    """A text as an xlsx cell can hold it (control characters dropped, cut at the cell limit);
    the flag says whether it was shortened."""
    clean = _XLSX_ILLEGAL.sub("", value)
    if len(clean) <= XLSX_MAX_TEXT:
        return clean, False
    return clean[: XLSX_MAX_TEXT - len(_SHORTENED)] + _SHORTENED, True


def _csv_bytes(ledger: Mapping[str, Any]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(LEDGER_COLUMNS)
    for row in ledger_rows(ledger):
        writer.writerow([csv_cell(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def _display_width(value: object) -> int:
    if isinstance(value, datetime):
        return 19
    text = "" if value is None else str(value)
    longest = max(text.split("\n"), key=len, default="")
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in longest)


def _fill_sheet(
    sheet: Any, columns: Sequence[str], rows: Iterable[Sequence[object]], shortened: list[str]
) -> None:
    """Write a write-only sheet; every text is a string cell (never a formula). Cut texts are named in
    `shortened`. Column widths must be set before the first row, so the values are prepared first."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import TYPE_STRING
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    prepared: list[list[object]] = []
    widths = [_display_width(title) for title in columns]
    for number, row in enumerate(rows, start=2):
        values: list[object] = []
        for title, value in zip(columns, row, strict=True):
            if isinstance(value, str):
                value, cut = xlsx_text(value)
                if cut:
                    shortened.append(f"“{sheet.title}”第 {number} 行「{title}」")
            values.append(value)
        prepared.append(values)
        widths = [max(width, _display_width(value)) for width, value in zip(widths, values, strict=True)]
    for index in range(1, len(columns) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = min(max(widths[index - 1], 6) + 2, 60)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(prepared) + 1}"
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")

    def header(title: str) -> Any:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        return cell

    def cell_of(title: str, value: object) -> Any:
        cell = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str):
            cell.data_type = TYPE_STRING  # openpyxl would store "=…" as a formula
        if title in _TIME_COLUMNS:
            cell.number_format = _XLSX_TIME_FORMAT
        elif title in _WRAP_COLUMNS:
            cell.alignment = wrap
        return cell

    sheet.append([header(title) for title in columns])
    for values in prepared:
        sheet.append([cell_of(title, value) for title, value in zip(columns, values, strict=True)])


def _xlsx_bytes(ledger: Mapping[str, Any], shortened: list[str]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)  # rows stream to the file: memory stays flat for a five-year ledger
    _fill_sheet(workbook.create_sheet("台账"), LEDGER_COLUMNS, ledger_rows(ledger), shortened)
    _fill_sheet(workbook.create_sheet("反馈明细"), FEEDBACK_COLUMNS, feedback_rows(ledger), shortened)
    _fill_sheet(workbook.create_sheet("处理记录"), FLAG_COLUMNS, flag_rows(ledger), shortened)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
