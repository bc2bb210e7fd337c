"""The demo keeps to its own database, and a database holding demo data refuses a real roster."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from dbfixtures import sqlite_url, upgraded_database
from test_cli import duban

from bot.clock import RealClock
from bot.config import Config, DatabaseConfig
from bot.demo import demo_database_url, install_demo
from bot.live import _demo_roster
from storage.db import Database
from storage.roster import RosterError
from storage.roster_files import read_roster_file
from storage.roster_store import holds_demo, import_roster, load_roster, roster_is_empty

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
T0 = datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.mark.parametrize(
    ("configured", "demo"),
    [
        ("sqlite+aiosqlite:///./data/duban.db", "sqlite+aiosqlite:///data/demo.db"),
        ("sqlite+aiosqlite:////srv/duban/prod.db", "sqlite+aiosqlite:////srv/duban/demo.db"),
        ("postgresql+asyncpg://duban:secret@db:5432/duban", "sqlite+aiosqlite:///./data/demo.db"),
        ("sqlite+aiosqlite://", "sqlite+aiosqlite:///./data/demo.db"),
    ],
)
def test_the_demo_database_sits_next_to_the_configured_one(configured: str, demo: str) -> None:
    assert demo_database_url(configured) == demo


async def test_a_database_holding_the_demo_refuses_a_real_roster(sqlite_database: Database) -> None:
    assert await install_demo(sqlite_database, at=T0)
    assert not await install_demo(sqlite_database, at=T0)  # only ever into an empty database
    async with sqlite_database.reader() as session:
        assert await holds_demo(session)
        before = await load_roster(session)
    reading = read_roster_file(EXAMPLES / "roster.toml")
    with pytest.raises(RosterError) as caught:
        await import_roster(sqlite_database, reading, actor="cli", at=T0)
    message = str(caught.value)
    where = str(sqlite_database.engine.url.database)
    assert message.startswith(
        f"数据库 {where} 里是示例数据（make run 装入的示例名册和试发的通知），不能把正式名册导入到这里"
    )
    assert "DUBAN_DATABASE_URL" in message
    assert f"删除 {where}" in message
    with pytest.raises(RosterError, match="里是示例数据"):  # a dry run says so too
        await import_roster(sqlite_database, reading, actor="cli", at=T0, dry_run=True)
    async with sqlite_database.reader() as session:
        assert await load_roster(session) == before


async def test_a_real_roster_is_not_mistaken_for_the_demo(sqlite_database: Database) -> None:
    await import_roster(sqlite_database, read_roster_file(EXAMPLES / "roster.toml"), actor="demo-user", at=T0)
    async with sqlite_database.reader() as session:
        assert not await holds_demo(session)


async def test_the_console_on_an_empty_database_runs_the_demo_in_its_own(tmp_path: Path) -> None:
    config = Config(database=DatabaseConfig(url=sqlite_url(tmp_path)))
    async with upgraded_database(config.database.url) as production:
        demo = await _demo_roster(config, production, RealClock())
        try:
            assert demo is not production
            assert demo.engine.url.database == str(tmp_path / "demo.db")
            async with demo.reader() as session:
                assert await holds_demo(session)
                assert "城关镇" in [u.name for u in (await load_roster(session)).units]
        finally:
            await demo.dispose()
        async with production.reader() as session:
            assert await roster_is_empty(session)
        await import_roster(production, read_roster_file(EXAMPLES / "roster.toml"), actor="cli", at=T0)
        assert await _demo_roster(config, production, RealClock()) is production  # a roster: the real thing


def test_make_run_then_import_into_the_demo_database_is_refused(tmp_path: Path) -> None:
    ran = duban("run", cwd=tmp_path, stdin="", timeout=60)
    assert ran.returncode == 0, ran.stderr
    demo = {"DUBAN_DATABASE_URL": "sqlite+aiosqlite:///./data/demo.db"}
    refused = duban("roster", "import", EXAMPLES / "roster.toml", cwd=tmp_path, env=demo)
    assert refused.returncode == 2
    assert refused.stderr.startswith("错误：数据库 data/demo.db 里是示例数据")
    assert "Traceback" not in refused.stderr
    imported = duban("roster", "import", EXAMPLES / "roster.toml", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
