"""The office decides on penalties: list, confirm (opening a 整改期限) or revoke, record penalties, check the veto."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from handlers import texts
from handlers.actions import resolve
from handlers.actions.context import Turn
from handlers.reading.commands import Decide, VetoCheck
from handlers.reading.units import UnitNames, resolve_units
from handlers.rules.penalties import NEXT_RUNG
from storage import directory, flags


async def decide(turn: Turn, command: Decide) -> None:
    session, policy = turn.session, turn.policy
    if command.action == "list":
        pending = await flags.flags(session, status="proposed")
        rectifying = [
            f for f in await flags.flags(session, status="confirmed") if f.rectify_until and not f.rectified
        ]
        await turn.reply(texts.pending_proposals(policy, pending, rectifying))
        return
    if command.action == "record":
        await _record(turn, command)
        return
    found = await flags.flags(session, ids=[command.flag_id or 0])
    if not found:
        await turn.reply(texts.no_such_proposal(command.flag_id))
        return
    flag = found[0]
    if command.action == "confirm":
        await _confirm(turn, flag, command.until)
    else:
        await _revoke(turn, flag, command.reason)


async def _rectify_until(turn: Turn, kind: str, until: str | None) -> tuple[bool, datetime | None]:
    """The end of the 整改期限 a confirmed penalty of this kind opens: given, or the configured default.
    (False, None) when the office's text was wrong (answered)."""
    if kind not in NEXT_RUNG:
        if until is not None:
            await turn.reply(texts.no_rectify_period(kind))
            return False, None
        return True, None
    if until is None:
        return True, turn.now + turn.policy.rectify_period
    when = await resolve.deadline(turn, "整改期限", until)
    return when is not None, when


async def _confirm(turn: Turn, flag: flags.FlagView, until: str | None) -> None:
    if flag.status != "proposed":
        await turn.reply(texts.proposal_already_decided(flag))
        return
    ok, rectify_until = await _rectify_until(turn, flag.kind, until)
    if not ok:
        return
    await flags.decide(
        turn.session,
        flag.id,
        status="confirmed",
        actor=turn.msg.sender_id,
        at=turn.now,
        rectify_until=rectify_until,
    )
    await turn.reply(
        texts.proposal_decided(turn.policy, flag, confirmed=True, reason="", until=rectify_until)
    )


async def _revoke(turn: Turn, flag: flags.FlagView, reason: str) -> None:
    """Revoke a proposal, or a confirmed or registered penalty (a mistake); its open escalations go with it."""
    if flag.status == "revoked":
        await turn.reply(texts.proposal_already_decided(flag))
        return
    session, actor = turn.session, turn.msg.sender_id
    await flags.decide(session, flag.id, status="revoked", actor=actor, at=turn.now, reason=reason)
    following = [f for f in await flags.flags(session, status="proposed") if f.follows_id == flag.id]
    for f in following:
        await flags.decide(
            session, f.id, status="revoked", actor=actor, at=turn.now, reason=texts.revoke_reason_basis(flag)
        )
    veto_lifted = flag.status == "confirmed" and flag.kind in turn.policy.veto_kinds
    await turn.reply(
        texts.proposal_decided(turn.policy, flag, confirmed=False, reason=reason, was=flag.status)
        + texts.revoked_note(following)
        + (texts.veto_follows(flag) if veto_lifted else "")
    )


async def _record(turn: Turn, command: Decide) -> None:
    """/处理 登记: echo what will be recorded; only “… 确认” records it (a mistake here vetoes a unit)."""
    unit = await _one_unit(turn, command.unit or "")
    if unit is None:
        return
    kind = command.kind or ""
    ok, rectify_until = await _rectify_until(turn, kind, command.until)
    if not ok:
        return
    if not command.confirmed:
        await turn.reply(
            texts.penalty_record_preview(
                turn.policy, unit[1], kind, command.reason, rectify_until, command.until
            )
        )
        return
    flag = await flags.create(
        turn.session,
        key=f"manual:{turn.msg.id}",
        unit=unit,
        kind=kind,
        basis="manual",
        notices=(),
        at=turn.now,
        now=turn.now,
        actor=turn.msg.sender_id,
        status="confirmed",
        reason=command.reason,
        rectify_until=rectify_until,
    )
    await turn.reply(texts.penalty_recorded(turn.policy, flag, unit[1], command.reason, rectify_until))


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
