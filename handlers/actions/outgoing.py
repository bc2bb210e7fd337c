"""The one door into the outbox: split long texts and long @-lists, one dedup key each, notes to the office."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from handlers.policy import Policy
from storage import directory, outbox
from storage.directory import PersonView

Alert = Callable[[str, str], Awaitable[None]]  # (key, text) to the office outside WeChat (bot.alerts)

# Messages the bot sends by itself; only these wait for the end of quiet hours (answers to people do not).
AUTOMATIC_KINDS = frozenset(
    {"reminder", "broadcast", "flag", "deadline", "bulletin", "calendar", "downtime", "review"}
)


def split_text(text: str, limit: int) -> list[str]:
    """Cut a text into parts of at most `limit` characters, at line ends where possible, numbered (1/3)…"""
    if len(text) <= limit:
        return [text]
    room = limit - 12  # space for the "（12/345）" marker
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > room:
            if current:
                parts.append(current)
                current = ""
            parts.append(line[:room])
            line = line[room:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > room:
            parts.append(current)
            current = line
        else:
            current = candidate
    if current:
        parts.append(current)
    return [f"{part}（{index}/{len(parts)}）" for index, part in enumerate(parts, 1)]


def split_message(
    text: str, mentions: tuple[str, ...], *, max_length: int, mentions_per_message: int
) -> list[tuple[str, tuple[str, ...]]]:
    """The messages one logical message becomes: text parts first, then further @-lists if it names many."""
    chunks = [
        mentions[i : i + mentions_per_message] for i in range(0, len(mentions), mentions_per_message)
    ] or [()]
    texts = split_text(text, max_length)
    first_line = text.split("\n", 1)[0][:60]
    messages = [(part, chunks[0] if index == 0 else ()) for index, part in enumerate(texts)]
    messages += [(f"（续上条，请以下人员留意）{first_line}", chunk) for chunk in chunks[1:]]
    return messages


async def queue(
    session: AsyncSession,
    policy: Policy,
    *,
    text: str,
    key: str,
    kind: str,
    now: datetime,
    room_id: str | None = None,
    to_id: str | None = None,
    mentions: tuple[str, ...] = (),
    notice_id: int | None = None,
    not_before: datetime | None = None,
    reaches: Sequence[int] = (),
) -> bool:
    """Queue one logical message (maybe several WeChat messages); False when its key was queued before.

    `reaches`: assignments whose notice the message carries to their unit (see `storage.outbox.enqueue`).
    """
    parts = split_message(
        text, mentions, max_length=policy.max_length, mentions_per_message=policy.mentions_per_message
    )
    queued = False
    for index, (part, people) in enumerate(parts):
        queued |= await outbox.enqueue(
            session,
            room_id=room_id,
            to_id=to_id,
            text=part,
            mentions=people,
            dedup_key=key if index == 0 else f"{key}#{index + 1}",
            kind=kind,
            now=now,
            notice_id=notice_id,
            not_before=not_before,
            reaches=reaches,
        )
    return queued


class Office:
    """The office's people for one transaction (a duty pass): read when first needed, then kept."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session
        self._people: list[PersonView] | None = None

    async def people(self) -> list[PersonView]:
        """Who is in the office, as read on first asking in this transaction."""
        if self._people is None:
            self._people = await directory.office_staff(self._session)
        return self._people


async def tell_office(
    session: AsyncSession,
    policy: Policy,
    text: str,
    *,
    key: str,
    kind: str,
    now: datetime,
    office: Sequence[PersonView] | None = None,
) -> bool:
    """A private note to every office member; automatic notes wait for the end of quiet hours.
    False when it was queued before (same key)."""
    not_before = policy.after_quiet(now) if kind in AUTOMATIC_KINDS else None
    queued = False
    for person in office if office is not None else await directory.office_staff(session):
        queued |= await queue(
            session,
            policy,
            to_id=person.wechat_id,
            text=text,
            key=f"{key}:{person.wechat_id}",
            kind=kind,
            now=now,
            not_before=not_before,
        )
    return queued


async def queue_file(
    session: AsyncSession,
    *,
    room_id: str,
    text: str,
    attachment_id: int,
    key: str,
    now: datetime,
    notice_id: int | None,
) -> bool:
    """Queue one file message into a room (after whatever that room was sent before); `text` names the file."""
    return await outbox.enqueue(
        session,
        room_id=room_id,
        to_id=None,
        text=text,
        dedup_key=key,
        kind="notice-file",
        now=now,
        notice_id=notice_id,
        attachment_id=attachment_id,
    )
