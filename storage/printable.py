"""Printable xlsx sheets: a title row, the header repeated on every page, borders, wrapped text, A4 landscape.

openpyxl (write-only) makes the workbook: its styles, print settings and each sheet's title and header rows.
The data rows, a five-year ledger's 700,000 cells, are streamed into the saved file as sheet XML written
here, in the form openpyxl writes them (inline strings, one style index per cell), because openpyxl's own
cell writer costs more than 10 µs a cell. Every text is a string cell, never a formula, with the
characters an xlsx cannot hold dropped and texts longer than a cell holds cut (see `xlsx_text`).
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
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
_FLUSH_ROWS: Final = 500  # data rows per write into the zip stream
_KEPT_TEXT: Final = 256  # texts up to this long are rendered once per column and style, then reused
_KEPT_CELLS: Final = 4096  # at most this many rendered cells (or measured texts) are kept, for bounded memory


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
    if longest.isascii():
        return len(longest)
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in longest)


class _Widths:
    """`display_width` of the values of one sheet, each recurring text measured once."""

    def __init__(self) -> None:
        self._known: dict[object, int] = {}

    def __call__(self, value: object) -> int:
        if not isinstance(value, str):
            return display_width(value)
        width = self._known.get(value)
        if width is None:
            width = display_width(value)
            if len(self._known) >= _KEPT_CELLS:
                self._known.clear()
            self._known[value] = width
        return width


def column_widths(sheet: Sheet, measure: Callable[[object], int] = display_width) -> list[float]:
    """Readable widths: the widest value, long texts capped so that they wrap; a header wider than its
    values wraps onto two lines (the sheet must fit one page wide, so no width is wasted)."""
    widths: list[float] = []
    for index, title in enumerate(sheet.columns):
        header = display_width(title)
        widest = max([(header + 1) // 2 + 1, *(measure(row[index]) for row in sheet.rows)])
        cap = _WRAP_WIDTH if title in sheet.wrap_columns else _MAX_WIDTH
        widths.append(min(max(widest, 6), cap) + 2)
    return widths


def lines_needed(value: object, width: float, measure: Callable[[object], int] = display_width) -> int:
    """How many lines a wrapped value takes in a column `width` wide (LibreOffice does not work it out)."""
    if not isinstance(value, str) or not value:
        return 1
    room = max(int((width - 2) * 1.15), 1)  # LibreOffice fits a little more than the width says
    if "\n" not in value:
        return max(1, -(-measure(value) // room))
    return sum(max(1, -(-measure(part) // room)) for part in value.split("\n"))


def workbook_bytes(sheets: Sequence[Sheet], shortened: list[str]) -> bytes:
    """The workbook of `sheets`; cut texts are named in `shortened` ("“台账”第 5 行「最新反馈」")."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    worksheets = [workbook.create_sheet(sheet.name) for sheet in sheets]
    writers = [
        _prepare(worksheet, sheet, shortened) for worksheet, sheet in zip(worksheets, sheets, strict=True)
    ]
    buffer = io.BytesIO()
    workbook.save(buffer)  # the worksheets know their paths in the file from here on
    data_rows = {
        worksheet.path.lstrip("/"): writer
        for worksheet, writer in zip(worksheets, writers, strict=True)
        if writer is not None
    }
    return _with_rows(buffer.getvalue(), data_rows)


def _with_rows(saved: bytes, data_rows: dict[str, Callable[[], Iterator[str]]]) -> bytes:
    """The saved workbook with each sheet's data rows streamed in after its header rows."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(saved)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as target,
    ):
        for info in source.infolist():
            data = source.read(info)
            body = data_rows.get(info.filename)
            if body is None:
                target.writestr(info, data)
                continue
            head, end, tail = data.partition(b"</sheetData>")
            assert end, f"{info.filename} has no sheetData"
            with target.open(info, "w") as stream:
                stream.write(head)
                for chunk in body():
                    stream.write(chunk.encode())
                stream.write(end + tail)
    return out.getvalue()


def _escaped(text: str) -> str:
    """Text as XML character data (as ElementTree writes it)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _prepare(ws: Any, sheet: Sheet, shortened: list[str]) -> Callable[[], Iterator[str]] | None:
    """Set up one write-only sheet (widths, print settings, title and header rows, the data cells' styles);
    returns what writes its data rows, as sheet XML (None: no rows)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import TYPE_STRING
    from openpyxl.compat import safe_string
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.datetime import to_excel
    from openpyxl.worksheet.properties import PageSetupProperties

    last = get_column_letter(max(len(sheet.columns), 1))
    measure = _Widths()
    widths = column_widths(sheet, measure)
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
    if not sheet.rows:
        return None

    # The styles of the data cells, registered with the workbook in the order the cells come (so the
    # workbook's style table reads as if openpyxl had written every cell): by column, greyed or not and
    # the value's type (a datetime brings its own number format).
    grey_font = Font(color="808080")
    grey_fill = PatternFill("solid", fgColor=_GREY)
    style_ids: dict[tuple[int, bool, type], int] = {}

    def register(index: int, greyed: bool, value: object) -> None:
        title = sheet.columns[index]
        cell = WriteOnlyCell(ws, value="" if isinstance(value, str) else value)
        cell.border = border
        cell.alignment = top_left
        if title in sheet.time_columns:
            cell.number_format = _TIME_FORMAT
        elif title in sheet.percent_columns:
            cell.number_format = _PERCENT_FORMAT
        if greyed:
            cell.font = grey_font
            cell.fill = grey_fill
        style_ids[index, greyed, type(value)] = cell.style_id

    columns = range(len(sheet.columns))
    greyed_rows = sheet.greyed
    for position, row in enumerate(sheet.rows):
        greyed = position < len(greyed_rows) and bool(greyed_rows[position])
        for index in columns:
            if (index, greyed, type(row[index])) not in style_ids:
                register(index, greyed, row[index])
    letters = [get_column_letter(index + 1) for index in columns]
    wrap = [(title, width) for title, width in zip(sheet.columns, widths, strict=True)]
    epoch = ws.parent.epoch

    def cell_xml(style: int, value: object, title: str, number: int) -> str:
        """A cell's XML after its `<c r="A4"`."""
        if isinstance(value, str):
            value, cut = xlsx_text(value)
            if cut:
                shortened.append(f"“{sheet.name}”第 {number} 行「{title}」")
            if not value:
                return f' s="{style}" t="inlineStr" />'
            stripped = value.strip()
            space = ' xml:space="preserve"' if stripped and stripped != value else ""
            return f' s="{style}" t="inlineStr"><is><t{space}>{_escaped(value)}</t></is></c>'
        if value is None:
            return f' s="{style}" t="n" />'
        if isinstance(value, datetime | date | time | timedelta):
            if getattr(value, "tzinfo", None) is not None:
                raise TypeError("Excel does not support timezones in datetimes.")
            return f' s="{style}" t="n"><v>{safe_string(to_excel(value, epoch))}</v></c>'
        kind = "b" if isinstance(value, bool) else "n"
        return f' s="{style}" t="{kind}"><v>{safe_string(value)}</v></c>'

    # A unit's name, a status or a deadline comes back row after row: each is rendered (and its lines
    # counted) once per column while it recurs; long texts, rarely repeated, are not kept.
    known: list[dict[tuple[int, object], tuple[str, int]]] = [{} for _ in columns]

    def rows_xml() -> Iterator[str]:
        parts: list[str] = []
        for position, row in enumerate(sheet.rows):
            number = HEADER_ROW + 1 + position
            greyed = position < len(greyed_rows) and bool(greyed_rows[position])
            if len(row) != len(letters):
                raise ValueError(
                    f"row {number} of “{sheet.name}” has {len(row)} values for {len(letters)} columns"
                )
            cells = []
            lines = 1
            for index, value in enumerate(row):
                style = style_ids[index, greyed, type(value)]
                title, width = wrap[index]
                cached = isinstance(value, datetime) or (isinstance(value, str) and len(value) <= _KEPT_TEXT)
                entry = known[index].get((style, value)) if cached else None
                if entry is None:
                    entry = (cell_xml(style, value, title, number), lines_needed(value, width, measure))
                    if cached:
                        if len(known[index]) >= _KEPT_CELLS:
                            known[index].clear()
                        known[index][style, value] = entry
                cells.append(f'<c r="{letters[index]}{number}"{entry[0]}')
                if entry[1] > lines:
                    lines = entry[1]
            if lines > 1:
                height = min(15 * lines, 409)  # Excel's tallest row
                parts.append(f'<row r="{number}" ht="{height}" customHeight="1">')
            else:
                parts.append(f'<row r="{number}">')
            parts.extend(cells)
            parts.append("</row>")
            if position % _FLUSH_ROWS == _FLUSH_ROWS - 1:
                yield "".join(parts)
                parts.clear()
        yield "".join(parts)

    return rows_xml
