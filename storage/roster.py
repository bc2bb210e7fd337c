"""The roster (units, liaisons, office staff, rooms) as plain dataclasses, read from a mapping and validated.

The mapping is what TOML/JSON roster files and the replay set-up line hold:
``office = [{id, name}]``, ``units = [{name, aliases?, kind?, liaisons: [{id, name}]}]``,
``rooms = [{id, topic, members: [ids]}]``. A liaison written with a name but no id is a liaison still to be
bound (待绑定). Files are read by `storage.roster_files` (tables by `storage.roster_table`), and
`storage.roster_store` applies a roster to the database.

Reading never stops at the first problem: every problem is collected (`Problems`) and a `RosterError`
lists them all, so one round of corrections is enough.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final


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
    pending: tuple[str, ...] = ()  # names of liaisons without a WeChat id yet (待绑定)


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


# ---------------------------------------------------------------------------------------------------
# Problems


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a roster: where (file, row, column or key) and what, with how to write it."""

    where: str
    text: str
    warning: bool = False
    row: int = field(default=0, compare=False)  # for tables: problems are listed in row order

    def __str__(self) -> str:
        return f"{self.where}：{self.text}" if self.where else self.text


MAX_LISTED: Final = 100  # a hostile file may hold thousands of problems; the count of the rest is given
MAX_UNCHANGED_LISTED: Final = 30


def describe_problems(problems: Sequence[Problem]) -> str:
    """One problem as one line; several as a numbered list under a line saying nothing was imported."""
    if len(problems) == 1:
        return str(problems[0])
    lines = [f"发现 {len(problems)} 处错误，名册没有导入（全部改正后再导入）："]
    lines += [f"  {number}. {problem}" for number, problem in enumerate(problems[:MAX_LISTED], start=1)]
    if len(problems) > MAX_LISTED:
        lines.append(f"  ……另有 {len(problems) - MAX_LISTED} 处错误没有列出。")
    return "\n".join(lines)


class RosterError(ValueError):
    """A roster file or mapping is wrong; the Chinese message says where and how to write it."""

    def __init__(self, problems: str | Sequence[Problem]) -> None:
        self.problems = (Problem("", problems),) if isinstance(problems, str) else tuple(problems)
        super().__init__(describe_problems(self.problems))


class Problems:
    """Collects the errors and warnings of one roster source; `where` texts get the source name in front."""

    def __init__(self, source: str = "") -> None:
        self.source = source
        self.items: list[Problem] = []

    def _where(self, where: str) -> str:
        if not self.source:
            return where
        if not where:
            return self.source
        return f"{self.source} {where}" if where.startswith("第") else f"{self.source}：{where}"

    def error(self, where: str, text: str, *, row: int = 0) -> None:
        self.items.append(Problem(self._where(where), text, row=row))

    def warn(self, where: str, text: str, *, row: int = 0) -> None:
        self.items.append(Problem(self._where(where), text, warning=True, row=row))

    @property
    def errors(self) -> list[Problem]:
        return [item for item in self.items if not item.warning]

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(item for item in self.items if item.warning)

    def raise_errors(self) -> None:
        if self.errors:
            raise RosterError(self.errors)


@dataclass(frozen=True)
class RosterReading:
    """A roster read from a file, with what the office should know but that does not stop the import."""

    roster: Roster
    warnings: tuple[Problem, ...] = ()
    ignored_columns: tuple[str, ...] = ()


# ---------------------------------------------------------------------------------------------------
# Values


MAX_LENGTHS: Final[Mapping[str, int]] = {
    "单位名称": 100,
    "简称": 100,
    "单位类别": 40,
    "姓名": 100,
    "微信号": 200,
    "群ID": 200,
    "群名称": 200,
}
MAX_ENTRIES: Final = 20_000  # units, people, rooms or members in one list
_CONTROL_NAMES: Final[Mapping[str, str]] = {
    "\x00": "空字符（NUL）",
    "\t": "制表符",
    "\n": "换行",
    "\r": "回车",
}


def bad_character(value: str) -> str | None:
    """The name of the first control (or otherwise invisible, unstorable) character in `value`, or None."""
    for char in value:
        category = unicodedata.category(char)
        if category in ("Cc", "Cs") or char in "\u2028\u2029" or (ord(char) & 0xFFFE) == 0xFFFE:
            return _CONTROL_NAMES.get(char, f"控制字符 U+{ord(char):04X}")
    return None


def value_problem(what: str, value: str) -> str | None:
    """What is wrong with one id, name or topic (too long, control characters), or None."""
    char = bad_character(value)
    if char is not None:
        return (
            f"{what}「{_shown(value)}」含有{char}，这种字符不能出现在{what}里："
            "请删去后重新输入（常见于从网页、聊天记录复制来的文字）。"
        )
    limit = MAX_LENGTHS[what]
    if len(value) > limit:
        return f"{what}「{value[:20]}…」太长：最多 {limit} 个字。"
    return None


def _shown(value: str) -> str:
    text = "".join(char if bad_character(char) is None else "�" for char in value[:30])
    return text + ("…" if len(value) > 30 else "")


SEPARATORS: Final = re.compile(r"[、，,；;\n]+")


def split_list(text: str) -> list[str]:
    """Split a cell like 「发改委、县发改委」 on 、，,；; and newlines; blanks dropped."""
    return [part.strip() for part in SEPARATORS.split(text) if part.strip()]


def dedupe(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


# ---------------------------------------------------------------------------------------------------
# Mapping form (TOML / JSON / replay set-up)

_TOP_KEYS: Final = frozenset({"office", "units", "rooms"})
_PERSON_KEYS: Final = frozenset({"id", "name"})
_UNIT_KEYS: Final = frozenset({"name", "aliases", "kind", "liaisons"})
_ROOM_KEYS: Final = frozenset({"id", "topic", "members"})

_PERSON_EXAMPLE: Final = '{"id": "wxid_zhangsan", "name": "张三"}'
_UNIT_EXAMPLE: Final = '{"name": "城关镇", "aliases": ["城关"], "kind": "乡镇", "liaisons": [...]}'
_ROOM_EXAMPLE: Final = '{"id": "20001@chatroom", "topic": "政务督查联络群", "members": ["wxid_zhangsan"]}'


def roster_from_mapping(data: Mapping[str, Any], *, strict: bool = False) -> Roster:
    """Build and validate a Roster from ``{office, units, rooms}``; warnings are dropped.

    With ``strict`` unknown keys are errors (for files, where they are typos); without it they are
    ignored (the replay set-up line carries other keys too).
    """
    return reading_from_mapping(data, strict=strict).roster


def reading_from_mapping(data: Mapping[str, Any], *, strict: bool = False, source: str = "") -> RosterReading:
    """Like `roster_from_mapping`, keeping the warnings; a RosterError lists every problem."""
    problems = Problems(source)
    if not isinstance(data, Mapping):
        problems.error(
            "", "名册应是一个对象，包含 office（督查室人员）、units（单位）、rooms（工作群）三个键。"
        )
        problems.raise_errors()
    reader = _MappingReader(problems, strict)
    if strict:
        reader.reject_unknown(data, _TOP_KEYS, "名册顶层")
    office = [
        reader.person(entry, f"office[{i}]") for i, entry in reader.entries(data, "office", _PERSON_EXAMPLE)
    ]
    units = [reader.unit(entry, f"units[{i}]") for i, entry in reader.entries(data, "units", _UNIT_EXAMPLE)]
    rooms = [reader.room(entry, f"rooms[{i}]") for i, entry in reader.entries(data, "rooms", _ROOM_EXAMPLE)]
    problems.raise_errors()
    roster = Roster(
        office=tuple(p for p in office if isinstance(p, RosterPerson)),
        units=tuple(u for u in units if u is not None),
        rooms=tuple(r for r in rooms if r is not None),
    )
    check_roster(roster, problems)
    problems.raise_errors()
    return RosterReading(roster, problems.warnings)


class _MappingReader:
    """Reads the entries of the mapping form, reporting each problem with its key path."""

    def __init__(self, problems: Problems, strict: bool) -> None:
        self.problems, self.strict = problems, strict

    def entries(self, data: Mapping[str, Any], key: str, example: str) -> list[tuple[int, Mapping[str, Any]]]:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problems.error("", f"「{key}」应是一个列表，每一项形如 {example}。")
            return []
        if len(value) > MAX_ENTRIES:
            self.problems.error("", f"「{key}」有 {len(value)} 项，最多 {MAX_ENTRIES} 项。")
            return []
        entries: list[tuple[int, Mapping[str, Any]]] = []
        for i, entry in enumerate(value):
            if key == "units" and isinstance(entry, str):
                entry = {"name": entry}  # a unit without aliases or liaisons may be written as its bare name
            if isinstance(entry, Mapping):
                entries.append((i, entry))
            else:
                self.problems.error(f"{key}[{i}]", f"应是一个对象，形如 {example}。")
        return entries

    def reject_unknown(self, entry: Mapping[str, Any], allowed: frozenset[str], where: str) -> None:
        unknown = sorted(str(key) for key in entry if key not in allowed)
        if unknown:
            self.problems.error(
                where, f"不认识的键 {'、'.join(unknown)}；可用的键是 {'、'.join(sorted(allowed))}。"
            )

    def text(
        self, entry: Mapping[str, Any], key: str, where: str, *, required: bool, what: str, example: str
    ) -> str | None:
        value = entry.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 10**30:
            value = str(value)
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.problems.error(f"{where}.{key}", f"{what}应是文字，例如 {example}。")
            return None
        value = value.strip()
        if required and not value:
            self.problems.error(where, f"缺少「{key}」（{what}）或为空，例如 {example}。")
            return None
        problem = value_problem(what, value) if value else None
        if problem is not None:
            self.problems.error(f"{where}.{key}", problem)
            return None
        return value

    def text_list(self, entry: Mapping[str, Any], key: str, where: str, what: str) -> list[str] | None:
        value = entry.get(key)
        if value is None:
            return []
        if isinstance(value, str):
            items = split_list(value)
        elif isinstance(value, list) and len(value) <= MAX_ENTRIES:
            items = []
            for i, item in enumerate(value):
                if isinstance(item, int) and not isinstance(item, bool) and abs(item) < 10**30:
                    item = str(item)
                if not isinstance(item, str) or not item.strip():
                    self.problems.error(f"{where}.{key}[{i}]", f"{what}应是非空文字。")
                    return None
                items.append(item.strip())
        else:
            self.problems.error(
                f"{where}.{key}", f'{what}应是文字列表（最多 {MAX_ENTRIES} 项），例如 ["甲", "乙"]。'
            )
            return None
        label = "微信号" if what == "成员微信号" else what
        for item in items:
            problem = value_problem(label, item)
            if problem is not None:
                self.problems.error(f"{where}.{key}", problem)
                return None
        return items

    def person(self, entry: Mapping[str, Any], where: str, unit: str = "") -> RosterPerson | str | None:
        """A person; for a liaison (`unit` given) without an id, their name (待绑定); None on an error."""
        if self.strict:
            self.reject_unknown(entry, _PERSON_KEYS, where)
        has_id = bool(str(entry.get("id") or "").strip())
        if unit and not has_id and str(entry.get("name") or "").strip():
            name = self.text(entry, "name", where, required=True, what="姓名", example=_PERSON_EXAMPLE)
            if name is not None:
                self.problems.warn(where, pending_warning(unit, name))
            return name
        wechat_id = self.text(entry, "id", where, required=True, what="微信号", example=_PERSON_EXAMPLE)
        name = self.text(entry, "name", where, required=self.strict, what="姓名", example=_PERSON_EXAMPLE)
        if wechat_id is None or name is None:
            return None
        return RosterPerson(id=wechat_id, name=name or wechat_id)

    def unit(self, entry: Mapping[str, Any], where: str) -> RosterUnit | None:
        if self.strict:
            self.reject_unknown(entry, _UNIT_KEYS, where)
        name = self.text(entry, "name", where, required=True, what="单位名称", example=_UNIT_EXAMPLE)
        kind = self.text(entry, "kind", where, required=False, what="单位类别", example='"乡镇"')
        aliases = self.text_list(entry, "aliases", where, "简称")
        raw_liaisons = entry.get("liaisons") or []
        if not isinstance(raw_liaisons, list) or not all(isinstance(x, Mapping) for x in raw_liaisons):
            self.problems.error(f"{where}.liaisons", f"联络员应是列表，每一项形如 {_PERSON_EXAMPLE}。")
            return None
        people = [self.person(x, f"{where}.liaisons[{i}]", name or "?") for i, x in enumerate(raw_liaisons)]
        if name is None or kind is None or aliases is None or None in people:
            return None
        return RosterUnit(
            name=name,
            aliases=dedupe(a for a in aliases if a != name),
            kind=kind,
            liaisons=tuple(p for p in people if isinstance(p, RosterPerson)),
            pending=dedupe(p for p in people if isinstance(p, str)),
        )

    def room(self, entry: Mapping[str, Any], where: str) -> RosterRoom | None:
        if self.strict:
            self.reject_unknown(entry, _ROOM_KEYS, where)
        room_id = self.text(entry, "id", where, required=True, what="群ID", example=_ROOM_EXAMPLE)
        topic = self.text(entry, "topic", where, required=False, what="群名称", example='"政务督查联络群"')
        members = self.text_list(entry, "members", where, "成员微信号")
        if room_id is None or topic is None or members is None:
            return None
        return RosterRoom(id=room_id, topic=topic, members=dedupe(members))


def pending_warning(unit: str, name: str) -> str:
    return (
        f"{name}（{unit}）没有填写微信号，记为待绑定的联络员，暂时收不到 @ 提醒。"
        f"导入后在工作群里发送 /绑定 {unit} @{name} 即可绑定（或补上微信号后重新导入）。"
    )


# ---------------------------------------------------------------------------------------------------
# Cross-checks


def validate_roster(roster: Roster) -> None:
    """Cross-checks every roster must pass, whatever it came from; a RosterError lists every problem."""
    problems = Problems()
    check_roster(roster, problems)
    problems.raise_errors()


def check_roster(roster: Roster, problems: Problems) -> None:
    """Report every value and cross-reference problem of a roster to `problems`."""
    _check_values(roster, problems)
    unit_names: set[str] = set()
    for unit in roster.units:
        if not unit.name.strip():
            problems.error("", "单位名称不能为空。")
        elif unit.name in unit_names:
            problems.error(
                "", f"单位「{unit.name}」出现了两次：每个单位只写一次，联络员都列在它的 liaisons 里。"
            )
        unit_names.add(unit.name)
    _check_aliases(roster, unit_names, problems)
    _check_people(roster, problems)
    room_ids: set[str] = set()
    for room in roster.rooms:
        if not room.id.strip():
            problems.error("", f"工作群「{room.topic}」没有填写群ID。")
        elif room.id in room_ids:
            problems.error("", f"工作群「{room.id}」出现了两次：每个群只写一次。")
        room_ids.add(room.id)
        if len(set(room.members)) != len(room.members):
            problems.error("", f"工作群「{room.topic or room.id}」的成员有重复。")
        if any(not member.strip() for member in room.members):
            problems.error("", f"工作群「{room.topic or room.id}」有成员的微信号为空。")


def _check_values(roster: Roster, problems: Problems) -> None:
    values: list[tuple[str, str]] = []
    for unit in roster.units:
        values += [("单位名称", unit.name), ("单位类别", unit.kind)]
        values += [("简称", alias) for alias in unit.aliases] + [("姓名", name) for name in unit.pending]
        values += [item for p in unit.liaisons for item in (("微信号", p.id), ("姓名", p.name))]
    values += [item for p in roster.office for item in (("微信号", p.id), ("姓名", p.name))]
    for room in roster.rooms:
        values += [("群ID", room.id), ("群名称", room.topic)] + [
            ("微信号", member) for member in room.members
        ]
    for what, value in values:
        problem = value_problem(what, value)
        if problem is not None:
            problems.error("", problem)


def _check_aliases(roster: Roster, unit_names: set[str], problems: Problems) -> None:
    alias_owner: dict[str, str] = {}
    for unit in roster.units:
        for alias in unit.aliases:
            if not alias.strip():
                problems.error("", f"单位「{unit.name}」有一个空的简称。")
            elif alias in unit_names and alias != unit.name:
                problems.error(
                    "", f"单位「{unit.name}」的简称「{alias}」是另一个单位的全称，请删去或改写这个简称。"
                )
            owner = alias_owner.setdefault(alias, unit.name)
            if owner != unit.name:
                problems.error(
                    "",
                    f"简称「{alias}」同时属于「{owner}」和「{unit.name}」：一个简称只能指一个单位，请改写其中一个。",
                )


def _check_people(roster: Roster, problems: Problems) -> None:
    names: dict[str, str] = {}
    bound: dict[str, str] = {}

    def check_person(person: RosterPerson, where: str) -> bool:
        if not person.id.strip():
            problems.error("", f"{where}有人没有填写微信号。")
            return False
        if not person.name.strip():
            problems.error("", f"{where}的「{person.id}」没有填写姓名。")
            return False
        known = names.setdefault(person.id, person.name)
        if known != person.name:
            problems.error("", f"微信号「{person.id}」的姓名不一致：「{known}」和「{person.name}」，请统一。")
        return True

    office_ids: set[str] = set()
    for person in roster.office:
        if check_person(person, "督查室人员中") and person.id in office_ids:
            problems.error("", f"督查室人员「{person.name}」（{person.id}）重复出现。")
        office_ids.add(person.id)
    for unit in roster.units:
        seen: set[str] = set()
        for person in unit.liaisons:
            if not check_person(person, f"单位「{unit.name}」的联络员中"):
                continue
            if person.id in seen:
                problems.error("", f"单位「{unit.name}」的联络员「{person.name}」（{person.id}）重复出现。")
            seen.add(person.id)
            owner = bound.setdefault(person.id, unit.name)
            if owner != unit.name:
                problems.error(
                    "",
                    f"微信号「{person.id}」（{person.name}）同时绑定了「{owner}」和「{unit.name}」："
                    "一个联络员只能属于一个单位。",
                )
        if any(not name.strip() for name in unit.pending):
            problems.error("", f"单位「{unit.name}」有一个待绑定的联络员没有姓名。")


# ---------------------------------------------------------------------------------------------------
# What an import changed


@dataclass
class Tally:
    """Names of the units, people or rooms an import created, changed (with what) and left as they were."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


@dataclass
class RosterSummary:
    """What one import changed (or, in a dry run, would change)."""

    units: Tally = field(default_factory=Tally)
    people: Tally = field(default_factory=Tally)
    rooms: Tally = field(default_factory=Tally)
    pending: list[str] = field(default_factory=list)  # 「王五（城关镇）」: liaisons still to be bound
    warnings: list[Problem] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(t.created or t.updated for t in (self.units, self.people, self.rooms))

    def __str__(self) -> str:
        return self.describe()

    def describe(self) -> str:
        """A one-line Chinese summary of the counts."""
        if not self.changed:
            return "名册没有变化。"
        u, p, r = self.units, self.people, self.rooms
        return (
            f"单位：新增 {len(u.created)} 个，更新 {len(u.updated)} 个；"
            f"人员：新增 {len(p.created)} 人，更新 {len(p.updated)} 人；"
            f"工作群：新增 {len(r.created)} 个，更新 {len(r.updated)} 个。"
        )

    def details(self) -> list[str]:
        """Chinese lines naming every new, changed and unchanged entry, the pending liaisons and warnings."""
        lines: list[str] = []
        for title, unit, tally in (
            ("单位", "个", self.units),
            ("人员", "人", self.people),
            ("工作群", "个", self.rooms),
        ):
            lines.append(
                f"{title}：新增 {len(tally.created)} {unit}，更新 {len(tally.updated)} {unit}，"
                f"不变 {len(tally.unchanged)} {unit}"
            )
            for label, names in (("新增", tally.created), ("更新", tally.updated)):
                if names:
                    lines.append(f"  {label}：{'、'.join(names)}")
            if tally.unchanged:
                more = (
                    f" 等 {len(tally.unchanged)} {unit}"
                    if len(tally.unchanged) > MAX_UNCHANGED_LISTED
                    else ""
                )
                lines.append(f"  不变：{'、'.join(tally.unchanged[:MAX_UNCHANGED_LISTED])}{more}")
        if self.pending:
            lines.append(f"待绑定的联络员（没有微信号，用 /绑定 绑定）：{'、'.join(self.pending)}")
        if self.warnings:
            lines.append(f"请注意（{len(self.warnings)} 条）：")
            lines += [f"  - {warning}" for warning in self.warnings]
        return lines
