"""Parse the deadlines office staff type in Chinese ("明天下午5点", "12月1日前", "2小时内")."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

# How ambiguous text is read:
# - A bare hour 1–6 with no 上午/下午 qualifier means the afternoon ("3点" = 15:00, "5:30" = 17:30):
#   no office deadline falls at 3 a.m. Write "凌晨3点" or "上午3点" for the night hour. A two-digit
#   24-hour reading ("03:00", "2026-11-25 02:00") is taken as written.
# - 晚上/今晚/明晚 12点 and "24时"/"24:00" mean midnight at the end of that day (next day 00:00);
#   下午12点 and 中午12点 mean noon; 凌晨12点 is 00:00 of that day. 中午1点/2点 are 13:00/14:00.
#   A qualifier that contradicts the hour ("上午15点", "中午8点") is an error.
# - A time with no date ("下午3点", "中午12点") is today; it is never moved to tomorrow by itself.
# - A bare weekday ("周五") is the first such day from today on; "本周五" is this week's (Monday-based)
#   even if already past; "下周五" is next week's. A past result is an error, never silently moved.
# - "中午" alone is 12:00 and "下班" is workday_end; other periods alone ("明天上午") ask for an hour.
# - Durations ("2小时内", "3天") are exact offsets from now; "3天内" is now + 72 hours.
# - A month and day without a year ("1月5日") take the year that puts them nearest to now.
_EXAMPLES = "“12月1日18:00”“明天下午5点”“下周一上午10点”或“2小时内”"
_DATE_EXAMPLES = "“12月1日18:00”“明天下午5点”或“下周一上午10点”"

_CN_DIGITS = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_CN_UNITS = {"十": 10, "百": 100}
_CN_NUMERAL_RE = re.compile("[零〇一二两三四五六七八九十百]+")

_LEAD_RE = re.compile(r"^(?:请?务?必?于|请在|在|截[止至](?:时间)?(?:到|为)?|最迟|最晚|不晚于)\s*")
_TRAIL_PUNCT_RE = re.compile(r"[\s,.;!?。、~]+$")
_SUFFIX_RE = re.compile(r"\s*(?:之前|以前|前|为止|止|之内|以内|内)$")

_DURATION_RE = re.compile(
    r"""^(?:(?P<num>[0-9]{1,4})\s*个?\s*)?(?P<half>半)?\s*个?\s*
        (?P<unit>小时|钟头|分钟|天)
        \s*(?:之内|以内|内|之后|以后|后)?$""",
    re.VERBOSE,
)

_DAY_END = r"(?:\s*[日号]|(?![0-9]))"
_MINUTES = r"(?:(?P<pmi>[0-9]{1,2})\s*分?|(?P<half>半)|(?P<quarter>[13])\s*刻|整)?"
_DATETIME_RE = re.compile(
    rf"""^
    (?:
        (?P<y>[0-9]{{4}})\s*(?:年|[-/.])\s*(?P<ym>[0-9]{{1,2}})\s*(?:月|[-/.])\s*(?P<yd>[0-9]{{1,2}}){_DAY_END}
      | (?P<m>[0-9]{{1,2}})\s*(?:月|[-/.])\s*(?P<d>[0-9]{{1,2}}){_DAY_END}
      | (?P<mrel>本|这个?|下个?)月\s*(?P<md>[0-9]{{1,2}})\s*[日号]
      | (?P<rel>大后天|后天|明天|明日|今天|今日|明早|明晚|今早|今晚|今夜|明夜)
      | (?P<wrel>本|这个?|下下个?|下个?)?\s*(?:周|星期|礼拜)\s*(?P<wd>[1-7日天])
    )?
    \s*(?:[Tt]\s*)?
    (?P<period>凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里|夜间|晚)?
    \s*
    (?:
        (?P<h>[0-9]{{1,2}})\s*:\s*(?P<mi>[0-9]{{1,2}})(?:\s*:\s*(?P<sec>[0-9]{{1,2}}))?
      | (?P<ph>[0-9]{{1,2}})\s*[点时]\s*{_MINUTES}
      | (?P<offwork>下班)
    )?
    $""",
    re.VERBOSE,
)

_RELATIVE_DAYS = {
    **dict.fromkeys(("今天", "今日", "今早", "今晚", "今夜"), 0),
    **dict.fromkeys(("明天", "明日", "明早", "明晚", "明夜"), 1),
    "后天": 2,
    "大后天": 3,
}
_RELATIVE_PERIOD = {
    "今早": "早上",
    "明早": "早上",
    "今晚": "晚上",
    "明晚": "晚上",
    "今夜": "晚上",
    "明夜": "晚上",
}
_MORNING = frozenset({"凌晨", "早上", "早晨", "上午"})


class TimeParseError(ValueError):
    """The text is not a deadline we understand, or it is already past; str() is the Chinese reason."""


@dataclass(frozen=True)
class _Clock:
    """A time of day, where hour 24 means midnight at the end of the day."""

    hour: int
    minute: int
    second: int = 0


def parse_deadline(
    text: str, now: datetime, *, tz: ZoneInfo, workday_end: time, allow_duration: bool = True
) -> datetime:
    """Return the deadline `text` names, as an aware datetime in `tz`, strictly after `now`."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    original = text.strip()
    cleaned = _normalise(text)
    if not cleaned:
        raise TimeParseError(f"没有写时间。请写成{_EXAMPLES}。")

    duration = _parse_duration(cleaned)
    if duration is not None:
        if not allow_duration:
            raise TimeParseError(f"这里要写具体的时间，不能写时长“{original}”。请写成{_DATE_EXAMPLES}。")
        try:
            result = whole_minute((now.astimezone(UTC) + duration).astimezone(tz))
        except OverflowError:
            raise TimeParseError(f"时间“{original}”太远了。请写成{_EXAMPLES}。") from None
    else:
        result = _parse_datetime(_SUFFIX_RE.sub("", cleaned), original, now.astimezone(tz), tz, workday_end)

    if result <= now:
        raise TimeParseError(
            f"时间“{original}”已经过去：理解为 {result:%Y-%m-%d %H:%M}，"
            f"现在是 {now.astimezone(tz):%Y-%m-%d %H:%M}。请写一个以后的时间，例如{_DATE_EXAMPLES}。"
        )
    return result


_WEEKDAY_NOTE_RE = re.compile(r"(?<=[日号])\s*\((?:周|星期|礼拜)[一二三四五六日天]\)")


def _normalise(text: str) -> str:
    """Half-width digits and punctuation, Arabic numerals, no lead-in words or trailing punctuation."""
    text = unicodedata.normalize("NFKC", text).strip()
    text = _WEEKDAY_NOTE_RE.sub("", text)  # "12月1日(周二)18:00", as the bot itself writes times
    text = _CN_NUMERAL_RE.sub(lambda m: _chinese_number(m.group()), text)
    text = _TRAIL_PUNCT_RE.sub("", text)
    return _LEAD_RE.sub("", text).strip()


def _chinese_number(run: str) -> str:
    """Read a run of Chinese numerals: 十二 → 12, 二十三 → 23, 二〇二六 → 2026, 零五 → 05."""
    if not any(ch in _CN_UNITS for ch in run):
        return "".join(str(_CN_DIGITS[ch]) for ch in run)
    total, current = 0, 0
    for ch in run:
        if ch in _CN_UNITS:
            total += (current or 1) * _CN_UNITS[ch]
            current = 0
        else:
            current = _CN_DIGITS[ch]
    return str(total + current)


def whole_minute(moment: datetime) -> datetime:
    """Up to the next whole minute: "2小时内" said at 10:00:37 ends at 12:01, shown and kept as such."""
    whole = moment.replace(second=0, microsecond=0)
    return whole if whole == moment else whole + timedelta(minutes=1)


def _parse_duration(text: str) -> timedelta | None:
    match = _DURATION_RE.match(text)
    if match is None or (match["num"] is None and match["half"] is None):
        return None
    if match["half"] and match["unit"] not in ("小时", "钟头"):
        return None  # "半天"/"半分钟" are not office deadlines
    amount = int(match["num"] or 0) + (0.5 if match["half"] else 0)
    if match["unit"] == "分钟":
        return timedelta(minutes=amount)
    if match["unit"] == "天":
        return timedelta(days=amount)
    return timedelta(hours=amount)


def _parse_datetime(text: str, original: str, now: datetime, tz: ZoneInfo, workday_end: time) -> datetime:
    match = _DATETIME_RE.match(text)
    has_date = match is not None and any(match[g] for g in ("y", "m", "mrel", "rel", "wd"))
    has_time = match is not None and any(match[g] for g in ("h", "ph", "offwork", "period"))
    if match is None or not (has_date or has_time):
        raise TimeParseError(f"看不懂时间“{original}”。请写成{_EXAMPLES}。")

    period = match["period"] or _RELATIVE_PERIOD.get(match["rel"] or "")
    clock = _clock(match, period, original, workday_end)
    today = now.date()

    if match["y"]:
        return _build(int(match["y"]), int(match["ym"]), int(match["yd"]), clock, tz, original)
    if match["m"]:
        return _nearest_year(int(match["m"]), int(match["d"]), clock, now, tz, original)
    if match["mrel"]:
        year, month = today.year, today.month
        if match["mrel"].startswith("下"):
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return _build(year, month, int(match["md"]), clock, tz, original)
    if match["rel"]:
        return _at(today + timedelta(days=_RELATIVE_DAYS[match["rel"]]), clock, tz)
    if match["wd"]:
        return _at(_weekday_date(today, match["wrel"], match["wd"]), clock, tz)
    return _at(today, clock, tz)


def _clock(match: re.Match[str], period: str | None, original: str, workday_end: time) -> _Clock:
    """The time of day the match names, applying the 上午/下午 rules; workday_end when none is given."""
    if match["offwork"]:
        return _Clock(workday_end.hour, workday_end.minute)
    second = 0
    if match["h"]:
        hour, minute, second = int(match["h"]), int(match["mi"]), int(match["sec"] or 0)
    elif match["ph"]:
        hour = int(match["ph"])
        if match["half"]:
            minute = 30
        elif match["quarter"]:
            minute = 15 * int(match["quarter"])
        else:
            minute = int(match["pmi"] or 0)
    elif period == "中午":
        return _Clock(12, 0)
    elif period:
        raise TimeParseError(f"“{original}”没有写几点。请写成{_DATE_EXAMPLES}。")
    else:
        return _Clock(workday_end.hour, workday_end.minute)

    if minute > 59 or second > 59 or hour > 24 or (hour == 24 and (minute or second)):
        raise TimeParseError(f"时间“{original}”里的钟点不存在。请写成“18:00”“下午6点半”这样的钟点。")
    if period is None and match["h"] and len(match["h"]) == 2:
        return _Clock(hour, minute, second)  # "02:00" (two digits) is a 24-hour clock reading: as written
    return _Clock(_adjust_hour(hour, period, original), minute, second)


def _adjust_hour(hour: int, period: str | None, original: str) -> int:
    contradiction = TimeParseError(
        f"时间“{original}”前后矛盾：{period}没有{hour}点。请写成“下午3点”或“15:00”。"
    )
    if period is None:
        return hour + 12 if 1 <= hour <= 6 else hour
    if period in _MORNING:
        if hour > 12:
            raise contradiction
        return 0 if period == "凌晨" and hour == 12 else hour
    if period == "中午":
        if hour in (1, 2):
            return hour + 12
        if hour in (11, 12, 13, 14):
            return hour
        raise contradiction
    # 下午 and the evening periods
    if hour == 0 or (hour == 24 and period == "下午"):
        raise contradiction
    if 1 <= hour <= 11:
        return hour + 12
    if hour == 12:
        return 12 if period == "下午" else 24
    return hour


def _weekday_date(today: date, prefix: str | None, day: str) -> date:
    index = 6 if day in ("日", "天") else int(day) - 1
    monday = today - timedelta(days=today.weekday())
    if prefix is None:
        return today + timedelta(days=(index - today.weekday()) % 7)
    weeks = 2 if prefix.startswith("下下") else 1 if prefix.startswith("下") else 0
    return monday + timedelta(days=7 * weeks + index)


def _nearest_year(
    month: int, day: int, clock: _Clock, now: datetime, tz: ZoneInfo, original: str
) -> datetime:
    """A month and day without a year: the year that puts it nearest to now."""
    candidates = []
    for year in (now.year - 1, now.year, now.year + 1):
        try:
            candidates.append(_build(year, month, day, clock, tz, original))
        except TimeParseError:
            continue
    if not candidates:
        raise TimeParseError(f"日期“{original}”不存在：没有{month}月{day}日。请写成{_DATE_EXAMPLES}。")
    return min(candidates, key=lambda when: (abs(when - now), when < now))


def _build(year: int, month: int, day: int, clock: _Clock, tz: ZoneInfo, original: str) -> datetime:
    try:
        return _at(date(year, month, day), clock, tz)
    except (ValueError, OverflowError):
        raise TimeParseError(
            f"日期“{original}”不存在：没有{year}年{month}月{day}日。请写成{_DATE_EXAMPLES}。"
        ) from None


def _at(day: date, clock: _Clock, tz: ZoneInfo) -> datetime:
    if clock.hour == 24:
        return datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=tz)
    return datetime.combine(day, time(clock.hour, clock.minute, clock.second), tzinfo=tz)
