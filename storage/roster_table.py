"""Roster tables (CSV files and Excel sheets, as rows of text cells) read into a `Roster`.

One row per person (see `TABLE_COLUMNS`; unknown columns such as 序号, 职务, 手机号 are ignored). What a
county's own spreadsheet does is understood: title rows above the header, a header in two rows, several
names for one column (单位名称, 联络员, 微信 …), a 单位 cell left empty (merged over several liaisons, or
「同上」) meaning the unit of the row above, numbered empty rows, and note rows (「注：…」, 「填表人：…」),
which are skipped and reported. A liaison without a 微信号 is a liaison still to be bound (待绑定, a
warning). Rooms are named in 所在群 by topic or WeChat id; a room named only by topic (and not declared by a
``角色=群`` row with its id) gets the stable id ``room:<topic>``. Every problem is reported with its row and
column, all at once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from storage.roster import (
    Problems,
    Roster,
    RosterError,
    RosterPerson,
    RosterReading,
    RosterRoom,
    RosterUnit,
    check_roster,
    dedupe,
    pending_warning,
    split_list,
    value_problem,
)

Row = tuple[int, list[str]]  # (row number in the file, cells)
MAX_ROWS: Final = 20_000  # a county has a few hundred liaisons; anything near this is a mistake or an attack
MAX_COLUMNS: Final = 50

TABLE_COLUMNS: Final[Mapping[str, tuple[str, ...]]] = {
    # field: accepted header texts (the first is the documented one)
    "role": ("角色", "身份", "人员类别", "类型"),
    "unit": ("单位", "单位名称", "承办单位", "所在单位", "单位全称"),
    "aliases": ("简称", "单位简称", "别名"),
    "kind": ("单位类别", "单位类型", "类别"),
    "name": ("姓名", "联络员", "联络员姓名", "联络人", "督查联络员", "督查联络专员", "名字"),
    "id": ("微信号", "微信", "微信id", "微信账号", "wxid", "wechatid"),
    "rooms": ("所在群", "工作群", "微信群", "群", "群名称"),
}
_REQUIRED_COLUMNS: Final = ("unit", "name", "id")
_LOOKUP: Final = {header.lower(): name for name, headers in TABLE_COLUMNS.items() for header in headers}
_HEADER_PREFIXES: Final = ("督查联络员", "联络员", "联络人")  # 联络员微信号 is the 微信号 column
_WHAT: Final[Mapping[str, str]] = {
    "unit": "单位名称",
    "aliases": "简称",
    "kind": "单位类别",
    "name": "姓名",
    "id": "微信号",
    "rooms": "群名称",
}
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
_SAME_AS_ABOVE: Final = frozenset({"同上", "〃", "”", '"'})
_HEADER_SCAN_ROWS: Final = 10
_COLUMN_HELP: Final = "角色、单位、简称、单位类别、姓名、微信号、所在群（至少要有 单位、姓名、微信号）"
_NOTE: Final = re.compile(
    r"^(注|备注|说明|附注|注意|注意事项|填表说明|填报说明|备考)\s*[:：\d一二三、.．（(]"
    r"|^(填表人|填报人|制表人|审核人|联系人|联系电话|填报单位|填表单位|制表单位|报送单位|制表日期|填报日期|填表日期|"
    r"审核|签发)\s*[:：（(]"
    r"|^以上"
)
_SENTENCE: Final = re.compile(r"[。；！？：:]")
_NUMBER: Final = re.compile(r"^[\d.\s]+$")


def _header_key(cell: str) -> str:
    text = re.split(r"[（(]", cell, maxsplit=1)[0]
    return re.sub(r"[\s*:：]", "", text).lower()


def _field_of(cell: str) -> str | None:
    key = _header_key(cell)
    found = _LOOKUP.get(key)
    if found is None:
        for prefix in _HEADER_PREFIXES:
            if key.startswith(prefix) and len(key) > len(prefix):
                return _LOOKUP.get(key[len(prefix) :])
    return found


@dataclass(frozen=True)
class _Header:
    index: int  # position in `rows` of the (last) header row
    labels: list[str]
    columns: dict[str, int]
    duplicates: list[tuple[str, str]]


def _header_of(labels: list[str], index: int) -> _Header:
    columns: dict[str, int] = {}
    duplicates: list[tuple[str, str]] = []
    for col, label in enumerate(labels):
        name = _field_of(label) if label.strip() else None
        if name is None:
            continue
        if name in columns:
            duplicates.append((labels[columns[name]], label))
        else:
            columns[name] = col
    return _Header(index, labels, columns, duplicates)


def _find_header(rows: Sequence[Row]) -> _Header | None:
    """The header row among the first rows; a header in two rows (合并的「联络员」 over 姓名, 微信号) too."""
    for index, (_, cells) in enumerate(rows[:_HEADER_SCAN_ROWS]):
        header = _header_of(cells, index)
        if all(name in header.columns for name in _REQUIRED_COLUMNS):
            return header
        if index + 1 < len(rows):
            below = rows[index + 1][1]
            width = max(len(cells), len(below))
            labels = [
                below[c] if c < len(below) and below[c].strip() else (cells[c] if c < len(cells) else "")
                for c in range(width)
            ]
            two = _header_of(labels, index + 1)
            if all(name in two.columns for name in _REQUIRED_COLUMNS):
                return two
    return None


@dataclass
class _TableUnit:
    name: str
    aliases: list[str] = field(default_factory=list)
    kind: str = ""
    kind_row: int = 0
    liaisons: dict[str, None] = field(default_factory=dict)  # ordered set of WeChat ids
    pending: dict[str, None] = field(default_factory=dict)  # ordered set of names


@dataclass
class _TableRoom:
    id: str
    topic: str
    members: dict[str, None] = field(default_factory=dict)


class _Table:
    """Accumulates table rows into units, people and rooms; every problem goes to `problems` with its row."""

    def __init__(self, problems: Problems, header: _Header) -> None:
        self.problems, self.headers, self.columns = problems, header.labels, header.columns
        self.units: dict[str, _TableUnit] = {}
        self.rooms: dict[str, _TableRoom] = {}
        self.rooms_by_topic: dict[str, str] = {}
        self.office: dict[str, None] = {}
        self.names: dict[str, tuple[str, int]] = {}  # wechat id -> (name, first row)
        self.bound: dict[str, tuple[str, int]] = {}  # wechat id -> (unit, first row)
        self.alias_owner: dict[str, tuple[str, int]] = {}  # alias -> (unit, first row)

    def cell(self, cells: list[str], name: str) -> str:
        col = self.columns.get(name)
        return cells[col].strip() if col is not None and col < len(cells) else ""

    def where(self, row: int, name: str) -> str:
        col = self.columns.get(name)
        label = self.headers[col].strip() if col is not None else TABLE_COLUMNS[name][0]
        return f"第{row}行「{label}」列"

    def error(self, row: int, name: str, text: str) -> None:
        self.problems.error(self.where(row, name), text, row=row)

    def value(self, row: int, cells: list[str], name: str) -> str | None:
        """The cell's text, or None (reported) when it holds control characters or is too long."""
        text = self.cell(cells, name)
        values = split_list(text) if name in ("aliases", "rooms") else [text]
        for value in values:
            what = "群ID" if name == "rooms" and value.endswith("@chatroom") else _WHAT[name]
            problem = value_problem(what, value) if value else None
            if problem is not None:
                self.error(row, name, problem)
                return None
        return text

    def is_data(self, row: int, cells: list[str]) -> bool:
        """False for numbered empty rows (skipped) and note rows (skipped and reported)."""
        known = {col for col in self.columns.values()}
        texts = [(col, cell.strip()) for col, cell in enumerate(cells) if cell.strip()]
        if all(col not in known for col, _ in texts) and all(_NUMBER.match(text) for _, text in texts):
            return False  # 序号 only: a numbered row left empty
        if len(texts) >= 3 and all(_NUMBER.match(text) for _, text in texts):
            return False  # column numbers under the header: (1) (2) (3) …
        words = [text for _, text in texts if not _NUMBER.match(text)]
        distinct = set(words)
        note = all(col not in known for col, _ in texts) or (
            not self.cell(cells, "name")
            and not self.cell(cells, "id")
            and len(distinct) == 1
            and any(_NOTE.match(text) or _SENTENCE.search(text) or len(text) > 40 for text in distinct)
        )
        if note:
            text = words[0] if words else ""
            shown = text[:30] + ("…" if len(text) > 30 else "")
            self.problems.warn(f"第{row}行", f"这一行像是说明文字（「{shown}」），没有导入。", row=row)
        return not note

    def role(self, row: int, cells: list[str]) -> str | None:
        text = self.cell(cells, "role")
        if text:
            role = _ROLES.get(text.lower())
            if role is None:
                self.error(row, "role", f"不认识的角色「{text}」，请填 联络员、督查室 或 群。")
            return role
        if self.cell(cells, "unit"):
            return "liaison"
        self.error(row, "role", "请填写角色（联络员、督查室 或 群），联络员还要填写单位。")
        return None

    def declare_room(self, row: int, cells: list[str]) -> None:
        text, room_id = self.value(row, cells, "rooms"), self.value(row, cells, "id")
        if text is None or room_id is None:
            return
        topics = split_list(text)
        if len(topics) != 1:
            self.error(row, "rooms", "角色为「群」的行在这一列填写一个群名称，例如「政务督查联络群」。")
            return
        topic = topics[0]
        room_id = room_id or f"room:{topic}"
        if room_id in self.rooms or topic in self.rooms_by_topic:
            self.error(row, "rooms", f"工作群「{topic}」（{room_id}）已经在前面声明过，每个群只写一行。")
            return
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

    def add_unit(self, row: int, cells: list[str]) -> str | None:
        name = self.value(row, cells, "unit")
        aliases, kind = self.value(row, cells, "aliases"), self.value(row, cells, "kind")
        if name == "":
            self.error(row, "unit", "联络员必须填写所在单位的全称，例如「城关镇」。")
        elif name in _SAME_AS_ABOVE:
            self.error(row, "unit", f"写了「{name}」，但上一行没有单位：请写出单位全称，例如「城关镇」。")
            return None
        if not name or aliases is None or kind is None:
            return None
        unit = self.units.setdefault(name, _TableUnit(name=name))
        for alias in split_list(aliases):
            owner, owner_row = self.alias_owner.setdefault(alias, (name, row))
            if owner != name:
                self.error(
                    row,
                    "aliases",
                    f"简称「{alias}」在第{owner_row}行已属于「{owner}」，一个简称只能指一个单位。",
                )
            elif alias != name and alias not in unit.aliases:
                unit.aliases.append(alias)
        if kind and unit.kind and kind != unit.kind:
            self.error(
                row,
                "kind",
                f"单位「{name}」的类别在第{unit.kind_row}行是「{unit.kind}」，这里是「{kind}」，请统一。",
            )
        if kind and not unit.kind:
            unit.kind, unit.kind_row = kind, row
        return name

    def add_person(self, row: int, role: str, unit_name: str | None, cells: list[str]) -> None:
        name, wechat_id, rooms = (self.value(row, cells, f) for f in ("name", "id", "rooms"))
        if name is None or wechat_id is None or rooms is None:
            return
        room_tokens = split_list(rooms)
        if not name and not wechat_id:
            if role == "office":
                self.error(row, "name", "督查室人员要填写姓名和微信号。")
            elif room_tokens:
                self.error(row, "rooms", "这一行没有人员（姓名和微信号都空），不能填写所在群。")
            return  # a row that only declares a unit
        if not wechat_id:
            if role == "office":
                self.error(
                    row, "id", f"督查室人员「{name}」没有填写微信号：没有微信号，机器人认不出他发的命令。"
                )
            elif unit_name:
                self.problems.warn(self.where(row, "id"), pending_warning(unit_name, name), row=row)
                self.units[unit_name].pending[name] = None
                for token in room_tokens:
                    self.room_for(token)
            return
        ok = True  # after one problem, look on: the id may clash with another row too
        if not name:
            self.error(row, "name", f"微信号「{wechat_id}」没有填写姓名。")
            ok = False
        else:
            known, known_row = self.names.setdefault(wechat_id, (name, row))
            if known != name:
                self.error(
                    row,
                    "name",
                    f"微信号「{wechat_id}」在第{known_row}行的姓名是「{known}」，这里是「{name}」，请统一。",
                )
                ok = False
        if role == "liaison" and unit_name:
            owner, owner_row = self.bound.setdefault(wechat_id, (unit_name, row))
            if owner != unit_name:
                self.error(
                    row,
                    "id",
                    f"微信号「{wechat_id}」在第{owner_row}行已绑定「{owner}」，不能再绑定「{unit_name}」："
                    "一个联络员只能属于一个单位。",
                )
                ok = False
        if not ok:
            return
        if role == "office":
            self.office[wechat_id] = None
        elif unit_name:
            self.units[unit_name].liaisons[wechat_id] = None
        for token in room_tokens:
            self.room_for(token).members[wechat_id] = None

    def finish(self) -> Roster:
        for alias, (owner, row) in self.alias_owner.items():
            if alias in self.units and alias != owner:
                self.error(row, "aliases", f"简称「{alias}」是另一个单位的全称，请删去或改写这个简称。")

        def person(wechat_id: str) -> RosterPerson:
            return RosterPerson(id=wechat_id, name=self.names[wechat_id][0])

        def unit(u: _TableUnit) -> RosterUnit:
            bound_names = {self.names[i][0] for i in u.liaisons}
            pending = dedupe(name for name in u.pending if name not in bound_names)
            return RosterUnit(u.name, tuple(u.aliases), u.kind, tuple(map(person, u.liaisons)), pending)

        return Roster(
            office=tuple(map(person, self.office)),
            units=tuple(map(unit, self.units.values())),
            rooms=tuple(RosterRoom(r.id, r.topic, tuple(r.members)) for r in self.rooms.values()),
        )


def roster_from_table(rows: Sequence[Row], source: str) -> Roster:
    """Build a Roster from table rows ``(row number, cells)``; see the module doc."""
    return reading_from_table(rows, source).roster


def reading_from_table(rows: Sequence[Row], source: str) -> RosterReading:
    """Like `roster_from_table`, keeping the warnings; a RosterError lists every problem of the table."""
    problems = Problems(source)
    rows = [(number, cells) for number, cells in rows if any(cell.strip() for cell in cells)]
    header = _find_header(rows)
    if header is None:
        problems.error("", f"没有找到表头。第一行（或标题下面一行）应是列名：{_COLUMN_HELP}。")
        raise RosterError(problems.errors)
    header_row = rows[header.index][0]
    for first, second in header.duplicates:
        problems.error(
            f"第{header_row}行（表头）", f"「{first}」和「{second}」是同一列，请只保留一个。", row=header_row
        )
    table = _Table(problems, header)
    records: list[tuple[int, str, list[str]]] = []
    above = ""  # the unit of the liaison row above, for a 单位 cell left empty or 「同上」
    for row, cells in rows[header.index + 1 :]:
        if not table.is_data(row, cells):
            continue
        unit_col = header.columns["unit"]
        unit_text = table.cell(cells, "unit")
        role_text = table.cell(cells, "role")
        person = table.cell(cells, "name") or table.cell(cells, "id")
        liaison_row = not role_text or _ROLES.get(role_text.lower()) == "liaison"
        if above and liaison_row and (unit_text in _SAME_AS_ABOVE or (not unit_text and person)):
            cells = [*cells, *[""] * (unit_col + 1 - len(cells))]
            cells[unit_col] = above
        role = table.role(row, cells)
        above = table.cell(cells, "unit") if role == "liaison" else ""
        if role is not None:
            records.append((row, role, cells))
    for row, role, cells in records:  # rooms first, so people rows may name them before their row
        if role == "room":
            table.declare_room(row, cells)
    for row, role, cells in records:
        unit_name = table.add_unit(row, cells) if role == "liaison" else None
        if role == "office" or (role == "liaison" and unit_name):
            table.add_person(row, role, unit_name, cells)
    roster = table.finish()
    problems.items.sort(key=lambda problem: problem.row)
    if not problems.errors:
        check_roster(roster, problems)  # a safety net: the table checks above name the rows
    problems.raise_errors()
    known = set(header.columns.values())
    ignored = tuple(
        label.strip() for col, label in enumerate(header.labels) if label.strip() and col not in known
    )
    return RosterReading(roster, problems.warnings, ignored)
