"""The printable workbook's streamed data rows read back exactly as openpyxl's own cell writer makes them.

`storage.printable` writes the data rows as sheet XML itself (openpyxl's writer is too slow for a five-year
ledger). The oracle here is the straightforward openpyxl write-only code it replaced: every value, type,
number format, font, fill, border, alignment, row height and column width must read back the same, and the
same texts must be reported as shortened.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from storage.printable import (
    HEADER_ROW,
    Sheet,
    column_widths,
    display_width,
    lines_needed,
    workbook_bytes,
    xlsx_text,
)

COLUMNS = ("编号", "标题", "时间", "次数", "比率", "内容", "备注")
TIMES = frozenset({"时间"})
WRAPS = frozenset({"标题", "内容"})
PERCENTS = frozenset({"比率"})
HOSTILE = [
    "=SUM(A1:A3)",
    "+86 电话",
    "-1",
    "@全体",
    "\t制表开头",
    "  前后有空格  ",
    " 前有空格",
    "#N/A",
    "a & b <c> d >",
    "第一行\n第二行很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长",
    "控制\x07字符\x00",
    "line\r\nwindows",
    "",
    "   ",
    "长" * 40_000,
    "English only reply that is rather long and wraps across more than one line of the column",
]


def wall(*parts: int) -> datetime:
    """A naive wall-clock time, as a spreadsheet cell holds it."""
    return datetime(*parts, tzinfo=UTC).replace(tzinfo=None)


def _rows() -> list[list[object]]:
    rows: list[list[object]] = []
    for n in range(60):
        text = HOSTILE[n % len(HOSTILE)]
        rows.append(
            [
                f"督办〔2026〕{n % 7}号",
                "关于做好重点项目建设督查整改工作的通知" if n % 3 else text,
                wall(2026, 1 + n % 12, 1 + n % 28, n % 24, n % 60, n % 7) if n % 5 else None,
                n if n % 4 else 0,
                n / 61 if n % 6 else None,
                text,
                date(2026, 3, 1 + n % 28) if n % 11 == 0 else (n % 2 == 0 if n % 13 == 0 else "已确认"),
            ]
        )
    return rows


def _sheets() -> list[Sheet]:
    rows = _rows()
    common: dict[str, Any] = {"time_columns": TIMES, "wrap_columns": WRAPS, "percent_columns": PERCENTS}
    return [
        Sheet("台账", "某某县台账·台账", COLUMNS, rows, subtitle="导出时间：2026-12-06 20:00", **common),
        Sheet("空表", "某某县台账·空表", COLUMNS, [], subtitle="", **common),
        Sheet("已撤回", "=标题", COLUMNS, rows[:20], greyed=[n % 3 == 0 for n in range(15)], **common),
    ]


def _openpyxl_workbook(sheets: Sequence[Sheet], shortened: list[str]) -> bytes:
    """The oracle: every cell through openpyxl's WriteOnlyCell and its own writer."""
    workbook = Workbook(write_only=True)
    for sheet in sheets:
        ws = workbook.create_sheet(sheet.name)
        last = get_column_letter(max(len(sheet.columns), 1))
        widths = column_widths(sheet)
        for index, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = width
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = "9"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        ws.print_options.horizontalCentered = True
        ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        ws.oddFooter.center.text = "第 &P 页，共 &N 页"
        ws.freeze_panes = f"A{HEADER_ROW + 1}"
        if sheet.rows:
            ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + len(sheet.rows)}"
        thin = Side(style="thin", color="808080")
        border = Border(left=thin, right=thin, top=thin, bottom=thin)

        def text_cell(value: str, ws: Any = ws, **style: Any) -> Any:
            cell = WriteOnlyCell(ws, value=value)
            cell.data_type = TYPE_STRING
            for name, setting in style.items():
                setattr(cell, name, setting)
            return cell

        ws.append([text_cell(xlsx_text(sheet.title)[0], font=Font(bold=True, size=16))])
        ws.append([text_cell(xlsx_text(sheet.subtitle)[0], font=Font(size=10, color="595959"))])
        ws.row_dimensions[1].height = 24
        if any(display_width(t) > w - 2 for t, w in zip(sheet.columns, widths, strict=True)):
            ws.row_dimensions[HEADER_ROW].height = 30
        center = Alignment(wrap_text=True, horizontal="center", vertical="center")
        fill = PatternFill("solid", fgColor="DDEBF7")
        ws.append(
            [
                text_cell(t, font=Font(bold=True), border=border, fill=fill, alignment=center)
                for t in sheet.columns
            ]
        )
        for number, row in enumerate(sheet.rows, start=HEADER_ROW + 1):
            position = number - HEADER_ROW - 1
            greyed = position < len(sheet.greyed) and sheet.greyed[position]
            lines = max(lines_needed(v, w) for v, w in zip(row, widths, strict=True))
            if lines > 1:
                ws.row_dimensions[number].height = min(15 * lines, 409)
            cells = []
            for title, value in zip(sheet.columns, row, strict=True):
                if isinstance(value, str):
                    value, cut = xlsx_text(value)
                    if cut:
                        shortened.append(f"“{sheet.name}”第 {number} 行「{title}」")
                    cell = text_cell(value)
                else:
                    cell = WriteOnlyCell(ws, value=value)
                cell.border = border
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if title in sheet.time_columns:
                    cell.number_format = "yyyy-mm-dd hh:mm"
                elif title in sheet.percent_columns:
                    cell.number_format = "0%"
                if greyed:
                    cell.font = Font(color="808080")
                    cell.fill = PatternFill("solid", fgColor="D9D9D9")
                cells.append(cell)
            ws.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _read_back(data: bytes) -> list[list[object]]:
    """Everything a reader sees of each sheet, cell by cell with its styles."""
    workbook = load_workbook(io.BytesIO(data))
    seen: list[list[object]] = []
    for ws in workbook:
        seen.append(
            [
                ws.title,
                ws.freeze_panes,
                ws.auto_filter.ref,
                ws.print_title_rows,
                ws.page_setup.orientation,
                ws.oddFooter.center.text,
                {k: d.width for k, d in ws.column_dimensions.items()},
                {k: d.height for k, d in ws.row_dimensions.items() if d.height is not None},
                sorted(str(m) for m in ws.merged_cells.ranges),
            ]
        )
        for row in ws.iter_rows():
            for c in row:
                styles = (repr(s) for s in (c.font, c.fill, c.border, c.alignment, c.protection))
                seen[-1].append((c.coordinate, c.value, c.data_type, c.number_format, *styles))
    return seen


def test_streamed_rows_read_back_as_openpyxl_writes_them() -> None:
    sheets = _sheets()
    ours: list[str] = []
    theirs: list[str] = []
    mine = _read_back(workbook_bytes(sheets, ours))
    assert mine == _read_back(_openpyxl_workbook(sheets, theirs))
    assert ours == theirs
    assert ours == [
        "“台账”第 18 行「内容」",
        "“台账”第 34 行「标题」",
        "“台账”第 34 行「内容」",
        "“台账”第 50 行「内容」",
        "“已撤回”第 18 行「内容」",
    ]
    # and the awkward texts are there as texts
    values = [cell[1] for sheet in mine for cell in sheet[9:] if isinstance(cell, tuple)]
    assert "=SUM(A1:A3)" in values and "  前后有空格  " in values and "a & b <c> d >" in values
    assert "控制字符" in values


def test_a_row_of_the_wrong_length_is_refused() -> None:
    long_row = [*_rows()[1], "多余"]
    with pytest.raises(ValueError, match="8 values for 7 columns"):
        workbook_bytes([Sheet("台账", "台账", COLUMNS, [_rows()[1], long_row])], [])
