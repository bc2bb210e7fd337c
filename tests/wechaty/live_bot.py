"""Runs `duban run` as its own process against a test gateway, with the real clock, for the live tests.

The configuration is a real config.toml in tmp_path, the roster is imported with `duban roster import`,
and the token comes from the environment, as an office's IT person would set it up. The test inspects
the database the process writes and the messages the gateway saw; it can kill the process (-9) and
start it again on the same database.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sys
import time
from collections.abc import AsyncIterator, Mapping
from datetime import datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import pytest
from wechaty_gateway import ROSTER, TOKEN, Event, Gateway, eventually

from bot.config import RemindersConfig
from handlers.rules.quiet import clock_within
from storage import state
from storage.db import Database

DUBAN = Path(sys.executable).parent / "duban"
T = TypeVar("T")


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, clock_time):
        return json.dumps(value.isoformat())
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def toml(config: Mapping[str, Mapping[str, Any]]) -> str:
    lines = []
    for section, values in config.items():
        lines.append(f"[{section}]")
        lines += [f"{key} = {toml_value(value)}" for key, value in values.items()]
        lines.append("")
    return "\n".join(lines)


def quiet_hours_away_from_now(sections: Mapping[str, Mapping[str, Any]]) -> dict[str, clock_time]:
    """Quiet hours an hour long, about twelve hours from now in the configured zone: none fall in a test, and
    none over the daily broadcast's time, which the configuration refuses (at 20:30 a window twelve hours on
    would cover the default 09:00)."""
    zone = ZoneInfo(str(sections.get("general", {}).get("timezone", "Asia/Shanghai")))
    daily = sections.get("reminders", {}).get("daily_time", RemindersConfig.daily_time)
    daily = clock_time.fromisoformat(daily) if isinstance(daily, str) else daily
    for hours in (12, 10, 14):
        start = datetime.now(zone) + timedelta(hours=hours)
        window = {
            "start": start.time().replace(microsecond=0),
            "end": (start + timedelta(hours=1)).time().replace(microsecond=0),
        }
        if not clock_within(daily, window["start"], window["end"]):
            return window
    raise AssertionError("no hour-long quiet window ten to fifteen hours from now misses the daily time")


class LiveBot:
    """One office's duban: its config file, its SQLite database, and the `duban run` process."""

    def __init__(
        self,
        tmp: Path,
        gateway: Gateway,
        config: Mapping[str, Mapping[str, Any]],
        *,
        data: Path | None = None,
        env: Mapping[str, str] | None = None,
        url: str | None = None,
    ) -> None:
        self.tmp, self.gateway = tmp, gateway
        self._extra_env = dict(env or {})  # secrets only come from the environment (an alert webhook, say)
        # SQLite in the data directory unless a test brings its own database (PostgreSQL, say)
        self.url = url or f"sqlite+aiosqlite:///{(data or tmp) / 'duban.db'}"
        sections = {key: dict(values) for key, values in config.items()}
        sections.setdefault("database", {})["url"] = self.url
        sections.setdefault("wechaty", {})["endpoint"] = gateway.endpoint
        sections["wechaty"].setdefault("qr_file", str(tmp / "wechat-login.png"))  # not into the work tree
        sections.setdefault("sending", {}).update(room_interval_seconds=0.0, jitter_seconds=0.0)
        # a test that does not set quiet hours must not depend on the hour it runs at (22:00–07:30 by default)
        sections.setdefault("quiet_hours", quiet_hours_away_from_now(sections))
        web = sections.setdefault("web", {})  # the web desk only where a test asks for it (ports are shared)
        web.setdefault("listen", "")
        web.setdefault("secret_file", str(tmp / "web-secret.key"))
        sections.setdefault("attachments", {}).setdefault("dir", str((data or tmp) / "files"))
        self.config_path = tmp / "config.toml"
        self.config_path.write_text(toml(sections), encoding="utf-8")
        self.log_path = tmp / "duban.log"
        self.db = Database.from_url(self.url)
        self.proc: asyncio.subprocess.Process | None = None
        self.starts = 0

    async def import_roster(self, roster: Mapping[str, Any] = ROSTER) -> None:
        path = self.tmp / "roster.json"
        path.write_text(json.dumps(roster, ensure_ascii=False), encoding="utf-8")
        done = await asyncio.create_subprocess_exec(
            str(DUBAN), "--config", str(self.config_path), "roster", "import", str(path), env=self._env()
        )
        assert await done.wait() == 0, "duban roster import failed"

    async def duban(self, *args: str, stdin: bytes = b"") -> int:
        """Run another `duban` command on this office's config (as its IT person would), its exit code."""
        done = await asyncio.create_subprocess_exec(
            str(DUBAN),
            "--config",
            str(self.config_path),
            *args,
            env=self._env(),
            stdin=asyncio.subprocess.PIPE,
        )
        await done.communicate(stdin)
        return await done.wait()

    def _env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("DUBAN_")}
        return {**env, "DUBAN_WECHATY_TOKEN": TOKEN, "PYTHONUNBUFFERED": "1", **self._extra_env}

    async def start(self) -> None:
        """Start `duban run` and wait until it is logged in and hearing (its heartbeat is on disk)."""
        before = await self._heartbeat()
        with self.log_path.open("ab") as log:
            self.proc = await asyncio.create_subprocess_exec(
                str(DUBAN),
                "--config",
                str(self.config_path),
                "run",
                env=self._env(),
                stdin=asyncio.subprocess.DEVNULL,
                stdout=log,
                stderr=log,
            )
        self.starts += 1

        async def online() -> bool:
            self.check_alive()
            beat = await self._heartbeat()
            return beat is not None and beat != before

        await eventually(online, "duban run to log in")

    async def _heartbeat(self) -> str | None:
        try:
            async with self.db.reader() as session:
                value = await state.get(session, "presence")
        except Exception:  # the database is not created yet
            return None
        return None if value is None else str(value.get("online_at"))

    def check_alive(self) -> None:
        if self.proc is not None and self.proc.returncode is not None:
            raise AssertionError(f"duban run exited with {self.proc.returncode}:\n{self.log()[-3000:]}")

    async def kill(self) -> float:
        """kill -9, as a crash or a power cut would; returns when (time.time())."""
        proc, self.proc = self.proc, None
        assert proc is not None
        killed_at = time.time()
        with contextlib.suppress(ProcessLookupError):
            proc.send_signal(signal.SIGKILL)
        await proc.wait()
        return killed_at

    async def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        with contextlib.suppress(ProcessLookupError):
            proc.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(proc.wait(), 20)
        except TimeoutError:
            proc.kill()
            await proc.wait()
            raise AssertionError(f"duban run did not stop on SIGTERM:\n{self.log()[-3000:]}") from None

    async def close(self) -> None:
        if self.proc is not None:
            with contextlib.suppress(ProcessLookupError):
                self.proc.kill()
            await self.proc.wait()
            self.proc = None
        await self.db.dispose()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    async def sent(self, conversation: str, marker: str, *, since: int = 0, within: float = 30.0) -> Event:
        """The first message the bot sent into `conversation` containing `marker`."""
        deadline = time.monotonic() + within
        while True:
            self.check_alive()
            found = [
                e
                for e in self.gateway.events[since:]
                if e["event"] == "sent" and e["conversation"] == conversation and marker in e["text"]
            ]
            if found:
                return found[0]
            if time.monotonic() > deadline:
                said = [e["text"][:40] for e in self.gateway.sent()]
                raise AssertionError(f"nothing with {marker!r} to {conversation} in {within} s; sent: {said}")
            await asyncio.sleep(0.05)


def at_local(moment: datetime) -> str:
    """A deadline as the office would type it, to the second: 2026-11-30 15:04:30."""
    return moment.strftime("%Y-%m-%d %H:%M:%S")


@contextlib.asynccontextmanager
async def small_disk(path: Path, size: str = "16m") -> AsyncIterator[Path]:
    """A tmpfs of `size` mounted at `path`: a disk that can really fill up. Needs the right to mount
    (root, as in CI); elsewhere the test is skipped, or fails when DUBAN_REQUIRE_TMPFS=1."""
    await asyncio.to_thread(path.mkdir, parents=True, exist_ok=True)
    mounted = await asyncio.create_subprocess_exec(
        "mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path), stderr=asyncio.subprocess.PIPE
    )
    _, error = await mounted.communicate()
    if mounted.returncode != 0:
        message = f"cannot mount a tmpfs to fill ({error.decode().strip()}): the full-disk test needs root"
        if os.environ.get("DUBAN_REQUIRE_TMPFS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    try:
        yield path
    finally:
        await (await asyncio.create_subprocess_exec("umount", "-l", str(path))).wait()


def fill_disk(path: Path) -> Path:
    """Write a ballast file until the filesystem at `path` is full; delete it to free the space."""
    ballast = path / "ballast"
    fd = os.open(ballast, os.O_WRONLY | os.O_CREAT)
    try:
        for chunk in (1 << 20, 1 << 12, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * chunk)
    finally:
        os.close(fd)
    return ballast
