"""When the database itself fails, the office hears it in WeChat: the office as it stands, not as at start-up."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.app import App
from bot.clock import VirtualClock
from bot.config import load_config
from bot.replay import ReplayTransport
from handlers.messages import IncomingMessage
from storage.db import Database
from storage.models import Person
from storage.roster import roster_from_mapping
from storage.roster_store import apply_roster

T0 = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)
ROSTER = {
    "units": [{"name": "城关镇", "liaisons": [{"id": "wxid_wangwu", "name": "王五"}]}],
    "office": [{"id": "wxid_liming", "name": "李明"}],
}


async def test_an_office_member_added_while_the_bot_runs_hears_of_a_failing_database(tmp_path: Path) -> None:
    config = load_config(None, env={"DUBAN_ATTACHMENTS_DIR": str(tmp_path / "files")})
    clock = VirtualClock(T0)
    db = Database.from_url(f"sqlite+aiosqlite:///{tmp_path / 'duban.db'}")
    transport = ReplayTransport(clock, io.StringIO(), ZoneInfo("Asia/Shanghai"))
    app = App(config, db, transport, clock, bot_id="bot", virtual_time=True)
    try:
        await db.upgrade()
        async with db.transaction() as session:
            await apply_roster(session, roster_from_mapping(ROSTER), actor="test", at=T0)
        await app.prepare()  # the office at start: 李明
        async with db.transaction() as session:  # another process adds 张科长 to the office
            session.add(Person(wechat_id="wxid_zhang", name="张科长", is_office=True))
        await app.on_message(IncomingMessage(id="m1", sender_id="wxid_wangwu", text="好的", at=T0))

        await app._alert_office("database or disk is full")

        told = [m["to"] for m in transport.sent if "数据库" in m["text"]]
        assert told == ["wxid_liming", "wxid_zhang"]
    finally:
        await db.dispose()
