"""The durable inbox: inbound messages are written here before anything acts on them, then handled in order.

A message is written as soon as its id is known (`announce`; WeChat sends the id first and the content
on request) or with its content (`store`). Rows are handled in arrival order (`seq`); the handling
transaction marks its row done, so a crash repeats nothing and a redelivered id changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import ring_after_commit
from storage.models import InboxMessage

BELL = "inbox"
WAITING = ("announced", "ready")


@dataclass(frozen=True)
class InboxRow:
    seq: int
    message_id: str
    status: str
    payload: dict[str, Any] | None
    arrived_at: datetime


def _row(row: InboxMessage) -> InboxRow:
    return InboxRow(row.seq, row.message_id, row.status, row.payload, row.arrived_at)


async def announce(session: AsyncSession, message_ids: Sequence[str], *, at: datetime) -> list[str]:
    """Write the ids of messages that arrived, content to follow; returns the ids that were new."""
    wanted = list(dict.fromkeys(message_ids))
    known = set(
        (
            await session.scalars(select(InboxMessage.message_id).where(InboxMessage.message_id.in_(wanted)))
        ).all()
    )
    new = [message_id for message_id in wanted if message_id not in known]
    session.add_all(InboxMessage(message_id=m, arrived_at=at, status="announced") for m in new)
    return new


async def store(session: AsyncSession, message_id: str, payload: dict[str, Any], *, at: datetime) -> bool:
    """Write a message with its content; False when it was already here with content (a redelivery)."""
    row = await session.scalar(select(InboxMessage).where(InboxMessage.message_id == message_id))
    if row is None:
        session.add(InboxMessage(message_id=message_id, arrived_at=at, status="ready", payload=payload))
    elif row.status == "announced":
        row.status, row.payload = "ready", payload
    else:
        return False
    ring_after_commit(session, BELL)
    return True


async def settle(
    session: AsyncSession, message_id: str, *, status: str, at: datetime, error: str | None = None
) -> None:
    """Mark a message handled (done), not to be handled (done, e.g. the bot's own) or failed."""
    row = await session.scalar(select(InboxMessage).where(InboxMessage.message_id == message_id))
    if row is not None:
        row.status, row.handled_at, row.error = status, at, error
        ring_after_commit(session, BELL)


async def first_waiting(session: AsyncSession) -> InboxRow | None:
    """The earliest message not yet handled: handle it if its content is here, else wait for it."""
    row = await session.scalar(
        select(InboxMessage).where(InboxMessage.status.in_(WAITING)).order_by(InboxMessage.seq).limit(1)
    )
    return None if row is None else _row(row)


async def announced(session: AsyncSession) -> list[str]:
    """Ids whose content has not been fetched yet, in arrival order."""
    return list(
        (
            await session.scalars(
                select(InboxMessage.message_id)
                .where(InboxMessage.status == "announced")
                .order_by(InboxMessage.seq)
            )
        ).all()
    )


async def waiting_count(session: AsyncSession) -> int:
    query = select(func.count()).select_from(InboxMessage).where(InboxMessage.status.in_(WAITING))
    return int(await session.scalar(query) or 0)
