"""The composition root: wires configuration, database, transport, clock and the outbox sender."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from dataclasses import replace
from datetime import timedelta

from sqlalchemy.exc import DBAPIError

from bot.clock import Clock
from bot.config import Config
from bot.scheduler import BotScheduler, VirtualScheduler, cron_duties
from bot.sender import OutboxSender
from bot.transport import Transport
from handlers.context import Policy
from handlers.duties import Duties
from handlers.inbound import handle_message
from handlers.messages import IncomingMessage
from handlers.workdays import WorkCalendar
from storage.db import Database

log = logging.getLogger(__name__)
HANDLING_ATTEMPTS = 3


def make_policy(config: Config, *, bot_id: str) -> Policy:
    reminders = config.reminders
    return Policy(
        tz=config.tz,
        number_format=config.notices.number_format,
        receipt_window=timedelta(minutes=config.notices.receipt_window_minutes),
        workday_end=config.working_hours.end,
        bot_id=bot_id,
        bot_name=config.general.bot_name,
        calendar=WorkCalendar.of(config.calendar.extra_holidays, config.calendar.extra_workdays),
        quiet_start=config.quiet_hours.start,
        quiet_end=config.quiet_hours.end,
        receipt_offsets=tuple(timedelta(minutes=m) for m in reminders.receipt_offsets_minutes),
        feedback_offsets=tuple(timedelta(minutes=m) for m in reminders.feedback_offsets_minutes),
        reminder_grace=timedelta(minutes=reminders.grace_minutes),
        quarter_threshold=config.penalties.quarter_threshold,
        veto_kinds=config.penalties.veto_kinds,
        bulletin_room=config.bulletin.room,
        max_length=config.sending.max_length,
        mentions_per_message=config.sending.mentions_per_message,
    )


class App:
    """One running bot: handles each incoming message, then lets the sender drain the outbox."""

    def __init__(
        self,
        config: Config,
        db: Database,
        transport: Transport,
        clock: Clock,
        *,
        bot_id: str,
        rng: random.Random | None = None,
        virtual_time: bool = False,
    ) -> None:
        self.config, self.db, self.transport, self.clock = config, db, transport, clock
        self.policy = make_policy(config, bot_id=bot_id)
        quiet = (config.quiet_hours.start, config.quiet_hours.end, config.tz)
        self.sender = OutboxSender(db, transport, clock, config.sending, rng or random.Random(), quiet=quiet)
        self._wake = asyncio.Event()
        self.idle = asyncio.Event()  # set while the sender has nothing left to send
        self.stopping = False
        self._strict = virtual_time  # replays and tests want handler errors raised, a live bot logs them
        self.duties = Duties(db, self.policy)
        crons = cron_duties(config, self.duties)
        scheduler = VirtualScheduler if virtual_time else BotScheduler
        self.scheduler: BotScheduler | VirtualScheduler = scheduler(crons, self.duties, clock, config)

    async def prepare(self) -> None:
        """Migrate the schema and settle messages a crash left mid-send."""
        await self.db.upgrade()
        unknown = await self.sender.recover()
        if unknown:
            log.warning(
                "%d outbox messages were mid-send at the last stop; marked unknown, not resent", unknown
            )

    async def start_scheduler(self) -> None:
        """Catch up on what fell due while the bot was down, then keep time (call inside the running loop)."""
        await self.scheduler.start()
        self._wake.set()

    def set_bot_id(self, bot_id: str) -> None:
        """The bot's own WeChat id, known only after login on a real account."""
        self.policy = replace(self.policy, bot_id=bot_id)

    def wake_sender(self) -> None:
        self._wake.set()

    async def on_message(self, msg: IncomingMessage) -> None:
        for attempt in range(1, HANDLING_ATTEMPTS + 1):
            try:
                outcome = await handle_message(self.db, self.policy, msg)
                if outcome == "command":  # a command may have added or moved deadlines
                    await self.scheduler.poke()
                break
            except DBAPIError:  # e.g. "database is locked" or a dropped PostgreSQL connection: try again
                if self._strict:
                    raise
                if attempt == HANDLING_ATTEMPTS:
                    log.exception("handling message %s failed %d times; giving up", msg.id, attempt)
                    break
                log.warning("database error handling message %s (attempt %d); retrying", msg.id, attempt)
                await asyncio.sleep(attempt)
            except Exception:
                if self._strict:
                    raise
                log.exception("handling message %s failed", msg.id)
                break
        self._wake.set()

    async def send_loop(self) -> None:
        """Real-time sending: drain, then sleep until the next message is due or a new one arrives."""
        while True:
            self._wake.clear()
            try:
                next_due = await self.sender.send_due()
            except Exception:
                log.exception("outbox sender failed; retrying in 30 s")
                next_due = self.clock.now() + timedelta(seconds=30)
            if next_due is None:
                self.idle.set()
            timeout = None if next_due is None else max(0.0, (next_due - self.clock.now()).total_seconds())
            # asyncio.timeout, not wait_for: wait_for can swallow a cancellation on 3.11 (gh-86296)
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(timeout):
                    await self._wake.wait()
