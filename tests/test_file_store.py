"""The file store (content-addressed bytes in the data directory) and which stored files a database keeps."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from handlers.messages import FileRef, IncomingMessage, to_payload
from storage import attachments, inbox
from storage.db import Database
from storage.files import FileStore

NOW = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)


def test_the_same_bytes_are_kept_once_under_their_checksum(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    digest = store.put(b"%PDF-1.4 red-header")
    assert digest == hashlib.sha256(b"%PDF-1.4 red-header").hexdigest()
    assert store.put(b"%PDF-1.4 red-header") == digest
    assert [p.name for p in (tmp_path / "files").rglob("*") if p.is_file()] == [digest]
    assert store.path(digest) == tmp_path / "files" / digest[:2] / digest
    assert store.read(digest) == b"%PDF-1.4 red-header"


def test_a_damaged_or_missing_file_is_not_read_as_good(tmp_path: Path) -> None:
    store = FileStore(tmp_path)
    digest = store.put(b"original")
    store.path(digest).write_bytes(b"tampered")
    with pytest.raises(ValueError, match="damaged"):
        store.read(digest)
    with pytest.raises(FileNotFoundError):
        store.read(hashlib.sha256(b"never stored").hexdigest())
    with pytest.raises(ValueError, match="not a sha256"):
        store.path("../../etc/passwd")


def _file_message(message_id: str, sender: str, data: bytes, store: FileStore) -> IncomingMessage:
    return IncomingMessage(
        id=message_id,
        sender_id=sender,
        text="",
        at=NOW,
        file=FileRef("通知.pdf", len(data), "application/pdf", store.put(data)),
    )


async def test_files_that_came_with_handled_messages_and_were_not_kept_can_go(
    database: Database, tmp_path: Path
) -> None:
    store = FileStore(tmp_path / "files")
    kept = _file_message("m1", "office", b"kept for a notice", store)
    stranger = _file_message("m2", "stranger", b"a stranger's file", store)
    waiting = _file_message("m3", "office", b"not handled yet", store)
    other_database = store.put(b"written by another database's messages")
    async with database.transaction() as session:
        for message in (kept, stranger, waiting):
            await inbox.store(session, message.id, to_payload(message), at=NOW)
        for message in (kept, stranger):
            await inbox.settle(session, message.id, status="done", at=NOW)
        assert kept.file is not None
        await attachments.add(
            session,
            name=kept.file.name,
            size=kept.file.size,
            mime=kept.file.mime,
            sha256=kept.file.sha256,
            uploaded_by="office",
            at=NOW,
            message_id=kept.id,
        )
    async with database.reader() as session:
        unkept = await attachments.unkept_checksums(session)
    assert stranger.file is not None and waiting.file is not None
    assert unkept == {stranger.file.sha256}
    assert store.remove(unkept) == 1
    assert not store.has(stranger.file.sha256)
    assert store.has(kept.file.sha256) and store.has(waiting.file.sha256) and store.has(other_database)
