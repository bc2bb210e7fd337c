"""Live: `duban run` as a process, the real clock, the test gateway, and nobody talking after the set-up.

Replay tests drive the scheduler and the sender by hand; here nothing does. After the office publishes
(and one liaison confirms), nothing inbound happens, and the test waits for what the bot must do by
itself, at the times the configuration sets a few seconds apart: the pre-deadline reminder, the daily
broadcast (held while the gateway is down, sent once it is back), the weekly bulletin, the deadline
notes and the penalty proposal to the office, a note held by quiet hours and released at their end.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import Counter
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from aiohttp import web
from live_bot import LiveBot, at_local, fill_disk, small_disk
from sqlalchemy import select
from wechaty_gateway import (
    APP_WORLD,
    LIAISON_A,
    LIAISON_B,
    LIAISON_C,
    OFFICE,
    ROOM,
    TOPIC,
    Event,
    Gateway,
    eventually,
    running_gateway,
)

from storage.models import Assignment, FeedbackEntry, InboxMessage, OutboxMessage

TZ = ZoneInfo("Asia/Shanghai")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
EARLY = 1.5  # seconds a message may appear before its time (clock reading and rounding)
LATE = 8.0  # and after it: a loaded two-core machine, pacing of a few messages in one conversation


@pytest.fixture
async def live_gateway(node: str, tmp_path: Path) -> AsyncIterator[Gateway]:
    async with running_gateway(node, tmp_path, APP_WORLD) as gw:
        yield gw


def on_time(event: Event, due: datetime, *, late: float = LATE) -> None:
    seen = event["seen_at"]
    assert due.timestamp() - EARLY <= seen <= due.timestamp() + late, (
        f"{event['text'][:30]!r} came at {datetime.fromtimestamp(seen, TZ):%H:%M:%S.%f}, due {due:%H:%M:%S}"
    )


async def test_a_quiet_day_the_bot_does_everything_by_itself(live_gateway: Gateway, tmp_path: Path) -> None:
    start = datetime.now(TZ).replace(microsecond=0)
    base = start + timedelta(seconds=20)  # time to start the process, log in and publish

    def t(seconds: int) -> datetime:
        return base + timedelta(seconds=seconds)

    broadcast, bulletin = t(10), t(25)
    receipt_1, receipt_2 = t(20), t(30)
    quiet_start, feedback_1, quiet_end = t(40), t(45), t(55)
    bot = LiveBot(
        tmp_path,
        live_gateway,
        {
            "reminders": {
                "daily_time": broadcast.time(),
                "receipt_offsets_minutes": [0.25],  # 15 s before the 签收时限
                "feedback_offsets_minutes": [0.25],
            },
            "calendar": {"extra_workdays": [broadcast.date().isoformat()]},  # whatever day CI runs on
            "quiet_hours": {"start": quiet_start.time(), "end": quiet_end.time()},
            "bulletin": {
                "enabled": True,
                "day": WEEKDAYS[bulletin.weekday()],
                "time": bulletin.time(),
                "room": TOPIC,
            },
            "sending": {"retry_base_seconds": 1.0},
        },
    )
    try:
        await bot.import_roster()
        await bot.start()
        # The set-up: two notices to three units; only 城关镇 confirms the first. Nothing inbound after this.
        await live_gateway.command(
            "say",
            **{"from": OFFICE},
            room=None,
            text=f"/发布 关于开展冬季安全生产大检查的通知\n单位：全部\n签收时限：{at_local(receipt_1)}\n"
            f"反馈时限：{at_local(feedback_1)}",
        )
        await bot.sent(ROOM, "冬季安全生产大检查")
        await live_gateway.command("say", **{"from": LIAISON_A}, room=ROOM, text="收到")
        await live_gateway.command(
            "say",
            **{"from": OFFICE},
            room=None,
            text=f"/发布 关于报送防汛物资储备情况的通知\n单位：财政局、发改委\n签收时限：{at_local(receipt_2)}",
        )
        await bot.sent(ROOM, "防汛物资储备")
        assert time.time() < base.timestamp(), "the set-up took too long for the planned times"

        # 15 s before the first 签收时限: the units that still owe are reminded, by name and by @.
        reminder = await bot.sent(ROOM, "【签收提醒】", within=40)
        on_time(reminder, receipt_1 - timedelta(seconds=15))
        assert "冬季安全生产大检查" in reminder["text"]
        assert reminder["mentions"] == [LIAISON_B, LIAISON_C]

        # The gateway dies just before the broadcast and comes back five seconds after it.
        await live_gateway.kill()
        down_until = broadcast + timedelta(seconds=5)
        await asyncio.sleep(max(0.0, down_until.timestamp() - time.time()))
        mark = len(live_gateway.events)
        await live_gateway.start()
        cast = await bot.sent(ROOM, "【每日督办提醒】", since=mark, within=30)
        on_time(cast, down_until, late=15)  # held while down, sent once logged in again
        assert "防汛物资储备" in cast["text"] and "冬季安全生产大检查" in cast["text"]

        # The first 签收时限 passes: the office hears who missed it.
        note_1 = await bot.sent(OFFICE, "【时限已到】", since=mark, within=40)
        on_time(note_1, receipt_1)
        assert "逾期未签收：县财政局、县发展和改革委员会" in note_1["text"]

        weekly = await bot.sent(ROOM, "【督办工作通报】", since=mark, within=40)
        on_time(weekly, bulletin)

        # The second 签收时限 passes: two lapses in a row each, so two proposals of 书面检查.
        proposal = await bot.sent(OFFICE, "【处理建议", since=mark, within=40)
        on_time(proposal, receipt_2)
        assert "书面检查" in proposal["text"]
        feedback_reminder = await bot.sent(ROOM, "【反馈提醒】", since=mark, within=40)
        on_time(feedback_reminder, feedback_1 - timedelta(seconds=15))

        # The 反馈时限 falls inside the quiet hours: evaluated then, told to the office at their end.
        held = await bot.sent(OFFICE, "反馈时限", since=mark, within=60)
        assert "【时限已到】" in held["text"]
        on_time(held, quiet_end)

        await bot.stop()
        counts = Counter((e["conversation"], e["text"]) for e in live_gateway.sent())
        assert [key for key, n in counts.items() if n > 1] == []  # nothing twice
        written = [e for e in live_gateway.sent() if "【处理建议" in e["text"] and "书面检查" in e["text"]]
        assert sorted(
            unit for e in written for unit in ("县财政局", "县发展和改革委员会") if unit in e["text"]
        ) == [
            "县发展和改革委员会",
            "县财政局",
        ]
        # Automatic messages wait out the quiet hours: nothing went out between their start and end
        # (the 反馈时限 note and the 通报批评 proposals its lapses complete come at the end).
        for event in live_gateway.sent():
            assert not quiet_start.timestamp() + EARLY < event["seen_at"] < quiet_end.timestamp() - EARLY, (
                event
            )
    finally:
        await bot.close()


async def test_kill_9_during_a_burst_loses_no_delivered_reply_and_sends_nothing_twice(
    live_gateway: Gateway, tmp_path: Path
) -> None:
    """Four times: a burst of replies (and a few office queries) through the gateway, kill -9 at a random
    moment of it, start again. Every reply the gateway delivered more than a second before a kill is
    recorded in the end, in order; no message the bot sent reached WeChat twice."""
    rng = random.Random(int(time.time()))
    bot = LiveBot(tmp_path, live_gateway, {"sending": {"per_minute": 300}})  # the queries answer at length
    liaisons = [LIAISON_A, LIAISON_B, LIAISON_C]
    delivered: list[tuple[str, float]] = []  # (message id, when the gateway handed it over)
    kills: list[float] = []
    try:
        await bot.import_roster()
        await bot.start()
        await live_gateway.command(
            "say",
            **{"from": OFFICE},
            room=None,
            text="/发布 关于开展安全隐患排查整治的通知\n单位：全部\n反馈时限：3天内",
        )
        await bot.sent(ROOM, "安全隐患排查整治")
        number = 0
        for cycle in range(4):
            if cycle:
                await bot.start()
            kill_at = time.time() + rng.uniform(1.3, 2.2)
            for _ in range(80):  # as fast as the gateway takes them: faster than the bot handles them
                number += 1
                if number % 20 == 0:
                    await live_gateway.command("say", **{"from": OFFICE}, room=None, text="/查询 1")
                    continue
                said = await live_gateway.command(
                    "say", **{"from": liaisons[number % 3]}, room=ROOM, text=f"第{number}项：正在推进整改"
                )
                delivered.append((said["id"], time.time()))
                if time.time() >= kill_at:
                    break
            await asyncio.sleep(max(0.0, kill_at - time.time()))
            kills.append(await bot.kill())
        await bot.start()

        async def snapshot() -> tuple[list[FeedbackEntry], list[InboxMessage], list[OutboxMessage]]:
            async with bot.db.reader() as session:
                return (
                    list((await session.scalars(select(FeedbackEntry))).all()),
                    list((await session.scalars(select(InboxMessage).order_by(InboxMessage.seq))).all()),
                    list((await session.scalars(select(OutboxMessage))).all()),
                )

        async def settled() -> tuple[list[FeedbackEntry], list[InboxMessage], list[OutboxMessage]] | None:
            """Everything handled and sent, and still so half a second later (the bot's own echoes)."""
            first = await snapshot()
            if {r.status for r in first[1]} & {"announced", "ready"} or {r.status for r in first[2]} & {
                "pending",
                "sending",
            }:
                return None
            await asyncio.sleep(0.5)
            again = await snapshot()
            return again if len(again[1]) == len(first[1]) and len(again[2]) == len(first[2]) else None

        try:
            entries, inbox_rows, outbox_rows = await eventually(
                settled, "the bot to handle and send everything", within=60
            )
        except AssertionError:
            _, rows, out = await snapshot()
            raise AssertionError(
                f"inbox {Counter(r.status for r in rows)}, outbox {Counter(r.status for r in out)}, "
                f"{[(r.message_id, r.status) for r in rows if r.status in ('announced', 'ready')][:5]}\n"
                f"{bot.log()[-3000:]}"
            ) from None
        recorded = {entry.message_id: entry for entry in entries}

        # the kill that ended the delivery of each reply: delivered a second or more before it, it must be there
        must = [mid for mid, at in delivered if at <= min(k for k in kills if k >= at) - 1.0]
        assert len(must) >= 30, "the kills came too early to test anything"
        missing = [mid for mid in must if mid not in recorded]
        assert missing == [], f"{len(missing)} delivered replies were lost:\n{bot.log()[-2000:]}"
        assert {row.status for row in inbox_rows} <= {"done", "skipped"}
        # handled in arrival order: the feedback entries' ids follow the inbox order
        order = [row.message_id for row in inbox_rows if row.message_id in recorded]
        assert sorted(order, key=lambda mid: recorded[mid].id) == order

        # Nothing twice: every send WeChat saw is one outbox row (sent, or mid-send at a kill: unknown).
        seen = [e["id"] for e in live_gateway.sent()]
        assert len(seen) == len(set(seen))
        sent_ids = {row.transport_message_id for row in outbox_rows if row.status == "sent"}
        unknown = [row for row in outbox_rows if row.status == "unknown"]
        assert sent_ids <= set(seen)
        assert len(seen) <= len(sent_ids) + len(unknown)
    finally:
        await bot.close()


async def test_after_the_process_was_down_the_rooms_that_owe_are_asked_to_reply_again(
    live_gateway: Gateway, tmp_path: Path
) -> None:
    # Offline longer than 3 s counts here (a minute by default).
    bot = LiveBot(tmp_path, live_gateway, {"operations": {"offline_notice_minutes": 0.05}})
    try:
        await bot.import_roster()
        await bot.start()
        await live_gateway.command(
            "say", **{"from": OFFICE}, room=None, text="/发布 关于做好寒潮天气防范应对工作的通知\n单位：全部"
        )
        notice_post = await bot.sent(ROOM, "寒潮天气")
        await live_gateway.command("say", **{"from": LIAISON_A}, room=ROOM, text="收到")
        await asyncio.sleep(1.0)
        down_at = await bot.kill()
        lost = await live_gateway.command(
            "say", **{"from": LIAISON_B}, room=ROOM, text="收到"
        )  # nobody hears
        await asyncio.sleep(4.0)
        mark = len(live_gateway.events)
        await bot.start()

        gap = await bot.sent(ROOM, "离线", since=mark)
        assert gap["mentions"] == [LIAISON_B, LIAISON_C]  # 城关镇 confirmed before: not asked
        assert "再回复一次" in gap["text"]
        note = await bot.sent(OFFICE, "离线", since=mark)
        assert "1 个群" in note["text"]
        assert gap["seen_at"] - down_at < 15

        again = await live_gateway.command("say", **{"from": LIAISON_B}, room=ROOM, text="收到")

        async def recorded() -> list[str] | None:
            async with bot.db.reader() as session:
                ids = (await session.scalars(select(Assignment.receipt_message_id))).all()
            return [i for i in ids if i] if again["id"] in ids else None

        ids = await eventually(recorded, "the repeated receipt to be recorded")
        assert lost["id"] not in ids
        assert notice_post["id"]
    finally:
        await bot.close()


async def test_a_full_disk_loses_no_reply_tells_the_office_and_catches_up_in_order(
    live_gateway: Gateway, tmp_path: Path
) -> None:
    async with small_disk(tmp_path / "data") as data:
        # the office hears after 1.2 s of trouble here (a minute by default)
        bot = LiveBot(tmp_path, live_gateway, {"operations": {"database_alert_minutes": 0.02}}, data=data)
        try:
            await bot.import_roster()
            await bot.start()
            await live_gateway.command(
                "say", **{"from": OFFICE}, room=None, text="/发布 关于开展燃气安全专项排查的通知\n单位：全部"
            )
            await bot.sent(ROOM, "燃气安全")
            await asyncio.sleep(0.5)
            ballast = fill_disk(data)

            mark = len(live_gateway.events)
            said = [
                await live_gateway.command("say", **{"from": who}, room=ROOM, text=text)
                for who, text in [
                    (LIAISON_A, "收到"),
                    (LIAISON_B, "收到"),
                    (LIAISON_A, "城关镇：正在推进第一轮排查"),
                    (LIAISON_C, "收到"),
                    (LIAISON_B, "财政局已完成排查"),
                    (LIAISON_C, "正在推进排查"),
                ]
            ]
            alert = await bot.sent(
                OFFICE, "数据库", since=mark, within=20
            )  # directly, not through the outbox
            assert "无法写入" in alert["text"]
            await asyncio.sleep(3.0)  # the disk stays full a while longer
            ballast.unlink()  # space again

            back = await bot.sent(OFFICE, "已恢复", since=mark, within=60)
            assert "按顺序补记" in back["text"]

            async def recorded() -> list[tuple[str, str]] | None:
                async with bot.db.reader() as session:
                    rows = (
                        await session.execute(
                            select(InboxMessage.message_id, InboxMessage.status).order_by(InboxMessage.seq)
                        )
                    ).all()
                mine = [(mid, status) for mid, status in rows if mid in {s["id"] for s in said}]
                return mine if len(mine) == len(said) and {st for _, st in mine} == {"done"} else None

            handled = await eventually(recorded, "the replies to be handled once there is space", within=60)
            assert [mid for mid, _ in handled] == [s["id"] for s in said]  # in arrival order
            async with bot.db.reader() as session:
                receipts = dict(
                    (
                        await session.execute(select(Assignment.receipt_message_id, Assignment.received_at))
                    ).all()
                )
                feedback = (await session.scalars(select(FeedbackEntry).order_by(FeedbackEntry.id))).all()
            assert receipts[said[0]["id"]].timestamp() == said[0]["timestamp"] / 1000  # its own time
            assert {said[0]["id"], said[1]["id"], said[3]["id"]} <= set(receipts)
            assert [f.message_id for f in feedback] == [said[2]["id"], said[4]["id"], said[5]["id"]]
            await bot.stop()
        finally:
            await bot.close()


async def test_the_office_hears_waiting_replies_and_rectification_ends_by_itself(
    live_gateway: Gateway, tmp_path: Path
) -> None:
    """Unclear replies reach the office as digests, at most every 6 s here (30 min by default); a
    registered 通报批评 opens a 整改期限 of about 17 s (30 days by default) whose end is told unprompted."""
    bot = LiveBot(
        tmp_path,
        live_gateway,
        {"review": {"digest_minutes": 0.1}, "penalties": {"rectify_days": 0.0002}},
    )
    try:
        await bot.import_roster()
        await bot.start()
        await live_gateway.command(
            "say",
            **{"from": OFFICE},
            room=None,
            text="/发布 关于报送冬季供暖保障情况的通知\n单位：全部\n签收时限：3天内",
        )
        await bot.sent(ROOM, "冬季供暖保障")
        await live_gateway.command("say", **{"from": LIAISON_A}, room=ROOM, text="请问这个通知需要盖章吗")
        first = await bot.sent(OFFICE, "【待核】", within=20)
        await live_gateway.command(
            "say", **{"from": OFFICE}, room=None, text="/处理 登记 财政局 通报批评 确认 原因：本季度多次逾期"
        )
        registered = await bot.sent(OFFICE, "已登记")
        # The last inbound message: a reply for review, after which only the wake-up it asked for sends
        # the next digest (no command follows to run the deadline duty).
        await live_gateway.command("say", **{"from": LIAISON_B}, room=ROOM, text="1号的表格是哪一版？")
        mark = len(live_gateway.events)
        second = await bot.sent(OFFICE, "【待核】", since=mark, within=30)
        assert "城关镇" in first["text"] and "需要盖章吗" in first["text"]
        assert "县财政局" in second["text"] and "哪一版" in second["text"] and "盖章" not in second["text"]
        assert second["seen_at"] - first["seen_at"] >= 6 - EARLY
        on_time(second, datetime.fromtimestamp(first["seen_at"], TZ) + timedelta(seconds=6))
        rectified = await bot.sent(OFFICE, "【整改到位】", since=mark, within=40)
        on_time(rectified, datetime.fromtimestamp(registered["seen_at"], TZ) + timedelta(seconds=17.28))
        assert "县财政局 通报批评" in rectified["text"]
    finally:
        await bot.close()


async def test_when_wechat_is_down_the_office_hears_it_outside_wechat(
    live_gateway: Gateway, tmp_path: Path
) -> None:
    """The 企业微信 webhook (a local stand-in) hears of a lost connection after 3 s here (5 min by default),
    and of a logout at once, while WeChat itself cannot carry the news."""
    calls: list[dict[str, Any]] = []

    async def hook(request: web.Request) -> web.Response:
        calls.append({"at": time.time(), **await request.json()})
        return web.json_response({"errcode": 0, "errmsg": "ok"})

    server = web.Application()
    server.router.add_post("/cgi-bin/webhook/send", hook)
    runner = web.AppRunner(server)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    bot = LiveBot(
        tmp_path,
        live_gateway,
        {"alerts": {"disconnect_minutes": 0.05}},
        env={"DUBAN_ALERTS_WECOM_WEBHOOK": f"http://127.0.0.1:{port}/cgi-bin/webhook/send?key=k"},
    )
    try:
        await bot.import_roster()
        await bot.start()

        async def alerts(count: int) -> list[dict[str, Any]] | None:
            return calls if len(calls) >= count else None

        await live_gateway.kill()
        down_at = time.time()
        await eventually(lambda: alerts(1), "an alert about the lost connection", within=30)
        assert calls[0]["at"] - down_at >= 3 - EARLY
        assert "连不上微信" in calls[0]["text"]["content"]
        await live_gateway.start()

        async def answered() -> bool:  # ask until the bot, connected again, answers
            mark = len(live_gateway.events)
            await live_gateway.command("say", **{"from": OFFICE}, room=None, text="/查询")
            await asyncio.sleep(2)
            return any(
                e["event"] == "sent" and e["conversation"] == OFFICE for e in live_gateway.events[mark:]
            )

        await eventually(answered, "the bot to be connected again", within=40)
        await live_gateway.command("logout")
        await eventually(lambda: alerts(2), "an alert about the logout", within=20)
        assert "退出登录" in calls[1]["text"]["content"]
        assert len(calls) == 2  # the reconnect itself is no alert
    finally:
        await bot.close()
        await runner.cleanup()
