"""The policy: the configured values handlers decide by (built from the configuration by the bot)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from handlers.rules.assessment import Rules
from handlers.rules.filecheck import FileRules
from handlers.rules.quiet import after_quiet, before_quiet, in_quiet
from handlers.rules.workdays import WorkCalendar

WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class Policy:
    """Settings that shape decisions and texts; values only (`bot.app.make_policy` builds it)."""

    tz: ZoneInfo
    number_format: str
    receipt_window: timedelta
    workday_start: time
    workday_end: time
    bot_id: str
    bot_name: str
    calendar: WorkCalendar
    quiet_start: time
    quiet_end: time
    receipt_offsets: tuple[timedelta, ...]
    feedback_offsets: tuple[timedelta, ...]
    reminder_grace: timedelta
    quarter_threshold: int
    veto_kinds: tuple[str, ...]
    bulletin_room: str
    max_length: int
    mentions_per_message: int
    offline_notice_after: timedelta
    assessment: (
        Rules  # the [assessment] points: the 通报, the weekly bulletin and 警示约谈 for the last-ranked
    )
    office_name: str  # 督查室 name: the title of the 通报 and of the printed 台账
    rectify_period: timedelta = timedelta(days=30)  # a confirmed 通报批评 / 媒体曝光 opens this 整改期限
    review_digest_every: timedelta = timedelta(
        minutes=30
    )  # replies waiting for the office, at most this often
    files: FileRules = field(
        default_factory=FileRules
    )  # which files a notice may carry, and how long a private file waits

    def number(self, year: int, seq: int) -> str:
        return self.number_format.format(year=year, seq=seq)

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.tz)

    def show(self, moment: datetime | None, *, year: bool = False, since: datetime | None = None) -> str:
        """A time as office people read it: 12月1日（周二）18:00 (seconds only when there are some).

        The year is shown when asked for, or when it is not the year of `since` (2027年1月5日…).
        """
        if moment is None:
            return "无"
        local = self.local(moment)
        other_year = since is not None and self.local(since).year != local.year
        prefix = f"{local.year}年" if year or other_year else ""
        clock = f"{local:%H:%M:%S}" if local.second else f"{local:%H:%M}"
        return f"{prefix}{local.month}月{local.day}日（周{WEEKDAYS[local.weekday()]}）{clock}"

    def due(self, moment: datetime | None, notice_issued: datetime) -> str:
        """A deadline of a notice: with its year when that is not the year the notice was issued."""
        return self.show(moment, since=notice_issued)

    def in_quiet(self, moment: datetime) -> bool:
        return in_quiet(moment, self.quiet_start, self.quiet_end, self.tz)

    def after_quiet(self, moment: datetime) -> datetime:
        """`moment`, or the end of the quiet hours it falls in (for messages that may wait till morning)."""
        return after_quiet(moment, self.quiet_start, self.quiet_end, self.tz)

    def before_quiet(self, moment: datetime) -> datetime:
        """`moment`, or just before the quiet hours it falls in begin (for reminders that must not wait)."""
        return before_quiet(moment, self.quiet_start, self.quiet_end, self.tz)
