"""The office decides on penalties: list proposals, confirm or revoke, record later rungs, check the veto."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from handlers import texts
from handlers.commands import Decide, VetoCheck
from handlers.context import Turn
from handlers.units import UnitNames, resolve_units
from storage import directory, flags


async def decide(turn: Turn, command: Decide) -> None:
    session, policy = turn.session, turn.policy
    if command.action == "list":
        pending = await flags.flags(session, status="proposed")
        if not pending:
            await turn.reply(texts.NO_PENDING_PROPOSALS)
            return
        await turn.reply(texts.pending_proposals(policy, pending))
        return
    if command.action == "record":
        unit = await _one_unit(turn, command.unit or "")
        if unit is None:
            return
        flag = await flags.create(
            session,
            key=f"manual:{turn.msg.id}",
            unit=unit,
            kind=command.kind or "",
            basis="manual",
            notices=(),
            at=turn.now,
            now=turn.now,
            actor=turn.msg.sender_id,
            status="confirmed",
            reason=command.reason,
        )
        await turn.reply(texts.penalty_recorded(flag, unit[1], command.reason))
        return
    found = await flags.flags(session, ids=[command.flag_id or 0])
    if not found:
        await turn.reply(texts.no_such_proposal(command.flag_id))
        return
    flag = found[0]
    if flag.status != "proposed":
        await turn.reply(texts.proposal_already_decided(flag))
        return
    status = "confirmed" if command.action == "confirm" else "revoked"
    await flags.decide(
        session, flag.id, status=status, actor=turn.msg.sender_id, at=turn.now, reason=command.reason
    )
    await turn.reply(
        texts.proposal_decided(policy, flag, confirmed=status == "confirmed", reason=command.reason)
    )


async def veto_check(turn: Turn, command: VetoCheck) -> None:
    """一票否决: a unit with a confirmed penalty of a veto kind in the year cannot be commended."""
    unit = await _one_unit(turn, command.unit)
    if unit is None:
        return
    policy = turn.policy
    year = int(command.year) if command.year else policy.local(turn.now).year
    span = (datetime(year, 1, 1, tzinfo=policy.tz), datetime(year + 1, 1, 1, tzinfo=policy.tz))
    all_flags = await flags.flags(turn.session, unit_id=unit[0], year_range=span)
    confirmed = [f for f in all_flags if f.status == "confirmed"]
    vetoing = [f for f in confirmed if f.kind in policy.veto_kinds]
    others = [f for f in confirmed if f.kind not in policy.veto_kinds]
    pending = [f for f in all_flags if f.status == "proposed"]
    await turn.reply(texts.veto_answer(policy, unit[1], year, vetoing, others, pending))


async def _one_unit(turn: Turn, name: str) -> tuple[int, str] | None:
    known = await directory.units(turn.session)
    resolution = resolve_units([name], [UnitNames(u.id, u.name, u.aliases) for u in known])
    if resolution.unknown or len(resolution.matched) != 1:
        await turn.reply(texts.unknown_units(resolution.unknown or ((name, ()),)))
        return None
    unit_id = resolution.matched[0]
    return unit_id, next(u.name for u in known if u.id == unit_id)


async def revoke_for(
    session: AsyncSession,
    notice_id: int,
    unit_ids: Sequence[int] | None,
    *,
    actor: str,
    at: datetime,
    reason: str,
) -> list[flags.FlagView]:
    """Proposals naming a notice whose facts changed (withdrawn, excused, deadline moved) are revoked;
    the rules then run again on the new facts and may propose them anew."""
    revoked = []
    for flag in await flags.flags(session, status="proposed"):
        if notice_id in flag.notice_ids and (unit_ids is None or flag.unit_id in unit_ids):
            await flags.decide(
                session, flag.id, status="revoked", actor=actor, at=at, reason=reason, release_key=True
            )
            revoked.append(flag)
    return revoked
