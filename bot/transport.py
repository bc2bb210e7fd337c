"""The transport port: what every chat connection (console, replay, wechaty) provides."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

from handlers.messages import IncomingMessage, OutgoingMessage

OnMessage = Callable[[IncomingMessage], Awaitable[None]]


class TransportError(Exception):
    """Sending failed; the outbox keeps the message and retries later."""


class TransportUncertain(TransportError):
    """The connection broke after the message went out: it may have arrived, so it is never retried."""


@dataclass(frozen=True)
class RoomInfo:
    """A room as the transport sees it, for roster sync."""

    id: str
    topic: str
    member_ids: tuple[str, ...]


class Transport(Protocol):
    """A chat connection. `start` returns once connected; incoming messages go to `on_message`."""

    async def start(self, on_message: OnMessage) -> None: ...

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
