"""Who still owes what on a notice, and the per-room reminder messages that @-mention only them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from handlers import texts
from handlers.context import Policy
from storage.directory import MemberView, PersonView
from storage.notices import AssignmentView, NoticeView


@dataclass(frozen=True)
class RoomMessage:
    room_id: str
    text: str
    mentions: tuple[str, ...]


def rooms_for_units(
    unit_ids: Sequence[int], liaisons: Sequence[PersonView], members: Sequence[MemberView]
) -> dict[str, list[str]]:
    """Room id → the liaisons of these units in it, in unit order then roster order; rooms in roster order."""
    order = {unit_id: index for index, unit_id in enumerate(unit_ids)}
    wanted = sorted((p for p in liaisons if p.unit_id in order), key=lambda p: order[p.unit_id or 0])
    rank = {p.wechat_id: index for index, p in enumerate(wanted)}
    rooms: dict[str, list[str]] = {}
    for member in members:
        if member.wechat_id in rank:
            rooms.setdefault(member.room_id, []).append(member.wechat_id)
    return {room: sorted(set(ids), key=rank.__getitem__) for room, ids in rooms.items()}


def reminder_messages(
    policy: Policy,
    notice: NoticeView,
    assignments: Sequence[AssignmentView],
    liaisons: Sequence[PersonView],
    members: Sequence[MemberView],
) -> list[RoomMessage]:
    """One reminder per room naming the units that still owe a receipt or feedback; none if nobody owes."""
    owing = [a for a in assignments if a.owes_receipt or a.owes_feedback]
    rooms = rooms_for_units([a.unit_id for a in owing], liaisons, members)
    unit_of = {p.wechat_id: p.unit_id for p in liaisons}
    result = []
    for room_id, people in rooms.items():
        here = {unit_of[p] for p in people}
        receipt = [a.unit_name for a in owing if a.unit_id in here and a.owes_receipt]
        feedback = [a.unit_name for a in owing if a.unit_id in here and a.owes_feedback]
        result.append(RoomMessage(room_id, texts.reminder(policy, notice, receipt, feedback), tuple(people)))
    return result
