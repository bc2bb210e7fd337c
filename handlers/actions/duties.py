"""Timed duties: reminders, deadline evaluation and proposals, 整改期限, digests, broadcasts, bulletin, ranking.

Every duty reads what is due from the database and marks what it sent with dedup keys, so running it
again (after a restart, or twice by accident) sends nothing twice. The scheduler only decides when.
Every judgement comes from the rule book (`storage.status`), through `AssignmentView.standing`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from handlers import texts
from handlers.actions import outgoing, review
from handlers.actions.audience import audience
from handlers.actions.outgoing import Alert
from handlers.policy import Policy
from handlers.rules.assessment import (
    WARNING_TALK,
    last_twice,
    quarter_containing,
    year_period,
)
from handlers.rules.penalties import (
    Outcome,
    Proposal,
    consecutive_lapses,
    quarter_of,
    quarterly_count,
    rectification,
)
from handlers.rules.report import build_report, report_of
from handlers.rules.settled import Settled, unit_outcomes
from storage import changes, directory, flags, notices
from storage.changes import Touched
from storage.db import Database
from storage.directory import PersonView
from storage.flags import FlagMark, FlagView
from storage.notices import AssignmentView, Deadline, NoticeView, OwingRow

EVALUATION_DELAY = timedelta(seconds=1)  # evaluate just after a deadline, so a reply at the deadline counts
HISTORY = timedelta(days=400)  # how far back the consecutive-lapse rule looks
NOTE_WINDOW = timedelta(days=3)  # deadlines that passed longer ago get no note (e.g. after an upgrade)
MONTH, QUARTER = timedelta(days=31), timedelta(days=92)  # how much further back a pass reads when it must
RECHECK = timedelta(
    hours=1
)  # a wake-up pass judges again the units with a deadline this long before the last pass
FIELDS = ("receipt", "feedback")
RECTIFIED, NOT_RECTIFIED = "整改到位", "未整改"

Item = tuple[NoticeView, AssignmentView]
Groups = dict[tuple[int, str, datetime], list[AssignmentView]]  # (notice id, field, due) → its assignments


def reminder_time(policy: Policy, due: datetime, offset: timedelta, issued_at: datetime) -> datetime | None:
    """When a pre-deadline reminder goes out: `offset` before `due`, or just before quiet hours begin.

    None when that moment is not after the notice was issued (a reminder right after the notice
    itself would only be noise).
    """
    moment = policy.before_quiet(due - offset)
    return moment if issued_at < moment < due else None


def settled_from(outcomes: Sequence[Outcome], flagged: Collection[int], changed_from: datetime) -> int | None:
    """Where the consecutive-lapse count over `outcomes` provably starts afresh, when only the outcomes with
    a deadline at or after `changed_from` may have changed since the count last ran: just after the last
    outcome that ends a run (on time, or in a live flag) before the first that may have changed or is
    undecided. None when there is no such point: the count there depends on older notices.

    Every pair before that point is made of unchanged outcomes and was proposed when it formed; with
    nothing changed at all there is nothing to count (`len(outcomes)`).
    """
    start = None
    for index, seen in enumerate(outcomes):
        if seen.due >= changed_from or seen.state == "undecided":
            return start
        if seen.state == "ok" or seen.notice_id in flagged:
            start = index + 1
    return len(outcomes)


def proposals_for(
    unit_id: int,
    receipts: list[Outcome],
    feedback: list[Outcome],
    live: Sequence[FlagMark],
    policy: Policy,
    changed_from: datetime | None = None,
) -> list[Proposal] | None:
    """What the rules propose for one unit, given its live (proposed or confirmed) flags.

    `changed_from`: only outcomes due at or after it may have changed since the unit was last judged, and
    the outcomes are those of notices issued since some moment no later than the start of its quarter, none
    older having a deadline after that start. The quarters from the change's on are then complete and are
    the ones counted, and the consecutive count starts where it provably starts afresh (`settled_from`);
    None when that cannot be told without older notices.
    """

    def flagged(basis: str) -> set[int]:
        return {notice_id for f in live if f.basis == basis for notice_id in f.notice_ids}

    runs = {"receipt": receipts, "feedback": feedback}
    if changed_from is not None:
        for basis, outcomes in runs.items():
            start = settled_from(outcomes, flagged(basis), changed_from)
            if start is None:
                return None
            runs[basis] = outcomes[start:]
    quarters = {"{}Q{}".format(*quarter_of(f.at, policy.tz)) for f in live if f.basis == "count"}
    counted = [*receipts, *feedback]
    if changed_from is not None:  # the quarters before the change's are unchanged (and may be read in part)
        first = quarter_containing(changed_from, policy.tz).start
        counted = [o for o in counted if o.due >= first]
    return [
        *consecutive_lapses(unit_id, "receipt", runs["receipt"], flagged("receipt")),
        *consecutive_lapses(unit_id, "feedback", runs["feedback"], flagged("feedback")),
        *quarterly_count(unit_id, counted, policy.quarter_threshold, policy.tz, quarters),
    ]


def deadline_groups(items: Sequence[Item]) -> Groups:
    """Assignments of each notice grouped by deadline: (notice id, field, due) → assignments."""
    groups: Groups = {}
    for notice, a in items:
        for field in FIELDS:
            due = a.receipt_due if field == "receipt" else a.feedback_due
            if due is not None:
                groups.setdefault((notice.id, field, due), []).append(a)
    return groups


Reminder = tuple[Deadline, timedelta, datetime]  # a deadline, the reminder's offset and its moment


@dataclass(frozen=True)
class Plan:
    """What a deadline pass does about the open notices' deadlines: the reminders and the notes to the
    office due now, and the moments still to come."""

    reminders: list[Reminder]
    notes: list[Deadline]
    wake: list[datetime]


def plan(policy: Policy, deadlines: Sequence[Deadline], now: datetime, since: datetime | None) -> Plan:
    """Each deadline's reminders whose moment has come (within the grace, before the deadline, and not by
    `since`, the previous pass, which queued those), its note once it has passed (unless `since` was after
    that, or it passed longer than `NOTE_WINDOW` ago), and the reminder moments and deadlines to come."""
    reminders: list[Reminder] = []
    notes: list[Deadline] = []
    wake: list[datetime] = []
    for deadline in deadlines:
        due = deadline.due
        offsets = policy.receipt_offsets if deadline.field == "receipt" else policy.feedback_offsets
        for offset in offsets:
            moment = reminder_time(policy, due, offset, deadline.issued_at)
            if moment is None:
                continue
            if moment > now:
                wake.append(moment)
            elif now - moment <= policy.reminder_grace and now < due and (since is None or moment > since):
                reminders.append((deadline, offset, moment))
        if now < due + EVALUATION_DELAY:
            wake.append(due + EVALUATION_DELAY)
        elif now - due <= NOTE_WINDOW and (since is None or since < due + EVALUATION_DELAY):
            notes.append(deadline)
    return Plan(reminders, notes, wake)


def judged_changes(units: Touched, now: datetime) -> Touched:
    """Of the units a command changed (each with the earliest deadline its change bears on), those where that
    may be a deadline already judged at `now`: a notice just published bears only on deadlines to come, which
    the pass at each of them judges."""
    return {u: moment for u, moment in units.items() if moment is None or moment <= now - EVALUATION_DELAY}


@dataclass(frozen=True)
class Duties:
    """The bot's timed work over one database and policy; `alert` reaches the office outside WeChat."""

    db: Database
    policy: Policy
    alert: Alert | None = None
    # quarter key → the last change (`storage.changes.last_change`) its ranking check has seen
    rank_marks: dict[str, int] = dataclasses.field(default_factory=dict, compare=False, repr=False)
    # each unit's items judged for good, kept between passes
    settled: Settled = dataclasses.field(default_factory=Settled, compare=False, repr=False)

    async def deadlines(
        self, now: datetime, *, since: datetime | None = None, units: Touched | None = None
    ) -> datetime | None:
        """Send pre-deadline reminders, evaluate passed deadlines; return when to run next.

        `since`: the previous pass. Then only units with a deadline passing in between are judged again,
        and `units`, whose facts changed since (a command named them, `storage.changes`): no other unit's
        outcome can have changed. None judges every unit (at start, or after a change that cannot name its
        units).
        """
        async with self.db.transaction() as session:
            await self.settled.begin(session)
            # What reminders and notes look at: the open notices' deadlines, and the assignments of those
            # with one due now.
            recent = {"since": now - HISTORY, "window": now - NOTE_WINDOW - EVALUATION_DELAY}
            todo = plan(self.policy, await notices.open_deadlines_after(session, **recent), now, since)
            acting = {d.notice_id for d, *_ in todo.reminders} | {d.notice_id for d in todo.notes}
            current = (
                await notices.open_items_due_after(session, **recent, notice_ids=acting) if acting else []
            )
            groups, notice_of = deadline_groups(current), {n.id: n for n, _ in current}
            # Read once for the pass: what runs before `_rectification` proposes flags without a 整改期限.
            running = await flags.rectifying(session)
            scope = None if since is None else await self._scope(session, now, since, units or {}, running)
            owing: dict[datetime, list[OwingRow]] = {}  # `owing_after` by moment, read once in the pass
            items, short = await self._history(session, now, scope, owing)
            await self._reminders(session, now, todo.reminders, groups, notice_of)
            office = outgoing.Office(session)  # read once in the pass, by whichever step tells it first
            await self._notes(session, now, todo.notes, groups, notice_of, office)
            wake = todo.wake + await self._evaluate(session, now, items, short, office, owing)
            wake += await self._rectification(session, now, items, running, office)
            digest_at = await review.digest(session, self.policy, now, office)
        return min([*wake, *([digest_at] if digest_at else [])], default=None)

    async def reviews(self, now: datetime) -> datetime | None:
        """After a reply was queued for the office, which changes nothing judged: its digest, if one may go
        out now; else when the next one may."""
        async with self.db.transaction() as session:
            return await review.digest(session, self.policy, now)

    async def _scope(
        self,
        session: AsyncSession,
        now: datetime,
        since: datetime,
        units: Touched,
        running: Sequence[FlagView],
    ) -> dict[int, datetime | None]:
        """The units to judge again after a pass at `since`, each with the earliest deadline whose outcome
        may have changed (None: any): those with a deadline passing since (a post confirmed meanwhile may
        have reached them, hence `RECHECK`), those `units` name, and those whose 整改期限 (of the `running`
        flags, `flags.rectifying`) has ended."""
        horizon = since - RECHECK
        scope: dict[int, datetime | None] = dict.fromkeys(
            await notices.units_due_between(session, horizon, now), horizon
        )
        for unit_id, moment in judged_changes(units, now).items():
            earlier = scope.get(unit_id, moment)
            scope[unit_id] = None if moment is None or earlier is None else min(moment, earlier)
        for f in running:
            if f.rectify_until is not None and now >= f.rectify_until:
                scope[f.unit_id] = None
        return scope

    async def _history(
        self,
        session: AsyncSession,
        now: datetime,
        scope: Mapping[int, datetime | None] | None,
        owing: dict[datetime, list[OwingRow]],
        back: timedelta = timedelta(0),
    ) -> tuple[list[Item], dict[int, datetime]]:
        """What the penalty rules look at, by unit and issue time: 400 days of notices of every unit (no
        `scope`) or of the units in it. A unit whose outcomes may have changed only from a moment on is read
        from the start of the earliest such moment's quarter (or `back` before it); one with an older notice
        whose deadline falls after that quarter's start is read from the start of that notice's quarter
        instead, and so on back, in full only when that reaches 400 days. Those read in part are returned
        with their moment (`proposals_for`). `owing`: what this pass read of the deadlines after a quarter's
        start (nothing in a pass changes them before its proposals), read here when missing."""
        oldest = now - HISTORY
        if scope is None:
            return await self.settled.items(session, oldest, None, now), {}
        short = {u: moment for u, moment in scope.items() if moment is not None}
        starts: dict[datetime, set[int]] = {}  # where to read from → the units read from there
        waiting = set(short)
        quarter = quarter_containing(min(short.values()), self.policy.tz).start if short else oldest
        while waiting and (start := quarter - back) > oldest:  # what is still waiting then is read in full
            if quarter not in owing:
                owing[quarter] = await notices.owing_after(session, quarter)
            issued = notices.units_owing(owing[quarter], waiting, issued=(oldest, start))
            if settled := waiting - set(issued):
                starts[start] = settled
            waiting = set(issued)
            if issued:
                quarter = quarter_containing(min(issued.values()), self.policy.tz).start
        short = {u: moment for u, moment in short.items() if u not in waiting}
        full = {u for u in scope if u not in short}
        items = await self.settled.items(session, oldest, full, now) if full else []
        for start, units in starts.items():
            items += await self.settled.items(session, start, units, now)
        return items, short

    async def _reminders(
        self,
        session: AsyncSession,
        now: datetime,
        due: Sequence[Reminder],
        groups: Groups,
        notice_of: Mapping[int, NoticeView],
    ) -> None:
        """Queue the reminders whose moment has come (`plan`), to the units of each that still owe it."""
        for deadline, offset, moment in due:
            group = groups[(deadline.notice_id, deadline.field, deadline.due)]
            owing = [a for a in group if a.standing(now).of(deadline.field).owed]
            notice = notice_of[deadline.notice_id]
            await self._remind(session, notice, deadline.field, deadline.due, offset, owing, moment, now)

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
        heard = await audience(session, [a.unit_id for a in owing])
        seconds = int(offset.total_seconds())
        for room_id, people in heard.rooms.items():
            here = heard.units_in(room_id)
            names = [a.unit_name for a in owing if a.unit_id in here]
            text = texts.pre_deadline(self.policy, notice, field, due, due - max(moment, now), names)
            await outgoing.queue(
                session,
                self.policy,
                room_id=room_id,
                text=text,
                mentions=people,
                key=f"pre:{notice.id}:{field}:{_offset_key(seconds)}:{due.timestamp():.0f}:{room_id}",
                kind="reminder",
                now=now,
                notice_id=notice.id,
                not_before=moment,
            )

    async def _notes(
        self,
        session: AsyncSession,
        now: datetime,
        due: Sequence[Deadline],
        groups: Groups,
        notice_of: Mapping[int, NoticeView],
        office: outgoing.Office,
    ) -> None:
        """Once a deadline has passed (`plan`): one note to the office naming who missed it and who was not
        reached."""
        for deadline in due:
            field = deadline.field
            judged = [
                (a, a.standing(now).of(field)) for a in groups[(deadline.notice_id, field, deadline.due)]
            ]
            missed = [a.unit_name for a, o in judged if o.status == "missed"]
            unreached = [a.unit_name for a, o in judged if o.status == "unreached"]
            if not missed and not unreached:
                continue
            on_time = sum(o.status == "on_time" for _, o in judged)
            notice = notice_of[deadline.notice_id]
            await outgoing.tell_office(
                session,
                self.policy,
                texts.deadline_note(self.policy, notice, field, deadline.due, on_time, missed, unreached),
                key=f"deadline:{notice.id}:{field}:{deadline.due.timestamp():.0f}",
                kind="deadline",
                now=now,
                office=await office.people(),
            )

    async def _evaluate(
        self,
        session: AsyncSession,
        now: datetime,
        items: list[Item],
        short: Mapping[int, datetime],
        office: outgoing.Office,
        owing: dict[datetime, list[OwingRow]],
    ) -> list[datetime]:
        """Propose what the rules find for the units of `items`, in unit order. Those in `short` were read
        from a quarter's start (`_history`); where that is not enough to tell, they are read in full."""
        by_unit = _by_unit(items)
        wake: list[datetime] = []
        found: dict[int, list[Proposal]] = {}

        async def judge(units: dict[int, list[Item]], short: Mapping[int, datetime]) -> None:
            found.update((unit_id, []) for unit_id in short if unit_id not in units)  # nothing read: none due
            live = await self._live_flags(session, units)
            for unit_id, unit_items in units.items():
                receipts, feedback = unit_outcomes(unit_items, now, self.settled.known(unit_id))
                flagged = live.get(unit_id, [])
                proposals = proposals_for(
                    unit_id, receipts, feedback, flagged, self.policy, short.get(unit_id)
                )
                if proposals is not None:
                    found[unit_id] = proposals
                    wake.extend(
                        o.due + EVALUATION_DELAY for o in (*receipts, *feedback) if o.state == "undecided"
                    )

        await judge(by_unit, short)
        for back in (MONTH, QUARTER, None):  # not enough: a month further back, a quarter, then everything
            again = {u: moment for u, moment in short.items() if u not in found}
            if not again:
                break
            if back is None:
                more, short = await self.settled.items(session, now - HISTORY, set(again), now), {}
            else:
                more, short = await self._history(session, now, again, owing, back=back)
            in_more = _by_unit(more)
            by_unit.update(in_more)
            await judge(in_more, short)
        if not found:
            return wake
        known = await flags.taken(session, [p.key for proposals in found.values() for p in proposals])
        for unit_id in sorted(found):
            for proposal in found[unit_id]:  # (a unit with a proposal has items)
                if proposal.key in known:
                    continue
                unit = (unit_id, by_unit[unit_id][0][1].unit_name)
                await self._propose(session, now, proposal, unit, office=await office.people())
        return wake

    async def _live_flags(
        self, session: AsyncSession, units: Mapping[int, list[Item]]
    ) -> dict[int, list[FlagMark]]:
        """The live flags the rules meet for these units: those citing a notice read (a flag is as late as the
        latest deadline it cites, and a deadline is always after its notice's issue) or counting a quarter of
        the deadlines read."""
        if not units:
            return {}
        first = min(n.issued_at for unit_items in units.values() for n, _ in unit_items)
        since = quarter_containing(first, self.policy.tz).start
        live: dict[int, list[FlagMark]] = {}
        for flag in await flags.live_marks(session, list(units), since=since):
            live.setdefault(flag.unit_id, []).append(flag)
        return live

    async def _propose(
        self,
        session: AsyncSession,
        now: datetime,
        proposal: Proposal,
        unit: tuple[int, str],
        *,
        office: Sequence[PersonView] | None = None,
        follows: FlagView | None = None,
    ) -> None:
        """Record a proposal as a flag and tell the office exactly what it cites (read afresh: what was kept
        between passes may not show a reply that came late)."""
        named = await notices.unit_items_of(session, unit[0], proposal.notice_ids)
        flag = await flags.create(
            session,
            key=proposal.key,
            unit=unit,
            kind=proposal.kind,
            basis=proposal.basis,
            notices=[(n.id, n.number) for n, _ in named],
            at=proposal.at,
            now=now,
            actor="duban",
            lapses=proposal.lapses,
            follows_id=follows.id if follows is not None else None,
        )
        await outgoing.tell_office(
            session,
            self.policy,
            texts.flag_proposal(self.policy, flag, named, now, follows=follows),
            key=f"flag:{flag.id}",
            kind="flag",
            now=now,
            office=office,
        )

    async def _rectification(
        self,
        session: AsyncSession,
        now: datetime,
        items: list[Item],
        running: Sequence[FlagView],
        office: outgoing.Office,
    ) -> list[datetime]:
        """When a 整改期限 of the `running` flags ends: propose the next rung citing the lapses within it, or
        record 整改到位."""
        wake: list[datetime] = []
        for flag in running:
            if flag.rectify_until is None:
                continue
            if now < flag.rectify_until + EVALUATION_DELAY:
                wake.append(flag.rectify_until + EVALUATION_DELAY)
                continue
            unit_items = [item for item in items if item[1].unit_id == flag.unit_id]
            receipts, feedback = unit_outcomes(unit_items, now, self.settled.known(flag.unit_id))
            start = flag.decided_at or flag.at
            proposal = rectification(
                flag.unit_id, flag.id, flag.kind, [*receipts, *feedback], start, flag.rectify_until
            )
            if proposal is None:
                await flags.set_rectified(session, flag.id, result=RECTIFIED, at=now)
                await outgoing.tell_office(
                    session,
                    self.policy,
                    texts.rectified(self.policy, flag),
                    key=f"rectified:{flag.id}",
                    kind="flag",
                    now=now,
                    office=await office.people(),
                )
                continue
            await flags.set_rectified(session, flag.id, result=NOT_RECTIFIED, at=now)
            if not await flags.taken(session, [proposal.key]):
                unit = (flag.unit_id, flag.unit_name)
                await self._propose(session, now, proposal, unit, office=await office.people(), follows=flag)
        return wake

    async def ranking(self, now: datetime) -> None:
        """Once a quarter has ended: 警示约谈 proposed for a unit ranked last in it and in the quarter before
        (连续两次在全县排名末位). Run with the daily broadcast: once a day is soon enough, and a pass over two
        quarters of facts is too heavy for every deadline."""
        ended = quarter_containing(now, self.policy.tz).previous()
        first = ended.previous()
        async with self.db.transaction() as session:
            # Both quarters are judged as they stood at their ends: unless something recorded since the
            # last check bears on that, the answer is the same as then (and every proposal was made).
            mark = await changes.last_change(session)
            seen = self.rank_marks.get(ended.key)
            if seen is not None and not await changes.changed_since(session, seen, as_of=ended.end):
                self.rank_marks[ended.key] = mark
                return
            # What the two quarters' scores count: the notices with a deadline in them, and the flags of
            # their years (a veto counts from the year's start).
            due = await notices.notice_ids_due_within(session, first.start, ended.end)
            rows = await notices.assignments(session, notice_ids=sorted(due))
            by_id = await notices.notices_by_id(session, due)
            oldest = first.start - HISTORY
            items = [(by_id[a.notice_id], a) for a in rows if by_id[a.notice_id].issued_at >= oldest]
            year_start = datetime(first.start.year, 1, 1, tzinfo=first.tz)
            all_flags = await flags.flags(session, year_range=(year_start, ended.end))
            rules = self.policy.assessment
            before, last = (report_of(items, all_flags, rules, period, now) for period in (first, ended))
            unit_ids = {a.unit_name: a.unit_id for _, a in items} | {
                f.unit_name: f.unit_id for f in all_flags
            }
            last_ones = {
                f"{unit_ids[unit]}:rank:{ended.key}": unit for unit in last_twice(before.scores, last.scores)
            }
            known = await flags.taken(session, last_ones)
            for key, unit in last_ones.items():
                if key in known:
                    continue
                flag = await flags.create(
                    session,
                    key=key,
                    unit=(unit_ids[unit], unit),
                    kind=WARNING_TALK,
                    basis="rank",
                    notices=[],
                    at=now,
                    now=now,
                    actor="duban",
                )
                await outgoing.tell_office(
                    session,
                    self.policy,
                    texts.rank_proposal(self.policy, flag, before, last),
                    key=f"flag:{flag.id}",
                    kind="flag",
                    now=now,
                )
        self.rank_marks[ended.key] = mark

    async def daily(self, at: datetime) -> None:
        """The working-day broadcast: per room, every open notice with the units that still owe something.
        Every day first: the ranking check (`ranking`)."""
        await self.ranking(at)
        policy = self.policy
        day = policy.local(at).date()
        if not policy.calendar.knows(day.year):
            async with self.db.transaction() as session:
                first = await outgoing.tell_office(
                    session,
                    policy,
                    texts.calendar_unknown(day.year),
                    key=f"calendar:{day.year}",
                    kind="calendar",
                    now=at,
                )
            if first and self.alert is not None:
                await self.alert(f"calendar:{day.year}", texts.calendar_unknown(day.year))
        if not policy.calendar.is_working_day(day):
            return
        async with self.db.transaction() as session:
            open_notices = await notices.notices(session, status="open")
            rows = await notices.assignments(
                session, notice_ids=[n.id for n in open_notices], unsettled_at=at
            )
            owing: dict[int, list[AssignmentView]] = {}  # notice id → its assignments still owing
            for a in rows:
                if a.owes(at):
                    owing.setdefault(a.notice_id, []).append(a)
            heard = await audience(session, [a.unit_id for group in owing.values() for a in group])
            for room_id in heard.rooms:
                here = heard.units_in(room_id)
                lines = [(n, [a for a in owing.get(n.id, ()) if a.unit_id in here]) for n in open_notices]
                lines = [(n, items) for n, items in lines if items]
                if not lines:
                    continue
                wanted = {a.unit_id for _, items in lines for a in items}
                await outgoing.queue(
                    session,
                    policy,
                    room_id=room_id,
                    text=texts.daily_broadcast(policy, day, lines, at),
                    mentions=heard.people(room_id, wanted),
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
                await outgoing.tell_office(
                    session,
                    policy,
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
            by_id = {n.id: n for n in year_notices}
            missed = [
                (by_id[a.notice_id], a)
                for a in rows
                if by_id[a.notice_id].status == "open"
                and "missed" in {o.status for o in (a.standing(at).receipt, a.standing(at).feedback)}
            ]
            year = await build_report(session, policy.assessment, year_period(day.year, policy.tz), at)
            proposed = await flags.flags(session, status="proposed")
            text = texts.weekly_bulletin(policy, day, year.scores, missed, proposed)
            await outgoing.queue(
                session,
                policy,
                room_id=room_id,
                text=text,
                key=f"bulletin:{day.isoformat()}",
                kind="bulletin",
                now=at,
                not_before=policy.after_quiet(at),
            )


def _by_unit(items: Sequence[Item]) -> dict[int, list[Item]]:
    by_unit: dict[int, list[Item]] = {}
    for item in items:
        by_unit.setdefault(item[1].unit_id, []).append(item)
    return by_unit


def _offset_key(seconds: int) -> str:
    """The offset in a dedup key: whole minutes as before ("30"), otherwise seconds ("45s")."""
    return str(seconds // 60) if seconds % 60 == 0 else f"{seconds}s"


async def _room_named(session: AsyncSession, name: str) -> str | None:
    for member in await directory.memberships(session):
        if name in (member.room_id, member.room_topic):
            return member.room_id
    topic = await directory.room_topic(session, name)
    return name if topic is not None else None
