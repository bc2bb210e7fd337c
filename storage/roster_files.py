"""Roster files: TOML, JSON, CSV and Excel read into a `Roster`.

- TOML / JSON: the mapping `roster_from_mapping` takes.
- CSV (UTF-8 with or without BOM, GBK/GB18030, or UTF-16 "Unicode text" — whatever Excel saved; comma,
  tab or semicolon separated) and .xlsx (first sheet, or a sheet named 名册):
  a table with one row per person; see `TABLE_COLUMNS`. A header row is looked for in the first rows
  (a title row above it is fine); unknown columns (职务, 手机号, 备注 …) are ignored.
  Rooms are named in 所在群 by topic or WeChat id; a room named only by topic (and not declared by a
  ``角色=群`` row with its id) gets the stable id ``room:<topic>``.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib
import warnings
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Final

from storage.roster import (
    Roster,
    RosterError,
    RosterPerson,
    RosterRoom,
    RosterUnit,
    roster_from_mapping,
    split_list,
    validate_roster,
)

# ---------------------------------------------------------------------------------------------------
# Table form (CSV / XLSX)

TABLE_COLUMNS: Final[Mapping[str, tuple[str, ...]]] = {
    # field: accepted header texts (the first is the documented one)
    "role": ("角色", "身份", "人员类别", "类型"),
    "unit": ("单位", "单位名称", "承办单位", "所在单位"),
    "aliases": ("简称", "单位简称", "别名"),
    "kind": ("单位类别", "单位类型", "类别"),
    "name": ("姓名", "联络员姓名", "名字"),
    "id": ("微信号", "微信id", "微信", "wxid", "wechatid"),
    "rooms": ("所在群", "工作群", "微信群", "群"),
}
_REQUIRED_COLUMNS: Final = ("unit", "name", "id")
_ROLES: Final[Mapping[str, str]] = {
    "联络员": "liaison",
    "督查联络员": "liaison",
    "督查联络专员": "liaison",
    "联络专员": "liaison",
    "liaison": "liaison",
    "督查室": "office",
    "督查室人员": "office",
    "督查室工作人员": "office",
    "办公室": "office",
    "办公室人员": "office",
    "工作人员": "office",
    "office": "office",
    "群": "room",
    "工作群": "room",
    "微信群": "room",
    "room": "room",
}
_HEADER_SCAN_ROWS: Final = 10
_COLUMN_HELP: Final = "角色、单位、简称、单位类别、姓名、微信号、所在群（至少要有 单位、姓名、微信号）"


@dataclass
class _TableUnit:
    name: str
    aliases: list[str] = field(default_factory=list)
    kind: str = ""
    kind_row: int = 0
    liaisons: list[str] = field(default_factory=list)


@dataclass
class _TableRoom:
    id: str
    topic: str
    members: list[str] = field(default_factory=list)


def _header_key(cell: str) -> str:
    text = re.split(r"[（(]", cell, maxsplit=1)[0]
    return re.sub(r"[\s*:：]", "", text).lower()


def _find_header(rows: Sequence[tuple[int, list[str]]], source: str) -> tuple[int, dict[str, int]]:
    lookup = {header.lower(): fieldname for fieldname, headers in TABLE_COLUMNS.items() for header in headers}
    for index, (row_number, cells) in enumerate(rows[:_HEADER_SCAN_ROWS]):
        columns: dict[str, int] = {}
        for col, cell in enumerate(cells):
            fieldname = lookup.get(_header_key(cell))
            if fieldname is None:
                continue
            if fieldname in columns:
                raise RosterError(
                    f"{source} 第{row_number}行（表头）：「{cells[columns[fieldname]]}」和「{cell}」"
                    "是同一列，请只保留一个。"
                )
            columns[fieldname] = col
        if all(name in columns for name in _REQUIRED_COLUMNS):
            return index, columns
    raise RosterError(f"{source}：没有找到表头。第一行（或标题下面一行）应是列名：{_COLUMN_HELP}。")


class _Table:
    """Accumulates table rows into units, people and rooms, remembering rows for error messages."""

    def __init__(self, source: str, headers: list[str], columns: dict[str, int]) -> None:
        self.source, self.headers, self.columns = source, headers, columns
        self.units: dict[str, _TableUnit] = {}
        self.rooms: dict[str, _TableRoom] = {}
        self.rooms_by_topic: dict[str, str] = {}
        self.office: list[str] = []
        self.names: dict[str, tuple[str, int]] = {}  # wechat id -> (name, first row)
        self.bound: dict[str, tuple[str, int]] = {}  # wechat id -> (unit, first row)
        self.alias_owner: dict[str, tuple[str, int]] = {}  # alias -> (unit, first row)

    def cell(self, cells: list[str], fieldname: str) -> str:
        col = self.columns.get(fieldname)
        return cells[col].strip() if col is not None and col < len(cells) else ""

    def error(self, row: int, fieldname: str, problem: str) -> RosterError:
        col = self.columns.get(fieldname)
        label = self.headers[col].strip() if col is not None else TABLE_COLUMNS[fieldname][0]
        return RosterError(f"{self.source} 第{row}行「{label}」列：{problem}")

    def role(self, row: int, cells: list[str]) -> str:
        text = self.cell(cells, "role")
        if text:
            role = _ROLES.get(text.lower())
            if role is None:
                raise self.error(row, "role", f"不认识的角色「{text}」，请填 联络员、督查室 或 群。")
            return role
        if self.cell(cells, "unit"):
            return "liaison"
        raise self.error(row, "role", "请填写角色（联络员、督查室 或 群），联络员还要填写单位。")

    def declare_room(self, row: int, cells: list[str]) -> None:
        topics = split_list(self.cell(cells, "rooms"))
        if len(topics) != 1:
            raise self.error(row, "rooms", "角色为「群」的行在这一列填写一个群名称。")
        topic = topics[0]
        room_id = self.cell(cells, "id") or f"room:{topic}"
        if room_id in self.rooms or topic in self.rooms_by_topic:
            raise self.error(row, "rooms", f"工作群「{topic}」（{room_id}）已经在前面声明过。")
        self.rooms[room_id] = _TableRoom(id=room_id, topic=topic)
        self.rooms_by_topic[topic] = room_id

    def room_for(self, token: str) -> _TableRoom:
        """A room named by a declared id or topic, a WeChat room id, or else a topic (id ``room:<topic>``)."""
        if token in self.rooms:
            return self.rooms[token]
        if token in self.rooms_by_topic:
            return self.rooms[self.rooms_by_topic[token]]
        if token.endswith("@chatroom"):
            room = self.rooms[token] = _TableRoom(id=token, topic="")
        else:
            room = self.rooms[f"room:{token}"] = _TableRoom(id=f"room:{token}", topic=token)
            self.rooms_by_topic[token] = room.id
        return room

    def add_unit(self, row: int, cells: list[str]) -> None:
        name = self.cell(cells, "unit")
        if not name:
            raise self.error(row, "unit", "联络员必须填写所在单位的全称，例如「城关镇」。")
        unit = self.units.setdefault(name, _TableUnit(name=name))
        for alias in split_list(self.cell(cells, "aliases")):
            owner, owner_row = self.alias_owner.setdefault(alias, (name, row))
            if owner != name:
                raise self.error(
                    row,
                    "aliases",
                    f"简称「{alias}」在第{owner_row}行已属于「{owner}」，一个简称只能指一个单位。",
                )
            if alias != name and alias not in unit.aliases:
                unit.aliases.append(alias)
        kind = self.cell(cells, "kind")
        if kind and unit.kind and kind != unit.kind:
            raise self.error(
                row,
                "kind",
                f"单位「{name}」的类别在第{unit.kind_row}行是「{unit.kind}」，这里是「{kind}」，请统一。",
            )
        if kind and not unit.kind:
            unit.kind, unit.kind_row = kind, row

    def add_person(self, row: int, role: str, cells: list[str]) -> None:
        name, wechat_id = self.cell(cells, "name"), self.cell(cells, "id")
        room_tokens = split_list(self.cell(cells, "rooms"))
        if not name and not wechat_id:
            if role == "office":
                raise self.error(row, "name", "督查室人员要填写姓名和微信号。")
            if room_tokens:
                raise self.error(row, "rooms", "这一行没有人员（姓名和微信号都空），不能填写所在群。")
            return  # a row that only declares a unit
        if not wechat_id:
            raise self.error(row, "id", f"「{name}」没有填写微信号。")
        if not name:
            raise self.error(row, "name", f"微信号「{wechat_id}」没有填写姓名。")
        known, known_row = self.names.setdefault(wechat_id, (name, row))
        if known != name:
            raise self.error(
                row,
                "name",
                f"微信号「{wechat_id}」在第{known_row}行的姓名是「{known}」，这里是「{name}」，请统一。",
            )
        if role == "office":
            if wechat_id not in self.office:
                self.office.append(wechat_id)
        else:
            unit_name = self.cell(cells, "unit")
            owner, owner_row = self.bound.setdefault(wechat_id, (unit_name, row))
            if owner != unit_name:
                raise self.error(
                    row,
                    "id",
                    f"微信号「{wechat_id}」在第{owner_row}行已绑定「{owner}」，不能再绑定「{unit_name}」："
                    "一个联络员只能属于一个单位。",
                )
            if wechat_id not in self.units[unit_name].liaisons:
                self.units[unit_name].liaisons.append(wechat_id)
        for token in room_tokens:
            room = self.room_for(token)
            if wechat_id not in room.members:
                room.members.append(wechat_id)

    def finish(self) -> Roster:
        for alias, (owner, row) in self.alias_owner.items():
            if alias in self.units and alias != owner:
                raise self.error(row, "aliases", f"简称「{alias}」是另一个单位的全称，请删去或改写这个简称。")

        def person(wechat_id: str) -> RosterPerson:
            return RosterPerson(id=wechat_id, name=self.names[wechat_id][0])

        roster = Roster(
            office=tuple(person(i) for i in self.office),
            units=tuple(
                RosterUnit(u.name, tuple(u.aliases), u.kind, tuple(person(i) for i in u.liaisons))
                for u in self.units.values()
            ),
            rooms=tuple(RosterRoom(r.id, r.topic, tuple(r.members)) for r in self.rooms.values()),
        )
        validate_roster(roster)
        return roster


def roster_from_table(rows: Sequence[tuple[int, list[str]]], source: str) -> Roster:
    """Build a Roster from table rows ``(row number, cells)``; see `TABLE_COLUMNS` and the module doc."""
    rows = [(number, cells) for number, cells in rows if any(cell.strip() for cell in cells)]
    header_index, columns = _find_header(rows, source)
    table = _Table(source, rows[header_index][1], columns)
    records = [(row, table.role(row, cells), cells) for row, cells in rows[header_index + 1 :]]
    for row, role, cells in records:  # rooms first, so people rows may name them before their row
        if role == "room":
            table.declare_room(row, cells)
    for row, role, cells in records:
        if role == "liaison":
            table.add_unit(row, cells)
        if role != "room":
            table.add_person(row, role, cells)
    return table.finish()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value).strip()


def _csv_rows(raw: bytes, source: str) -> list[tuple[int, list[str]]]:
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
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for cells in reader:
            rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise RosterError(f"{source} 第{reader.line_num}行：CSV 格式有误（{exc}）。") from exc
    return rows


def _xlsx_rows(path: Path, source: str) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():  # unsupported Excel extensions (data validation …) do not matter here
            warnings.simplefilter("ignore")
            workbook = load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise RosterError(
            f"{source}：无法读取这个 Excel 文件（{exc}），请用 Excel 另存为 .xlsx 后再导入。"
        ) from exc
    try:
        sheet = workbook["名册"] if "名册" in workbook.sheetnames else workbook.worksheets[0]
        return [
            (number, [_cell_text(value) for value in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        workbook.close()


def load_roster_file(path: Path) -> Roster:
    """Read a roster from .toml, .json, .csv or .xlsx; a RosterError names the file and key or row."""
    source = path.name
    suffix = path.suffix.lower()
    if suffix not in (".toml", ".json", ".csv", ".xlsx"):
        hint = "；.xls 请先在 Excel 中另存为 .xlsx" if suffix == ".xls" else ""
        raise RosterError(
            f"{source}：不支持的名册格式「{suffix or '无扩展名'}」，可用 .toml、.json、.csv、.xlsx{hint}。"
        )
    if not path.is_file():
        raise RosterError(f"找不到名册文件：{path}")
    if suffix == ".xlsx":
        return roster_from_table(_xlsx_rows(path, source), source)
    raw = path.read_bytes()
    if suffix == ".csv":
        return roster_from_table(_csv_rows(raw, source), source)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RosterError(f"{source}：文件应使用 UTF-8 编码保存。") from exc
    try:
        data = tomllib.loads(text) if suffix == ".toml" else json.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RosterError(f"{source}：TOML 格式有误：{exc}") from exc
    except json.JSONDecodeError as exc:
        raise RosterError(f"{source} 第{exc.lineno}行第{exc.colno}列：JSON 格式有误（{exc.msg}）。") from exc
    try:
        return roster_from_mapping(data, strict=True)
    except RosterError as exc:
        raise RosterError(f"{source}：{exc}") from exc
