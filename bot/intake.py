"""The intake: inbound messages go to disk first, then are handled one at a time in arrival order.

Nothing is held in memory ahead of the write but ids that arrived in the last instant. A database that
fails (disk full, locked, connection dropped) never drops a message: writes and handling wait and retry
with backoff for as long as it takes, `Trouble` tells the office when it lasts, and handling catches
up in order once the database is back (`bot.trouble.Patient`). In virtual time errors are raised.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock
from bot.trouble import Patient
from handlers import texts
from handlers.actions import outgoing
from handlers.messages import IncomingMessage, from_payload, to_payload
from handlers.policy import Policy
from storage import changes, inbox
from storage.changes import Touched
from storage.db import Database

log = logging.getLogger(__name__)
# handles one message in the caller's transaction, given the who-is-who counter that transaction already read
Handler = Callable[[AsyncSession, IncomingMessage, int | None], Awaitable[str]]
MAX_ANNOUNCED = 100_000  # ids held while the database refuses writes; beyond this the oldest are logged
BATCH = 50  # inbox rows read at a time
POLL = timedelta(seconds=30)  # look at the inbox now and then even when no bell rang (another writer)


class Intake:
    """Implements the transports' `Inbound`; `run` writes and handles in real time."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        handle: Handler,
        policy: Callable[[], Policy],
        patient: Patient,
        *,
        strict: bool,
    ) -> None:
        self._db, self._clock, self._handle, self._policy = db, clock, handle, policy
        self._patient, self._strict = patient, strict
        self._announced: list[str] = []
        self._new_ids = asyncio.Event()
        self._handling = asyncio.Lock()
        # after a command or a reply queued for review, with that outcome ("command" or "queued") and the
        # units whose facts the command changed (None: it cannot say, every unit)
        self.after_command: Callable[[str, Touched | None], Awaitable[None]] | None = None

    # -- Inbound ---------------------------------------------------------------------------------

    def announce(self, message_id: str) -> None:
        self._announced.append(message_id)
        if len(self._announced) > MAX_ANNOUNCED:
            dropped = self._announced.pop(0)
            log.error("the database has refused writes for long; message %s is not kept", dropped)
        self._new_ids.set()

    async def arrived(self, message: IncomingMessage) -> None:
        payload = to_payload(message)
        await self._patient.write(
            lambda session: inbox.store(session, message.id, payload, at=self._clock.now())
        )

    async def skip(self, message_id: str, reason: str) -> None:
        await self._patient.write(
            lambda session: inbox.settle(
                session, message_id, status="skipped", at=self._clock.now(), error=reason
            )
        )

    async def lost(self, message_id: str, reason: str) -> None:
        async def work(session: AsyncSession) -> None:
            now = self._clock.now()
            await inbox.settle(session, message_id, status="lost", at=now, error=reason)
            await outgoing.tell_office(
                session,
                self._policy(),
                texts.message_lost(message_id, reason),
                key=f"lost:{message_id}",
                kind="failure",
                now=now,
            )

        await self._patient.write(work)

    async def unfetched(self) -> list[str]:
        await self.write_announced()
        return await self._patient.read(inbox.announced)

    # -- writing ---------------------------------------------------------------------------------

    async def write_announced(self) -> None:
        """Put every id announced so far on disk (one transaction for all of them)."""
        while self._announced:
            batch = list(self._announced)

            async def write(session: AsyncSession, ids: list[str] = batch) -> list[str]:
                return await inbox.announce(session, ids, at=self._clock.now())

            await self._patient.write(write)
            del self._announced[: len(batch)]

    # -- handling --------------------------------------------------------------------------------

    async def handle_waiting(self) -> None:
        """Handle every message whose content is here, in arrival order; stop at one still being fetched."""
        async with self._handling:
            while True:
                rows = await self._patient.read(lambda session: inbox.first_waiting(session, BATCH))
                for row in rows:
                    if row.payload is None:
                        return
                    await self._handle_row(from_payload(row.payload))
                if len(rows) < BATCH:  # whatever lands from now on rings the bell again
                    return

    async def take(self, message: IncomingMessage) -> None:
        """Virtual time: write and handle a message in one transaction. Its source is a scenario file that
        can be read again, so nothing needs to be safe on disk before the handling starts."""
        payload = to_payload(message)

        async def work(session: AsyncSession) -> tuple[str, Touched | None]:
            stored = await inbox.store(session, message.id, payload, at=self._clock.now(), handled=True)
            if stored is None:
                return "message", None  # here already: a redelivery changes nothing
            return await self._handle_one(session, message, stored)

        async with self._handling:
            await self._handled(*await self._patient.write(work))

    async def _handle_row(self, message: IncomingMessage) -> None:
        async def handle(session: AsyncSession) -> tuple[str, Touched | None]:
            now = self._clock.now()
            settled = await inbox.settle(session, message.id, status="done", at=now, ring=False)
            return await self._handle_one(session, message, settled)

        try:
            outcome, touched = await self._patient.write(handle)
        except Exception as error:
            if self._strict:
                raise
            log.exception("handling message %s failed", message.id)
            await self._failed(message, repr(error))
            return
        await self._handled(outcome, touched)

    async def _handled(self, outcome: str, touched: Touched | None) -> None:
        if outcome != "message" and self.after_command is not None:  # the duties may have work now
            await self.after_command(outcome, touched)

    async def _handle_one(
        self, session: AsyncSession, message: IncomingMessage, marked: inbox.Stored | None
    ) -> tuple[str, Touched | None]:
        """Handle one message whose inbox row this transaction already marked done (`marked`, None when the
        row is missing); its outcome and the units whose facts it changed (None: any)."""
        outcome = await self._handle(session, message, None if marked is None else marked.directory_version)
        touched = await changes.touched(session) if outcome == "command" else None
        return outcome, touched

    async def _failed(self, message: IncomingMessage, error: str) -> None:
        """A bug, not the database: keep the message apart (never lose it silently) and tell the office."""

        async def work(session: AsyncSession) -> None:
            now = self._clock.now()
            await inbox.settle(session, message.id, status="failed", at=now, error=error, ring=False)
            await outgoing.tell_office(
                session,
                self._policy(),
                texts.message_failed(self._policy(), message),
                key=f"failed-message:{message.id}",
                kind="failure",
                now=now,
            )

        await self._patient.write(work)

    async def run(self) -> None:
        """Real time: write announced ids as they come, handle messages as they land on disk."""
        writer = asyncio.create_task(self._write_loop(), name="intake-writer")
        try:
            bell = self._db.bell(inbox.BELL)
            while True:
                bell.clear()
                await self.handle_waiting()
                await bell.wait(POLL.total_seconds())
        finally:
            writer.cancel()
            await asyncio.gather(writer, return_exceptions=True)

    async def _write_loop(self) -> None:
        while True:
            await self._new_ids.wait()
            self._new_ids.clear()
            await self.write_announced()
