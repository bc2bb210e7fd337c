"""A recording `Inbound` for transport tests: keeps what a transport announced and handed over."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from handlers.messages import IncomingMessage


@dataclass
class RecordingInbound:
    announced: list[str] = field(default_factory=list)
    messages: asyncio.Queue[IncomingMessage] = field(default_factory=asyncio.Queue)
    received: list[IncomingMessage] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    gone: dict[str, str] = field(default_factory=dict)
    pending_fetch: list[str] = field(default_factory=list)  # what `unfetched` answers (once)

    def announce(self, message_id: str) -> None:
        self.announced.append(message_id)

    async def arrived(self, message: IncomingMessage) -> None:
        self.received.append(message)
        await self.messages.put(message)

    async def skip(self, message_id: str, reason: str) -> None:
        self.skipped[message_id] = reason

    async def lost(self, message_id: str, reason: str) -> None:
        self.gone[message_id] = reason

    async def unfetched(self) -> list[str]:
        found, self.pending_fetch = self.pending_fetch, []
        return found

    async def next_message(self, within: float = 5.0) -> IncomingMessage:
        return await asyncio.wait_for(self.messages.get(), within)
