"""Attachment records: files waiting for their uploader's next notice, and the files each notice carries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import String, cast, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Attachment, InboxMessage


@dataclass(frozen=True)
class AttachmentView:
    id: int
    notice_id: int | None
    name: str
    size: int
    mime: str
    sha256: str
    uploaded_by: str
    uploaded_at: datetime


def _view(row: Attachment) -> AttachmentView:
    return AttachmentView(
        row.id, row.notice_id, row.name, row.size, row.mime, row.sha256, row.uploaded_by, row.uploaded_at
    )


async def add(
    session: AsyncSession,
    *,
    name: str,
    size: int,
    mime: str,
    sha256: str,
    uploaded_by: str,
    at: datetime,
    message_id: str | None = None,
    notice_id: int | None = None,
) -> AttachmentView:
    """Record a kept file (waiting for a notice unless `notice_id` is given)."""
    row = Attachment(
        notice_id=notice_id,
        name=name,
        size=size,
        mime=mime,
        sha256=sha256,
        uploaded_by=uploaded_by,
        uploaded_at=at,
        message_id=message_id,
    )
    session.add(row)
    await session.flush()
    return _view(row)


async def waiting(session: AsyncSession, uploader: str, *, since: datetime) -> list[AttachmentView]:
    """Files this person gave since `since` that no notice carries yet, oldest first."""
    rows = await session.scalars(
        select(Attachment)
        .where(
            Attachment.uploaded_by == uploader,
            Attachment.notice_id.is_(None),
            Attachment.uploaded_at >= since,
        )
        .order_by(Attachment.uploaded_at, Attachment.id)
    )
    return [_view(r) for r in rows.all()]


async def attach(session: AsyncSession, ids: Sequence[int], notice_id: int) -> None:
    """The notice carries these files from now on."""
    for row in (await session.scalars(select(Attachment).where(Attachment.id.in_(ids)))).all():
        row.notice_id = notice_id


async def of_notices(session: AsyncSession, notice_ids: Sequence[int]) -> dict[int, list[AttachmentView]]:
    """The files each notice carries, in the order they were given."""
    rows = await session.scalars(
        select(Attachment)
        .where(Attachment.notice_id.in_(notice_ids))
        .order_by(Attachment.uploaded_at, Attachment.id)
    )
    found: dict[int, list[AttachmentView]] = {}
    for row in rows.all():
        assert row.notice_id is not None
        found.setdefault(row.notice_id, []).append(_view(row))
    return found


async def of_notice(session: AsyncSession, notice_id: int) -> list[AttachmentView]:
    return (await of_notices(session, [notice_id])).get(notice_id, [])


async def get(session: AsyncSession, attachment_id: int) -> AttachmentView | None:
    row = await session.get(Attachment, attachment_id)
    return None if row is None else _view(row)


async def unkept_checksums(session: AsyncSession) -> set[str]:
    """Files that came with messages already handled but that no record keeps (a stranger's file, one
    refused for its type): their bytes can go. Only this database's own messages count, so a file store
    shared by mistake with another database loses nothing of the other's."""
    rows = await session.execute(
        select(InboxMessage.status, InboxMessage.payload).where(
            cast(InboxMessage.payload, String).like('%"sha256"%')
        )
    )
    arrived: set[str] = set()
    waiting: set[str] = set()  # still to be handled: may yet be kept
    for status, payload in rows.all():
        file = (payload or {}).get("file")
        if isinstance(file, dict) and file.get("sha256"):
            (waiting if status in ("announced", "ready") else arrived).add(str(file["sha256"]))
    if not arrived:
        return set()
    kept = set((await session.scalars(select(Attachment.sha256).where(Attachment.sha256.in_(arrived)))).all())
    return arrived - kept - waiting
