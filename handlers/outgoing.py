"""Queueing outgoing messages: split long texts and long @-lists, keep quiet hours, one dedup key each."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from storage import outbox

QUIET_MARGIN = timedelta(minutes=5)
# Messages the bot sends by itself; only these wait for the end of quiet hours (answers to people do not).
AUTOMATIC_KINDS = frozenset({"reminder", "broadcast", "flag", "bulletin", "calendar"})


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


def in_quiet(moment: datetime, start: time, end: time, tz: ZoneInfo) -> bool:
    clock = moment.astimezone(tz).time()
    if start <= end:
        return start <= clock < end
    return clock >= start or clock < end


def quiet_bounds(moment: datetime, start: time, end: time, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """Start and end of the quiet period that contains `moment` (which must be inside one)."""
    local = moment.astimezone(tz)
    day = local.date()
    if start > end and local.time() < end:
        day -= timedelta(days=1)
    begin = datetime.combine(day, start, tzinfo=tz)
    finish = datetime.combine(day if start <= end else day + timedelta(days=1), end, tzinfo=tz)
    return begin, finish


async def queue(
    session: AsyncSession,
    *,
    room_id: str | None,
    to_id: str | None,
    text: str,
    mentions: tuple[str, ...] = (),
    key: str,
    kind: str,
    now: datetime,
    max_length: int,
    mentions_per_message: int,
    notice_id: int | None = None,
    not_before: datetime | None = None,
) -> bool:
    """Queue one logical message (maybe several WeChat messages); False when its key was queued before."""
    parts = split_message(text, mentions, max_length=max_length, mentions_per_message=mentions_per_message)
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
        )
    return queued
