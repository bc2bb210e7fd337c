"""The console transport: the line grammar, continuation lines, delivery to the bot, and what `send` prints."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from recording import RecordingInbound

from bot.clock import VirtualClock
from bot.console import PROMPT, ConsoleTransport, Who, parse_line
from handlers.messages import IncomingMessage, OutgoingFile, OutgoingMessage

T0 = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)

LINES: list[tuple[str, tuple[str, str | None, str] | None]] = [
    # room lines
    ("城关镇-王五@政务督查联络群: 收到", ("城关镇-王五", "政务督查联络群", "收到")),
    ("王五@政务督查联络群：收到，马上落实", ("王五", "政务督查联络群", "收到，马上落实")),
    ("王五 @ 政务督查联络群 : 12号收到", ("王五", "政务督查联络群", "12号收到")),
    ("wxid_wangwu@20001@chatroom: 收到", ("wxid_wangwu", "20001@chatroom", "收到")),  # a WeChat room id
    (
        "王五@群: 下午3:30开会，请准时参加",
        ("王五", "群", "下午3:30开会，请准时参加"),
    ),  # later colons are text
    # private lines
    ("李明: /查询", ("李明", None, "/查询")),
    ("李明：/查询 12号", ("李明", None, "/查询 12号")),  # full-width colon
    ("李明:/帮助", ("李明", None, "/帮助")),
    ("  李明 :  /单位  ", ("李明", None, "/单位")),
    ("wxid_liming: /查询", ("wxid_liming", None, "/查询")),
    # \n escapes become new lines
    (
        "李明: /发布 测试通知\\n单位：城关镇\\n签收时限：2小时内",
        ("李明", None, "/发布 测试通知\n单位：城关镇\n签收时限：2小时内"),
    ),
    ("王五@群: 进展如下：\\n1. 已完成\\n2. 推进中", ("王五", "群", "进展如下：\n1. 已完成\n2. 推进中")),
    # no sender, or nothing said
    ("收到", None),
    ("", None),
    ("   ", None),
    (": 收到", None),
    ("：收到", None),
    ("@政务督查联络群: 收到", None),
    ("李明:", None),
    ("李明：   ", None),
    ("王五@政务督查联络群:", None),
]


@pytest.mark.parametrize(("line", "expected"), LINES, ids=[repr(line) for line, _ in LINES])
def test_parse_line(line: str, expected: tuple[str, str | None, str] | None) -> None:
    assert parse_line(line) == expected


def test_the_prompt_explains_both_line_forms_and_continuation() -> None:
    assert "发送人@群名: 消息内容" in PROMPT
    assert "发送人: 消息内容" in PROMPT
    assert "\\" in PROMPT  # how to continue a message on the next line


class Resolver:
    """A resolver stub: every console name is a known person; rooms get an id from their name."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str | None]] = []

    async def __call__(self, sender: str, room: str | None) -> Who:
        self.calls.append((sender, room))
        name = sender.rsplit("-", 1)[-1]
        return Who(f"wxid:{name}", name, f"room:{room}" if room else None, room)


async def run_console(
    text: str, clock: VirtualClock | None = None
) -> tuple[list[IncomingMessage], str, Resolver]:
    stdin, stdout = io.StringIO(text), io.StringIO()
    inbound = RecordingInbound()
    resolver = Resolver()
    transport = ConsoleTransport(clock or VirtualClock(T0), resolver, stdin=stdin, stdout=stdout)
    await transport.start(inbound)
    await transport.finished.wait()
    await transport.stop()
    return inbound.received, stdout.getvalue(), resolver


async def test_lines_become_incoming_messages() -> None:
    received, out, resolver = await run_console("城关镇-王五@政务督查联络群: 收到\n李明: /查询\n")
    assert out.startswith(PROMPT)
    assert resolver.calls == [("城关镇-王五", "政务督查联络群"), ("李明", None)]
    room, private = received
    assert room.sender_id == "wxid:王五"
    assert room.sender_name == "王五"
    assert room.sender_alias == "城关镇-王五"  # the name typed is the name shown in the group
    assert room.display_name == "城关镇-王五"
    assert (room.room_id, room.room_topic, room.text) == ("room:政务督查联络群", "政务督查联络群", "收到")
    assert room.at == T0
    assert (private.sender_id, private.room_id, private.text) == ("wxid:李明", None, "/查询")
    assert private.sender_alias == ""
    assert room.id != private.id


async def test_the_message_time_is_the_clock_time() -> None:
    clock = VirtualClock(datetime(2026, 12, 1, 8, 0, tzinfo=UTC))
    received, _, _ = await run_console("王五@群: 收到\n", clock)
    assert received[0].at == datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    assert received[0].at.tzinfo is not None


async def test_a_trailing_backslash_continues_the_message() -> None:
    text = "李明: /发布 关于冬季防火的通知\\\n单位：城关镇、发改委\\\n正文：请于本周内完成排查。\n王五@群: 收到\n"
    received, _, _ = await run_console(text)
    assert [m.text for m in received] == [
        "/发布 关于冬季防火的通知\n单位：城关镇、发改委\n正文：请于本周内完成排查。",
        "收到",
    ]
    assert received[0].sender_id == "wxid:李明"


async def test_blank_lines_are_skipped_and_unreadable_lines_explained() -> None:
    received, out, _ = await run_console("\n   \n收到\n王五@群: 收到\n")
    assert [m.text for m in received] == ["收到"]
    assert out.count("看不懂这一行") == 1


async def test_each_message_gets_a_new_id() -> None:
    received, _, _ = await run_console("王五@群: 收到\n王五@群: 收到\n王五@群: 收到\n")
    assert len({m.id for m in received}) == 3


async def test_a_continued_message_at_end_of_input_is_not_lost() -> None:
    received, _, _ = await run_console("李明: /发布 测试通知\\\n单位：城关镇\\\n")
    assert [m.text for m in received] == ["/发布 测试通知\n单位：城关镇"]


async def test_empty_input_finishes() -> None:
    received, out, _ = await run_console("")
    assert received == []
    assert out == PROMPT


# --- send ------------------------------------------------------------------------------------------------


async def test_send_to_a_room_renders_the_topic_and_the_mentions() -> None:
    stdout = io.StringIO()
    transport = ConsoleTransport(VirtualClock(T0), Resolver(), stdin=io.StringIO(), stdout=stdout)
    message = OutgoingMessage(
        text="【督办通知单】督办〔2026〕1号", room_id="r1", mentions=("wangwu", "sunqi")
    )
    first = await transport.send(message, {"r1": "政务督查联络群", "wangwu": "王五", "sunqi": "孙七"})
    out = stdout.getvalue()
    assert "群「政务督查联络群」" in out
    assert "@王五 @孙七" in out
    assert "【督办通知单】督办〔2026〕1号" in out
    assert out.index("@王五") < out.index("【督办通知单】")
    assert "r1" not in out and "wangwu" not in out
    second = await transport.send(message, {})
    assert first != second  # every sent message gets its own id


async def test_send_falls_back_to_ids_without_names() -> None:
    stdout = io.StringIO()
    transport = ConsoleTransport(VirtualClock(T0), Resolver(), stdin=io.StringIO(), stdout=stdout)
    await transport.send(OutgoingMessage(text="请回复", room_id="r9", mentions=("wxid_x",)), {})
    assert "群「r9」" in stdout.getvalue()
    assert "@wxid_x" in stdout.getvalue()


async def test_send_a_private_message_names_the_addressee() -> None:
    stdout = io.StringIO()
    transport = ConsoleTransport(VirtualClock(T0), Resolver(), stdin=io.StringIO(), stdout=stdout)
    await transport.send(OutgoingMessage(text="已发布 督办〔2026〕1号", to_id="liming"), {"liming": "李明"})
    out = stdout.getvalue()
    assert "李明（私聊）" in out
    assert "已发布 督办〔2026〕1号" in out
    assert "@" not in out


async def test_send_a_file_prints_a_line_naming_it() -> None:
    stdout = io.StringIO()
    transport = ConsoleTransport(VirtualClock(T0), Resolver(), stdin=io.StringIO(), stdout=stdout)
    file = OutgoingFile(name="红头文件.pdf", mime="application/pdf", data=b"%PDF" * 512)
    message = OutgoingMessage(
        text="【附件】督办〔2026〕1号 红头文件.pdf", room_id="r1", kind="notice-file", file=file
    )
    await transport.send(message, {"r1": "政务督查联络群"})
    out = stdout.getvalue()
    assert "群「政务督查联络群」" in out
    assert "[文件] 红头文件.pdf（2 KB）" in out
    assert "%PDF" not in out  # the bytes are not dumped on the terminal
