"""The one outbox sender: paces messages per conversation and per minute, retries, never sends twice."""

from __future__ import annotations

import heapq
import logging
import random
from collections import deque
from collections.abc import Awaitable, Callable
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock
from bot.config import SendingConfig
from bot.transport import Transport, TransportError, TransportUncertain
from bot.trouble import Patient
from handlers import texts
from handlers.actions.outgoing import AUTOMATIC_KINDS, Alert
from handlers.messages import OutgoingFile, OutgoingMessage
from handlers.rules.quiet import in_quiet, quiet_bounds
from storage import attachments, directory, outbox
from storage.attachments import AttachmentView
from storage.db import Database
from storage.directory import DirectoryCache
from storage.files import FileStore
from storage.outbox import QueuedMessage, conversation_key

log = logging.getLogger(__name__)
MINUTE = timedelta(minutes=1)
QuietHours = tuple[time, time, ZoneInfo]  # start, end, the zone they are read in
WAIT_FOR_TRANSPORT = timedelta(seconds=5)


def held_for_later(queued: QueuedMessage, now: datetime) -> bool:
    """Queued for a later time by design (a digest kept until quiet hours end, the weekly bulletin) and never
    tried: the messages queued after it in its conversation need not wait for it. One waiting to be tried
    again holds its conversation back, so that nothing overtakes it (a notice's files after the notice)."""
    return queued.attempts == 0 and queued.not_before > now


class OutboxSender:
    """Drains the outbox table through a transport at a pace WeChat tolerates."""

    def __init__(
        self,
        db: Database,
        transport: Transport,
        clock: Clock,
        pace: SendingConfig,
        rng: random.Random,
        *,
        quiet: QuietHours | None = None,
        patient: Patient | None = None,
        alert: Alert | None = None,
        files: FileStore | None = None,
        directory: DirectoryCache | None = None,
    ) -> None:
        self._files = files  # where file messages' bytes are kept
        self._directory = directory or DirectoryCache()  # who is who, for the names in a message
        self._db, self._transport, self._clock, self._pace, self._rng = db, transport, clock, pace, rng
        self._alert = alert  # messages given up on also reach the office outside WeChat
        self._quiet = quiet
        self._patient = patient
        self._next_allowed: dict[str, datetime] = {}
        self._recent: deque[datetime] = deque()

    async def recover(self) -> int:
        """After a crash: messages caught mid-send may or may not have gone out; never risk a duplicate,
        tell the office instead."""
        async with self._db.reader() as session:
            caught = await outbox.queued(session, status="sending")
        for queued in caught:
            await self._uncertain(queued, "进程在发送途中停止")
        async with self._db.reader() as session:
            now = self._clock.now()
            for key, at in await outbox.recent_sends(session, now - MINUTE):
                self._after_send(key, at)
        return len(caught)

    def _after_send(self, key: str, at: datetime) -> None:
        interval = self._pace.room_interval_seconds + self._rng.uniform(0, self._pace.jitter_seconds)
        self._next_allowed[key] = at + timedelta(seconds=round(interval, 3))
        self._recent.append(at)

    def _earliest(self, key: str, queued: QueuedMessage, now: datetime) -> datetime:
        while self._recent and self._recent[0] <= now - MINUTE:
            self._recent.popleft()
        earliest = max(queued.not_before, self._next_allowed.get(key, queued.not_before))
        if len(self._recent) >= self._pace.per_minute:
            earliest = max(earliest, self._recent[-self._pace.per_minute] + MINUTE)
        quiet, sending_at = self._quiet, max(earliest, now)
        if quiet is not None and queued.kind in AUTOMATIC_KINDS and in_quiet(sending_at, *quiet):
            return quiet_bounds(sending_at, *quiet)[1]  # pacing pushed it into quiet hours: wait for morning
        return earliest

    async def send_due(self) -> datetime | None:
        """Send every message whose turn has come; return when the next one will be due (None: queue empty).

        Each conversation goes in order, so only its oldest pending message can be next: the pass reads
        those heads with the message after each, and reads further into a conversation only when that one
        went out too, or was passed over as kept for later (`held_for_later`: a reply to a command at night
        does not wait behind the review digest kept for the morning). The messages it looks at are those
        pending when it began (a report queued meanwhile waits for the next pass).
        """
        async with self._db.reader() as session:
            start = await outbox.send_pass(session)
        if start is None:
            return None
        up_to, heads = start.up_to, start.heads
        if start.stale:
            async with self._db.transaction() as session:
                stale = await outbox.stale_pending_reminders(session, up_to)
                await outbox.drop(session, stale, reason="通知已办结或撤回，提醒不再发送")
                heads = await outbox.pending_heads(session, up_to)
        if heads and not self._transport.ready:
            return self._clock.now() + WAIT_FOR_TRANSPORT  # disconnected: hold everything, look again soon
        following: dict[int, QueuedMessage] = {}  # a head's id → the message after it in its conversation
        first: dict[str, QueuedMessage] = {}
        for queued in heads:
            key = conversation_key(queued.room_id, queued.to_id)
            if key in first:
                following[first[key].id] = queued
            else:
                first[key] = queued
        waiting = [(queued.id, queued) for queued in first.values()]
        first_ids = {queued.id for queued in first.values()}
        heapq.heapify(waiting)
        blocked: set[str] = set()
        next_due: datetime | None = None
        while waiting:
            _, queued = heapq.heappop(waiting)
            key = conversation_key(queued.room_id, queued.to_id)
            if key in blocked:  # keep each conversation in order
                continue
            now = self._clock.now()
            if not self._transport.ready:  # the connection dropped during this pass: no attempt is used up
                return now + WAIT_FOR_TRANSPORT
            earliest = self._earliest(key, queued, now)
            if earliest > now:
                next_due = earliest if next_due is None else min(next_due, earliest)
                if not held_for_later(queued, now):
                    blocked.add(key)
                    continue
                # kept for later by design (a digest for the morning): what was queued after it goes now
            elif not await self._send(queued, key):
                blocked.add(key)
                # A retry time, or (given up) the reports to the office just queued: look again then.
                async with self._db.reader() as session:
                    state = await outbox.status_of(session, queued.id)
                again = state[1] if state is not None and state[0] == "pending" else now
                next_due = again if next_due is None else min(next_due, again)
                continue
            after = following.pop(queued.id, None)
            if after is None and queued.id not in first_ids:  # beyond what the pass read: read on
                async with self._db.reader() as session:
                    after = await outbox.next_pending(session, queued, up_to)
            if after is not None:
                heapq.heappush(waiting, (after.id, after))
        return next_due

    async def _send(self, queued: QueuedMessage, key: str) -> bool:
        async with self._db.transaction() as session:
            claimed = await outbox.claim(session, queued.id)
            if claimed is None:
                return True
            people = [*queued.mentions, *([queued.to_id] if queued.to_id else [])]
            who = await self._directory.at(session, claimed.directory_version)
            names = who.display_names(people, queued.room_id)
            attached = None
            if queued.attachment_id is not None:
                attached = await attachments.get(session, queued.attachment_id)
        try:
            file = None if queued.attachment_id is None else self._file(attached)
        except (OSError, ValueError) as error:
            await self._failed(queued, str(error))  # retried; the office hears when it is given up
            return False
        message = OutgoingMessage(
            text=queued.text,
            room_id=queued.room_id,
            to_id=queued.to_id,
            mentions=queued.mentions,
            kind=queued.kind,
            file=file,
        )
        try:
            transport_id = await self._transport.send(message, names)
        except TransportUncertain as error:
            await self._uncertain(queued, str(error))
            return False
        except TransportError as error:
            await self._failed(queued, str(error))
            return False
        except Exception as error:  # a bug or a broken transport: it may have gone out, so never resend
            log.exception("sending outbox message %s failed unexpectedly", queued.dedup_key)
            await self._uncertain(queued, repr(error))
            return False
        sent_at = self._clock.now()

        async def mark(session: AsyncSession) -> None:
            await outbox.mark_sent(session, queued.id, at=sent_at, transport_message_id=transport_id)

        await self._record(mark)  # it went out: the record must land, however long the database takes
        self._after_send(key, sent_at)
        return True

    def _file(self, attached: AttachmentView | None) -> OutgoingFile:
        """The bytes of a file message, from the file store."""
        if attached is None:
            raise ValueError(texts.FILE_RECORD_GONE)
        if self._files is None:
            raise ValueError(texts.NO_FILE_STORE)
        try:
            data = self._files.read(attached.sha256)
        except FileNotFoundError:
            raise FileNotFoundError(
                texts.file_unreadable(attached, str(self._files.root), "找不到")
            ) from None
        except ValueError:
            raise ValueError(
                texts.file_unreadable(attached, str(self._files.root), "已损坏（校验值不符）")
            ) from None
        return OutgoingFile(name=attached.name, mime=attached.mime, data=data)

    async def _record(self, work: Callable[[AsyncSession], Awaitable[None]]) -> None:
        if self._patient is not None:
            await self._patient.write(work)
            return
        async with self._db.transaction() as session:
            await work(session)

    async def _failed(self, queued: QueuedMessage, error: str) -> None:
        attempts = queued.attempts + 1
        give_up = attempts >= self._pace.max_attempts
        retry_at = (
            None
            if give_up
            else self._clock.now() + timedelta(seconds=self._pace.retry_base_seconds * 2 ** (attempts - 1))
        )
        log.warning("sending outbox message %s failed (attempt %d): %s", queued.dedup_key, attempts, error)

        async def mark(session: AsyncSession) -> None:
            await outbox.mark_failed_attempt(session, queued.id, error=error, retry_at=retry_at)
            if give_up:
                await _report(session, queued, texts.SEND_GAVE_UP, error, self._clock.now())

        await self._record(mark)
        if give_up and self._alert is not None:
            what = texts.send_report(queued.room_id, queued.to_id, queued.text, texts.SEND_GAVE_UP, error)
            await self._alert("send-failed", what)

    async def _uncertain(self, queued: QueuedMessage, error: str) -> None:
        """Sent, maybe: never risk a duplicate; the office decides whether to send it again by hand."""
        log.warning("outbox message %s may or may not have been delivered: %s", queued.dedup_key, error)

        async def mark(session: AsyncSession) -> None:
            await outbox.mark_unknown(session, queued.id, error=error)
            await _report(session, queued, texts.SEND_UNCERTAIN, error, self._clock.now())

        await self._record(mark)


async def _report(session: AsyncSession, queued: QueuedMessage, what: str, error: str, now: datetime) -> None:
    """Tell the office (in private) about a message that did not go out normally."""
    text = texts.send_report(queued.room_id, queued.to_id, queued.text, what, error)
    for office in await directory.office_staff(session):
        if office.wechat_id == queued.to_id:
            continue
        await outbox.enqueue(
            session,
            room_id=None,
            to_id=office.wechat_id,
            text=text,
            dedup_key=f"failed:{queued.id}:{office.wechat_id}",
            kind="failure",
            now=now,
        )
