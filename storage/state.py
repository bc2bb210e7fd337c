"""Small facts the running bot keeps across restarts, by key (its last sign of life, say)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import BotState


async def get(session: AsyncSession, key: str) -> dict[str, Any] | None:
    row = await session.get(BotState, key)
    return None if row is None else dict(row.value)


async def put(session: AsyncSession, key: str, value: dict[str, Any], *, at: datetime) -> None:
    row = await session.get(BotState, key)
    if row is None:
        session.add(BotState(key=key, value=value, updated_at=at))
    else:
        row.value, row.updated_at = value, at
