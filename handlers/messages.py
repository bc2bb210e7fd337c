"""Neutral message dataclasses shared by every transport and the handlers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class IncomingMessage:
    """One message a transport received, with an aware timestamp taken from the message itself."""

    id: str
    sender_id: str
    text: str
    at: datetime
    room_id: str | None = None  # None: a private chat with the bot
    room_topic: str | None = None
    sender_name: str = ""  # the person's WeChat nickname
    sender_alias: str = ""  # the person's display name inside the room, if any
    mentions: tuple[str, ...] = ()
    quote_id: str | None = None  # id of the message this one quotes, if any

    @property
    def display_name(self) -> str:
        return self.sender_alias or self.sender_name or self.sender_id


@dataclass(frozen=True)
class OutgoingMessage:
    """One message to send: into a room (optionally @-mentioning people) or to one person."""

    text: str
    room_id: str | None = None
    to_id: str | None = None
    mentions: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if (self.room_id is None) == (self.to_id is None):
            raise ValueError("an outgoing message goes to exactly one room or one person")
