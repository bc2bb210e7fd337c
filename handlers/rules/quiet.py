"""Quiet hours (免打扰时段): when the bot sends nothing by itself."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

QUIET_MARGIN = timedelta(minutes=5)  # reminders that would fall in quiet hours go this long before them


def clock_within(clock: time, start: time, end: time) -> bool:
    """Whether a time of day falls in the window from `start` to `end` (past midnight when `end` is earlier)."""
    if start <= end:
        return start <= clock < end
    return clock >= start or clock < end


def in_quiet(moment: datetime, start: time, end: time, tz: ZoneInfo) -> bool:
    return clock_within(moment.astimezone(tz).time(), start, end)


def quiet_bounds(moment: datetime, start: time, end: time, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """Start and end of the quiet period that contains `moment` (which must be inside one)."""
    local = moment.astimezone(tz)
    day = local.date()
    if start > end and local.time() < end:
        day -= timedelta(days=1)
    begin = datetime.combine(day, start, tzinfo=tz)
    finish = datetime.combine(day if start <= end else day + timedelta(days=1), end, tzinfo=tz)
    return begin, finish


def after_quiet(moment: datetime, start: time, end: time, tz: ZoneInfo) -> datetime:
    """`moment`, or the end of the quiet hours it falls in."""
    return quiet_bounds(moment, start, end, tz)[1] if in_quiet(moment, start, end, tz) else moment


def before_quiet(moment: datetime, start: time, end: time, tz: ZoneInfo) -> datetime:
    """`moment`, or QUIET_MARGIN before the quiet hours it falls in begin."""
    if in_quiet(moment, start, end, tz):
        return quiet_bounds(moment, start, end, tz)[0] - QUIET_MARGIN
    return moment
