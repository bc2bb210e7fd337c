"""Printable xlsx sheets: a title row, the header repeated on every page, borders, wrapped text, A4 landscape.

Written with openpyxl's write-only mode (rows are streamed; widths, print settings and styles are set
before the first row), so big ledgers stay cheap. Every text is a string cell, never a formula, with the
characters an xlsx cannot hold dropped and texts longer than a cell holds cut (see `xlsx_text`).
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

TITLE_ROWS: Final = 2  # the title row and the line under it; the column header is the row after them
HEADER_ROW: Final = TITLE_ROWS + 1
XLSX_MAX_TEXT: Final = 32_767  # the most characters an Excel cell holds
_SHORTENED: Final = "…（超过 Excel 单元格上限，已截断；全文见 JSON 导出）"
# Control characters an xlsx file cannot hold (XML 1.0), as openpyxl refuses them.
_XLSX_ILLEGAL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_TIME_FORMAT: Final = "yyyy-mm-dd hh:mm"  # on paper to the minute; the cell keeps the seconds (and JSON/CSV)
_PERCENT_FORMAT: Final = "0%"
_MAX_WIDTH: Final = 40  # characters; longer texts wrap
_WRAP_WIDTH: Final = 28  # a column of long texts (内容, 标题 …) is at most this wide and wraps
_GREY: Final = "D9D9D9"


@dataclass(frozen=True)
class Sheet:
    """One printable sheet: its name, title row, columns and rows (values in column order)."""

    name: str
    title: str
    columns: Sequence[str]
    rows: Sequence[Sequence[object]]
    subtitle: str = ""
    time_columns: frozenset[str] = frozenset()
    wrap_columns: frozenset[str] = frozenset()
    percent_columns: frozenset[str] = frozenset()
    greyed: Sequence[bool] = field(default_factory=tuple)  # per row: shown grey (e.g. withdrawn notices)


def xlsx_text(value: str) -> tuple[str, bool]:
    """A text as an xlsx cell can hold it (control characters dropped, cut at the cell limit);
    the flag says whether it was shortened."""
    clean = _XLSX_ILLEGAL.sub("", value)
    if len(clean) <= XLSX_MAX_TEXT:
        return clean, False
    return clean[: XLSX_MAX_TEXT - len(_SHORTENED)] + _SHORTENED, True


def display_width(value: object) -> int:
    """How many Latin characters wide a value shows (a Chinese character counts two)."""
    if isinstance(value, datetime):
        return 14  # "2026-11-02 09:00": digits print narrower than the column unit
    if isinstance(value, float):
        return 6
    text = "" if value is None else str(value)
    longest = max(text.split("\n"), key=len, default="")
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in longest)


def column_widths(sheet: Sheet) -> list[float]:
    """Readable widths: the widest value, long texts capped so that they wrap; a header wider than its
    values wraps onto two lines (the sheet must fit one page wide, so no width is wasted)."""
    widths: list[float] = []
    for index, title in enumerate(sheet.columns):
        header = display_width(title)
        widest = max([(header + 1) // 2 + 1, *(display_width(row[index]) for row in sheet.rows)])
        cap = _WRAP_WIDTH if title in sheet.wrap_columns else _MAX_WIDTH
        widths.append(min(max(widest, 6), cap) + 2)
    return widths


def lines_needed(value: object, width: float) -> int:
    """How many lines a wrapped value takes in a column `width` wide (LibreOffice does not work it out)."""
    if not isinstance(value, str) or not value:
        return 1
    room = max(int((width - 2) * 1.15), 1)  # LibreOffice fits a little more than the width says
    return sum(max(1, -(-display_width(part) // room)) for part in value.split("\n"))


def workbook_bytes(sheets: Sequence[Sheet], shortened: list[str]) -> bytes:
    """The workbook of `sheets`; cut texts are named in `shortened` ("“台账”第 5 行「最新反馈」")."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for sheet in sheets:
        _write(workbook, sheet, shortened)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write(workbook: Any, sheet: Sheet, shortened: list[str]) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import TYPE_STRING
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    ws = workbook.create_sheet(sheet.name)
    last = get_column_letter(max(len(sheet.columns), 1))
    widths = column_widths(sheet)
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as it takes
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
    top_left = Alignment(wrap_text=True, vertical="top")

    def text_cell(value: str, **style: Any) -> Any:
        cell = WriteOnlyCell(ws, value=value)
        cell.data_type = TYPE_STRING  # openpyxl would store "=…" as a formula
        for name, setting in style.items():
            setattr(cell, name, setting)
        return cell

    ws.append([text_cell(xlsx_text(sheet.title)[0], font=Font(bold=True, size=16))])
    ws.append([text_cell(xlsx_text(sheet.subtitle)[0], font=Font(size=10, color="595959"))])
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    ws.row_dimensions[1].height = 24
    if any(display_width(t) > w - 2 for t, w in zip(sheet.columns, widths, strict=True)):
        ws.row_dimensions[HEADER_ROW].height = 30  # room for the headers that wrap onto two lines
    ws.append(
        [
            text_cell(
                title,
                font=Font(bold=True),
                border=border,
                fill=header_fill,
                alignment=Alignment(wrap_text=True, horizontal="center", vertical="center"),
            )
            for title in sheet.columns
        ]
    )
    grey_font = Font(color="808080")
    grey_fill = PatternFill("solid", fgColor=_GREY)
    styled: dict[tuple[Any, ...], Any] = {}  # a cell's styles as made → as finished (openpyxl's index array)
    for number, row in enumerate(sheet.rows, start=HEADER_ROW + 1):
        greyed = number - HEADER_ROW - 1 < len(sheet.greyed) and sheet.greyed[number - HEADER_ROW - 1]
        lines = max((lines_needed(v, w) for v, w in zip(row, widths, strict=True)), default=1)
        if lines > 1:
            ws.row_dimensions[number].height = min(15 * lines, 409)  # Excel's tallest row
        cells = []
        for title, value in zip(sheet.columns, row, strict=True):
            if isinstance(value, str):
                value, cut = xlsx_text(value)
                if cut:
                    shortened.append(f"“{sheet.name}”第 {number} 行「{title}」")
                cell = text_cell(value)
            else:
                cell = WriteOnlyCell(ws, value=value)
            key = (None if cell._style is None else tuple(cell._style), title, greyed)
            known = styled.get(key)
            if (
                known is not None
            ):  # the same styles as a cell before: their indexes, without hashing them again
                cell._style = copy(known)
                cells.append(cell)
                continue
            cell.border = border
            cell.alignment = top_left
            if title in sheet.time_columns:
                cell.number_format = _TIME_FORMAT
            elif title in sheet.percent_columns:
                cell.number_format = _PERCENT_FORMAT
            if greyed:
                cell.font = grey_font
                cell.fill = grey_fill
            styled[key] = copy(cell._style)
            cells.append(cell)
        ws.append(cells)
