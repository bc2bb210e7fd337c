"""The `duban` command line: run the bot, replay scenarios, classify replies, export and manage the roster."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from bot import live
from bot.clock import RealClock
from bot.config import Config, ConfigError, load_config
from bot.replay import ScenarioError, run_scenario
from handlers.classify import classify
from storage.db import Database
from storage.ledger import LedgerFormat, build_ledger, write_ledger
from storage.roster import RosterError
from storage.roster_files import load_roster_file
from storage.roster_store import apply_roster, format_roster, load_roster

log = logging.getLogger("duban")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="duban", description="督办助手：在微信工作群中发布督办通知单、记录签收与反馈、导出台账。"
    )
    config_help = "配置文件（默认 ./config.toml；不存在时使用内置默认值，与 config.example.toml 相同）"
    parser.add_argument("--config", type=Path, default=None, help=config_help)
    # --config may also follow the subcommand (duban run --config FILE)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", type=Path, default=argparse.SUPPRESS, help=config_help)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=help, description=help, parents=[common])

    command("run", help="启动机器人（配置了 [wechaty] endpoint 时连接微信，否则使用控制台）")
    command("classify", help='从标准输入读取 JSON 行 {"text": …}，输出每条回复的识别结果')
    replay = command("replay", help="在虚拟时间中运行一个 JSON 行场景，输出机器人发出的消息")
    replay.add_argument("scenario", type=Path, help="场景文件（JSON 行；第一行为 setup）")
    replay.add_argument("--ledger", type=Path, help="结束时把台账 JSON 写入此文件")
    replay.add_argument("--db", help="使用此数据库 URL，而不是新的临时 SQLite 数据库")
    export = command("export", help="导出台账（配置中的数据库）")
    export.add_argument("--format", choices=["json", "csv", "xlsx"], default="json", help="格式（默认 json）")
    export.add_argument("--year", type=int, help="只导出这一年的通知")
    export.add_argument("--out", type=Path, help="输出文件（json/csv 默认写到标准输出；xlsx 必须指定）")
    roster = command("roster", help="名册：导入或查看单位、联络员、督查室人员和群")
    roster_commands = roster.add_subparsers(dest="roster_command", required=True, metavar="ACTION")
    import_help = "从 TOML、JSON、CSV 或 xlsx 文件导入名册（再次导入会更新，不会重复；表格列见 README）"
    roster_import = roster_commands.add_parser("import", help=import_help, description=import_help)
    roster_import.add_argument("file", type=Path)
    roster_commands.add_parser(
        "show", help="显示当前名册", description="显示当前名册：单位、简称、联络员、督查室人员和群"
    )
    db = command("db", help="数据库维护")
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    upgrade_help = "把数据库结构升级到最新版本（duban run 启动时也会自动执行）"
    db_commands.add_parser("upgrade", help=upgrade_help, description=upgrade_help)
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
        config = load_config(args.config or Path("config.toml"))
        if args.command == "classify":
            return run_classify(sys.stdin, sys.stdout)
        return asyncio.run(dispatch(args, config))
    except (ConfigError, RosterError, ScenarioError) as error:
        print(f"错误：{error}", file=sys.stderr)
        return 2


async def dispatch(args: argparse.Namespace, config: Config) -> int:
    if args.command == "replay":
        with args.scenario.open(encoding="utf-8") as lines:
            await run_scenario(lines, config=config, out=sys.stdout, ledger=args.ledger, db_url=args.db)
        return 0
    db = Database.from_url(config.database.url)
    try:
        await db.upgrade()
        if args.command == "run":
            return await live.run(config, db)
        if args.command == "export":
            return await export(config, db, args.format, args.year, args.out)
        if args.command == "roster":
            return await roster(db, args)
        print("数据库已升级到最新版本。")
        return 0
    finally:
        await db.dispose()


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
    async with db.reader() as session:
        ledger = await build_ledger(session, now=RealClock().now(), tz=config.tz, year=year)
    data = write_ledger(ledger, fmt, out)
    if data is not None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    elif out is not None:
        print(f"已导出到 {out}", file=sys.stderr)
    return 0


async def roster(db: Database, args: argparse.Namespace) -> int:
    if args.roster_command == "import":
        parsed = load_roster_file(args.file)
        async with db.transaction() as session:
            summary = await apply_roster(session, parsed, actor="cli", at=RealClock().now())
        print(f"已导入 {args.file}：{summary}")
        return 0
    async with db.reader() as session:
        print(format_roster(await load_roster(session)))
    return 0
