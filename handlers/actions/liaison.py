"""Liaison replies: decide which notices a reply is about and record receipts, feedback and delays."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from handlers import texts
from handlers.actions.context import Turn
from handlers.policy import Policy
from handlers.reading.classify import (
    Clause,
    Reading,
    classify,
    part_texts,
    parts,
    read_clauses,
    summarise,
    title_fits,
)
from handlers.reading.notice_ref import NoticeRef, fold
from handlers.reading.timeparse import TimeParseError, parse_deadline
from handlers.reading.units import UnitNames, units_named
from storage import directory, notices, questions, review
from storage.directory import UnitView
from storage.notices import AssignmentView, NoticeView

Item = tuple[NoticeView, AssignmentView]
# The sender's unit named beside another: "我们和城关镇都收到了", "财政局和我们委都已完成".
_OWN_TOO = re.compile(
    r"(?:我们|我|本)(?:单位|局|委|镇|乡|街道)?(?:和|与|及|跟|、)|(?:和|与|及|跟|、)(?:我们|我[局委镇乡]|本单位|我单位)"
    # "已会同住建局制定…", "已对接交通局": its partner (not "交通局已和河口镇对接": theirs)
    r"|^[^,。;局委镇乡办街区心]{0,12}?已经?(?:会同|联合|协同|对接|跟|与|和|同)"
    # the other unit as who it helped: "配合教育局查了12所学校"
    r"|配合|协助"
)
# The other unit as whom the work went to, at a clause's end: "已经报到应急局了", "已提供给统计局", "已经报财政局审核了";
# or whom money went to: "配套资金1260万元已于9月6日拨付到县农业农村局账户". It names no one who acted: "河口镇已经报到
# 应急局了" is 河口镇's.
_TO_ANOTHER = re.compile(
    r"(?:报|交|送|发|传|提供|反馈)(?:到|给|至)?[\u4e00-\u9fff]{1,8}?(?:局|委|办|镇|乡|街道|中心|站)"
    r"(?:审核|审批|汇总|备案)?了?[哈啊呀啦呢哦]?$"
    r"|(?:拨付?|下拨|划拨|转拨|兑付|支付|划转)(?:到|给|至)[\u4e00-\u9fff]{1,10}?(?:局|委|办|镇|乡|街道|中心|站|区)(?:账户|专户|账上)?了?$"
)
# A county department, whose work is done in the townships' villages, markets and schools.
_DEPARTMENT = re.compile(r"(?:局|委|委员会|办|管委会|中心)$")
# Speaking for another unit it names: "代河口镇回复：收到", "河口镇的同志让我转告：收到".
_ON_BEHALF = re.compile(r"代|替|帮|转告|托我|让我|委托")


# What no signed name holds (收, 已, 今 …), and what none starts with: 马 opens 马上 (老马, 小马 are names).
_NOT_IN_A_NAME = r"收|签|已|阅|完|报|在|正|没|未|的|也|都|还|立|今|明|昨|下|上|全|好|要|会|有|无"
_NOT_A_NAME = rf"马|{_NOT_IN_A_NAME}"
_PINYIN_NAME = r"(?i:[a-z]{2,10}(?:\s?[a-z]{2,10})?)"  # "Liu", "Xiao Wang"


def _without_signature(text: str, own: UnitNames) -> str:
    """The reply without the sender's own unit written apart as a signature ("收到 王庄", "收到101（东关街道）",
    "110号 ok 柳林"): it names who speaks, not what was received."""
    names = "|".join(re.escape(fold(n)) for n in sorted((own.name, *own.aliases), key=len, reverse=True) if n)
    if not names:
        return text
    text = fold(text)  # as it is read: "收悉 石橋" is signed 石桥
    # apart from the words, or before a number ("收到 王庄乡60号"); a person's name may follow, in characters or
    # in pinyin ("收到 河口镇 张", "收到 交通局 Liu")
    apart = (
        rf"(?:(?<=\s)|(?<=^))(?:{names})(?:\s*(?:(?!{_NOT_A_NAME})[\u4e00-\u9fff](?:(?!{_NOT_IN_A_NAME})[\u4e00-\u9fff]){{0,2}}|{_PINYIN_NAME})$|(?=\s|$|\d))"
        rf"|[(（](?:{names})[)）]"
    )
    return re.sub(apart, " ", text).strip() or text


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
    """Items the reply names (by number or by quoting the notice); the flag is False if a reference fits none.

    A number written beats the quote: 「12号…」 quoted with "13号还在办" speaks of 13 only (what a liaison
    writes is what they mean; the quote may only be where they tapped)."""
    chosen: list[Item] = []
    resolved = True
    if quoted_notice_id is not None and not refs:
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


def titled_items(titles: Sequence[str], items: Sequence[Item]) -> list[Item]:
    """The one item whose notice's title holds a subject the reply names ("冬季消防那个收到了"), if only one does."""
    fitting = [item for item in items if any(title_fits(title, item[0].title) for title in titles)]
    return fitting if len(fitting) == 1 else []


def decide(reading: Reading, quoted_notice_id: int | None, items: Sequence[Item]) -> Targets:
    """Pure: the unit's open assignments (oldest first) and a reading → what to record, and what to ask.

    Notices named and found are recorded; a number that fits none of the unit's notices is asked about, and
    so is a reply with a number that may name one of them but was not read as a notice number, or one whose
    number cannot be read for sure ("37l号收到", "廿三号收到"), whatever the unit has open.
    A notice named by its subject only (no number, no quote) is the one whose title holds it, if exactly
    one does; otherwise the reply is read as naming none.
    """
    owing_receipt = [item for item in items if item[1].awaiting_receipt]
    if (
        reading.garbled and not reading.refs
    ):  # "37l号收到", "廿三号收到": which notice? (not the latest by guess)
        candidates = owing_receipt if "receipt" in reading.intents else list(items)
        return Targets(ask=tuple(n for n, _ in candidates) if candidates else None)
    if any(n.seq in reading.unread for n, _ in items):  # "13/14收到": a number that was not read
        named = [n for n, _ in items if n.seq in reading.unread or any(_matches(r, n) for r in reading.refs)]
        return Targets(ask=tuple(named))
    explicit, resolved = explicit_items(reading.refs, quoted_notice_id, items)
    if not explicit and resolved and quoted_notice_id is None and reading.titles:
        explicit = titled_items(reading.titles, items)
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
        if reading.all_owed and len(owing_receipt) > 1:
            # "都收到了" with several owed names no number (every one? the latest, by everyone in the unit?):
            # the liaison is asked which, never guessed; the answer records them as of this reply.
            return Targets(ask=tuple(n for n, _ in owing_receipt))
        receipt = [max(owing_receipt, key=lambda i: (i[0].issued_at, i[0].id))]
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
    """The unit's open items, read once a turn and again after it recorded a receipt or feedback."""
    items = turn.open_items.get(unit_id)
    if items is None:
        items = turn.open_items[unit_id] = await notices.unit_open_items(turn.session, unit_id)
    return items


async def items_to_decide(turn: Turn, unit_id: int, reading: Reading, quoted: int | None) -> list[Item]:
    """What `decide` needs of the unit's open items for this reading, read as few as suffice: those still awaiting
    a receipt or a report of the work done, and those of the notices it names (by number, a number it did not
    read, or the quote). `decide` looks at no other item unless the reply names a subject, or a number none of
    the unit's notices fits (it then asks among all of them): then every open item is read."""
    if reading.titles or unit_id in turn.open_items:
        return await unit_items(turn, unit_id)
    seqs = {ref.seq for ref in reading.refs} | set(reading.unread)
    items = await notices.unit_unfinished_items(turn.session, unit_id, seqs=seqs, notice_id=quoted)
    _, resolved = explicit_items(reading.refs, quoted, items)
    return items if resolved else await unit_items(turn, unit_id)


@dataclass(frozen=True)
class Source:
    """The reply being recorded: its own id, time, author and text."""

    message_id: str
    at: datetime
    by: str
    text: str


async def _record(turn: Turn, reading: Reading, targets: Targets, source: Source) -> None:
    """`apply` within a turn: what it records changes open items, so they are read anew when next asked."""
    await apply(turn.session, reading, targets, source)
    if targets.receipt or targets.feedback:
        turn.open_items.clear()


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

    A clause that names another unit ("发改委已收到" from 城关镇) speaks of that unit, not the sender's; so do
    the clauses after one that says the sender speaks for another unit ("代河口镇回复：收到").
    """
    return _read_for_unit(text, own, tuple(units))


@functools.lru_cache(maxsize=1024)
def _read_for_unit(text: str, own: UnitNames, units: tuple[UnitNames, ...]) -> UnitReading:
    """`read_for_unit`, kept for the replies read last: each unit's liaison says the same few things (收到, 好的,
    已完成) again and again."""
    marked: list[Clause] = []
    others: list[str] = []
    for_other: set[int] = set()  # another unit the sender said it speaks for, in a clause of no acts
    # the other units the clause before spoke of: a clause saying the same is theirs ("河口镇12号收到，13号也是")
    theirs: set[int] = set()
    department = _DEPARTMENT.search(own.name) is not None
    for clause in read_clauses(_without_signature(text, own)):
        # a department's work done somewhere in a township ("王庄乡李楼村…验收" from 住建局) is its own; what was
        # received there is the township's
        received = any(a.kind == "received" for a in clause.acts)
        named = units_named(clause.text, units, places=not department or received)
        if to_another := _TO_ANOTHER.search(clause.text):
            named -= units_named(to_another.group(), units)
        if not clause.acts and named - {own.id} and own.id not in named and _ON_BEHALF.search(clause.text):
            for_other = named - {own.id}
        if own.id in named:
            for_other = set()
        named = named or for_other or (theirs if clause.repeats else set())
        theirs = set()
        if named - {own.id} and own.id not in named and clause.acts and not _OWN_TOO.search(clause.text):
            others += [u.name for u in units if u.id in named]
            theirs = named
            clause = replace(
                clause, acts=tuple(replace(a, mode="others") for a in clause.acts if a.kind != "problem")
            )
        marked.append(clause)
    whole = summarise(marked)
    named_others = tuple(dict.fromkeys(others)) if not whole.intents else ()
    return UnitReading(whole, tuple(summarise(group) for group in parts(marked)), named_others)


async def handle_reply(turn: Turn, unit_id: int, units: Sequence[UnitView]) -> bool:
    """A message from a bound liaison: answer an earlier question, or record what each part says.

    Returns True when the reply was queued for the office to review (/待核): the bot could not place it.
    """
    session, msg = turn.session, turn.msg
    quoted = None
    if msg.quote_id:
        quoted = await notices.notice_of_sent_message(session, msg.quote_id)
    known = [UnitNames(u.id, u.name, u.aliases) for u in units]
    own = next(u for u in known if u.id == unit_id)
    reading = read_for_unit(msg.text, own, known)
    whole = reading.whole
    if whole.problem:
        await _tell_problem(turn, own.name, whole, quoted, await unit_items(turn, unit_id))
    if not whole.intents and (whole.refs or quoted is not None):
        if await _answer_questions(turn, whole, quoted, await unit_items(turn, unit_id)):
            return False
        return await _unplaced(turn, own.name, unit_id, whole)
    if reading.about_others:
        await turn.reply(texts.names_another_unit(msg.display_name, msg.text[:30], reading.about_others))
        return False
    recorded: list[tuple[str, NoticeView]] = []
    for part, words in zip(reading.parts, part_texts(msg.text, len(reading.parts)), strict=True):
        if not part.intents:
            continue
        targets = decide(part, quoted, await items_to_decide(turn, unit_id, part, quoted))
        if targets.ask is not None:
            await _ask(turn, targets.ask, several=part.all_owed, unread=part.unread)
        await _record(turn, part, targets, Source(msg.id, msg.at, msg.sender_id, words))
        recorded += [("receipt", n) for n, _ in targets.receipt]
        kind = "delay" if "delay" in part.intents else part.feedback_kind or "progress"
        recorded += [(kind, n) for n, _ in targets.feedback]
        if kind == "delay":
            for notice, assignment in targets.feedback:
                await _tell_delay(turn, own.name, notice, assignment, words)
    if not whole.intents:
        return await _unplaced(turn, own.name, unit_id, whole)
    if msg.room_id is None and recorded:  # in private the liaison hears what was recorded; groups stay quiet
        await turn.reply(texts.recorded_privately(turn.policy, own.name, recorded, msg.at))
    return False


async def _unplaced(turn: Turn, unit: str, unit_id: int, whole: Reading) -> bool:
    """A reply that records nothing: queue it for the office when it looks related and the unit owes
    something; in private, the liaison always hears what happens to it."""
    private = turn.msg.room_id is None
    if not private and (whole.problem or not whole.related):
        return False  # group chat: nothing to look up
    # in private the liaison hears of every open notice; what the unit owes is among what `decide` reads
    items = await (unit_items(turn, unit_id) if private else items_to_decide(turn, unit_id, whole, None))
    owed = [n for n, a in items if a.owes(turn.now)]
    if whole.problem or not whole.related or not owed:
        if private and not whole.problem:
            await turn.reply(texts.private_liaison_help(unit, [n for n, _ in items]))
        return False
    added = await review.add(
        turn.session,
        message_id=turn.msg.id,
        unit_id=unit_id,
        wechat_id=turn.msg.sender_id,
        room_id=turn.msg.room_id,
        text=turn.msg.text,
        at=turn.msg.at,
        notice_ids=[n.id for n in owed],
    )
    if private:
        await turn.reply(texts.sent_for_review(unit))
    return added


async def _tell_delay(
    turn: Turn, unit: str, notice: NoticeView, assignment: AssignmentView, words: str
) -> None:
    """A delay request reaches the office at once, with the date asked for and a ready /延期."""
    policy = turn.policy
    asked = requested_date(words, turn.msg.at, policy)
    await turn.tell_office(
        texts.delay_requested(policy, unit, notice, assignment, turn.msg, words, asked),
        key=f"delay:{turn.msg.id}:{notice.id}",
        kind="delay",
    )


_ASKED_DATE = r"(?:[0-9]{4}年)?[0-9]{1,2}月[0-9]{1,2}[日号](?:(?:上午|下午|晚上|中午)?[0-9]{1,2}(?:[:：][0-9]{2}|点半?))?|(?:本|下)?(?:周|星期)[一二三四五六日天]"
_ASKED_AFTER_RE = re.compile(rf"(?:延期|推迟|顺延|宽限|延长|延)(?:至|到)\s*({_ASKED_DATE})")
_ASKED_ANY_RE = re.compile(_ASKED_DATE)


def requested_date(text: str, now: datetime, policy: Policy) -> datetime | None:
    """Pure: the new deadline a delay request asks for ("申请延期至12月10日"), if it names a readable one.

    A date after 延期至/推迟到… wins; else the last date in the text (the first is often the old deadline).
    """
    compact = unicodedata.normalize("NFKC", text).replace(" ", "")
    after = [m.group(1) for m in _ASKED_AFTER_RE.finditer(compact)]
    for candidate in [*after, *reversed(_ASKED_ANY_RE.findall(compact))]:
        try:
            return parse_deadline(
                candidate, now, tz=policy.tz, workday_end=policy.workday_end, calendar=policy.calendar
            )
        except TimeParseError:
            continue
    return None


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


async def _ask(
    turn: Turn, candidates: tuple[NoticeView, ...], *, several: bool = False, unread: Sequence[int] = ()
) -> None:
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
        await turn.reply(
            texts.ask_which_notice(
                turn.policy, name, turn.msg.text[:30], candidates, several=several, unread=unread
            )
        )


async def _answer_questions(turn: Turn, answer: Reading, quoted: int | None, items: Sequence[Item]) -> bool:
    """A bare answer ("1号", or quoting the notice) gives earlier unclear replies their notice.

    False when there was no open question for it to answer."""
    session, msg = turn.session, turn.msg
    waiting = await questions.open_questions(session, msg.sender_id, since=msg.at - QUESTION_LIFETIME)
    explicit, resolved = explicit_items(answer.refs, quoted, items)
    if not waiting or not explicit or not resolved:
        return False
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
        await _record(turn, reading, targets, source)
        await questions.resolve(session, question.id, at=msg.at)
    return True


_OWN_QUERY_WORDS = frozenset({"查询", "查询待办", "待办", "待办事项", "查看待办", "查待办", "我的待办"})


def is_own_query(text: str) -> bool:
    """A liaison asking in private what their unit still owes: 查询 or /查询 (and a few plain synonyms)."""
    word = unicodedata.normalize("NFKC", text).strip().lstrip("/、\\").strip()
    return word in _OWN_QUERY_WORDS


async def own_notices(turn: Turn, unit_id: int) -> None:
    """The unit's open notices and what is still owed on each, for its liaison in private."""
    unit = next(u.name for u in await directory.units(turn.session) if u.id == unit_id)
    items = await unit_items(turn, unit_id)
    await turn.reply(
        texts.own_open_notices(turn.policy, unit, [(n, a, a.standing(turn.now)) for n, a in items])
    )
