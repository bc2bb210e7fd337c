"""Accounts of the web desk: add, list, remove, change password, check a login (scrypt hashes)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit
from storage.models import WebUser

ROLES: Final = ("office", "viewer")
ROLE_LABELS: Final = {"office": "督查室（可操作）", "viewer": "只读（查看）"}
MIN_PASSWORD = 8
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
_USERNAME = re.compile(r"^[\w.\-]{1,100}$")


class WebUserError(ValueError):
    """A web account request that cannot be done; the message says why in Chinese."""


@dataclass(frozen=True)
class WebUserView:
    username: str
    role: str
    created_at: datetime
    changed_at: datetime


def hash_password(password: str) -> str:
    """An scrypt hash with its own salt and parameters: `scrypt$n$r$p$salt$hash` (base64)."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, **_SCRYPT)
    encode = base64.b64encode
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${encode(salt).decode()}${encode(digest).decode()}"


def check_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(
            password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), dklen=len(expected)
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


def password_problem(password: str) -> str | None:
    """Why a new password is not acceptable, in Chinese; None when it is."""
    if len(password) < MIN_PASSWORD:
        return f"密码太短：至少 {MIN_PASSWORD} 个字符。"
    if password.strip() != password:
        return "密码的开头和结尾不能是空格或换行。"
    return None


def _view(row: WebUser) -> WebUserView:
    return WebUserView(row.username, row.role, row.created_at, row.changed_at)


async def _get(session: AsyncSession, username: str) -> WebUser | None:
    found: WebUser | None = await session.scalar(select(WebUser).where(WebUser.username == username))
    return found


async def add(
    session: AsyncSession, username: str, *, role: str, password: str, actor: str, at: datetime
) -> WebUserView:
    if not _USERNAME.match(username):
        raise WebUserError("用户名只能由字母、数字、汉字、点、下划线和减号组成，最长 100 个字符。")
    if role not in ROLES:
        raise WebUserError(f"角色应为 office（督查室，可操作）或 viewer（只读），现在是 {role!r}。")
    problem = password_problem(password)
    if problem:
        raise WebUserError(problem)
    if await _get(session, username) is not None:
        raise WebUserError(f"用户 {username} 已经存在；改密码请用 duban web user passwd {username}。")
    row = WebUser(
        username=username, role=role, password_hash=hash_password(password), created_at=at, changed_at=at
    )
    session.add(row)
    await audit.record(
        session, at=at, actor=actor, action="web_user.add", subject=f"web:{username}", role=role
    )
    return _view(row)


async def users(session: AsyncSession) -> list[WebUserView]:
    rows = await session.scalars(select(WebUser).order_by(WebUser.username))
    return [_view(row) for row in rows.all()]


async def remove(session: AsyncSession, username: str, *, actor: str, at: datetime) -> None:
    row = await _get(session, username)
    if row is None:
        raise WebUserError(f"没有用户 {username}；duban web user list 列出全部用户。")
    await session.delete(row)
    await audit.record(session, at=at, actor=actor, action="web_user.remove", subject=f"web:{username}")


async def set_password(
    session: AsyncSession, username: str, password: str, *, actor: str, at: datetime
) -> None:
    row = await _get(session, username)
    if row is None:
        raise WebUserError(f"没有用户 {username}；duban web user list 列出全部用户。")
    problem = password_problem(password)
    if problem:
        raise WebUserError(problem)
    row.password_hash, row.changed_at = hash_password(password), at
    await audit.record(session, at=at, actor=actor, action="web_user.passwd", subject=f"web:{username}")


async def authenticate(session: AsyncSession, username: str, password: str) -> WebUserView | None:
    """The account when the password is right; None otherwise (same work either way, against timing)."""
    row = await _get(session, username)
    if row is None:
        check_password(password, _DUMMY)
        return None
    return _view(row) if check_password(password, row.password_hash) else None


async def get(session: AsyncSession, username: str) -> WebUserView | None:
    row = await _get(session, username)
    return None if row is None else _view(row)


_DUMMY = hash_password(secrets.token_hex(8))
