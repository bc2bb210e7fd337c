"""What changed: which units' judged facts a transaction changed (the deadline duty judges only those
again), and whether anything recorded since a mark bears on how facts stood at a past moment.

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
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Assignment, AuditEntry

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


# Changes that take effect at their own time (a liaison's report, a notice issued or closed): one stamped
# after a moment cannot change how anything stood at it.
STAMPED_NOW = (
    "assignment.receipt",
    "assignment.feedback.progress",
    "assignment.feedback.done",
    "assignment.feedback.delay",
    "notice.issue",
    "notice.closed",
)


async def last_change(session: AsyncSession) -> int:
    """The newest audit entry's id (every recorded change writes one): a mark to ask `changed_since`."""
    return await session.scalar(select(func.max(AuditEntry.id))) or 0


async def changed_since(session: AsyncSession, mark: int, *, as_of: datetime) -> bool:
    """Whether anything recorded after `mark` may change how facts stood at `as_of`: every change but those
    stamped after that moment (`STAMPED_NOW`) and the rules' own proposals (never a penalty until
    confirmed). Reads only the entries after `mark`."""
    query = (
        select(AuditEntry.id)
        .where(
            AuditEntry.id > mark,
            AuditEntry.action != "flag.proposed",
            or_(AuditEntry.action.not_in(STAMPED_NOW), AuditEntry.at <= as_of),
        )
        .limit(1)
    )
    return await session.scalar(query) is not None
