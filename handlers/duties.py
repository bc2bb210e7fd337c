"""Timed duties: pre-deadline reminders, deadline evaluation with penalty proposals, daily and weekly broadcasts.

Every duty reads what is due from the database and marks what it sent with dedup keys, so running it
again (after a restart, or twice by accident) sends nothing twice. The scheduler only decides when.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from handlers import texts
from handlers.context import Policy
from handlers.outgoing import QUIET_MARGIN, in_quiet, quiet_bounds
from handlers.penalties import (
    Outcome,
    Proposal,
    consecutive_lapses,
    outcome_state,
    quarter_of,
    quarterly_count,
)
from handlers.reminders import rooms_for_units
from storage import directory, flags, notices
from storage.db import Database
from storage.directory import PersonView
from storage.flags import FlagView
from storage.notices import AssignmentView, NoticeView

EVALUATION_DELAY = timedelta(seconds=1)  # evaluate just after a deadline, so a reply at the deadline counts
HISTORY = timedelta(days=400)  # how far back the consecutive-lapse rule looks


def reminder_time(policy: Policy, due: datetime, offset: timedelta, issued_at: datetime) -> datetime | None:
    """When a pre-deadline reminder goes out: `offset` before `due`, or just before quiet hours begin.

    None when that moment is not after the notice was issued (a reminder right after the notice
    itself would only be noise).
    """
    moment = due - offset
    if in_quiet(moment, policy.quiet_start, policy.quiet_end, policy.tz):
        moment = quiet_bounds(moment, policy.quiet_start, policy.quiet_end, policy.tz)[0] - QUIET_MARGIN
    return moment if issued_at < moment < due else None


def after_quiet(policy: Policy, moment: datetime) -> datetime:
    """`moment`, or the end of the quiet hours it falls in (for messages that may wait till morning)."""
    if in_quiet(moment, policy.quiet_start, policy.quiet_end, policy.tz):
        return quiet_bounds(moment, policy.quiet_start, policy.quiet_end, policy.tz)[1]
    return moment


def unit_outcomes(
    items: Sequence[tuple[NoticeView, AssignmentView]], now: datetime
) -> tuple[list[Outcome], list[Outcome]]:
    """A unit's receipt and feedback outcomes in notice order; withdrawn and excused ones do not count.

    A notice the office closed before a deadline owes nothing after it was closed.
    """
    receipts: list[Outcome] = []
    feedback: list[Outcome] = []
    for notice, a in items:
        if notice.status == "withdrawn" or a.excused:
            continue
        if not (
            notice.status == "closed"
            and notice.closed_at
            and notice.closed_at < a.receipt_due
            and a.received_at is None
        ):
            receipts.append(
                Outcome(notice.id, a.receipt_due, outcome_state(a.received_at, a.receipt_due, now))
            )
        if a.feedback_due is None:
            continue
        first = a.feedback[0].at if a.feedback else None
        if (
            notice.status == "closed"
            and notice.closed_at
            and notice.closed_at < a.feedback_due
            and first is None
        ):
            continue
        feedback.append(Outcome(notice.id, a.feedback_due, outcome_state(first, a.feedback_due, now)))
    return receipts, feedback


def proposals_for(
    unit_id: int, receipts: list[Outcome], feedback: list[Outcome], live: Sequence[FlagView], policy: Policy
) -> list[Proposal]:
    """What the rules propose for one unit, given its live (proposed or confirmed) flags."""

    def flagged(basis: str) -> set[int]:
        return {notice_id for f in live if f.basis == basis for notice_id in f.notice_ids}

    quarters = {"{}Q{}".format(*quarter_of(f.at, policy.tz)) for f in live if f.basis == "count"}
    return [
        *consecutive_lapses(unit_id, "receipt", receipts, flagged("receipt")),
        *consecutive_lapses(unit_id, "feedback", feedback, flagged("feedback")),
        *quarterly_count(unit_id, [*receipts, *feedback], policy.quarter_threshold, policy.tz, quarters),
    ]


@dataclass(frozen=True)
class Duties:
    """The bot's timed work over one database and policy."""

    db: Database
    policy: Policy

    async def deadlines(self, now: datetime) -> datetime | None:
        """Send pre-deadline reminders and evaluate passed deadlines; return when to run next."""
        async with self.db.transaction() as session:
            recent = await notices.notices(session, status=None, since=now - HISTORY)
            rows = await notices.assignments(session, notice_ids=[n.id for n in recent])
            by_id = {n.id: n for n in recent}
            items = [(by_id[a.notice_id], a) for a in rows]
            wake = await self._pre_deadline(session, now, [i for i in items if i[0].status == "open"])
            wake += await self._evaluate(session, now, items)
        return min(wake, default=None)

    async def _pre_deadline(
        self, session: AsyncSession, now: datetime, items: list[tuple[NoticeView, AssignmentView]]
    ) -> list[datetime]:
        policy = self.policy
        groups: dict[tuple[int, str, datetime], list[AssignmentView]] = {}
        for notice, a in items:
            if a.excused:
                continue
            groups.setdefault((notice.id, "receipt", a.receipt_due), []).append(a)
            if a.feedback_due is not None:
                groups.setdefault((notice.id, "feedback", a.feedback_due), []).append(a)
        notice_of = {n.id: n for n, _ in items}
        wake: list[datetime] = []
        for (notice_id, field, due), group in groups.items():
            notice = notice_of[notice_id]
            offsets = policy.receipt_offsets if field == "receipt" else policy.feedback_offsets
            for offset in offsets:
                moment = reminder_time(policy, due, offset, notice.issued_at)
                if moment is None:
                    continue
                if moment > now:
                    wake.append(moment)
                elif now - moment <= policy.reminder_grace and now < due:
                    owing = [a for a in group if (a.owes_receipt if field == "receipt" else a.owes_feedback)]
                    await self._remind(session, notice, field, due, offset, owing, moment, now)
        return wake

    async def _remind(
        self,
        session: AsyncSession,
        notice: NoticeView,
        field: str,
        due: datetime,
        offset: timedelta,
        owing: list[AssignmentView],
        moment: datetime,
        now: datetime,
    ) -> None:
        if not owing:
            return
        liaisons = await directory.liaisons(session, [a.unit_id for a in owing])
        members = await directory.memberships(session, [p.wechat_id for p in liaisons])
        rooms = rooms_for_units([a.unit_id for a in owing], liaisons, members)
        unit_of = {p.wechat_id: p.unit_id for p in liaisons}
        minutes = int(offset.total_seconds() // 60)
        for room_id, people in rooms.items():
            here = {unit_of[p] for p in people}
            names = [a.unit_name for a in owing if a.unit_id in here]
            text = texts.pre_deadline(self.policy, notice, field, due, due - max(moment, now), names)
            await self.policy.queue(
                session,
                room_id=room_id,
                text=text,
                mentions=tuple(people),
                key=f"pre:{notice.id}:{field}:{minutes}:{due.timestamp():.0f}:{room_id}",
                kind="reminder",
                now=now,
                notice_id=notice.id,
                not_before=moment,
            )

    async def _evaluate(
        self, session: AsyncSession, now: datetime, items: list[tuple[NoticeView, AssignmentView]]
    ) -> list[datetime]:
        by_unit: dict[int, list[tuple[NoticeView, AssignmentView]]] = {}
        for item in items:
            by_unit.setdefault(item[1].unit_id, []).append(item)
        wake: list[datetime] = []
        known = await flags.keys(session)
        live: dict[int, list[FlagView]] = {}
        for flag in await flags.flags(session):
            if flag.status != "revoked":
                live.setdefault(flag.unit_id, []).append(flag)
        office = await directory.office_staff(session)
        for unit_id, unit_items in by_unit.items():
            receipts, feedback = unit_outcomes(unit_items, now)
            wake += [o.due + EVALUATION_DELAY for o in (*receipts, *feedback) if o.state == "undecided"]
            for proposal in proposals_for(unit_id, receipts, feedback, live.get(unit_id, []), self.policy):
                if proposal.key in known:
                    continue
                named = [item for item in unit_items if item[0].id in proposal.notice_ids]
                flag = await flags.create(
                    session,
                    key=proposal.key,
                    unit=(unit_id, unit_items[0][1].unit_name),
                    kind=proposal.kind,
                    basis=proposal.basis,
                    notices=[(n.id, n.number) for n, _ in named],
                    at=proposal.at,
                    now=now,
                    actor="duban",
                )
                text = texts.flag_proposal(self.policy, flag, named)
                await self._tell_office(
                    session, text, key=f"flag:{flag.id}", kind="flag", now=now, office=office
                )
        return wake

    async def _tell_office(
        self,
        session: AsyncSession,
        text: str,
        *,
        key: str,
        kind: str,
        now: datetime,
        office: list[PersonView] | None = None,
    ) -> None:
        """Automatic notes to the office wait for the end of quiet hours."""
        await self.policy.tell_office(
            session,
            text,
            key=key,
            kind=kind,
            now=now,
            not_before=after_quiet(self.policy, now),
            office=office,
        )

    async def daily(self, at: datetime) -> None:
        """The working-day broadcast: per room, every open notice with the units that still owe something."""
        policy = self.policy
        day = policy.local(at).date()
        async with self.db.transaction() as session:
            if not policy.calendar.knows(day.year):
                await self._tell_office(
                    session,
                    texts.calendar_unknown(day.year),
                    key=f"calendar:{day.year}",
                    kind="calendar",
                    now=at,
                )
            if not policy.calendar.is_working_day(day):
                return
            open_notices = await notices.notices(session, status="open")
            rows = await notices.assignments(session, notice_ids=[n.id for n in open_notices])
            owing = [a for a in rows if a.owes_receipt or a.owes_feedback]
            liaisons = await directory.liaisons(session, sorted({a.unit_id for a in owing}))
            members = await directory.memberships(session, [p.wechat_id for p in liaisons])
            unit_of = {p.wechat_id: p.unit_id for p in liaisons}
            rooms = rooms_for_units(sorted({a.unit_id for a in owing}), liaisons, members)
            for room_id, people in rooms.items():
                here = {unit_of[p] for p in people}
                lines = [
                    (n, [a for a in owing if a.notice_id == n.id and a.unit_id in here]) for n in open_notices
                ]
                lines = [(n, items) for n, items in lines if items]
                if not lines:
                    continue
                wanted = {a.unit_id for _, items in lines for a in items}
                mentions = tuple(p for p in people if unit_of[p] in wanted)
                await policy.queue(
                    session,
                    room_id=room_id,
                    text=texts.daily_broadcast(policy, day, lines),
                    mentions=mentions,
                    key=f"daily:{day.isoformat()}:{room_id}",
                    kind="broadcast",
                    now=at,
                )

    async def bulletin(self, at: datetime) -> None:
        """The weekly 通报: on-time rates per unit this year and the open lapses."""
        policy = self.policy
        day = policy.local(at).date()
        async with self.db.transaction() as session:
            room_id = await _room_named(session, policy.bulletin_room)
            if room_id is None:
                await self._tell_office(
                    session,
                    texts.bulletin_room_missing(policy.bulletin_room),
                    key=f"bulletin-missing:{day.isoformat()}",
                    kind="bulletin",
                    now=at,
                )
                return
            start = datetime(day.year, 1, 1, tzinfo=policy.tz)
            year_notices = [
                n for n in await notices.notices(session, status=None, since=start) if n.status != "withdrawn"
            ]
            rows = await notices.assignments(session, notice_ids=[n.id for n in year_notices])
            stats = bulletin_stats(rows, at)
            open_flags = await flags.flags(session, status="proposed")
            missed = [
                (n, a)
                for n in year_notices
                if n.status == "open"
                for a in rows
                if a.notice_id == n.id and "missed" in a.statuses(at)
            ]
            text = texts.weekly_bulletin(policy, day, stats, missed, open_flags)
            await policy.queue(
                session,
                room_id=room_id,
                text=text,
                key=f"bulletin:{day.isoformat()}",
                kind="bulletin",
                now=at,
                not_before=after_quiet(policy, at),
            )


def bulletin_stats(rows: Sequence[AssignmentView], now: datetime) -> list[tuple[str, int, int, int, int]]:
    """Per unit: (name, receipts on time, receipts decided, feedback on time, feedback decided)."""
    decided = {"on_time", "late", "missed"}
    stats: dict[str, tuple[int, int, int, int]] = {}
    for a in rows:
        receipt, feedback = a.statuses(now)
        r_ok, r_all, f_ok, f_all = stats.get(a.unit_name, (0, 0, 0, 0))
        stats[a.unit_name] = (
            r_ok + (receipt == "on_time"),
            r_all + (receipt in decided),
            f_ok + (feedback == "on_time"),
            f_all + (feedback in decided),
        )
    return [(name, *values) for name, values in stats.items()]


async def _room_named(session: AsyncSession, name: str) -> str | None:
    for member in await directory.memberships(session):
        if name in (member.room_id, member.room_topic):
            return member.room_id
    topic = await directory.room_topic(session, name)
    return name if topic is not None else None
