"""The review queue: liaison replies the bot could not place, waiting for the office (/待核)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from storage import audit, notices
from storage.db import insert_unless_taken
from storage.models import ReviewItem, Unit
from storage.notices import AssignmentView, NoticeView

MAX_NOTICES_PER_ENTRY = 3  # ready commands for the unit's newest open notices, not all of them


@dataclass(frozen=True)
class ReviewView:
    id: int
    message_id: str
    unit_id: int
    unit_name: str
    wechat_id: str
    room_id: str | None
    text: str
    at: datetime
    notice_ids: tuple[int, ...]
    digested_at: datetime | None


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


async def add(
    session: AsyncSession,
    *,
    message_id: str,
    unit_id: int,
    wechat_id: str,
    room_id: str | None,
    text: str,
    at: datetime,
    notice_ids: Sequence[int],
) -> bool:
    """Queue a reply for the office (once per message); False when it is already queued."""
    row = {
        "message_id": message_id,
        "unit_id": unit_id,
        "wechat_id": wechat_id,
        "room_id": room_id,
        "text": text,
        "at": at,
        "notice_ids": list(notice_ids),
        "status": "open",
    }
    added = insert_unless_taken(session, ReviewItem).values(row).on_conflict_do_nothing()
    return await session.scalar(added.returning(ReviewItem.id)) is not None


def _waiting(*columns: Any) -> Select[Any]:
    """The replies still waiting with their unit's name (and `columns`), oldest first."""
    return (
        select(ReviewItem, Unit.name, *columns)
        .join(Unit, ReviewItem.unit_id == Unit.id)
        .where(ReviewItem.status == "open")
        .order_by(ReviewItem.at, ReviewItem.id)
    )


async def open_items(session: AsyncSession) -> list[ReviewView]:
    """The replies still waiting, oldest first."""
    query = _waiting()
    return [_view(r, name) for r, name in (await session.execute(query)).all()]


def _view(row: ReviewItem, unit_name: str) -> ReviewView:
    return ReviewView(
        row.id,
        row.message_id,
        row.unit_id,
        unit_name,
        row.wechat_id,
        row.room_id,
        row.text,
        row.at,
        tuple(row.notice_ids),
        row.digested_at,
    )


def _awaiting_digest() -> Select[Any]:
    sent = aliased(ReviewItem)
    last = (
        select(sent.digested_at)
        .where(sent.digested_at.is_not(None))
        .order_by(sent.digested_at.desc())
        .limit(1)
        .scalar_subquery()
    )
    return _waiting(last).where(ReviewItem.digested_at.is_(None))


_AWAITING_DIGEST = _awaiting_digest()  # built once: every deadline pass asks


async def awaiting_digest(session: AsyncSession) -> tuple[list[ReviewView], datetime | None]:
    """The replies waiting and not yet sent in a digest, oldest first, with when the last digest went out
    (None: never; asked only when one waits), in one statement."""
    rows = (await session.execute(_AWAITING_DIGEST)).all()
    return [_view(r, name) for r, name, _ in rows], (rows[0][2] if rows else None)


async def mark_digested(session: AsyncSession, ids: Sequence[int], *, at: datetime) -> None:
    """Note that these items went out in a digest at `at` (one UPDATE, no read of them first)."""
    await session.execute(update(ReviewItem).where(ReviewItem.id.in_(ids)).values(digested_at=at))


async def settle(
    session: AsyncSession, item_id: int, *, status: str, actor: str, at: datetime
) -> ReviewView | None:
    """Mark one item done (a correction was made) or ignored; None when there is no such open item."""
    row = await session.get(ReviewItem, item_id)
    if row is None or row.status != "open":
        return None
    row.status, row.handled_by, row.handled_at = status, actor, at
    await audit.record(
        session,
        at=at,
        actor=actor,
        action=f"review.{status}",
        subject=f"review:{item_id}",
        message_id=row.message_id,
    )
    return _view(row, await session.scalar(select(Unit.name).where(Unit.id == row.unit_id)) or "")


async def settle_for(session: AsyncSession, unit_id: int, notice_id: int, *, actor: str, at: datetime) -> int:
    """A correction for a unit and a notice settles the unit's waiting replies about it; returns how many."""
    rows = (
        await session.scalars(
            select(ReviewItem).where(ReviewItem.unit_id == unit_id, ReviewItem.status == "open")
        )
    ).all()
    settled = 0
    for row in rows:
        if notice_id in row.notice_ids:
            row.status, row.handled_by, row.handled_at = "done", actor, at
            settled += 1
    return settled
