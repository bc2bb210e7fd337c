"""The review digest: liaison replies the bot could not place, sent to the office with ready commands."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from handlers import texts
from handlers.actions import outgoing
from handlers.policy import Policy
from storage import review


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
        texts.review_digest(policy, await review.entries(session, waiting), now),
        key=f"review:{waiting[0].id}-{waiting[-1].id}:{len(waiting)}",
        kind="review",
        now=now,
        office=None if office is None else await office.people(),
    )
    await review.mark_digested(session, [item.id for item in waiting], at=now)
    return None
