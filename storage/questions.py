"""Questions the bot asked a liaison about an unclear reply, waiting for the notice number."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import PendingQuestion


@dataclass(frozen=True)
class QuestionView:
    id: int
    wechat_id: str
    message_id: str
    text: str
    at: datetime
    candidates: tuple[int, ...]  # notice ids


async def open_questions(session: AsyncSession, wechat_id: str, *, since: datetime) -> list[QuestionView]:
    """A person's unanswered questions asked at or after `since`, oldest first."""
    rows = await session.scalars(
        select(PendingQuestion)
        .where(
            PendingQuestion.wechat_id == wechat_id,
            PendingQuestion.resolved_at.is_(None),
            PendingQuestion.at >= since,
        )
        .order_by(PendingQuestion.id)
    )
    return [
        QuestionView(q.id, q.wechat_id, q.message_id, q.text, q.at, tuple(q.candidates)) for q in rows.all()
    ]


def add(
    session: AsyncSession,
    *,
    wechat_id: str,
    room_id: str | None,
    message_id: str,
    text: str,
    at: datetime,
    candidates: Sequence[int],
) -> None:
    session.add(
        PendingQuestion(
            wechat_id=wechat_id,
            room_id=room_id,
            message_id=message_id,
            text=text,
            at=at,
            candidates=list(candidates),
            resolved_at=None,
        )
    )


async def resolve(session: AsyncSession, question_id: int, *, at: datetime) -> None:
    await session.execute(
        update(PendingQuestion).where(PendingQuestion.id == question_id).values(resolved_at=at)
    )
