"""Drives tests/gateway/gateway.mjs (a mock-puppet Wechaty gateway) over its stdin/stdout JSON lines."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import importlib.util
import itertools
import json
import os
import shutil
import socket
import subprocess
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import pytest
from recording import RecordingInbound

from bot.transport import RoomInfo

if TYPE_CHECKING:
    from bot.wechaty_transport import ConnectionStatus, WatchdogSettings

TOKEN = "duban-test-token"
BOT_ID = "duban_bot"
BOT_NAME = "督办助手"
ROOM = "room_main@chatroom"
TOPIC = "县督查工作群"
OFFICE = "wxid_office"
LIAISON_A = "wxid_liaison_a"
LIAISON_B = "wxid_liaison_b"
OUTSIDER = "wxid_outsider"

WORLD = {
    "bot": {"id": BOT_ID, "name": BOT_NAME},
    "contacts": [
        {"id": OFFICE, "name": "县督查室王主任"},
        {"id": LIAISON_A, "name": "张三"},
        {"id": LIAISON_B, "name": "李四"},
        {"id": OUTSIDER, "name": "赵六"},
    ],
    "rooms": [
        {
            "id": ROOM,
            "topic": TOPIC,
            "members": [OFFICE, LIAISON_A, LIAISON_B],
            "aliases": {LIAISON_A: "城关镇-张三", LIAISON_B: "发改委-李四"},
        }
    ],
}


LIAISON_C = "wxid_liaison_c"

# For the app tests: the gateway's world and duban's roster describe the same county (ids match).
APP_WORLD: dict[str, Any] = {
    "bot": {"id": BOT_ID, "name": BOT_NAME},
    "contacts": [
        {"id": OFFICE, "name": "王主任"},
        {"id": LIAISON_A, "name": "张三"},
        {"id": LIAISON_B, "name": "李四"},
        {"id": LIAISON_C, "name": "王五"},
        {"id": OUTSIDER, "name": "赵六"},
    ],
    "rooms": [
        {
            "id": ROOM,
            "topic": TOPIC,
            "members": [OFFICE, LIAISON_A, LIAISON_B, LIAISON_C],
            "aliases": {LIAISON_A: "城关镇-张三", LIAISON_B: "财政局-李四", LIAISON_C: "发改委-王五"},
        }
    ],
}
ROSTER: dict[str, Any] = {
    "office": [{"id": OFFICE, "name": "王主任"}],
    "units": [
        {"name": "城关镇", "aliases": ["城关"], "liaisons": [{"id": LIAISON_A, "name": "张三"}]},
        {"name": "县财政局", "aliases": ["财政局"], "liaisons": [{"id": LIAISON_B, "name": "李四"}]},
        {
            "name": "县发展和改革委员会",
            "aliases": ["发改委", "县发改委"],
            "liaisons": [{"id": LIAISON_C, "name": "王五"}],
        },
    ],
    "rooms": [{"id": ROOM, "topic": TOPIC, "members": [OFFICE, LIAISON_A, LIAISON_B, LIAISON_C]}],
}


GATEWAY_DIR = Path(__file__).resolve().parents[1] / "gateway"
GATEWAY_SCRIPT = GATEWAY_DIR / "gateway.mjs"
REQUIRE_ENV = "DUBAN_REQUIRE_WECHATY"

Event = dict[str, Any]
T = TypeVar("T")


def node_or_skip() -> str:
    """The node executable; skips the test (or fails when DUBAN_REQUIRE_WECHATY=1) without it."""
    node = shutil.which("node")
    if node is None:
        message = "node is not installed: the wechaty gateway tests need Node.js 18+ and npm"
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(f"{message} ({REQUIRE_ENV}=1)")
        pytest.skip(message)
    return node


def wechaty_or_skip() -> None:
    """Skip (or fail when DUBAN_REQUIRE_WECHATY=1) when the python wechaty client is not installed."""
    if importlib.util.find_spec("wechaty_puppet_service") is None:
        message = "the python wechaty client (wechaty-puppet-service) is not installed"
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(f"{message} ({REQUIRE_ENV}=1)")
        pytest.skip(message)


def ensure_node_modules() -> None:
    """Install the gateway's pinned packages with `npm ci` when node_modules is missing."""
    if (GATEWAY_DIR / "node_modules" / "wechaty-puppet-service").is_dir():
        return
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("npm is missing, so the gateway's node_modules cannot be installed (run npm ci)")
    result = subprocess.run(
        [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"],
        cwd=GATEWAY_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(f"npm ci in {GATEWAY_DIR} failed:\n{result.stdout}\n{result.stderr}")


def fast_watchdog(**overrides: float) -> WatchdogSettings:
    """Short intervals so that losing and regaining the gateway takes about a second."""
    from bot.wechaty_transport import WatchdogSettings

    settings: dict[str, float] = {
        "ding_interval": 0.2,
        "silence_timeout": 2.0,
        "call_timeout": 5.0,
        "start_timeout": 3.0,
    }
    settings.update(overrides)
    return WatchdogSettings(**settings, backoff=(0.05, 0.1, 0.2, 0.4))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Gateway:
    """One gateway process; `restart()` brings a new one up on the same port."""

    def __init__(
        self, node: str, port: int, token: str, log_path: Path, world: dict[str, Any] | None
    ) -> None:
        self.node = node
        self.port = port
        self.token = token
        self.log_path = log_path
        self.world = world
        self.endpoint = f"127.0.0.1:{port}"
        self.events: list[Event] = []
        self._changed = asyncio.Condition()
        self._proc: asyncio.subprocess.Process | None = None
        self._reader: asyncio.Task[None] | None = None
        self._requests = itertools.count(1)

    async def start(self, within: float = 20.0) -> None:
        args = [str(GATEWAY_SCRIPT), "--port", str(self.port), "--token", self.token]
        if self.world is not None:
            args += ["--world-json", json.dumps(self.world, ensure_ascii=False)]
        with self.log_path.open("ab") as log:
            self._proc = await asyncio.create_subprocess_exec(
                self.node,
                *args,
                cwd=GATEWAY_DIR,
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                stderr=log,
                env={**os.environ, "WECHATY_LOG": "warn", "NODE_NO_WARNINGS": "1"},
                limit=64 * 1024 * 1024,  # a sent_file event carries the whole file
            )
        self._reader = asyncio.create_task(self._read(self._proc))
        ready = await self.wait_for(lambda e: e["event"] == "ready", within=within, since=len(self.events))
        assert ready["port"] == self.port

    async def _read(self, proc: asyncio.subprocess.Process) -> None:
        assert proc.stdout is not None
        async for line in proc.stdout:
            text = line.decode().strip()
            if not text:
                continue
            try:
                event = json.loads(text)
            except json.JSONDecodeError:
                event = {"event": "garbage", "line": text}
            event["seen_at"] = time.time()  # when the test saw it: what live tests time the bot by
            async with self._changed:
                self.events.append(event)
                self._changed.notify_all()
        async with self._changed:
            self.events.append({"event": "exit"})
            self._changed.notify_all()

    async def wait_for(self, match: Callable[[Event], bool], within: float = 10.0, since: int = 0) -> Event:
        """The first event from index `since` on that matches."""

        def found() -> Event | None:
            return next((e for e in self.events[since:] if match(e)), None)

        async with asyncio.timeout(within), self._changed:
            await self._changed.wait_for(lambda: found() is not None)
        event = found()
        assert event is not None
        return event

    async def command(self, cmd: str, **fields: Any) -> Event:
        """Send one command and return its reply; raises AssertionError on an error reply."""
        assert self._proc is not None and self._proc.stdin is not None, "the gateway is not running"
        req = next(self._requests)
        mark = len(self.events)
        line = json.dumps({"cmd": cmd, "req": req, **fields}, ensure_ascii=False) + "\n"
        self._proc.stdin.write(line.encode())
        await self._proc.stdin.drain()
        reply = await self.wait_for(lambda e: e.get("req") == req or e["event"] == "exit", since=mark)
        assert reply["event"] == "ok", f"gateway command {cmd} failed: {reply}"
        return reply

    def sent(self) -> list[Event]:
        return [e for e in self.events if e["event"] == "sent"]

    def sent_files(self) -> list[Event]:
        """Files the bot sent, each with the bytes that arrived (`data`)."""
        return [
            {**e, "data": base64.b64decode(e["base64"])} for e in self.events if e["event"] == "sent_file"
        ]

    async def kill(self) -> None:
        """Kill the process abruptly, as a crash would."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        with contextlib.suppress(ProcessLookupError):
            proc.kill()
        await self._finish(proc)

    async def stop(self) -> None:
        """Close stdin (the gateway exits on EOF); kill it if it lingers."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        assert proc.stdin is not None
        proc.stdin.close()
        try:
            await asyncio.wait_for(proc.wait(), 5)
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                proc.kill()
        await self._finish(proc)

    async def restart(self) -> None:
        await self.kill()
        await self.start()

    async def _finish(self, proc: asyncio.subprocess.Process) -> None:
        await proc.wait()
        if self._reader is not None:
            await asyncio.wait({self._reader}, timeout=5)
            self._reader = None
        if proc.stdin is not None:
            proc.stdin.close()
        # Let the subprocess transport see the pipes close before the loop ends.
        await asyncio.sleep(0)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


@dataclass
class Recorder(RecordingInbound):
    """What the transport handed to duban: what arrived (as its `Inbound`), room changes, connection reports."""

    rooms: asyncio.Queue[RoomInfo] = field(default_factory=asyncio.Queue)
    statuses: asyncio.Queue[ConnectionStatus] = field(default_factory=asyncio.Queue)
    history: list[ConnectionStatus] = field(default_factory=list)

    async def on_room_change(self, room: RoomInfo) -> None:
        await self.rooms.put(room)

    async def on_status(self, status: ConnectionStatus) -> None:
        self.history.append(status)
        await self.statuses.put(status)

    async def wait_status(self, kind: str, within: float = 10.0) -> ConnectionStatus:
        """The next connection report of this kind (earlier reports of other kinds are consumed)."""
        async with asyncio.timeout(within):
            while True:
                status = await self.statuses.get()
                if status.kind == kind:
                    return status

    async def next_room(self, within: float = 5.0) -> RoomInfo:
        return await asyncio.wait_for(self.rooms.get(), within)


class CuttingProxy:
    """A TCP proxy in front of the gateway that can make a call die after the gateway carried it out.

    While `swallowing`, what the gateway sends back (answers, events) is dropped; `cut()` then closes
    every connection, so the bot sees its call fail although the gateway acted on it — as when a link
    dies mid-call. New connections afterwards are forwarded normally.
    """

    def __init__(self, target: str) -> None:
        host, port = target.rsplit(":", 1)
        self._target = (host, int(port))
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._handlers: set[asyncio.Task[Any]] = set()
        self.swallowing = False
        self.port = 0

    @property
    def endpoint(self) -> str:
        return f"127.0.0.1:{self.port}"

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._handlers.add(task)
        writers = [writer]
        try:
            up_reader, up_writer = await asyncio.open_connection(*self._target)
            writers.append(up_writer)
            self._writers.update(writers)
            pumps = {
                asyncio.create_task(self._pump(reader, up_writer, answers=False)),
                asyncio.create_task(self._pump(up_reader, writer, answers=True)),
            }
            _, pending = await asyncio.wait(pumps, return_when=asyncio.FIRST_COMPLETED)
            for pump in pending:
                pump.cancel()
            await asyncio.wait(pumps)
        except OSError:
            pass
        finally:
            for end in writers:
                self._writers.discard(end)
                end.close()
            for end in writers:
                with contextlib.suppress(OSError):
                    await end.wait_closed()
            self._handlers.discard(task)

    async def _pump(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, *, answers: bool
    ) -> None:
        with contextlib.suppress(OSError):
            while data := await reader.read(65536):
                if answers and self.swallowing:
                    continue
                writer.write(data)
                await writer.drain()

    async def cut(self) -> None:
        """Close every open connection; later connections are forwarded normally again."""
        self.swallowing = False
        for writer in list(self._writers):
            writer.close()
        handlers = set(self._handlers)
        if handlers:
            await asyncio.wait(handlers, timeout=5)

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        await self.cut()


async def eventually(probe: Callable[[], Awaitable[T | None]], what: str, within: float = 10.0) -> T:
    """Poll `probe` until it returns something truthy; fail naming `what` after `within` seconds."""
    deadline = time.monotonic() + within
    while True:
        value = await probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {within} s waiting for {what}")
        await asyncio.sleep(0.02)


@contextlib.asynccontextmanager
async def running_gateway(node: str, tmp_path: Path, world: dict[str, Any]) -> AsyncIterator[Gateway]:
    """A gateway serving `world` on a free port for the length of a test."""
    gw = Gateway(node, free_port(), TOKEN, tmp_path / "gateway.log", world)
    await gw.start()
    try:
        yield gw
    finally:
        await gw.stop()
