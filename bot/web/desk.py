"""What the web desk works with: the bot's database, clock, policy, connection and its doorbell."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from bot.clock import Clock
from bot.config import Config
from bot.web.security import LoginLimiter
from handlers.policy import Policy
from storage.db import Database
from storage.files import FileStore


@dataclass(frozen=True)
class Connection:
    """The WeChat connection as the transport sees it now."""

    transport: str  # wechaty | console
    connected: bool
    logged_in: bool
    account: str | None
    reconnects: int = 0
    last_disconnect: str | None = None
    login_qr: str | None = None  # the QR payload while a login is needed


async def _nothing() -> None:
    return None


def no_connection() -> Connection:
    return Connection("console", connected=True, logged_in=True, account=None)


@dataclass
class Desk:
    """The running bot's collaborators, handed to every page; nothing here is global."""

    config: Config
    db: Database
    clock: Clock
    policy: Callable[[], Policy]
    after_change: Callable[[], Awaitable[None]] = field(default=lambda: _nothing())  # wake the timed duties
    connection: Callable[[], Connection] = no_connection
    limiter: LoginLimiter = field(default_factory=LoginLimiter)
    upload_dir: Path = field(default_factory=lambda: Path("./data/web-uploads"))
    accounts_db: Database | None = (
        None  # where the accounts are, when the data is elsewhere (the console demo)
    )

    @property
    def accounts(self) -> Database:
        return self.accounts_db or self.db

    @property
    def files(self) -> FileStore:
        """Where attachment bytes are kept (`[attachments] dir`, shared with the bot)."""
        return FileStore(Path(self.config.attachments.dir))

    def now(self) -> datetime:
        return self.clock.now()
