"""The office mends the record: receipts and feedback recorded or taken back, notices reopened, /待核.

Every correction is audited (who, when, what, why), revokes the proposals built on the old facts (the
rules then run again on the new ones) and settles the unit's waiting replies about that notice.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from handlers import texts
from handlers.actions import resolve
from handlers.actions.context import Turn
from handlers.actions.decisions import revoke_for
from handlers.reading.commands import RecordFeedback, RecordReceipt, Review, Undo
from storage import flags, notices, review
from storage.flags import FlagView
from storage.notices import AssignmentView, NoticeView


async def _recordable(turn: Turn, raw: str) -> NoticeView | None:
    """An open or closed notice (a withdrawn one counts nowhere, so there is nothing to mend)."""
    notice = await resolve.notice(turn, raw)
    if notice is not None and notice.status == "withdrawn":
        await turn.reply(texts.not_open(notice))
        return None
    return notice


async def _settle(
    turn: Turn, notice: NoticeView, unit_ids: Sequence[int]
) -> tuple[list[FlagView], list[FlagView]]:
    """After a correction: revoke the proposals on the old facts, settle waiting replies; return the
    revoked proposals and the confirmed penalties that cite this notice (people must look at those)."""
    session, actor, now = turn.session, turn.msg.sender_id, turn.now
    revoked = await revoke_for(
        session, notice.id, unit_ids, actor=actor, at=now, reason=texts.revoke_reason_corrected(notice)
    )
    confirmed = [
        f
        for f in await flags.flags(session, status="confirmed")
        if notice.id in f.notice_ids and f.unit_id in unit_ids
    ]
    for unit_id in unit_ids:
        await review.settle_for(session, unit_id, notice.id, actor=actor, at=now)
    return revoked, confirmed


async def _now_judged(turn: Turn, notice: NoticeView, unit_ids: Sequence[int]) -> list[AssignmentView]:
    rows = await notices.assignments(turn.session, notice_ids=[notice.id])
    return [a for a in rows if a.unit_id in unit_ids]


async def _what_and_when(
    turn: Turn, number: str, units: Sequence[str], when: str | None
) -> tuple[NoticeView, list[AssignmentView], datetime] | None:
    """The notice, the named units' assignments and when it happened (not before the notice); None
    when any of it is wrong (answered)."""
    notice = await _recordable(turn, number)
    if notice is None:
        return None
    rows = await resolve.assigned(turn, notice, units)
    if rows is None:
        return None
    at = await resolve.happened(turn, when)
    if at is None:
        return None
    if at < notice.issued_at:
        await turn.reply(texts.before_issue(turn.policy, notice, at))
        return None
    return notice, rows, at


async def record_receipt(turn: Turn, command: RecordReceipt) -> None:
    """/签收: a receipt the bot missed (given by phone, say), at the time it was given."""
    found = await _what_and_when(turn, command.number, command.units, command.when)
    if found is None:
        return
    notice, rows, at = found
    note = texts.correction_note(await _actor_name(turn), command.reason)
    previous = {}
    for a in rows:
        previous[a.unit_id] = await notices.correct_receipt(
            turn.session, a.id, at=at, actor=turn.msg.sender_id, now=turn.now, note=note, number=notice.number
        )
    unit_ids = [a.unit_id for a in rows]
    revoked, confirmed = await _settle(turn, notice, unit_ids)
    judged = [
        (a, a.standing(turn.now), previous[a.unit_id]) for a in await _now_judged(turn, notice, unit_ids)
    ]
    await turn.reply(texts.receipts_recorded(turn.policy, notice, at, judged, revoked, confirmed))


async def record_feedback(turn: Turn, command: RecordFeedback) -> None:
    """/反馈: a unit's feedback given outside the group (a report sent by mail, say)."""
    found = await _what_and_when(turn, command.number, [command.unit], command.when)
    if found is None:
        return
    notice, rows, at = found
    if len(rows) != 1:  # a category ("全部乡镇") names several units
        await turn.reply(texts.one_unit_only("反馈"))
        return
    a = rows[0]
    note = texts.correction_note(await _actor_name(turn), "督查室补记")
    if a.received_at is None:  # feedback shows the notice arrived, as when a liaison reports in the group
        await notices.correct_receipt(
            turn.session, a.id, at=at, actor=turn.msg.sender_id, now=turn.now, note=note, number=notice.number
        )
    await notices.add_feedback(
        turn.session,
        a.id,
        kind=command.kind,
        text=command.content,
        at=at,
        by=turn.msg.sender_id,
        message_id=f"office:{turn.msg.id}",
        number=notice.number,
        note=note,
    )
    revoked, confirmed = await _settle(turn, notice, [a.unit_id])
    after = (await _now_judged(turn, notice, [a.unit_id]))[0]
    await turn.reply(
        texts.feedback_recorded(turn.policy, notice, after, command.kind, at, revoked, confirmed)
    )


async def undo(turn: Turn, command: Undo) -> None:
    """/撤销签收, /撤销反馈: take back a wrong record; it stays in the audit log (and, for feedback, the table)."""
    notice = await _recordable(turn, command.number)
    if notice is None:
        return
    rows = await resolve.assigned(turn, notice, command.units)
    if rows is None:
        return
    session, actor, now = turn.session, turn.msg.sender_id, turn.now
    undone: list[tuple[str, str]] = []  # (unit, what was taken back)
    nothing: list[str] = []
    for a in rows:
        if command.what == "receipt":
            if a.received_at is None:
                nothing.append(a.unit_name)
                continue
            note = texts.undo_note(await _actor_name(turn), command.reason)
            await notices.undo_receipt(session, a.id, actor=actor, now=now, note=note, number=notice.number)
            undone.append((a.unit_name, texts.receipt_taken_back(turn.policy, a)))
        else:
            entry = await notices.undo_latest_feedback(
                session, a.id, actor=actor, now=now, reason=command.reason, number=notice.number
            )
            if entry is None:
                nothing.append(a.unit_name)
                continue
            undone.append((a.unit_name, texts.feedback_taken_back(turn.policy, entry)))
    if not undone:
        await turn.reply(texts.nothing_to_undo(notice, command.what, nothing))
        return
    unit_ids = [a.unit_id for a in rows if a.unit_name not in nothing]
    revoked, confirmed = await _settle(turn, notice, unit_ids)
    await turn.reply(texts.undone(notice, command.what, undone, nothing, revoked, confirmed))


async def reopen(turn: Turn, raw: str) -> None:
    """/恢复: a closed notice is open again (units that still owe something owe it again)."""
    notice = await resolve.notice(turn, raw)
    if notice is None:
        return
    if notice.status != "closed":
        await turn.reply(texts.cannot_reopen(notice))
        return
    await notices.set_status(turn.session, notice.id, "open", actor=turn.msg.sender_id, at=turn.now)
    rows = await notices.assignments(turn.session, notice_ids=[notice.id])
    await turn.reply(texts.reopened(turn.policy, notice, [(a, a.standing(turn.now)) for a in rows]))


async def review_queue(turn: Turn, command: Review) -> None:
    """/待核: the replies waiting for the office, with ready commands; /待核 忽略 n takes one off."""
    session = turn.session
    if command.ignore is not None:
        item = await review.settle(
            session, command.ignore, status="ignored", actor=turn.msg.sender_id, at=turn.now
        )
        await turn.reply(texts.review_ignored(command.ignore, item))
        return
    waiting = await review.open_items(session)
    await turn.reply(texts.review_list(turn.policy, await review.entries(session, waiting), turn.now))


async def _actor_name(turn: Turn) -> str:
    return turn.person.name if turn.person and turn.person.name else turn.msg.display_name
