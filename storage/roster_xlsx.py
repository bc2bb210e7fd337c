"""Excel rosters read safely: the zip's declared sizes checked before it is opened, the sheet streamed.

A roster is small; a hostile or broken .xlsx must not cost more than a roster does. So, before openpyxl
sees the file: the zip directory's entry count and every member's declared size are checked (reading never
goes past a declared size), and every XML part is scanned for a DTD (entities) and non-UTF-8 encodings. Then
the sheet is streamed in openpyxl's read-only mode, row by row, keeping only what a roster uses and stopping
at the first cell beyond `MAX_ROWS` / `MAX_COLUMNS` — never padding rows out to the sheet's declared
dimension, which is how a 5 KB file with one cell at XFD10000 asks for 160 million empty cells.
"""

from __future__ import annotations

import re
import struct
import warnings
import zipfile
from bisect import bisect_right
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import IO, Any, Final
from xml.etree.ElementTree import Element, iterparse

from storage.roster import RosterError
from storage.roster_table import MAX_COLUMNS, MAX_ROWS, Row

MAX_MEMBERS: Final = 500
MAX_UNCOMPRESSED: Final = 50 * 1024 * 1024
MAX_SHEET_PART: Final = 20 * 1024 * 1024  # a worksheet's XML, streamed
MAX_STRINGS_PART: Final = 10 * 1024 * 1024  # the shared strings, streamed
MAX_OTHER_PART: Final = 2 * 1024 * 1024  # styles, workbook, relationships …: parsed whole by openpyxl
MAX_MERGES: Final = 10_000
MAX_ROW_ELEMENTS: Final = 100_000  # XML elements inside one <row>
_MAIN_NS: Final = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_ROW: Final = f"{{{_MAIN_NS}}}row"
_MERGE: Final = f"{{{_MAIN_NS}}}mergeCell"
_EOCD: Final = b"PK\x05\x06"
_DECLARED_ENCODING: Final = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_RESAVE: Final = "请用 Excel（或 WPS）打开后另存为新的 .xlsx 文件再导入。"


def xlsx_rows(path: Path, source: str) -> list[Row]:
    """The rows ``(row number, cells)`` of the sheet named 名册, else the first sheet, merged cells filled down."""
    _check_archive(path, source)
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():  # unsupported Excel extensions (data validation …) do not matter here
            warnings.simplefilter("ignore")
            workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl on a damaged file raises anything: KeyError, ParseError, TypeError …
        raise RosterError(f"{source}：无法读取这个 Excel 文件（{_reason(exc)}）。{_RESAVE}") from exc
    try:
        sheets = workbook.worksheets
        if not sheets:
            raise RosterError(f"{source}：这个 Excel 文件里没有工作表。")
        sheet = workbook["名册"] if "名册" in workbook.sheetnames else sheets[0]
        try:
            rows, merges = _stream_sheet(workbook, sheet, source)
        except RosterError:
            raise
        except Exception as exc:  # a damaged sheet: bad XML, bad cell references, bad shared string indexes
            raise RosterError(
                f"{source}：工作表「{sheet.title}」无法读取（{_reason(exc)}）。{_RESAVE}"
            ) from exc
    finally:
        workbook.close()
    _fill_merges(rows, merges, source)
    return [(number, rows[number]) for number in sorted(rows)]


def _reason(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:120]


# ---------------------------------------------------------------------------------------------------
# The zip, before openpyxl opens it


def _check_archive(path: Path, source: str) -> None:
    unreadable = f"{source}：不是有效的 .xlsx 文件（如果文件设置了打开密码，请先取消密码）。{_RESAVE}"
    _check_directory(path, source, unreadable)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            total = sum(info.file_size for info in infos)
            if total > MAX_UNCOMPRESSED:
                raise RosterError(
                    f"{source}：解压后有 {total // (1024 * 1024)} MB，超过名册文件的上限 "
                    f"{MAX_UNCOMPRESSED // (1024 * 1024)} MB。请只把名册复制到一个新的工作簿再导入。"
                )
            for info in infos:
                limit = _part_limit(info.filename)
                if limit is not None and info.file_size > limit:
                    raise RosterError(
                        f"{source}：文件中的 {info.filename} 解压后有 {info.file_size // 1024} KB，"
                        f"超过上限 {limit // 1024} KB。请只把名册复制到一个新的工作簿再导入。"
                    )
                if limit is not None:
                    with archive.open(info) as part:
                        _scan_part(part, info.filename, source)
    except RosterError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError, ValueError) as exc:
        raise RosterError(unreadable) from exc
    except Exception as exc:  # zlib.error and friends on corrupt compressed data
        raise RosterError(unreadable) from exc


def _check_directory(path: Path, source: str, unreadable: str) -> None:
    """The entry count in the zip's end record, before `zipfile` builds an object for every entry."""
    with path.open("rb") as file:
        size = file.seek(0, 2)
        file.seek(max(0, size - 65_557))  # the end record (22 bytes) plus the longest zip comment
        tail = file.read()
    at = tail.rfind(_EOCD)
    if at < 0 or len(tail) < at + 22:
        raise RosterError(unreadable)
    entries, directory_size = struct.unpack("<HI", tail[at + 10 : at + 16])
    if entries > MAX_MEMBERS or directory_size > MAX_MEMBERS * 1024:
        raise RosterError(
            f"{source}：压缩包里有 {entries} 个部件，正常的名册不会这么多（上限 {MAX_MEMBERS}）。{_RESAVE}"
        )


def _part_limit(name: str) -> int | None:
    """The largest declared size a part may have; None for media (pictures), which nobody parses."""
    lowered = name.lower()
    if lowered.startswith("xl/media/"):
        return None
    if lowered.startswith("xl/worksheets/") and "/_rels/" not in lowered:
        return MAX_SHEET_PART
    if lowered == "xl/sharedstrings.xml":
        return MAX_STRINGS_PART
    return MAX_OTHER_PART


def _scan_part(part: IO[bytes], name: str, source: str) -> None:
    """Refuse a DTD (entity declarations, external references) and any encoding but UTF-8."""
    head = part.read(1024 * 1024)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:4]:
        raise RosterError(f"{source}：文件中的 {name} 不是 UTF-8 编码，正常的 Excel 文件不会这样。{_RESAVE}")
    declared = _DECLARED_ENCODING.match(head.removeprefix(b"\xef\xbb\xbf"))
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8", b"us-ascii", b"ascii"):
        raise RosterError(
            f"{source}：文件中的 {name} 声明了编码 {declared.group(1).decode()}，只接受 UTF-8。{_RESAVE}"
        )
    previous = b""
    chunk = head
    while chunk:
        window = (previous + chunk).lower()
        if b"<!doctype" in window or b"<!entity" in window:
            raise RosterError(
                f"{source}：文件中的 {name} 含有 DTD 或实体声明（<!DOCTYPE>、<!ENTITY>）。正常的 Excel 文件"
                f"不会有这些，出于安全考虑不读取这个文件。{_RESAVE}"
            )
        previous = chunk[-16:]
        chunk = part.read(1024 * 1024)


# ---------------------------------------------------------------------------------------------------
# The sheet, streamed


def _stream_sheet(workbook: Any, sheet: Any, source: str) -> tuple[dict[int, list[str]], list[str]]:
    """Rows with any text (up to `MAX_COLUMNS` cells each) and the merged ranges, reading the XML once."""
    from openpyxl.worksheet._reader import WorkSheetParser

    # openpyxl's read-only rows pad every row to the sheet's declared width; its row parser does not.
    parser = WorkSheetParser(None, sheet._shared_strings, data_only=True)
    rows: dict[int, list[str]] = {}
    merges: list[str] = []
    with workbook._archive.open(sheet._worksheet_path) as src:
        for element in _elements(src, source):
            if element.tag == _ROW:
                number, cells = parser.parse_row(element)
                _take_row(rows, number, cells, source)
            elif element.tag == _MERGE:
                merges.append(element.get("ref") or "")
                if len(merges) > MAX_MERGES:
                    raise RosterError(
                        f"{source}：合并单元格超过 {MAX_MERGES} 处，正常的名册不会这么多。{_RESAVE}"
                    )
    return rows, merges


def _elements(src: IO[bytes], source: str) -> Iterator[Element]:
    """Every ended element whose parent is not a row; each is detached once seen, so memory stays flat."""
    stack: list[Element] = []
    row_depth: int | None = None
    row_elements = 0
    for event, element in iterparse(src, events=("start", "end")):
        if event == "start":
            if row_depth is not None:
                row_elements += 1
                if row_elements > MAX_ROW_ELEMENTS:
                    raise RosterError(f"{source}：工作表的一行里单元格太多，正常的名册不会这样。{_RESAVE}")
            elif element.tag == _ROW:
                row_depth, row_elements = len(stack), 0
            stack.append(element)
            continue
        stack.pop()
        if row_depth is not None and len(stack) > row_depth:
            continue  # a cell of the row being read: the row's parser needs it
        row_depth = None
        yield element
        if stack:
            stack[-1].remove(element)


def _take_row(rows: dict[int, list[str]], number: int, cells: list[dict[str, Any]], source: str) -> None:
    values: dict[int, str] = {}
    for cell in cells:
        text = cell_text(cell["value"])
        if not text:
            continue
        column = int(cell["column"])
        if column > MAX_COLUMNS:
            from openpyxl.utils import get_column_letter

            raise RosterError(
                f"{source} 第{number}行第{get_column_letter(min(column, 16384))}列：这里有内容，但名册最多 "
                f"{MAX_COLUMNS} 列（A 到 {get_column_letter(MAX_COLUMNS)} 列）。请删去多余的列再导入。"
            )
        values[column] = text
    if not values:
        return
    if number > MAX_ROWS:
        raise RosterError(
            f"{source} 第{number}行：名册最多 {MAX_ROWS} 行，这里还有内容。请删去多余的行，或拆成几个文件分别导入。"
        )
    row = rows.setdefault(number, [])
    row.extend([""] * (max(values) - len(row)))
    for column, text in values.items():
        row[column - 1] = text


def cell_text(value: object) -> str:
    """A cell's value as roster text: whole numbers without ``.0``, dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        return str(int(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value).strip()


def _fill_merges(rows: dict[int, list[str]], merges: list[str], source: str) -> None:
    """A merged cell's text goes down its first column (a 单位 merged over its liaisons' rows)."""
    from openpyxl.utils.cell import range_boundaries

    numbers = sorted(rows)
    work = 0
    for ref in merges:
        try:
            min_col, min_row, _, max_row = range_boundaries(ref)
        except (ValueError, TypeError):
            continue
        if None in (min_col, min_row, max_row) or min_row not in rows:
            continue
        assert min_col is not None and min_row is not None and max_row is not None
        top = rows[min_row]
        if min_col > MAX_COLUMNS or min_col > len(top) or not top[min_col - 1]:
            continue
        for index in range(bisect_right(numbers, min_row), len(numbers)):
            number = numbers[index]
            if number > max_row:
                break
            work += 1
            if work > MAX_ROWS * MAX_COLUMNS:  # only overlapping ranges, which Excel never writes, get here
                raise RosterError(f"{source}：合并单元格互相重叠，文件已损坏。{_RESAVE}")
            row = rows[number]
            row.extend([""] * (min_col - len(row)))
            if not row[min_col - 1]:
                row[min_col - 1] = top[min_col - 1]
