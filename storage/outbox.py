"""The durable outbox: messages are queued in the same transaction as the change that caused them.

Queueing rings the database's "outbox" doorbell once the transaction commits, so the sender wakes up
whatever queued the message (a reply, a scheduled duty, a status change, a retry).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, bindparam, case, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage import changes, directory
from storage.db import insert_unless_taken, ring_after_commit
from storage.models import Assignment, Delivery, Notice, OutboxMessage, table_of

BELL = "outbox"
# Automatic messages about a notice that lose their point once it is closed or withdrawn.
STALE_WHEN_CLOSED = ("reminder",)


@dataclass(frozen=True)
class QueuedMessage:
    id: int
    dedup_key: str
    kind: str
    room_id: str | None
    to_id: str | None
    text: str
    mentions: tuple[str, ...]
    notice_id: int | None
    attempts: int
    not_before: datetime
    attachment_id: int | None = None  # a file message: send this attachment


# Built once: which assignments a post carries, written as plain rows (their ids are never needed).
_ADD_DELIVERIES = insert(table_of(Delivery))


async def enqueue(
    session: AsyncSession,
    *,
    room_id: str | None,
    to_id: str | None,
    text: str,
    mentions: tuple[str, ...] = (),
    dedup_key: str,
    kind: str,
    now: datetime,
    notice_id: int | None = None,
    not_before: datetime | None = None,
    reaches: Sequence[int] = (),
    attachment_id: int | None = None,
) -> bool:
    """Queue a message unless one with the same dedup key was ever queued; True when queued.

    `reaches`: the assignments whose notice this message carries to the unit (a notice post); when it
    is sent, those units count as reached. `attachment_id`: a file message (the text only names the file).
    """
    row = {
        "dedup_key": dedup_key,
        "kind": kind,
        "room_id": room_id,
        "to_id": to_id,
        "text": text,
        "mentions": list(mentions),
        "notice_id": notice_id,
        "status": "pending",
        "attempts": 0,
        "created_at": now,
        "not_before": not_before or now,
        "attachment_id": attachment_id,
    }
    added = insert_unless_taken(session, OutboxMessage).values(row).on_conflict_do_nothing()
    outbox_id = await session.scalar(added.returning(OutboxMessage.id))
    if outbox_id is None:  # that key was queued before
        return False
    if reaches:
        await session.execute(
            _ADD_DELIVERIES, [{"assignment_id": a, "outbox_id": outbox_id} for a in reaches]
        )
    changes.touch_assignments(session, reaches, since=now)  # those units count as reached (or on the way) now
    ring_after_commit(session, BELL)
    return True


# a QueuedMessage's fields, in order, read as plain columns
_QUEUED_COLUMNS = (
    OutboxMessage.id,
    OutboxMessage.dedup_key,
    OutboxMessage.kind,
    OutboxMessage.room_id,
    OutboxMessage.to_id,
    OutboxMessage.text,
    OutboxMessage.mentions,
    OutboxMessage.notice_id,
    OutboxMessage.attempts,
    OutboxMessage.not_before,
    OutboxMessage.attachment_id,
)


def _queued(row: Sequence[Any]) -> QueuedMessage:
    """A QueuedMessage from a row of `_QUEUED_COLUMNS`."""
    id_, dedup_key, kind, room_id, to_id, text, mentions, notice_id, attempts, not_before, attachment_id = row
    return QueuedMessage(
        id_,
        dedup_key,
        kind,
        room_id,
        to_id,
        text,
        tuple(mentions),
        notice_id,
        attempts,
        not_before,
        attachment_id,
    )


async def queued(session: AsyncSession, *, status: str) -> list[QueuedMessage]:
    """Messages in one status (pending: waiting to be sent), oldest first."""
    rows = await session.execute(
        select(*_QUEUED_COLUMNS).where(OutboxMessage.status == status).order_by(OutboxMessage.id)
    )
    return [_queued(row) for row in rows.all()]


def _conversation_of(room_id: str | None, to_id: str | None) -> ColumnElement[bool]:
    if room_id is not None:
        return OutboxMessage.room_id == room_id
    return and_(OutboxMessage.room_id.is_(None), OutboxMessage.to_id == to_id)


@dataclass(frozen=True)
class SendPass:
    """What a send pass starts from, read in one statement."""

    up_to: int  # the newest pending message's id: the pass looks at the messages up to it and no further
    stale: bool  # some pending reminder is about a notice no longer open (`stale_pending_reminders`)
    heads: list[QueuedMessage]  # as `pending_heads(up_to)` reads them


def _place_in_conversation() -> Any:
    """Each message's place in its conversation (a room, or one person in private), oldest first."""
    person = case((OutboxMessage.room_id.is_(None), OutboxMessage.to_id))
    return (
        func.row_number()
        .over(partition_by=(OutboxMessage.room_id, person), order_by=OutboxMessage.id)
        .label("place")
    )


def _pass_statement() -> Select[Any]:
    """The two oldest pending messages of each conversation, each row also carrying the newest pending id
    and whether any pending reminder has gone stale (window aggregates over every pending message)."""
    stale = case(
        (and_(OutboxMessage.kind.in_(STALE_WHEN_CLOSED), Notice.status != "open"), 1),
        else_=0,
    )
    ranked = (
        select(
            OutboxMessage.id,
            _place_in_conversation(),
            func.max(OutboxMessage.id).over().label("up_to"),
            func.max(stale).over().label("stale"),
        )
        .outerjoin(Notice, OutboxMessage.notice_id == Notice.id)
        .where(OutboxMessage.status == "pending")
        .subquery()
    )
    return (
        select(*_QUEUED_COLUMNS, ranked.c.up_to, ranked.c.stale)
        .join(ranked, ranked.c.id == OutboxMessage.id)
        .where(ranked.c.place <= 2)
        .order_by(OutboxMessage.id)
    )


# Built once: a send pass runs after every message queued.
_SEND_PASS = _pass_statement()


async def send_pass(session: AsyncSession) -> SendPass | None:
    """The newest pending id, whether a pending reminder is stale, and the heads of each conversation (two
    deep), in one statement where three were read; None when nothing is pending."""
    rows = (await session.execute(_SEND_PASS)).all()
    if not rows:
        return None
    width = len(_QUEUED_COLUMNS)
    return SendPass(rows[0][width], bool(rows[0][width + 1]), [_queued(row[:width]) for row in rows])


async def pending_heads(session: AsyncSession, up_to: int, *, depth: int = 2) -> list[QueuedMessage]:
    """The `depth` oldest pending messages of each conversation (ids at most `up_to`), oldest first: what a
    send pass may send first and what follows it, read without the rest of a long queue."""
    ranked = (
        select(OutboxMessage.id, _place_in_conversation())
        .where(OutboxMessage.status == "pending", OutboxMessage.id <= up_to)
        .subquery()
    )
    rows = await session.execute(
        select(*_QUEUED_COLUMNS)
        .join(ranked, ranked.c.id == OutboxMessage.id)
        .where(ranked.c.place <= depth)
        .order_by(OutboxMessage.id)
    )
    return [_queued(row) for row in rows.all()]


async def next_pending(session: AsyncSession, after: QueuedMessage, up_to: int) -> QueuedMessage | None:
    """The pending message of `after`'s conversation that follows it (id at most `up_to`)."""
    row = (
        await session.execute(
            select(*_QUEUED_COLUMNS)
            .where(
                _conversation_of(after.room_id, after.to_id),
                OutboxMessage.status == "pending",
                OutboxMessage.id > after.id,
                OutboxMessage.id <= up_to,
            )
            .order_by(OutboxMessage.id)
            .limit(1)
        )
    ).first()
    return None if row is None else _queued(row)


async def status_of(session: AsyncSession, outbox_id: int) -> tuple[str, datetime] | None:
    """(status, not_before) of one message."""
    row = await session.get(OutboxMessage, outbox_id)
    return None if row is None else (row.status, row.not_before)


async def stale_pending_reminders(session: AsyncSession, up_to: int) -> set[int]:
    """Pending reminders (id at most `up_to`) about notices no longer open: nobody owes anything."""
    rows = await session.scalars(
        select(OutboxMessage.id)
        .join(Notice, OutboxMessage.notice_id == Notice.id)
        .where(
            OutboxMessage.status == "pending",
            OutboxMessage.id <= up_to,
            OutboxMessage.kind.in_(STALE_WHEN_CLOSED),
            Notice.status != "open",
        )
    )
    return set(rows.all())


async def drop(session: AsyncSession, ids: set[int], *, reason: str) -> None:
    for row in (await session.scalars(select(OutboxMessage).where(OutboxMessage.id.in_(ids)))).all():
        row.status, row.last_error = "dropped", reason


_OUTBOX = table_of(OutboxMessage)
_ASSIGNMENTS = table_of(Assignment)
_DELIVERIES = table_of(Delivery)
# Built once, as plain statements: every message sent is claimed, then marked sent.
_CLAIM = (
    update(_OUTBOX)
    .where(_OUTBOX.c.id == bindparam("outbox_id"), _OUTBOX.c.status == "pending")
    .values(status="sending")
    .returning(directory.VERSION.scalar_subquery())  # the sender names people as of this counter
)
_MARK_SENT = (
    update(_OUTBOX)
    .where(_OUTBOX.c.id == bindparam("outbox_id"))
    .values(
        status="sent",
        sent_at=bindparam("at"),
        transport_message_id=bindparam("transport_message_id"),
        attempts=_OUTBOX.c.attempts + 1,
    )
)
_MARK_REACHED = (
    update(_ASSIGNMENTS)
    .where(
        _ASSIGNMENTS.c.id.in_(
            select(_DELIVERIES.c.assignment_id).where(_DELIVERIES.c.outbox_id == bindparam("outbox_id"))
        ),
        _ASSIGNMENTS.c.reached_at.is_(None),
    )
    .values(reached_at=bindparam("at"))
)


@dataclass(frozen=True)
class Claimed:
    """A message taken for sending, with the who-is-who counter read by the same statement."""

    directory_version: int | None


async def claim(session: AsyncSession, outbox_id: int) -> Claimed | None:
    """Take a pending message for sending (pending → sending); None when someone else took it."""
    row = (await session.execute(_CLAIM, {"outbox_id": outbox_id})).first()
    return None if row is None else Claimed(row[0])


async def mark_sent(
    session: AsyncSession, outbox_id: int, *, at: datetime, transport_message_id: str
) -> None:
    """The message went out; the units whose notice it carries are reached now (if not before)."""
    sent = {"outbox_id": outbox_id, "at": at, "transport_message_id": transport_message_id}
    await session.execute(_MARK_SENT, sent)
    await session.execute(_MARK_REACHED, {"outbox_id": outbox_id, "at": at})


async def mark_failed_attempt(
    session: AsyncSession, outbox_id: int, *, error: str, retry_at: datetime | None
) -> None:
    """Count a failed attempt; with no retry time the message is given up (status failed)."""
    row = await session.get_one(OutboxMessage, outbox_id)
    row.attempts += 1
    row.last_error = error
    if retry_at is None:
        row.status = "failed"
    else:
        row.status, row.not_before = "pending", retry_at
        ring_after_commit(session, BELL)


async def mark_unknown(session: AsyncSession, outbox_id: int, *, error: str) -> None:
    """The message may have gone out: it is never tried again."""
    row = await session.get_one(OutboxMessage, outbox_id)
    row.attempts += 1
    row.status, row.last_error = "unknown", error


async def recent_sends(session: AsyncSession, since: datetime) -> list[tuple[str, datetime]]:
    """(conversation key, sent time) of everything sent since `since`, oldest first, for pacing."""
    rows = (
        await session.execute(
            select(OutboxMessage.room_id, OutboxMessage.to_id, OutboxMessage.sent_at)
            .where(OutboxMessage.status == "sent", OutboxMessage.sent_at >= since)
            .order_by(OutboxMessage.sent_at)
        )
    ).all()
    return [(conversation_key(room, to), at) for room, to, at in rows if at is not None]


async def last_to(session: AsyncSession, to_id: str, *, kind: str) -> datetime | None:
    """When the latest message of this kind to this person was queued (None: never)."""
    found: datetime | None = await session.scalar(
        select(OutboxMessage.created_at)
        .where(OutboxMessage.to_id == to_id, OutboxMessage.kind == kind)
        .order_by(OutboxMessage.created_at.desc())
        .limit(1)
    )
    return found


def conversation_key(room_id: str | None, to_id: str | None) -> str:
    return f"room:{room_id}" if room_id is not None else f"person:{to_id}"
