"""Working days: the official calendar (chinese-calendar), config overrides, weekdays where it has no data."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import chinese_calendar

OFFICIAL_YEARS = frozenset(day.year for day in chinese_calendar.holidays)


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
