"""Who is who: people, units, rooms and memberships, read as plain dataclasses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit
from storage.models import DirectoryVersion, Person, Room, RoomMember, Unit, UnitAlias

VERSION = select(DirectoryVersion.n).where(DirectoryVersion.id == 1)  # read before every message: built once


@dataclass(frozen=True)
class PersonView:
    wechat_id: str
    name: str
    is_office: bool
    unit_id: int | None
    unit_name: str | None


@dataclass(frozen=True)
class UnitView:
    id: int
    name: str
    aliases: tuple[str, ...]
    kind: str


@dataclass(frozen=True)
class MemberView:
    room_id: str
    room_topic: str
    wechat_id: str
    alias: str


@dataclass(frozen=True)
class Directory:
    """Who is who, read at once: people by WeChat id, the active units, rooms with their members' names."""

    version: int
    people: dict[str, PersonView]
    units: tuple[UnitView, ...]
    rooms: dict[str, tuple[str, dict[str, str]]]  # room id → (topic, member id → name there)

    def display_names(self, wechat_ids: Sequence[str], room_id: str | None = None) -> dict[str, str]:
        """As `display_names` reads them: the name in that room, else the roster name, else the id; and
        the room's own topic (else its id) under `room_id`."""
        names = {}
        for wechat_id in wechat_ids:
            person = self.people.get(wechat_id)
            names[wechat_id] = person.name if person is not None and person.name else wechat_id
        if room_id is not None:
            topic, members = self.rooms.get(room_id, (room_id, {}))
            names.update((w, members[w]) for w in wechat_ids if members.get(w))
            names[room_id] = topic or room_id
        return names

    def knows_member(self, room_id: str, topic: str | None, wechat_id: str, alias: str) -> bool:
        """Whether `observe_member` would change nothing: room, topic, member and name as known."""
        room = self.rooms.get(room_id)
        if room is None or (topic and room[0] != topic):
            return False
        known = room[1].get(wechat_id)
        return known is not None and (not alias or known == alias)


class DirectoryCache:
    """The last `Directory` read, reused while the database's counter (raised by trigger on every change
    to people, units, aliases, rooms or members, by any process) says it is current."""

    def __init__(self) -> None:
        self._last: Directory | None = None

    async def read(self, session: AsyncSession) -> Directory:
        """Who is who now: the counter is read, the rest only when it moved."""
        return await self.at(session, await session.scalar(VERSION))

    async def at(self, session: AsyncSession, version: int | None) -> Directory:
        """Who is who at `version`, the counter as this transaction already read it (with another statement)."""
        if self._last is None or version is None or self._last.version != version:
            self._last = await read_all(session, -1 if version is None else version)
        return self._last

    @property
    def last(self) -> Directory | None:
        """What was last read (None: nothing yet), for when the database itself cannot be asked."""
        return self._last


async def read_all(session: AsyncSession, version: int = -1) -> Directory:
    """Who is who, read now (`version`: the counter it was read at, when known)."""
    people = {
        wechat_id: PersonView(wechat_id, name, is_office, unit_id, unit_name)
        for wechat_id, name, is_office, unit_id, unit_name in await session.execute(
            select(Person.wechat_id, Person.name, Person.is_office, Person.unit_id, Unit.name)
            .outerjoin(Unit, Person.unit_id == Unit.id)
            .order_by(Person.id)
        )
    }
    rooms: dict[str, tuple[str, dict[str, str]]] = {}
    for room_id, topic, member, alias in await session.execute(
        select(Room.wechat_id, Room.topic, RoomMember.wechat_id, RoomMember.alias).outerjoin(
            RoomMember, RoomMember.room_id == Room.id
        )
    ):
        members = rooms.setdefault(room_id, (topic, {}))[1]
        if member is not None:
            members[member] = alias
    return Directory(version, people, tuple(await units(session)), rooms)


async def get_person(session: AsyncSession, wechat_id: str) -> PersonView | None:
    row = (
        await session.execute(
            select(Person, Unit.name)
            .outerjoin(Unit, Person.unit_id == Unit.id)
            .where(Person.wechat_id == wechat_id)
        )
    ).first()
    if row is None:
        return None
    person, unit_name = row
    return PersonView(person.wechat_id, person.name, person.is_office, person.unit_id, unit_name)


async def office_staff(session: AsyncSession) -> list[PersonView]:
    people = (await session.scalars(select(Person).where(Person.is_office).order_by(Person.id))).all()
    return [PersonView(p.wechat_id, p.name, True, p.unit_id, None) for p in people]


async def units(session: AsyncSession) -> list[UnitView]:
    rows = (await session.scalars(select(Unit).where(Unit.active).order_by(Unit.id))).all()
    aliases: dict[int, list[str]] = {}
    for alias in (await session.scalars(select(UnitAlias).order_by(UnitAlias.id))).all():
        aliases.setdefault(alias.unit_id, []).append(alias.alias)
    return [UnitView(u.id, u.name, tuple(aliases.get(u.id, ())), u.kind) for u in rows]


async def liaisons(session: AsyncSession, unit_ids: list[int] | None = None) -> list[PersonView]:
    """Bound liaisons (of the given units), in unit then binding order."""
    query = select(Person, Unit.name).join(Unit, Person.unit_id == Unit.id).order_by(Unit.id, Person.id)
    if unit_ids is not None:
        query = query.where(Person.unit_id.in_(unit_ids))
    rows = (await session.execute(query)).all()
    return [PersonView(p.wechat_id, p.name, p.is_office, p.unit_id, name) for p, name in rows]


async def memberships(session: AsyncSession, wechat_ids: list[str] | None = None) -> list[MemberView]:
    query = (
        select(RoomMember, Room)
        .join(Room, RoomMember.room_id == Room.id)
        .where(Room.active)
        .order_by(Room.id, RoomMember.id)
    )
    if wechat_ids is not None:
        query = query.where(RoomMember.wechat_id.in_(wechat_ids))
    rows = (await session.execute(query)).all()
    return [MemberView(room.wechat_id, room.topic, m.wechat_id, m.alias) for m, room in rows]


async def room_topic(session: AsyncSession, room_id: str) -> str | None:
    return await session.scalar(select(Room.topic).where(Room.wechat_id == room_id))


async def observe_member(
    session: AsyncSession, *, room_id: str, topic: str | None, wechat_id: str, alias: str
) -> None:
    """Remember a room and a member seen in chat (new rooms, new members, changed names).

    One query reads both; nothing is written when the room and the member are known as they are.
    """
    found = (
        await session.execute(
            select(Room, RoomMember)
            .outerjoin(RoomMember, (RoomMember.room_id == Room.id) & (RoomMember.wechat_id == wechat_id))
            .where(Room.wechat_id == room_id)
            .limit(1)
        )
    ).first()
    room, member = (None, None) if found is None else (found[0], found[1])
    if room is None:
        room = Room(wechat_id=room_id, topic=topic or room_id, active=True)
        session.add(room)
        await session.flush()
    elif topic and room.topic != topic:
        room.topic = topic
    if member is None:
        session.add(RoomMember(room_id=room.id, wechat_id=wechat_id, alias=alias))
    elif alias and member.alias != alias:
        member.alias = alias


async def find_people(session: AsyncSession, token: str) -> list[tuple[str, str]]:
    """(wechat id, name) of everyone whose id, roster name or room alias is exactly `token`."""
    found: dict[str, str] = {}
    for person in (
        await session.scalars(select(Person).where((Person.wechat_id == token) | (Person.name == token)))
    ).all():
        found[person.wechat_id] = person.name
    for member in (
        await session.scalars(
            select(RoomMember).where((RoomMember.wechat_id == token) | (RoomMember.alias == token))
        )
    ).all():
        found.setdefault(member.wechat_id, member.alias)
    return sorted(found.items())


async def bind(
    session: AsyncSession, *, wechat_id: str, name: str, unit_id: int | None, actor: str, at: datetime
) -> int | None:
    """Bind a person to a unit (None: unbind); returns the unit they were bound to before."""
    person = await session.scalar(select(Person).where(Person.wechat_id == wechat_id))
    if person is None:
        person = Person(wechat_id=wechat_id, name=name, is_office=False, unit_id=None)
        session.add(person)
    previous = person.unit_id
    if not person.name and name:
        person.name = name
    person.unit_id = unit_id
    await session.flush()
    await audit.record(
        session,
        at=at,
        actor=actor,
        action="bind" if unit_id else "unbind",
        subject=f"person:{wechat_id}",
        unit_id=unit_id,
        previous_unit_id=previous,
    )
    return previous


async def sync_room(
    session: AsyncSession, *, room_id: str, topic: str, member_ids: list[str], at: datetime
) -> None:
    """Make a room's topic and member list what WeChat reports (joins, leaves, topic changes)."""
    room = await session.scalar(select(Room).where(Room.wechat_id == room_id))
    if room is None and topic:
        # A roster table named this room only by its topic: it is this room, now with its real id.
        room = await session.scalar(select(Room).where(Room.wechat_id == f"room:{topic}"))
        if room is not None:
            room.wechat_id = room_id
    if room is None:
        room = Room(wechat_id=room_id, topic=topic, active=True)
        session.add(room)
        await session.flush()
    room.topic = topic or room.topic
    current = {
        m.wechat_id: m
        for m in (await session.scalars(select(RoomMember).where(RoomMember.room_id == room.id))).all()
    }
    for wechat_id in set(current) - set(member_ids):
        await session.delete(current[wechat_id])
    session.add_all(
        RoomMember(room_id=room.id, wechat_id=w, alias="") for w in member_ids if w not in current
    )
    await audit.record(
        session,
        at=at,
        actor="wechat",
        action="room.sync",
        subject=f"room:{room_id}",
        topic=topic,
        joined=sorted(set(member_ids) - set(current)),
        left=sorted(set(current) - set(member_ids)),
    )
