"""What an office command names, looked up: units (by name or 单位类别), notices, deadlines, past times.

Each helper answers the office itself when the name is wrong (with how to write it) and returns None.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from handlers import texts
from handlers.actions.context import Turn
from handlers.reading.notice_ref import parse_notice_number
from handlers.reading.timeparse import TimeParseError, parse_deadline, parse_when
from handlers.reading.units import UnitNames, category_units, resolve_units
from storage import directory, notices
from storage.notices import AssignmentView, NoticeView


async def units(turn: Turn, names: Sequence[str]) -> list[int] | None:
    """Unit ids for typed names; a category ("全部乡镇", "县直部门") selects every unit of that 单位类别."""
    known = await directory.units(turn.session)
    kinds = [(u.id, u.kind) for u in known]
    chosen: list[int] = []
    plain: list[str] = []
    for name in names:
        category = category_units(name, kinds)
        if category is None:
            plain.append(name)
        elif not category[1]:
            await turn.reply(texts.empty_category(name, sorted({u.kind for u in known if u.kind})))
            return None
        else:
            chosen += category[1]
    resolution = resolve_units(plain, [UnitNames(u.id, u.name, u.aliases) for u in known])
    if resolution.unknown:
        await turn.reply(texts.unknown_units(resolution.unknown))
        return None
    return list(dict.fromkeys([*chosen, *resolution.matched]))


async def deadline(turn: Turn, label: str, text: str) -> datetime | None:
    policy = turn.policy
    try:
        return parse_deadline(
            text, turn.now, tz=policy.tz, workday_end=policy.workday_end, calendar=policy.calendar
        )
    except TimeParseError as error:
        await turn.reply(texts.bad_deadline(label, error))
        return None


async def happened(turn: Turn, text: str | None) -> datetime | None:
    """When something the office records happened ("今天上午9点", "昨天15:20"); now when not written."""
    if text is None:
        return turn.now
    try:
        return parse_when(text, turn.now, tz=turn.policy.tz, workday_end=turn.policy.workday_end)
    except TimeParseError as error:
        await turn.reply(texts.bad_time(error))
        return None


async def notice(turn: Turn, raw: str | None) -> NoticeView | None:
    ref = parse_notice_number(raw or "")
    if ref is None:
        await turn.reply(texts.unreadable_number(raw or ""))
        return None
    year = turn.policy.local(turn.now).year
    found = await notices.find_notice(turn.session, ref.seq, ref.year, year)
    if found is None:
        shown = turn.policy.number(ref.year, ref.seq) if ref.year else texts.short_number(ref.seq)
        await turn.reply(texts.unknown_notice(shown))
    return found


async def open_notice(turn: Turn, raw: str | None) -> NoticeView | None:
    found = await notice(turn, raw)
    if found is not None and found.status != "open":
        await turn.reply(texts.not_open(found))
        return None
    return found


async def assigned(turn: Turn, notice_: NoticeView, names: Sequence[str]) -> list[AssignmentView] | None:
    """The notice's assignments of the named units; None (answered) when a name is unknown or not assigned."""
    unit_ids = await units(turn, names)
    if unit_ids is None:
        return None
    rows = {a.unit_id: a for a in await notices.assignments(turn.session, notice_ids=[notice_.id])}
    outside = [i for i in unit_ids if i not in rows]
    if outside:
        names_of = {u.id: u.name for u in await directory.units(turn.session)}
        await turn.reply(texts.not_assigned(notice_, [names_of[i] for i in outside]))
        return None
    return [rows[i] for i in unit_ids]
