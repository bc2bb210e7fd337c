"""The composition root: wires configuration, database, transport, clock, intake, scheduler and sender."""

from __future__ import annotations

import asyncio
import logging
import random
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock
from bot.config import Config
from bot.intake import Intake
from bot.scheduler import BotScheduler, VirtualScheduler, cron_duties
from bot.sender import OutboxSender
from bot.transport import Transport, TransportError
from bot.trouble import Patient, Trouble
from handlers import texts
from handlers.actions.duties import Duties
from handlers.actions.inbound import handle_message
from handlers.actions.outgoing import Alert
from handlers.messages import IncomingMessage, OutgoingMessage
from handlers.policy import Policy
from handlers.rules.assessment import Rules
from handlers.rules.filecheck import MB, FileRules
from handlers.rules.workdays import WorkCalendar
from storage import attachments, directory, inbox, outbox
from storage.db import Database
from storage.directory import DirectoryCache
from storage.files import FileStore

log = logging.getLogger(__name__)
SENDER_POLL = timedelta(seconds=60)
UNKEPT_FILES_LINGER = timedelta(
    days=1
)  # a stored file no record refers to is removed at start-up after this  # look at the outbox now and then even when no bell rang


def assessment_rules(config: Config) -> Rules:
    """The `[assessment]` points as the scoring rules (veto kinds from `[penalties]`)."""
    points = config.assessment
    return Rules(
        base=points.base_score,
        lapse_points={
            ("receipt", "late"): points.late_receipt,
            ("receipt", "missed"): points.missed_receipt,
            ("feedback", "late"): points.late_feedback,
            ("feedback", "missed"): points.missed_feedback,
        },
        penalty_points=points.penalty_points(),
        veto_kinds=config.penalties.veto_kinds,
    )


def make_policy(config: Config, *, bot_id: str) -> Policy:
    reminders = config.reminders
    return Policy(
        tz=config.tz,
        number_format=config.notices.number_format,
        receipt_window=timedelta(minutes=config.notices.receipt_window_minutes),
        workday_start=config.working_hours.start,
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
        offline_notice_after=timedelta(minutes=config.operations.offline_notice_minutes),
        assessment=assessment_rules(config),
        office_name=config.general.office_name,
        rectify_period=timedelta(days=config.penalties.rectify_days),
        review_digest_every=timedelta(minutes=config.review.digest_minutes),
        files=FileRules(
            max_bytes=int(config.attachments.max_mb * MB),
            types=tuple(config.attachments.types),
            pickup_window=timedelta(minutes=config.attachments.pickup_minutes),
        ),
    )


class App:
    """One running bot: messages in through the intake, timed duties, and the sender draining the outbox."""

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
        alert: Alert | None = None,
    ) -> None:
        self.config, self.db, self.transport, self.clock = config, db, transport, clock
        self.alert = alert  # to the office outside WeChat ([alerts]); None: not configured
        self.policy = make_policy(config, bot_id=bot_id)
        patience = timedelta(minutes=config.operations.database_alert_minutes)
        self.trouble = Trouble(clock, self._alert_office, patience)
        patient = Patient(db, self.trouble, lambda: self.policy, strict=virtual_time)
        quiet = (config.quiet_hours.start, config.quiet_hours.end, config.tz)
        self.files = FileStore(Path(config.attachments.dir))
        self.directory = DirectoryCache()  # who is who, reread only when it changed
        self.sender = OutboxSender(
            db,
            transport,
            clock,
            config.sending,
            rng or random.Random(),
            quiet=quiet,
            patient=patient,
            alert=alert,
            files=self.files,
            directory=self.directory,
        )
        self.stopping = False
        self._virtual = virtual_time  # replays handle each message at once and want errors raised
        self.duties = Duties(db, self.policy, alert)
        crons = cron_duties(config, self.duties)
        scheduler = VirtualScheduler if virtual_time else BotScheduler
        self.scheduler: BotScheduler | VirtualScheduler = scheduler(crons, self.duties, clock, config)
        self.intake = Intake(db, clock, self._handle, lambda: self.policy, patient, strict=virtual_time)
        self.intake.after_command = self.scheduler.heard
        self._office: list[str] = []  # office WeChat ids at start, for alerts when the database itself fails

    async def prepare(self) -> None:
        """Migrate the schema and settle messages a crash left mid-send."""
        await self.db.upgrade()
        unknown = await self.sender.recover()
        if unknown:
            log.warning(
                "%d outbox messages were mid-send at the last stop; marked unknown, not resent", unknown
            )
        async with self.db.reader() as session:
            self._office = [p.wechat_id for p in await directory.office_staff(session)]
            unkept = await attachments.unkept_checksums(session)
        removed = self.files.remove(unkept)
        if removed:
            log.info("removed %d received files that were not kept for a notice", removed)

    async def start_scheduler(self) -> None:
        """Catch up on what fell due while the bot was down, then keep time (call inside the running loop)."""
        await self.scheduler.start()
        self.wake_sender()

    def set_bot_id(self, bot_id: str) -> None:
        """The bot's own WeChat id, known only after login on a real account."""
        self.policy = replace(self.policy, bot_id=bot_id)

    def wake_sender(self) -> None:
        """Something outside the outbox changed (the connection came back): let the sender look again."""
        self.db.bell(outbox.BELL).ring()

    async def _handle(self, session: AsyncSession, message: IncomingMessage, version: int | None) -> str:
        return await handle_message(session, self.policy, message, self.directory, version)

    async def on_message(self, message: IncomingMessage) -> None:
        """A whole message from a transport or a test: on disk first; in virtual time written and handled
        at once, in one transaction."""
        if self._virtual:
            await self.intake.take(message)
        else:
            await self.intake.arrived(message)

    async def send_loop(self) -> None:
        """Real-time sending: drain, then sleep until the next message is due or the outbox bell rings."""
        bell = self.db.bell(outbox.BELL)
        while True:
            bell.clear()
            try:
                next_due = await self.sender.send_due()
            except Exception:
                log.exception("outbox sender failed; retrying in 30 s")
                next_due = self.clock.now() + timedelta(seconds=30)
            timeout = SENDER_POLL.total_seconds()
            if next_due is not None:
                timeout = min(timeout, max(0.0, (next_due - self.clock.now()).total_seconds()))
            await bell.wait(timeout)

    async def _alert_office(self, problem: str) -> None:
        """Tell the office directly (not through the outbox, which is in the failing database)."""
        text = texts.database_trouble(self.policy, self.trouble.since or self.clock.now(), problem)
        if self.alert is not None:
            await self.alert("database", text)
        known = self.directory.last  # the office as of the last message handled, else as at start
        office_ids = (
            self._office if known is None else [p.wechat_id for p in known.people.values() if p.is_office]
        )
        for office in office_ids:
            try:
                await self.transport.send(OutgoingMessage(text, to_id=office, kind="status"), {})
            except TransportError as error:
                log.warning("could not alert %s about the database: %s", office, error)

    async def settled(self) -> bool:
        """Nothing waits in the inbox and nothing is pending in the outbox."""
        async with self.db.reader() as session:
            return not await inbox.waiting_count(session) and not await outbox.queued(
                session, status="pending"
            )

    async def run_until_settled(self) -> None:
        """Console end of input: let what the last lines caused be handled and sent, at the bot's pace."""
        while not await self.settled():
            self.db.bell(inbox.BELL).ring()
            self.wake_sender()
            await asyncio.sleep(0.1)
