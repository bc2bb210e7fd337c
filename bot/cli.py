"""The `duban` command line: run the bot, replay scenarios, classify replies, export, roster and operations."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from sqlalchemy.exc import OperationalError

from bot import live, ops
from bot.app import assessment_rules, make_policy
from bot.clock import RealClock
from bot.config import Config, ConfigError, load_config
from bot.ops import OpsError
from bot.replay import ScenarioError, run_scenario
from handlers.actions.bulletin import bulletin
from handlers.reading.classify import classify
from handlers.rules.assessment import parse_quarter, year_period
from handlers.rules.report import ledger_assessment
from storage import web_users
from storage.db import Database
from storage.ledger import LedgerFormat, build_ledger, write_ledger
from storage.roster import RosterError
from storage.roster_files import read_roster_file
from storage.roster_remove import remove_person, remove_room, remove_unit
from storage.roster_store import format_roster, import_roster, load_roster, location
from storage.web_users import ROLE_LABELS, WebUserError

log = logging.getLogger("duban")


ROSTER_SECTION = "详见 README.md“名册”一节。"
OPS_SECTION = "详见 README.md“运维”一节。"
WEB_SECTION = "详见 README.md“网页督办台”一节。"


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


# argparse's own messages, in Chinese (the patterns of Python 3.11's argparse).
_ERRORS = (
    (re.compile(r"the following arguments are required: (.+)"), r"缺少参数：\1"),
    (re.compile(r"unrecognized arguments: (.+)"), r"不认识的参数：\1"),
    (
        re.compile(r"argument (.+?): invalid choice: (.+?) \(choose from (.+)\)"),
        r"参数 \1：没有 \2 这一项（可选：\3）",
    ),
    (re.compile(r"argument (.+?): invalid \w+ value: (.+)"), r"参数 \1：\2 不是有效的值"),
    (re.compile(r"argument (.+?): expected one argument"), r"参数 \1 后面要写一个值"),
)


class ChineseParser(argparse.ArgumentParser):
    """argparse with every text in Chinese: usage, section titles, -h and its error messages."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        add_help = kwargs.pop("add_help", True)
        super().__init__(add_help=False, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="显示这段说明并退出")

    def error(self, message: str) -> NoReturn:
        for pattern, chinese in _ERRORS:
            message = pattern.sub(chinese, message)
        self.print_usage(sys.stderr)
        self.exit(2, f"错误：{message}\n（{self.prog} -h 查看说明）\n")


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseParser(
        prog="duban",
        description="督办助手：在微信工作群中发布督办通知单、记录签收与反馈、导出台账。",
        epilog="详细说明见 README.md：“两个命令”“控制台”“名册”“配置”“考核与通报”“接入真实微信”“网页督办台”“运维”各节。",
    )
    config_help = "配置文件（默认 ./config.toml；不存在时使用内置默认值，与 config.example.toml 相同）"
    parser.add_argument("--config", type=Path, default=None, help=config_help)
    # --config may also follow the subcommand; a plain parser, so its group merges into each command's
    common: Any = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", type=Path, default=argparse.SUPPRESS, help=config_help)
    commands = parser.add_subparsers(dest="command", required=True, metavar="<命令>", title="命令")

    def command(name: str, help: str, section: str) -> argparse.ArgumentParser:
        return commands.add_parser(
            name, help=help, description=help, epilog=f"详见 README.md“{section}”一节。", parents=[common]
        )

    command("run", "启动机器人（配置了 [wechaty] endpoint 时连接微信，否则使用控制台）", "接入真实微信")
    command("classify", '从标准输入读取 JSON 行 {"text": …}，输出每条回复的识别结果', "台账、回放和识别工具")
    replay = command(
        "replay", "在虚拟时间中运行一个 JSON 行场景，输出机器人发出的消息", "台账、回放和识别工具"
    )
    replay.add_argument("scenario", type=Path, help="场景文件（JSON 行；第一行为 setup）")
    replay.add_argument("--ledger", type=Path, help="结束时把台账 JSON 写入此文件")
    replay.add_argument("--db", help="使用此数据库 URL，而不是新的临时 SQLite 数据库；已有数据的库会被拒绝")
    replay.add_argument(
        "--force", action="store_true", help="--db 指向的数据库已有数据时仍然使用（会写入场景的名册和消息）"
    )
    export = command("export", "导出台账（配置中的数据库）", "台账、回放和识别工具")
    export.add_argument("--format", choices=["json", "csv", "xlsx"], default="json", help="格式（默认 json）")
    export.add_argument(
        "--year", type=int, help="只导出这一年的通知；“单位统计”按这一年考核（不写时按台账中最近的一年）"
    )
    export.add_argument("--out", type=Path, help="输出文件（json/csv 默认写到标准输出；xlsx 必须指定）")
    report_help = "写出一个季度或一年的督办工作通报（考核排名、得分、逾期情况、处理、一票否决）：xlsx 和可直接发到微信群的文本"
    report = command("report", report_help, "考核与通报")
    period = report.add_mutually_exclusive_group(required=True)
    period.add_argument("--quarter", help="季度，如 2026Q1")
    period.add_argument("--year", type=int, help="年度，如 2026")
    report.add_argument(
        "--out",
        type=Path,
        default=Path("."),
        help="输出目录（默认当前目录）；文件名如 督办通报-2026Q1.xlsx / .txt",
    )
    roster = command("roster", "名册：导入、查看或移除单位、联络员、督查室人员和群", "名册")
    roster_commands = roster.add_subparsers(
        dest="roster_command", required=True, metavar="<操作>", title="操作"
    )
    import_help = (
        "从 TOML、JSON、CSV 或 xlsx 文件导入名册（再次导入会更新，不会重复；表格列见 README）。"
        "文件有任何错误时一次列出全部错误，什么都不导入"
    )
    roster_import = roster_commands.add_parser(
        "import", epilog=ROSTER_SECTION, help=import_help, description=import_help
    )
    roster_import.add_argument("file", type=Path, help="名册文件")
    roster_import.add_argument(
        "--dry-run",
        action="store_true",
        help="只检查文件，列出将新增、更新、不变的单位、人员和群，不写入数据库",
    )
    roster_commands.add_parser(
        "show",
        epilog=ROSTER_SECTION,
        help="显示当前名册",
        description="显示当前名册：单位、简称、联络员（含待绑定）、督查室人员和群",
    )
    remove_help = (
        "从名册移除一个单位、人员或群。有通知记录的单位和群只停用，历史保留；人员解除绑定、不再是督查室人员"
    )
    roster_remove = roster_commands.add_parser(
        "remove", epilog=ROSTER_SECTION, help=remove_help, description=remove_help
    )
    roster_remove.add_argument(
        "kind",
        choices=sorted(_REMOVE_KINDS),
        metavar="unit|person|room",
        help="unit 单位、person 人员、room 群",
    )
    roster_remove.add_argument("name", help="单位全称或简称；人员的微信号、姓名或「单位-姓名」；群名称或群ID")
    db = command("db", "数据库维护：升级、备份、恢复", "运维")
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar="<操作>", title="操作")
    upgrade_help = "把数据库结构升级到最新版本（duban run 启动时也会自动执行）"
    db_commands.add_parser("upgrade", epilog=OPS_SECTION, help=upgrade_help, description=upgrade_help)
    backup_help = (
        "备份 SQLite 数据库到一个新文件（机器人运行时也可以做）；PostgreSQL 用 pg_dump，见 README“运维”"
    )
    backup = db_commands.add_parser("backup", epilog=OPS_SECTION, help=backup_help, description=backup_help)
    backup.add_argument("file", type=Path, help="备份文件（不能已经存在）")
    restore_help = "用备份文件替换 SQLite 数据库（须先停止机器人；原数据库另存一份）"
    restore = db_commands.add_parser(
        "restore", epilog=OPS_SECTION, help=restore_help, description=restore_help
    )
    restore.add_argument("file", type=Path, help="duban db backup 生成的备份文件")
    web_help = "网页督办台的账号：添加、列出、删除、改密码（网页随 duban run 启动，见 [web] listen）"
    web_parser = command("web", web_help, "网页督办台")
    web_commands = web_parser.add_subparsers(
        dest="web_command", required=True, metavar="<对象>", title="对象"
    )
    user_help = "网页账号：office 督查室（可操作），viewer 只读（领导查看）"
    user = web_commands.add_parser("user", help=user_help, description=user_help, epilog=WEB_SECTION)
    user_commands = user.add_subparsers(dest="user_command", required=True, metavar="<操作>", title="操作")
    add_help = "添加账号；密码从标准输入读（--password-stdin），如 echo '密码' | duban web user add 张三 --role office --password-stdin"
    add = user_commands.add_parser("add", help=add_help, description=add_help, epilog=WEB_SECTION)
    add.add_argument("username", help="用户名")
    add.add_argument("--role", choices=["office", "viewer"], required=True, help="office 可操作，viewer 只读")
    add.add_argument("--password-stdin", action="store_true", help="从标准输入读密码（第一行）")
    user_commands.add_parser("list", help="列出全部账号", description="列出全部网页账号", epilog=WEB_SECTION)
    remove_user = user_commands.add_parser(
        "remove", help="删除账号", description="删除网页账号（已登录的会话随之失效）", epilog=WEB_SECTION
    )
    remove_user.add_argument("username", help="用户名")
    passwd = user_commands.add_parser(
        "passwd",
        help="改密码（从标准输入读新密码）",
        description="改密码：新密码从标准输入读（第一行）",
        epilog=WEB_SECTION,
    )
    passwd.add_argument("username", help="用户名")
    passwd.add_argument("--password-stdin", action="store_true", help="从标准输入读密码（默认也是）")
    command(
        "doctor",
        "自检：配置、数据库、磁盘、附件目录、名册、微信网关、网页督办台、节假日日历、告警渠道，每项一行 ✓/⚠/✗",
        "运维",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    for noisy in ("alembic", "apscheduler"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    try:
        if args.config is not None and not args.config.exists():
            raise ConfigError(f"找不到配置文件 {args.config}")
        config_path = args.config or Path("config.toml")
        config = load_config(config_path)
        if args.command == "classify":
            return run_classify(sys.stdin, sys.stdout)
        source = str(config_path) if config_path.exists() else "内置默认值（没有 config.toml）"
        return asyncio.run(dispatch(args, config, source))
    except (ConfigError, RosterError, ScenarioError, OpsError, WebUserError) as error:
        print(f"错误：{error}", file=sys.stderr)
        return 2


async def dispatch(args: argparse.Namespace, config: Config, config_source: str) -> int:
    if args.command == "replay":
        return await replay(args)
    try:
        db = Database.from_url(config.database.url, schema=config.database.schema)
    except OSError as error:
        return _cannot_start(error, config.database.url)
    try:
        return await _command(args, config, config_source, db)
    except (OperationalError, OSError) as error:
        return _cannot_start(error, location(db))
    finally:
        await db.dispose()


async def _command(args: argparse.Namespace, config: Config, config_source: str, db: Database) -> int:
    """One command on the configured database (`dispatch` turns database trouble into a Chinese message)."""
    if args.command == "doctor":
        checks = await ops.doctor(config, config_source, db, ops.probe_gateway)
        print("\n".join(check.line() for check in checks))
        return 1 if any(check.mark == "fail" for check in checks) else 0
    if args.command == "db" and args.db_command != "upgrade":
        return await database(db, args)
    await db.upgrade()
    if args.command == "run":
        async with ops.standby_lock(db, log.warning):  # a second `duban run` waits as a standby
            return await live.run(config, db)
    if args.command == "export":
        return await export(config, db, args.format, args.year, args.out)
    if args.command == "roster":
        return await roster(db, args)
    if args.command == "web":
        return await web_user(db, args, sys.stdin, config)
    if args.command == "report":
        return await report(config, db, args)
    print("数据库已升级到最新版本。")
    return 0


def _cannot_start(error: BaseException, where: str) -> int:
    """The database cannot be opened or written: say what is wrong in Chinese (a bug keeps its traceback)."""
    problem = ops.startup_problem(error, where)
    if problem is None:
        raise error
    print(f"错误：{problem}", file=sys.stderr)
    return 2


async def replay(args: argparse.Namespace) -> int:
    """`duban replay`: a fresh temporary database, or `--db` if it holds nothing (or `--force`)."""
    config = load_config(args.config or Path("config.toml"))
    if args.db is not None and not args.force:
        db = Database.from_url(args.db)
        try:
            used = await ops.holds_data(db)
        finally:
            await db.dispose()
        if used:
            print(
                f"错误：数据库 {args.db} 里已经有名册或通知；回放会写入场景的名册并把消息记为已发送。"
                "请换一个空数据库，或不写 --db（使用临时数据库）；确实要用它时加 --force。",
                file=sys.stderr,
            )
            return 2
    with args.scenario.open(encoding="utf-8") as lines:
        await run_scenario(
            lines, config=config, out=sys.stdout, ledger=args.ledger, db_url=args.db, keep_sent=False
        )
    return 0


async def database(db: Database, args: argparse.Namespace) -> int:
    if args.db_command == "backup":
        print(ops.backup(db, args.file))
        return 0
    print(await ops.restore(db, args.file, now=RealClock().now()))
    return 0


def run_classify(stdin: TextIO, stdout: TextIO) -> int:
    """One JSON line out per JSON line in, using the bot's own classifier."""
    for number, line in enumerate(stdin, 1):
        if not line.strip():
            continue
        try:
            text = json.loads(line)["text"]
        except (json.JSONDecodeError, KeyError, TypeError):
            print(f'第 {number} 行应为 {{"text": "…"}}', file=sys.stderr)
            return 2
        reading = classify(str(text))
        notice = reading.refs[0].seq if reading.refs else None
        result = {
            "text": text,
            "intents": reading.intent_list(),
            "notice": notice,
            "notices": [ref.seq for ref in reading.refs],
            "feedback_kind": reading.feedback_kind,
            "problem": reading.problem,
            "review": reading.related,
        }
        stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    return 0


async def export(config: Config, db: Database, fmt: LedgerFormat, year: int | None, out: Path | None) -> int:
    if fmt == "xlsx" and out is None:
        print("错误：xlsx 格式需要用 --out 指定输出文件", file=sys.stderr)
        return 2
    now = RealClock().now()
    async with db.reader() as session:
        ledger = await build_ledger(session, now=now, tz=config.tz, year=year)
    years = [notice["year"] for notice in ledger["notices"]]
    scored = year if year is not None else max(years, default=now.astimezone(config.tz).year)
    ledger["assessment"] = ledger_assessment(ledger, assessment_rules(config), year_period(scored, config.tz))
    shortened: list[str] = []
    data = write_ledger(ledger, fmt, out, shortened=shortened, office=config.general.office_name)
    for where in shortened:
        print(f"注意：{where} 的文字超过 Excel 单元格上限，已截断（全文见 JSON 导出）", file=sys.stderr)
    if data is not None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    elif out is not None:
        print(f"已导出到 {out}", file=sys.stderr)
    return 0


async def report(config: Config, db: Database, args: argparse.Namespace) -> int:
    """`duban report`: the 通报 of a quarter or a year as xlsx and text files in `--out` (the text also printed)."""
    if args.quarter is not None:
        period = parse_quarter(args.quarter, config.tz)
        if period is None:
            print(f"错误：季度 {args.quarter!r} 应写成 年份Q季度，如 2026Q1（第一季度）", file=sys.stderr)
            return 2
    else:
        period = year_period(args.year, config.tz)
    now = RealClock().now()
    policy = make_policy(config, bot_id="")
    async with db.reader() as session:
        made = await bulletin(session, policy, period, now)
    args.out.mkdir(parents=True, exist_ok=True)
    xlsx, txt = args.out / made.file_name("xlsx"), args.out / made.file_name("txt")
    xlsx.write_bytes(made.xlsx)
    txt.write_bytes(made.txt)
    print(made.text)
    print(f"已写出 {xlsx} 和 {txt}", file=sys.stderr)
    return 0


_REMOVE_KINDS = {
    "unit": remove_unit,
    "单位": remove_unit,
    "person": remove_person,
    "人员": remove_person,
    "room": remove_room,
    "群": remove_room,
}


async def roster(db: Database, args: argparse.Namespace) -> int:
    now = RealClock().now()
    if args.roster_command == "import":
        reading = read_roster_file(args.file)
        summary = await import_roster(db, reading, actor="cli", at=now, dry_run=args.dry_run)
        if args.dry_run:
            print(f"试导入 {args.file}（只检查，没有写入数据库 {location(db)}）：")
        else:
            print(f"已导入 {args.file} 到数据库 {location(db)}：")
        if not summary.changed:
            print("名册没有变化。")
        if reading.ignored_columns:
            print(f"没有导入的列：{'、'.join(reading.ignored_columns)}")
        print("\n".join(summary.details()))
        return 0
    if args.roster_command == "remove":
        async with db.transaction() as session:
            text = await _REMOVE_KINDS[args.kind](session, args.name.strip(), actor="cli", at=now)
        print(text)
        return 0
    async with db.reader() as session:
        print(format_roster(await load_roster(session)))
    return 0


def _read_password(stdin: TextIO) -> str:
    if stdin.isatty():
        raise WebUserError(
            "请从标准输入给出密码，如：echo '新密码' | duban web user passwd 张三 --password-stdin"
        )
    return stdin.readline().rstrip("\r\n")


async def web_user(db: Database, args: argparse.Namespace, stdin: TextIO, config: Config) -> int:
    """`duban web user add|list|remove|passwd`: the web desk's accounts (the audit log names "cli")."""
    now = RealClock().now()
    if args.user_command == "list":
        async with db.reader() as session:
            accounts = await web_users.users(session)
        if not accounts:
            print(
                "还没有网页账号。添加：echo '密码' | duban web user add 用户名 --role office --password-stdin"
            )
        for account in accounts:
            print(
                f"{account.username}\t{ROLE_LABELS[account.role]}\t建立于 {account.created_at.astimezone(config.tz).strftime('%Y-%m-%d %H:%M')}"
            )
        return 0
    if args.user_command == "add" and not args.password_stdin:
        raise WebUserError(
            "请加 --password-stdin，并从标准输入给出密码（密码不写在命令行上，以免留在历史记录里）。"
        )
    async with db.transaction() as session:
        if args.user_command == "add":
            await web_users.add(
                session, args.username, role=args.role, password=_read_password(stdin), actor="cli", at=now
            )
            print(f"已添加网页账号 {args.username}（{ROLE_LABELS[args.role]}）。")
        elif args.user_command == "remove":
            await web_users.remove(session, args.username, actor="cli", at=now)
            print(f"已删除网页账号 {args.username}。")
        else:
            await web_users.set_password(session, args.username, _read_password(stdin), actor="cli", at=now)
            print(f"已修改 {args.username} 的密码。")
    return 0
