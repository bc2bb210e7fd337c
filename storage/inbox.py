"""The durable inbox: inbound messages are written here before anything acts on them, then handled in order.

A message is written as soon as its id is known (`announce`; WeChat sends the id first and the content
on request) or with its content (`store`). Rows are handled in arrival order (`seq`); the handling
transaction marks its row done, so a crash repeats nothing and a redelivered id changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import dialect_insert, ring_after_commit
from storage.directory import VERSION
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


@dataclass(frozen=True)
class Stored:
    """A message written or settled, with the who-is-who counter read by the same statement (the handling
    in this transaction needs no statement of its own to know whether its cached directory is current)."""

    directory_version: int | None


_COUNTER = VERSION.scalar_subquery()


async def store(
    session: AsyncSession, message_id: str, payload: dict[str, Any], *, at: datetime, handled: bool = False
) -> Stored | None:
    """Write a message with its content; None when it was already here with content (a redelivery).

    `handled`: written as done, for a caller that handles it in this same transaction (so a rollback
    leaves no trace of it either)."""
    status = {"status": "done", "handled_at": at} if handled else {"status": "ready", "handled_at": None}
    new = {"message_id": message_id, "arrived_at": at, "payload": payload, **status}
    row = (await (await session.connection()).execute(_insert(session), new)).first()
    if row is None:  # already here: only an announced id still takes its content
        row = (
            await session.execute(
                update(InboxMessage)
                .where(InboxMessage.message_id == message_id, InboxMessage.status == "announced")
                .values(payload=payload, **status)
                .returning(_COUNTER)
            )
        ).first()
        if row is None:
            return None
    ring_after_commit(session, BELL)
    return Stored(row[0])


# Built once: these run for every message (a plain UPDATE, without the ORM's look at loaded objects).
_SETTLE = (
    update(InboxMessage)
    .where(InboxMessage.message_id == bindparam("id"))
    .values(status=bindparam("status"), handled_at=bindparam("handled_at"), error=bindparam("error"))
    .returning(_COUNTER)
)
_FIRST_WAITING = (
    select(
        InboxMessage.seq,
        InboxMessage.message_id,
        InboxMessage.status,
        InboxMessage.payload,
        InboxMessage.arrived_at,
    )
    .where(InboxMessage.status.in_(WAITING))
    .order_by(InboxMessage.seq)
    .limit(bindparam("limit"))
)


@cache
def _insert_for(dialect: str) -> Any:
    return dialect_insert(dialect, InboxMessage).on_conflict_do_nothing().returning(_COUNTER)


def _insert(session: AsyncSession) -> Any:
    """The INSERT of one message that skips an id already here (built once per dialect: it runs for every
    message)."""
    return _insert_for(session.get_bind().dialect.name)


async def settle(
    session: AsyncSession,
    message_id: str,
    *,
    status: str,
    at: datetime,
    error: str | None = None,
    ring: bool = True,
) -> Stored | None:
    """Mark a message handled (done), not to be handled (done, e.g. the bot's own) or failed; None when
    there is no such message. `ring`: wake the handler (a message it waits at may be skipped now); the
    handler settling a message it handles goes on by itself."""
    settled = await (await session.connection()).execute(
        _SETTLE, {"id": message_id, "status": status, "handled_at": at, "error": error}
    )
    row = settled.first()
    if row is None:
        return None
    if ring:
        ring_after_commit(session, BELL)
    return Stored(row[0])


async def first_waiting(session: AsyncSession, limit: int = 1) -> list[InboxRow]:
    """The earliest `limit` messages not yet handled, in order: handle each whose content is here, and
    stop at the first still being fetched."""
    rows = await session.execute(_FIRST_WAITING, {"limit": limit})
    return [InboxRow(*row) for row in rows]


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
