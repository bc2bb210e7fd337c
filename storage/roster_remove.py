"""Taking a unit, a person or a room out of the roster without losing the ledger's history.

- A unit with notices or penalty records is deactivated (kept for the ledger, no longer offered for new
  notices); one without any history is deleted. Either way its liaisons are unbound, its aliases freed
  and its pending liaisons dropped.
- A person is unbound from their unit, loses office rights and leaves the roster's room lists; the row
  stays, so the names in old receipts and feedback still read right. A pending liaison is dropped.
- A room is deactivated: nothing is posted there any more; members and history stay.

Each returns the Chinese confirmation and writes one audit entry per change; a RosterError says when the
name matches nothing or more than one thing. Importing a roster that names the unit or room again
reactivates it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Final

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit
from storage.models import Assignment, Flag, Person, Room, RoomMember, Unit, UnitAlias
from storage.roster import RosterError
from storage.roster_store import store_pending, stored_pending

_SHOW: Final = "用 duban roster show 查看名册。"


async def remove_unit(session: AsyncSession, token: str, *, actor: str, at: datetime) -> str:
    """Deactivate (or, without history, delete) the unit named `token` (full name or alias)."""
    unit = await _find_unit(session, token)
    if not unit.active:
        return f"单位「{unit.name}」已经停用，无需再移除。"
    notices = await session.scalar(
        select(func.count()).select_from(Assignment).where(Assignment.unit_id == unit.id)
    )
    flags = await session.scalar(select(func.count()).select_from(Flag).where(Flag.unit_id == unit.id))
    liaisons = list(
        await session.scalars(select(Person).where(Person.unit_id == unit.id).order_by(Person.id))
    )
    for person in liaisons:
        person.unit_id = None
        await audit.record(
            session,
            at=at,
            actor=actor,
            action="roster.person.update",
            subject=f"person:{person.wechat_id}",
            unit={"from": unit.name, "to": None},
        )
    aliases = list(await session.scalars(select(UnitAlias).where(UnitAlias.unit_id == unit.id)))
    for alias in aliases:
        await session.delete(alias)
    pending = await stored_pending(session)
    dropped = pending.pop(unit.name, [])
    if dropped:
        await store_pending(session, pending, at=at)
    detail = {
        "aliases": [a.alias for a in aliases],
        "liaisons": [p.wechat_id for p in liaisons],
        "pending": dropped,
        "notices": notices or 0,
        "flags": flags or 0,
    }
    after = _unbound_text(liaisons, dropped)
    if notices or flags:
        unit.active = False
        await audit.record(
            session,
            at=at,
            actor=actor,
            action="roster.unit.deactivate",
            subject=f"unit:{unit.name}",
            **detail,
        )
        history = f"{notices} 份通知" + (f"、{flags} 条处理记录" if flags else "")
        return (
            f"已停用单位「{unit.name}」：它有 {history}，台账和历史记录全部保留，以后发布通知时不再有这个单位。"
            f"{after}再次导入含有这个单位的名册会重新启用它。"
        )
    await session.flush()
    await session.delete(unit)
    await audit.record(
        session, at=at, actor=actor, action="roster.unit.remove", subject=f"unit:{unit.name}", **detail
    )
    return f"已从名册删除单位「{unit.name}」（它没有任何通知记录）。{after}"


def _unbound_text(liaisons: list[Person], dropped: list[str]) -> str:
    text = ""
    if liaisons:
        text += f"联络员 {'、'.join(p.name or p.wechat_id for p in liaisons)} 已解绑。"
    if dropped:
        text += f"待绑定的 {'、'.join(dropped)} 已一并删去。"
    return text


async def _find_unit(session: AsyncSession, token: str) -> Unit:
    units = list(await session.scalars(select(Unit).order_by(Unit.id)))
    by_alias = {
        alias: unit_id for alias, unit_id in await session.execute(select(UnitAlias.alias, UnitAlias.unit_id))
    }
    found = [u for u in units if u.name == token or by_alias.get(token) == u.id]
    if len(found) == 1:
        return found[0]
    if found:
        raise RosterError(f"「{token}」同时指 {'、'.join(u.name for u in found)}，请写要移除的单位的全称。")
    near = [u.name for u in units if u.active and (token in u.name or u.name in token)]
    hint = f"是不是：{'、'.join(near[:5])}？" if near else ""
    raise RosterError(f"名册里没有单位「{token}」。{hint}请写单位全称或简称，{_SHOW}")


@dataclass(frozen=True)
class _Candidate:
    person: Person | None  # None: a pending liaison
    unit: str | None
    name: str

    def label(self) -> str:
        if self.person is None:
            return f"{self.name}（{self.unit}，待绑定）"
        role = f"{self.unit}联络员" if self.unit else "督查室"
        return f"{self.name}（{self.person.wechat_id}，{role}）"


async def remove_person(session: AsyncSession, token: str, *, actor: str, at: datetime) -> str:
    """Take the person `token` (WeChat id, name, or 「单位-姓名」) out of the roster."""
    candidate = await _find_person(session, token)
    if candidate.person is None:
        assert candidate.unit is not None
        pending = await stored_pending(session)
        before = pending.get(candidate.unit, [])
        pending[candidate.unit] = [name for name in before if name != candidate.name]
        await store_pending(session, pending, at=at)
        await audit.record(
            session,
            at=at,
            actor=actor,
            action="roster.unit.update",
            subject=f"unit:{candidate.unit}",
            pending={"from": before, "to": pending[candidate.unit]},
        )
        return f"已删去「{candidate.unit}」待绑定的联络员 {candidate.name}。"
    person = candidate.person
    rooms = list(
        await session.execute(
            select(RoomMember, Room.topic)
            .join(Room, RoomMember.room_id == Room.id)
            .where(RoomMember.wechat_id == person.wechat_id)
            .order_by(RoomMember.id)
        )
    )
    was_office = person.is_office
    person.unit_id, person.is_office = None, False
    for member, _ in rooms:
        await session.delete(member)
    await audit.record(
        session,
        at=at,
        actor=actor,
        action="roster.person.remove",
        subject=f"person:{person.wechat_id}",
        name=person.name,
        unit=candidate.unit,
        office=was_office,
        rooms=[topic for _, topic in rooms],
    )
    await session.flush()
    parts = [f"已从名册移除 {person.name or person.wechat_id}（{person.wechat_id}）"]
    if candidate.unit:
        parts.append(f"解除与「{candidate.unit}」的绑定")
    if was_office:
        parts.append("不再是督查室人员")
    if rooms:
        parts.append(f"移出工作群 {'、'.join(topic or '（未命名）' for _, topic in rooms)} 的成员名单")
    text = "，".join(parts) + "。以前的签收和反馈记录保留。"
    if was_office and await session.scalar(select(Person.id).where(Person.is_office).limit(1)) is None:
        text += "注意：现在名册里没有督查室人员，没有人能发命令。"
    return text


async def _find_person(session: AsyncSession, token: str) -> _Candidate:
    unit_names = {unit_id: name for unit_id, name in await session.execute(select(Unit.id, Unit.name))}
    unit_part, _, name_part = token.rpartition("-")
    people = await session.scalars(
        select(Person).where(
            (Person.wechat_id == token) | (Person.name == token) | (Person.name == name_part)
        )
    )
    found: list[_Candidate] = []
    outside = False
    for person in people:
        unit = unit_names.get(person.unit_id) if person.unit_id is not None else None
        wanted = person.wechat_id == token or person.name == token or (unit is not None and unit == unit_part)
        if not wanted:
            continue
        if unit is None and not person.is_office:
            outside = True
            continue
        found.append(_Candidate(person, unit, person.name or person.wechat_id))
    for unit, names in (await stored_pending(session)).items():
        for name in names:
            if name == token or (unit == unit_part and name == name_part):
                found.append(_Candidate(None, unit, name))
    if len(found) == 1:
        return found[0]
    if found:
        raise RosterError(
            f"「{token}」指的不止一人：{'、'.join(c.label() for c in found)}。"
            "请改写微信号，或写「单位-姓名」，例如 duban roster remove person 城关镇-王五。"
        )
    if outside:
        raise RosterError(f"「{token}」不在名册里（不是督查室人员，也没有绑定单位），无需移除。")
    raise RosterError(f"名册里没有「{token}」。请写微信号、姓名或「单位-姓名」，{_SHOW}")


async def remove_room(session: AsyncSession, token: str, *, actor: str, at: datetime) -> str:
    """Deactivate the room `token` (WeChat room id or topic)."""
    rooms = list(
        await session.scalars(
            select(Room).where((Room.wechat_id == token) | (Room.topic == token)).order_by(Room.id)
        )
    )
    exact = [room for room in rooms if room.wechat_id == token]
    if exact:
        rooms = exact
    if not rooms:
        raise RosterError(f"名册里没有工作群「{token}」。请写群名称或群ID，{_SHOW}")
    if len(rooms) > 1:
        listed = "、".join(room.wechat_id for room in rooms)
        raise RosterError(f"有 {len(rooms)} 个群叫「{token}」（{listed}），请改写群ID。")
    room = rooms[0]
    label = f"「{room.topic or '（未命名）'}」（{room.wechat_id}）"
    if not room.active:
        return f"工作群{label}已经停用，无需再移除。"
    room.active = False
    members = await session.scalar(
        select(func.count()).select_from(RoomMember).where(RoomMember.room_id == room.id)
    )
    await audit.record(
        session,
        at=at,
        actor=actor,
        action="roster.room.deactivate",
        subject=f"room:{room.wechat_id}",
        topic=room.topic,
        members=members or 0,
    )
    return (
        f"已停用工作群{label}：以后不再往这个群发通知和提醒，成员名单和历史记录保留。"
        "再次导入含有这个群的名册会重新启用它。"
    )
