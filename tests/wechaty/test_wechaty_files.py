"""Files through the real python-wechaty client and the puppet-service gateway: a private file is fetched
into the file store; a file the bot sends arrives at the gateway byte for byte (a FileBox, or streamed)."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from wechaty_gateway import LIAISON_A, OFFICE, ROOM, Gateway, Recorder, eventually

from bot.wechaty_transport import INLINE_FILE_BYTES
from handlers.messages import OutgoingFile, OutgoingMessage
from storage.files import FileStore

if TYPE_CHECKING:
    from bot.wechaty_transport import WechatyTransport


def pattern(size: int) -> bytes:
    """Bytes that differ everywhere, so a lost or repeated chunk shows."""
    return hashlib.sha256(str(size).encode()).digest() * (size // 32) + bytes(range(size % 32))


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


async def test_a_small_private_file_arrives_as_a_file_in_the_store(
    gateway: Gateway, transport: WechatyTransport, recorder: Recorder, tmp_path: Path
) -> None:
    data = pattern(5_000)  # under 20 KB: the gateway sends the FileBox inline
    said = await gateway.command(
        "send_file", **{"from": OFFICE}, room=None, name="关于开展检查的通知.pdf", base64=b64(data)
    )

    message = await recorder.next_message()

    assert (message.id, message.sender_id, message.room_id, message.text) == (said["id"], OFFICE, None, "")
    assert message.file is not None
    assert (message.file.name, message.file.size, message.file.mime) == (
        "关于开展检查的通知.pdf",
        len(data),
        "application/pdf",
    )
    assert message.file.sha256 == hashlib.sha256(data).hexdigest()
    assert FileStore(tmp_path / "data" / "files").read(message.file.sha256) == data


async def test_a_bigger_private_file_is_streamed_whole(
    gateway: Gateway, transport: WechatyTransport, recorder: Recorder, tmp_path: Path
) -> None:
    data = pattern(300_000)  # over 20 KB: the gateway offers a UUID box, so the bot streams the file
    await gateway.command("send_file", **{"from": OFFICE}, room=None, name="模板.docx", base64=b64(data))

    message = await recorder.next_message()

    assert message.file is not None and message.file.size == len(data)
    assert FileStore(tmp_path / "data" / "files").read(message.file.sha256) == data


async def test_a_file_over_the_limit_is_not_kept_but_its_size_is_told(
    gateway: Gateway,
    recorder: Recorder,
    make_transport: Callable[..., WechatyTransport],
    tmp_path: Path,
) -> None:
    transport = make_transport(gateway.endpoint, max_file_bytes=100_000)
    await transport.start(recorder)
    await transport.wait_until_logged_in(10)
    data = pattern(400_000)
    await gateway.command("send_file", **{"from": OFFICE}, room=None, name="扫描件.pdf", base64=b64(data))

    message = await recorder.next_message()

    assert message.file is not None
    assert message.file.sha256 == ""
    assert message.file.size > 100_000
    assert not list((tmp_path / "data" / "files").glob("??/*"))


async def test_a_file_in_a_group_is_not_fetched(
    gateway: Gateway, transport: WechatyTransport, recorder: Recorder, tmp_path: Path
) -> None:
    said = await gateway.command(
        "send_file", **{"from": LIAISON_A}, room=ROOM, name="落实情况.docx", base64=b64(b"report")
    )

    await eventually(lambda: _async(recorder.skipped.get(said["id"])), "the group file to be skipped")

    assert recorder.skipped[said["id"]] == "not text"
    assert recorder.received == []
    assert not list((tmp_path / "data" / "files").glob("??/*"))


async def _async(value: str | None) -> str | None:
    return value


async def test_a_file_sent_into_a_room_arrives_byte_for_byte(
    gateway: Gateway, transport: WechatyTransport
) -> None:
    data = pattern(50_000)
    outgoing = OutgoingMessage(
        text="【附件】督办〔2026〕1号 通知.pdf",
        room_id=ROOM,
        kind="notice-file",
        file=OutgoingFile(name="通知.pdf", mime="application/pdf", data=data),
    )

    message_id = await transport.send(outgoing, {})

    await gateway.wait_for(lambda e: e["event"] == "sent_file", within=30)
    [sent] = gateway.sent_files()
    assert (sent["id"], sent["conversation"], sent["name"], sent["size"]) == (
        message_id,
        ROOM,
        "通知.pdf",
        len(data),
    )
    assert sent["data"] == data
    assert gateway.sent() == []  # no text goes with it


async def test_a_file_too_big_for_one_grpc_message_is_streamed(
    gateway: Gateway, transport: WechatyTransport
) -> None:
    data = pattern(INLINE_FILE_BYTES + 1_500_000)  # its base64 would pass gRPC's 4 MB message limit
    outgoing = OutgoingMessage(
        text="【附件】大文件.zip",
        to_id=OFFICE,
        file=OutgoingFile(name="大文件.zip", mime="application/zip", data=data),
    )

    message_id = await transport.send(outgoing, {})

    await gateway.wait_for(lambda e: e["event"] == "sent_file", within=30)
    [sent] = gateway.sent_files()
    assert (sent["id"], sent["conversation"], sent["name"]) == (message_id, OFFICE, "大文件.zip")
    assert sent["data"] == data
