"""The wechaty transport against a real gateway: python-wechaty's gRPC client talking to the mock puppet."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest
from wechaty_gateway import (
    BOT_ID,
    LIAISON_A,
    LIAISON_B,
    OFFICE,
    OUTSIDER,
    ROOM,
    TOKEN,
    TOPIC,
    Gateway,
    Recorder,
    eventually,
    free_port,
)

from bot.transport import TransportError
from handlers.messages import OutgoingMessage

if TYPE_CHECKING:
    from bot.wechaty_transport import WechatyTransport

AT = "\u2005"


def ms_to_utc(ms: int) -> datetime:
    return datetime.fromtimestamp(ms // 1000, tz=UTC) + timedelta(milliseconds=ms % 1000)


async def test_room_message_arrives_with_ids_topic_names_and_its_own_time(
    gateway: Gateway, transport: WechatyTransport, recorder: Recorder
) -> None:
    said = await gateway.command(
        "say", **{"from": LIAISON_A}, room=ROOM, text=f"@督办助手{AT}收到", mentions=[BOT_ID]
    )

    message = await recorder.next_message()

    assert message.id == said["id"]
    assert message.sender_id == LIAISON_A
    assert message.room_id == ROOM
    assert message.room_topic == TOPIC
    assert message.sender_name == "张三"
    assert message.sender_alias == "城关镇-张三"
    assert message.mentions == (BOT_ID,)
    assert message.text == "收到"  # the bot's own @-mention is dropped; the mention id stays
    assert message.quote_id is None
    assert message.at.tzinfo is not None and message.at.utcoffset() == timedelta(0)
    assert message.at == ms_to_utc(said["timestamp"])


async def test_message_time_is_the_payload_time_not_the_arrival_time(
    gateway: Gateway, transport: WechatyTransport, recorder: Recorder
) -> None:
    written = 1_767_225_600_123  # 2026-01-01 00:00:00.123 UTC
    await gateway.command("say", **{"from": LIAISON_B}, room=ROOM, text="收到", timestamp=written)

    message = await recorder.next_message()

    assert message.at == datetime(2026, 1, 1, 0, 0, 0, 123000, tzinfo=UTC)


async def test_private_message(gateway: Gateway, transport: WechatyTransport, recorder: Recorder) -> None:
    said = await gateway.command("say", **{"from": OFFICE}, room=None, text="/查询")

    message = await recorder.next_message()

    assert message.id == said["id"]
    assert message.room_id is None
    assert message.room_topic is None
    assert message.sender_id == OFFICE
    assert message.sender_name == "县督查室王主任"
    assert message.text == "/查询"


async def test_send_into_a_room_with_mentions_returns_the_gateway_id(
    gateway: Gateway, transport: WechatyTransport
) -> None:
    outgoing = OutgoingMessage(
        text="请于今天17:00前回复收到。", room_id=ROOM, mentions=(LIAISON_A, LIAISON_B)
    )

    message_id = await transport.send(outgoing, {LIAISON_A: "城关镇-张三"})

    sent = await gateway.wait_for(lambda e: e["event"] == "sent")
    assert message_id == sent["id"] and message_id
    assert sent["conversation"] == ROOM
    assert sent["mentions"] == [LIAISON_A, LIAISON_B]
    # A name missing from display_names is looked up in the room (群昵称).
    assert sent["text"] == f"@城关镇-张三{AT}@发改委-李四{AT}请于今天17:00前回复收到。"


async def test_send_to_a_person(gateway: Gateway, transport: WechatyTransport) -> None:
    message_id = await transport.send(OutgoingMessage(text="已发布。", to_id=OFFICE), {})

    sent = await gateway.wait_for(lambda e: e["event"] == "sent")
    assert (sent["id"], sent["conversation"], sent["text"], sent["mentions"]) == (
        message_id,
        OFFICE,
        "已发布。",
        [],
    )


async def test_the_bots_own_messages_are_skipped(
    gateway: Gateway, transport: WechatyTransport, recorder: Recorder
) -> None:
    own_id = await transport.send(OutgoingMessage(text="督办〔2026〕1号", room_id=ROOM), {})
    await gateway.wait_for(lambda e: e["event"] == "sent")
    said = await gateway.command("say", **{"from": LIAISON_B}, room=ROOM, text="收到")

    message = await recorder.next_message()

    assert message.id == said["id"]  # the echo of the bot's own message never came through as a message
    assert recorder.messages.empty()
    assert recorder.skipped == {own_id: "own"}
    assert recorder.announced == [own_id, said["id"]]  # every id is handed over first, in arrival order


async def test_every_message_id_is_announced_before_its_content(
    gateway: Gateway, transport: WechatyTransport, recorder: Recorder
) -> None:
    said = [await gateway.command("say", **{"from": LIAISON_A}, room=ROOM, text=f"第{n}条") for n in range(5)]
    for expected in said:
        message = await recorder.next_message()
        assert message.id == expected["id"]
        assert expected["id"] in recorder.announced
    assert recorder.announced == [s["id"] for s in said]


async def test_after_login_messages_announced_earlier_are_fetched(
    gateway: Gateway, recorder: Recorder, make_transport: Callable[..., WechatyTransport]
) -> None:
    # Two messages reached a bot that died before fetching their content; they wait in its inbox.
    earlier = [
        await gateway.command("say", **{"from": LIAISON_B}, room=ROOM, text=t) for t in ("收到", "已完成")
    ]
    recorder.pending_fetch = [e["id"] for e in earlier] + ["no-such-message"]
    wechaty = make_transport(gateway.endpoint)
    await wechaty.start(recorder)

    first, second = await recorder.next_message(), await recorder.next_message()

    assert (first.id, first.text, second.id, second.text) == (
        earlier[0]["id"],
        "收到",
        earlier[1]["id"],
        "已完成",
    )
    assert first.at.timestamp() * 1000 == earlier[0]["timestamp"]  # with their own times

    async def gone() -> bool:
        return "no-such-message" in recorder.gone

    await eventually(gone, "the message the gateway does not know to be reported lost")


async def test_a_quoted_reply_carries_the_quoted_message_id(
    gateway: Gateway, transport: WechatyTransport, recorder: Recorder
) -> None:
    notice_id = await transport.send(OutgoingMessage(text="督办〔2026〕3号 请回复收到", room_id=ROOM), {})
    said = await gateway.command("say", **{"from": LIAISON_A}, room=ROOM, text="收到", quote=notice_id)

    message = await recorder.next_message()

    assert message.id == said["id"]
    assert message.quote_id == notice_id
    assert message.text == "收到"
    assert message.sender_alias == "城关镇-张三"


async def test_a_quoted_reply_with_the_sender_prefix_of_pc_hooks(
    gateway: Gateway, transport: WechatyTransport, recorder: Recorder
) -> None:
    notice_id = await transport.send(OutgoingMessage(text="督办〔2026〕4号", room_id=ROOM), {})
    await gateway.command(
        "say", **{"from": LIAISON_B}, room=ROOM, text="收到，马上办", quote=notice_id, sender_prefix=True
    )

    message = await recorder.next_message()

    assert (message.quote_id, message.text) == (notice_id, "收到，马上办")


async def test_room_join_leave_and_topic_reach_the_room_callback(
    gateway: Gateway, transport: WechatyTransport, recorder: Recorder
) -> None:
    await gateway.command("join", room=ROOM, contacts=[OUTSIDER], by=OFFICE)
    joined = await recorder.next_room()
    assert joined.id == ROOM and OUTSIDER in joined.member_ids

    await gateway.command("leave", room=ROOM, contacts=[LIAISON_B], by=OFFICE)
    left = await recorder.next_room()
    assert LIAISON_B not in left.member_ids and OUTSIDER in left.member_ids

    await gateway.command("topic", room=ROOM, topic="县督查工作群（2026）", by=OFFICE)
    renamed = await recorder.next_room()
    assert renamed.topic == "县督查工作群（2026）"

    said = await gateway.command("say", **{"from": OFFICE}, room=ROOM, text="好")
    message = await recorder.next_message()
    assert (message.id, message.room_topic) == (said["id"], "县督查工作群（2026）")


async def test_room_and_member_lookups(transport: WechatyTransport) -> None:
    rooms = await transport.rooms()

    assert [(r.id, r.topic) for r in rooms] == [(ROOM, TOPIC)]
    assert set(rooms[0].member_ids) == {BOT_ID, OFFICE, LIAISON_A, LIAISON_B}
    assert await transport.member_name(ROOM, LIAISON_B) == "发改委-李四"
    assert await transport.member_name(ROOM, OFFICE) == "县督查室王主任"


async def test_a_failed_send_raises_transport_error(gateway: Gateway, transport: WechatyTransport) -> None:
    await gateway.command("fail_sends", count=1)

    with pytest.raises(TransportError, match="send failed"):
        await transport.send(OutgoingMessage(text="第一次", room_id=ROOM), {})

    assert await transport.send(OutgoingMessage(text="第二次", room_id=ROOM), {})
    assert transport.connected


async def test_logout_stops_sending_until_the_account_logs_in_again(
    gateway: Gateway, transport: WechatyTransport, recorder: Recorder
) -> None:
    await gateway.command("logout")
    await recorder.wait_status("logout")

    with pytest.raises(TransportError, match="not logged in"):
        await transport.send(OutgoingMessage(text="x", room_id=ROOM), {})

    await gateway.command("login")
    await recorder.wait_status("login")
    assert await transport.send(OutgoingMessage(text="y", room_id=ROOM), {})


async def test_the_login_qr_code_is_drawn_locally_and_removed_after_login(
    gateway: Gateway, transport: WechatyTransport, recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    assert transport.qr_file is not None
    await gateway.command("logout")
    await recorder.wait_status("logout")
    await gateway.command("scan", qrcode="https://login.weixin.qq.com/l/abc123")
    await recorder.wait_status("scan")

    assert transport.login_qr == "https://login.weixin.qq.com/l/abc123"
    assert "wechaty.js.org" not in caplog.text and "abc123" not in caplog.text  # never through a web site
    from bot.wechaty_transport import terminal_qr

    assert terminal_qr("https://login.weixin.qq.com/l/abc123") in caplog.text
    assert str(transport.qr_file) in caplog.text
    png = transport.qr_file.read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    await gateway.command("login")
    await recorder.wait_status("login")
    assert not transport.qr_file.exists()


async def test_reconnects_after_the_gateway_restarts(
    gateway: Gateway, transport: WechatyTransport, recorder: Recorder
) -> None:
    await gateway.kill()
    lost = await recorder.wait_status("disconnected")
    assert "stream" in lost.detail or "ding" in lost.detail
    with pytest.raises(TransportError):
        await transport.send(OutgoingMessage(text="断线时", room_id=ROOM), {})

    mark = len(gateway.events)
    await gateway.start()
    await recorder.wait_status("connected")
    await recorder.wait_status("login")

    message_id = await transport.send(OutgoingMessage(text="恢复后", room_id=ROOM, mentions=(LIAISON_A,)), {})
    sent = await gateway.wait_for(lambda e: e["event"] == "sent", since=mark)
    assert (sent["id"], sent["mentions"]) == (message_id, [LIAISON_A])
    said = await gateway.command("say", **{"from": LIAISON_A}, room=ROOM, text="收到")
    assert (await recorder.next_message()).id == said["id"]
    assert transport.reconnects == 1


async def test_a_silent_gateway_is_noticed_and_reconnected(
    gateway: Gateway, transport: WechatyTransport, recorder: Recorder
) -> None:
    await gateway.command("silence", on=True)

    lost = await recorder.wait_status("disconnected", within=10)
    assert "no event" in lost.detail
    await gateway.command("silence", on=False)
    await recorder.wait_status("login", within=10)

    assert await transport.send(OutgoingMessage(text="还在", room_id=ROOM), {})
    assert transport.reconnects >= 1


async def test_a_wrong_token_fails_fast_with_a_clear_error(
    gateway: Gateway, make_transport: Callable[..., WechatyTransport], recorder: Recorder
) -> None:
    from bot.wechaty_transport import WechatyTokenError

    wechaty = make_transport(gateway.endpoint, token="not-the-token")

    with pytest.raises(WechatyTokenError, match="DUBAN_WECHATY_TOKEN") as caught:
        await asyncio.wait_for(wechaty.start(recorder), 10)  # not retried like a dropped connection

    assert "UNAUTHENTICATED" in str(caught.value)
    assert "not-the-token" not in str(caught.value)
    assert not wechaty.connected


async def test_an_unreachable_gateway_fails_start_after_its_retries(
    wechaty_client: None, make_transport: Callable[..., WechatyTransport], recorder: Recorder
) -> None:
    from bot.wechaty_transport import WechatyStartError

    endpoint = f"127.0.0.1:{free_port()}"
    wechaty = make_transport(endpoint, start_timeout=0.3)

    with pytest.raises(WechatyStartError, match=f"{endpoint}.*DUBAN_WECHATY_ENDPOINT"):
        await wechaty.start(recorder)


async def test_start_backs_off_between_attempts_and_gives_up_at_start_timeout(wechaty_client: None) -> None:
    from bot.wechaty_transport import WatchdogSettings, WechatyStartError, WechatyTransport

    slept: list[float] = []

    async def no_sleep(seconds: float) -> None:
        slept.append(seconds)

    settings = WatchdogSettings(start_timeout=1.0, backoff=(0.05, 0.1, 0.2, 0.4))
    wechaty = WechatyTransport(f"127.0.0.1:{free_port()}", TOKEN, watchdog=settings, sleep=no_sleep)

    with pytest.raises(WechatyStartError):
        await wechaty.start(Recorder())

    assert slept == [0.05, 0.1, 0.2, 0.4]  # the next 0.4 s would pass start_timeout
    await wechaty.stop()


def test_the_token_and_endpoint_must_be_configured(wechaty_client: None) -> None:
    from bot.wechaty_transport import WechatyTransport

    with pytest.raises(ValueError, match="DUBAN_WECHATY_TOKEN"):
        WechatyTransport("127.0.0.1:1", "")
    with pytest.raises(ValueError, match="DUBAN_WECHATY_ENDPOINT"):
        WechatyTransport("", TOKEN)


async def test_the_token_stays_out_of_the_log(
    gateway: Gateway, transport: WechatyTransport, recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="PuppetService")
    await gateway.kill()
    await recorder.wait_status("disconnected")
    await gateway.start()
    await recorder.wait_status("login")

    assert "reconnected" in caplog.text
    assert TOKEN not in caplog.text


async def test_start_waits_for_a_gateway_that_comes_up_late(
    gateway: Gateway, make_transport: Callable[..., WechatyTransport], recorder: Recorder
) -> None:
    await gateway.kill()
    wechaty = make_transport(gateway.endpoint, start_timeout=20)
    starting = asyncio.create_task(wechaty.start(recorder))
    await gateway.start()

    await asyncio.wait_for(starting, 10)
    await wechaty.wait_until_logged_in(10)
    assert TOKEN not in (wechaty.last_disconnect or "")
