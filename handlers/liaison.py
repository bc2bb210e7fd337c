"""Liaison replies: decide which notices a reply is about and record receipts, feedback and delays."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from handlers import texts
from handlers.classify import Clause, Reading, classify, part_texts, parts, read_clauses, summarise
from handlers.context import Turn
from handlers.notice_ref import NoticeRef
from handlers.units import UnitNames, units_named
from storage import directory, notices, questions
from storage.notices import AssignmentView, NoticeView

Item = tuple[NoticeView, AssignmentView]
QUESTION_LIFETIME = timedelta(days=1)  # an unanswered question lapses; a later unclear reply is asked anew


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
        if len(found) == 1:
            chosen += found
        elif not (ref.heading and not found):  # "27号：…" with no notice 27 is the report's date
            resolved = False  # unknown to this unit, or the same number in two years
    unique = list({item[1].id: item for item in chosen}.values())
    return unique, resolved


def decide(reading: Reading, quoted_notice_id: int | None, items: Sequence[Item]) -> Targets:
    """Pure: the unit's open assignments (oldest first) and a reading → what to record, and what to ask.

    Notices named and found are recorded; a number that fits none of the unit's notices is asked about.
    """
    owing_receipt = [item for item in items if item[1].awaiting_receipt]
    explicit, resolved = explicit_items(reading.refs, quoted_notice_id, items)
    wants_feedback = bool(reading.intents & {"feedback", "delay"})
    ask = None
    if not resolved:
        candidates = owing_receipt if "receipt" in reading.intents else list(items)
        candidates = [item for item in candidates if item not in explicit]
        # Nothing open to choose from (say, the named notice was withdrawn): nothing to ask.
        ask = tuple(n for n, _ in candidates) if candidates else None
        if not explicit:
            return Targets(ask=ask)
    if explicit:
        receipt = [item for item in explicit if item[1].awaiting_receipt]
        return Targets(
            receipt=tuple(receipt) if "receipt" in reading.intents else (),
            feedback=tuple(explicit) if wants_feedback else (),
            ask=ask,
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


@dataclass(frozen=True)
class UnitReading:
    """A reply as it concerns the sender's own unit: as a whole, and per notice it names."""

    whole: Reading
    parts: tuple[Reading, ...]  # one per notice named in separate clauses ("1号收到，2号已完成")
    about_others: tuple[str, ...]  # other units it speaks of, when it says nothing of the sender's own


def read_for_unit(text: str, own: UnitNames, units: Sequence[UnitNames]) -> UnitReading:
    """Pure: what a reply says for the sender's unit (used by `handle_reply` and by `make eval`).

    A clause that names another unit ("发改委已收到" from 城关镇) speaks of that unit, not the sender's.
    """
    marked: list[Clause] = []
    others: list[str] = []
    for clause in read_clauses(text):
        named = units_named(clause.text, units)
        if named - {own.id} and own.id not in named and clause.acts:
            others += [u.name for u in units if u.id in named]
            clause = replace(
                clause, acts=tuple(replace(a, mode="others") for a in clause.acts if a.kind != "problem")
            )
        marked.append(clause)
    whole = summarise(marked)
    named_others = tuple(dict.fromkeys(others)) if not whole.intents else ()
    return UnitReading(whole, tuple(summarise(group) for group in parts(marked)), named_others)


async def handle_reply(turn: Turn, unit_id: int) -> None:
    """A message from a bound liaison: answer an earlier question, or record what each part says."""
    session, msg = turn.session, turn.msg
    quoted = None
    if msg.quote_id:
        quoted = await notices.notice_of_sent_message(session, msg.quote_id)
    known = [UnitNames(u.id, u.name, u.aliases) for u in await directory.units(session)]
    own = next(u for u in known if u.id == unit_id)
    reading = read_for_unit(msg.text, own, known)
    whole = reading.whole
    items = await unit_items(turn, unit_id)
    if whole.problem:
        await _tell_problem(turn, own.name, whole, quoted, items)
    if not whole.intents and (whole.refs or quoted is not None):
        await _answer_questions(turn, whole, quoted, items)
        return
    if reading.about_others:
        await turn.reply(texts.names_another_unit(msg.display_name, msg.text[:30], reading.about_others))
        return
    for part, words in zip(reading.parts, part_texts(msg.text, len(reading.parts)), strict=True):
        if not part.intents:
            continue
        targets = decide(part, quoted, await unit_items(turn, unit_id))
        if targets.ask is not None:
            await _ask(turn, targets.ask)
        await apply(session, part, targets, Source(msg.id, msg.at, msg.sender_id, words))


async def _tell_problem(
    turn: Turn, unit: str, reading: Reading, quoted: int | None, items: Sequence[Item]
) -> None:
    """A unit reports a problem with what arrived (附件打不开): the office hears of it at once."""
    named, _ = explicit_items(reading.refs, quoted, items)
    notices_named = [n for n, _ in named] or [n for n, a in items if a.awaiting_receipt][-1:]
    await turn.tell_office(
        texts.problem_reported(turn.policy, unit, turn.msg, notices_named),
        key=f"problem:{turn.msg.id}",
        kind="problem",
    )


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
