"""Web desk security: the session key file, CSRF tokens and the login rate limit."""

from __future__ import annotations

import base64
import hmac
import os
import secrets
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from cryptography.fernet import Fernet

MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)


def session_key(path: Path) -> bytes:
    """The 32-byte cookie key kept in `path`; made (mode 0600) on first start."""
    if path.exists():
        try:
            key = base64.urlsafe_b64decode(path.read_bytes().strip())
        except ValueError:
            key = b""
        if len(key) != 32:
            raise ValueError(
                f"{path} 不是有效的网页会话密钥文件；删除它后重启即可重新生成（已登录的人需重新登录）"
            )
        return key
    path.parent.mkdir(parents=True, exist_ok=True)
    encoded = Fernet.generate_key()
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as out:
        out.write(encoded + b"\n")
    return base64.urlsafe_b64decode(encoded)


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def csrf_ok(expected: object, given: object) -> bool:
    return isinstance(expected, str) and isinstance(given, str) and hmac.compare_digest(expected, given)


@dataclass
class LoginLimiter:
    """At most `limit` failed logins per user and address within `window`; then wait."""

    limit: int = MAX_FAILURES
    window: timedelta = FAILURE_WINDOW
    _failures: dict[tuple[str, str], deque[datetime]] = field(default_factory=dict)

    def _recent(self, key: tuple[str, str], now: datetime) -> deque[datetime]:
        times = self._failures.setdefault(key, deque())
        while times and now - times[0] >= self.window:
            times.popleft()
        return times

    def blocked_for(self, username: str, address: str, now: datetime) -> timedelta | None:
        """How long this user from this address must still wait, or None when they may try."""
        times = self._recent((username, address), now)
        if len(times) < self.limit:
            return None
        return times[0] + self.window - now

    def failed(self, username: str, address: str, now: datetime) -> None:
        self._recent((username, address), now).append(now)

    def succeeded(self, username: str, address: str) -> None:
        self._failures.pop((username, address), None)
