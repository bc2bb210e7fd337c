"""The audit log: one row for every state change, and reading it back."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AuditEntry, table_of


@dataclass(frozen=True)
class AuditView:
    at: datetime
    actor: str
    action: str
    subject: str
    detail: dict[str, Any]


# Built once: every state change writes one row, so the row goes in as a plain INSERT (no ORM flush).
_INSERT = insert(table_of(AuditEntry))


async def record(
    session: AsyncSession, *, at: datetime, actor: str, action: str, subject: str, **detail: Any
) -> None:
    """Write one audit row now, in the session's transaction."""
    await session.execute(
        _INSERT, {"at": at, "actor": actor, "action": action, "subject": subject, "detail": detail}
    )


async def record_all(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    """Write several audit rows (at, actor, action, subject, detail) in one statement, in order."""
    if rows:
        await session.execute(_INSERT, list(rows))


async def entries(
    session: AsyncSession, *, actions: Sequence[str] = (), subject: str | None = None
) -> list[AuditView]:
    """Entries in order; `actions` are prefixes ("assignment.receipt." …), `subject` an exact subject."""
    query = select(AuditEntry).order_by(AuditEntry.at, AuditEntry.id)
    if actions:
        query = query.where(or_(*(AuditEntry.action.startswith(prefix) for prefix in actions)))
    if subject is not None:
        query = query.where(AuditEntry.subject == subject)
    return [
        AuditView(e.at, e.actor, e.action, e.subject, dict(e.detail))
        for e in (await session.scalars(query)).all()
    ]


async def search(
    session: AsyncSession,
    *,
    actor: str = "",
    action: str = "",
    subject: str = "",
    unit: str = "",
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 500,
) -> list[AuditView]:
    """The newest entries matching every filter given: words in the actor, the action's prefix, words in
    the subject (a notice number), a unit named in the subject or the details, a time span [since, until)."""
    query = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    if actor:
        query = query.where(AuditEntry.actor.contains(actor))
    if action:
        query = query.where(AuditEntry.action.startswith(action))
    if subject:
        query = query.where(AuditEntry.subject.contains(subject))
    if since is not None:
        query = query.where(AuditEntry.at >= since)
    if until is not None:
        query = query.where(AuditEntry.at < until)
    found: list[AuditView] = []
    for e in (await session.scalars(query)).all():
        if unit and unit not in e.subject and unit not in json.dumps(e.detail, ensure_ascii=False):
            continue
        found.append(AuditView(e.at, e.actor, e.action, e.subject, dict(e.detail)))
        if len(found) >= limit:
            break
    return found
