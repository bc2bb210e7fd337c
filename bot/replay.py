"""Deterministic replay: a JSON-lines scenario runs in virtual time through the real app."""

from __future__ import annotations

import base64
import binascii
import itertools
import json
import random
import tempfile
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from bot.app import App
from bot.clock import VirtualClock
from bot.config import Config, with_overrides
from bot.scheduler import VirtualScheduler
from bot.transport import Inbound
from handlers.messages import FileRef, IncomingMessage, OutgoingMessage
from handlers.rules.filecheck import clean_name, mime_of
from storage import outbox
from storage.db import Database
from storage.files import FileStore, sha256_of
from storage.ledger import build_ledger, write_ledger
from storage.roster import roster_from_mapping
from storage.roster_store import apply_roster


class ScenarioError(ValueError):
    """The scenario file is malformed; the message names the line."""


def iso(moment: datetime, tz: ZoneInfo) -> str:
    local = moment.astimezone(tz)
    return local.isoformat(timespec="milliseconds" if local.microsecond else "seconds")


class ReplayTransport:
    """Records what the bot sends as JSON lines; its own messages get ids bot-1, bot-2, …"""

    def __init__(self, clock: VirtualClock, out: TextIO, tz: ZoneInfo, *, keep: bool = True) -> None:
        self._clock, self._out, self._tz, self._keep = clock, out, tz, keep
        self._ids = itertools.count(1)
        self.sent: list[dict[str, Any]] = []  # what was sent, when `keep` (else only written to `out`)

    @property
    def ready(self) -> bool:
        return True

    async def start(self, inbound: Inbound) -> None:
        """Messages come from the scenario (see `Replay`), handed to the app in virtual time."""

    async def send(self, message: OutgoingMessage, display_names: dict[str, str]) -> str:
        record: dict[str, Any] = {
            "id": f"bot-{next(self._ids)}",
            "at": iso(self._clock.now(), self._tz),
            "room": message.room_id,
            "to": message.to_id,
            "text": message.text,
            "mentions": list(message.mentions),
            "kind": message.kind,
        }
        if message.file is not None:
            record["file"] = {
                "name": message.file.name,
                "mime": message.file.mime,
                "size": len(message.file.data),
                "sha256": sha256_of(message.file.data),
            }
        if self._keep:
            self.sent.append(record)
        self._out.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._out.flush()
        return str(record["id"])

    async def stop(self) -> None:
        return None


def _time(value: Any, tz: ZoneInfo, where: str) -> datetime:
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        raise ScenarioError(
            f"{where}: 时间 {value!r} 不是 ISO-8601（如 2026-12-01T09:00:00+08:00）"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=tz)


@dataclass
class Replay:
    """A scenario being run: the app, its virtual clock and transport."""

    app: App
    clock: VirtualClock
    transport: ReplayTransport
    topics: dict[str, str]
    names: dict[str, str]
    sender_next: datetime | None = None  # when the outbox next has something due, as last looked

    async def send_due(self) -> datetime | None:
        """The sender's pass, skipped while nothing was queued since it last looked and nothing fell due."""
        bell = self.app.db.bell(outbox.BELL)
        if bell.rung or (self.sender_next is not None and self.sender_next <= self.clock.now()):
            bell.clear()
            self.sender_next = await self.app.sender.send_due()
        return self.sender_next

    async def run_until(self, moment: datetime | None) -> None:
        """Advance virtual time to `moment` (None: until nothing is left to do), running every duty and
        sending every message that falls due on the way, in time order."""
        scheduler = self.app.scheduler
        assert isinstance(scheduler, VirtualScheduler)
        while True:
            sender_next = await self.send_due()
            times = [t for t in (scheduler.next_time(), sender_next) if t is not None]
            upcoming = min(times, default=None)
            if upcoming is None or (moment is not None and upcoming > moment):
                break
            if moment is None and sender_next is None:
                break  # at the end only the outbox is drained; the duties would run forever
            self.clock.advance_to(max(upcoming, self.clock.now()))
            await scheduler.run_due()
        if moment is not None:
            self.clock.advance_to(moment)


async def run_scenario(
    lines: Iterable[str],
    *,
    config: Config,
    out: TextIO,
    ledger: Path | None = None,
    db_url: str | None = None,
    keep_sent: bool = True,
) -> list[dict[str, Any]]:
    """Run a scenario; returns (and prints) the messages the bot sent. Without `keep_sent` they are only
    printed (a long replay's memory then stays that of the bot, not of everything it said)."""
    numbered = ((n, line) for n, line in enumerate(lines, 1) if line.strip())
    try:
        first_no, first = next(numbered)
        setup = json.loads(first)["setup"]
    except (StopIteration, json.JSONDecodeError, KeyError, TypeError):
        raise ScenarioError('第 1 行应为 {"setup": {…}}') from None
    config = with_overrides(config, setup.get("config", {}))
    if "timezone" in setup:
        config = with_overrides(config, {"general": {"timezone": setup["timezone"]}})
    tz = config.tz
    clock = VirtualClock(_time(setup.get("start"), tz, f"第 {first_no} 行 setup.start"))
    with tempfile.TemporaryDirectory(prefix="duban-replay-") as tmp:
        if "dir" not in setup.get("config", {}).get("attachments", {}):
            config = with_overrides(config, {"attachments": {"dir": str(Path(tmp) / "files")}})
        db = Database.from_url(db_url or f"sqlite+aiosqlite:///{Path(tmp) / 'replay.db'}")
        try:
            transport = ReplayTransport(clock, out, tz, keep=keep_sent)
            bot = setup.get("bot") or {"id": "bot", "name": config.general.bot_name}
            app = App(config, db, transport, clock, bot_id=bot["id"], rng=random.Random(0), virtual_time=True)
            await app.prepare()
            roster = roster_from_mapping(setup)
            async with db.transaction() as session:
                await apply_roster(session, roster, actor="replay", at=clock.now())
            await transport.start(app.intake)
            await app.start_scheduler()
            names = {p.id: p.name for p in roster.office} | {
                p.id: p.name for u in roster.units for p in u.liaisons
            }
            replay = Replay(app, clock, transport, {r.id: r.topic for r in roster.rooms}, names)
            end = await _play(replay, numbered, tz)
            await replay.run_until(None)
            if ledger is not None:
                async with db.reader() as session:
                    data = await build_ledger(session, now=end, tz=tz)
                write_ledger(data, "json", ledger)
        finally:
            await db.dispose()
    return transport.sent


async def _play(replay: Replay, numbered: Iterable[tuple[int, str]], tz: ZoneInfo) -> datetime:
    counter = itertools.count(1)
    run = uuid.uuid4().hex[:8]  # unnamed messages get ids that stay unique across replays over one --db
    for number, line in numbered:
        where = f"第 {number} 行"
        try:
            event = json.loads(line)
        except json.JSONDecodeError as error:
            raise ScenarioError(f"{where}: 不是合法的 JSON：{error}") from None
        if "at" not in event:
            raise ScenarioError(f'{where}: 缺少 "at"')
        at = _time(event["at"], tz, where)
        if at < replay.clock.now():
            raise ScenarioError(f"{where}: 时间倒退了（{event['at']} 早于上一行）")
        await replay.run_until(at)
        if "from" not in event:
            continue
        room = event.get("room")
        file = _file(replay.app.files, event.get("file"), where)
        msg = IncomingMessage(
            id=str(event.get("id") or f"msg-{run}-{next(counter)}"),
            sender_id=str(event["from"]),
            text=str(event.get("text", "")),
            at=at,
            room_id=room,
            room_topic=replay.topics.get(room) if room else None,
            sender_name=str(event.get("name") or replay.names.get(str(event["from"]), "")),
            mentions=tuple(event.get("mentions") or ()),
            quote_id=event.get("quote"),
            file=file,
        )
        await replay.app.on_message(msg)
        await replay.run_until(at)
    return replay.clock.now()


def _file(store: FileStore, value: Any, where: str) -> FileRef | None:
    """A file message's file: {"name": …, "text": … | "base64": …, "mime": …}, kept in the app's file store."""
    if value is None:
        return None
    if not isinstance(value, dict) or "name" not in value or ("text" in value) == ("base64" in value):
        raise ScenarioError(f'{where}: "file" 应为 {{"name": …, "text": …}} 或 {{"name": …, "base64": …}}')
    try:
        data = str(value["text"]).encode() if "text" in value else base64.b64decode(str(value["base64"]))
    except binascii.Error:
        raise ScenarioError(f'{where}: "file" 的 base64 不合法') from None
    name = clean_name(str(value["name"]))
    return FileRef(name, len(data), mime_of(name, str(value.get("mime", ""))), store.put(data))
