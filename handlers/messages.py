"""Neutral message dataclasses shared by every transport and the handlers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any


@dataclass(frozen=True)
class FileRef:
    """A file that came with a message: already in the file store under its checksum."""

    name: str
    size: int
    mime: str
    sha256: str


@dataclass(frozen=True)
class OutgoingFile:
    """A file to send, with its bytes."""

    name: str
    mime: str
    data: bytes


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
    file: FileRef | None = None  # a file message (its text is empty)

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
    kind: str = ""  # the outbox kind (notice, reply, reminder …), for transports that show or record it
    file: OutgoingFile | None = None  # send this file (the text names it for transports that only print)

    def __post_init__(self) -> None:
        if (self.room_id is None) == (self.to_id is None):
            raise ValueError("an outgoing message goes to exactly one room or one person")


def to_payload(msg: IncomingMessage) -> dict[str, Any]:
    """The message as JSON-ready values, for the durable inbox."""
    return {
        "id": msg.id,
        "sender_id": msg.sender_id,
        "text": msg.text,
        "at": msg.at.astimezone(UTC).isoformat(),
        "room_id": msg.room_id,
        "room_topic": msg.room_topic,
        "sender_name": msg.sender_name,
        "sender_alias": msg.sender_alias,
        "mentions": list(msg.mentions),
        "quote_id": msg.quote_id,
        "file": None if msg.file is None else asdict(msg.file),
    }


def from_payload(payload: Mapping[str, Any]) -> IncomingMessage:
    """The message `to_payload` wrote, with its original aware time."""
    return IncomingMessage(
        id=str(payload["id"]),
        sender_id=str(payload["sender_id"]),
        text=str(payload["text"]),
        at=datetime.fromisoformat(str(payload["at"])),
        room_id=payload.get("room_id"),
        room_topic=payload.get("room_topic"),
        sender_name=str(payload.get("sender_name") or ""),
        sender_alias=str(payload.get("sender_alias") or ""),
        mentions=tuple(payload.get("mentions") or ()),
        quote_id=payload.get("quote_id"),
        file=_file_ref(payload.get("file")),
    )


def _file_ref(value: Any) -> FileRef | None:
    if not isinstance(value, Mapping):
        return None
    return FileRef(str(value["name"]), int(value["size"]), str(value["mime"]), str(value["sha256"]))
