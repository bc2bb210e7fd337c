"""What the penalty rules see of items, and what the deadline duty keeps of it between passes.

An item whose every deadline passed long ago is judged the same at every later pass (a reply or a post
confirmed now cannot change how a past deadline was met), until something is recorded that may bear on
it: an excuse, a moved deadline, a correction, the roster (`storage.changes.changed_since`, which also
sees what another process wrote). A pass then reads from the database only the items with a deadline
after the kept line, not a quarter or more of every judged unit's history, and judges only those. What a
proposal cites is read afresh (it shows when a late reply came).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from handlers.rules.penalties import Outcome
from storage import changes, notices
from storage.notices import AssignmentView, NoticeView
from storage.status import Obligation

Item = tuple[NoticeView, AssignmentView]
Judged = tuple[
    Outcome | None, Outcome | None
]  # an item's receipt and feedback, as the penalty rules see them

SETTLE = timedelta(days=1)  # a deadline this long past is judged for good (well beyond `duties.RECHECK`)


def outcome(notice_id: int, field: str, obligation: Obligation) -> Outcome | None:
    """What the penalty rules see of one obligation; None for what never counts (excused, unreached …)."""
    if obligation.due is None:
        return None
    if obligation.status == "on_time":
        return Outcome(notice_id, obligation.due, "ok", field)
    if obligation.lapse:
        return Outcome(notice_id, obligation.due, "lapse", field)
    if obligation.status == "pending":
        return Outcome(notice_id, obligation.due, "undecided", field)
    return None


def judged(item: Item, now: datetime) -> Judged:
    """One item's receipt and feedback outcomes as the rule book judges them at `now`."""
    notice, a = item
    standing = a.standing(now)
    return outcome(notice.id, "receipt", standing.receipt), outcome(notice.id, "feedback", standing.feedback)


def unit_outcomes(
    items: Sequence[Item], now: datetime, known: Mapping[int, Judged] | None = None
) -> tuple[list[Outcome], list[Outcome]]:
    """A unit's receipt and feedback outcomes in notice order at `now`; `known`: those of settled items by
    assignment id, judged before."""
    receipts: list[Outcome] = []
    feedback: list[Outcome] = []
    for item in items:
        seen = known.get(item[1].id) if known else None
        receipt, reported = seen or judged(item, now)
        if receipt is not None:
            receipts.append(receipt)
        if reported is not None:
            feedback.append(reported)
    return receipts, feedback


def settled(item: Item, line: datetime) -> bool:
    """Every deadline of the item is before `line`."""
    a = item[1]
    return a.receipt_due < line and (a.feedback_due is None or a.feedback_due < line)


@dataclass(frozen=True)
class _Kept:
    start: datetime  # every item of the unit issued since then …
    line: datetime  # … with every deadline before this, each with its outcomes
    items: list[Item]
    outcomes: dict[int, Judged]


@dataclass
class Settled:
    """The settled items kept by unit, valid while nothing recorded after `mark` bears on them."""

    mark: int | None = None
    kept: dict[int, _Kept] = dataclasses.field(default_factory=dict)

    async def begin(self, session: AsyncSession) -> None:
        """At a pass's start: forget what was kept if anything recorded since the last pass may bear on it."""
        mark = await changes.last_change(session)
        if self.kept and (
            self.mark is None
            or await changes.changed_since(session, self.mark, as_of=max(k.line for k in self.kept.values()))
        ):
            self.kept.clear()
        self.mark = mark

    def known(self, unit_id: int) -> Mapping[int, Judged]:
        """The outcomes of the unit's kept items, by assignment id."""
        kept = self.kept.get(unit_id)
        return kept.outcomes if kept is not None else {}

    async def items(
        self, session: AsyncSession, since: datetime, units: Collection[int] | None, now: datetime
    ) -> list[Item]:
        """The items of `units` (None: every unit) issued at or after `since`, in issue order, as
        `notices.items_issued_since` reads them: the settled ones from what was kept where it reaches back so
        far; then kept for the next pass."""
        line = now - SETTLE
        covered: dict[datetime, set[int]] = {}  # a kept line → the units read from the database above it
        for unit_id in units or ():
            kept = self.kept.get(unit_id)
            if kept is not None and kept.start <= since:
                covered.setdefault(kept.line, set()).add(unit_id)
        in_full = None if units is None else set(units).difference(*covered.values())
        found = [] if in_full == set() else await notices.items_issued_since(session, since, in_full)
        for kept_line, unit_ids in covered.items():
            found += await notices.items_issued_since(session, since, unit_ids, due_from=kept_line)
            found += [i for u in unit_ids for i in self.kept[u].items if i[0].issued_at >= since]
        if covered:  # as the database orders them: by the notice's issue time, the notice, the assignment
            found.sort(key=lambda item: (item[0].issued_at, item[0].id, item[1].id))
        by_unit: dict[int, list[Item]] = {}
        for item in found:
            by_unit.setdefault(item[1].unit_id, []).append(item)
        for unit_id in by_unit if units is None else units:
            before = self.known(unit_id)
            done = [item for item in by_unit.get(unit_id, []) if settled(item, line)]
            self.kept[unit_id] = _Kept(
                since, line, done, {i[1].id: before.get(i[1].id) or judged(i, now) for i in done}
            )
        return found
