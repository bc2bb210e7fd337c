"""Files a notice carries: kept from an office member's private chat (or the web desk), posted after the notice.

The web desk's 发布 page calls `keep_uploads` with the uploaded bytes and then `office.publish` for the same
person (the files wait for that person's next notice), or `attach_files` to add files to a notice already out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from handlers import texts
from handlers.actions.audience import audience
from handlers.actions.context import Turn
from handlers.rules.filecheck import FileProblem, FileRules, clean_name, file_problem, mime_of
from storage import attachments, notices
from storage.attachments import AttachmentView
from storage.files import FileStore
from storage.notices import NoticeView


@dataclass(frozen=True)
class Upload:
    """One file as it arrives: its bytes, the name it was given and the type the sender claims."""

    data: bytes
    name: str
    mime: str = ""


async def file_received(turn: Turn) -> None:
    """A file sent to the bot: an office member's private file waits for their next /发布; others' are not kept."""
    msg, person = turn.msg, turn.person
    file = msg.file
    if file is None or msg.room_id is not None:
        return  # files in groups are the units' material, not the bot's
    if person is None:
        return  # unknown people cannot act (and get no answer: sends are scarce)
    if not person.is_office:
        if person.unit_id is not None:
            await turn.reply(texts.file_not_kept_liaison(file.name))
        return
    problem = file_problem(file.name, file.size, turn.policy.files)
    if problem is None and not file.sha256:  # the transport did not fetch it: over its own size limit
        problem = FileProblem("size", file.name, file.size)
    if problem is not None:
        await turn.reply(texts.file_refused(problem, turn.policy.files))
        return
    kept = await attachments.add(
        turn.session,
        name=file.name,
        size=file.size,
        mime=file.mime,
        sha256=file.sha256,
        uploaded_by=msg.sender_id,
        at=msg.at,
        message_id=msg.id,
    )
    await turn.reply(texts.file_kept(turn.policy, kept))


async def keep_uploads(
    session: AsyncSession,
    store: FileStore,
    rules: FileRules,
    uploads: Sequence[Upload],
    *,
    uploader: str,
    now: datetime,
) -> list[AttachmentView] | str:
    """Check every file first (one bad file: nothing is kept, the answer says why), then keep them all,
    waiting for `uploader`'s next /发布 within the pickup window."""
    cleaned = [(upload, clean_name(upload.name)) for upload in uploads]
    for upload, name in cleaned:
        problem = file_problem(name, len(upload.data), rules)
        if problem is not None:
            return texts.file_refused(problem, rules)
    kept = []
    for upload, name in cleaned:
        digest = store.put(upload.data)
        kept.append(
            await attachments.add(
                session,
                name=name,
                size=len(upload.data),
                mime=mime_of(name, upload.mime),
                sha256=digest,
                uploaded_by=uploader,
                at=now,
            )
        )
    return kept


async def files_for_publish(turn: Turn, choice: str) -> list[AttachmentView] | None:
    """The files a /发布 takes: what its sender gave lately (none with 附件：无); None (answered, nothing
    published) when 附件：上一个文件 finds nothing."""
    if choice == "none":
        return []
    since = turn.now - turn.policy.files.pickup_window
    waiting = await attachments.waiting(turn.session, turn.msg.sender_id, since=since)
    if choice == "last" and not waiting:
        await turn.reply(texts.no_waiting_files(turn.policy))
        return None
    return waiting


async def post_files(
    turn: Turn,
    notice: NoticeView,
    room_ids: Sequence[str],
    tag: str,
    files: Sequence[AttachmentView] | None = None,
) -> None:
    """Each file (by default every file the notice carries) into each room, after what the room was sent before."""
    for file in files if files is not None else await attachments.of_notice(turn.session, notice.id):
        for room_id in room_ids:
            await turn.post_file(
                room_id,
                texts.file_post(notice, file),
                file.id,
                key=f"notice:{notice.id}:{tag}:{room_id}:file:{file.id}",
                notice_id=notice.id,
            )


async def attach_files(
    turn: Turn, store: FileStore, notice: NoticeView, uploads: Sequence[Upload]
) -> list[AttachmentView] | None:
    """Attach files to a notice already published and post them into every room it went to.

    Every file is checked first: one bad file and nothing changes (None; the answer says why).
    """
    kept = await keep_uploads(
        turn.session, store, turn.policy.files, uploads, uploader=turn.msg.sender_id, now=turn.now
    )
    if isinstance(kept, str):
        await turn.reply(kept)
        return None
    await attachments.attach(turn.session, [f.id for f in kept], notice.id)
    rows = await notices.assignments(turn.session, notice_ids=[notice.id])
    heard = await audience(turn.session, [a.unit_id for a in rows])
    rooms = list(heard.rooms)
    await post_files(turn, notice, rooms, "added", kept)
    await turn.reply(texts.files_attached(notice, kept, len(rooms)))
    return kept
