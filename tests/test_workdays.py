"""Working days: the official calendar (调休 Saturdays, holidays), config overrides, and a weekday fallback."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.app import make_policy
from bot.config import config_from_mapping
from handlers.rules.workdays import WorkCalendar

CALENDAR = WorkCalendar()


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 2, 13), True),  # Friday before the Spring Festival
        (date(2026, 2, 14), True),  # 调休 Saturday
        (date(2026, 2, 15), False),  # Spring Festival holiday begins (a Sunday)
        (date(2026, 2, 16), False),  # a Monday inside the holiday
        (date(2026, 2, 17), False),  # 春节
        (date(2026, 2, 20), False),  # a Friday inside the holiday
        (date(2026, 2, 23), False),  # last day of the holiday, a Monday
        (date(2026, 2, 24), True),  # back to work
        (date(2026, 2, 28), True),  # the second 调休 Saturday
        (date(2026, 3, 7), False),  # an ordinary Saturday
        (date(2026, 3, 8), False),  # an ordinary Sunday
        (date(2026, 3, 9), True),  # an ordinary Monday
        (date(2026, 10, 1), False),  # 国庆节 (a Thursday)
        (date(2026, 10, 7), False),
        (date(2026, 10, 8), True),
        (date(2026, 1, 1), False),  # 元旦
    ],
)
def test_official_calendar(day: date, working: bool) -> None:
    assert CALENDAR.is_working_day(day) is working


def test_knows_the_years_the_package_has_data_for() -> None:
    assert CALENDAR.knows(2026)
    assert CALENDAR.knows(2025)
    assert not CALENDAR.knows(2027)
    assert not CALENDAR.knows(2030)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2027, 1, 1), True),  # a Friday: without data the fallback does not know it is 元旦
        (date(2027, 1, 2), False),  # Saturday
        (date(2027, 1, 3), False),  # Sunday
        (date(2027, 1, 4), True),  # Monday
        (date(2027, 2, 6), False),  # a Saturday (whatever 调休 the State Council announces later)
        (date(2027, 2, 8), True),
    ],
)
def test_a_year_without_data_falls_back_to_monday_to_friday(day: date, working: bool) -> None:
    assert CALENDAR.is_working_day(day) is working


@given(st.dates(min_value=date(2027, 1, 1), max_value=date(2035, 12, 31)))
def test_fallback_is_exactly_the_weekdays(day: date) -> None:
    assert CALENDAR.is_working_day(day) is (day.weekday() < 5)


def test_overrides_win_over_the_fallback() -> None:
    calendar = WorkCalendar.of([date(2027, 1, 1)], [date(2027, 2, 6)])
    assert not calendar.is_working_day(date(2027, 1, 1))
    assert calendar.is_working_day(date(2027, 2, 6))
    assert calendar.is_working_day(date(2027, 1, 4))  # everything else unchanged
    assert not calendar.is_working_day(date(2027, 2, 7))


def test_overrides_win_over_the_official_calendar() -> None:
    # A county may add a local holiday, or call people in on a holiday.
    calendar = WorkCalendar.of([date(2026, 3, 9)], [date(2026, 2, 16)])
    assert not calendar.is_working_day(date(2026, 3, 9))
    assert calendar.is_working_day(date(2026, 2, 16))
    assert calendar.is_working_day(date(2026, 2, 14))
    assert not calendar.is_working_day(date(2026, 2, 17))


def test_overrides_come_from_the_configuration() -> None:
    config = config_from_mapping(
        {"calendar": {"extra_holidays": ["2027-01-01"], "extra_workdays": ["2027-02-06"]}}
    )
    calendar = make_policy(config, bot_id="bot").calendar
    assert not calendar.is_working_day(date(2027, 1, 1))
    assert calendar.is_working_day(date(2027, 2, 6))


def test_overrides_from_the_environment() -> None:
    config = config_from_mapping({}, env={"DUBAN_CALENDAR_EXTRA_HOLIDAYS": "2027-01-01, 2027-01-04"})
    calendar = make_policy(config, bot_id="bot").calendar
    assert not calendar.is_working_day(date(2027, 1, 4))
    assert calendar.is_working_day(date(2027, 1, 5))


@given(
    st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 12, 31)),
    st.sets(st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 12, 31)), max_size=5),
)
def test_an_extra_holiday_is_never_a_working_day(day: date, others: set[date]) -> None:
    calendar = WorkCalendar.of({day, *others}, set())
    assert not calendar.is_working_day(day)
    assert WorkCalendar.of(set(), {day}).is_working_day(day)


def test_a_whole_spring_festival_fortnight() -> None:
    start = date(2026, 2, 9)
    working = [
        start + timedelta(days=i) for i in range(21) if CALENDAR.is_working_day(start + timedelta(days=i))
    ]
    assert [d.isoformat() for d in working] == [
        "2026-02-09",
        "2026-02-10",
        "2026-02-11",
        "2026-02-12",
        "2026-02-13",
        "2026-02-14",
        "2026-02-24",
        "2026-02-25",
        "2026-02-26",
        "2026-02-27",
        "2026-02-28",
    ]
