"""The roster in the database: apply a `Roster` idempotently, import a file (or try it), read it back, show it.

Applying (`apply_roster`) is an idempotent upsert: the file is the truth for what it names — a unit in
the file gets exactly the file's kind, aliases, liaisons and liaisons to be bound (liaisons of that unit
missing from the file are unbound, except one bound later under a name the file lists as 待绑定), a room in
the file gets exactly the file's members, and a non-empty office list replaces the office staff. Units,
people and rooms the file does not name are left alone; nothing is deleted.

Liaisons to be bound (names without a WeChat id) are kept as a small fact (`PENDING_KEY`) by unit name; one
stops being pending as soon as a liaison answering to that name is bound to the unit (``/绑定``).

`import_roster` is the door for `duban roster import`: it refuses a database holding the demo data
(recognised by the audit actor `DEMO_ACTOR`, in a dry run too), and in a dry run applies and rolls back, so
what it reports is exactly what an import would do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit, state
from storage.db import Database
from storage.models import AuditEntry, Person, Room, RoomMember, Unit, UnitAlias
from storage.roster import (
    Problem,
    Roster,
    RosterError,
    RosterPerson,
    RosterReading,
    RosterRoom,
    RosterSummary,
    RosterUnit,
    Tally,
    dedupe,
    validate_roster,
)

DEMO_ACTOR: Final = "demo"  # the audit actor of everything the demo roster installs
PENDING_KEY: Final = "roster.pending"
_CHANGE_WORDS: Final[Mapping[str, str]] = {
    "kind": "类别",
    "aliases": "简称",
    "active": "重新启用",
    "pending": "待绑定",
    "name": "姓名",
    "office": "督查室",
    "unit": "单位",
    "topic": "群名",
    "members": "成员",
}
_NAME_PARTS: Final = re.compile(r"[-－—_\s·]+")


class _Changes:
    """Writes one AuditEntry per created or changed roster entity, all with the same actor and time."""

    def __init__(self, session: AsyncSession, actor: str, at: datetime) -> None:
        self.session, self.actor, self.at = session, actor, at
        self._rows: list[dict[str, Any]] = []

    def record(self, action: str, subject: str, detail: dict[str, Any]) -> None:
        self._rows.append(
            {"at": self.at, "actor": self.actor, "action": action, "subject": subject, "detail": dict(detail)}
        )

    async def write(self) -> None:
        """The entries recorded so far, in order, in one statement."""
        await audit.record_all(self.session, self._rows)
        self._rows = []


def _diff(changes: dict[str, Any], key: str, old: object, new: object) -> None:
    if old != new:
        changes[key] = {"from": old, "to": new}


def _label(name: str, ident: str = "", changes: Mapping[str, Any] | None = None) -> str:
    """「城关镇（简称、类别）」, 「王五（wxid_wangwu：姓名）」: an entry and what changed, for summaries."""
    words = "、".join(_CHANGE_WORDS.get(key, key) for key in changes or {})
    inner = "：".join(part for part in (ident, words) if part)
    return f"{name}（{inner}）" if inner else name


def answers_to(person_name: str, pending_name: str) -> bool:
    """Whether a bound liaison is the one a roster listed by name only: 「王五」 or 「城关镇-王五」 for 王五."""
    return person_name == pending_name or _NAME_PARTS.split(person_name.strip())[-1] == pending_name


async def stored_pending(session: AsyncSession) -> dict[str, list[str]]:
    """Unit name → names of its liaisons still to be bound, as last imported."""
    value = await state.get(session, PENDING_KEY) or {}
    units = value.get("units", {})
    return {str(unit): [str(name) for name in names] for unit, names in units.items()}


async def store_pending(session: AsyncSession, pending: Mapping[str, list[str]], *, at: datetime) -> None:
    await state.put(session, PENDING_KEY, {"units": {u: n for u, n in pending.items() if n}}, at=at)


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
    problems: list[Problem] = []
    for unit in roster.units:
        if unit.name in foreign_alias:
            problems.append(
                Problem(
                    "", f"单位名称「{unit.name}」已是现有单位「{foreign_alias[unit.name]}」的简称，请改写。"
                )
            )
        for alias in unit.aliases:
            if alias in foreign_alias:
                problems.append(
                    Problem(
                        "",
                        f"单位「{unit.name}」的简称「{alias}」已属于现有单位「{foreign_alias[alias]}」，"
                        "一个简称只能指一个单位。",
                    )
                )
            elif alias in all_names and alias != unit.name:
                problems.append(
                    Problem(
                        "", f"单位「{unit.name}」的简称「{alias}」是现有单位的全称，请删去或改写这个简称。"
                    )
                )
    if problems:
        raise RosterError(problems)


async def apply_roster(session: AsyncSession, roster: Roster, *, actor: str, at: datetime) -> RosterSummary:
    """Upsert the roster (see the module doc); one AuditEntry per created or changed unit, person, room."""
    validate_roster(roster)
    await _check_against_db(session, roster)
    summary = RosterSummary()
    changes = _Changes(session, actor, at)
    people = {
        person.wechat_id: person for person in await session.scalars(select(Person).order_by(Person.id))
    }
    units = {unit.name: unit for unit in await session.scalars(select(Unit))}
    kept, pending = _resolve_pending(roster, units, people)
    stored = await stored_pending(session)
    unit_ids = await _apply_units(session, roster, units, pending, stored, changes, summary.units)
    await _apply_people(session, roster, unit_ids, kept, people, changes, summary.people)
    await _apply_rooms(session, roster, changes, summary.rooms)
    if any(stored.get(name, []) != list(names) for name, names in pending.items()):
        await store_pending(
            session, {**stored, **{name: list(names) for name, names in pending.items()}}, at=at
        )
    summary.pending = [f"{name}（{unit}）" for unit, names in pending.items() for name in names]
    await changes.write()
    await session.flush()
    return summary


def _resolve_pending(
    roster: Roster, units: Mapping[str, Unit], people: Mapping[str, Person]
) -> tuple[set[str], dict[str, tuple[str, ...]]]:
    """Liaisons bound since an earlier import under a pending name (they stay), and what is still pending."""
    kept: set[str] = set()
    pending: dict[str, tuple[str, ...]] = {}
    by_unit: dict[int, list[Person]] = {}
    for person in people.values():
        if person.unit_id is not None:
            by_unit.setdefault(person.unit_id, []).append(person)
    for unit in roster.units:
        listed = {person.id for person in unit.liaisons}
        row = units.get(unit.name)
        bound = [p for p in by_unit.get(row.id, []) if p.wechat_id not in listed] if row is not None else []
        still: list[str] = []
        for name in unit.pending:
            if any(answers_to(person.name, name) for person in unit.liaisons):
                continue
            matches = [p for p in bound if answers_to(p.name, name)]
            kept.update(p.wechat_id for p in matches)
            if not matches:
                still.append(name)
        pending[unit.name] = tuple(still)
    return kept, pending


def _wanted_aliases(unit: RosterUnit) -> list[str]:
    return [alias for alias in dedupe(unit.aliases) if alias != unit.name]


async def _apply_units(
    session: AsyncSession,
    roster: Roster,
    rows: dict[str, Unit],
    pending: Mapping[str, tuple[str, ...]],
    stored: Mapping[str, list[str]],
    audit: _Changes,
    tally: Tally,
) -> dict[str, int]:
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
        wanted = _wanted_aliases(unit)
        if set(current) != set(wanted):
            changes["aliases"] = {"from": current, "to": wanted}
        _diff(changes, "pending", stored.get(unit.name, []), list(pending[unit.name]))
        for alias_row in alias_rows.get(row.id, []):
            if alias_row.alias not in wanted:
                await session.delete(alias_row)
        updates.append((unit, row, changes))
    await session.flush()  # removed aliases are gone and new units have ids before aliases move
    for unit in created:
        row = rows[unit.name]
        for alias in _wanted_aliases(unit):
            session.add(UnitAlias(unit_id=row.id, alias=alias))
        tally.created.append(unit.name)
        detail: dict[str, Any] = {"kind": unit.kind, "aliases": _wanted_aliases(unit)}
        if pending[unit.name]:
            detail["pending"] = list(pending[unit.name])
        audit.record("roster.unit.create", f"unit:{unit.name}", detail)
    for unit, row, changes in updates:
        kept = {a.alias for a in alias_rows.get(row.id, [])}
        for alias in _wanted_aliases(unit):
            if alias not in kept:
                session.add(UnitAlias(unit_id=row.id, alias=alias))
        if changes:
            tally.updated.append(_label(unit.name, changes=changes))
            audit.record("roster.unit.update", f"unit:{unit.name}", changes)
        else:
            tally.unchanged.append(unit.name)
    await session.flush()
    return {name: row.id for name, row in rows.items()}


async def _apply_people(
    session: AsyncSession,
    roster: Roster,
    unit_ids: dict[str, int],
    kept: set[str],
    rows: Mapping[str, Person],
    audit: _Changes,
    tally: Tally,
) -> None:
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
            tally.created.append(_label(name, wechat_id))
            audit.record(
                "roster.person.create",
                f"person:{wechat_id}",
                {"name": name, "office": is_office, "unit": unit_names.get(unit_id) if unit_id else None},
            )
            continue
        _update_person(row, name, is_office, unit_id, unit_names, audit, tally, named=True)
    for wechat_id, row in rows.items():
        if wechat_id in names:
            continue
        is_office = row.is_office and not roster.office
        unit_id = row.unit_id if row.unit_id not in file_unit_ids or wechat_id in kept else None
        _update_person(row, row.name, is_office, unit_id, unit_names, audit, tally, named=False)
    await session.flush()


def _update_person(
    row: Person,
    name: str,
    is_office: bool,
    unit_id: int | None,
    unit_names: Mapping[int, str],
    audit: _Changes,
    tally: Tally,
    *,
    named: bool,
) -> None:
    """Change one person; one the file does not name (`named` false) is only counted when changed."""
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
        audit.record("roster.person.update", f"person:{row.wechat_id}", changes)
        tally.updated.append(_label(name or row.wechat_id, row.wechat_id, changes))
    elif named:
        tally.unchanged.append(_label(name or row.wechat_id, row.wechat_id))


async def _apply_rooms(session: AsyncSession, roster: Roster, audit: _Changes, tally: Tally) -> None:
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
        topic = room.topic or "（未命名）"
        row = rows.get(room.id)
        if row is None:
            row = Room(wechat_id=room.id, topic=room.topic, active=True)
            session.add(row)
            await session.flush()
            session.add_all(
                RoomMember(room_id=row.id, wechat_id=wechat_id, alias=names.get(wechat_id, ""))
                for wechat_id in room.members
            )
            tally.created.append(_label(topic, room.id))
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
        wanted = set(room.members)
        removed = [member.wechat_id for member in current if member.wechat_id not in wanted]
        added = [wechat_id for wechat_id in room.members if wechat_id not in current_ids]
        for member in current:
            if member.wechat_id not in wanted:
                await session.delete(member)
        session.add_all(
            RoomMember(room_id=row.id, wechat_id=wechat_id, alias=names.get(wechat_id, ""))
            for wechat_id in added
        )
        if added or removed:
            changes["members"] = {"added": added, "removed": removed}
        if changes:
            tally.updated.append(_label(topic, room.id, changes))
            audit.record("roster.room.update", f"room:{room.id}", changes)
        else:
            tally.unchanged.append(_label(topic, room.id))


# ---------------------------------------------------------------------------------------------------
# Importing a file


class _DryRun(Exception):
    """Raised inside the transaction of a dry run, so that everything it did is rolled back."""

    def __init__(self, summary: RosterSummary) -> None:
        self.summary = summary


NO_OFFICE: Final = (
    "名册里没有督查室人员：导入后没有人能发命令（/发布、/查询、/绑定 …）。请加上督查室人员再导入："
    "表格里加一列「角色」，督查室人员的行填「督查室」和姓名、微信号（也可以另用一个只有督查室人员的文件导入）。"
)


def location(db: Database) -> str:
    """Where a database is, for messages: the SQLite file, else the URL without its password."""
    url = make_url(db.engine.url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return str(Path(url.database))
    return url.render_as_string(hide_password=True)


def demo_refusal(where: str) -> str:
    return (
        f"数据库 {where} 里是示例数据（make run 装入的示例名册和试发的通知），不能把正式名册导入到这里，"
        "以免示例单位和通知混进正式台账。请换用一个新的数据库再导入：用配置 [database] url 或环境变量 "
        f"DUBAN_DATABASE_URL 指向新的数据库；或者在示例数据不再需要时删除 {where}（PostgreSQL 则清空这个库）。"
    )


async def holds_demo(session: AsyncSession) -> bool:
    """Whether the demo roster was ever installed in this database."""
    query = select(AuditEntry.id).where(AuditEntry.actor == DEMO_ACTOR, AuditEntry.action.like("roster.%"))
    return await session.scalar(query.limit(1)) is not None


async def import_roster(
    db: Database, reading: RosterReading, *, actor: str, at: datetime, dry_run: bool = False
) -> RosterSummary:
    """Apply a roster read from a file in one transaction (rolled back in a dry run); see the module doc."""
    try:
        async with db.transaction() as session:
            if await holds_demo(session):
                raise RosterError(demo_refusal(location(db)))
            summary = await apply_roster(session, reading.roster, actor=actor, at=at)
            if await session.scalar(select(Person.id).where(Person.is_office).limit(1)) is None:
                summary.warnings.append(Problem("", NO_OFFICE, warning=True))
            if dry_run:
                raise _DryRun(summary)
    except _DryRun as rolled_back:
        summary = rolled_back.summary
    summary.warnings[:0] = reading.warnings
    return summary


# ---------------------------------------------------------------------------------------------------
# Reading and showing


async def roster_is_empty(session: AsyncSession) -> bool:
    """True when no unit, person or room has ever been recorded (e.g. to seed the demo roster)."""
    for model_id in (Unit.id, Person.id, Room.id):
        if await session.scalar(select(model_id).limit(1)) is not None:
            return False
    return True


async def load_roster(session: AsyncSession) -> Roster:
    """The current roster from the database: active units and rooms, bound and pending liaisons, office staff."""
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
    pending = await stored_pending(session)
    rooms = list(await session.scalars(select(Room).where(Room.active.is_(True)).order_by(Room.id)))
    members: dict[int, list[str]] = {}
    for room_id, wechat_id in await session.execute(
        select(RoomMember.room_id, RoomMember.wechat_id).order_by(RoomMember.id)
    ):
        members.setdefault(room_id, []).append(wechat_id)

    def unit(row: Unit) -> RosterUnit:
        bound = tuple(liaisons.get(row.id, ()))
        waiting = (n for n in pending.get(row.name, ()) if not any(answers_to(p.name, n) for p in bound))
        return RosterUnit(row.name, tuple(aliases.get(row.id, ())), row.kind, bound, tuple(waiting))

    return Roster(
        office=tuple(RosterPerson(id=p.wechat_id, name=p.name) for p in people if p.is_office),
        units=tuple(map(unit, units)),
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
        if unit.pending:
            first = unit.pending[0]
            yield (
                f"     待绑定：{'、'.join(unit.pending)}（名册里没有微信号；在群里发送 /绑定 {unit.name} @{first} 绑定）"
            )
    yield ""
    yield f"督查室人员（{len(roster.office)} 人）"
    yield "  " + ("、".join(f"{p.name}（{p.id}）" for p in roster.office) or "（无：没有人能发命令）")
    yield ""
    yield f"工作群（{len(roster.rooms)} 个）"
    if not roster.rooms:
        yield "  （无）"
    for room in roster.rooms:
        members = "、".join(names.get(member, member) for member in room.members) or "（无成员）"
        yield f"  {room.topic or '（未命名）'}（{room.id}）{len(room.members)} 人：{members}"
