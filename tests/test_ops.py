"""Operations as an IT person runs them: Chinese help, doctor, backup and restore, one bot per database,
a replay that will not write into a database in use, and start-up on a disk it cannot write."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
import subprocess
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from test_cli import SCENARIO, command, duban

from bot.ops import calendar_check

ROSTER = Path(__file__).resolve().parent.parent / "examples" / "roster.toml"


def env_for(db: Path, **more: str) -> dict[str, str]:
    return {"DUBAN_DATABASE_URL": f"sqlite+aiosqlite:///{db}", **more}


def wait_for_text(path: Path, text: str, within: float = 30.0) -> None:
    """Until `text` appears in the file a process logs to (its stderr)."""
    deadline = time.monotonic() + within
    while text not in path.read_text(encoding="utf-8"):
        assert time.monotonic() < deadline, f"{text!r} not in {path.name}: {path.read_text(encoding='utf-8')}"
        time.sleep(0.1)


def test_help_is_chinese_throughout(tmp_path: Path) -> None:
    for words in (["--help"], ["db", "--help"], ["roster", "remove", "--help"], ["doctor", "--help"]):
        out = duban(*words, cwd=tmp_path).stdout
        assert out.startswith("用法：")
        for english in ("usage:", "options:", "positional arguments", "show this help message"):
            assert english not in out, (words, english)
        assert "README" in out
    wrong = duban("roster", "remove", "thing", "x", cwd=tmp_path)
    assert wrong.returncode == 2
    assert "错误：参数" in wrong.stderr and "没有 'thing' 这一项" in wrong.stderr
    missing = duban("replay", cwd=tmp_path)
    assert "错误：缺少参数：scenario" in missing.stderr


def test_replay_refuses_a_database_in_use_unless_forced(tmp_path: Path) -> None:
    db = tmp_path / "duban.db"
    env = env_for(db)
    assert duban("roster", "import", ROSTER, cwd=tmp_path, env=env).returncode == 0
    before = db.read_bytes()
    refused = duban("replay", SCENARIO, "--db", env["DUBAN_DATABASE_URL"], cwd=tmp_path)
    assert refused.returncode == 2
    assert "已经有名册或通知" in refused.stderr and "--force" in refused.stderr
    assert db.read_bytes() == before  # untouched
    forced = duban("replay", SCENARIO, "--db", env["DUBAN_DATABASE_URL"], "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr


def test_backup_while_running_and_restore_only_when_stopped(tmp_path: Path) -> None:
    db = tmp_path / "duban.db"
    env = env_for(db)
    assert duban("replay", SCENARIO, "--db", env["DUBAN_DATABASE_URL"], cwd=tmp_path).returncode == 0
    backup = tmp_path / "backups" / "duban-20261130.db"
    done = duban("db", "backup", backup, cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    assert "完整性检查通过" in done.stdout
    with sqlite3.connect(backup) as copy:
        assert copy.execute("SELECT count(*) FROM notices").fetchone() == (1,)
    again = duban("db", "backup", backup, cwd=tmp_path, env=env)
    assert again.returncode == 2 and "已经存在" in again.stderr

    with sqlite3.connect(db) as live:  # something happens after the backup …
        live.execute("DELETE FROM feedback")
    running = subprocess.Popen(  # … and the bot is running
        [*command(), "run"],
        cwd=tmp_path,
        env={**os.environ, **env},
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(3)
        refused = duban("db", "restore", backup, cwd=tmp_path, env=env)
        assert refused.returncode == 2 and "正在运行" in refused.stderr
        standby_log = tmp_path / "standby.log"
        with standby_log.open("w") as log:
            standby = subprocess.Popen(  # a second bot on the same database waits, and says so
                [*command(), "run"],
                cwd=tmp_path,
                env={**os.environ, **env},
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        try:
            wait_for_text(standby_log, "本进程作为备用等待")
            assert standby.poll() is None
        finally:
            running.communicate(b"", timeout=30)
            try:
                wait_for_text(standby_log, "本进程接手")  # the first one stopped: the standby takes over
            finally:
                standby.communicate(b"", timeout=30)
        assert standby.returncode == 0
    finally:
        if running.poll() is None:
            running.communicate(b"", timeout=30)
    restored = duban("db", "restore", backup, cwd=tmp_path, env=env)
    assert restored.returncode == 0, restored.stderr
    assert "原数据库另存为" in restored.stdout
    with sqlite3.connect(db) as back:
        assert back.execute("SELECT count(*) FROM feedback").fetchone()[0] > 0
    broken = tmp_path / "not-a-backup.db"
    broken.write_bytes(b"hello")
    bad = duban("db", "restore", broken, cwd=tmp_path, env=env)
    assert bad.returncode == 2 and "不是可用的督办助手备份" in bad.stderr


def test_doctor_says_what_is_fine_and_what_is_not(tmp_path: Path) -> None:
    db = tmp_path / "duban.db"
    env = env_for(db)
    empty = duban("doctor", cwd=tmp_path, env=env)
    assert empty.returncode == 1
    assert "✗ 名册：还没有导入名册" in empty.stdout
    assert duban("roster", "import", ROSTER, cwd=tmp_path, env=env).returncode == 0
    ready = duban("doctor", cwd=tmp_path, env=env)
    lines = ready.stdout.splitlines()
    assert ready.returncode == 0, ready.stdout
    assert [line.split("：")[0] for line in lines] == [
        "✓ 配置",
        "✓ 数据库",
        "✓ 磁盘空间",
        "✓ 附件目录",
        "✓ 名册",
        "⚠ 微信",
        "⚠ 网页督办台",
        calendar_check(datetime.now(SHANGHAI).date()).line().split("：")[0],  # ⚠ in December
        "⚠ 告警渠道",
    ]
    assert "结构为最新版本" in lines[1]
    assert "还没有账号" in lines[6]
    added = duban(
        "web",
        "user",
        "add",
        "admin",
        "--role",
        "office",
        "--password-stdin",
        cwd=tmp_path,
        env=env,
        stdin="long-enough-1\n",
    )
    assert added.returncode == 0, added.stderr
    assert (
        "✓ 网页督办台：http://127.0.0.1:8080/（督查室账号 1 个"
        in duban("doctor", cwd=tmp_path, env=env).stdout
    )
    gateway = duban("doctor", cwd=tmp_path, env={**env, "DUBAN_WECHATY_ENDPOINT": "127.0.0.1:1"})
    assert gateway.returncode == 1 and "✗ 微信：网关 127.0.0.1:1 连不上" in gateway.stdout
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x")
    files = duban("doctor", cwd=tmp_path, env={**env, "DUBAN_ATTACHMENTS_DIR": str(blocked / "files")})
    assert files.returncode == 1 and "✗ 附件目录" in files.stdout and "无法创建" in files.stdout


def test_start_up_on_a_read_only_database_says_what_is_wrong(tmp_path: Path) -> None:
    """A read-only bind mount as root (CI: even root cannot write there), read-only permissions otherwise."""
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "duban.db"
    assert duban("db", "upgrade", cwd=tmp_path, env=env_for(db)).returncode == 0
    root = os.geteuid() == 0
    if root:
        subprocess.run(["mount", "--bind", folder, folder], check=True)
        subprocess.run(["mount", "-o", "remount,bind,ro", folder], check=True)
    else:
        db.chmod(0o444)
        folder.chmod(0o555)
    try:
        result = duban("roster", "import", ROSTER, cwd=tmp_path, env=env_for(db))
        run = duban("run", cwd=tmp_path, env=env_for(db))
    finally:
        if root:
            subprocess.run(["umount", folder], check=True)
        else:
            folder.chmod(0o755)
    for attempt in (result, run):
        assert attempt.returncode == 2, attempt.stderr
        assert "只读" in attempt.stderr and "Traceback" not in attempt.stderr


def test_start_up_on_a_full_disk_says_what_is_wrong(tmp_path: Path) -> None:
    """A real full disk: a small tmpfs filled up (needs root to mount, as in CI)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", disk], capture_output=True, check=False
    )
    if mounted.returncode != 0:
        message = f"cannot mount a tmpfs ({mounted.stderr.decode().strip()}): the full-disk test needs root"
        if os.environ.get("DUBAN_REQUIRE_TMPFS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    try:
        existing = disk / "existing.db"
        assert duban("db", "upgrade", cwd=tmp_path, env=env_for(existing)).returncode == 0
        ballast = disk / "ballast"
        with ballast.open("wb") as handle, contextlib.suppress(OSError):
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        for db in (existing, disk / "new.db"):
            result = duban("roster", "import", ROSTER, cwd=tmp_path, env=env_for(db))
            assert result.returncode == 2, result.stderr
            assert "磁盘已满" in result.stderr and "Traceback" not in result.stderr
    finally:
        subprocess.run(["umount", "-l", disk], check=False)


async def test_one_bot_per_database_and_doctor_on_both_engines(database_url: str, tmp_path: Path) -> None:
    from bot import ops
    from bot.config import load_config
    from storage.db import Database

    first, second = Database.from_url(database_url), Database.from_url(database_url)
    try:
        await first.upgrade()
        async with ops.run_lock(first):
            assert await ops.is_running(second)
            with pytest.raises(ops.AlreadyRunning):
                async with ops.run_lock(second):
                    pass
        assert not await ops.is_running(second)
        said: list[str] = []
        heard = asyncio.Event()

        def say(text: str) -> None:
            said.append(text)
            heard.set()

        async with ops.run_lock(first):
            standby = asyncio.create_task(_enter_standby(ops, second, first, say))
            await asyncio.wait_for(heard.wait(), 10)
            assert "本进程作为备用等待" in said[0] and not standby.done()
        await asyncio.wait_for(standby, 10)  # the first let go: the standby holds the lock now
        assert "本进程接手" in said[-1] and len(said) == 2
        config = load_config(None, env={"DUBAN_DATABASE_URL": database_url})

        async def no_gateway(_: object) -> ops.Check:
            raise AssertionError("no gateway is configured")

        checks = {c.what: c for c in await ops.doctor(config, "内置默认值", first, no_gateway)}
        assert checks["数据库"].mark == "ok" and "结构为最新版本" in checks["数据库"].detail
        assert checks["名册"].mark == "fail"  # nothing imported
        assert checks["微信"].mark == "warn"
    finally:
        await first.dispose()
        await second.dispose()


async def _enter_standby(ops: Any, db: Any, other: Any, say: Callable[[str], None]) -> None:
    async with ops.standby_lock(db, say, every=0.05):
        assert await ops.is_running(other)  # now this one is the active bot


SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    ("today", "mark"),
    [
        (date(2026, 11, 30), "ok"),
        (
            date(2026, 12, 1),
            "warn",
        ),  # next year's rest days are not published yet (chinese-calendar knows 2026)
        (date(2099, 3, 1), "fail"),  # this year's are unknown
    ],
)
def test_the_calendar_check_by_date(today: date, mark: str) -> None:
    assert calendar_check(today).mark == mark
