"""Running the bot in real time: console or WeChat transport, scheduler, sender, clean stop on signals."""

from __future__ import annotations

import asyncio
import gc
import logging
import signal
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from bot.alerts import Alerts
from bot.app import App
from bot.clock import RealClock
from bot.config import Config, ConfigError
from bot.console import ConsoleTransport, Who
from bot.demo import demo_database_url, install_demo
from bot.outage import OutageAlarm
from bot.presence import Presence
from bot.transport import RoomInfo, TransportError
from bot.web import server as web_server
from bot.web.desk import Connection, Desk, no_connection
from handlers import texts
from handlers.actions import outgoing
from handlers.actions.outgoing import Alert
from handlers.rules.filecheck import MB
from storage import directory
from storage.db import Database
from storage.files import FileStore
from storage.roster_store import holds_demo, location, roster_is_empty

if TYPE_CHECKING:  # python-wechaty is loaded only when the bot really connects to WeChat
    from bot.wechaty_transport import ConnectionStatus, WatchdogSettings

log = logging.getLogger(__name__)
CONSOLE_BOT_ID = "duban-bot"
HEARTBEAT = timedelta(seconds=15)  # how often a live bot on WeChat writes its sign of life


async def serve(
    app: App, stop: asyncio.Event, *, presence: Presence | None = None, desk: Desk | None = None
) -> None:
    """Start everything, run until `stop` is set, then stop cleanly (inbox and outbox keep what is left)."""
    await app.prepare()
    intake = asyncio.create_task(app.intake.run(), name="intake")
    tasks = [intake]
    runner = None
    try:
        if desk is not None:
            runner = await web_server.start(desk)
        await app.transport.start(app.intake)
        await app.start_scheduler()
        keep_startup_out_of_gc()
        tasks.append(asyncio.create_task(app.send_loop(), name="sender"))
        if presence is not None:
            tasks.append(asyncio.create_task(presence.run(), name="presence"))
        await stop.wait()
    finally:
        app.stopping = True
        await app.scheduler.shutdown()
        if runner is not None:
            await runner.cleanup()
        for task in tasks:  # let each leave its database session before the caller closes the engine
            await _cancel(task)
        await app.transport.stop()


def keep_startup_out_of_gc() -> None:
    """What start-up loaded (modules, compiled rules, the engine) lives as long as the process: kept out of
    the collector's full passes, which otherwise stop the bot for some 60 ms now and then while it handles
    a burst of replies."""
    gc.collect()
    gc.freeze()


def web_desk(app: App, clock: RealClock, *, accounts: Database | None = None) -> Desk:
    """The web desk over the running bot: its database, policy, doorbell and connection."""
    transport = app.transport

    def connection() -> Connection:
        from bot.wechaty_transport import WechatyTransport

        if not isinstance(transport, WechatyTransport):
            return no_connection()
        return Connection(
            "wechaty",
            connected=transport.connected,
            logged_in=transport.logged_in,
            account=transport.self_id,
            reconnects=transport.reconnects,
            last_disconnect=transport.last_disconnect,
            login_qr=transport.login_qr,
        )

    uploads = Path(app.config.web.secret_file).parent / "web-uploads"
    return Desk(
        app.config,
        app.db,
        clock,
        lambda: app.policy,
        after_change=app.scheduler.poke,
        connection=connection,
        upload_dir=uploads,
        accounts_db=accounts,
    )


async def _cancel(task: asyncio.Task[None]) -> None:
    """Cancel a task and wait until it has ended.

    Cancels again if it is still running: on Python 3.11 `asyncio.wait_for` loses a cancellation that
    arrives just as the awaited operation completes (CPython gh-86296), and the sender would run on.
    """
    while not task.done():
        task.cancel()
        await asyncio.wait({task}, timeout=0.5)


def console_app(
    config: Config, db: Database, clock: RealClock, *, alert: Alert | None = None
) -> tuple[App, ConsoleTransport]:
    """The bot on the console: type chat lines as anyone, see what the bot sends."""

    async def resolve(sender: str, room: str | None) -> Who:
        return await console_who(db, sender, room)

    transport = ConsoleTransport(clock, resolve)
    return App(config, db, transport, clock, bot_id=CONSOLE_BOT_ID, alert=alert), transport


def wechaty_app(
    config: Config,
    db: Database,
    clock: RealClock,
    *,
    watchdog: WatchdogSettings | None = None,
    alert: Alert | None = None,
) -> tuple[App, Presence]:
    """The bot on a real WeChat account through a puppet-service gateway (`watchdog`: tests shorten it).

    `alert` reaches the office outside WeChat: on a logout at once, after `[alerts] disconnect_minutes`
    of lost connection, and for the troubles `App` alerts about."""
    from bot.wechaty_transport import WechatyTransport

    if not config.wechaty.token:
        raise ConfigError("连接微信需要 token：请设置环境变量 DUBAN_WECHATY_TOKEN")
    app: App
    presence: Presence
    alarm: OutageAlarm | None = None

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
            if alarm is not None:
                alarm.up()
        if status.kind in {"disconnected", "logout"}:
            presence.offline()
            if alarm is not None:
                await alarm.down(status.kind, status.detail)
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
        qr_file=Path(config.wechaty.qr_file),
        files=FileStore(Path(config.attachments.dir)),
        max_file_bytes=int(config.attachments.max_mb * MB),
    )
    app = App(config, db, transport, clock, bot_id=transport.self_id or "", alert=alert)
    if alert is not None:
        alarm = OutageAlarm(alert, timedelta(minutes=config.alerts.disconnect_minutes), app.policy, clock)
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
    """`duban run`: serve until EOF (console) or a signal; a console without a roster runs the demo."""
    clock = RealClock()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    alert = Alerts(config.alerts, bot_name=config.general.bot_name).alert if config.alerts.enabled else None
    if config.transport_kind == "wechaty":
        app, presence = wechaty_app(config, db, clock, alert=alert)
        await serve(app, stop, presence=presence, desk=web_desk(app, clock))
        return 0
    console_db = await _demo_roster(config, db, clock)
    try:
        app, console = console_app(config, console_db, clock, alert=alert)
        eof = asyncio.create_task(_stop_at_eof(app, console, stop))
        await serve(app, stop, desk=web_desk(app, clock, accounts=db))
        eof.cancel()
    finally:
        if console_db is not db:
            await console_db.dispose()
    return 0


async def _demo_roster(config: Config, db: Database, clock: RealClock) -> Database:
    """The database the console uses: the configured one once it holds a roster, else the demo's own."""
    async with db.reader() as session:
        empty = await roster_is_empty(session)
        demo = not empty and await holds_demo(session)
    if demo:
        log.warning("数据库 %s 里是示例数据；正式使用请换用新的数据库再导入名册。", location(db))
    if not empty:
        return db
    demo_db = Database.from_url(demo_database_url(config.database.url))
    try:
        await demo_db.upgrade()
        await install_demo(demo_db, at=clock.now())
    except BaseException:
        await demo_db.dispose()
        raise
    log.info(
        "还没有导入名册：控制台使用示例名册，数据在 %s（%s 不受影响）。导入正式名册：duban roster import 名册.xlsx",
        location(demo_db),
        location(db),
    )
    return demo_db


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
