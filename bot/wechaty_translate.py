"""WeChat payloads as duban reads them: pure functions, tested without a gateway."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.wechaty_xml import parse_quote

AT_SEPARATOR = "\u2005"  # WeChat ends every @name with a four-per-em space


@dataclass(frozen=True)
class Heard:
    """What a message payload says, before the sender's and the room's names are looked up."""

    sender_id: str
    text: str
    at: datetime
    room_id: str | None
    mentions: tuple[str, ...]
    quote_id: str | None
    is_file: bool = False  # a file sent in private: its bytes are fetched next


def read_payload(
    *,
    from_id: str,
    text: str,
    is_text: bool,
    room_id: str,
    is_file: bool = False,
    mention_ids: Sequence[str],
    timestamp: int,
    self_id: str | None,
    bot_names: Iterable[str],
    now: datetime,
) -> Heard | str:
    """The message, or why it needs no handling (the account's own, not text).

    A file is read only in a private chat (an office member giving the bot a notice's attachment); files
    in groups are the units' own material and stay unread, as before.
    """
    if not from_id or from_id == self_id:
        return "own"  # the account's own messages come back as events too
    if is_file and not room_id:
        return Heard(from_id, "", aware_utc(timestamp, now), None, (), None, is_file=True)
    quote = parse_quote(text)
    if quote is not None:
        text = quote.reply
    elif not is_text:
        return "not text"
    mentions = tuple(mention_ids)
    return Heard(
        sender_id=from_id,
        text=clean_text(text, mentions, self_id, bot_names),
        at=aware_utc(timestamp, now),
        room_id=room_id or None,
        mentions=mentions,
        quote_id=quote.quoted_id if quote is not None else None,
    )


def clean_text(text: str, mentions: Sequence[str], self_id: str | None, bot_names: Iterable[str]) -> str:
    """Drop the @-mention of the bot itself and turn WeChat's mention spaces into plain spaces."""
    if self_id in mentions:
        for name in set(bot_names) - {""}:
            text = text.replace(f"@{name}{AT_SEPARATOR}", "").replace(f"@{name} ", "")
            if text.endswith(f"@{name}"):
                text = text[: -len(name) - 1]
    return text.replace(AT_SEPARATOR, " ").strip()


def with_mentions(text: str, names: Sequence[str]) -> str:
    """The text as WeChat shows a message that @-mentions these names."""
    return "".join(f"@{name}{AT_SEPARATOR}" for name in names) + text


def aware_utc(timestamp: int, now: datetime) -> datetime:
    """The payload's timestamp (milliseconds; seconds from some puppets) as an aware UTC datetime."""
    if timestamp <= 0:
        return now
    if timestamp < 10**11:
        return datetime.fromtimestamp(timestamp, tz=UTC)
    return datetime.fromtimestamp(timestamp // 1000, tz=UTC) + timedelta(milliseconds=timestamp % 1000)


def file_box_json(name: str, data: bytes) -> str:
    """A file as an inline (base64) FileBox in the JSON form Wechaty's file-box reads (`type`, and the
    older `boxType` that python-wechaty writes)."""
    inline = 1  # FileBoxType.Base64
    encoded = base64.b64encode(data).decode()
    return json.dumps({"type": inline, "boxType": inline, "name": name, "base64": encoded, "metadata": {}})
