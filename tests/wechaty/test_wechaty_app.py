"""duban's real app end to end over WeChat: `bot.live.wechaty_app` + `serve` against the mock-puppet gateway.

Everything real except WeChat itself: python-wechaty's gRPC client, the transport, the dispatch, the
handlers, a SQLite database in tmp_path, the scheduler, the paced outbox sender and the real clock.
What the bot says is read from the gateway's `sent` events; what it recorded is read from the database.
Nothing sleeps for a fixed time: every wait polls an event or a database condition under a timeout.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import pytest
from live_bot import quiet_hours_away_from_now
from sqlalchemy import select
from wechaty_gateway import (
    APP_WORLD,
    BOT_ID,
    LIAISON_A,
    LIAISON_B,
    LIAISON_C,
    OFFICE,
    OUTSIDER,
    ROOM,
    ROSTER,
    TOKEN,
    TOPIC,
    CuttingProxy,
    Event,
    Gateway,
    eventually,
    fast_watchdog,
    free_port,
    running_gateway,
)

from bot.clock import RealClock
from bot.config import Config, ConfigError, load_config
from handlers.messages import IncomingMessage
from storage import directory, notices
from storage.db import Database
from storage.ledger import build_ledger
from storage.models import InboxMessage, OutboxMessage
from storage.notices import AssignmentView, NoticeView
from storage.roster import roster_from_mapping
from storage.roster_store import apply_roster

if TYPE_CHECKING:
    from bot.app import App
    from bot.wechaty_transport import WechatyTransport

T = TypeVar("T")

AT = "\u2005"  # WeChat ends each @name with a four-per-em space
NOTICE_POST = "【督办通知单】"
REMINDER = "【催办】"


def ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def ms_to_utc(value: int) -> datetime:
    return datetime.fromtimestamp(value // 1000, tz=UTC) + timedelta(milliseconds=value % 1000)


def publish_text(title: str, units: str) -> str:
    return f"/发布 {title}\n单位：{units}"


def wechat_config(tmp_path: Path, endpoint: str, token: str, **more: str) -> Config:
    env = {
        "DUBAN_WECHATY_ENDPOINT": endpoint,
        "DUBAN_SENDING_ROOM_INTERVAL_SECONDS": "0",
        "DUBAN_SENDING_JITTER_SECONDS": "0",
        "DUBAN_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'duban.db'}",
        # not the hour the test runs at: quiet hours would hold automatic messages (22:00–07:30 by default)
        **{f"DUBAN_QUIET_HOURS_{k.upper()}": v.isoformat() for k, v in quiet_hours_away_from_now({}).items()},
        **more,
    }
    if token:
        env["DUBAN_WECHATY_TOKEN"] = token
    return load_config(None, env=env)


async def database_with_roster(config: Config) -> Database:
    db = Database.from_url(config.database.url)
    await db.upgrade()
    async with db.transaction() as session:
        await apply_roster(session, roster_from_mapping(ROSTER), actor="test", at=RealClock().now())
    return db


@dataclass
class Duban:
    """A running duban (the real app served over the gateway) and ways to talk to it and inspect it."""

    app: App
    db: Database
    gateway: Gateway
    stop: asyncio.Event
    task: asyncio.Task[None]

    @property
    def transport(self) -> WechatyTransport:
        from bot.wechaty_transport import WechatyTransport

        assert isinstance(self.app.transport, WechatyTransport)
        return self.app.transport

    async def say(self, sender: str, text: str, *, room: str | None = ROOM, **fields: Any) -> Event:
        """A contact writes (room None: privately to the bot); the reply carries the message id and time."""
        return await self.gateway.command("say", **{"from": sender}, room=room, text=text, **fields)

    async def sent(self, conversation: str, marker: str, *, since: int = 0, within: float = 10.0) -> Event:
        """The first message the bot sent to `conversation` containing `marker` (from event index `since`)."""
        self.check_alive()
        return await self.gateway.wait_for(
            lambda e: e["event"] == "sent" and e["conversation"] == conversation and marker in e["text"],
            within=within,
            since=since,
        )

    def sent_texts(self, conversation: str | None = None) -> list[str]:
        return [e["text"] for e in self.gateway.sent() if conversation in (None, e["conversation"])]

    async def publish(self, title: str, units: str, **fields: Any) -> tuple[NoticeView, Event]:
        """The office publishes privately; returns the new notice and its post in the room."""
        mark = len(self.gateway.events)
        before = {n.id for n in await self.notices()}
        await self.say(OFFICE, publish_text(title, units), room=None, **fields)
        post = await self.sent(ROOM, title, since=mark)
        [notice] = [n for n in await self.notices() if n.id not in before]
        return notice, post

    async def notices(self) -> list[NoticeView]:
        async with self.db.reader() as session:
            return await notices.notices(session, status=None)

    async def assignments(self, notice: NoticeView) -> dict[str, AssignmentView]:
        async with self.db.reader() as session:
            rows = await notices.assignments(session, notice_ids=[notice.id])
        return {row.unit_name: row for row in rows}

    async def received(self, notice: NoticeView, unit: str) -> AssignmentView:
        """Wait until `unit` has a receipt on `notice`."""

        async def probe() -> AssignmentView | None:
            row = (await self.assignments(notice))[unit]
            return row if row.received_at is not None else None

        return await eventually(probe, f"a receipt from {unit} on {notice.number}")

    async def all_sent(self) -> None:
        """Wait until every queued message has been sent."""

        async def probe() -> bool:
            return {m.status for m in await self.outbox()} == {"sent"}

        await eventually(probe, "every outbox message marked sent")

    async def outbox(self) -> list[OutboxMessage]:
        async with self.db.reader() as session:
            return list((await session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))).all())

    def check_alive(self) -> None:
        if self.task.done():
            raise AssertionError(f"serve() ended early: {self.task.exception()!r}")


@pytest.fixture
async def app_gateway(node: str, tmp_path: Path) -> AsyncIterator[Gateway]:
    async with running_gateway(node, tmp_path, APP_WORLD) as gw:
        yield gw


@contextlib.asynccontextmanager
async def running_duban(
    gateway: Gateway, tmp_path: Path, *, endpoint: str | None = None, **env: str
) -> AsyncIterator[Duban]:
    """duban served over `endpoint` (the gateway's by default) with the roster applied, logged in."""
    from bot.live import serve, wechaty_app

    config = wechat_config(tmp_path, endpoint or gateway.endpoint, TOKEN, **env)
    db = await database_with_roster(config)
    app, presence = wechaty_app(config, db, RealClock(), watchdog=fast_watchdog())
    stop = asyncio.Event()
    task = asyncio.create_task(serve(app, stop, presence=presence), name="duban-serve")
    running = Duban(app, db, gateway, stop, task)

    async def ready() -> bool:
        running.check_alive()
        return app.transport.ready and app.policy.bot_id == BOT_ID

    try:
        await eventually(ready, "the bot to log in")
        yield running
    finally:
        stop.set()
        try:
            await asyncio.wait_for(task, 15)
        finally:
            await db.dispose()


@pytest.fixture
async def duban(app_gateway: Gateway, tmp_path: Path) -> AsyncIterator[Duban]:
    async with running_duban(app_gateway, tmp_path) as running:
        yield running


# ---- 1. an office member's private /发布 --------------------------------------------------------


async def test_a_private_publish_is_posted_into_the_room_mentioning_the_liaisons_and_confirmed(
    duban: Duban,
) -> None:
    said = await duban.say(
        OFFICE, publish_text("关于开展冬季安全生产大检查的通知", "城关镇、县财政局"), room=None
    )

    post = await duban.sent(ROOM, NOTICE_POST)
    confirmation = await duban.sent(OFFICE, "已发布")

    [notice] = await duban.notices()
    assert notice.title == "关于开展冬季安全生产大检查的通知"
    assert notice.issued_by == OFFICE
    assert notice.issued_at == ms_to_utc(said["timestamp"])
    assert post["mentions"] == [LIAISON_A, LIAISON_B]
    assert post["text"].startswith(f"@张三{AT}@李四{AT}{NOTICE_POST}{notice.number}")
    assert "关于开展冬季安全生产大检查的通知" in post["text"]
    assert "城关镇、县财政局" in post["text"]
    assert notice.number in confirmation["text"]
    assert confirmation["mentions"] == []
    assert set(await duban.assignments(notice)) == {"城关镇", "县财政局"}
    # One post (the 发改委 liaison is not mentioned) and one confirmation, nothing to anyone else.
    # (Only those are counted: at some hours the scheduler adds messages of its own, e.g. a 【签收提醒】
    # just before quiet hours.)
    assert [NOTICE_POST in text for text in duban.sent_texts(ROOM)].count(True) == 1
    assert ["已发布" in text for text in duban.sent_texts(OFFICE)].count(True) == 1
    assert {e["conversation"] for e in duban.gateway.sent()} == {ROOM, OFFICE}
    # The outbox recorded the post under the gateway's message id (quoted replies resolve through it).
    [row] = [m for m in await duban.outbox() if m.room_id == ROOM and NOTICE_POST in m.text]
    assert (row.status, row.transport_message_id) == ("sent", post["id"])


# ---- 2. receipts carry the message's own time ---------------------------------------------------


async def test_liaison_replies_are_receipts_at_the_time_the_message_was_written(duban: Duban) -> None:
    now = datetime.now(UTC)
    notice, post = await duban.publish(
        "关于报送防汛物资储备情况的通知", "城关镇、县财政局", timestamp=ms(now - timedelta(minutes=30))
    )
    assert notice.issued_at == ms_to_utc(ms(now - timedelta(minutes=30)))

    plain = await duban.say(LIAISON_A, "收到")
    written = ms(now - timedelta(minutes=20))  # written 20 minutes ago, delivered only now
    late = await duban.say(LIAISON_B, "收到", timestamp=written)

    chengguan = await duban.received(notice, "城关镇")
    caizheng = await duban.received(notice, "县财政局")
    assert (chengguan.received_at, chengguan.receipt_by) == (ms_to_utc(plain["timestamp"]), LIAISON_A)
    assert (caizheng.received_at, caizheng.receipt_by) == (ms_to_utc(written), LIAISON_B)
    assert late["timestamp"] == written

    async with duban.db.reader() as session:
        ledger = await build_ledger(session, now=datetime.now(UTC), tz=duban.app.config.tz)
    [entry] = ledger["notices"]
    units = {u["unit"]: u for u in entry["units"]}
    assert (
        units["县财政局"]["received_at"]
        == ms_to_utc(written).astimezone(duban.app.config.tz).replace(microsecond=0).isoformat()
    )
    assert units["县财政局"]["receipt_by_name"] == "李四"
    assert {u["receipt_status"] for u in entry["units"]} == {"on_time"}

    # The bot's own post came back from WeChat as a message too, and was not handled as one:
    # it is in the inbox as skipped, no receipt is by the bot, nobody was told about it.
    async def inbox() -> dict[str, str] | None:
        async with duban.db.reader() as session:
            rows = (await session.scalars(select(InboxMessage))).all()
        found = {row.message_id: row.status for row in rows}
        return found if post["id"] in found else None

    statuses = await eventually(inbox, "the bot's own post to come back as a message")
    assert statuses[post["id"]] == "skipped"
    assert statuses[plain["id"]] == statuses[late["id"]] == "done"
    assert {u["receipt_by"] for u in entry["units"]} == {LIAISON_A, LIAISON_B}
    assert [m.kind for m in await duban.outbox() if m.kind in {"hint", "refusal"}] == []


# ---- 3. a quoted reply names its notice ----------------------------------------------------------


async def test_a_quoted_reply_is_a_receipt_for_the_quoted_notice_not_the_latest(duban: Duban) -> None:
    first, first_post = await duban.publish("关于开展农村人居环境整治的通知", "城关镇、县财政局")
    second, _ = await duban.publish("关于做好冬季森林防火工作的通知", "城关镇")
    assert second.issued_at >= first.issued_at and second.seq == first.seq + 1

    await duban.say(LIAISON_A, "收到", quote=first_post["id"])

    quoted = await duban.received(first, "城关镇")
    assert quoted.receipt_by == LIAISON_A
    assert (await duban.assignments(second))["城关镇"].received_at is None  # "the latest" would be wrong

    # Without a quote a plain 收到 goes to what is still owed: the second notice.
    await duban.say(LIAISON_A, "收到")
    await duban.received(second, "城关镇")
    assert (await duban.assignments(first))["县财政局"].received_at is None


# ---- 4. an unknown sender ------------------------------------------------------------------------


async def test_an_unknown_senders_publish_is_refused_privately_and_creates_nothing(duban: Duban) -> None:
    await duban.say(OUTSIDER, publish_text("关于开展冬季安全生产大检查的通知", "城关镇、县财政局"), room=None)

    refusal = await duban.sent(OUTSIDER, "督查室")

    assert refusal["mentions"] == []
    assert await duban.notices() == []
    assert [e for e in duban.gateway.sent() if e["conversation"] != OUTSIDER] == []


# ---- 5. a reminder -------------------------------------------------------------------------------


async def test_a_reminder_mentions_only_the_units_still_owing(duban: Duban) -> None:
    notice, _ = await duban.publish("关于报送一季度重点项目进展的通知", "城关镇、县财政局、发改委")
    await duban.say(LIAISON_A, "收到")
    await duban.received(notice, "城关镇")

    mark = len(duban.gateway.events)
    await duban.say(OFFICE, f"/催办 {notice.seq}", room=None)

    reminder = await duban.sent(ROOM, REMINDER, since=mark)
    answer = await duban.sent(OFFICE, "已催办", since=mark)
    assert reminder["mentions"] == [LIAISON_B, LIAISON_C]
    assert reminder["text"].startswith(f"@李四{AT}@王五{AT}{REMINDER}{notice.number}")
    assert "城关镇" not in reminder["text"].split("\n", 1)[0]
    assert notice.number in answer["text"]


# ---- 6. the gateway dies and comes back ----------------------------------------------------------


async def test_after_the_gateway_restarts_held_messages_go_out_exactly_once_and_the_gap_is_told(
    app_gateway: Gateway, tmp_path: Path
) -> None:
    # Offline longer than 0.6 s counts as downtime here (a minute in the default configuration).
    async with running_duban(app_gateway, tmp_path, DUBAN_OPERATIONS_OFFLINE_NOTICE_MINUTES="0.01") as duban:
        notice, _ = await duban.publish("关于开展安全隐患排查的通知", "城关镇、县财政局")
        await duban.say(LIAISON_A, "收到")
        await duban.received(notice, "城关镇")
        await duban.all_sent()

        await duban.gateway.kill()

        async def down() -> bool:
            return not duban.transport.ready

        await eventually(down, "the bot to notice the dead gateway")
        # A command that came in just before the connection dropped: its answers wait in the outbox.
        now = datetime.now(UTC)
        await duban.app.on_message(
            IncomingMessage(
                id="typed-before-the-outage", sender_id=OFFICE, text=f"/催办 {notice.seq}", at=now
            )
        )

        async def held() -> list[OutboxMessage] | None:
            rows = [m for m in await duban.outbox() if m.status == "pending"]
            return rows if {m.kind for m in rows} >= {"remind", "reply"} else None

        pending = await eventually(held, "the reminder and the answer to be queued")
        assert {m.attempts for m in pending} == {0}  # held, not tried and failed

        mark = len(duban.gateway.events)
        await duban.gateway.start()  # the same port

        reminder = await duban.sent(ROOM, REMINDER, since=mark, within=15)
        await duban.sent(OFFICE, "已催办", since=mark)
        # Back after more than the limit: the room that owes replies is asked to reply again, the office told.
        gap = await duban.sent(ROOM, "离线", since=mark)
        note = await duban.sent(OFFICE, "离线", since=mark)
        assert reminder["mentions"] == [LIAISON_B]
        assert gap["mentions"] == [LIAISON_B]  # only 县财政局 still owes (its receipt)
        assert "再回复一次" in gap["text"]
        assert "补发" in note["text"]
        assert duban.transport.reconnects == 1

        # A fresh round trip after the backlog: whatever was going to be sent has been sent by now.
        mark = len(duban.gateway.events)
        await duban.say(OFFICE, f"/查询 {notice.seq}", room=None)
        await duban.sent(OFFICE, notice.title, since=mark)

        counts = Counter((e["conversation"], e["text"]) for e in duban.gateway.sent())
        assert [key for key, count in counts.items() if count > 1] == []
        assert sum(REMINDER in text for _, text in counts) == 1
        assert sum("离线" in text for _, text in counts) == 2

        await duban.all_sent()


async def test_a_short_gateway_outage_is_not_announced(duban: Duban) -> None:
    notice, _ = await duban.publish("关于开展安全隐患排查的通知", "城关镇、县财政局")
    await duban.all_sent()
    await duban.gateway.restart()

    async def back() -> bool:
        return duban.transport.ready and duban.transport.reconnects == 1

    await eventually(back, "the bot to reconnect", within=15)
    mark = len(duban.gateway.events)
    await duban.say(OFFICE, f"/查询 {notice.seq}", room=None)
    await duban.sent(OFFICE, notice.title, since=mark)
    assert not [text for text in duban.sent_texts() if "离线" in text]


# ---- 7. a wrong token ----------------------------------------------------------------------------


async def test_a_wrong_token_stops_serve_quickly_with_an_error_naming_the_env_var(
    app_gateway: Gateway, tmp_path: Path
) -> None:
    from bot.live import serve, wechaty_app
    from bot.wechaty_transport import WechatyTokenError

    config = wechat_config(tmp_path, app_gateway.endpoint, "not-the-token")
    db = await database_with_roster(config)
    try:
        app, _ = wechaty_app(config, db, RealClock(), watchdog=fast_watchdog(start_timeout=30))
        with pytest.raises(WechatyTokenError, match="DUBAN_WECHATY_TOKEN") as caught:
            await asyncio.wait_for(serve(app, asyncio.Event()), 10)  # well before the 30 s start timeout
        assert "not-the-token" not in str(caught.value)
        assert app_gateway.endpoint in str(caught.value)
    finally:
        await db.dispose()


async def test_a_missing_token_is_a_config_error_naming_the_env_var(
    wechaty_client: None, tmp_path: Path
) -> None:
    from bot.live import wechaty_app

    config = wechat_config(tmp_path, f"127.0.0.1:{free_port()}", "")
    db = Database.from_url(config.database.url)
    try:
        with pytest.raises(ConfigError, match="DUBAN_WECHATY_TOKEN"):
            wechaty_app(config, db, RealClock())
    finally:
        await db.dispose()


# ---- 8. room membership follows WeChat -----------------------------------------------------------


async def test_joins_leaves_and_topic_changes_update_the_rooms_tables(duban: Duban) -> None:
    async def members() -> dict[str, set[str]]:
        async with duban.db.reader() as session:
            found: dict[str, set[str]] = {}
            for member in await directory.memberships(session):
                if member.wechat_id != BOT_ID:  # the login sync also lists the bot itself
                    found.setdefault(member.room_topic, set()).add(member.wechat_id)
            return found

    assert (await members())[TOPIC] == {OFFICE, LIAISON_A, LIAISON_B, LIAISON_C}

    await duban.gateway.command("join", room=ROOM, contacts=[OUTSIDER], by=OFFICE)

    async def joined() -> bool:
        return OUTSIDER in (await members()).get(TOPIC, set())

    await eventually(joined, "the newcomer in room_members")

    await duban.gateway.command("leave", room=ROOM, contacts=[LIAISON_C], by=OFFICE)

    async def left() -> bool:
        return LIAISON_C not in (await members()).get(TOPIC, set())

    await eventually(left, "the leaver gone from room_members")

    await duban.gateway.command("topic", room=ROOM, topic="县督查工作群（2026）", by=OFFICE)

    async def renamed() -> dict[str, set[str]] | None:
        found = await members()
        return found if "县督查工作群（2026）" in found else None

    after = await eventually(renamed, "the new topic in rooms")
    assert set(after) == {"县督查工作群（2026）"}
    assert after["县督查工作群（2026）"] >= {OFFICE, LIAISON_A, LIAISON_B, OUTSIDER}
    assert LIAISON_C not in after["县督查工作群（2026）"]

    # The room as the bot now knows it is what a new notice goes to: the 发改委 liaison has left.
    notice, post = await duban.publish("关于开展消防安全检查的通知", "城关镇、发改委")
    assert post["mentions"] == [LIAISON_A]
    confirmation = await duban.sent(OFFICE, notice.number)
    assert "县发展和改革委员会" in confirmation["text"] and "未能通知到" in confirmation["text"]


# ---- a send whose answer is lost ----------------------------------------------------------------


async def test_a_send_cut_off_before_its_answer_is_not_posted_twice(
    app_gateway: Gateway, tmp_path: Path
) -> None:
    proxy = CuttingProxy(app_gateway.endpoint)
    await proxy.start()
    try:
        async with running_duban(
            app_gateway, tmp_path, endpoint=proxy.endpoint, DUBAN_SENDING_RETRY_BASE_SECONDS="0.2"
        ) as duban:
            proxy.swallowing = True  # from now on nothing the gateway says reaches the bot
            # (so the command is handed to the app directly, as the transport would have done)
            await duban.app.on_message(
                IncomingMessage(
                    id="publish-as-the-line-fails",
                    sender_id=OFFICE,
                    text=publish_text("关于开展冬季安全生产大检查的通知", "城关镇、县财政局"),
                    at=datetime.now(UTC),
                )
            )
            post = await duban.sent(ROOM, NOTICE_POST)  # the gateway posted it into the room…
            await proxy.cut()  # …and the line died before the answer reached the bot

            async def settled() -> bool:
                rows = await duban.outbox()
                return duban.transport.reconnects >= 1 and not {"pending", "sending"} & {
                    m.status for m in rows
                }

            await eventually(settled, "the bot to reconnect and settle its outbox", within=20)
            assert duban.sent_texts(ROOM).count(post["text"]) == 1
    finally:
        await proxy.stop()
