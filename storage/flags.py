"""Penalty flags: proposals made by the rules or recorded by the office, and the office's decisions."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit, changes
from storage.models import Flag, Notice, Unit

ID_BATCH = 10_000  # keys per IN list (PostgreSQL takes at most 32,767 parameters)


@dataclass(frozen=True)
class FlagView:
    id: int
    unit_id: int
    unit_name: str
    kind: str
    basis: str
    notice_ids: tuple[int, ...]
    numbers: tuple[str, ...]
    at: datetime
    status: str
    reason: str
    decided_by: str | None
    decided_at: datetime | None
    decision_reason: str | None
    lapses: tuple[tuple[int, str], ...] = ()  # (notice id, "receipt" | "feedback") it cites
    rectify_until: datetime | None = None  # confirmed 通报批评 / 媒体曝光: the rectification period's end
    rectified: str | None = None  # 整改到位 | 未整改, once that period has ended
    follows_id: int | None = None  # the flag whose failed rectification this one escalates


@dataclass(frozen=True)
class FlagMark:
    """What the penalty rules need of a live (proposed or confirmed) flag."""

    unit_id: int
    basis: str
    notice_ids: tuple[int, ...]
    at: datetime


async def live_marks(session: AsyncSession, unit_ids: Collection[int], *, since: datetime) -> list[FlagMark]:
    """The live flags of these units made at or after `since`, in order, read as plain columns."""
    rows = await session.execute(
        select(Flag.unit_id, Flag.basis, Flag.notice_ids, Flag.at)
        .where(Flag.unit_id.in_(unit_ids), Flag.at >= since, Flag.status != "revoked")
        .order_by(Flag.id)
    )
    return [FlagMark(unit_id, basis, tuple(ids), at) for unit_id, basis, ids, at in rows.all()]


async def _views(session: AsyncSession, rows: Sequence[tuple[Flag, str]]) -> list[FlagView]:
    ids = {notice_id for flag, _ in rows for notice_id in flag.notice_ids}
    numbers: dict[int, str] = {}
    if ids:
        found = await session.execute(select(Notice.id, Notice.number).where(Notice.id.in_(ids)))
        numbers = {notice_id: number for notice_id, number in found.all()}
    return [
        FlagView(
            f.id,
            f.unit_id,
            unit_name,
            f.kind,
            f.basis,
            tuple(f.notice_ids),
            tuple(numbers.get(i, str(i)) for i in f.notice_ids),
            f.at,
            f.status,
            f.reason,
            f.decided_by,
            f.decided_at,
            f.decision_reason,
            tuple((int(notice_id), str(field)) for notice_id, field in f.lapses),
            f.rectify_until,
            f.rectified,
            f.follows_id,
        )
        for f, unit_name in rows
    ]


async def taken(session: AsyncSession, wanted: Collection[str]) -> set[str]:
    """Which of the `wanted` dedup keys a flag already has (read by the keys' unique index)."""
    found: set[str] = set()
    ordered = sorted(wanted)
    for chunk in (ordered[i : i + ID_BATCH] for i in range(0, len(ordered), ID_BATCH)):
        found.update((await session.scalars(select(Flag.dedup_key).where(Flag.dedup_key.in_(chunk)))).all())
    return found


async def create(
    session: AsyncSession,
    *,
    key: str,
    unit: tuple[int, str],
    kind: str,
    basis: str,
    notices: Sequence[tuple[int, str]],
    at: datetime,
    now: datetime,
    actor: str,
    status: str = "proposed",
    reason: str = "",
    lapses: Sequence[tuple[int, str]] = (),
    follows_id: int | None = None,
    rectify_until: datetime | None = None,
) -> FlagView:
    """Create a flag; `key` is unique (check `keys` first): each proposal is made exactly once.

    `unit` is (id, name) and `notices` are (id, number) pairs, so no lookups are needed here.
    """
    unit_id = unit[0]
    notice_ids = [notice_id for notice_id, _ in notices]
    flag = Flag(
        dedup_key=key,
        unit_id=unit_id,
        kind=kind,
        basis=basis,
        notice_ids=list(notice_ids),
        lapses=[[notice_id, field] for notice_id, field in lapses],
        follows_id=follows_id,
        rectify_until=rectify_until,
        at=at,
        status=status,
        reason=reason,
        created_at=now,
        decided_by=actor if status != "proposed" else None,
        decided_at=now if status != "proposed" else None,
    )
    session.add(flag)
    await session.flush()
    changes.touch(session, [unit_id])
    await audit.record(
        session,
        at=now,
        actor=actor,
        action=f"flag.{status}",
        subject=f"flag:{flag.id}",
        unit_id=unit_id,
        kind=kind,
        basis=basis,
        notices=list(notice_ids),
        reason=reason,
        rectify_until=rectify_until.isoformat() if rectify_until else None,
        follows_id=follows_id,
    )
    return FlagView(
        flag.id,
        unit_id,
        unit[1],
        kind,
        basis,
        tuple(notice_ids),
        tuple(number for _, number in notices),
        at,
        status,
        reason,
        flag.decided_by,
        flag.decided_at,
        None,
        tuple(lapses),
        rectify_until,
        None,
        follows_id,
    )


async def flags(
    session: AsyncSession,
    *,
    ids: Sequence[int] | None = None,
    status: str | None = None,
    unit_id: int | None = None,
    unit_ids: Collection[int] | None = None,
    year_range: tuple[datetime, datetime] | None = None,
) -> list[FlagView]:
    query = select(Flag, Unit.name).join(Unit, Flag.unit_id == Unit.id).order_by(Flag.id)
    if unit_ids is not None:
        query = query.where(Flag.unit_id.in_(unit_ids))
    if ids is not None:
        query = query.where(Flag.id.in_(ids))
    if status is not None:
        query = query.where(Flag.status == status)
    if unit_id is not None:
        query = query.where(Flag.unit_id == unit_id)
    if year_range is not None:
        query = query.where(Flag.at >= year_range[0], Flag.at < year_range[1])
    return await _views(
        session, [(flag, unit_name) for flag, unit_name in (await session.execute(query)).all()]
    )


async def rectifying(session: AsyncSession) -> list[FlagView]:
    """Confirmed flags with a 整改期限 whose result is not recorded yet (running, or ended and due for one)."""
    # Only the 整改期限 is asked in SQL (its index holds the few flags that ever had one); asking the status
    # too would let a planner walk every confirmed flag of years through the status index instead.
    query = (
        select(Flag, Unit.name)
        .join(Unit, Flag.unit_id == Unit.id)
        .where(Flag.rectify_until.is_not(None))
        .order_by(Flag.id)
    )
    rows = [
        (flag, unit_name)
        for flag, unit_name in (await session.execute(query)).all()
        if flag.status == "confirmed" and flag.rectified is None
    ]
    return await _views(session, rows)


async def decide(
    session: AsyncSession,
    flag_id: int,
    *,
    status: str,
    actor: str,
    at: datetime,
    reason: str = "",
    release_key: bool = False,
    rectify_until: datetime | None = None,
) -> None:
    """Confirm or revoke a flag. `release_key`: a revocation because the facts changed (not a judgement),
    so the rules may propose the same flag again if it still holds on the new facts. `rectify_until`: the
    end of the rectification period a confirmed 通报批评 or 媒体曝光 opens."""
    flag = await session.get_one(Flag, flag_id)
    previous = flag.status
    flag.status, flag.decided_by, flag.decided_at, flag.decision_reason = status, actor, at, reason
    changes.touch(session, [flag.unit_id])
    if status == "confirmed":
        flag.rectify_until = rectify_until
    if release_key:
        flag.dedup_key = f"{flag.dedup_key}~released-{flag.id}"
    await audit.record(
        session,
        at=at,
        actor=actor,
        action=f"flag.{status}",
        subject=f"flag:{flag_id}",
        previous=previous,
        reason=reason,
        rectify_until=rectify_until.isoformat() if rectify_until else None,
    )


async def set_rectified(session: AsyncSession, flag_id: int, *, result: str, at: datetime) -> None:
    """A rectification period has ended: 整改到位, or 未整改 (the next rung was proposed)."""
    flag = await session.get_one(Flag, flag_id)
    flag.rectified = result
    changes.touch(session, [flag.unit_id])
    await audit.record(
        session, at=at, actor="duban", action="flag.rectified", subject=f"flag:{flag_id}", result=result
    )
