"""The review queue: liaison replies the bot could not place, gathered for the office with ready commands."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from handlers import outgoing, texts
from handlers.policy import Policy
from storage import notices, review
from storage.notices import AssignmentView, NoticeView
from storage.review import ReviewView

MAX_NOTICES_PER_ENTRY = 3  # ready commands for the unit's newest open notices, not all of them


@dataclass(frozen=True)
class Entry:
    """One waiting reply and the unit's open notices it may be about (newest first)."""

    item: ReviewView
    owed: tuple[tuple[NoticeView, AssignmentView], ...]


async def entries(session: AsyncSession, items: Sequence[ReviewView]) -> list[Entry]:
    """Each waiting reply with the unit's still-open notices it was queued for, as they stand now."""
    ids = {notice_id for item in items for notice_id in item.notice_ids}
    units = {item.unit_id for item in items}
    found = await notices.open_items_of(session, ids, units) if ids else []
    by_key = {(a.unit_id, n.id): (n, a) for n, a in found}
    result = []
    for item in items:
        owed = [
            by_key[(item.unit_id, notice_id)]
            for notice_id in reversed(item.notice_ids)
            if (item.unit_id, notice_id) in by_key
        ]
        result.append(Entry(item, tuple(owed[:MAX_NOTICES_PER_ENTRY])))
    return result


async def digest(
    session: AsyncSession, policy: Policy, now: datetime, office: outgoing.Office | None = None
) -> datetime | None:
    """Send the office the replies queued since the last digest, at most every `review_digest_every`;
    return when the next one may go out if replies are waiting for it (`office`: as a duty pass read it)."""
    waiting, last = await review.awaiting_digest(session)
    if not waiting:
        return None
    if last is not None and now < last + policy.review_digest_every:
        return last + policy.review_digest_every
    await outgoing.tell_office(
        session,
        policy,
        texts.review_digest(policy, await entries(session, waiting), now),
        key=f"review:{waiting[0].id}-{waiting[-1].id}:{len(waiting)}",
        kind="review",
        now=now,
        office=None if office is None else await office.people(),
    )
    await review.mark_digested(session, [item.id for item in waiting], at=now)
    return None
