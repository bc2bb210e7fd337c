"""The audit log: one row for every state change."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AuditEntry


def record(
    session: AsyncSession, *, at: datetime, actor: str, action: str, subject: str, **detail: Any
) -> None:
    session.add(AuditEntry(at=at, actor=actor, action=action, subject=subject, detail=detail))
