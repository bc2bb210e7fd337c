"""Outgoing-message helpers: splitting long texts and long @-lists, and quiet hours."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.app import make_policy
from bot.config import config_from_mapping
from handlers.actions.duties import reminder_time
from handlers.actions.outgoing import split_message, split_text
from handlers.rules.quiet import QUIET_MARGIN, in_quiet, quiet_bounds

TZ = ZoneInfo("Asia/Shanghai")
# Hypothesis wants naive bounds for st.datetimes; the generated values carry TZ.
NAIVE_2026 = datetime(2026, 1, 1)  # noqa: DTZ001
NAIVE_2027_END = datetime(2027, 12, 31)  # noqa: DTZ001
NAIVE_2026_END = datetime(2026, 12, 31)  # noqa: DTZ001
NIGHT = (time(22, 0), time(7, 30))
MARKER = re.compile(r"（(\d+)/(\d+)）$")


def local(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, second, tzinfo=TZ)


def unmarked(parts: list[str]) -> list[str]:
    """The parts without their （i/n） markers, checking the markers count 1…n."""
    if len(parts) == 1:
        return parts
    bodies = []
    for index, part in enumerate(parts, 1):
        found = MARKER.search(part)
        assert found is not None, part
        assert (int(found[1]), int(found[2])) == (index, len(parts))
        bodies.append(part[: found.start()])
    return bodies


# ---------------------------------------------------------------------------------------------------------
# split_text


def test_short_text_is_left_alone() -> None:
    assert split_text("【每日督办提醒】\n1. 督办〔2026〕1号", 100) == ["【每日督办提醒】\n1. 督办〔2026〕1号"]
    exact = "字" * 100
    assert split_text(exact, 100) == [exact]


def test_long_text_is_split_at_line_ends_and_numbered() -> None:
    lines = [
        f"{i}. 督办〔2026〕{i}号《关于开展冬季安全生产大检查的通知》未签收：城关镇" for i in range(1, 11)
    ]
    text = "\n".join(lines)
    parts = split_text(text, 120)
    assert len(parts) > 1
    assert all(len(p) <= 120 for p in parts)
    bodies = unmarked(parts)
    assert "\n".join(bodies) == text  # nothing lost, cut only where a line ended
    for body in bodies:
        assert all(line in lines for line in body.split("\n"))


def test_a_single_overlong_line_is_cut_hard() -> None:
    text = "甲" * 250
    parts = split_text(text, 100)
    assert all(len(p) <= 100 for p in parts)
    assert "".join(unmarked(parts)) == text


@settings(max_examples=300)
@given(
    st.text(alphabet=st.sampled_from("督办签收反馈abc12 \n。，"), max_size=1200),
    st.integers(min_value=100, max_value=400),
)
def test_split_text_keeps_every_character_in_order_within_the_limit(text: str, limit: int) -> None:
    parts = split_text(text, limit)
    assert all(len(p) <= limit for p in parts)
    bodies = unmarked(parts)
    assert "".join(bodies).replace("\n", "") == text.replace("\n", "")


def test_split_text_limit_holds_for_a_hundred_parts_and_more() -> None:
    parts = split_text("x" * 10_000, 100)
    assert len(parts) >= 100
    assert max(len(p) for p in parts) <= 100


# ---------------------------------------------------------------------------------------------------------
# split_message


def test_short_message_with_few_mentions_is_one_message() -> None:
    assert split_message("催办", ("a", "b"), max_length=100, mentions_per_message=20) == [
        ("催办", ("a", "b"))
    ]
    assert split_message("催办", (), max_length=100, mentions_per_message=20) == [("催办", ())]


def test_long_mention_list_is_split_across_messages() -> None:
    people = tuple(f"p{i}" for i in range(7))
    messages = split_message(
        "【签收提醒】督办〔2026〕3号\n尚未签收：…", people, max_length=200, mentions_per_message=3
    )
    assert [m for _, m in messages] == [("p0", "p1", "p2"), ("p3", "p4", "p5"), ("p6",)]
    assert messages[0][0].startswith("【签收提醒】")
    for text, _ in messages[1:]:
        assert "续上条" in text
        assert "督办〔2026〕3号" in text  # says what it continues


def test_long_text_and_long_list_together() -> None:
    text = "\n".join(f"第{i}行：督办〔2026〕{i}号 未签收单位若干" for i in range(30))
    people = tuple(f"p{i}" for i in range(5))
    messages = split_message(text, people, max_length=100, mentions_per_message=2)
    texts = [t for t, _ in messages]
    assert all(len(t) <= 100 for t in texts)
    assert [p for _, m in messages for p in m] == list(people)
    assert messages[0][1] == ("p0", "p1")  # the first part carries the first @-list


@given(
    st.lists(st.text(alphabet="abcdefgh", min_size=1, max_size=4), max_size=60, unique=True),
    st.integers(min_value=1, max_value=25),
    st.text(alphabet=st.sampled_from("督办提醒\n "), min_size=1, max_size=600),
)
def test_every_mention_is_sent_exactly_once_within_the_per_message_limit(
    people: list[str], per_message: int, text: str
) -> None:
    messages = split_message(text, tuple(people), max_length=100, mentions_per_message=per_message)
    assert [p for _, m in messages for p in m] == people
    assert all(len(m) <= per_message for _, m in messages)
    assert all(len(t) <= 100 for t, _ in messages if "续上条" not in t)


# ---------------------------------------------------------------------------------------------------------
# quiet hours


@pytest.mark.parametrize(
    ("moment", "quiet"),
    [
        (local(25, 21, 59, 59), False),
        (local(25, 22, 0), True),
        (local(25, 23, 30), True),
        (local(26, 0, 0), True),
        (local(26, 3, 0), True),
        (local(26, 7, 29, 59), True),
        (local(26, 7, 30), False),
        (local(26, 9, 0), False),
        (local(26, 12, 0), False),
    ],
)
def test_in_quiet_across_midnight(moment: datetime, quiet: bool) -> None:
    assert in_quiet(moment, *NIGHT, TZ) is quiet


def test_in_quiet_reads_the_clock_in_the_configured_zone() -> None:
    utc = datetime(2026, 11, 25, 15, 0, tzinfo=ZoneInfo("UTC"))  # 23:00 in Shanghai
    assert in_quiet(utc, *NIGHT, TZ)
    assert not in_quiet(utc, *NIGHT, ZoneInfo("UTC"))


def test_quiet_hours_within_one_day() -> None:
    start, end = time(12, 0), time(14, 0)
    assert not in_quiet(local(25, 11, 59), start, end, TZ)
    assert in_quiet(local(25, 12, 0), start, end, TZ)
    assert in_quiet(local(25, 13, 59), start, end, TZ)
    assert not in_quiet(local(25, 14, 0), start, end, TZ)
    assert quiet_bounds(local(25, 13, 0), start, end, TZ) == (local(25, 12, 0), local(25, 14, 0))


@pytest.mark.parametrize(
    ("moment", "bounds"),
    [
        (local(25, 22, 0), (local(25, 22, 0), local(26, 7, 30))),
        (local(25, 23, 45), (local(25, 22, 0), local(26, 7, 30))),
        (local(26, 0, 10), (local(25, 22, 0), local(26, 7, 30))),  # after midnight: began the evening before
        (local(26, 7, 29), (local(25, 22, 0), local(26, 7, 30))),
    ],
)
def test_quiet_bounds(moment: datetime, bounds: tuple[datetime, datetime]) -> None:
    assert quiet_bounds(moment, *NIGHT, TZ) == bounds


@given(
    st.datetimes(min_value=NAIVE_2026, max_value=NAIVE_2027_END, timezones=st.just(TZ)),
    st.times(),
    st.times(),
)
def test_quiet_bounds_contain_the_moment_and_are_quiet_inside(
    moment: datetime, start: time, end: time
) -> None:
    start, end = start.replace(microsecond=0), end.replace(microsecond=0)
    if not in_quiet(moment, start, end, TZ):
        return
    begin, finish = quiet_bounds(moment, start, end, TZ)
    assert begin <= moment < finish
    assert finish - begin < timedelta(days=1)
    assert in_quiet(begin, start, end, TZ)
    assert not in_quiet(finish, start, end, TZ)
    assert not in_quiet(begin - timedelta(seconds=1), start, end, TZ)


# ---------------------------------------------------------------------------------------------------------
# When a pre-deadline reminder goes out


POLICY = make_policy(config_from_mapping({}), bot_id="bot")


@pytest.mark.parametrize(
    ("due", "offset", "issued", "expected"),
    [
        # ordinary: 30 min before an 11:00 receipt due
        (local(25, 11, 0), timedelta(minutes=30), local(25, 9, 0), local(25, 10, 30)),
        # 2 h before a 23:30 feedback due: 21:30 is not quiet yet
        (local(25, 23, 30), timedelta(hours=2), local(24, 9, 0), local(25, 21, 30)),
        # 30 min before a 23:00 due would be 22:30: sent just before the quiet hours instead
        (local(25, 23, 0), timedelta(minutes=30), local(25, 9, 0), local(25, 22, 0) - QUIET_MARGIN),
        # 2 h before an 08:00 due would be 06:00: the evening before
        (local(26, 8, 0), timedelta(hours=2), local(24, 9, 0), local(25, 22, 0) - QUIET_MARGIN),
        # 24 h before an 08:00 due is 08:00 the day before: fine
        (local(26, 8, 0), timedelta(hours=24), local(24, 9, 0), local(25, 8, 0)),
        # a notice due sooner than the offset gets no reminder (it would come before the notice)
        (local(25, 9, 20), timedelta(minutes=30), local(25, 9, 0), None),
        # the moved reminder would come before the notice was issued: none
        (local(25, 23, 0), timedelta(minutes=30), local(25, 21, 58), None),
    ],
)
def test_reminder_time(due: datetime, offset: timedelta, issued: datetime, expected: datetime | None) -> None:
    assert reminder_time(POLICY, due, offset, issued) == expected


@given(
    st.datetimes(min_value=NAIVE_2026, max_value=NAIVE_2026_END, timezones=st.just(TZ)),
    st.sampled_from([timedelta(minutes=30), timedelta(hours=2), timedelta(hours=24), timedelta(minutes=75)]),
)
def test_a_reminder_is_never_in_quiet_hours_and_always_before_the_deadline(
    due: datetime, offset: timedelta
) -> None:
    issued = due - timedelta(days=3)
    moment = reminder_time(POLICY, due, offset, issued)
    assert moment is not None
    assert not in_quiet(moment, POLICY.quiet_start, POLICY.quiet_end, TZ)
    assert moment <= due - offset
    if in_quiet(due - offset, POLICY.quiet_start, POLICY.quiet_end, TZ):
        # "just before they begin": the same evening the quiet hours start, within a few minutes
        begin = quiet_bounds(due - offset, POLICY.quiet_start, POLICY.quiet_end, TZ)[0]
        assert begin - timedelta(minutes=15) <= moment < begin
    else:
        assert moment == due - offset


def test_after_quiet_waits_for_morning() -> None:
    assert POLICY.after_quiet(local(25, 23, 0)) == local(26, 7, 30)
    assert POLICY.after_quiet(local(26, 3, 0)) == local(26, 7, 30)
    assert POLICY.after_quiet(local(26, 9, 0)) == local(26, 9, 0)
