"""Operations an IT person runs: the run lock, database backup and restore, and the `duban doctor` checks."""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
import shutil
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Literal

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import func, inspect, select, text
from sqlalchemy.engine import Connection, make_url

from bot.alerts import Alerts
from bot.clock import RealClock
from bot.config import Config
from handlers.messages import IncomingMessage
from handlers.rules.workdays import WorkCalendar
from storage import state, web_users
from storage.db import Database, alembic_config
from storage.models import Person, Unit

LOCK_KEY = 0x64756261  # "duba": the PostgreSQL advisory lock `duban run` holds
LOW_DISK = 200 * 1024 * 1024  # below this, writes will soon fail (receipts wait, nothing is lost)
SMALL_DISK = 1024 * 1024 * 1024
STANDBY_POLL = 5.0  # seconds between a standby `duban run`'s tries for the run lock
ONLINE_WITHIN = timedelta(minutes=2)  # a heartbeat this recent means `duban run` is connected


class AlreadyRunning(Exception):
    """Another `duban run` holds this database."""


class OpsError(Exception):
    """A backup or restore that cannot be done as asked; the message says why and what to do."""


def sqlite_file(db: Database) -> Path | None:
    """The SQLite file of a database (None for PostgreSQL or an in-memory database)."""
    url = make_url(db.engine.url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


@contextlib.asynccontextmanager
async def run_lock(db: Database) -> AsyncIterator[None]:
    """Held for the whole life of `duban run`: a second process on the same database, or a restore while
    it runs, is refused (two bots would answer every message twice)."""
    path = sqlite_file(db)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with (path.parent / f"{path.name}.lock").open("a+") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise AlreadyRunning(str(path)) from None
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
        return
    if db.is_sqlite:  # in memory: nobody else can see it
        yield
        return
    office = {
        "key": LOCK_KEY,
        "schema": db.schema,
    }  # one lock per office: offices in schemas run side by side
    async with db.engine.connect() as connection:
        if not await connection.scalar(text("SELECT pg_try_advisory_lock(:key, hashtext(:schema))"), office):
            where = db.engine.url.render_as_string(hide_password=True)
            raise AlreadyRunning(f"{where}（schema {db.schema}）" if db.schema else where)
        try:
            yield
        finally:
            await connection.execute(text("SELECT pg_advisory_unlock(:key, hashtext(:schema))"), office)


@contextlib.asynccontextmanager
async def standby_lock(
    db: Database, say: Callable[[str], None], *, every: float = STANDBY_POLL
) -> AsyncIterator[None]:
    """The run lock for `duban run`: while another process holds it, this one waits as a standby (and
    says so once), trying again every `every` seconds; it becomes the active bot when the other stops."""
    told = False
    while True:
        try:
            async with run_lock(db):
                if told:
                    say("另一个 duban run 已停止，本进程接手，开始运行")
                yield
                return
        except AlreadyRunning as running:
            if not told:
                say(
                    f"另一个 duban run 正在使用数据库 {running}；本进程作为备用等待（每 {every:g} 秒查看一次），"
                    "它停止后自动接手。同一个库同一时间只有一个机器人收发消息"
                )
                told = True
        await asyncio.sleep(every)


async def is_running(db: Database) -> bool:
    try:
        async with run_lock(db):
            return False
    except AlreadyRunning:
        return True


def backup(db: Database, target: Path) -> str:
    """Copy a SQLite database with SQLite's online backup API (safe while the bot runs); checked after."""
    source = sqlite_file(db)
    if source is None:
        raise OpsError(
            "PostgreSQL 请用 pg_dump 备份，例如：pg_dump -Fc -f duban.dump 'postgresql://用户@主机:5432/库名'"
            "（见 README“运维”一节）"
        )
    if not source.exists():
        raise OpsError(f"数据库文件 {source} 不存在，没有可备份的内容")
    if target.exists():
        raise OpsError(f"{target} 已经存在；请换一个文件名（备份不会覆盖已有文件）")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.partial")
    partial.unlink(missing_ok=True)
    _sqlite_copy(source, partial)
    problem = _sqlite_check(partial)
    if problem:
        partial.unlink(missing_ok=True)
        raise OpsError(f"备份检查未通过（{problem}），没有生成 {target}")
    partial.replace(target)
    return f"已备份 {source} 到 {target}（{target.stat().st_size // 1024} KB，完整性检查通过）"


async def restore(db: Database, source: Path, *, now: datetime) -> str:
    """Replace the SQLite database with a backup; refused while `duban run` holds it. The replaced file
    is kept beside it, so a restore can itself be undone."""
    target = sqlite_file(db)
    if target is None:
        raise OpsError(
            "PostgreSQL 请先停止机器人，再用 pg_restore 恢复，例如："
            "pg_restore --clean --if-exists -d 'postgresql://用户@主机:5432/库名' duban.dump（见 README“运维”一节）"
        )
    problem = _sqlite_check(source)
    if problem:
        raise OpsError(f"{source} 不是可用的督办助手备份：{problem}")
    try:
        async with run_lock(db):
            await db.dispose()
            return _replace(target, source, now)
    except AlreadyRunning:
        raise OpsError("机器人正在运行（duban run 占用着这个数据库）；请先停止机器人再恢复") from None


def _replace(target: Path, source: Path, now: datetime) -> str:
    kept = ""
    if target.exists():
        aside = target.with_name(f"{target.name}.before-restore-{now:%Y%m%d-%H%M%S}")
        _sqlite_copy(target, aside)
        kept = f"；原数据库另存为 {aside}"
    _sqlite_copy(source, target)
    return f"已从 {source} 恢复数据库 {target}{kept}"


def _sqlite_copy(source: Path, target: Path) -> None:
    with (
        contextlib.closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src,
        contextlib.closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)


def _sqlite_check(path: Path) -> str:
    """Empty when `path` is an intact SQLite database with duban's schema, else what is wrong."""
    if not path.is_file():
        return "找不到这个文件"
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            verdict = connection.execute("PRAGMA integrity_check").fetchone()[0]
            if verdict != "ok":
                return f"完整性检查：{verdict}"
            tables = {
                row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
    except sqlite3.DatabaseError as error:
        return f"不是 SQLite 数据库（{error}）"
    if not {"alembic_version", "notices", "units"} <= tables:
        return "缺少督办助手的数据表"
    return ""


# ---- duban doctor -------------------------------------------------------------------------------

Mark = Literal["ok", "warn", "fail"]
MARKS = {"ok": "✓", "warn": "⚠", "fail": "✗"}


@dataclass(frozen=True)
class Check:
    mark: Mark
    what: str
    detail: str

    def line(self) -> str:
        return f"{MARKS[self.mark]} {self.what}：{self.detail}"


GatewayProbe = Callable[[Config], Awaitable[Check]]


async def doctor(config: Config, config_source: str, db: Database, probe: GatewayProbe) -> list[Check]:
    """Every check, each a ✓/⚠/✗ line; nothing is changed (the alert test sends one test message)."""
    checks = [
        Check(
            "ok", "配置", f"{config_source}；时区 {config.general.timezone}；连接方式 {config.transport_kind}"
        )
    ]
    database, revision = await _database(db)
    checks.append(database)
    checks.append(_disk(db))
    checks.append(_files_folder(Path(config.attachments.dir)))
    if database.mark != "fail":
        if revision is None:
            checks.append(
                Check("fail", "名册", "还没有导入名册（数据库还是空的）：duban roster import 名册.xlsx")
            )
        else:
            checks.append(await _roster(db))
        checks.append(await _gateway(config, db, probe))
        checks.append(await _web(config, db))
    checks.append(calendar_check(RealClock().now().astimezone(config.tz).date()))
    checks.append(await _alerts(config))
    return checks


async def _database(db: Database) -> tuple[Check, str | None]:
    """Reachable and migrated? Also the schema revision it is at (None: no schema yet)."""
    where = str(sqlite_file(db) or db.engine.url.render_as_string(hide_password=True))
    try:
        async with db.engine.connect() as connection:
            current = await connection.run_sync(_revision)
    except Exception as error:
        return Check("fail", "数据库", f"{where} 无法连接（{str(error).splitlines()[0][:120]}）"), None
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if current != head:
        at = "尚未建立" if current is None else f"为版本 {current}"
        detail = f"{where} 可连接，结构{at}，最新为 {head}（duban run 或 duban db upgrade 会升级）"
        return Check("warn", "数据库", detail), current
    return Check("ok", "数据库", f"{where} 可连接，结构为最新版本 {head}"), current


async def _web(config: Config, db: Database) -> Check:
    """The web desk: on or off, and whether anyone can log in to it."""
    if not config.web.listen:
        return Check("ok", "网页督办台", "未启用（[web] listen 为空）")
    try:
        async with db.reader() as session:
            accounts = await web_users.users(session)
    except Exception:  # the schema is older than the accounts table: duban run upgrades it
        accounts = []
    where = f"http://{config.web.listen}/"
    if not accounts:
        how = "echo '密码' | duban web user add 用户名 --role office --password-stdin"
        return Check("warn", "网页督办台", f"{where} 还没有账号，谁也登录不了：{how}")
    office = sum(1 for a in accounts if a.role == "office")
    return Check(
        "ok", "网页督办台", f"{where}（督查室账号 {office} 个，只读账号 {len(accounts) - office} 个）"
    )


def _revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def _disk(db: Database) -> Check:
    path = sqlite_file(db)
    folder = path.parent if path is not None else Path.cwd()
    while not folder.exists():
        folder = folder.parent
    free = shutil.disk_usage(folder).free
    shown = f"{folder} 所在磁盘剩余 {free / 1024**3:.1f} GB"
    if free < LOW_DISK:
        return Check("fail", "磁盘空间", f"{shown}，不足 200 MB：请尽快清理")
    return Check("warn" if free < SMALL_DISK else "ok", "磁盘空间", shown)


async def _roster(db: Database) -> Check:
    async with db.reader() as session:
        units = await session.scalar(select(func.count()).select_from(Unit).where(Unit.active.is_(True)))
        liaisons = await session.scalar(
            select(func.count()).select_from(Person).where(Person.unit_id.is_not(None))
        )
        office = await session.scalar(
            select(func.count()).select_from(Person).where(Person.is_office.is_(True))
        )
    detail = f"{units} 个单位、{liaisons} 名联络员、{office} 名督查室人员"
    if not units:
        return Check("fail", "名册", "还没有导入名册（duban roster import 名册.xlsx）")
    if not office:
        return Check("fail", "名册", f"{detail}：没有督查室人员，就没有人能发命令")
    return Check("ok", "名册", detail)


async def _gateway(config: Config, db: Database, probe: GatewayProbe) -> Check:
    if config.transport_kind != "wechaty":
        return Check("warn", "微信", "没有配置网关（[wechaty] endpoint），duban run 使用控制台")
    if await is_running(db):
        async with db.reader() as session:
            beat = await state.get(session, "presence")
        seen = datetime.fromisoformat(beat["online_at"]) if beat and beat.get("online_at") else None
        if seen is not None and RealClock().now() - seen < ONLINE_WITHIN:
            return Check("ok", "微信", f"duban run 正在运行，{seen.astimezone(config.tz):%H:%M:%S} 仍在线")
        return Check(
            "fail", "微信", "duban run 正在运行，但最近没有在线记录：微信可能断开或退出登录，请看日志"
        )
    return await probe(config)


async def probe_gateway(config: Config) -> Check:
    """Connect to the gateway as the bot would (only while `duban run` is not running: one client each)."""
    from bot.wechaty_transport import WatchdogSettings, WechatyStartError, WechatyTransport

    host, _, port = config.wechaty.endpoint.rpartition(":")
    try:
        _, writer = await asyncio.wait_for(asyncio.open_connection(host, int(port)), 5)
        writer.close()
    except (OSError, ValueError, TimeoutError) as error:
        return Check("fail", "微信", f"网关 {config.wechaty.endpoint} 连不上（{error}）")
    if not config.wechaty.token:
        return Check("fail", "微信", "网关可连接，但没有设置环境变量 DUBAN_WECHATY_TOKEN")
    transport = WechatyTransport(
        config.wechaty.endpoint, config.wechaty.token, watchdog=WatchdogSettings(start_timeout=10.0)
    )

    try:
        await transport.start(_Looking())
        await transport.wait_until_logged_in(10)
        return Check("ok", "微信", f"网关 {config.wechaty.endpoint} 可连接，已登录（{transport.self_id}）")
    except WechatyStartError as error:
        return Check("fail", "微信", f"网关 {config.wechaty.endpoint}：{error}")
    except TimeoutError:
        return Check(
            "fail",
            "微信",
            f"网关 {config.wechaty.endpoint} 可连接，但微信没有登录：请运行 duban run 扫码登录",
        )
    finally:
        await transport.stop()


class _Looking:
    """`doctor` only looks at the connection: it records nothing (the bot is not running; a message that
    arrives in these seconds is as unheard as while the bot is stopped, and its downtime note covers it)."""

    def announce(self, message_id: str) -> None:
        return None

    async def arrived(self, message: IncomingMessage) -> None:
        return None

    async def skip(self, message_id: str, reason: str) -> None:
        return None

    async def lost(self, message_id: str, reason: str) -> None:
        return None

    async def unfetched(self) -> list[str]:
        return []


def calendar_check(today: date) -> Check:
    """The official calendar: this year's rest days must be known, and next year's by December."""
    known = [year for year in (today.year, today.year + 1) if WorkCalendar.knows(year)]
    if today.year not in known:
        return Check(
            "fail",
            "节假日日历",
            f"没有 {today.year} 年的放假安排：请升级 chinese-calendar，或在 [calendar] 补充",
        )
    if today.month == 12 and today.year + 1 not in known:
        return Check(
            "warn",
            "节假日日历",
            f"有 {today.year} 年的放假安排；{today.year + 1} 年的还没有，公布后请升级 chinese-calendar",
        )
    return Check("ok", "节假日日历", f"有 {'、'.join(map(str, known))} 年的放假安排")


async def _alerts(config: Config) -> Check:
    alerts = Alerts(config.alerts, bot_name=config.general.bot_name)
    if not alerts.channels:
        return Check(
            "warn",
            "告警渠道",
            "没有配置（[alerts]）：微信掉线时督查室无从得知，建议配置企业微信群机器人或邮件",
        )
    failures = await alerts.send("督办助手自检（duban doctor）：这是一条测试告警，收到说明告警渠道可用。")
    if failures:
        return Check(
            "fail",
            "告警渠道",
            "；".join(f"{channel}发送失败：{error}" for channel, error in failures.items()),
        )
    return Check("ok", "告警渠道", f"已向{'、'.join(alerts.channels)}发送测试告警")


async def holds_data(db: Database) -> bool:
    """Whether a database already has duban's tables with a roster, notices or messages in them."""

    def tables(connection: Connection) -> set[str]:
        return set(inspect(connection).get_table_names())

    async with db.engine.connect() as connection:
        names = await connection.run_sync(tables)
        for table in ("units", "people", "notices", "outbox"):
            if table in names and await connection.scalar(text(f"SELECT 1 FROM {table} LIMIT 1")) is not None:
                return True
    return False


def _files_folder(folder: Path) -> Check:
    """The folder the notices' files are kept in ([attachments] dir): there and writable, or creatable."""
    existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
    if existing is None or not existing.is_dir():
        return Check("fail", "附件目录", f"{folder} 无法创建（{existing} 不是目录）")
    if _not_writable(existing / "x"):
        return Check("fail", "附件目录", f"{existing} 不能写入：收到的通知附件无法保存（[attachments] dir）")
    if existing != folder:
        return Check("ok", "附件目录", f"{folder}（还没有文件，第一次收到文件时创建）")
    count = sum(1 for p in folder.glob("??/*") if p.is_file())
    return Check("ok", "附件目录", f"{folder}，{count} 个文件；备份数据库时请一并备份")


def _not_writable(path: Path) -> bool:
    """The folder of a SQLite file exists but cannot be written (a read-only mount, or permissions)."""
    folder = path.parent
    if not folder.is_dir():
        return False
    mounted_read_only = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    return mounted_read_only or not os.access(folder, os.W_OK)


def _disk_full(path: Path) -> bool:
    """Next to nothing left where the SQLite file is (it cannot even be created)."""
    folder = path.parent
    return folder.is_dir() and shutil.disk_usage(folder).free < 1024 * 1024


def startup_problem(error: BaseException, where: str) -> str | None:
    """What to tell an operator when the database cannot be opened or written at start-up; None if the
    error is not about the database's place (a bug: the traceback is then worth having)."""
    message = str(getattr(error, "orig", None) or error).lower()
    read_only = "readonly" in message or "read-only" in message or isinstance(error, PermissionError)
    if read_only or ("unable to open database file" in message and _not_writable(Path(where))):
        return (
            f"无法写入数据库 {where}：文件或所在目录是只读的。请检查权限（运行 duban 的用户要能写这个文件和它所在的目录），"
            "以及磁盘是否以只读方式挂载。"
        )
    full = "disk is full" in message or "no space" in message
    io_trouble = "unable to open database file" in message or "disk i/o error" in message
    if full or (io_trouble and _disk_full(Path(where))):
        return f"无法写入数据库 {where}：磁盘已满。请清理磁盘空间（duban doctor 可查看剩余空间）后再启动，已记录的数据不受影响。"
    if "unable to open database file" in message:
        return f"无法打开数据库 {where}：目录不存在且无法创建，或没有权限。请检查 [database] url 和目录权限。"
    if "disk i/o error" in message:
        return f"读写数据库 {where} 时出现磁盘错误（disk I/O error）。请检查磁盘空间和磁盘本身（dmesg、smartctl）。"
    if "connect" in message or "refused" in message or "could not translate host" in message:
        return f"连不上数据库 {where}：{str(error).splitlines()[0][:200]}。请检查 PostgreSQL 是否在运行、地址和账号是否正确。"
    return None
