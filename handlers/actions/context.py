"""One turn: an inbound message being handled, its session, its sender and the messages it causes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from handlers.actions import outgoing
from handlers.messages import IncomingMessage
from handlers.policy import Policy
from storage.directory import PersonView
from storage.notices import AssignmentView, NoticeView


@dataclass
class Turn:
    """One inbound event being handled: its session, message, sender and the messages it causes."""

    session: AsyncSession
    msg: IncomingMessage
    policy: Policy
    person: PersonView | None
    _replies: int = field(default=0)
    # A unit's open items as this turn read them (`liaison.unit_items`), dropped when it records on them.
    open_items: dict[int, list[tuple[NoticeView, AssignmentView]]] = field(default_factory=dict)

    @property
    def now(self) -> datetime:
        return self.msg.at

    async def reply(self, text: str) -> None:
        """Answer in the conversation the message came from (mentioning the sender in a room)."""
        self._replies += 1
        key = f"reply:{self.msg.id}:{self._replies}"
        if self.msg.room_id is None:
            await self.tell(self.msg.sender_id, text, key=key, kind="reply")
        else:
            await self.post(self.msg.room_id, text, (self.msg.sender_id,), key=key, kind="reply")

    async def post(
        self,
        room_id: str,
        text: str,
        mentions: tuple[str, ...],
        *,
        key: str,
        kind: str,
        notice_id: int | None = None,
        reaches: Sequence[int] = (),
    ) -> bool:
        return await outgoing.queue(
            self.session,
            self.policy,
            room_id=room_id,
            text=text,
            mentions=mentions,
            key=key,
            kind=kind,
            now=self.now,
            notice_id=notice_id,
            reaches=reaches,
        )

    async def post_file(
        self, room_id: str, text: str, attachment_id: int, *, key: str, notice_id: int | None
    ) -> bool:
        return await outgoing.queue_file(
            self.session,
            room_id=room_id,
            text=text,
            attachment_id=attachment_id,
            key=key,
            now=self.now,
            notice_id=notice_id,
        )

    async def tell(self, person_id: str, text: str, *, key: str, kind: str) -> bool:
        return await outgoing.queue(
            self.session, self.policy, to_id=person_id, text=text, key=key, kind=kind, now=self.now
        )

    async def tell_office(self, text: str, *, key: str, kind: str) -> None:
        await outgoing.tell_office(self.session, self.policy, text, key=key, kind=kind, now=self.now)
