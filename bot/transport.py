"""The transport port: what every chat connection (console, replay, wechaty) provides and where it delivers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from handlers.messages import IncomingMessage, OutgoingMessage


class TransportError(Exception):
    """Sending failed; the outbox keeps the message and retries later."""


class TransportUncertain(TransportError):
    """The connection broke after the message went out: it may have arrived, so it is never retried."""


class Inbound(Protocol):
    """Where a transport hands over what arrives; every message is on disk before anything acts on it."""

    def announce(self, message_id: str) -> None:
        """A message with this id arrived and its content will follow (written at once, in arrival order)."""
        ...

    async def arrived(self, message: IncomingMessage) -> None:
        """A whole message: written to disk, then handled in arrival order."""
        ...

    async def skip(self, message_id: str, reason: str) -> None:
        """An announced message that needs no handling (the bot's own, not text)."""
        ...

    async def lost(self, message_id: str, reason: str) -> None:
        """An announced message whose content can no longer be fetched (the office is told)."""
        ...

    async def unfetched(self) -> list[str]:
        """Announced ids whose content is still to be fetched (after a crash or a dropped connection)."""
        ...


@dataclass(frozen=True)
class RoomInfo:
    """A room as the transport sees it, for roster sync."""

    id: str
    topic: str
    member_ids: tuple[str, ...]


class Transport(Protocol):
    """A chat connection. `start` returns once connected; what arrives goes to `inbound`."""

    async def start(self, inbound: Inbound) -> None: ...

    @property
    def ready(self) -> bool:
        """Whether sending can be tried now; while False the outbox holds its messages."""
        ...

    async def send(self, message: OutgoingMessage, display_names: dict[str, str]) -> str:
        """Send one message and return the transport's id for it.

        `display_names` maps the mentioned people, the addressee and the room to names, for transports
        that must render @-text or show where a message goes.
        Raises TransportError when the message could not be sent.
        """
        ...

    async def stop(self) -> None: ...
