"""The ledger (台账): every notice × unit with its times and outcomes, as JSON, CSV or an Excel workbook.

`build_ledger` reads the database into the JSON form shared by `duban export` and `duban replay`;
`write_ledger` renders that form. CSV and XLSX carry one row per notice × unit with Chinese headers
(`LEDGER_COLUMNS`) and Chinese status words; the workbook adds a sheet with every feedback entry
(`FEEDBACK_COLUMNS`), the penalty records and the files each notice carries (“附件”: name, size, sha256).
Times in CSV/XLSX are local wall-clock times of the ledger's timezone.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Final, Literal
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import attachments, flags, notices
from storage.flags import FlagView
from storage.models import Notice, Person
from storage.notices import AssignmentView
from storage.printable import Sheet, workbook_bytes
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
ATTACHMENT_COLUMNS: Final = ("编号", "标题", "文件名", "大小（字节）", "类型", "sha256", "上传人", "上传时间")
_FLAG_STATUS: Final = {"proposed": "待确认", "confirmed": "已确认", "revoked": "已撤销"}
_BASIS: Final = {
    "receipt": "连续两次未按时签收",
    "feedback": "连续两次未按时反馈",
    "count": "季度累计未按时",
    "manual": "督查室登记",
    "rectify": "整改不到位",
    "rank": "连续两次排名末位",
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
        "时间",
        "上传时间",
    }
)
_CSV_TIME_FORMAT: Final = "%Y-%m-%d %H:%M:%S"
_WRAP_COLUMNS: Final = frozenset(
    {
        "标题",
        "最新反馈",
        "内容",
        "免责原因",
        "签收更正",
        "备注",
        "理由",
        "依据",
        "涉及通知",
        "扣分明细",
        "说明",
    }
)
_PERCENT_COLUMNS: Final = frozenset({"按时签收率", "按时反馈率"})
DELAY_COLUMNS: Final = ("编号", "标题", "承办单位", "事项", "时间", "说明", "提出人")


def _iso(value: datetime | None, tz: ZoneInfo) -> str | None:
    return None if value is None else value.astimezone(tz).replace(microsecond=0).isoformat()


class _Times:
    """`_iso` of one ledger's times, each instant written once: a notice's deadlines recur on every unit."""

    def __init__(self, tz: ZoneInfo) -> None:
        self._tz = tz
        self._known: dict[datetime, str] = {}

    def __call__(self, value: datetime | None) -> str | None:
        if value is None:
            return None
        shown = self._known.get(value)
        if shown is None:
            shown = self._known[value] = value.astimezone(self._tz).replace(microsecond=0).isoformat()
        return shown


_NOTICE_COLUMNS: Final = (
    Notice.id,
    Notice.number,
    Notice.year,
    Notice.seq,
    Notice.title,
    Notice.status,
    Notice.issued_at,
    Notice.issued_by,
    Notice.receipt_due,
    Notice.feedback_due,
    Notice.closed_at,
    Notice.body,
)


async def build_ledger(
    session: AsyncSession, *, now: datetime, tz: ZoneInfo, year: int | None = None
) -> dict[str, Any]:
    """The ledger JSON form; notices by year and seq, units in assignment order, times with tz's offset.

    Statuses are the rule book's (`storage.status.standing`) at ``now``: a closed notice is judged as
    of its closing time, a withdrawn one counts nowhere, a unit the notice never reached is 未送达.
    Three reads in all (notices, assignments with their feedback, files) whatever the ledger's size.
    """
    notice_query = select(*_NOTICE_COLUMNS).order_by(Notice.year, Notice.seq)
    if year is not None:
        notice_query = notice_query.where(Notice.year == year)
    notice_rows = (await session.execute(notice_query)).all()
    by_notice: dict[int, list[AssignmentView]] = {}
    every = year is None  # every notice: no list of ids to send
    rows = await notices.assignments(session, notice_ids=None if every else [n.id for n in notice_rows])
    rows.sort(key=lambda a: a.id)
    for row in rows:
        by_notice.setdefault(row.notice_id, []).append(row)
    del rows  # each notice's views go once its units are written (a five-year ledger's peak memory)
    names: dict[str, str] = {
        wechat_id: name for wechat_id, name in await session.execute(select(Person.wechat_id, Person.name))
    }
    files = await attachments.of_notices(session, [n.id for n in notice_rows])
    iso = _Times(tz)

    def name_of(wechat_id: str | None) -> str | None:
        return None if wechat_id is None else names.get(wechat_id) or None

    def unit_entry(a: AssignmentView) -> dict[str, Any]:
        judged = a.standing(now)
        return {
            "unit": a.unit_name,
            "receipt_due": iso(a.receipt_due),
            "reached_at": iso(a.reached_at),
            "received_at": iso(a.received_at),
            "receipt_by": a.receipt_by,
            "receipt_by_name": name_of(a.receipt_by),
            "receipt_status": judged.receipt.status,
            "receipt_note": a.receipt_note,
            "feedback_due": iso(a.feedback_due),
            "feedback_status": judged.feedback.status,
            "excused": a.excused,
            "excuse_reason": a.excuse_reason,
            "feedback": [
                {
                    "at": iso(entry.at),
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
                "issued_at": iso(notice.issued_at),
                "issued_by": notice.issued_by,
                "issued_by_name": name_of(notice.issued_by),
                "receipt_due": iso(notice.receipt_due),
                "feedback_due": iso(notice.feedback_due),
                "closed_at": iso(notice.closed_at),
                "body": notice.body,
                "units": [unit_entry(a) for a in by_notice.pop(notice.id, [])],
                "attachments": [
                    {
                        "name": f.name,
                        "size": f.size,
                        "mime": f.mime,
                        "sha256": f.sha256,
                        "uploaded_by": f.uploaded_by,
                        "uploaded_by_name": name_of(f.uploaded_by),
                        "uploaded_at": iso(f.uploaded_at),
                    }
                    for f in files.get(notice.id, [])
                ],
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
    return [flag_entry(f, tz) for f in await flags.flags(session, year_range=span)]


def flag_entry(f: FlagView, tz: ZoneInfo) -> dict[str, Any]:
    """One flag in the ledger's JSON form."""
    return {
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


def write_ledger(
    ledger: Mapping[str, Any],
    fmt: LedgerFormat,
    out: Path | None,
    *,
    shortened: list[str] | None = None,
    office: str = "",
) -> bytes | None:
    """Render the ledger as json, csv (UTF-8 with BOM) or xlsx; to ``out``, or returned as bytes if None.

    xlsx texts longer than a cell holds are cut; where, is appended to `shortened` ("“台账”第 5 行「最新反馈」").
    `office` (the 督查室's name) heads the xlsx's title rows.
    """
    if fmt == "json":
        data = (json.dumps(ledger, ensure_ascii=False, indent=2) + "\n").encode()
    elif fmt == "csv":
        data = _csv_bytes(ledger)
    elif fmt == "xlsx":
        data = _xlsx_bytes(ledger, shortened if shortened is not None else [], office)
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


class _Locals:
    """`_local` for one pass over a ledger, each time text parsed once (a notice's times recur on its units)."""

    def __init__(self) -> None:
        self._known: dict[str, datetime | None] = {}

    def __call__(self, value: str | None) -> datetime | None:
        if value is None:
            return None
        try:
            return self._known[value]
        except KeyError:
            local = self._known[value] = _local(value)
            return local


def ledger_rows(ledger: Mapping[str, Any]) -> list[list[object]]:
    """One row per notice × unit in `LEDGER_COLUMNS` order (a notice without units gets one row)."""
    rows: list[list[object]] = []
    local = _Locals()
    for notice in ledger["notices"]:
        head: list[object] = [
            notice["number"],
            notice["title"],
            NOTICE_STATUS_LABELS.get(notice["status"], notice["status"]),
            notice.get("issued_by_name") or notice.get("issued_by") or "",
            local(notice["issued_at"]),
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
                    local(unit.get("receipt_due", notice["receipt_due"])),
                    local(unit["received_at"]),
                    unit.get("receipt_by_name") or unit["receipt_by"] or "",
                    label("receipt", unit["receipt_status"]),
                    unit.get("receipt_note") or "",
                    local(unit.get("feedback_due", notice["feedback_due"])),
                    label("feedback", unit["feedback_status"]),
                    len(entries),
                    local(latest["at"]) if latest else None,
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


def attachment_rows(ledger: Mapping[str, Any]) -> list[list[object]]:
    """Every file a notice carries, in `ATTACHMENT_COLUMNS` order."""
    return [
        [
            notice["number"],
            notice["title"],
            file["name"],
            file["size"],
            file["mime"],
            file["sha256"],
            file.get("uploaded_by_name") or file["uploaded_by"],
            _local(file["uploaded_at"]),
        ]
        for notice in ledger["notices"]
        for file in notice.get("attachments", [])
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


def csv_cell(value: object) -> object:
    """A value as a CSV cell: times in local wall-clock, texts that a spreadsheet would run neutralised."""
    if isinstance(value, datetime):
        return value.strftime(_CSV_TIME_FORMAT)
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _csv_bytes(ledger: Mapping[str, Any]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(LEDGER_COLUMNS)
    shown: dict[datetime, object] = {}  # each time written once: a notice's deadlines recur on its units

    def cell(value: object) -> object:
        if not isinstance(value, datetime):
            return csv_cell(value)
        text = shown.get(value)
        if text is None:
            text = shown[value] = csv_cell(value)
        return text

    for row in ledger_rows(ledger):
        writer.writerow([cell(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def delay_rows(ledger: Mapping[str, Any]) -> list[list[object]]:
    """Every unit's own deadline (延期), delay explanation (延期说明) and excuse (免责), in `DELAY_COLUMNS` order."""
    rows: list[list[object]] = []
    for notice in ledger["notices"]:
        for unit in notice["units"]:
            head: list[object] = [notice["number"], notice["title"], unit["unit"]]
            for field, word in (("receipt_due", "签收时限"), ("feedback_due", "反馈时限")):
                own = unit.get(field)
                if own is not None and own != notice[field]:
                    rows.append([*head, f"延长{word}", _local(own), f"原{word} {_show(notice[field])}", ""])
            for entry in unit["feedback"]:
                if entry["kind"] == "delay":
                    by = entry.get("by_name") or entry["by"]
                    rows.append([*head, "延期说明", _local(entry["at"]), entry["text"], by])
            if unit.get("excused"):
                rows.append([*head, "免责", None, unit.get("excuse_reason") or "", ""])
    return rows


UNIT_COLUMNS: Final = (
    "排名",
    "单位",
    "得分",
    "扣分",
    "应签收",
    "按时签收",
    "逾期签收",
    "逾期未签收",
    "按时签收率",
    "应反馈",
    "按时反馈",
    "逾期反馈",
    "逾期未反馈",
    "按时反馈率",
    "已确认处理",
    "扣分明细",
    "一票否决",
)
# The keys of one unit in the ledger's "assessment" part, in `UNIT_COLUMNS` order.
UNIT_KEYS: Final = (
    "rank",
    "unit",
    "score",
    "deducted",
    "receipts",
    "receipts_on_time",
    "receipts_late",
    "receipts_missed",
    "receipt_rate",
    "feedback",
    "feedback_on_time",
    "feedback_late",
    "feedback_missed",
    "feedback_rate",
    "penalties",
    "deductions",
    "veto",
)


def unit_rows(units: Sequence[Mapping[str, Any]]) -> list[list[object]]:
    """The assessment's units in `UNIT_COLUMNS` order (lists joined with 、; 一票否决 as 是（kinds）)."""

    def cell(key: str, value: Any) -> object:
        if key == "veto":
            return "是（" + "、".join(value) + "）" if value else ""
        return "、".join(value) if isinstance(value, list | tuple) else value

    return [[cell(key, unit[key]) for key in UNIT_KEYS] for unit in units]


def _show(value: str | None) -> str:
    local = _local(value)
    return "" if local is None else local.strftime("%Y-%m-%d %H:%M")


def ledger_title(ledger: Mapping[str, Any], office: str) -> str:
    """某某县人民政府督查室2026年督办事项台账 (the years the ledger's notices are numbered in)."""
    years = sorted({notice["year"] for notice in ledger["notices"]})
    if not years:
        span = str(datetime.fromisoformat(ledger["generated_at"]).year) if ledger.get("generated_at") else ""
    else:
        span = str(years[0]) if len(years) == 1 else f"{years[0]}—{years[-1]}"
    return f"{office}{span}年督办事项台账"


def _xlsx_bytes(ledger: Mapping[str, Any], shortened: list[str], office: str) -> bytes:
    """The printable workbook: 台账, 反馈明细, 延期与免责, 处理记录, 附件, 单位统计 and 已撤回 (greyed)."""
    title = ledger_title(ledger, office)
    generated = f"导出时间：{_show(ledger.get('generated_at'))}（{ledger.get('timezone', '')}）"
    withdrawn = [n for n in ledger["notices"] if n["status"] == "withdrawn"]
    kept = {**ledger, "notices": [n for n in ledger["notices"] if n["status"] != "withdrawn"]}

    def sheet(name: str, columns: Sequence[str], rows: Sequence[Sequence[object]], **more: Any) -> Sheet:
        return Sheet(
            name,
            f"{title}·{name}",
            columns,
            rows,
            subtitle=more.pop("subtitle", generated),
            time_columns=_TIME_COLUMNS,
            wrap_columns=_WRAP_COLUMNS,
            percent_columns=_PERCENT_COLUMNS,
            **more,
        )

    assessment = ledger.get("assessment")
    sheets = [
        sheet("台账", LEDGER_COLUMNS, ledger_rows(kept)),
        sheet("反馈明细", FEEDBACK_COLUMNS, feedback_rows(kept)),
        sheet("延期与免责", DELAY_COLUMNS, delay_rows(kept)),
        sheet("处理记录", FLAG_COLUMNS, flag_rows(ledger)),
        sheet("附件", ATTACHMENT_COLUMNS, attachment_rows(kept)),
    ]
    if assessment is not None:
        summary = f"{generated}；{assessment['rules']}"
        sheets.append(sheet("单位统计", UNIT_COLUMNS, unit_rows(assessment["units"]), subtitle=summary))
    gone = ledger_rows({"notices": withdrawn})
    note = f"{generated}；已撤回的通知不计入签收、反馈和考核"
    sheets.append(sheet("已撤回", LEDGER_COLUMNS, gone, subtitle=note, greyed=[True] * len(gone)))
    return workbook_bytes(sheets, shortened)
