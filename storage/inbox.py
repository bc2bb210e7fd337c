"""Inbound message ids already handled: each message changes things at most once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import ProcessedMessage


async def first_time(session: AsyncSession, message_id: str, *, at: datetime) -> bool:
    """Record the id in this transaction; False when it was handled before."""
    if await session.get(ProcessedMessage, message_id) is not None:
        return False
    session.add(ProcessedMessage(message_id=message_id, processed_at=at))
    return True
