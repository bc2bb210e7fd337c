"""What a handler works with: the policy (settings that shape decisions) and one turn's outbox."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from handlers.messages import IncomingMessage
from storage import outbox
from storage.directory import PersonView

WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class Policy:
    """The configured rules handlers decide by; built from the configuration by the bot."""

    tz: ZoneInfo
    number_format: str
    receipt_window: timedelta
    workday_end: time
    bot_id: str
    bot_name: str

    def number(self, year: int, seq: int) -> str:
        return self.number_format.format(year=year, seq=seq)

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.tz)

    def show(self, moment: datetime | None, *, year: bool = False) -> str:
        """A time as office people read it: 12月1日（周二）18:00."""
        if moment is None:
            return "无"
        local = self.local(moment)
        prefix = f"{local.year}年" if year else ""
        return f"{prefix}{local.month}月{local.day}日（周{WEEKDAYS[local.weekday()]}）{local:%H:%M}"


@dataclass
class Turn:
    """One inbound event being handled: its session, message, sender and the messages it causes."""

    session: AsyncSession
    msg: IncomingMessage
    policy: Policy
    person: PersonView | None
    _replies: int = field(default=0)

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
    ) -> bool:
        return await outbox.enqueue(
            self.session,
            room_id=room_id,
            to_id=None,
            text=text,
            mentions=mentions,
            dedup_key=key,
            kind=kind,
            now=self.now,
            notice_id=notice_id,
        )

    async def tell(self, person_id: str, text: str, *, key: str, kind: str) -> bool:
        return await outbox.enqueue(
            self.session, room_id=None, to_id=person_id, text=text, dedup_key=key, kind=kind, now=self.now
        )
