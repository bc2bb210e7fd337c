"""Downtime is never silent: after the bot was offline, the rooms that owe replies are asked to reply again."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from handlers import texts
from handlers.actions import outgoing
from handlers.actions.audience import audience
from handlers.policy import Policy
from storage import notices


async def announce_downtime(
    session: AsyncSession, policy: Policy, start: datetime, end: datetime, now: datetime
) -> int:
    """One short post per room where units still owe a receipt or feedback on open notices (@-mentioning
    their liaisons), and a note to the office; returns how many rooms were asked."""
    open_notices = await notices.notices(session, status="open")
    rows = await notices.assignments(session, notice_ids=[n.id for n in open_notices])
    owing = [a for a in rows if a.owes(now)]
    heard = await audience(session, [a.unit_id for a in owing])
    key = f"downtime:{start.timestamp():.0f}"
    for room_id in heard.rooms:
        await outgoing.queue(
            session,
            policy,
            room_id=room_id,
            text=texts.downtime_post(policy, start, end),
            mentions=heard.rooms[room_id],
            key=f"{key}:{room_id}",
            kind="downtime",
            now=now,
            not_before=policy.after_quiet(now),
        )
    await outgoing.tell_office(
        session,
        policy,
        texts.downtime_office(policy, start, end, len(heard.rooms)),
        key=key,
        kind="downtime",
        now=now,
    )
    return len(heard.rooms)
