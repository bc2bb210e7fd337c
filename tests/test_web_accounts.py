"""Web desk accounts: scrypt hashes, the storage functions on both engines, and `duban web user`."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.web.security import session_key
from storage import audit, web_users
from storage.db import Database
from storage.web_users import WebUserError, check_password, hash_password

T0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
DUBAN = Path(sys.executable).parent / "duban"


def test_a_password_hash_checks_only_its_own_password() -> None:
    stored = hash_password("correct horse")
    assert stored.startswith("scrypt$") and "correct horse" not in stored
    assert check_password("correct horse", stored)
    assert not check_password("correct hors", stored)
    assert hash_password("correct horse") != stored  # a salt of its own each time
    assert not check_password("correct horse", "plain-text")


async def test_accounts_are_added_checked_changed_and_removed_with_audit(database: Database) -> None:
    async with database.transaction() as session:
        await web_users.add(session, "alice", role="office", password="first-pass", actor="cli", at=T0)
        with pytest.raises(WebUserError, match="已经存在"):
            await web_users.add(session, "alice", role="viewer", password="other-pass", actor="cli", at=T0)
        with pytest.raises(WebUserError, match="角色应为 office"):
            await web_users.add(session, "bob", role="admin", password="other-pass", actor="cli", at=T0)
        with pytest.raises(WebUserError, match="密码太短"):
            await web_users.add(session, "bob", role="viewer", password="short", actor="cli", at=T0)
    async with database.reader() as session:
        assert await web_users.authenticate(session, "alice", "first-pass") is not None
        assert await web_users.authenticate(session, "alice", "wrong-pass") is None
        assert await web_users.authenticate(session, "nobody", "first-pass") is None
        assert [u.username for u in await web_users.users(session)] == ["alice"]
    async with database.transaction() as session:
        await web_users.set_password(session, "alice", "second-pass", actor="cli", at=T0)
    async with database.reader() as session:
        assert await web_users.authenticate(session, "alice", "first-pass") is None
        assert await web_users.authenticate(session, "alice", "second-pass") is not None
    async with database.transaction() as session:
        await web_users.remove(session, "alice", actor="cli", at=T0)
        with pytest.raises(WebUserError, match="没有用户 alice"):
            await web_users.remove(session, "alice", actor="cli", at=T0)
    async with database.reader() as session:
        assert await web_users.users(session) == []
        actions = [e.action for e in await audit.entries(session, actions=["web_user."])]
    assert actions == ["web_user.add", "web_user.passwd", "web_user.remove"]


def duban(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DUBAN_")}
    return subprocess.run(
        [str(DUBAN), *args], cwd=tmp_path, input=stdin, capture_output=True, text=True, env=env, timeout=60
    )


def test_duban_web_user_commands(tmp_path: Path) -> None:
    added = duban(
        tmp_path,
        "web",
        "user",
        "add",
        "张主任",
        "--role",
        "office",
        "--password-stdin",
        stdin="long-enough-1\n",
    )
    assert added.returncode == 0, added.stderr
    assert "已添加网页账号 张主任" in added.stdout
    viewer = duban(
        tmp_path,
        "web",
        "user",
        "add",
        "县长",
        "--role",
        "viewer",
        "--password-stdin",
        stdin="long-enough-2\n",
    )
    assert viewer.returncode == 0, viewer.stderr
    listed = duban(tmp_path, "web", "user", "list")
    assert "张主任\t督查室（可操作）" in listed.stdout and "县长\t只读（查看）" in listed.stdout
    no_stdin_flag = duban(tmp_path, "web", "user", "add", "王五", "--role", "office")
    assert no_stdin_flag.returncode == 2 and "--password-stdin" in no_stdin_flag.stderr
    short = duban(tmp_path, "web", "user", "passwd", "县长", "--password-stdin", stdin="short\n")
    assert short.returncode == 2 and "密码太短" in short.stderr
    changed = duban(tmp_path, "web", "user", "passwd", "县长", "--password-stdin", stdin="long-enough-3\n")
    assert changed.returncode == 0 and "已修改 县长 的密码" in changed.stdout
    removed = duban(tmp_path, "web", "user", "remove", "县长")
    assert removed.returncode == 0
    missing = duban(tmp_path, "web", "user", "remove", "县长")
    assert missing.returncode == 2 and "没有用户 县长" in missing.stderr
    help_text = duban(tmp_path, "web", "user", "add", "--help").stdout
    assert "--password-stdin" in help_text and "viewer" in help_text


def test_the_session_key_is_made_once_readable_by_its_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "data" / "web-secret.key"
    key = session_key(path)
    assert len(key) == 32
    assert path.stat().st_mode & 0o777 == 0o600
    assert session_key(path) == key  # kept across restarts: logins survive them
    path.write_text("not a key\n")
    with pytest.raises(ValueError, match="不是有效的网页会话密钥文件"):
        session_key(path)
