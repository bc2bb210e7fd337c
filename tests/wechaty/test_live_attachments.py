"""Live: `duban run` as a process, the test gateway, and nothing inbound after the set-up but the office's
private file and its /发布. The file reaches every room right after the notice text, byte for byte,
through a kill -9 of the bot in between (paced sending holds the file back): once, and only once."""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from live_bot import LiveBot
from sqlalchemy import select
from wechaty_gateway import APP_WORLD, OFFICE, ROOM, Gateway, eventually, running_gateway

from handlers.rules.filecheck import human_size
from storage.models import Attachment, OutboxMessage

PDF = b"%PDF-1.7\n" + hashlib.sha256(b"red header").digest() * 2000 + b"\n%%EOF\n"  # over 20 KB: streamed in


SIZE = human_size(len(PDF))


@pytest.fixture
async def live_gateway(node: str, tmp_path: Path) -> AsyncIterator[Gateway]:
    async with running_gateway(node, tmp_path, APP_WORLD) as gw:
        yield gw


async def test_a_private_file_goes_out_with_the_notice_once_across_a_crash(
    live_gateway: Gateway, tmp_path: Path
) -> None:
    # Two messages a minute: the notice text goes at once, its file has to wait (and the bot dies meanwhile).
    bot = LiveBot(tmp_path, live_gateway, {"sending": {"per_minute": 2}})
    try:
        await bot.import_roster()
        await bot.start()
        await live_gateway.command(
            "send_file",
            **{"from": OFFICE},
            room=None,
            name="关于冬季安全生产大检查的通知.pdf",
            base64=base64.b64encode(PDF).decode(),
        )
        kept = await bot.sent(OFFICE, "已收到文件")
        assert (
            f"《关于冬季安全生产大检查的通知.pdf》（{SIZE}）" in kept["text"] and "30 分钟内" in kept["text"]
        )
        await live_gateway.command(
            "say", **{"from": OFFICE}, room=None, text="/发布 关于开展冬季安全生产大检查的通知\n单位：全部"
        )
        notice = await bot.sent(ROOM, "【督办通知单】")

        async def notice_recorded() -> bool:  # killed before that, the post would count as maybe-sent
            async with bot.db.reader() as session:
                rows = (
                    await session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "notice"))
                ).all()
            return bool(rows) and all(r.status == "sent" for r in rows)

        await eventually(notice_recorded, "the notice post to be recorded as sent")
        assert [e for e in live_gateway.events if e["event"] == "sent_file"] == []  # held back by the pace

        await bot.kill()
        await bot.start()

        sent_file = await live_gateway.wait_for(lambda e: e["event"] == "sent_file", within=90)
        assert sent_file["conversation"] == ROOM
        assert sent_file["name"] == "关于冬季安全生产大检查的通知.pdf"
        assert base64.b64decode(sent_file["base64"]) == PDF
        assert live_gateway.events.index(notice) < live_gateway.events.index(sent_file)
        confirmation = await bot.sent(OFFICE, "已发布", within=90)
        assert f"附件（1个）：《关于冬季安全生产大检查的通知.pdf》（{SIZE}）" in confirmation["text"]

        async def all_sent() -> list[OutboxMessage] | None:
            async with bot.db.reader() as session:
                rows = list((await session.scalars(select(OutboxMessage))).all())
            return rows if rows and all(r.status == "sent" for r in rows) else None

        rows = await eventually(all_sent, "every outbox message to be sent", within=90)
        await bot.stop()
        [file_row] = [r for r in rows if r.attachment_id is not None]
        async with bot.db.reader() as session:
            [attachment] = (await session.scalars(select(Attachment))).all()
        assert (file_row.kind, file_row.attachment_id, file_row.room_id) == (
            "notice-file",
            attachment.id,
            ROOM,
        )
        assert (attachment.sha256, attachment.size, attachment.uploaded_by) == (
            hashlib.sha256(PDF).hexdigest(),
            len(PDF),
            OFFICE,
        )
        assert attachment.notice_id is not None and attachment.notice_id == file_row.notice_id
        assert (tmp_path / "files" / attachment.sha256[:2] / attachment.sha256).read_bytes() == PDF
        files = [e for e in live_gateway.events if e["event"] == "sent_file"]
        assert len(files) == 1  # once, though the bot died with it queued
        texts = Counter((e["conversation"], e["text"]) for e in live_gateway.sent())
        assert [key for key, n in texts.items() if n > 1] == []
    finally:
        await bot.close()
