"""What a handler works with: the policy (settings that shape decisions) and one turn's outbox."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from handlers.messages import IncomingMessage
from handlers.outgoing import queue
from handlers.workdays import WorkCalendar
from storage import directory
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
    calendar: WorkCalendar = field(default_factory=WorkCalendar)
    quiet_start: time = time(22, 0)
    quiet_end: time = time(7, 30)
    receipt_offsets: tuple[timedelta, ...] = (timedelta(minutes=30),)
    feedback_offsets: tuple[timedelta, ...] = (timedelta(hours=24), timedelta(hours=2))
    reminder_grace: timedelta = timedelta(minutes=30)
    quarter_threshold: int = 3
    veto_kinds: tuple[str, ...] = ("通报批评", "媒体曝光", "警示约谈", "责任追究")
    bulletin_room: str = ""
    max_length: int = 1500
    mentions_per_message: int = 20

    def number(self, year: int, seq: int) -> str:
        return self.number_format.format(year=year, seq=seq)

    async def queue(
        self,
        session: AsyncSession,
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
    ) -> bool:
        """Queue a message split to the configured limits (see `handlers.outgoing.queue`)."""
        return await queue(
            session,
            room_id=room_id,
            to_id=to_id,
            text=text,
            mentions=mentions,
            key=key,
            kind=kind,
            now=now,
            max_length=self.max_length,
            mentions_per_message=self.mentions_per_message,
            notice_id=notice_id,
            not_before=not_before,
        )

    async def tell_office(
        self,
        session: AsyncSession,
        text: str,
        *,
        key: str,
        kind: str,
        now: datetime,
        not_before: datetime | None = None,
        office: list[PersonView] | None = None,
    ) -> None:
        """Queue a private note to every office member (`office`: the list, when already at hand)."""
        for person in office if office is not None else await directory.office_staff(session):
            await self.queue(
                session,
                to_id=person.wechat_id,
                text=text,
                key=f"{key}:{person.wechat_id}",
                kind=kind,
                now=now,
                not_before=not_before,
            )

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
        return await self.policy.queue(
            self.session,
            room_id=room_id,
            text=text,
            mentions=mentions,
            key=key,
            kind=kind,
            now=self.now,
            notice_id=notice_id,
        )

    async def tell(self, person_id: str, text: str, *, key: str, kind: str) -> bool:
        return await self.policy.queue(
            self.session, to_id=person_id, text=text, key=key, kind=kind, now=self.now
        )
