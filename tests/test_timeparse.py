"""Table-driven tests of the Chinese deadline parser."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlers.timeparse import TimeParseError, parse_deadline

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=TZ)  # a Wednesday
WORKDAY_END = time(17, 30)


def parse(text: str, now: datetime = NOW, *, allow_duration: bool = True) -> str:
    result = parse_deadline(text, now, tz=TZ, workday_end=WORKDAY_END, allow_duration=allow_duration)
    assert result.tzinfo is TZ
    return f"{result:%Y-%m-%d %H:%M}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # absolute dates with a year
        ("2026-12-01 18:00", "2026-12-01 18:00"),
        ("2026/12/1 18:00", "2026-12-01 18:00"),
        ("2026-12-01T18:00", "2026-12-01 18:00"),
        ("2026-12-01 18:00:00", "2026-12-01 18:00"),
        ("2026年12月1日18时", "2026-12-01 18:00"),
        ("2026年12月1日18:00", "2026-12-01 18:00"),
        ("2026年12月1日 下午6点", "2026-12-01 18:00"),
        ("2027-01-05", "2027-01-05 17:30"),
        # month and day
        ("12月1日18:00", "2026-12-01 18:00"),
        ("12月1日18时30分", "2026-12-01 18:30"),
        ("12月1日下午6点", "2026-12-01 18:00"),
        ("12月1号下午6点半", "2026-12-01 18:30"),
        ("12月1日 18:00", "2026-12-01 18:00"),
        ("12/1 18:00", "2026-12-01 18:00"),
        ("12.1前", "2026-12-01 17:30"),
        ("12月1日24时前", "2026-12-02 00:00"),
        ("12月1日24:00", "2026-12-02 00:00"),
        # relative days
        ("明天17:00", "2026-11-26 17:00"),
        ("明天下午5点", "2026-11-26 17:00"),
        ("明日上午9:30", "2026-11-26 09:30"),
        ("今天下午5点半", "2026-11-25 17:30"),
        ("后天上午9点", "2026-11-27 09:00"),
        ("大后天", "2026-11-28 17:30"),
        ("今晚8点", "2026-11-25 20:00"),
        ("明晚7点半", "2026-11-26 19:30"),
        ("明早8点", "2026-11-26 08:00"),
        ("今天晚上9点", "2026-11-25 21:00"),
        # time of day only: today
        ("中午12点", "2026-11-25 12:00"),
        ("中午", "2026-11-25 12:00"),
        ("中午1点", "2026-11-25 13:00"),
        ("下午3点", "2026-11-25 15:00"),
        ("下午12点", "2026-11-25 12:00"),
        ("15:00", "2026-11-25 15:00"),
        ("下班前", "2026-11-25 17:30"),
        ("明天下班前", "2026-11-26 17:30"),
        # weekdays (today is Wednesday 2026-11-25)
        ("下周一上午10点", "2026-11-30 10:00"),
        ("下个星期一", "2026-11-30 17:30"),
        ("下下周一", "2026-12-07 17:30"),
        ("本周五", "2026-11-27 17:30"),
        ("这周五", "2026-11-27 17:30"),
        ("周五下午3点", "2026-11-27 15:00"),
        ("星期五", "2026-11-27 17:30"),
        ("礼拜五", "2026-11-27 17:30"),
        ("周三下午3点", "2026-11-25 15:00"),
        ("周二", "2026-12-01 17:30"),
        ("周日", "2026-11-29 17:30"),
        ("星期天", "2026-11-29 17:30"),
        ("下周日", "2026-12-06 17:30"),
        # months
        ("本月30日", "2026-11-30 17:30"),
        ("下月5号", "2026-12-05 17:30"),
        # bare dates = workday_end
        ("12月1日", "2026-12-01 17:30"),
        ("2026-12-01", "2026-12-01 17:30"),
        ("明天", "2026-11-26 17:30"),
        # durations = now + that
        ("2小时内", "2026-11-25 12:00"),
        ("2小时", "2026-11-25 12:00"),
        ("2个小时之内", "2026-11-25 12:00"),
        ("30分钟", "2026-11-25 10:30"),
        ("30分钟内", "2026-11-25 10:30"),
        ("半小时", "2026-11-25 10:30"),
        ("半个小时内", "2026-11-25 10:30"),
        ("1个半小时", "2026-11-25 11:30"),
        ("3天内", "2026-11-28 10:00"),
        ("两小时后", "2026-11-25 12:00"),
        ("一个半小时", "2026-11-25 11:30"),
        # suffixes and lead-in words
        ("明天17:00前", "2026-11-26 17:00"),
        ("明天17:00之前", "2026-11-26 17:00"),
        ("明天17:00以前", "2026-11-26 17:00"),
        ("12月1日前", "2026-12-01 17:30"),
        ("12月1日之前。", "2026-12-01 17:30"),
        ("今天内", "2026-11-25 17:30"),
        ("截止12月1日18:00", "2026-12-01 18:00"),
        ("请于明天下午5点前", "2026-11-26 17:00"),
        ("最迟后天中午", "2026-11-27 12:00"),
        # spaces, full-width digits and colon
        ("  明天 17 : 00  ", "2026-11-26 17:00"),
        ("１２月１日　１８：００", "2026-12-01 18:00"),
        ("明天１７：００前", "2026-11-26 17:00"),
        # Chinese numerals
        ("下午五点半", "2026-11-25 17:30"),
        ("十二月一日", "2026-12-01 17:30"),
        ("十二月一日下午六点", "2026-12-01 18:00"),
        ("二〇二六年十二月一日十八时", "2026-12-01 18:00"),
        ("明天上午十点零五分", "2026-11-26 10:05"),
        ("明天下午两点一刻", "2026-11-26 14:15"),
        ("星期五下午三点", "2026-11-27 15:00"),
        ("三十分钟内", "2026-11-25 10:30"),
        ("五点三刻", "2026-11-25 17:45"),
        # hour rules: bare 1–6 is the afternoon; 7–12 and 13–23 as written; evening 12 = midnight
        ("明天3点", "2026-11-26 15:00"),
        ("明天6:30", "2026-11-26 18:30"),
        ("2026-11-26 03:00", "2026-11-26 03:00"),  # two-digit 24-hour readings are taken as written
        ("明天06:30", "2026-11-26 06:30"),
        ("明天7点", "2026-11-26 07:00"),
        ("明天12点", "2026-11-26 12:00"),
        ("明天0点", "2026-11-26 00:00"),
        ("明天凌晨3点", "2026-11-26 03:00"),
        ("明天上午3点", "2026-11-26 03:00"),
        ("明天凌晨12点", "2026-11-26 00:00"),
        ("明天早上8:30", "2026-11-26 08:30"),
        ("明天傍晚6点", "2026-11-26 18:00"),
        ("明天下午15点", "2026-11-26 15:00"),
        ("今晚12点", "2026-11-26 00:00"),
        ("晚上十二点", "2026-11-26 00:00"),
        ("明天5点整", "2026-11-26 17:00"),
    ],
)
def test_parses(text: str, expected: str) -> None:
    assert parse(text) == expected


@pytest.mark.parametrize(
    ("now", "text", "expected"),
    [
        # a date without a year takes the year nearest to now
        (datetime(2026, 12, 28, 10, 0, tzinfo=TZ), "1月5日", "2027-01-05 17:30"),
        (datetime(2026, 12, 28, 10, 0, tzinfo=TZ), "12月30日", "2026-12-30 17:30"),
        (datetime(2026, 12, 28, 10, 0, tzinfo=TZ), "下周一", "2027-01-04 17:30"),
        (datetime(2026, 12, 28, 10, 0, tzinfo=TZ), "下月5日", "2027-01-05 17:30"),
        (datetime(2026, 12, 31, 23, 0, tzinfo=TZ), "2小时内", "2027-01-01 01:00"),
        (datetime(2027, 1, 2, 9, 0, tzinfo=TZ), "1月5日", "2027-01-05 17:30"),
        # now in another zone: the text is read in TZ
        (datetime(2026, 11, 25, 2, 0, tzinfo=UTC), "明天", "2026-11-26 17:30"),
        (datetime(2026, 11, 25, 17, 0, tzinfo=UTC), "明天", "2026-11-27 17:30"),  # 01:00 on the 26th in TZ
        (datetime(2026, 11, 25, 2, 0, tzinfo=UTC), "2小时", "2026-11-25 12:00"),
    ],
)
def test_parses_relative_to_now(now: datetime, text: str, expected: str) -> None:
    assert parse(text, now) == expected


@pytest.mark.parametrize(
    ("now", "text", "parsed"),
    [
        (NOW, "今天上午9点", "2026-11-25 09:00"),
        (NOW, "今天10:00", "2026-11-25 10:00"),  # not strictly after now
        (NOW, "本周一", "2026-11-23 17:30"),
        (NOW, "周三上午9点", "2026-11-25 09:00"),
        (NOW, "2025-12-01", "2025-12-01 17:30"),
        (NOW, "11月20日", "2026-11-20 17:30"),
        (datetime(2026, 12, 28, 10, 0, tzinfo=TZ), "12月1日", "2026-12-01 17:30"),
        (datetime(2027, 1, 3, 10, 0, tzinfo=TZ), "12月30日", "2026-12-30 17:30"),
        (datetime(2026, 11, 25, 16, 0, tzinfo=TZ), "下午3点", "2026-11-25 15:00"),
    ],
)
def test_rejects_past_times(now: datetime, text: str, parsed: str) -> None:
    with pytest.raises(TimeParseError) as caught:
        parse(text, now)
    message = str(caught.value)
    assert "已经过去" in message
    assert parsed in message
    assert f"{now.astimezone(TZ):%Y-%m-%d %H:%M}" in message


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "没有写时间"),
        ("   ", "没有写时间"),
        ("尽快", "看不懂"),
        ("下周", "看不懂"),
        ("2小时前", "看不懂"),
        ("半天", "看不懂"),
        ("99999天", "看不懂"),
        ("明天 下午5点 12月1日", "看不懂"),
        ("13月1日", "不存在"),
        ("2月30日", "不存在"),
        ("2027-02-29", "不存在"),
        ("0000-01-01", "不存在"),
        ("明天25点", "钟点不存在"),
        ("明天12:61", "钟点不存在"),
        ("明天24:30", "钟点不存在"),
        ("上午15点", "前后矛盾"),
        ("中午8点", "前后矛盾"),
        ("下午24点", "前后矛盾"),
        ("晚上0点", "前后矛盾"),
        ("明天上午", "没有写几点"),
        ("今晚", "没有写几点"),
    ],
)
def test_rejects_unparsable(text: str, fragment: str) -> None:
    with pytest.raises(TimeParseError) as caught:
        parse(text)
    assert fragment in str(caught.value)


@pytest.mark.parametrize("text", ["尽快", "13月1日"])
def test_error_messages_show_example_forms(text: str) -> None:
    with pytest.raises(TimeParseError, match="明天下午5点"):
        parse(text)


@pytest.mark.parametrize("text", ["2小时内", "30分钟", "半小时", "3天内"])
def test_durations_can_be_refused(text: str) -> None:
    with pytest.raises(TimeParseError, match="不能写时长"):
        parse(text, allow_duration=False)


@pytest.mark.parametrize(
    ("text", "expected"), [("明天", "2026-11-26 17:30"), ("12月1日18:00", "2026-12-01 18:00")]
)
def test_dates_allowed_when_durations_are_refused(text: str, expected: str) -> None:
    assert parse(text, allow_duration=False) == expected


def test_naive_now_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="aware") as caught:
        parse("明天", NOW.replace(tzinfo=None))
    assert not isinstance(caught.value, TimeParseError)


_DEADLINE_CHARS = (
    "0123456789０１２年月日号点时分刻半整上下中午晚凌晨早今明后大天周星期礼拜本这个前内以之小钟头:：-/.T 　"
)
_DEADLINE_CHARS += "一二两三四五六七八九十百零〇"


@given(st.text())
def test_arbitrary_text_only_raises_time_parse_error(text: str) -> None:
    _parse_or_reject(text)


@given(st.text(alphabet=_DEADLINE_CHARS, max_size=20))
def test_deadline_like_text_only_raises_time_parse_error(text: str) -> None:
    _parse_or_reject(text)


def _parse_or_reject(text: str) -> None:
    try:
        result = parse_deadline(text, NOW, tz=TZ, workday_end=WORKDAY_END)
    except TimeParseError as error:
        assert str(error)
    else:
        assert result > NOW
        assert result.tzinfo is TZ
