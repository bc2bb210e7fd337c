"""Fixtures for the wechaty transport tests: a real mock-puppet gateway and a connected transport."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

# The helpers live beside this file; put it on the path whatever pytest's import mode is.
if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))

from wechaty_gateway import (
    BOT_NAME,
    TOKEN,
    WORLD,
    Gateway,
    Recorder,
    ensure_node_modules,
    fast_watchdog,
    node_or_skip,
    running_gateway,
    wechaty_or_skip,
)

from storage.files import FileStore

if TYPE_CHECKING:
    from bot.wechaty_transport import WechatyTransport


@pytest.fixture(scope="session")
def wechaty_client() -> None:
    """Skips (or fails, with DUBAN_REQUIRE_WECHATY=1) when the python wechaty client is missing."""
    wechaty_or_skip()


@pytest.fixture(scope="session")
def node(wechaty_client: None) -> str:
    """Node with the gateway's packages installed; skips the gateway tests when node is missing."""
    path = node_or_skip()
    ensure_node_modules()
    return path


@pytest.fixture
async def gateway(node: str, tmp_path: Path) -> AsyncIterator[Gateway]:
    async with running_gateway(node, tmp_path, WORLD) as gw:
        yield gw


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
async def make_transport(
    recorder: Recorder, tmp_path: Path
) -> AsyncIterator[Callable[..., WechatyTransport]]:
    """Builds transports wired to the recorder (not started); stops every one at teardown."""
    from bot.wechaty_transport import WechatyTransport

    made: list[WechatyTransport] = []

    def make(
        endpoint: str, token: str = TOKEN, *, max_file_bytes: int = 20 * 1024 * 1024, **watchdog: float
    ) -> WechatyTransport:
        wechaty = WechatyTransport(
            endpoint,
            token,
            bot_name=BOT_NAME,
            on_room_change=recorder.on_room_change,
            on_status=recorder.on_status,
            watchdog=fast_watchdog(**watchdog),
            qr_file=tmp_path / "data" / "wechat-login.png",
            files=FileStore(tmp_path / "data" / "files"),
            max_file_bytes=max_file_bytes,
        )
        made.append(wechaty)
        return wechaty

    yield make
    for wechaty in made:
        await wechaty.stop()


@pytest.fixture
async def transport(
    gateway: Gateway, recorder: Recorder, make_transport: Callable[..., WechatyTransport]
) -> WechatyTransport:
    """A transport connected to the gateway and logged in."""
    wechaty = make_transport(gateway.endpoint)
    await wechaty.start(recorder)
    await wechaty.wait_until_logged_in(10)
    return wechaty
