"""The console transport: type chat lines as any person, see what the bot would send."""

from __future__ import annotations

import asyncio
import itertools
import re
import sys
import threading
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TextIO

from bot.clock import Clock
from bot.transport import Inbound
from handlers.messages import IncomingMessage, OutgoingMessage
from handlers.rules.filecheck import human_size

LINE = re.compile(r"^(?P<sender>[^:：@]+?)(?:@(?P<room>[^:：]+?))?\s*[:：]\s?(?P<text>.*)$", re.S)

PROMPT = """督办助手 控制台。每行一条消息，格式：
  发送人@群名: 消息内容     群消息，例如  城关镇-王五@政务督查联络群: 收到
  发送人: 消息内容          私聊机器人，例如  李明: /查询
发送人可写姓名、群昵称或微信号；多行消息在行尾加 \\ 续行（或在行内写 \\n）。Ctrl-D 退出。
"""


@dataclass(frozen=True)
class Who:
    """A console name resolved to ids: the sender and, for a room line, the room."""

    sender_id: str
    sender_name: str
    room_id: str | None
    room_topic: str | None


Resolver = Callable[[str, str | None], Awaitable[Who]]


def parse_line(line: str) -> tuple[str, str | None, str] | None:
    """`发送人@群: 内容` → (sender, room or None, text); None when the line has no sender."""
    match = LINE.match(line.strip())
    if match is None or not match["text"].strip():
        return None
    return (
        match["sender"].strip(),
        (match["room"] or "").strip() or None,
        match["text"].replace("\\n", "\n").strip(),
    )


class ConsoleTransport:
    def __init__(
        self, clock: Clock, resolve: Resolver, *, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout
    ) -> None:
        self._clock, self._resolve, self._stdin, self._stdout = clock, resolve, stdin, stdout
        self._ids = itertools.count(1)
        self._run = uuid.uuid4().hex[:8]  # message ids stay unique across runs over one database
        self._task: asyncio.Task[None] | None = None
        self.finished = asyncio.Event()

    @property
    def ready(self) -> bool:
        return True

    async def start(self, inbound: Inbound) -> None:
        self._stdout.write(PROMPT)
        self._stdout.flush()
        self._task = asyncio.create_task(self._read(inbound))

    def _feed(self, loop: asyncio.AbstractEventLoop, lines: asyncio.Queue[str]) -> None:
        """Read stdin in a daemon thread, so a signal can stop the bot while it waits for a line."""
        while True:
            line = self._stdin.readline()
            loop.call_soon_threadsafe(lines.put_nowait, line)
            if not line:
                return

    async def _read(self, inbound: Inbound) -> None:
        lines: asyncio.Queue[str] = asyncio.Queue()
        threading.Thread(target=self._feed, args=(asyncio.get_running_loop(), lines), daemon=True).start()
        pending = ""
        try:
            while True:
                raw = await lines.get()
                line = raw.rstrip("\n")
                if raw and line.endswith("\\"):
                    pending += line[:-1] + "\n"
                    continue
                line, pending = pending + line, ""
                if line.strip():
                    await self._deliver(line, inbound)
                if not raw:
                    break
        finally:
            self.finished.set()

    async def _deliver(self, line: str, inbound: Inbound) -> None:
        parsed = parse_line(line)
        if parsed is None:
            self._stdout.write("看不懂这一行。格式：发送人@群名: 消息内容，或 发送人: 消息内容\n")
            return
        sender, room, text = parsed
        who = await self._resolve(sender, room)
        await inbound.arrived(
            IncomingMessage(
                id=f"console-{self._run}-{next(self._ids)}",
                sender_id=who.sender_id,
                text=text,
                at=self._clock.now(),
                room_id=who.room_id,
                room_topic=who.room_topic,
                sender_name=who.sender_name,
                sender_alias=sender if room else "",
            )
        )

    async def send(self, message: OutgoingMessage, display_names: dict[str, str]) -> str:
        mentions = " ".join(f"@{display_names.get(m, m)}" for m in message.mentions)
        if message.room_id is not None:
            target = f"群「{display_names.get(message.room_id, message.room_id)}」"
        else:
            target = f"{display_names.get(message.to_id or '', message.to_id)}（私聊）"
        head = f"[督办助手 → {target}]"
        body = f"{mentions}\n{message.text}" if mentions else message.text
        if message.file is not None:  # the console cannot show a file: a line names it
            body = f"[文件] {message.file.name}（{human_size(len(message.file.data))}）"
        self._stdout.write(f"\n{head}\n{body}\n")
        self._stdout.flush()
        return f"console-out-{next(self._ids)}"

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
