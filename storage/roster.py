"""The roster: units, liaisons, office staff and rooms — read from files, applied to and read from the DB.

File formats (`load_roster_file`):

- TOML / JSON: the mapping `roster_from_mapping` takes (the same keys as the replay set-up line):
  ``office = [{id, name}]``, ``units = [{name, aliases?, kind?, liaisons: [{id, name}]}]``,
  ``rooms = [{id, topic, members: [ids]}]``.
- CSV (UTF-8 with or without BOM, GBK/GB18030, or UTF-16 "Unicode text" — whatever Excel saved; comma,
  tab or semicolon separated) and .xlsx (first sheet, or a sheet named 名册):
  a table with one row per person; see `TABLE_COLUMNS`. A header row is looked for in the first rows
  (a title row above it is fine); unknown columns (职务, 手机号, 备注 …) are ignored.
  Rooms are named in 所在群 by topic or WeChat id; a room named only by topic (and not declared by a
  ``角色=群`` row with its id) gets the stable id ``room:<topic>``.

Applying (`apply_roster`) is an idempotent upsert: the file is the truth for what it names — a unit in
the file gets exactly the file's kind, aliases and liaisons (liaisons of that unit missing from the file
are unbound), a room in the file gets exactly the file's members, and a non-empty office list replaces
the office staff. Units, people and rooms the file does not name are left alone; nothing is deleted.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib
import warnings
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit
from storage.models import Person, Room, RoomMember, Unit, UnitAlias


@dataclass(frozen=True)
class RosterPerson:
    id: str
    name: str


@dataclass(frozen=True)
class RosterUnit:
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = ""
    liaisons: tuple[RosterPerson, ...] = ()


@dataclass(frozen=True)
class RosterRoom:
    id: str
    topic: str
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class Roster:
    office: tuple[RosterPerson, ...] = ()
    units: tuple[RosterUnit, ...] = ()
    rooms: tuple[RosterRoom, ...] = ()


class RosterError(ValueError):
    """A roster file or mapping is wrong; the Chinese message says where and how to write it."""


@dataclass
class RosterSummary:
    """What one import changed."""

    units_created: int = 0
    units_updated: int = 0
    people_created: int = 0
    people_updated: int = 0
    rooms_created: int = 0
    rooms_updated: int = 0

    @property
    def changed(self) -> bool:
        return any(
            (
                self.units_created,
                self.units_updated,
                self.people_created,
                self.people_updated,
                self.rooms_created,
                self.rooms_updated,
            )
        )

    def __str__(self) -> str:
        return self.describe()

    def describe(self) -> str:
        """A one-line Chinese summary, e.g. for `duban roster import`."""
        if not self.changed:
            return "名册没有变化。"
        return (
            f"单位：新增 {self.units_created} 个，更新 {self.units_updated} 个；"
            f"人员：新增 {self.people_created} 人，更新 {self.people_updated} 人；"
            f"工作群：新增 {self.rooms_created} 个，更新 {self.rooms_updated} 个。"
        )


# ---------------------------------------------------------------------------------------------------
# Mapping form (TOML / JSON / replay set-up)

SEPARATORS: Final = re.compile(r"[、，,；;\n]+")
_TOP_KEYS: Final = frozenset({"office", "units", "rooms"})
_PERSON_KEYS: Final = frozenset({"id", "name"})
_UNIT_KEYS: Final = frozenset({"name", "aliases", "kind", "liaisons"})
_ROOM_KEYS: Final = frozenset({"id", "topic", "members"})

_PERSON_EXAMPLE: Final = '{"id": "wxid_zhangsan", "name": "张三"}'
_UNIT_EXAMPLE: Final = '{"name": "城关镇", "aliases": ["城关"], "kind": "乡镇", "liaisons": [...]}'
_ROOM_EXAMPLE: Final = '{"id": "20001@chatroom", "topic": "政务督查联络群", "members": ["wxid_zhangsan"]}'


def split_list(text: str) -> list[str]:
    """Split a cell like 「发改委、县发改委」 on 、，,；; and newlines; blanks dropped."""
    return [part.strip() for part in SEPARATORS.split(text) if part.strip()]


def roster_from_mapping(data: Mapping[str, Any], *, strict: bool = False) -> Roster:
    """Build and validate a Roster from ``{office, units, rooms}``.

    With ``strict`` unknown keys are errors (for files, where they are typos); without it they are
    ignored (the replay set-up line carries other keys too).
    """
    if not isinstance(data, Mapping):
        raise RosterError(
            "名册应是一个对象，包含 office（督查室人员）、units（单位）、rooms（工作群）三个键。"
        )
    if strict:
        _reject_unknown(data, _TOP_KEYS, "名册顶层")
    office = tuple(
        _person(entry, f"office[{i}]", strict)
        for i, entry in enumerate(_entries(data, "office", _PERSON_EXAMPLE))
    )
    units = tuple(
        _unit(entry, f"units[{i}]", strict) for i, entry in enumerate(_entries(data, "units", _UNIT_EXAMPLE))
    )
    rooms = tuple(
        _room(entry, f"rooms[{i}]", strict) for i, entry in enumerate(_entries(data, "rooms", _ROOM_EXAMPLE))
    )
    roster = Roster(office=office, units=units, rooms=rooms)
    validate_roster(roster)
    return roster


def _entries(data: Mapping[str, Any], key: str, example: str) -> list[Mapping[str, Any]]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise RosterError(f"「{key}」应是一个列表，每一项形如 {example}。")
    entries: list[Mapping[str, Any]] = []
    for i, entry in enumerate(value):
        if key == "units" and isinstance(entry, str):
            entry = {"name": entry}  # a unit without aliases or liaisons may be written as its bare name
        if not isinstance(entry, Mapping):
            raise RosterError(f"{key}[{i}] 应是一个对象，形如 {example}。")
        entries.append(entry)
    return entries


def _reject_unknown(entry: Mapping[str, Any], allowed: frozenset[str], where: str) -> None:
    unknown = sorted(str(key) for key in entry if key not in allowed)
    if unknown:
        raise RosterError(
            f"{where}：不认识的键 {'、'.join(unknown)}；可用的键是 {'、'.join(sorted(allowed))}。"
        )


def _text(entry: Mapping[str, Any], key: str, where: str, *, required: bool, what: str, example: str) -> str:
    value = entry.get(key)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise RosterError(f"{where}.{key}（{what}）应是文字，例如 {example}。")
    value = value.strip()
    if required and not value:
        raise RosterError(f"{where}：缺少「{key}」（{what}）或为空，例如 {example}。")
    return value


def _text_list(entry: Mapping[str, Any], key: str, where: str, what: str) -> list[str]:
    value = entry.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        return split_list(value)
    if not isinstance(value, list):
        raise RosterError(f'{where}.{key}（{what}）应是文字列表，例如 ["甲", "乙"]。')
    items: list[str] = []
    for i, item in enumerate(value):
        if isinstance(item, int) and not isinstance(item, bool):
            item = str(item)
        if not isinstance(item, str) or not item.strip():
            raise RosterError(f"{where}.{key}[{i}]（{what}）应是非空文字。")
        items.append(item.strip())
    return items


def _person(entry: Mapping[str, Any], where: str, strict: bool) -> RosterPerson:
    if strict:
        _reject_unknown(entry, _PERSON_KEYS, where)
    wechat_id = _text(entry, "id", where, required=True, what="微信号", example=_PERSON_EXAMPLE)
    name = _text(entry, "name", where, required=strict, what="姓名", example=_PERSON_EXAMPLE)
    return RosterPerson(id=wechat_id, name=name or wechat_id)


def _unit(entry: Mapping[str, Any], where: str, strict: bool) -> RosterUnit:
    if strict:
        _reject_unknown(entry, _UNIT_KEYS, where)
    name = _text(entry, "name", where, required=True, what="单位名称", example=_UNIT_EXAMPLE)
    kind = _text(entry, "kind", where, required=False, what="单位类别", example='"乡镇"')
    aliases = _dedupe(a for a in _text_list(entry, "aliases", where, "简称") if a != name)
    raw_liaisons = entry.get("liaisons") or []
    if not isinstance(raw_liaisons, list) or not all(isinstance(x, Mapping) for x in raw_liaisons):
        raise RosterError(f"{where}.liaisons（联络员）应是列表，每一项形如 {_PERSON_EXAMPLE}。")
    liaisons = tuple(_person(x, f"{where}.liaisons[{i}]", strict) for i, x in enumerate(raw_liaisons))
    return RosterUnit(name=name, aliases=aliases, kind=kind, liaisons=liaisons)


def _room(entry: Mapping[str, Any], where: str, strict: bool) -> RosterRoom:
    if strict:
        _reject_unknown(entry, _ROOM_KEYS, where)
    room_id = _text(entry, "id", where, required=True, what="群ID", example=_ROOM_EXAMPLE)
    topic = _text(entry, "topic", where, required=False, what="群名称", example='"政务督查联络群"')
    members = _dedupe(_text_list(entry, "members", where, "成员微信号"))
    return RosterRoom(id=room_id, topic=topic, members=members)


def _dedupe(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


MAX_LENGTHS: Final[Mapping[str, int]] = {
    "单位名称": 100,
    "简称": 100,
    "单位类别": 40,
    "姓名": 100,
    "微信号": 200,
    "群ID": 200,
    "群名称": 200,
}


def _check_lengths(roster: Roster) -> None:
    values: list[tuple[str, str]] = []
    for unit in roster.units:
        values += [("单位名称", unit.name), ("单位类别", unit.kind)] + [
            ("简称", alias) for alias in unit.aliases
        ]
        values += [item for p in unit.liaisons for item in (("微信号", p.id), ("姓名", p.name))]
    values += [item for p in roster.office for item in (("微信号", p.id), ("姓名", p.name))]
    for room in roster.rooms:
        values += [("群ID", room.id), ("群名称", room.topic)] + [
            ("微信号", member) for member in room.members
        ]
    for what, value in values:
        if len(value) > MAX_LENGTHS[what]:
            raise RosterError(f"{what}「{value[:20]}…」太长：最多 {MAX_LENGTHS[what]} 个字。")


def validate_roster(roster: Roster) -> None:
    """Cross-checks every roster must pass, whatever it came from; raises RosterError."""
    _check_lengths(roster)
    unit_names: set[str] = set()
    for unit in roster.units:
        if not unit.name.strip():
            raise RosterError("单位名称不能为空。")
        if unit.name in unit_names:
            raise RosterError(
                f"单位「{unit.name}」出现了两次：每个单位只写一次，联络员都列在它的 liaisons 里。"
            )
        unit_names.add(unit.name)
    alias_owner: dict[str, str] = {}
    for unit in roster.units:
        for alias in unit.aliases:
            if not alias.strip():
                raise RosterError(f"单位「{unit.name}」有一个空的简称。")
            if alias in unit_names and alias != unit.name:
                raise RosterError(
                    f"单位「{unit.name}」的简称「{alias}」是另一个单位的全称，请删去或改写这个简称。"
                )
            owner = alias_owner.setdefault(alias, unit.name)
            if owner != unit.name:
                raise RosterError(
                    f"简称「{alias}」同时属于「{owner}」和「{unit.name}」：一个简称只能指一个单位，请改写其中一个。"
                )
    names: dict[str, str] = {}
    bound: dict[str, str] = {}

    def check_person(person: RosterPerson, where: str) -> None:
        if not person.id.strip():
            raise RosterError(f"{where}有人没有填写微信号。")
        if not person.name.strip():
            raise RosterError(f"{where}的「{person.id}」没有填写姓名。")
        known = names.setdefault(person.id, person.name)
        if known != person.name:
            raise RosterError(f"微信号「{person.id}」的姓名不一致：「{known}」和「{person.name}」，请统一。")

    office_ids: set[str] = set()
    for person in roster.office:
        check_person(person, "督查室人员中")
        if person.id in office_ids:
            raise RosterError(f"督查室人员「{person.name}」（{person.id}）重复出现。")
        office_ids.add(person.id)
    for unit in roster.units:
        seen: set[str] = set()
        for person in unit.liaisons:
            check_person(person, f"单位「{unit.name}」的联络员中")
            if person.id in seen:
                raise RosterError(f"单位「{unit.name}」的联络员「{person.name}」（{person.id}）重复出现。")
            seen.add(person.id)
            owner = bound.setdefault(person.id, unit.name)
            if owner != unit.name:
                raise RosterError(
                    f"微信号「{person.id}」（{person.name}）同时绑定了「{owner}」和「{unit.name}」："
                    "一个联络员只能属于一个单位。"
                )
    room_ids: set[str] = set()
    for room in roster.rooms:
        if not room.id.strip():
            raise RosterError(f"工作群「{room.topic}」没有填写群ID。")
        if room.id in room_ids:
            raise RosterError(f"工作群「{room.id}」出现了两次：每个群只写一次。")
        room_ids.add(room.id)
        if len(set(room.members)) != len(room.members):
            raise RosterError(f"工作群「{room.topic or room.id}」的成员有重复。")
        if any(not member.strip() for member in room.members):
            raise RosterError(f"工作群「{room.topic or room.id}」有成员的微信号为空。")


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


# ---------------------------------------------------------------------------------------------------
# Database


class _Changes:
    """Writes one AuditEntry per created or changed roster entity, all with the same actor and time."""

    def __init__(self, session: AsyncSession, actor: str, at: datetime) -> None:
        self.session, self.actor, self.at = session, actor, at

    def record(self, action: str, subject: str, detail: dict[str, Any]) -> None:
        audit.record(self.session, at=self.at, actor=self.actor, action=action, subject=subject, **detail)


def _diff(changes: dict[str, Any], key: str, old: object, new: object) -> None:
    if old != new:
        changes[key] = {"from": old, "to": new}


async def _check_against_db(session: AsyncSession, roster: Roster) -> None:
    """Alias/name clashes between the roster and units the roster does not name."""
    file_names = {unit.name for unit in roster.units}
    unit_names = {unit_id: name for unit_id, name in await session.execute(select(Unit.id, Unit.name))}
    foreign_alias = {
        alias: unit_names[unit_id]
        for alias, unit_id in await session.execute(select(UnitAlias.alias, UnitAlias.unit_id))
        if unit_names[unit_id] not in file_names
    }
    all_names = set(unit_names.values()) | file_names
    for unit in roster.units:
        if unit.name in foreign_alias:
            raise RosterError(
                f"单位名称「{unit.name}」已是现有单位「{foreign_alias[unit.name]}」的简称，请改写。"
            )
        for alias in unit.aliases:
            if alias in foreign_alias:
                raise RosterError(
                    f"单位「{unit.name}」的简称「{alias}」已属于现有单位「{foreign_alias[alias]}」，"
                    "一个简称只能指一个单位。"
                )
            if alias in all_names and alias != unit.name:
                raise RosterError(
                    f"单位「{unit.name}」的简称「{alias}」是现有单位的全称，请删去或改写这个简称。"
                )


async def apply_roster(session: AsyncSession, roster: Roster, *, actor: str, at: datetime) -> RosterSummary:
    """Upsert the roster (see the module doc); one AuditEntry per created or changed unit, person, room."""
    validate_roster(roster)
    await _check_against_db(session, roster)
    summary = RosterSummary()
    audit = _Changes(session, actor, at)
    unit_ids = await _apply_units(session, roster, audit, summary)
    await _apply_people(session, roster, unit_ids, audit, summary)
    await _apply_rooms(session, roster, audit, summary)
    await session.flush()
    return summary


def _wanted_aliases(unit: RosterUnit) -> list[str]:
    return [alias for alias in _dedupe(unit.aliases) if alias != unit.name]


async def _apply_units(
    session: AsyncSession, roster: Roster, audit: _Changes, summary: RosterSummary
) -> dict[str, int]:
    rows = {unit.name: unit for unit in await session.scalars(select(Unit))}
    alias_rows: dict[int, list[UnitAlias]] = {}
    for alias_row in await session.scalars(select(UnitAlias).order_by(UnitAlias.id)):
        alias_rows.setdefault(alias_row.unit_id, []).append(alias_row)
    created: list[RosterUnit] = []
    updates: list[tuple[RosterUnit, Unit, dict[str, Any]]] = []
    for unit in roster.units:
        row = rows.get(unit.name)
        if row is None:
            row = rows[unit.name] = Unit(name=unit.name, kind=unit.kind, active=True)
            session.add(row)
            created.append(unit)
            continue
        changes: dict[str, Any] = {}
        _diff(changes, "kind", row.kind, unit.kind)
        _diff(changes, "active", row.active, True)
        row.kind, row.active = unit.kind, True
        current = [a.alias for a in alias_rows.get(row.id, [])]
        if set(current) != set(_wanted_aliases(unit)):
            changes["aliases"] = {"from": current, "to": _wanted_aliases(unit)}
        for alias_row in alias_rows.get(row.id, []):
            if alias_row.alias not in unit.aliases:
                await session.delete(alias_row)
        updates.append((unit, row, changes))
    await session.flush()  # removed aliases are gone and new units have ids before aliases move
    for unit in created:
        row = rows[unit.name]
        for alias in _wanted_aliases(unit):
            session.add(UnitAlias(unit_id=row.id, alias=alias))
        summary.units_created += 1
        audit.record(
            "roster.unit.create", f"unit:{unit.name}", {"kind": unit.kind, "aliases": _wanted_aliases(unit)}
        )
    for unit, row, changes in updates:
        kept = {a.alias for a in alias_rows.get(row.id, [])}
        for alias in _wanted_aliases(unit):
            if alias not in kept:
                session.add(UnitAlias(unit_id=row.id, alias=alias))
        if changes:
            summary.units_updated += 1
            audit.record("roster.unit.update", f"unit:{unit.name}", changes)
    await session.flush()
    return {name: row.id for name, row in rows.items()}


async def _apply_people(
    session: AsyncSession, roster: Roster, unit_ids: dict[str, int], audit: _Changes, summary: RosterSummary
) -> None:
    rows = {person.wechat_id: person for person in await session.scalars(select(Person).order_by(Person.id))}
    unit_names = {unit_id: name for name, unit_id in unit_ids.items()}
    file_unit_ids = {unit_ids[unit.name] for unit in roster.units}
    office_ids = {person.id for person in roster.office}
    liaison_unit = {person.id: unit_ids[unit.name] for unit in roster.units for person in unit.liaisons}
    names = {person.id: person.name for person in roster.office}
    names.update({person.id: person.name for unit in roster.units for person in unit.liaisons})

    for wechat_id, name in names.items():
        row = rows.get(wechat_id)
        is_office = wechat_id in office_ids or (not roster.office and row is not None and row.is_office)
        if wechat_id in liaison_unit:
            unit_id: int | None = liaison_unit[wechat_id]
        else:
            unit_id = None if row is None or row.unit_id in file_unit_ids else row.unit_id
        if row is None:
            session.add(Person(wechat_id=wechat_id, name=name, is_office=is_office, unit_id=unit_id))
            summary.people_created += 1
            audit.record(
                "roster.person.create",
                f"person:{wechat_id}",
                {"name": name, "office": is_office, "unit": unit_names.get(unit_id) if unit_id else None},
            )
            continue
        _update_person(row, name, is_office, unit_id, unit_names, audit, summary)
    for wechat_id, row in rows.items():
        if wechat_id in names:
            continue
        is_office = row.is_office and not roster.office
        unit_id = None if row.unit_id in file_unit_ids else row.unit_id
        _update_person(row, row.name, is_office, unit_id, unit_names, audit, summary)
    await session.flush()


def _update_person(
    row: Person,
    name: str,
    is_office: bool,
    unit_id: int | None,
    unit_names: Mapping[int, str],
    audit: _Changes,
    summary: RosterSummary,
) -> None:
    changes: dict[str, Any] = {}
    _diff(changes, "name", row.name, name)
    _diff(changes, "office", row.is_office, is_office)
    _diff(
        changes,
        "unit",
        unit_names.get(row.unit_id) if row.unit_id else None,
        unit_names.get(unit_id) if unit_id else None,
    )
    if changes:
        row.name, row.is_office, row.unit_id = name, is_office, unit_id
        summary.people_updated += 1
        audit.record("roster.person.update", f"person:{row.wechat_id}", changes)


async def _apply_rooms(
    session: AsyncSession, roster: Roster, audit: _Changes, summary: RosterSummary
) -> None:
    rows = {room.wechat_id: room for room in await session.scalars(select(Room))}
    existing_ids = [rows[room.id].id for room in roster.rooms if room.id in rows]
    members: dict[int, list[RoomMember]] = {}
    if existing_ids:
        query = select(RoomMember).where(RoomMember.room_id.in_(existing_ids)).order_by(RoomMember.id)
        for member in await session.scalars(query):
            members.setdefault(member.room_id, []).append(member)
    names = {person.id: person.name for person in roster.office}
    names.update({person.id: person.name for unit in roster.units for person in unit.liaisons})
    for room in roster.rooms:
        row = rows.get(room.id)
        if row is None:
            row = Room(wechat_id=room.id, topic=room.topic, active=True)
            session.add(row)
            await session.flush()
            for wechat_id in room.members:
                session.add(RoomMember(room_id=row.id, wechat_id=wechat_id, alias=names.get(wechat_id, "")))
            summary.rooms_created += 1
            audit.record(
                "roster.room.create", f"room:{room.id}", {"topic": room.topic, "members": list(room.members)}
            )
            continue
        changes: dict[str, Any] = {}
        _diff(changes, "topic", row.topic, room.topic)
        _diff(changes, "active", row.active, True)
        row.topic, row.active = room.topic, True
        current = members.get(row.id, [])
        current_ids = {member.wechat_id for member in current}
        removed = [member.wechat_id for member in current if member.wechat_id not in room.members]
        added = [wechat_id for wechat_id in room.members if wechat_id not in current_ids]
        for member in current:
            if member.wechat_id in removed:
                await session.delete(member)
        for wechat_id in added:
            session.add(RoomMember(room_id=row.id, wechat_id=wechat_id, alias=names.get(wechat_id, "")))
        if added or removed:
            changes["members"] = {"added": added, "removed": removed}
        if changes:
            summary.rooms_updated += 1
            audit.record("roster.room.update", f"room:{room.id}", changes)


async def roster_is_empty(session: AsyncSession) -> bool:
    """True when no unit, person or room has ever been recorded (e.g. to seed the demo roster)."""
    for model_id in (Unit.id, Person.id, Room.id):
        if await session.scalar(select(model_id).limit(1)) is not None:
            return False
    return True


async def load_roster(session: AsyncSession) -> Roster:
    """The current roster from the database: active units and rooms, bound liaisons, office staff."""
    units = list(await session.scalars(select(Unit).where(Unit.active.is_(True)).order_by(Unit.id)))
    aliases: dict[int, list[str]] = {}
    for unit_id, alias in await session.execute(
        select(UnitAlias.unit_id, UnitAlias.alias).order_by(UnitAlias.id)
    ):
        aliases.setdefault(unit_id, []).append(alias)
    people = list(await session.scalars(select(Person).order_by(Person.id)))
    liaisons: dict[int, list[RosterPerson]] = {}
    for person in people:
        if person.unit_id is not None:
            liaisons.setdefault(person.unit_id, []).append(
                RosterPerson(id=person.wechat_id, name=person.name)
            )
    rooms = list(await session.scalars(select(Room).where(Room.active.is_(True)).order_by(Room.id)))
    members: dict[int, list[str]] = {}
    for room_id, wechat_id in await session.execute(
        select(RoomMember.room_id, RoomMember.wechat_id).order_by(RoomMember.id)
    ):
        members.setdefault(room_id, []).append(wechat_id)
    return Roster(
        office=tuple(RosterPerson(id=p.wechat_id, name=p.name) for p in people if p.is_office),
        units=tuple(
            RosterUnit(
                name=u.name,
                aliases=tuple(aliases.get(u.id, ())),
                kind=u.kind,
                liaisons=tuple(liaisons.get(u.id, ())),
            )
            for u in units
        ),
        rooms=tuple(
            RosterRoom(id=r.wechat_id, topic=r.topic, members=tuple(members.get(r.id, ()))) for r in rooms
        ),
    )


def _people_names(roster: Roster) -> dict[str, str]:
    names = {person.id: person.name for unit in roster.units for person in unit.liaisons}
    names.update({person.id: person.name for person in roster.office})
    return names


def format_roster(roster: Roster) -> str:
    """Chinese text for `duban roster show`: units with aliases and liaisons, office staff, rooms."""
    return "\n".join(_format_lines(roster))


def _format_lines(roster: Roster) -> Iterator[str]:
    names = _people_names(roster)
    yield f"承办单位（{len(roster.units)} 个）"
    if not roster.units:
        yield "  （无）"
    for number, unit in enumerate(roster.units, start=1):
        line = f"  {number}. {unit.name}"
        if unit.kind:
            line += f"〔{unit.kind}〕"
        if unit.aliases:
            line += f"  简称：{'、'.join(unit.aliases)}"
        yield line
        liaisons = "、".join(f"{p.name}（{p.id}）" for p in unit.liaisons) or "（未绑定）"
        yield f"     联络员：{liaisons}"
    yield ""
    yield f"督查室人员（{len(roster.office)} 人）"
    yield "  " + ("、".join(f"{p.name}（{p.id}）" for p in roster.office) or "（无）")
    yield ""
    yield f"工作群（{len(roster.rooms)} 个）"
    if not roster.rooms:
        yield "  （无）"
    for room in roster.rooms:
        members = "、".join(names.get(member, member) for member in room.members) or "（无成员）"
        yield f"  {room.topic or '（未命名）'}（{room.id}）{len(room.members)} 人：{members}"
