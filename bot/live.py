"""Running the bot in real time: console or WeChat transport, scheduler, sender, clean stop on signals."""

from __future__ import annotations

import asyncio
import logging
import signal
from datetime import timedelta
from typing import TYPE_CHECKING

from bot.app import App
from bot.clock import RealClock
from bot.config import Config, ConfigError
from bot.console import ConsoleTransport, Who
from bot.demo import DEMO_ROSTER
from bot.presence import Presence
from bot.transport import RoomInfo, TransportError
from handlers import outgoing, texts
from storage import directory
from storage.db import Database
from storage.roster import roster_from_mapping
from storage.roster_store import apply_roster, roster_is_empty

if TYPE_CHECKING:  # python-wechaty is loaded only when the bot really connects to WeChat
    from bot.wechaty_transport import ConnectionStatus, WatchdogSettings

log = logging.getLogger(__name__)
CONSOLE_BOT_ID = "duban-bot"
HEARTBEAT = timedelta(seconds=15)  # how often a live bot on WeChat writes its sign of life


async def serve(app: App, stop: asyncio.Event, *, presence: Presence | None = None) -> None:
    """Start everything, run until `stop` is set, then stop cleanly (inbox and outbox keep what is left)."""
    await app.prepare()
    intake = asyncio.create_task(app.intake.run(), name="intake")
    tasks = [intake]
    try:
        await app.transport.start(app.intake)
        await app.start_scheduler()
        tasks.append(asyncio.create_task(app.send_loop(), name="sender"))
        if presence is not None:
            tasks.append(asyncio.create_task(presence.run(), name="presence"))
        await stop.wait()
    finally:
        app.stopping = True
        await app.scheduler.shutdown()
        for task in tasks:  # let each leave its database session before the caller closes the engine
            await _cancel(task)
        await app.transport.stop()


async def _cancel(task: asyncio.Task[None]) -> None:
    """Cancel a task and wait until it has ended.

    Cancels again if it is still running: on Python 3.11 `asyncio.wait_for` loses a cancellation that
    arrives just as the awaited operation completes (CPython gh-86296), and the sender would run on.
    """
    while not task.done():
        task.cancel()
        await asyncio.wait({task}, timeout=0.5)


def console_app(config: Config, db: Database, clock: RealClock) -> tuple[App, ConsoleTransport]:
    """The bot on the console: type chat lines as anyone, see what the bot sends."""

    async def resolve(sender: str, room: str | None) -> Who:
        return await console_who(db, sender, room)

    transport = ConsoleTransport(clock, resolve)
    return App(config, db, transport, clock, bot_id=CONSOLE_BOT_ID), transport


def wechaty_app(
    config: Config, db: Database, clock: RealClock, *, watchdog: WatchdogSettings | None = None
) -> tuple[App, Presence]:
    """The bot on a real WeChat account through a puppet-service gateway (`watchdog`: tests shorten it)."""
    from bot.wechaty_transport import WechatyTransport

    if not config.wechaty.token:
        raise ConfigError("连接微信需要 token：请设置环境变量 DUBAN_WECHATY_TOKEN")
    app: App
    presence: Presence

    async def on_room_change(room: RoomInfo) -> None:
        async with db.transaction() as session:
            await directory.sync_room(
                session, room_id=room.id, topic=room.topic, member_ids=list(room.member_ids), at=clock.now()
            )

    async def on_status(status: ConnectionStatus) -> None:
        log.warning("wechat connection: %s %s", status.kind, status.detail)
        if app.stopping:
            return  # our own shutdown is no news for the office
        if status.kind == "login" and transport.self_id:
            app.set_bot_id(transport.self_id)
            await _sync_rooms()
            await presence.online()
        if status.kind in {"disconnected", "logout"}:
            presence.offline()
        if status.kind == "logout":
            await _tell_office(app, status, clock)
        app.wake_sender()

    async def _sync_rooms() -> None:
        """At login: the rooms the account is in and their members, as WeChat has them now."""
        try:
            rooms = await transport.rooms()
        except TransportError:
            log.warning("could not list the rooms at login; they will be learnt from messages")
            return
        for room in rooms:
            await on_room_change(room)

    transport = WechatyTransport(
        config.wechaty.endpoint,
        config.wechaty.token,
        bot_name=config.general.bot_name,
        on_room_change=on_room_change,
        on_status=on_status,
        watchdog=watchdog,
    )
    app = App(config, db, transport, clock, bot_id=transport.self_id or "")
    beat = min(HEARTBEAT, app.policy.offline_notice_after / 4)
    presence = Presence(db, clock, lambda: app.policy, beat=beat)
    return app, presence


async def _tell_office(app: App, status: ConnectionStatus, clock: RealClock) -> None:
    """Queue a note for the office; it goes out once the account is logged in again."""
    now = clock.now()
    text = texts.logged_out(app.policy, now, detail=status.detail)
    async with app.db.transaction() as session:
        key = f"status:{status.kind}:{now.isoformat(timespec='minutes')}"
        await outgoing.tell_office(session, app.policy, text, key=key, kind="status", now=now)


async def run(config: Config, db: Database) -> int:
    """`duban run`: the demo roster if none was imported, then serve until EOF (console) or a signal."""
    clock = RealClock()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    if config.transport_kind == "wechaty":
        app, presence = wechaty_app(config, db, clock)
        await serve(app, stop, presence=presence)
        return 0
    await _demo_roster(db, clock)
    app, console = console_app(config, db, clock)
    eof = asyncio.create_task(_stop_at_eof(app, console, stop))
    await serve(app, stop)
    eof.cancel()
    return 0


async def _demo_roster(db: Database, clock: RealClock) -> None:
    """The console on an empty database gets the demo roster, so a newcomer can try it at once."""
    async with db.transaction() as session:
        if await roster_is_empty(session):
            await apply_roster(session, roster_from_mapping(DEMO_ROSTER), actor="demo", at=clock.now())
            log.info(
                "no roster imported yet: installed the demo roster (use a fresh database for the real one)"
            )


async def _stop_at_eof(app: App, console: ConsoleTransport, stop: asyncio.Event) -> None:
    """At the end of console input, let the last lines be handled and answered (at the bot's pace), then stop."""
    await console.finished.wait()
    await app.run_until_settled()
    stop.set()


async def console_who(db: Database, sender: str, room: str | None) -> Who:
    """Resolve console names: a WeChat id, a name or room alias, or `单位-姓名`; unknown names get an id."""
    async with db.reader() as session:
        candidates = [sender, *[part for part in _name_parts(sender) if part != sender]]
        person: tuple[str, str] | None = None
        for candidate in candidates:
            found = await directory.find_people(session, candidate)
            if len(found) == 1:
                person = found[0]
                break
        room_id, topic = None, None
        if room is not None:
            for member in await directory.memberships(session):
                if room in (member.room_id, member.room_topic):
                    room_id, topic = member.room_id, member.room_topic
                    break
            else:
                room_id, topic = f"console-room:{room}", room
    wechat_id, name = person or (f"console:{sender}", sender)
    return Who(wechat_id, name, room_id, topic)


def _name_parts(display: str) -> list[str]:
    for separator in ("-", "－", "—", "_", " "):
        if separator in display:
            return [display.rsplit(separator, 1)[1].strip()]
    return []
