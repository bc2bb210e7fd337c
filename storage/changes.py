"""Which units' judged facts a transaction changed, so the deadline duty judges only those again.

Every write that changes what the rule book (`storage.status`) or the penalty rules see of a unit — its
assignments, their deadlines, receipts, feedback, excuses, the posts that carry a notice to it, the
notice's status, its flags — records it in the same session: by unit, by assignment or by notice (all of
its units). A change that cannot name its units (the roster, a binding) calls `touch_all`. The record
lives in the session's `info`, so it ends with the transaction: a write retried in a new session starts
with nothing touched. Assignments and notices are turned into units only when asked (`touched`), so
recording costs no query on the paths that never ask.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Assignment

_KEY = "duban.touched"
ID_BATCH = 10_000


@dataclass
class _Touched:
    everything: bool = False
    units: set[int] = field(default_factory=set)
    assignments: set[int] = field(default_factory=set)
    notices: set[int] = field(default_factory=set)


def _record(session: AsyncSession) -> _Touched:
    found = session.info.get(_KEY)
    if not isinstance(found, _Touched):
        found = session.info[_KEY] = _Touched()
    return found


def touch(session: AsyncSession, unit_ids: Iterable[int]) -> None:
    """These units' facts changed in this transaction."""
    _record(session).units.update(unit_ids)


def touch_assignments(session: AsyncSession, assignment_ids: Iterable[int]) -> None:
    """The units of these assignments changed."""
    _record(session).assignments.update(assignment_ids)


def touch_notice(session: AsyncSession, notice_id: int) -> None:
    """Every unit of this notice changed (its status, or its deadline for everyone)."""
    _record(session).notices.add(notice_id)


def touch_all(session: AsyncSession) -> None:
    """Something changed that may bear on any unit: the deadline duty then judges every unit."""
    _record(session).everything = True


async def touched(session: AsyncSession) -> frozenset[int] | None:
    """The units whose facts this transaction changed so far; None when it cannot say (any unit)."""
    found = _record(session)
    if found.everything:
        return None
    units = set(found.units)
    for column, ids in ((Assignment.id, found.assignments), (Assignment.notice_id, found.notices)):
        wanted = sorted(ids)
        for chunk in (wanted[i : i + ID_BATCH] for i in range(0, len(wanted), ID_BATCH)):
            units.update((await session.scalars(select(Assignment.unit_id).where(column.in_(chunk)))).all())
    return frozenset(units)
