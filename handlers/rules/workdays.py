"""Working days and festivals: the official calendar (chinese-calendar), config overrides, weekdays beyond it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import chinese_calendar
from lunardate import LunarDate

OFFICIAL_YEARS = frozenset(day.year for day in chinese_calendar.holidays)
# The festivals of the official holiday arrangement, by the names people write; lunar ones by (month, day).
FESTIVALS: dict[str, tuple[int, int] | str] = {
    "元旦": (1, 1),
    "五一": (5, 1),
    "国庆": (10, 1),
    "清明": "清明",  # a solar term
    "春节": "lunar:1:1",
    "端午": "lunar:5:5",
    "中秋": "lunar:8:15",
}
FESTIVAL_ALIASES = {"劳动节": "五一", "国庆节": "国庆", "清明节": "清明", "端午节": "端午", "中秋节": "中秋"}
_LONGEST_REST = 20  # no official rest period is longer


@dataclass(frozen=True)
class WorkCalendar:
    extra_holidays: frozenset[date] = frozenset()
    extra_workdays: frozenset[date] = frozenset()

    @classmethod
    def of(cls, holidays: Iterable[date], workdays: Iterable[date]) -> WorkCalendar:
        return cls(frozenset(holidays), frozenset(workdays))

    def is_working_day(self, day: date) -> bool:
        if day in self.extra_holidays:
            return False
        if day in self.extra_workdays:
            return True
        if self.knows(day.year):
            return bool(chinese_calendar.is_workday(day))
        return day.weekday() < 5

    @staticmethod
    def knows(year: int) -> bool:
        """Whether the official calendar has this year's holidays and 调休 days."""
        return year in OFFICIAL_YEARS

    def working_day_after(self, day: date, count: int) -> date:
        """The `count`-th working day after `day` (`day` itself never counts)."""
        found = 0
        while found < count:
            day += timedelta(days=1)
            found += self.is_working_day(day)
        return day

    def add_working_time(
        self, start: datetime, length: timedelta, *, begin: time, end: time, tz: ZoneInfo
    ) -> datetime:
        """`start` plus `length` of working time (working days, from `begin` to `end`)."""
        moment = start.astimezone(tz)
        left = length
        while True:
            day = moment.date()
            opens = datetime.combine(day, begin, tzinfo=tz)
            closes = datetime.combine(day, end, tzinfo=tz)
            if self.is_working_day(day) and moment < closes:
                moment = max(moment, opens)
                if moment + left <= closes:
                    return moment + left
                left -= closes - moment
            moment = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz)

    def festival_day(self, name: str, year: int) -> date:
        """The festival's own day in `year` (元旦 1月1日, 春节 正月初一, 清明 the solar term …)."""
        rule = FESTIVALS[FESTIVAL_ALIASES.get(name, name)]
        if isinstance(rule, tuple):
            return date(year, *rule)
        if rule.startswith("lunar:"):
            _, month, day = rule.split(":")
            solar: date = LunarDate(year, int(month), int(day)).to_solar_date()
            return solar
        terms = chinese_calendar.get_solar_terms(date(year, 4, 1), date(year, 4, 10))
        found: date = next(day for day, term in terms if term == rule)
        return found

    def rest_days(self, name: str, year: int) -> tuple[date, date] | None:
        """The first and last rest day of the festival's holiday in `year` (None: the calendar does not know
        that year, or the festival falls on a working day)."""
        day = self.festival_day(name, year)
        if not self.knows(year) or self.is_working_day(day):
            return None
        first = last = day
        for _ in range(_LONGEST_REST):
            if self.is_working_day(first - timedelta(days=1)):
                break
            first -= timedelta(days=1)
        for _ in range(_LONGEST_REST):
            if self.is_working_day(last + timedelta(days=1)):
                break
            last += timedelta(days=1)
        return first, last
