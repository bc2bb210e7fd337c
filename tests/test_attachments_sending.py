"""The sender and file messages: the bytes come from the file store right after the messages queued
before them in the room; a file gone from the store is retried, then given up and reported, never faked."""

from __future__ import annotations

import random
from pathlib import Path

from test_sender import (
    ROOM_A,
    T0,
    RecordingTransport,
    drain,
    pace,
    seed,
)

from bot.clock import VirtualClock
from bot.sender import OutboxSender
from handlers.actions.outgoing import queue_file
from storage import attachments, outbox
from storage.db import Database
from storage.files import FileStore

PDF = b"%PDF-1.4 the red-header document"


async def _queue_notice_with_file(db: Database, store: FileStore) -> str:
    digest = store.put(PDF)
    async with db.transaction() as session:
        await outbox.enqueue(
            session,
            room_id=ROOM_A,
            to_id=None,
            text="【督办通知单】督办〔2026〕1号",
            dedup_key="post",
            kind="notice",
            now=T0,
        )
        file = await attachments.add(
            session,
            name="通知.pdf",
            size=len(PDF),
            mime="application/pdf",
            sha256=digest,
            uploaded_by="liming",
            at=T0,
        )
        await queue_file(
            session,
            room_id=ROOM_A,
            text="【附件】通知.pdf",
            attachment_id=file.id,
            key="file",
            now=T0,
            notice_id=None,
        )
        await outbox.enqueue(
            session, room_id=ROOM_A, to_id=None, text="下一条", dedup_key="next", kind="test", now=T0
        )
    return digest


async def test_a_file_message_carries_the_stored_bytes_in_its_place(
    sqlite_database: Database, tmp_path: Path
) -> None:
    await seed(sqlite_database)
    store = FileStore(tmp_path / "files")
    await _queue_notice_with_file(sqlite_database, store)
    clock = VirtualClock(T0)
    transport = RecordingTransport(clock)
    sender = OutboxSender(sqlite_database, transport, clock, pace(), random.Random(0), files=store)

    await drain(sender, clock, T0.replace(hour=2))

    assert [s.message.kind for s in transport.sent] == ["notice", "notice-file", "test"]
    file = transport.sent[1].message.file
    assert file is not None and (file.name, file.mime, file.data) == ("通知.pdf", "application/pdf", PDF)
    assert transport.sent[1].message.mentions == ()


async def test_a_file_gone_from_the_store_is_given_up_and_reported(
    sqlite_database: Database, tmp_path: Path
) -> None:
    await seed(sqlite_database)
    store = FileStore(tmp_path / "files")
    digest = await _queue_notice_with_file(sqlite_database, store)
    store.path(digest).unlink()  # someone cleaned the data directory by hand
    clock = VirtualClock(T0)
    transport = RecordingTransport(clock)
    sender = OutboxSender(
        sqlite_database, transport, clock, pace(max_attempts=2), random.Random(0), files=store
    )

    await drain(sender, clock, T0.replace(hour=2))

    assert [s.message.kind for s in transport.sent if s.message.room_id == ROOM_A] == ["notice", "test"]
    assert all(s.message.file is None for s in transport.sent)
    reports = [s.message.text for s in transport.sent if s.message.to_id == "liming"]
    assert len(reports) == 1
    assert (
        "附件《通知.pdf》在保存目录" in reports[0] and "找不到" in reports[0] and "从备份恢复" in reports[0]
    )
    async with sqlite_database.reader() as session:
        [failed] = await outbox.queued(session, status="failed")
    assert failed.dedup_key == "file" and failed.attempts == 2
