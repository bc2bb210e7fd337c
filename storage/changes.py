"""What changed: which units' judged facts a transaction changed (the deadline duty judges only those
again), and whether anything recorded since a mark bears on how facts stood at a past moment.

Every write that changes what the rule book (`storage.status`) or the penalty rules see of a unit — its
assignments, their deadlines, receipts, feedback, excuses, the posts that carry a notice to it, the
notice's status, its flags — records it in the same session: by unit, by assignment or by notice (all of
its units). A change that cannot name its units (the roster, a binding) calls `touch_all`. A fact stamped
at a moment (a receipt or feedback recorded as of it, a notice issued, a post queued) names that moment:
it cannot change how any deadline before it was met (a late receipt leaves a lapse a lapse), which lets
the deadline duty read less of the unit's history. The record lives in the session's `info`, so it ends
with the transaction: a write retried in a new session starts with nothing touched. Assignments and
notices are turned into units only when asked (`touched`), so recording costs no query on the paths that
never ask.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Assignment, AuditEntry

_KEY = "duban.touched"
ID_BATCH = 10_000

# unit → the earliest deadline its changes can bear on (None: any, however old)
Touched = Mapping[int, datetime | None]


@dataclass
class _Touched:
    everything: bool = False
    units: dict[int, datetime | None] = field(default_factory=dict)
    assignments: dict[int, datetime | None] = field(default_factory=dict)
    notices: set[int] = field(default_factory=set)


def _mark(found: dict[int, datetime | None], ids: Iterable[int], since: datetime | None) -> None:
    for key in ids:
        if key not in found:
            found[key] = since
        else:
            earlier = found[key]
            found[key] = None if earlier is None or since is None else min(earlier, since)


def _record(session: AsyncSession) -> _Touched:
    found = session.info.get(_KEY)
    if not isinstance(found, _Touched):
        found = session.info[_KEY] = _Touched()
    return found


def touch(session: AsyncSession, unit_ids: Iterable[int], *, since: datetime | None = None) -> None:
    """These units' facts changed in this transaction; `since`: only for deadlines at or after it."""
    _mark(_record(session).units, unit_ids, since)


def touch_assignments(
    session: AsyncSession, assignment_ids: Iterable[int], *, since: datetime | None = None
) -> None:
    """The units of these assignments changed (`since` as in `touch`)."""
    _mark(_record(session).assignments, assignment_ids, since)


def touch_notice(session: AsyncSession, notice_id: int) -> None:
    """Every unit of this notice changed (its status, or its deadline for everyone)."""
    _record(session).notices.add(notice_id)


def touch_all(session: AsyncSession) -> None:
    """Something changed that may bear on any unit: the deadline duty then judges every unit."""
    _record(session).everything = True


async def touched(session: AsyncSession) -> Touched | None:
    """The units whose facts this transaction changed so far, each with the earliest deadline the change
    can bear on (None: any); None when it cannot say which units (any unit, anywhere)."""
    found = _record(session)
    if found.everything:
        return None
    units = dict(found.units)
    for column, marks in (
        (Assignment.id, found.assignments),
        (Assignment.notice_id, dict.fromkeys(found.notices)),
    ):
        wanted = sorted(marks)
        for chunk in (wanted[i : i + ID_BATCH] for i in range(0, len(wanted), ID_BATCH)):
            rows = await session.execute(select(column, Assignment.unit_id).where(column.in_(chunk)))
            for key, unit_id in rows.all():
                _mark(units, [unit_id], marks[key])
    return units


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
