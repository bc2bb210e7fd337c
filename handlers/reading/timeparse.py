"""Read the deadlines office staff type in Chinese ("明天下午5点", "3个工作日内", "国庆节前", "月底").

The conventions (eval/README.md and the README state them for users):
- A date without a time ends with the working day (`workday_end`); 前/之前/以前/为止/内… after it change nothing.
- A time without a date is today, and is refused once past (never moved to tomorrow).
- A bare hour 1–6 is the afternoon; 7–24 and two-digit readings (03:00) are taken as written. A part of
  day admits only its own hours (晚上两点 is refused); 晚上12点 and 24点 are midnight at the end of the day.
- Weekdays: 周五 is the first Friday from today on, 本周五 this week's, 下周五 next week's.
- Durations are exact offsets from now, up to the next whole minute; N个工作日 ends with the N-th working
  day after today; a day of the month alone is this month's, else next month's; a month-day without a
  year is the next one to come; 月底/年底/季度末 … end with that day; festivals come from the
  official calendar (X前: the last working day before its rest days).
- The result is strictly after now and at most 366 days ahead; anything else is refused with a reason.
The Chinese explanations of a refusal are written by `handlers.texts.deadline_problem`.
"""

from __future__ import annotations

import calendar as month_calendar
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from handlers.rules.workdays import FESTIVAL_ALIASES, FESTIVALS, WorkCalendar

MAX_AHEAD = timedelta(days=366)

_CN_DIGITS = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2, "俩": 2}
_CN_UNITS = {"十": 10, "百": 100}
_CN_NUMERAL_RE = re.compile("[零〇一二两俩三四五六七八九十百]+")
# Two numbers said together for a rough amount ("两三天", "三五个工作日", "七八个小时", "十几天"), not a number
_ROUGHLY_RE = re.compile(
    r"(?<![零〇一二两三四五六七八九十百])(?:一两|两三|二三|三四|三五|四五|五六|六七|七八|八九)(?![零〇一二两三四五六七八九十百])"
    r"|十几|几十|[0-9]\s*[-~～到至]\s*[0-9]+\s*个?\s*(?:工作日|天|日|小时|周|个月)"
)
_INVISIBLE_RE = re.compile("[\u200b-\u200f\u2060\ufeff]")

# Lead-in words, one after another ("最迟不晚于11月13日", "即日起至11月15日": from now until then)
_LEAD_RE = re.compile(
    r"^(?:(?:(?:自|从)?即日起(?:至|到)?|(?:收到|接到)(?:通知|本通知|文件)?(?:后|之后)|请?(?:务必)?(?:于|在)|务必|请|在|于"
    r"|截[止至](?:时间)?(?:到|为|于)?|最迟(?:于|在)?|最晚(?:于|在)?|不晚于|不迟于)\s*)+"
)
_TRAIL_PUNCT_RE = re.compile(r"[\s,.;!?。、~～]+$")
_SUFFIX_RE = re.compile(r"\s*(?:之前|以前|前|为止|止|之内|以内|内)$")
# "12月1日前完成", "3个工作日内将落实情况报送县委督查室": the deed, with what is sent and to whom; none of it
# may hold a digit or a word of time, so nothing of the deadline is dropped with it.
_UNTIMED = r"(?:(?![点时日号周月年天前后内午晚早晨今明昨半刻分秒])[\u4e00-\u9fff]){0,16}"
# ("于10月20日以前书面反馈": how it is sent may come before the deed)
_TASK_RE = re.compile(
    rf"\s*(?:(?:(?:将|把){_UNTIMED})?(?:以?(?:书面|电子版?|纸质版?)(?:形式)?|通过{_UNTIMED})?"
    rf"(?:完成|办结|报送|上报|反馈|提交|签收|回复)|(?:将|把){_UNTIMED}[报交送])(?:至|到|给)?{_UNTIMED}$"
)
# A weekday written after a date, as notices do: "12月10日（周四）", "12月10日星期四"; checked against the date.
_WEEKDAY_NOTE_RE = re.compile(r"(?<=[日号])\s*\(?(?:周|星期|礼拜)(?P<day>[一二三四五六日天])\)?")
_WEEKDAY_INDEX = {day: index for index, day in enumerate("一二三四五六日")} | {"天": 6}

_DURATION_RE = re.compile(
    r"""^(?:未来|再过|在|过)?\s*
        (?:(?P<num>[0-9]{1,5})\s*个?\s*(?P<half_after>半)?|(?P<half>半)\s*个?)\s*
        (?P<unit>分钟|分|小时|钟头|刻钟|天|日|周|星期|礼拜|个?月|年)
        \s*(?P<tail>之内|以内|内|之后|以后|后)?$""",
    re.VERBOSE,
)
_WORKING_DAYS_RE = re.compile(r"^(?P<num>[0-9]{1,3})\s*个?\s*工作日\s*(?:之内|以内|内|之后|以后|后)?$")
_FESTIVAL_RE = re.compile(
    rf"^(?:(?P<year>[0-9]{{4}})年|(?P<rel>今年|明年))?\s*"
    rf"(?P<name>{'|'.join(sorted([*FESTIVALS, *FESTIVAL_ALIASES], key=len, reverse=True))})"
    r"\s*(?:假期|放假)?\s*(?P<when>之前|以前|前|(?:之后|以后|后)(?:的?第1个工作日(?:之前|以前|前)?)?)?$"  # 国庆节后第一个工作日(前): X后
)
_PERIOD_RE = re.compile(
    r"""^(?:(?P<year>[0-9]{4})年|(?P<yrel>今年|明年))?\s*
        (?:
            (?P<month>(?:[0-9]{1,2}|本|这个?|下个?)月份?)?\s*(?P<mpart>月?底|月?末|月?中|月?初|中旬|下旬|上旬)
          | (?P<ypart>年底|年末|年终|年内|上半年|下半年)
          | (?P<qpart>(?:本|这个?)?季度?末|(?:本|这个?)?季度内|季末)
        )$""",
    re.VERBOSE,
)

_DAY_END = r"(?:\s*[日号]|(?![0-9]))"
_MINUTES = r"(?:(?P<pmi>[0-9]{1,2})\s*分?|(?P<half>半)|(?P<quarter>[13])\s*刻|整)?"
_DATETIME_RE = re.compile(
    rf"""^
    (?:
        (?P<compact>[0-9]{{8}})(?![0-9])
      | (?P<y>[0-9]{{4}})\s*(?:年|[-/.])\s*(?P<ym>[0-9]{{1,2}})\s*(?:月|[-/.])\s*(?P<yd>[0-9]{{1,2}}){_DAY_END}
      | (?P<m>[0-9]{{1,2}})\s*(?:月份?|[-/.])\s*(?P<d>[0-9]{{1,2}}){_DAY_END}
      | (?P<mrel>本|这个?|下个?)月\s*(?P<md>[0-9]{{1,2}})\s*[日号]
      | (?P<dom>[0-9]{{1,2}})\s*[日号]
      | (?P<rel>大后天|后天|明天|明日|次日|今天|今日|当天|当日|明早|明晚|今早|今晚|今夜|明夜|当晚|昨天|昨日|昨晚|前天|大前天)
      | (?P<wrel>本|这个?|下下个?|下个?)?\s*(?:周|星期|礼拜)\s*(?:周|星期|礼拜)?\s*(?P<wd>[1-7日天])
    )?
    \s*(?:[Tt]\s*)?
    (?P<period>凌晨|早上|早晨|清晨|上午|中午|下午|傍晚|晚上|夜里|夜间|晚间|晚|午夜|半夜)?
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
    **dict.fromkeys(("今天", "今日", "当天", "当日", "今早", "今晚", "今夜", "当晚"), 0),
    **dict.fromkeys(("明天", "明日", "次日", "明早", "明晚", "明夜"), 1),
    "后天": 2,
    "大后天": 3,
    **dict.fromkeys(("昨天", "昨日", "昨晚"), -1),
    "前天": -2,
    "大前天": -3,
}
_RELATIVE_PERIOD = {
    "今早": "早上",
    "明早": "早上",
    "今晚": "晚上",
    "明晚": "晚上",
    "今夜": "晚上",
    "明夜": "晚上",
}
_RELATIVE_PERIOD["当晚"] = "晚上"
_RELATIVE_PERIOD["昨晚"] = "晚上"
# The hours (24-hour clock, 24 = midnight at the end of the day) each part of day admits.
_PERIOD_HOURS = {
    "凌晨": range(7),
    "早上": range(13),
    "早晨": range(13),
    "清晨": range(13),
    "上午": range(13),
    "中午": range(11, 15),
    "下午": range(12, 20),
    "傍晚": range(16, 21),
    "晚上": range(18, 25),
    "夜里": range(18, 25),
    "夜间": range(18, 25),
    "晚间": range(18, 25),
    "晚": range(18, 25),
    "午夜": range(24, 25),
    "半夜": range(24, 25),
}
_EVENING = frozenset({"晚上", "夜里", "夜间", "晚间", "晚", "午夜", "半夜"})


@dataclass
class TimeParseError(ValueError):
    """The text is not a deadline duban accepts; `reason` says why (texts.deadline_problem explains it).

    reason: empty | unreadable | rough | duration_not_allowed | no_hour | no_such_clock | contradiction |
    no_such_date | weekday_mismatch | unknown_calendar | past | too_far | future (parse_when) (`parsed` is None when it is beyond any date)
    """

    reason: str
    original: str
    parsed: datetime | None = None  # past / too_far: what the text was read as
    now: datetime | None = None
    details: dict[str, str | int] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.reason}: {self.original!r}"


@dataclass(frozen=True)
class _Clock:
    """A time of day, where hour 24 means midnight at the end of the day."""

    hour: int
    minute: int
    second: int = 0


@dataclass(frozen=True)
class _Context:
    now: datetime  # in tz
    tz: ZoneInfo
    workday_end: time
    calendar: WorkCalendar
    original: str
    weekday: int | None = None  # the weekday written after the date, if any (Monday = 0)
    past: bool = False  # reading when something happened (at or before now), not a deadline

    @property
    def today(self) -> date:
        return self.now.date()

    def fail(self, reason: str, **details: str | int) -> TimeParseError:
        return TimeParseError(reason, self.original, details=details)

    def end_of(self, day: date) -> datetime:
        return datetime.combine(day, self.workday_end, tzinfo=self.tz)


def parse_deadline(
    text: str,
    now: datetime,
    *,
    tz: ZoneInfo,
    workday_end: time,
    calendar: WorkCalendar | None = None,
    allow_duration: bool = True,
) -> datetime:
    """Return the deadline `text` names, as an aware datetime in `tz`, strictly after `now`."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    original = text.strip()
    normalised, weekday = _normalise(text)
    ctx = _Context(now.astimezone(tz), tz, workday_end, calendar or WorkCalendar(), original, weekday)
    cleaned = _TASK_RE.sub("", normalised)
    if not cleaned:
        raise ctx.fail("empty")
    duration = _duration(cleaned, ctx)
    if duration is not None and not allow_duration:
        raise ctx.fail("duration_not_allowed")
    result = (
        duration
        or _working_days(cleaned, ctx)
        or _festival(cleaned, ctx)
        or _period(cleaned, ctx)
        or _period(_SUFFIX_RE.sub("", cleaned), ctx)
        or _datetime(_SUFFIX_RE.sub("", cleaned), ctx)
    )
    if result <= now:
        raise TimeParseError("past", original, parsed=result, now=ctx.now)
    if result - now > MAX_AHEAD:
        raise TimeParseError("too_far", original, parsed=result, now=ctx.now)
    return result


_AGO_RE = re.compile(r"^(?P<num>[0-9]{1,4})\s*个?\s*(?P<unit>分钟|小时|钟头|天)(?:以?前|之前)$")
_NOW_WORDS = frozenset({"刚才", "刚刚", "现在", "此刻", "当前"})


def parse_when(text: str, now: datetime, *, tz: ZoneInfo, workday_end: time) -> datetime:
    """When something happened ("今天上午9点", "昨天下午3点", "11月28日10:00", "10分钟前"): at or before now.

    Read like a deadline, but towards the past: a month-day is this year's or last year's, 周五 the most
    recent Friday; a date without a time is the end of the working day (but never later than now).
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    original = text.strip()
    normalised, weekday = _normalise(text)
    ctx = _Context(now.astimezone(tz), tz, workday_end, WorkCalendar(), original, weekday, past=True)
    if not normalised or normalised in _NOW_WORDS:
        return ctx.now
    ago = _AGO_RE.match(normalised)
    if ago is not None:
        unit = {"分钟": timedelta(minutes=1), "小时": timedelta(hours=1), "钟头": timedelta(hours=1)}
        result = ctx.now - int(ago["num"]) * unit.get(ago["unit"], timedelta(days=1))
    else:
        result = _datetime(_SUFFIX_RE.sub("", normalised), ctx)
        if result > ctx.now and result.date() == ctx.today and not _has_clock(normalised):
            result = ctx.now  # "今天": as of now
    if result > ctx.now:
        raise TimeParseError("future", original, parsed=result, now=ctx.now)
    if ctx.now - result > MAX_AHEAD:
        raise TimeParseError("too_far", original, parsed=result, now=ctx.now)
    return result


def _has_clock(text: str) -> bool:
    match = _DATETIME_RE.match(text)
    return match is not None and any(match[g] for g in ("h", "ph", "offwork", "period"))


def whole_minute(moment: datetime) -> datetime:
    """Up to the next whole minute: "2小时内" said at 10:00:37 ends at 12:01, shown and kept as such."""
    whole = moment.replace(second=0, microsecond=0)
    return whole if whole == moment else whole + timedelta(minutes=1)


def _normalise(text: str) -> tuple[str, int | None]:
    """Half-width digits and punctuation, Arabic numerals, no lead-in words or trailing punctuation;
    and the weekday written after the date ("12月1日(周二)18:00", as the bot itself writes times)."""
    original = text.strip()
    text = _INVISIBLE_RE.sub("", unicodedata.normalize("NFKC", text)).strip()
    note = _WEEKDAY_NOTE_RE.search(text)
    weekday = _WEEKDAY_INDEX[note["day"]] if note else None
    text = _WEEKDAY_NOTE_RE.sub("", text)
    text = text.replace("五一", "劳动节")  # a festival, not the number 51
    text = re.sub(r"两日(?!前)", "2天", text)  # "两日" is two days; the 2nd of a month is 二日
    rough = _ROUGHLY_RE.search(text)
    if rough:  # "两三天内", "一两个小时": a guess between two numbers is no deadline
        raise TimeParseError("rough", original, details={"words": rough[0]})
    text = _CN_NUMERAL_RE.sub(lambda m: _chinese_number(m.group()), text)
    text = _TRAIL_PUNCT_RE.sub("", text)
    return _LEAD_RE.sub("", text).strip(), weekday


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


# ---- durations and working days ------------------------------------------------------------------


def _duration(text: str, ctx: _Context) -> datetime | None:
    match = _DURATION_RE.match(text)
    if match is None:
        return None
    unit, tail = match["unit"], match["tail"]
    if unit in ("日", "分") and tail is None:
        return None  # "15日" is a day of the month, "30分" a clock reading
    if match["half"] and match["num"] is None and unit in ("天", "日", "分钟", "分", "刻钟"):
        raise ctx.fail("unreadable")  # 半天 / 半分钟: not a deadline
    amount = int(match["num"] or 0) + (0.5 if match["half"] or match["half_after"] else 0)
    if unit == "年":
        amount *= 12  # 半年 = 6 months, 1年 = 12
        unit = "月"
    if unit.endswith("月"):
        months = int(amount)
        if months > 24:
            raise ctx.fail("too_far")  # 9000年: far beyond any deadline (and beyond the calendar)
        if amount != months:  # 半个月, 1个半月
            return _offset(ctx, timedelta(days=15 + 30 * months))
        return _add_months(ctx.now, months)
    lengths = {
        "分钟": timedelta(minutes=1),
        "分": timedelta(minutes=1),
        "刻钟": timedelta(minutes=15),
        "小时": timedelta(hours=1),
        "钟头": timedelta(hours=1),
        "天": timedelta(days=1),
        "日": timedelta(days=1),
        "周": timedelta(days=7),
        "星期": timedelta(days=7),
        "礼拜": timedelta(days=7),
    }
    if amount * lengths[unit] > MAX_AHEAD * 2:
        raise ctx.fail("too_far")
    return _offset(ctx, amount * lengths[unit])


def _offset(ctx: _Context, length: timedelta) -> datetime:
    return whole_minute((ctx.now.astimezone(UTC) + length).astimezone(ctx.tz))


def _add_months(moment: datetime, months: int) -> datetime:
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, month_calendar.monthrange(year, month)[1])
    return whole_minute(moment.replace(year=year, month=month, day=day))


def _working_days(text: str, ctx: _Context) -> datetime | None:
    match = _WORKING_DAYS_RE.match(text)
    if match is None:
        return None
    count = int(match["num"])
    if count < 1:
        raise ctx.fail("unreadable")
    if count > 250:
        raise ctx.fail("too_far")
    return ctx.end_of(ctx.calendar.working_day_after(ctx.today, count))


# ---- festivals and periods -------------------------------------------------------------------------


def _festival(text: str, ctx: _Context) -> datetime | None:
    match = _FESTIVAL_RE.match(text)
    if match is None:
        return None
    name = FESTIVAL_ALIASES.get(match["name"], match["name"])
    if match["year"] or match["rel"]:
        years = [int(match["year"]) if match["year"] else ctx.today.year + (match["rel"] == "明年")]
    else:
        years = [ctx.today.year, ctx.today.year + 1]
    when = match["when"] or ""
    for year in years:
        if not when:
            moment = ctx.end_of(ctx.calendar.festival_day(name, year))
        else:
            rest = ctx.calendar.rest_days(name, year)
            if rest is None:
                raise ctx.fail("unknown_calendar", year=year, festival=match["name"])
            first, last = rest
            if when in ("之前", "以前", "前"):
                day = first - timedelta(days=1)
                while not ctx.calendar.is_working_day(day):
                    day -= timedelta(days=1)
            else:
                day = ctx.calendar.working_day_after(last, 1)
            moment = ctx.end_of(day)
        if moment > ctx.now or len(years) == 1:
            return moment
    return moment


def _period(text: str, ctx: _Context) -> datetime | None:
    match = _PERIOD_RE.match(text)
    if match is None:
        return None
    year = int(match["year"]) if match["year"] else ctx.today.year + (match["yrel"] == "明年")
    explicit_year = bool(match["year"] or match["yrel"])
    if match["ypart"]:
        day = date(year, 6, 30) if match["ypart"] == "上半年" else date(year, 12, 31)
        return ctx.end_of(day)
    if match["qpart"]:
        quarter_end_month = ((ctx.today.month - 1) // 3 + 1) * 3
        return ctx.end_of(_month_end(year, quarter_end_month))
    month_word, part = match["month"] or "", match["mpart"].lstrip("月")
    if month_word[:1].isdigit():
        month = int(month_word.rstrip("份").rstrip("月"))
        if not 1 <= month <= 12:
            raise ctx.fail("no_such_date", month=month, day=1)
        if not explicit_year and ctx.end_of(_period_day(year, month, part)) <= ctx.now:
            year += 1  # the next one to come
    else:
        month = ctx.today.month
        if month_word.startswith("下"):
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return ctx.end_of(_period_day(year, month, part))


def _period_day(year: int, month: int, part: str) -> date:
    if part in ("底", "末", "下旬"):
        return _month_end(year, month)
    if part in ("中", "中旬"):
        return date(year, month, 15) if part == "中" else date(year, month, 20)
    return date(year, month, 1) if part == "初" else date(year, month, 10)  # 初 / 上旬


def _month_end(year: int, month: int) -> date:
    return date(year, month, month_calendar.monthrange(year, month)[1])


# ---- dates and clock times -------------------------------------------------------------------------


def _datetime(text: str, ctx: _Context) -> datetime:
    match = _DATETIME_RE.match(text)
    has_date = match is not None and any(match[g] for g in ("compact", "y", "m", "mrel", "dom", "rel", "wd"))
    has_time = match is not None and any(match[g] for g in ("h", "ph", "offwork", "period"))
    if match is None or not (has_date or has_time):
        raise ctx.fail("unreadable")
    period = match["period"] or _RELATIVE_PERIOD.get(match["rel"] or "")
    clock = _clock(match, period, ctx, dated=has_date)
    today = ctx.today
    if match["compact"]:
        digits = match["compact"]
        return _build(ctx, int(digits[:4]), int(digits[4:6]), int(digits[6:]), clock)
    if match["y"]:
        return _build(ctx, int(match["y"]), int(match["ym"]), int(match["yd"]), clock)
    if match["m"]:
        return _month_day(ctx, int(match["m"]), int(match["d"]), clock)
    if match["mrel"]:
        year, month = today.year, today.month
        if match["mrel"].startswith("下"):
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return _build(ctx, year, month, int(match["md"]), clock)
    if match["dom"]:
        return _day_of_month(ctx, int(match["dom"]), clock)
    if match["rel"]:
        return _at(ctx, today + timedelta(days=_RELATIVE_DAYS[match["rel"]]), clock)
    if match["wd"]:
        if ctx.past and match["wrel"] is None:  # "周五": the most recent Friday
            index = 6 if match["wd"] in ("日", "天") else int(match["wd"]) - 1
            return _at(ctx, today - timedelta(days=(today.weekday() - index) % 7), clock)
        return _at(ctx, _weekday_date(today, match["wrel"], match["wd"]), clock)
    return _at(ctx, today, clock)


def _clock(match: re.Match[str], period: str | None, ctx: _Context, *, dated: bool) -> _Clock:
    """The time of day the match names, by the rules of its part of day; the end of work when none."""
    if match["offwork"]:
        return _Clock(ctx.workday_end.hour, ctx.workday_end.minute)
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
    elif period in _EVENING and (dated or period in ("午夜", "半夜")):
        return _Clock(24, 0)  # 今晚 / 明天晚上 / 13号晚上 / 午夜 alone: by the end of that evening
    elif period:
        raise ctx.fail("no_hour")
    else:
        return _Clock(ctx.workday_end.hour, ctx.workday_end.minute)

    if minute > 59 or second > 59 or hour > 24 or (hour == 24 and (minute or second)):
        raise ctx.fail("no_such_clock")
    if period is None:
        if match["h"] and len(match["h"]) == 2:
            return _Clock(hour, minute, second)  # "03:00" (two digits) is a 24-hour reading: as written
        return _Clock(hour + 12 if 1 <= hour <= 6 else hour, minute, second)
    return _Clock(_hour_in(period, hour, ctx), minute, second)


def _hour_in(period: str, hour: int, ctx: _Context) -> int:
    allowed = _PERIOD_HOURS[period]
    if period == "凌晨" and hour == 12:
        return 0
    if period in _EVENING and hour == 12:
        return 24
    for candidate in (hour, hour + 12):
        if candidate in allowed and not (candidate == 24 and period not in _EVENING):
            return candidate
    raise ctx.fail("contradiction", period=period, hour=hour)


def _weekday_date(today: date, prefix: str | None, day: str) -> date:
    index = 6 if day in ("日", "天") else int(day) - 1
    monday = today - timedelta(days=today.weekday())
    if prefix is None:
        return today + timedelta(days=(index - today.weekday()) % 7)
    weeks = 2 if prefix.startswith("下下") else 1 if prefix.startswith("下") else 0
    return monday + timedelta(days=7 * weeks + index)


def _month_day(ctx: _Context, month: int, day: int, clock: _Clock) -> datetime:
    """A month and day without a year: the next one to come (1月5日 said in December is next year's).

    A date just passed is read as next year's too; the confirmation then shows the year (2027年…).
    """
    if not 1 <= month <= 12:
        raise ctx.fail("no_such_date", month=month, day=day)
    years = (ctx.today.year, ctx.today.year - 1) if ctx.past else (ctx.today.year, ctx.today.year + 1)
    for year in years:
        try:
            named = date(year, month, day)
        except ValueError:
            continue  # 2月29日 outside leap years
        moment = _at(ctx, named, clock, check_weekday=False)
        if (moment <= ctx.now) if ctx.past else (moment > ctx.now):
            return _at(ctx, named, clock)
    return _build(ctx, ctx.today.year, month, day, clock)  # no such day at all


def _day_of_month(ctx: _Context, day: int, clock: _Clock) -> datetime:
    """A day of the month alone: this month's if it has not passed, else next month's."""
    year, month = ctx.today.year, ctx.today.month
    try:
        named = date(year, month, day)
    except ValueError:
        named = None  # this month has no such day
    if named is not None and _at(ctx, named, clock, check_weekday=False) > ctx.now:
        return _at(ctx, named, clock)
    year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return _build(ctx, year, month, day, clock)


def _build(ctx: _Context, year: int, month: int, day: int, clock: _Clock) -> datetime:
    try:
        named = date(year, month, day)
    except (ValueError, OverflowError):
        raise ctx.fail("no_such_date", year=year, month=month, day=day) from None
    return _at(ctx, named, clock)


def _at(ctx: _Context, day: date, clock: _Clock, *, check_weekday: bool = True) -> datetime:
    if check_weekday and ctx.weekday is not None and day.weekday() != ctx.weekday:
        raise ctx.fail(
            "weekday_mismatch", written=ctx.weekday, actual=day.weekday(), month=day.month, day=day.day
        )
    if clock.hour == 24:
        if day == date.max:
            raise ctx.fail("too_far")
        return datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=ctx.tz)
    return datetime.combine(day, time(clock.hour, clock.minute, clock.second), tzinfo=ctx.tz)
