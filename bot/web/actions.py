"""Web changes run the chat commands' own handlers: the same parsing, checks, texts and audit entries."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from bot.web.desk import Desk
from handlers.actions.attachments import Upload, keep_uploads
from handlers.actions.context import Turn
from handlers.actions.office import run_command
from handlers.messages import IncomingMessage
from handlers.reading.commands import parse_command

WEB_ACTOR = "网页:{username}"


@dataclass
class WebTurn(Turn):
    """A turn whose answers go back to the web page instead of into a chat."""

    answers: list[str] = field(default_factory=list)

    async def reply(self, text: str) -> None:
        self.answers.append(text)


def actor(username: str) -> str:
    """Who the audit log names for a change made on the web."""
    return WEB_ACTOR.format(username=username)


def _message(desk: Desk, username: str, command_text: str) -> IncomingMessage:
    """A command typed on the web, as the message the chat handlers take."""
    return IncomingMessage(
        id=f"web:{uuid.uuid4().hex}",
        sender_id=actor(username),
        text=command_text,
        at=desk.now(),
        sender_name=username,
    )


async def run_as(desk: Desk, username: str, command_text: str) -> list[str]:
    """Run one office command typed on the web, as `username`; the bot's answers, in Chinese."""
    async with desk.db.transaction() as session:
        turn = WebTurn(session, _message(desk, username, command_text), desk.policy(), None)
        await run_command(turn, parse_command(command_text))
    await desk.after_change()
    return turn.answers


class _NotPublished(Exception):
    """Undo the files kept for a publish that did not go out."""


async def publish_as(
    desk: Desk, username: str, command_text: str, uploads: list[Upload]
) -> tuple[bool, list[str]]:
    """Publish from the 发布 form with its uploaded files, in one transaction: every file is checked first
    and kept for this web user (as a file sent in private is), then `/发布` picks them up and posts them
    after the notice text. A bad file, or a refused notice with files, keeps nothing. (published?, the answers)"""
    message = _message(desk, username, command_text)
    answers: list[str] = []
    try:
        async with desk.db.transaction() as session:
            turn = WebTurn(session, message, desk.policy(), None, answers=answers)
            if uploads:
                kept = await keep_uploads(
                    session, desk.files, turn.policy.files, uploads, uploader=message.sender_id, now=turn.now
                )
                if isinstance(kept, str):
                    answers.append(kept)
                    raise _NotPublished
            await run_command(turn, parse_command(command_text))
            published = any(answer.startswith("已发布") for answer in answers)
            if uploads and not published:
                raise _NotPublished  # the files must not wait for a later notice
    except _NotPublished:
        return False, answers
    await desk.after_change()
    return published, answers


def one_line(value: str) -> str:
    """A form field that goes on one line of a command (a title, a unit list, a time)."""
    return " ".join(value.split())


def publish_text(title: str, units: str, receipt_due: str, feedback_due: str, body: str) -> str:
    """The `/发布` command the 发布 form stands for."""
    lines = [f"/发布 {one_line(title)}".rstrip(), f"单位：{one_line(units)}"]
    if receipt_due.strip():
        lines.append(f"签收时限：{one_line(receipt_due)}")
    if feedback_due.strip():
        lines.append(f"反馈时限：{one_line(feedback_due)}")
    if body.strip():
        lines.append(f"正文：{body.strip()}")
    return "\n".join(lines)
