"""The one inbound seam: every incoming message, from any transport, is handled here exactly once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from handlers import texts
from handlers.actions.attachments import file_received
from handlers.actions.context import Turn
from handlers.actions.liaison import handle_reply, is_own_query, own_notices
from handlers.actions.office import run_command
from handlers.messages import IncomingMessage
from handlers.policy import Policy
from handlers.reading.classify import classify
from handlers.reading.commands import is_command, parse_command
from storage import directory, outbox
from storage.directory import DirectoryCache, UnitView

# "command" and "queued" (a reply waiting for the office) wake the timed duties at once.
Handled = Literal["command", "queued", "message"]
REFUSAL_EVERY = timedelta(
    hours=1
)  # a non-office person hears "commands are for the office" at most this often


async def handle_message(
    session: AsyncSession,
    policy: Policy,
    msg: IncomingMessage,
    known: DirectoryCache,
    version: int | None = None,
) -> Handled:
    """Handle one message inside the caller's transaction (which also marks it handled in the inbox);
    `version`: the who-is-who counter as that transaction already read it (None: read it here)."""
    if msg.sender_id == policy.bot_id:
        return "message"
    who = await (known.read(session) if version is None else known.at(session, version))
    if msg.room_id is not None and not who.knows_member(
        msg.room_id, msg.room_topic, msg.sender_id, msg.display_name
    ):
        await directory.observe_member(
            session,
            room_id=msg.room_id,
            topic=msg.room_topic,
            wechat_id=msg.sender_id,
            alias=msg.display_name,
        )
    person = who.people.get(msg.sender_id)
    turn = Turn(session, msg, policy, person)
    liaison_unit = person.unit_id if person is not None else None
    if msg.file is not None:
        await file_received(turn)
    elif msg.room_id is None and liaison_unit is not None and is_own_query(msg.text):
        await own_notices(turn, liaison_unit)
    elif is_command(msg.text):
        if person is not None and person.is_office:
            await run_command(turn, parse_command(msg.text))
            return "command"
        await _refuse(turn, liaison=liaison_unit is not None)
    elif liaison_unit is not None:
        if await handle_reply(turn, liaison_unit, who.units):
            return "queued"
    elif person is not None and person.is_office:
        if msg.room_id is None:
            await turn.tell(msg.sender_id, texts.private_hint_office(), key=f"hint:{msg.id}", kind="hint")
    elif classify(msg.text).intents:
        await _hint_unbound(turn)
    return "message"


async def _refuse(turn: Turn, *, liaison: bool) -> None:
    """Commands are for the office; a stranger sending many hears it once an hour (sends are scarce)."""
    last = await outbox.last_to(turn.session, turn.msg.sender_id, kind="refusal")
    if last is not None and turn.now - last < REFUSAL_EVERY:
        return
    await turn.tell(
        turn.msg.sender_id, texts.refuse_command(liaison=liaison), key=f"refuse:{turn.msg.id}", kind="refusal"
    )


def guess_unit(display_name: str, units: Sequence[UnitView]) -> str | None:
    """The unit whose name or short name appears in a display name like 城关镇-王五, longest first."""
    found = [
        (len(label), unit.name)
        for unit in units
        for label in (unit.name, *unit.aliases)
        if label and label in display_name
    ]
    return max(found)[1] if found else None


async def _hint_unbound(turn: Turn) -> None:
    """Tell the office that someone unbound replies like a liaison; the dedup key makes it once per person."""
    msg, session = turn.msg, turn.session
    guess = guess_unit(msg.display_name, await directory.units(session))
    text = texts.unbound_hint(msg.sender_id, msg.display_name, msg.room_topic, msg.text, guess)
    for office in await directory.office_staff(session):
        await turn.tell(
            office.wechat_id, text, key=f"unbound:{msg.sender_id}:{office.wechat_id}", kind="hint"
        )
