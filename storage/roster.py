"""The roster (units, liaisons, office staff, rooms) as plain dataclasses, read from a mapping and validated.

The mapping is what TOML/JSON roster files and the replay set-up line hold:
``office = [{id, name}]``, ``units = [{name, aliases?, kind?, liaisons: [{id, name}]}]``,
``rooms = [{id, topic, members: [ids]}]``. Files are read by `storage.roster_files`, and
`storage.roster_store` applies a roster to the database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
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
    aliases = dedupe(a for a in _text_list(entry, "aliases", where, "简称") if a != name)
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
    members = dedupe(_text_list(entry, "members", where, "成员微信号"))
    return RosterRoom(id=room_id, topic=topic, members=members)


def dedupe(items: Iterable[str]) -> tuple[str, ...]:
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
