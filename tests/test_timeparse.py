"""Table-driven tests of the Chinese deadline parser."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.app import make_policy
from bot.config import Config
from handlers.reading.timeparse import TimeParseError, parse_deadline
from handlers.rules.workdays import WorkCalendar
from handlers.texts import deadline_problem

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=TZ)  # a Wednesday
WORKDAY_END = time(17, 30)
CALENDAR = WorkCalendar()


def parse(text: str, now: datetime = NOW, *, allow_duration: bool = True) -> str:
    result = parse_deadline(
        text, now, tz=TZ, workday_end=WORKDAY_END, calendar=CALENDAR, allow_duration=allow_duration
    )
    assert result.tzinfo is TZ
    return f"{result:%Y-%m-%d %H:%M}"


def refusal(text: str, now: datetime = NOW, *, allow_duration: bool = True) -> str:
    """The Chinese explanation the office gets for a refused deadline."""
    with pytest.raises(TimeParseError) as caught:
        parse(text, now, allow_duration=allow_duration)
    return deadline_problem(caught.value)


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
        (datetime(2026, 11, 25, 16, 0, tzinfo=TZ), "下午3点", "2026-11-25 15:00"),
    ],
)
def test_rejects_past_times(now: datetime, text: str, parsed: str) -> None:
    message = refusal(text, now)
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
        ("99999天", "太远"),
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
        ("明早", "没有写几点"),
        ("晚上两点", "凌晨2点还是下午2点"),
        ("明天晚上3点", "前后矛盾"),
        ("下午9点", "前后矛盾"),
        ("9999年1月1日", "太远"),
        ("9999天内", "太远"),
        ("2028年1月1日", "太远"),
        ("国庆节后第二个工作日", "看不懂"),  # only the first working day after is X后
        ("11月30日至12月15日", "看不懂"),  # a range: 至 after 即日起 alone means "until"
    ],
)
def test_rejects_unparsable(text: str, fragment: str) -> None:
    assert fragment in refusal(text)


@pytest.mark.parametrize("text", ["尽快", "13月1日"])
def test_error_messages_show_example_forms(text: str) -> None:
    assert "明天下午5点" in refusal(text)


@pytest.mark.parametrize("text", ["2小时内", "30分钟", "半小时", "3天内"])
def test_durations_can_be_refused(text: str) -> None:
    assert "不能写时长" in refusal(text, allow_duration=False)


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
        result = parse_deadline(text, NOW, tz=TZ, workday_end=WORKDAY_END, calendar=CALENDAR)
    except TimeParseError as error:
        assert deadline_problem(error)
    else:
        assert NOW < result <= NOW + timedelta(days=366)
        assert result.tzinfo is TZ


WEDNESDAY = NOW  # 2026-11-25 10:00


@pytest.mark.parametrize(
    ("now", "text", "expected"),
    [
        # working days, on the official calendar (today never counts)
        (WEDNESDAY, "3个工作日内", "2026-11-30 17:30"),
        (WEDNESDAY, "五个工作日", "2026-12-02 17:30"),
        (WEDNESDAY, "3个工作日内完成", "2026-11-30 17:30"),
        (datetime(2026, 9, 28, 9, 0, tzinfo=TZ), "3个工作日内", "2026-10-08 17:30"),  # across 国庆
        (datetime(2026, 2, 12, 16, 0, tzinfo=TZ), "两个工作日", "2026-02-14 17:30"),  # a 调休 Saturday
        # a day of the month alone
        (WEDNESDAY, "15号前", "2026-12-15 17:30"),
        (WEDNESDAY, "30日", "2026-11-30 17:30"),
        (WEDNESDAY, "13号晚上6点", "2026-12-13 18:00"),
        (WEDNESDAY, "25号", "2026-11-25 17:30"),
        (datetime(2026, 1, 30, 9, 0, tzinfo=TZ), "30号", "2026-01-30 17:30"),
        # weeks, months and other durations
        (WEDNESDAY, "一周内", "2026-12-02 10:00"),
        (WEDNESDAY, "两周", "2026-12-09 10:00"),
        (WEDNESDAY, "俩礼拜", "2026-12-09 10:00"),
        (WEDNESDAY, "1个星期之内", "2026-12-02 10:00"),
        (WEDNESDAY, "半个月", "2026-12-10 10:00"),
        (WEDNESDAY, "三个月后", "2027-02-25 10:00"),
        (datetime(2026, 11, 30, 9, 0, tzinfo=TZ), "3个月内", "2027-02-28 09:00"),
        (WEDNESDAY, "一刻钟以内", "2026-11-25 10:15"),
        (WEDNESDAY, "60日内", "2027-01-24 10:00"),
        (WEDNESDAY, "未来48小时", "2026-11-27 10:00"),
        (WEDNESDAY, "再过半个小时", "2026-11-25 10:30"),
        (datetime(2026, 11, 25, 10, 0, 37, tzinfo=TZ), "2小时内", "2026-11-25 12:01"),  # up to a whole minute
        # ends and middles of periods
        (WEDNESDAY, "月底", "2026-11-30 17:30"),
        (WEDNESDAY, "这个月月底", "2026-11-30 17:30"),
        (WEDNESDAY, "本月底前", "2026-11-30 17:30"),
        (WEDNESDAY, "下个月底", "2026-12-31 17:30"),
        (WEDNESDAY, "12月底", "2026-12-31 17:30"),
        (WEDNESDAY, "年底前", "2026-12-31 17:30"),
        (WEDNESDAY, "年内", "2026-12-31 17:30"),
        (WEDNESDAY, "季度末", "2026-12-31 17:30"),
        (datetime(2026, 5, 6, 9, 0, tzinfo=TZ), "季度末", "2026-06-30 17:30"),
        (datetime(2026, 5, 6, 9, 0, tzinfo=TZ), "上半年", "2026-06-30 17:30"),
        (datetime(2026, 5, 6, 9, 0, tzinfo=TZ), "月中", "2026-05-15 17:30"),
        (datetime(2026, 5, 6, 9, 0, tzinfo=TZ), "下月初", "2026-06-01 17:30"),
        (datetime(2026, 3, 6, 9, 0, tzinfo=TZ), "1月底", "2027-01-31 17:30"),
        # festivals, from the official calendar
        (datetime(2026, 9, 20, 9, 0, tzinfo=TZ), "国庆节前", "2026-09-30 17:30"),
        (datetime(2026, 9, 20, 9, 0, tzinfo=TZ), "国庆假期前", "2026-09-30 17:30"),
        (datetime(2026, 9, 20, 9, 0, tzinfo=TZ), "国庆节后", "2026-10-08 17:30"),
        (datetime(2026, 4, 20, 9, 0, tzinfo=TZ), "五一", "2026-05-01 17:30"),
        (datetime(2026, 4, 20, 9, 0, tzinfo=TZ), "劳动节前", "2026-04-30 17:30"),
        (datetime(2026, 1, 20, 9, 0, tzinfo=TZ), "春节前", "2026-02-14 17:30"),  # a 调休 Saturday
        (datetime(2026, 6, 1, 9, 0, tzinfo=TZ), "端午节前", "2026-06-18 17:30"),
        (datetime(2026, 9, 1, 9, 0, tzinfo=TZ), "中秋节前", "2026-09-24 17:30"),
        (WEDNESDAY, "元旦", "2027-01-01 17:30"),
        # other words
        (WEDNESDAY, "次日", "2026-11-26 17:30"),
        (WEDNESDAY, "当晚十时", "2026-11-25 22:00"),
        (WEDNESDAY, "今晚", "2026-11-26 00:00"),
        (WEDNESDAY, "今天晚上", "2026-11-26 00:00"),
        (WEDNESDAY, "明晚", "2026-11-27 00:00"),
        (WEDNESDAY, "下周周六", "2026-12-05 17:30"),
        (WEDNESDAY, "下周星期一上午9点", "2026-11-30 09:00"),
        (WEDNESDAY, "20261201", "2026-12-01 17:30"),
        (WEDNESDAY, "12月1日前完成", "2026-12-01 17:30"),
        (WEDNESDAY, "明天报送", "2026-11-26 17:30"),
        (WEDNESDAY, "明天\u200b下午5点", "2026-11-26 17:00"),  # an invisible character
        # a month-day ahead is this year's; one passed long ago is next year's
        (datetime(2026, 2, 10, 9, 0, tzinfo=TZ), "十二月十五", "2026-12-15 17:30"),
        (datetime(2026, 3, 10, 9, 0, tzinfo=TZ), "9月30日", "2026-09-30 17:30"),
        (datetime(2026, 12, 28, 9, 0, tzinfo=TZ), "1月5日", "2027-01-05 17:30"),
        (datetime(2026, 11, 25, 9, 0, tzinfo=TZ), "10月1日", "2027-10-01 17:30"),
        (WEDNESDAY, "11月20日", "2027-11-20 17:30"),  # just passed: the next one (the year is shown)
        (WEDNESDAY, "10月底", "2027-10-31 17:30"),
        (datetime(2021, 6, 14, 1, 6, 40, tzinfo=TZ), "两日", "2021-06-16 01:07"),
        # X后 said out in full (blind deadline set dev5)
        (datetime(2026, 9, 24, 18, 0, tzinfo=TZ), "国庆节后第一个工作日", "2026-10-08 17:30"),
        (datetime(2026, 9, 24, 18, 0, tzinfo=TZ), "国庆后的第一个工作日前", "2026-10-08 17:30"),
        (datetime(2026, 4, 20, 9, 0, tzinfo=TZ), "五一假期后第1个工作日", "2026-05-06 17:30"),
    ],
)
def test_reads_every_class_the_outside_corpora_use(now: datetime, text: str, expected: str) -> None:
    assert parse(text, now) == expected


@pytest.mark.parametrize(
    ("now", "text", "fragment"),
    [
        (WEDNESDAY, "月中", "已经过去"),
        (WEDNESDAY, "2018年10月底", "已经过去"),
        (WEDNESDAY, "20150303", "已经过去"),
        (WEDNESDAY, "国庆节前", "日历还没有2027年"),
        (WEDNESDAY, "半天", "看不懂"),
        # a rough amount between two numbers is no deadline (blind deadline set dev4: 两三天内 was read as 23 days)
        (WEDNESDAY, "两三天内", "是个约数"),
        (WEDNESDAY, "三五个工作日", "是个约数"),
        (WEDNESDAY, "一两个小时内", "是个约数"),
        (WEDNESDAY, "十几天", "是个约数"),
        (WEDNESDAY, "2-3天内", "是个约数"),
        (WEDNESDAY, "0个工作日", "看不懂"),
        (WEDNESDAY, "300个工作日", "太远"),
        (datetime(2026, 1, 31, 9, 0, tzinfo=TZ), "30号", "没有2026年2月30日"),  # February has none
    ],
)
def test_refuses_with_a_reason(now: datetime, text: str, fragment: str) -> None:
    assert fragment in refusal(text, now)


@given(st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2026, 12, 31)))  # noqa: DTZ001
def test_the_bots_own_time_format_reads_back(moment: datetime) -> None:
    now = moment.replace(tzinfo=TZ, second=0, microsecond=0)
    due = now + timedelta(days=3, minutes=7)
    shown = make_policy(Config(), bot_id="bot").show(due)
    assert parse(shown, now) == f"{due:%Y-%m-%d %H:%M}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("即日起3个工作日内", "2026-11-30 17:30"),
        ("收到通知后2个工作日内", "2026-11-27 17:30"),
        ("截止到12月1日", "2026-12-01 17:30"),
        ("今晚24时前", "2026-11-26 00:00"),
        ("于11月30日12时前", "2026-11-30 12:00"),
        ("13号晚上", "2026-12-14 00:00"),
        ("午夜", "2026-11-26 00:00"),
        ("半年内", "2027-05-25 10:00"),
        ("12月10日（周四）下午5点前", "2026-12-10 17:00"),
        ("12月10日星期四", "2026-12-10 17:30"),
        ("周4", "2026-11-26 17:30"),
        ("3:15", "2026-11-25 15:15"),
        # the deed, with what is sent and to whom (blind deadline set dev3)
        ("请于3个工作日内将落实情况报送县委督查室", "2026-11-30 17:30"),
        ("请于12月15日前报送县委督查室", "2026-12-15 17:30"),
        ("12月1日前完成整改", "2026-12-01 17:30"),
        ("明天下午5点前把材料报送督查室", "2026-11-26 17:00"),
        ("2个工作日内反馈至县政府办", "2026-11-27 17:30"),
        # … and how it is sent, before the deed (blind deadline set dev4)
        ("于12月20日以前书面反馈", "2026-12-20 17:30"),
        ("12月1日前以书面形式报送", "2026-12-01 17:30"),
        ("12月1日前通过邮箱报送督查室", "2026-12-01 17:30"),
        # … or sent with a bare 报/交/送 after 将/把 and what is sent (blind deadline set dev5)
        ("请于12月11日（星期五）前将自查报告报乡党委办公室", "2026-12-11 17:30"),
        ("12月1日前把统计表交县统计局", "2026-12-01 17:30"),
        ("明天下午3点前将名单送组织部", "2026-11-26 15:00"),
        # lead-in words one after another; 即日起至: from now until then (blind deadline set dev5)
        ("最迟不晚于12月11日（周五）下班前", "2026-12-11 17:30"),
        ("即日起至12月15日", "2026-12-15 17:30"),
        ("自即日起到12月15日止", "2026-12-15 17:30"),
        ("请于最迟12月2日前", "2026-12-02 17:30"),
        # numerals side by side that are one number, not a rough amount
        ("十二月二十三日", "2026-12-23 17:30"),
        ("二〇二六年十二月二十三日", "2026-12-23 17:30"),
    ],
)
def test_reads_what_notices_write(text: str, expected: str) -> None:
    assert parse(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "报送县委督查室",  # a deed and its addressee, no time
        "明天报送前三名",  # the words after the deed hold a time word: not taken for an addressee
        "12月1日报送第3季度",
        "将情况报送督查室",
        "12月1日前把表交明天的会",  # 明 is a word of time: not taken for what is sent
        "将材料报3号楼",  # a digit: not taken for an addressee, and no time is left
    ],
)
def test_the_words_after_a_deed_never_hide_a_time(text: str) -> None:
    with pytest.raises(TimeParseError):
        parse(text)


def test_a_weekday_that_does_not_fit_the_date_is_refused() -> None:
    message = refusal("12月10日（周五）前")
    assert "12月10日是星期四，不是星期五" in message
