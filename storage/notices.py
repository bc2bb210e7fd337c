"""Notices, their assignments to units, receipts and feedback: reads as dataclasses, writes audited."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    CompoundSelect,
    Select,
    and_,
    bindparam,
    cast,
    func,
    insert,
    null,
    or_,
    select,
    union_all,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from storage import audit, changes
from storage.models import Assignment, Delivery, FeedbackEntry, Notice, OutboxMessage, Unit, table_of
from storage.status import Facts, Standing, standing

# Outbox states in which a post may still reach (or may have reached) the unit.
LIVE_POSTS = ("pending", "sending", "sent", "unknown")


@dataclass(frozen=True)
class NoticeView:
    id: int
    year: int
    seq: int
    number: str
    title: str
    body: str
    issued_by: str
    issued_at: datetime
    receipt_due: datetime
    feedback_due: datetime | None
    status: str
    closed_at: datetime | None = None


@dataclass(frozen=True)
class FeedbackView:
    kind: str
    text: str
    at: datetime
    by: str
    note: str | None = None  # recorded by the office, and why


@dataclass(frozen=True)
class AssignmentView:
    """One notice × one unit as recorded; `standing(now)` judges it by the rule book."""

    id: int
    notice_id: int
    unit_id: int
    unit_name: str
    receipt_due: datetime  # effective: the unit's extension or the notice's
    feedback_due: datetime | None
    received_at: datetime | None
    receipt_by: str | None
    excused: bool
    excuse_reason: str | None
    feedback: tuple[FeedbackView, ...]
    notice_status: str = "open"
    closed_at: datetime | None = None
    reached_at: datetime | None = None
    routed: bool = False  # a post carrying the notice to the unit is on its way or may have arrived
    own_receipt_due: bool = False  # the unit has its own (extended) receipt deadline
    own_feedback_due: bool = False
    receipt_note: str | None = None  # a correction by the office (补录, 撤销)
    extended_at: datetime | None = None  # when the unit's own deadline was last moved

    @property
    def pending_delay(self) -> FeedbackView | None:
        """The unit's latest delay request the office has not answered with a new deadline yet."""
        asked = [f for f in self.feedback if f.kind == "delay"]
        if not asked or (self.extended_at is not None and asked[-1].at <= self.extended_at):
            return None
        return asked[-1]

    @property
    def awaiting_receipt(self) -> bool:
        """No receipt recorded yet (and not excused): a liaison's 收到 can still apply to it."""
        return not self.excused and self.received_at is None

    @property
    def done(self) -> bool:
        return any(entry.kind == "done" for entry in self.feedback)

    def facts(self) -> Facts:
        return Facts(
            notice_status=self.notice_status,
            closed_at=self.closed_at,
            receipt_due=self.receipt_due,
            feedback_due=self.feedback_due,
            received_at=self.received_at,
            feedback_times=tuple(f.at for f in self.feedback),
            excused=self.excused,
            reached_at=self.reached_at,
            routed=self.routed,
        )

    def standing(self, now: datetime) -> Standing:
        """Receipt and feedback as the rule book judges them at `now`."""
        return standing(self.facts(), now)

    def owes(self, now: datetime) -> bool:
        """Still owes its receipt or its feedback at `now` (what reminders and broadcasts name)."""
        judged = self.standing(now)
        return judged.receipt.owed or judged.feedback.owed


# a NoticeView's fields, in order, read as plain columns (cheaper than whole rows)
_VIEW_COLUMNS = (
    Notice.id,
    Notice.year,
    Notice.seq,
    Notice.number,
    Notice.title,
    Notice.body,
    Notice.issued_by,
    Notice.issued_at,
    Notice.receipt_due,
    Notice.feedback_due,
    Notice.status,
    Notice.closed_at,
)


def _view(notice: Notice) -> NoticeView:
    return NoticeView(
        notice.id,
        notice.year,
        notice.seq,
        notice.number,
        notice.title,
        notice.body,
        notice.issued_by,
        notice.issued_at,
        notice.receipt_due,
        notice.feedback_due,
        notice.status,
        notice.closed_at,
    )


async def next_seq(session: AsyncSession, year: int) -> int:
    current = await session.scalar(select(func.max(Notice.seq)).where(Notice.year == year))
    return (current or 0) + 1


async def create_notice(
    session: AsyncSession,
    *,
    year: int,
    seq: int,
    number: str,
    title: str,
    body: str,
    issued_by: str,
    issued_at: datetime,
    receipt_due: datetime,
    feedback_due: datetime | None,
    unit_ids: Sequence[int],
) -> NoticeView:
    notice = Notice(
        year=year,
        seq=seq,
        number=number,
        title=title,
        body=body,
        issued_by=issued_by,
        issued_at=issued_at,
        receipt_due=receipt_due,
        feedback_due=feedback_due,
        status="open",
    )
    session.add(notice)
    await session.flush()
    session.add_all(Assignment(notice_id=notice.id, unit_id=unit_id, excused=False) for unit_id in unit_ids)
    changes.touch(session, unit_ids, since=min(d for d in (issued_at, receipt_due, feedback_due) if d))
    await audit.record(
        session,
        at=issued_at,
        actor=issued_by,
        action="notice.issue",
        subject=number,
        title=title,
        units=list(unit_ids),
        receipt_due=receipt_due.isoformat(),
        feedback_due=feedback_due.isoformat() if feedback_due else None,
    )
    await session.flush()
    return _view(notice)


async def find_notice(
    session: AsyncSession, seq: int, year: int | None, default_year: int
) -> NoticeView | None:
    """The notice with this number: in `year` if given, else this year's, else the latest year's."""
    query = select(Notice).where(Notice.seq == seq)
    if year is not None:
        query = query.where(Notice.year == year)
    found = (await session.scalars(query.order_by(Notice.year.desc()))).all()
    preferred = [n for n in found if n.year == default_year] or list(found)
    return _view(preferred[0]) if preferred else None


async def notices(
    session: AsyncSession, *, status: str | None = "open", since: datetime | None = None
) -> list[NoticeView]:
    """Notices in issue order, optionally of one status and issued at or after `since`."""
    query = select(*_VIEW_COLUMNS).order_by(Notice.issued_at, Notice.id)
    if status is not None:
        query = query.where(Notice.status == status)
    if since is not None:
        query = query.where(Notice.issued_at >= since)
    return [NoticeView(*row) for row in await session.execute(query)]


# ids per IN list: PostgreSQL (asyncpg) takes at most 32,767 parameters in one statement
ID_BATCH = 10_000


def _receipt_due() -> ColumnElement[datetime]:
    """An assignment's receipt deadline in SQL: its own extension, else the notice's."""
    return func.coalesce(Assignment.receipt_due, Notice.receipt_due)


def _feedback_due() -> ColumnElement[datetime]:
    return func.coalesce(Assignment.feedback_due, Notice.feedback_due)


def _within(due: Any, start: Any, end: Any, *, after_start: bool) -> ColumnElement[bool]:
    return and_(due > start, due <= end) if after_start else and_(due >= start, due < end)


def _no_own(own: Any) -> ColumnElement[Any]:
    """A NULL of `own`'s type: the rows of an extension need no check of their own deadline."""
    return cast(null(), own.type)


def _due_statement(column: Any, *, after_start: bool) -> CompoundSelect[Any]:
    """`column` of the assignments with a receipt or feedback deadline in (:start, :end] (`after_start`) or
    [:start, :end), each with the unit's own deadline when the notice's matched (NULL when its own did).

    Four indexed range reads in one statement (a unit's own deadline, else its notice's), instead of a scan
    of every assignment ever made, which the effective deadline `coalesce(own, notice's)` would need. The
    unit's own deadline of a notice's match is checked by the caller, not in SQL: a planner without
    statistics would read `own IS NULL` (nearly every assignment) through its index instead of the notices'
    due times."""
    start: BindParameter[datetime] = bindparam("start")
    end: BindParameter[datetime] = bindparam("end")
    reads: list[Select[Any]] = []
    for own, notice_due in (
        (Assignment.receipt_due, Notice.receipt_due),
        (Assignment.feedback_due, Notice.feedback_due),
    ):
        reads.append(select(column, _no_own(own)).where(_within(own, start, end, after_start=after_start)))
        reads.append(
            select(column, own)
            .join(Notice, Assignment.notice_id == Notice.id)
            .where(_within(notice_due, start, end, after_start=after_start))
        )
    return union_all(*reads)


# Built once: the deadline duty asks after every message, the ranking once a day.
_UNITS_DUE_BETWEEN = _due_statement(Assignment.unit_id, after_start=True)
_NOTICES_DUE_WITHIN = _due_statement(Assignment.notice_id, after_start=False)


async def _due_within(
    session: AsyncSession, statement: CompoundSelect[Any], start: datetime, end: datetime
) -> set[Any]:
    """The values a `_due_statement` finds, those of a notice's deadline only where the unit has none."""
    rows = await session.execute(statement, {"start": start, "end": end})
    return {value for value, own_due in rows if own_due is None}


async def units_due_between(session: AsyncSession, start: datetime, end: datetime) -> set[int]:
    """Units with a receipt or feedback deadline in (start, end]: whose outcomes time may have changed."""
    return await _due_within(session, _UNITS_DUE_BETWEEN, start, end)


async def notice_ids_due_within(session: AsyncSession, start: datetime, end: datetime) -> set[int]:
    """Notices with a receipt or feedback deadline in [start, end), the notice's or a unit's own: those a
    period's assessment counts."""
    return await _due_within(session, _NOTICES_DUE_WITHIN, start, end)


def _issued_since(since: datetime) -> ColumnElement[bool]:
    """An assignment's notice was issued at or after `since`: the notices' ids as a subquery on their issue
    index, so that the assignments are found by notice (on SQLite and, with statistics, PostgreSQL); a
    join condition would let a planner without statistics walk every assignment the units ever had."""
    return Assignment.notice_id.in_(select(Notice.id).where(Notice.issued_at >= since).scalar_subquery())


def _owing_statement() -> CompoundSelect[Any]:
    """Unit, issue time and (where the notice's deadline matched) the unit's own deadline of every
    assignment of a notice issued before :due_from with a receipt or feedback deadline at or after it: four
    indexed range reads on the deadlines (the issue time is wrapped so that no planner starts from it and
    walks every notice ever issued; the few rows it drops are no longer turned into Python)."""
    due_from: BindParameter[datetime] = bindparam("due_from")
    reads: list[Select[Any]] = []
    for own, notice_due in (
        (Assignment.receipt_due, Notice.receipt_due),
        (Assignment.feedback_due, Notice.feedback_due),
    ):
        joined = select(Assignment.unit_id, Notice.issued_at).where(
            func.coalesce(Notice.issued_at, Notice.issued_at) < due_from
        )
        reads.append(
            joined.add_columns(_no_own(own))
            .join(Notice, Assignment.notice_id == Notice.id)
            .where(own >= due_from)
        )
        reads.append(
            joined.add_columns(own)
            .join(Notice, Assignment.notice_id == Notice.id)
            .where(notice_due >= due_from)
        )
    return union_all(*reads)


# Built once: the deadline duty asks on every pass that judges history.
_OWING_AFTER = _owing_statement()


# An assignment with a deadline at or after a moment (`owing_after`): its unit, its notice's issue time and,
# where the notice's deadline matched, the unit's own (then it is the one that counts, checked here).
OwingRow = tuple[int, datetime, datetime | None]


async def owing_after(session: AsyncSession, due_from: datetime) -> list[OwingRow]:
    """Every assignment of a notice issued before `due_from` with a receipt or feedback deadline at or after
    it, in one statement read from the deadlines' indexes (few deadlines lie after `due_from`): for
    `units_owing`."""
    return [
        (unit_id, issued_at, own_due)
        for unit_id, issued_at, own_due in await session.execute(_OWING_AFTER, {"due_from": due_from})
    ]


def units_owing(
    rows: Sequence[OwingRow], unit_ids: Collection[int], *, issued: tuple[datetime, datetime]
) -> dict[int, datetime]:
    """Pure: of `unit_ids`, those with an assignment in `rows` (`owing_after` a moment) of a notice issued
    in [start, end) (`issued`): a receipt or feedback deadline at or after that moment; each with the
    earliest such notice's issue time.

    The issue times, units and a unit's own deadline are checked here, not in SQL, where a planner without
    statistics would start from them instead and read every assignment of the window (a year of notices on
    every deadline pass)."""
    start, end = issued
    wanted = set(unit_ids)
    earliest: dict[int, datetime] = {}
    for unit_id, issued_at, own_due in rows:
        if own_due is None and unit_id in wanted and start <= issued_at < end:
            earliest[unit_id] = min(issued_at, earliest.get(unit_id, issued_at))
    return earliest


async def notices_by_id(session: AsyncSession, ids: Collection[int]) -> dict[int, NoticeView]:
    """The notices with these ids (read by primary key, however old)."""
    wanted = sorted(set(ids))
    found: dict[int, NoticeView] = {}
    for chunk in (wanted[i : i + ID_BATCH] for i in range(0, len(wanted), ID_BATCH)):
        for row in await session.execute(select(*_VIEW_COLUMNS).where(Notice.id.in_(chunk))):
            found[row.id] = NoticeView(*row)
    return found


# an assignment's own columns as an AssignmentView is built from them (`_assignment_view`)
_ASSIGNMENT_COLUMNS = (
    Assignment.id,
    Assignment.unit_id,
    Unit.name,
    Assignment.receipt_due,
    Assignment.feedback_due,
    Assignment.received_at,
    Assignment.receipt_by,
    Assignment.excused,
    Assignment.excuse_reason,
    Assignment.reached_at,
    Assignment.receipt_note,
    Assignment.extended_at,
)
_ASSIGNMENT_WIDTH = len(_ASSIGNMENT_COLUMNS)
# the notice's columns an AssignmentView needs besides the assignment's, in `_assignment_view`'s order
_NOTICE_FACTS = (Notice.id, Notice.receipt_due, Notice.feedback_due, Notice.status, Notice.closed_at)


def _assignment_view(
    row: Sequence[Any], notice: Sequence[Any], feedback: tuple[FeedbackView, ...], routed: bool
) -> AssignmentView:
    """An AssignmentView from a row of `_ASSIGNMENT_COLUMNS` and its notice's `_NOTICE_FACTS`."""
    (
        assignment_id,
        unit_id,
        unit_name,
        own_receipt_due,
        own_feedback_due,
        received_at,
        receipt_by,
        excused,
        excuse_reason,
        reached_at,
        receipt_note,
        extended_at,
    ) = row
    notice_id, receipt_due, feedback_due, status, closed_at = notice
    return AssignmentView(
        assignment_id,
        notice_id,
        unit_id,
        unit_name,
        own_receipt_due or receipt_due,
        own_feedback_due or feedback_due,
        received_at,
        receipt_by,
        excused,
        excuse_reason,
        feedback,
        status,
        closed_at,
        reached_at,
        routed,
        own_receipt_due is not None,
        own_feedback_due is not None,
        receipt_note,
        extended_at,
    )


async def assignments(
    session: AsyncSession,
    *,
    notice_ids: Sequence[int] | None = None,
    unit_id: int | None = None,
    unit_ids: Collection[int] | None = None,
    due_after: datetime | None = None,
    unsettled_at: datetime | None = None,
) -> list[AssignmentView]:
    """Assignments with their feedback, ordered by notice issue time then assignment id.

    `due_after`: only those with a receipt or feedback deadline after that moment. `unsettled_at`: only those
    that may still owe something at that moment (not excused; no receipt by then, or a feedback deadline and
    no feedback by then): every one that `owes` then, without the many settled long before. Rows are read as plain columns (no ORM objects),
    which keeps a five-year read cheap.
    """
    query = (
        select(*_ASSIGNMENT_COLUMNS, *_NOTICE_FACTS)
        .join_from(Assignment, Notice, Assignment.notice_id == Notice.id)
        .join(Unit, Assignment.unit_id == Unit.id)
        .order_by(Notice.issued_at, Notice.id, Assignment.id)
    )
    if notice_ids is not None:
        query = query.where(Assignment.notice_id.in_(notice_ids))
    if unit_id is not None:
        query = query.where(Assignment.unit_id == unit_id)
    if unit_ids is not None:
        query = query.where(Assignment.unit_id.in_(unit_ids))
    if due_after is not None:
        query = query.where(or_(_receipt_due() > due_after, _feedback_due() > due_after))
    if unsettled_at is not None:
        reported = select(FeedbackEntry.id).where(
            FeedbackEntry.assignment_id == Assignment.id,
            FeedbackEntry.revoked_at.is_(None),
            FeedbackEntry.at <= unsettled_at,
        )
        query = query.where(
            Assignment.excused.is_(False),
            or_(
                Assignment.received_at.is_(None),
                Assignment.received_at > unsettled_at,
                and_(_feedback_due().is_not(None), ~reported.exists()),
            ),
        )
    rows = (await session.execute(query)).all()
    ids = [row[0] for row in rows]
    entries: dict[int, list[FeedbackView]] = {}
    routed: set[int] = set()
    for chunk in (ids[i : i + ID_BATCH] for i in range(0, len(ids), ID_BATCH)):
        # The post's status is checked here, not in SQL: a planner would otherwise start from the outbox's
        # status index and probe every live post ever sent against this list.
        posts = (
            select(Delivery.assignment_id, OutboxMessage.status)
            .join(OutboxMessage, Delivery.outbox_id == OutboxMessage.id)
            .where(Delivery.assignment_id.in_(chunk))
        )
        routed.update(a for a, status in (await session.execute(posts)).all() if status in LIVE_POSTS)
        feedback_query = (
            select(
                FeedbackEntry.assignment_id,
                FeedbackEntry.kind,
                FeedbackEntry.text,
                FeedbackEntry.at,
                FeedbackEntry.by,
                FeedbackEntry.note,
            )
            .where(FeedbackEntry.assignment_id.in_(chunk), FeedbackEntry.revoked_at.is_(None))
            .order_by(FeedbackEntry.at, FeedbackEntry.id)
        )
        for assignment_id, kind, text, at, by, note in (await session.execute(feedback_query)).all():
            entries.setdefault(assignment_id, []).append(FeedbackView(kind, text, at, by, note))
    return [
        _assignment_view(
            row[:_ASSIGNMENT_WIDTH], row[_ASSIGNMENT_WIDTH:], tuple(entries.get(row[0], ())), row[0] in routed
        )
        for row in rows
    ]


# An assignment with its notice, its live post (or none) and its feedback, in one statement: one row per
# feedback entry (or one without), in notice order. Whether a live post carries the notice is asked per row,
# through the deliveries' assignment index, never from the outbox's status index: as a scalar subquery
# (first post or NULL), which PostgreSQL evaluates per row, where for EXISTS over many rows (a year of
# history) it would build a hash of every delivery ever made joined with the outbox; and with the status
# wrapped, or PostgreSQL probes every live post ever sent (its status index) for each row.
_ITEMS = (
    select(
        *_VIEW_COLUMNS,
        *_ASSIGNMENT_COLUMNS,
        select(Delivery.id)
        .where(
            Delivery.assignment_id == Assignment.id,
            Delivery.outbox_id == OutboxMessage.id,
            func.coalesce(OutboxMessage.status, OutboxMessage.status).in_(LIVE_POSTS),
        )
        .limit(1)
        .scalar_subquery()
        .is_not(None)
        .label("routed"),
        FeedbackEntry.kind,
        FeedbackEntry.text,
        FeedbackEntry.at,
        FeedbackEntry.by,
        FeedbackEntry.note,
    )
    .join_from(Assignment, Notice, Assignment.notice_id == Notice.id)
    .join(Unit, Assignment.unit_id == Unit.id)
    .outerjoin(
        FeedbackEntry, and_(FeedbackEntry.assignment_id == Assignment.id, FeedbackEntry.revoked_at.is_(None))
    )
    .order_by(Notice.issued_at, Notice.id, Assignment.id, FeedbackEntry.at, FeedbackEntry.id)
)
_NOTICE_WIDTH = len(
    _VIEW_COLUMNS
)  # an `_ITEMS` row: the notice's columns, then the assignment's, then feedback
# Built once: a unit's open items are read for nearly every liaison reply. The open notices are a subquery
# on `notice_id` so that the planner starts from them and the (notice, unit) index, not from the unit's
# index and every assignment the unit ever had.
_UNIT_OPEN_ITEMS = _ITEMS.where(
    Assignment.unit_id == bindparam("unit_id"),
    Assignment.notice_id.in_(select(Notice.id).where(Notice.status == "open").scalar_subquery()),
    Assignment.excused.is_(False),
)
_DONE_REPORT = aliased(FeedbackEntry)
# Built once: of those, the ones a reply may still bear on, still awaiting a receipt or a final report (a year into
# a county's work, a fifth of a unit's open items), and those of the notices it names (by number, or quoted).
_UNIT_UNFINISHED_ITEMS = _UNIT_OPEN_ITEMS.where(
    or_(
        Assignment.received_at.is_(None),
        ~select(_DONE_REPORT.id)
        .where(
            _DONE_REPORT.assignment_id == Assignment.id,
            _DONE_REPORT.kind == "done",
            _DONE_REPORT.revoked_at.is_(None),
        )
        .correlate(Assignment)
        .exists(),
        Notice.seq.in_(bindparam("seqs", expanding=True)),
        Notice.id == bindparam("notice_id"),
    )
)
# What every deadline pass reminds of and notes: the assignments of the open notices issued since a moment
# (read first, from their status index) with a deadline after `window`.
_OPEN_DUE_AFTER = (
    Assignment.notice_id.in_(
        select(Notice.id)
        .where(Notice.status == "open", Notice.issued_at >= bindparam("since"))
        .scalar_subquery()
    ),
    or_(_receipt_due() > bindparam("window"), _feedback_due() > bindparam("window")),
)
# Built once: their deadlines alone, which is all a pass needs to plan by (no units, posts or feedback).
_OPEN_DEADLINES_AFTER = (
    select(Notice.id, Notice.issued_at, _receipt_due(), _feedback_due())
    .join_from(Assignment, Notice, Assignment.notice_id == Notice.id)
    .where(*_OPEN_DUE_AFTER)
    .distinct()
)


async def _read_items(
    session: AsyncSession, query: Any, params: dict[str, Any]
) -> list[tuple[NoticeView, AssignmentView]]:
    """The items of an `_ITEMS` query, each assignment's feedback gathered from its rows."""
    read: Sequence[Any] = (await session.execute(query, params)).all()
    rows: dict[int, tuple[Any, list[FeedbackView]]] = {}
    for row in read:
        _, entries = rows.setdefault(row[_NOTICE_WIDTH], (row, []))
        kind, text, at, by, note = row[-5:]
        if kind is not None:
            entries.append(FeedbackView(kind, text, at, by, note))
    items = []
    views: dict[int, NoticeView] = {}  # one view per notice, shared by its assignments
    for row, entries in rows.values():
        notice = views.get(row[0]) or views.setdefault(row[0], NoticeView(*row[:_NOTICE_WIDTH]))
        own = row[_NOTICE_WIDTH : _NOTICE_WIDTH + _ASSIGNMENT_WIDTH]
        facts = (notice.id, notice.receipt_due, notice.feedback_due, notice.status, notice.closed_at)
        assignment = _assignment_view(
            own, facts, tuple(entries), bool(row[_NOTICE_WIDTH + _ASSIGNMENT_WIDTH])
        )
        items.append((notice, assignment))
    return items


async def unit_open_items(session: AsyncSession, unit_id: int) -> list[tuple[NoticeView, AssignmentView]]:
    """The unit's assignments of open notices, not excused, each with its notice, in notice issue order."""
    return await _read_items(session, _UNIT_OPEN_ITEMS, {"unit_id": unit_id})


async def unit_unfinished_items(
    session: AsyncSession, unit_id: int, *, seqs: Collection[int] = (), notice_id: int | None = None
) -> list[tuple[NoticeView, AssignmentView]]:
    """The unit's open items (as `unit_open_items`) that still await a receipt or a report of the work done
    (no done feedback), and those of the notices numbered `seqs` or with id `notice_id`, in notice issue order."""
    params = {"unit_id": unit_id, "seqs": sorted(seqs), "notice_id": notice_id}
    return await _read_items(session, _UNIT_UNFINISHED_ITEMS, params)


async def open_items_of(
    session: AsyncSession, notice_ids: Collection[int], unit_ids: Collection[int]
) -> list[tuple[NoticeView, AssignmentView]]:
    """The assignments of `unit_ids` to the open notices among `notice_ids` (few: those replies waiting for
    the office name), each with its notice, in notice issue order: one statement."""
    query = _ITEMS.where(
        Assignment.notice_id.in_(sorted(notice_ids)),
        Assignment.unit_id.in_(sorted(unit_ids)),
        Notice.status == "open",
    )
    return await _read_items(session, query, {})


@dataclass(frozen=True)
class Deadline:
    """One deadline of an open notice, shared by the assignments that have it."""

    notice_id: int
    field: str  # "receipt" or "feedback"
    due: datetime
    issued_at: datetime


async def open_deadlines_after(session: AsyncSession, *, since: datetime, window: datetime) -> list[Deadline]:
    """The deadlines of what `open_items_due_after` reads, each once (by notice in issue order, receipts first,
    then by time), without the assignments: a deadline pass plans by them and reads the few it acts on."""
    rows = await session.execute(_OPEN_DEADLINES_AFTER, {"since": since, "window": window})
    found = {
        Deadline(notice_id, field, due, issued_at)
        for notice_id, issued_at, receipt_due, feedback_due in rows
        for field, due in (("receipt", receipt_due), ("feedback", feedback_due))
        if due is not None
    }
    return sorted(found, key=lambda d: (d.issued_at, d.notice_id, d.field != "receipt", d.due))


async def open_items_due_after(
    session: AsyncSession, *, since: datetime, window: datetime, notice_ids: Collection[int]
) -> list[tuple[NoticeView, AssignmentView]]:
    """Assignments of the open notices among `notice_ids` issued at or after `since` with a receipt or
    feedback deadline after `window`, each with its notice, in notice issue order (one statement)."""
    query = _ITEMS.where(*_OPEN_DUE_AFTER, Assignment.notice_id.in_(sorted(notice_ids)))
    return await _read_items(session, query, {"since": since, "window": window})


async def items_issued_since(
    session: AsyncSession,
    since: datetime,
    unit_ids: Collection[int] | None = None,
    *,
    due_from: datetime | None = None,
) -> list[tuple[NoticeView, AssignmentView]]:
    """Assignments of the notices issued at or after `since` (of `unit_ids`, or every unit; `due_from`: only
    those with a deadline at or after it), each with its notice, in notice issue order, in one statement."""
    query = _ITEMS.where(_issued_since(since))
    if unit_ids is not None:
        query = query.where(Assignment.unit_id.in_(unit_ids))
    if due_from is not None:
        query = query.where(or_(_receipt_due() >= due_from, _feedback_due() >= due_from))
    return await _read_items(session, query, {})


async def unit_items_of(
    session: AsyncSession, unit_id: int, notice_ids: Collection[int]
) -> list[tuple[NoticeView, AssignmentView]]:
    """The unit's assignments to these notices, each with its notice, in notice issue order."""
    query = _ITEMS.where(Assignment.unit_id == unit_id, Assignment.notice_id.in_(sorted(notice_ids)))
    return await _read_items(session, query, {})


async def set_status(
    session: AsyncSession, notice_id: int, status: str, *, actor: str, at: datetime, reason: str = ""
) -> None:
    notice = await session.get_one(Notice, notice_id)
    previous = notice.status
    notice.status = status
    notice.closed_at = at if status != "open" else None
    changes.touch_notice(session, notice_id)
    await audit.record(
        session,
        at=at,
        actor=actor,
        action=f"notice.{status}",
        subject=notice.number,
        previous=previous,
        reason=reason,
    )


async def set_due(
    session: AsyncSession,
    notice_id: int,
    *,
    field: str,
    when: datetime,
    unit_ids: Sequence[int] | None,
    actor: str,
    at: datetime,
) -> None:
    """Extend (or move) the receipt or feedback deadline, for the whole notice or some units."""
    notice = await session.get_one(Notice, notice_id)
    if unit_ids is None:
        changes.touch_notice(session, notice_id)
        setattr(notice, f"{field}_due", when)
        # A unit's own earlier extension gives way to a later deadline for everyone.
        own = (await session.scalars(select(Assignment).where(Assignment.notice_id == notice_id))).all()
        for row in own:
            row.extended_at = at
            if getattr(row, f"{field}_due") is not None and getattr(row, f"{field}_due") <= when:
                setattr(row, f"{field}_due", None)
    else:
        rows = (
            await session.scalars(
                select(Assignment).where(Assignment.notice_id == notice_id, Assignment.unit_id.in_(unit_ids))
            )
        ).all()
        for row in rows:
            setattr(row, f"{field}_due", when)
            row.extended_at = at
        changes.touch(session, [row.unit_id for row in rows])
    await audit.record(
        session,
        at=at,
        actor=actor,
        action=f"notice.extend_{field}",
        subject=notice.number,
        due=when.isoformat(),
        units=list(unit_ids) if unit_ids is not None else "all",
    )


async def excuse(
    session: AsyncSession, notice_id: int, unit_ids: Sequence[int], *, reason: str, actor: str, at: datetime
) -> None:
    notice = await session.get_one(Notice, notice_id)
    rows = (
        await session.scalars(
            select(Assignment).where(Assignment.notice_id == notice_id, Assignment.unit_id.in_(unit_ids))
        )
    ).all()
    for row in rows:
        row.excused, row.excuse_reason, row.excused_by, row.excused_at = True, reason, actor, at
    changes.touch(session, [row.unit_id for row in rows])
    await audit.record(
        session,
        at=at,
        actor=actor,
        action="assignment.excuse",
        subject=notice.number,
        units=list(unit_ids),
        reason=reason,
    )


_ASSIGNMENTS = table_of(Assignment)
# Built once: the first receipt of an assignment, in one statement (a later one matches no row).
_RECEIPT = (
    update(_ASSIGNMENTS)
    .where(_ASSIGNMENTS.c.id == bindparam("assignment_id"), _ASSIGNMENTS.c.received_at.is_(None))
    .values(
        received_at=bindparam("at"), receipt_by=bindparam("by"), receipt_message_id=bindparam("message_id")
    )
    .returning(_ASSIGNMENTS.c.unit_id)
)
# Built once: a unit's feedback is written as a plain row (nothing reads it back in the same turn as an object).
_ADD_FEEDBACK = insert(table_of(FeedbackEntry))


async def record_receipt(
    session: AsyncSession, assignment_id: int, *, at: datetime, by: str, message_id: str, number: str
) -> bool:
    """Record the first receipt of an assignment; a later one changes nothing (returns False)."""
    unit_id = await session.scalar(
        _RECEIPT, {"assignment_id": assignment_id, "at": at, "by": by, "message_id": message_id}
    )
    if unit_id is None:
        return False
    changes.touch(session, [unit_id], since=at)
    await audit.record(
        session,
        at=at,
        actor=by,
        action="assignment.receipt",
        subject=number,
        assignment_id=assignment_id,
        message_id=message_id,
    )
    return True


async def add_feedback(
    session: AsyncSession,
    assignment_id: int,
    *,
    kind: str,
    text: str,
    at: datetime,
    by: str,
    message_id: str,
    number: str,
    note: str | None = None,
) -> None:
    await session.execute(
        _ADD_FEEDBACK,
        {
            "assignment_id": assignment_id,
            "kind": kind,
            "text": text,
            "at": at,
            "by": by,
            "message_id": message_id,
            "note": note,
        },
    )
    changes.touch_assignments(session, [assignment_id], since=at)
    await audit.record(
        session,
        at=at,
        actor=by,
        action=f"assignment.feedback.{kind}",
        subject=number,
        assignment_id=assignment_id,
        message_id=message_id,
    )


async def correct_receipt(
    session: AsyncSession,
    assignment_id: int,
    *,
    at: datetime,
    actor: str,
    now: datetime,
    note: str,
    number: str,
) -> datetime | None:
    """The office records a receipt at `at` (replacing a wrong one); returns the receipt time it replaced."""
    row = await session.get_one(Assignment, assignment_id)
    previous = row.received_at
    row.received_at, row.receipt_by, row.receipt_message_id, row.receipt_note = at, actor, None, note
    changes.touch(session, [row.unit_id])
    await audit.record(
        session,
        at=now,
        actor=actor,
        action="assignment.receipt.recorded",
        subject=number,
        assignment_id=assignment_id,
        received_at=at.isoformat(),
        previous=previous.isoformat() if previous else None,
        note=note,
    )
    return previous


async def undo_receipt(
    session: AsyncSession, assignment_id: int, *, actor: str, now: datetime, note: str, number: str
) -> datetime | None:
    """Take back a receipt recorded in error; the audit log keeps what it was. Returns its time."""
    row = await session.get_one(Assignment, assignment_id)
    previous, by = row.received_at, row.receipt_by
    row.received_at, row.receipt_by, row.receipt_message_id, row.receipt_note = None, None, None, note
    changes.touch(session, [row.unit_id])
    await audit.record(
        session,
        at=now,
        actor=actor,
        action="assignment.receipt.undone",
        subject=number,
        assignment_id=assignment_id,
        previous=previous.isoformat() if previous else None,
        previous_by=by,
        note=note,
    )
    return previous


async def undo_latest_feedback(
    session: AsyncSession, assignment_id: int, *, actor: str, now: datetime, reason: str, number: str
) -> FeedbackView | None:
    """Take back the unit's latest feedback (it stays in the table and the audit log, marked revoked)."""
    entry = await session.scalar(
        select(FeedbackEntry)
        .where(FeedbackEntry.assignment_id == assignment_id, FeedbackEntry.revoked_at.is_(None))
        .order_by(FeedbackEntry.at.desc(), FeedbackEntry.id.desc())
        .limit(1)
    )
    if entry is None:
        return None
    entry.revoked_at, entry.revoked_by, entry.revoke_reason = now, actor, reason
    changes.touch_assignments(session, [assignment_id])
    await audit.record(
        session,
        at=now,
        actor=actor,
        action="assignment.feedback.undone",
        subject=number,
        assignment_id=assignment_id,
        feedback_id=entry.id,
        kind=entry.kind,
        text=entry.text[:200],
        reason=reason,
    )
    return FeedbackView(entry.kind, entry.text, entry.at, entry.by, entry.note)


async def notice_of_sent_message(session: AsyncSession, transport_message_id: str) -> int | None:
    """The notice a message the bot sent belongs to (for quoted replies)."""
    return await session.scalar(
        select(OutboxMessage.notice_id)
        .where(OutboxMessage.transport_message_id == transport_message_id)
        .order_by(OutboxMessage.id.desc())  # ids may repeat across replays over one database: the latest
        .limit(1)
    )
