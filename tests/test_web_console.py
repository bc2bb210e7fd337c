"""`duban run` on the console serves the web desk in the same process: accounts from the configured
database, the data the console bot works on (the demo's, before a roster is imported), the same handlers."""

from __future__ import annotations

import asyncio
import json
import os
import re
import socket
import sys
import time
from pathlib import Path

import aiohttp

DUBAN = Path(sys.executable).parent / "duban"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


async def duban(cwd: Path, env: dict[str, str], *args: str, stdin: bytes = b"") -> tuple[int, str, str]:
    done = await asyncio.create_subprocess_exec(
        str(DUBAN), *args, cwd=cwd, env=env,
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await asyncio.wait_for(done.communicate(stdin), 60)
    return await done.wait(), out.decode(), err.decode()


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found
    return found.group(1)


async def test_the_console_bot_serves_the_web_desk_over_its_own_data(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DUBAN_")}
    env |= {
        "DUBAN_WEB_LISTEN": f"127.0.0.1:{port}",
        "DUBAN_SENDING_ROOM_INTERVAL_SECONDS": "0",
        "DUBAN_SENDING_JITTER_SECONDS": "0",
    }
    code, _, err = await duban(
        tmp_path,
        env,
        "web",
        "user",
        "add",
        "admin",
        "--role",
        "office",
        "--password-stdin",
        stdin=b"long-enough-1\n",
    )
    assert code == 0, err
    bot = await asyncio.create_subprocess_exec(
        str(DUBAN), "run", cwd=tmp_path, env=env,
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:  # an IP host
            deadline = time.monotonic() + 60
            while True:
                try:
                    async with http.get(f"{base}/login") as response:
                        form = await response.text()
                    break
                except aiohttp.ClientConnectionError:
                    assert time.monotonic() < deadline, "the web desk did not come up"
                    assert bot.returncode is None
                    await asyncio.sleep(0.2)
            login = {"csrf": csrf_of(form), "username": "admin", "password": "long-enough-1", "next": "/"}
            async with http.post(f"{base}/login", data=login) as response:
                assert response.status == 200 and "总览" in await response.text()
            async with http.get(f"{base}/publish") as response:
                token = csrf_of(await response.text())
            fields = {"csrf": token, "title": "网页上发布的通知", "units": "城关镇", "body": "请自查。"}
            fields |= {"receipt_due": "", "feedback_due": ""}
            async with http.post(f"{base}/publish", data=fields) as response:
                assert "已发布" in await response.text()
            async with http.get(f"{base}/roster") as response:
                assert "城关镇" in await response.text()  # the demo roster the console works on
        assert bot.stdin is not None
        bot.stdin.close()
        out, err = await asyncio.wait_for(bot.communicate(), 60)
    finally:
        if bot.returncode is None:
            bot.kill()
            await bot.wait()
    assert bot.returncode == 0, err.decode()
    assert "网页上发布的通知" in out.decode()  # posted to the demo's group by the same bot
    assert "网页督办台已启动" in err.decode()
    _, exported, _ = await duban(
        tmp_path, env | {"DUBAN_DATABASE_URL": "sqlite+aiosqlite:///./data/demo.db"}, "export"
    )
    [notice] = json.loads(exported)["notices"]
    assert notice["title"] == "网页上发布的通知" and notice["issued_by"] == "网页:admin"
