"""Whom a message about some units reaches: their bound liaisons, in each room the bot shares with them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from storage import directory
from storage.directory import MemberView, PersonView


@dataclass(frozen=True)
class Audience:
    """Room id → the liaisons of the units asked about who are in it (units in the order asked)."""

    rooms: dict[str, tuple[str, ...]]
    unit_of: dict[str, int]  # liaison → unit
    topics: dict[str, str]  # room id → topic

    def units_in(self, room_id: str) -> set[int]:
        return {self.unit_of[person] for person in self.rooms.get(room_id, ())}

    def people(self, room_id: str, unit_ids: set[int]) -> tuple[str, ...]:
        """The liaisons in the room of just these units."""
        return tuple(p for p in self.rooms.get(room_id, ()) if self.unit_of[p] in unit_ids)

    @property
    def reachable(self) -> set[int]:
        """Units with at least one bound liaison in a room with the bot."""
        return {self.unit_of[p] for people in self.rooms.values() for p in people}


def rooms_for_units(
    unit_ids: Sequence[int], liaisons: Sequence[PersonView], members: Sequence[MemberView]
) -> dict[str, tuple[str, ...]]:
    """Room id → the liaisons of these units in it, in unit order then roster order; rooms in roster order."""
    order = {unit_id: index for index, unit_id in enumerate(dict.fromkeys(unit_ids))}
    wanted = sorted((p for p in liaisons if p.unit_id in order), key=lambda p: order[p.unit_id or 0])
    rank = {p.wechat_id: index for index, p in enumerate(wanted)}
    rooms: dict[str, list[str]] = {}
    for member in members:
        if member.wechat_id in rank:
            rooms.setdefault(member.room_id, []).append(member.wechat_id)
    return {room: tuple(sorted(set(ids), key=rank.__getitem__)) for room, ids in rooms.items()}


async def audience(session: AsyncSession, unit_ids: Sequence[int]) -> Audience:
    """The liaisons of `unit_ids` per room, from the roster and the rooms as WeChat last reported them."""
    unit_ids = list(dict.fromkeys(unit_ids))
    liaisons = await directory.liaisons(session, unit_ids)
    members = await directory.memberships(session, [p.wechat_id for p in liaisons])
    rooms = rooms_for_units(unit_ids, liaisons, members)
    unit_of = {p.wechat_id: p.unit_id for p in liaisons if p.unit_id is not None}
    topics = {m.room_id: m.room_topic for m in members}
    return Audience(rooms, unit_of, topics)
