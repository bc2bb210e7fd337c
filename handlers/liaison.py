"""Liaison replies: decide which notices a reply is about and record receipts, feedback and delays."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from handlers import texts
from handlers.classify import Reading, classify
from handlers.context import Turn
from handlers.notice_ref import NoticeRef, find_notice_refs
from handlers.units import UnitNames, units_named
from storage import directory, notices, questions
from storage.notices import AssignmentView, NoticeView

Item = tuple[NoticeView, AssignmentView]
QUESTION_LIFETIME = timedelta(days=1)  # an unanswered question lapses; a later unclear reply is asked anew
CLAUSE_END = re.compile(r"(?<=[，,。；;！!\n])")


@dataclass(frozen=True)
class Targets:
    """What a reply applies to: assignments to receive, to attach feedback to, or a question to ask."""

    receipt: tuple[Item, ...] = ()
    feedback: tuple[Item, ...] = ()
    ask: tuple[NoticeView, ...] | None = None  # ambiguous: ask, listing these candidates


def _matches(ref: NoticeRef, notice: NoticeView) -> bool:
    return notice.seq == ref.seq and (ref.year is None or notice.year == ref.year)


def explicit_items(
    refs: Sequence[NoticeRef], quoted_notice_id: int | None, items: Sequence[Item]
) -> tuple[list[Item], bool]:
    """Items the reply names (by number or by quoting the notice); the flag is False if a reference fits none."""
    chosen: list[Item] = []
    resolved = True
    if quoted_notice_id is not None:
        quoted = [item for item in items if item[0].id == quoted_notice_id]
        resolved = bool(quoted)
        chosen += quoted
    for ref in refs:
        found = [item for item in items if _matches(ref, item[0])]
        if len(found) != 1:
            resolved = False  # unknown to this unit, or the same number in two years
        else:
            chosen += found
    unique = list({item[1].id: item for item in chosen}.values())
    return unique, resolved


def decide(reading: Reading, quoted_notice_id: int | None, items: Sequence[Item]) -> Targets:
    """Pure: the unit's open assignments (oldest first) and a reading → what to record, or ask."""
    owing_receipt = [item for item in items if item[1].awaiting_receipt]
    explicit, resolved = explicit_items(reading.refs, quoted_notice_id, items)
    wants_feedback = bool(reading.intents & {"feedback", "delay"})
    if not resolved:
        candidates = owing_receipt if "receipt" in reading.intents else list(items)
        # Nothing open to choose from (say, the named notice was withdrawn): nothing to record, nothing to ask.
        return Targets(ask=tuple(n for n, _ in candidates)) if candidates else Targets()
    if explicit:
        receipt = [item for item in explicit if item[1].awaiting_receipt]
        return Targets(
            receipt=tuple(receipt) if "receipt" in reading.intents else (),
            feedback=tuple(explicit) if wants_feedback else (),
        )
    receipt = []
    if "receipt" in reading.intents and owing_receipt:
        receipt = (
            owing_receipt
            if reading.all_owed
            else [max(owing_receipt, key=lambda i: (i[0].issued_at, i[0].id))]
        )
    if not wants_feedback:
        return Targets(receipt=tuple(receipt))
    if receipt:
        return Targets(receipt=tuple(receipt), feedback=tuple(receipt))
    candidates = [item for item in items if not item[1].done and not item[1].excused]
    with_due = [item for item in candidates if item[1].feedback_due is not None]
    candidates = with_due or candidates
    if len(candidates) == 1:
        return Targets(feedback=tuple(candidates))
    if not candidates:
        return Targets()
    return Targets(ask=tuple(n for n, _ in candidates))


async def unit_items(turn: Turn, unit_id: int) -> list[Item]:
    open_notices = {n.id: n for n in await notices.notices(turn.session, status="open")}
    rows = await notices.assignments(turn.session, notice_ids=list(open_notices), unit_id=unit_id)
    return [(open_notices[a.notice_id], a) for a in rows if not a.excused]


@dataclass(frozen=True)
class Source:
    """The reply being recorded: its own id, time, author and text."""

    message_id: str
    at: datetime
    by: str
    text: str


async def apply(session: AsyncSession, reading: Reading, targets: Targets, source: Source) -> None:
    """Record what `targets` says, with the reply's own time and id."""
    at, by, message_id = source.at, source.by, source.message_id
    for notice, assignment in targets.receipt:
        await notices.record_receipt(
            session, assignment.id, number=notice.number, at=at, by=by, message_id=message_id
        )
    kind = "delay" if "delay" in reading.intents else reading.feedback_kind or "progress"
    for notice, assignment in targets.feedback:
        if assignment.received_at is None:
            # Reporting on a notice shows it arrived: record the receipt too (late if past due).
            await notices.record_receipt(
                session, assignment.id, number=notice.number, at=at, by=by, message_id=message_id
            )
        await notices.add_feedback(
            session,
            assignment.id,
            kind=kind,
            text=source.text,
            number=notice.number,
            at=at,
            by=by,
            message_id=message_id,
        )


def notice_parts(text: str) -> list[str]:
    """A reply about several notices ("1号收到，2号已完成") cut into one part per notice it names.

    Clauses without a number belong to the part before them; a message naming fewer than two notices
    in separate clauses stays whole.
    """
    parts: list[str] = []
    for clause in CLAUSE_END.split(text):
        if parts and not find_notice_refs(clause):
            parts[-1] += clause
        elif parts and not find_notice_refs(parts[-1]):
            parts[-1] += clause  # a leading "收到，" goes with the first notice named
        else:
            parts.append(clause)
    return parts if sum(bool(find_notice_refs(p)) for p in parts) > 1 else [text]


async def handle_reply(turn: Turn, unit_id: int) -> None:
    """A message from a bound liaison: answer an earlier question, or record what each part says."""
    quoted = None
    if turn.msg.quote_id:
        quoted = await notices.notice_of_sent_message(turn.session, turn.msg.quote_id)
    whole = classify(turn.msg.text)
    if not whole.intents and (whole.refs or quoted is not None):
        await _answer_questions(turn, whole, quoted, await unit_items(turn, unit_id))
        return
    others = await _other_units(turn, unit_id) if whole.intents else []
    if others:
        await turn.reply(texts.names_another_unit(turn.msg.display_name, turn.msg.text[:30], others))
        return
    for part in notice_parts(turn.msg.text):
        reading = whole if part == turn.msg.text else classify(part)
        if not reading.intents:
            continue
        targets = decide(reading, quoted, await unit_items(turn, unit_id))
        if targets.ask is not None:
            await _ask(turn, targets.ask)
            continue
        await apply(
            turn.session, reading, targets, Source(turn.msg.id, turn.msg.at, turn.msg.sender_id, part)
        )


async def _other_units(turn: Turn, unit_id: int) -> list[str]:
    """Names of other units a reply speaks of ("发改委已收到" from 城关镇): never recorded for the sender's."""
    known = await directory.units(turn.session)
    named = units_named(turn.msg.text, [UnitNames(u.id, u.name, u.aliases) for u in known])
    return [u.name for u in known if u.id in named and u.id != unit_id]


async def _ask(turn: Turn, candidates: tuple[NoticeView, ...]) -> None:
    msg = turn.msg
    waiting = await questions.open_questions(turn.session, msg.sender_id, since=msg.at - QUESTION_LIFETIME)
    questions.add(
        turn.session,
        wechat_id=msg.sender_id,
        room_id=msg.room_id,
        message_id=msg.id,
        text=msg.text,
        at=msg.at,
        candidates=[n.id for n in candidates],
    )
    if not waiting:  # ask once: while a question is open, later unclear replies wait with it
        name = turn.person.name if turn.person and turn.person.name else turn.msg.display_name
        await turn.reply(texts.ask_which_notice(turn.policy, name, turn.msg.text[:30], candidates))


async def _answer_questions(turn: Turn, answer: Reading, quoted: int | None, items: Sequence[Item]) -> None:
    """A bare answer ("1号", or quoting the notice) gives earlier unclear replies their notice."""
    session, msg = turn.session, turn.msg
    waiting = await questions.open_questions(session, msg.sender_id, since=msg.at - QUESTION_LIFETIME)
    explicit, resolved = explicit_items(answer.refs, quoted, items)
    if not waiting or not explicit or not resolved:
        return
    for question in waiting:
        reading = classify(question.text)
        chosen = [item for item in explicit if item[0].id in question.candidates]
        if not chosen:
            continue  # this number answers a different question, not this one
        targets = Targets(
            receipt=tuple(i for i in chosen if i[1].awaiting_receipt) if "receipt" in reading.intents else (),
            feedback=tuple(chosen) if reading.intents & {"feedback", "delay"} else (),
        )
        source = Source(question.message_id, question.at, question.wechat_id, question.text)
        await apply(session, reading, targets, source)
        await questions.resolve(session, question.id, at=msg.at)
