"""Roster files: TOML, JSON, CSV and Excel read into a `Roster`, within hard limits.

- TOML / JSON: the mapping `roster_from_mapping` takes (at most `MAX_DEPTH` levels deep).
- CSV (UTF-8 with or without BOM, GBK/GB18030, or UTF-16 "Unicode text" — whatever Excel saved; comma,
  tab or semicolon separated) and .xlsx (first sheet, or a sheet named 名册, read by `storage.roster_xlsx`):
  a table with one row per person, read by `storage.roster_table`.

Every file is at most `MAX_FILE_BYTES`, every table at most `MAX_ROWS` rows of `MAX_COLUMNS` columns, and
reading is linear in the file's size; whatever is wrong ends in a RosterError naming the file (and the row,
key or column where it can), never in a traceback.
"""

from __future__ import annotations

import csv
import io
import json
import tomllib
from pathlib import Path
from typing import Any, Final

from storage.roster import Roster, RosterError, RosterReading, reading_from_mapping
from storage.roster_table import MAX_COLUMNS, MAX_ROWS, Row, reading_from_table
from storage.roster_xlsx import xlsx_rows

MAX_FILE_BYTES: Final = 10 * 1024 * 1024
MAX_DEPTH: Final = 16  # a roster mapping needs 5 levels: {units: [{liaisons: [{id}]}]}
SUFFIXES: Final = (".toml", ".json", ".csv", ".xlsx")


def load_roster_file(path: Path) -> Roster:
    """Read a roster from .toml, .json, .csv or .xlsx; a RosterError names the file and key or row."""
    return read_roster_file(path).roster


def read_roster_file(path: Path) -> RosterReading:
    """Like `load_roster_file`, with the warnings (liaisons to be bound, skipped notes) and ignored columns."""
    source = path.name
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        hint = "；.xls 请先在 Excel 中另存为 .xlsx" if suffix == ".xls" else ""
        raise RosterError(
            f"{source}：不支持的名册格式「{suffix or '无扩展名'}」，可用 .toml、.json、.csv、.xlsx{hint}。"
        )
    if not path.is_file():
        raise RosterError(f"找不到名册文件：{path}")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise RosterError(
            f"{source}：文件有 {size // (1024 * 1024)} MB，名册文件最大 {MAX_FILE_BYTES // (1024 * 1024)} MB。"
            "请只保留名册本身（删去图片和其他工作表），或拆成几个文件分别导入。"
        )
    if suffix == ".xlsx":
        return reading_from_table(xlsx_rows(path, source), source)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RosterError(f"{source}：无法读取文件（{exc.strerror}）。") from exc
    if suffix == ".csv":
        return reading_from_table(csv_rows(raw, source), source)
    return reading_from_mapping(_parse_mapping(raw, suffix, source), strict=True, source=source)


def _parse_mapping(raw: bytes, suffix: str, source: str) -> Any:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RosterError(f"{source}：文件应使用 UTF-8 编码保存。") from exc
    try:
        data = tomllib.loads(text) if suffix == ".toml" else json.loads(text)
    except RecursionError as exc:
        raise RosterError(f"{source}：嵌套层次太深，名册最多 {MAX_DEPTH} 层。") from exc
    except tomllib.TOMLDecodeError as exc:
        raise RosterError(f"{source}：TOML 格式有误：{exc}") from exc
    except json.JSONDecodeError as exc:
        raise RosterError(f"{source} 第{exc.lineno}行第{exc.colno}列：JSON 格式有误（{exc.msg}）。") from exc
    except ValueError as exc:  # a number with more digits than Python converts
        raise RosterError(
            f"{source}：格式有误：有一个数字太长，名册里的数字（如微信号）请写成文字。"
        ) from exc
    if _deeper_than(data, MAX_DEPTH):
        raise RosterError(f"{source}：嵌套层次太深，名册最多 {MAX_DEPTH} 层，例如 units → liaisons → id。")
    return data


def _deeper_than(value: Any, limit: int) -> bool:
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list) and depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return False


def csv_rows(raw: bytes, source: str) -> list[Row]:
    """The records of a CSV file as ``(first line number, cells)``; quoting errors and limits are errors."""
    encodings = ("utf-16",) if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise RosterError(f"{source}：无法识别文件编码，请在 Excel 中另存为「CSV UTF-8（逗号分隔）」。")
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", "\t", ";"), key=first_line.count)
    # strict: an unclosed quote is an error at the end of the file, not the rest of the file in one cell
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[Row] = []
    start = 1
    try:
        for cells in reader:
            if len(rows) >= MAX_ROWS:
                raise RosterError(
                    f"{source}：超过 {MAX_ROWS} 行，名册最多 {MAX_ROWS} 行。请删去多余的行，或拆成几个文件分别导入。"
                )
            while cells and not cells[-1].strip():
                cells.pop()
            if len(cells) > MAX_COLUMNS:
                raise RosterError(
                    f"{source} 第{start}行：有 {len(cells)} 列，名册最多 {MAX_COLUMNS} 列。"
                    f"请检查分隔符（应为逗号），或删去多余的列。"
                )
            rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        if "field larger" in str(exc):
            raise RosterError(f"{source} 第{start}行：有一个单元格太长（超过 13 万字）。") from exc
        if "end of data" in str(exc):
            raise RosterError(
                f'{source} 第{start}行：引号没有配对——这一行有个单元格以英文双引号 " 开头，'
                "却直到文件末尾都没有结束的引号。请补上引号或删去它，或在 Excel 中重新另存为 CSV。"
            ) from exc
        raise RosterError(
            f'{source} 第{start}行起：引号用法有误（{exc}）。单元格里的英文双引号要写成两个 ""，'
            "或在 Excel 中重新另存为 CSV。"
        ) from exc
    return rows
