"""The roster in the database: apply a `Roster` idempotently, read it back, show it.

Applying (`apply_roster`) is an idempotent upsert: the file is the truth for what it names — a unit in
the file gets exactly the file's kind, aliases and liaisons (liaisons of that unit missing from the file
are unbound), a room in the file gets exactly the file's members, and a non-empty office list replaces
the office staff. Units, people and rooms the file does not name are left alone; nothing is deleted.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit
from storage.models import Person, Room, RoomMember, Unit, UnitAlias
from storage.roster import (
    Roster,
    RosterError,
    RosterPerson,
    RosterRoom,
    RosterSummary,
    RosterUnit,
    dedupe,
    validate_roster,
)

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
    return [alias for alias in dedupe(unit.aliases) if alias != unit.name]


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
