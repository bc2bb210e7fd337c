"""Timed duties in virtual time: daily broadcasts on working days, pre-deadline reminders, quiet hours,
deadline evaluation with the penalty ladder, office decisions, catch-up after downtime and outbox pacing.

Every test is a replay scenario run through `bot.replay.run_scenario` (see tests/scenario.py): the clock
only moves when a line says so, and every duty that falls due on the way runs in order. The roster is the
one of tests/scenario.py: 城关镇 王五 (wangwu), 县发改委 孙七 (sunqi), 县财政局 周八 (zhouba) and 县住建局 郑十
(zhengshi) in 政务督查联络群 (COUNTY_ROOM); 东风乡 吴九 (wujiu) and 郑十 again in 乡镇督查工作群
(TOWN_ROOM); the office is 李明 (liming).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import chinese_calendar
import pytest
from scenario import (
    CAIZHENG,
    CHENGGUAN,
    COUNTY_ROOM,
    DONGFENG,
    FAGAI,
    OFFICE,
    TOWN_ROOM,
    ZHUJIAN,
    Result,
    audit_log,
    roster,
    run,
    run_lines,
)
from sqlalchemy import func, select

from bot.app import make_policy
from bot.config import load_config
from handlers.actions.duties import Duties
from storage.db import Database
from storage.models import Flag, Unit

TZ = ZoneInfo("Asia/Shanghai")
BROADCAST = "【每日督办提醒】"
RECEIPT_REMINDER = "【签收提醒】"
FEEDBACK_REMINDER = "【反馈提醒】"
PROPOSAL = "【处理建议"
NOTICE_POST = "【督办通知单】"
CAL_WARNING = "日历"
_ids = itertools.count(1)
PACED = timedelta(seconds=15)  # a few messages into one conversation, 3-4 s apart


# ---------------------------------------------------------------------------------------------------------
# scenario helpers (full dates: these scenarios run over weeks, quarters and into 2027)


def ts(when: str) -> str:
    """ "2026-11-25 09:00" → "2026-11-25T09:00:00+08:00" (seconds allowed)."""
    day, clock = when.split(" ")
    if clock.count(":") == 1:
        clock += ":00"
    return f"{day}T{clock}+08:00"


def dt(when: str) -> datetime:
    return datetime.fromisoformat(ts(when))


def sent_at(message: Mapping[str, Any]) -> datetime:
    return datetime.fromisoformat(message["at"])


def say(when: str, sender: str, text: str, *, room: str | None = COUNTY_ROOM) -> dict[str, Any]:
    return {"at": ts(when), "from": sender, "room": room, "text": text, "id": f"d{next(_ids)}"}


def cmd(when: str, text: str, *, sender: str = OFFICE) -> dict[str, Any]:
    """A command in a private chat with the bot (by default from the office)."""
    return say(when, sender, text, room=None)


def tick(when: str) -> dict[str, Any]:
    return {"at": ts(when)}


def pub(
    when: str,
    title: str,
    units: str,
    *,
    receipt: str | None = None,
    feedback: str | None = None,
    body: str = "请按要求落实。",
) -> dict[str, Any]:
    lines = [f"/发布 {title}", f"单位：{units}"]
    if receipt is not None:
        lines.append(f"签收时限：{receipt}")
    if feedback is not None:
        lines.append(f"反馈时限：{feedback}")
    lines.append(f"正文：{body}")
    return cmd(when, "\n".join(lines))


def make_setup(
    start: str,
    *,
    config: Mapping[str, Mapping[str, Any]] | None = None,
    roster_data: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "timezone": "Asia/Shanghai",
        "start": ts(start),
        "bot": {"id": "bot", "name": "督办助手"},
        **(roster_data or roster()),
    }
    if config:
        data["config"] = {k: dict(v) for k, v in config.items()}
    return data


async def play(
    tmp_path: Path,
    start: str,
    events: Iterable[Mapping[str, Any]],
    *,
    config: Mapping[str, Mapping[str, Any]] | None = None,
    roster_data: Mapping[str, Any] | None = None,
    db_url: str | None = None,
) -> Result:
    return await run(
        events,
        tmp_path,
        scenario_setup=make_setup(start, config=config, roster_data=roster_data),
        db_url=db_url,
    )


def starting(result: Result, prefix: str, *, room: str | None = None) -> list[dict[str, Any]]:
    return [m for m in result.sent if m["text"].startswith(prefix) and (room is None or m["room"] == room)]


def to(result: Result, person: str) -> list[dict[str, Any]]:
    """Every private message to one person (answers and scheduled ones alike)."""
    return [m for m in result.sent if m["to"] == person and m["room"] is None]


def texts_to(result: Result, person: str) -> list[str]:
    return [m["text"] for m in to(result, person)]


def in_room(result: Result, room: str) -> list[dict[str, Any]]:
    return [m for m in result.sent if m["room"] == room]


def room_messages(result: Result) -> list[dict[str, Any]]:
    return [m for m in result.sent if m["room"] is not None]


def proposals(result: Result) -> list[dict[str, Any]]:
    return [m for m in to(result, OFFICE) if m["text"].startswith(PROPOSAL)]


def flags(result: Result, kind: str | None = None) -> list[dict[str, Any]]:
    return [f for f in result.ledger["flags"] if kind is None or f["kind"] == kind]


def number(seq: int, year: int = 2026) -> str:
    return f"督办〔{year}〕{seq}号"


def in_quiet_hours(moment: datetime, start: time = time(22, 0), end: time = time(7, 30)) -> bool:
    clock = moment.astimezone(TZ).time()
    return clock >= start or clock < end


def local_day(message: Mapping[str, Any]) -> date:
    return sent_at(message).astimezone(TZ).date()


def receipt(when: str, liaison: str, text: str = "收到", *, room: str = COUNTY_ROOM) -> dict[str, Any]:
    return say(when, liaison, text, room=room)


# ---------------------------------------------------------------------------------------------------------
# 1. The daily broadcast: working days only, per room, only the units that still owe


async def test_daily_broadcast_follows_the_official_calendar(tmp_path: Path) -> None:
    """Spring Festival 2026: 调休 Saturdays (02-14, 02-28) get one, 02-15…23 and ordinary weekends none."""
    result = await play(
        tmp_path,
        "2026-02-12 08:50",
        [
            pub(
                "2026-02-12 09:30",
                "春节期间安全生产检查",
                "城关镇",
                receipt="2026-02-12 11:00",
                feedback="2026-03-20 17:30",
            ),
            receipt("2026-02-12 09:40", CHENGGUAN),
            tick("2026-03-10 10:00"),
        ],
    )
    casts = starting(result, BROADCAST)
    days = [local_day(m) for m in casts]
    span = [
        date(2026, 2, 13) + timedelta(days=i) for i in range((date(2026, 3, 10) - date(2026, 2, 13)).days + 1)
    ]
    assert days == [d for d in span if chinese_calendar.is_workday(d)]  # one a working day, in order
    assert date(2026, 2, 14) in days and date(2026, 2, 28) in days  # 调休 Saturdays
    assert not any(date(2026, 2, 15) <= d <= date(2026, 2, 23) for d in days)  # the holiday
    assert date(2026, 3, 7) not in days and date(2026, 3, 8) not in days  # an ordinary weekend
    for m in casts:
        local = sent_at(m).astimezone(TZ)
        assert local.time() == time(9, 0)
        assert m["room"] == COUNTY_ROOM and m["to"] is None
        assert m["mentions"] == [CHENGGUAN]
        assert f"{local.month}月{local.day}日" in m["text"]
        assert number(1) in m["text"] and "未反馈：城关镇" in m["text"]


async def test_daily_broadcast_lists_only_units_that_still_owe_per_room(tmp_path: Path) -> None:
    result = await play(
        tmp_path,
        "2026-11-25 08:50",
        [
            pub(
                "2026-11-25 09:05",
                "关于开展冬季安全生产大检查的通知",
                "城关镇、发改委、财政局、东风乡、住建局",
                receipt="2026-11-25 11:00",
                feedback="2026-12-04 17:30",
            ),
            pub(
                "2026-11-25 09:10", "关于报送重点项目进度的通知", "财政局、住建局", receipt="2026-11-25 12:00"
            ),
            pub("2026-11-25 09:15", "关于已撤回事项的通知", "发改委", receipt="2026-11-25 12:00"),
            pub("2026-11-25 09:20", "关于已销号事项的通知", "发改委", receipt="2026-11-25 12:00"),
            cmd("2026-11-25 09:25", "/撤回 3 原因：重复下发"),
            cmd("2026-11-25 09:26", "/销号 4 确认"),
            receipt("2026-11-25 09:30", CHENGGUAN, "1号收到"),
            receipt("2026-11-25 09:40", FAGAI, "1号收到"),
            receipt("2026-11-25 09:50", ZHUJIAN, "1号、2号都收到了"),
            say("2026-11-25 16:00", CHENGGUAN, "城关镇自查已全部完成，报告已报送"),
            say("2026-11-25 16:10", ZHUJIAN, "住建局自查工作已全部完成，报告已报送"),
            tick("2026-11-26 09:30"),
        ],
    )
    casts = [m for m in starting(result, BROADCAST) if local_day(m) == date(2026, 11, 26)]
    county = [m for m in casts if m["room"] == COUNTY_ROOM]
    towns = [m for m in casts if m["room"] == TOWN_ROOM]
    assert len(county) == 1 and len(towns) == 1, casts  # one message per room
    assert {m["room"] for m in casts} == {COUNTY_ROOM, TOWN_ROOM}  # not the office's own group
    c = county[0]
    assert sent_at(c) == dt("2026-11-26 09:00")
    assert c["mentions"] == [FAGAI, CAIZHENG]  # not 城关镇 (done) nor 住建局 (done), not the office
    assert number(1) in c["text"] and number(2) in c["text"]
    assert number(3) not in c["text"] and number(4) not in c["text"]  # withdrawn, closed
    assert "城关镇" not in c["text"] and "县住房和城乡建设局" not in c["text"]
    assert "县发展和改革委员会" in c["text"] and "县财政局" in c["text"]
    notice_1 = c["text"].split(number(1))[1].split(number(2))[0]
    assert "未签收：县财政局" in notice_1
    assert "未反馈：县发展和改革委员会、县财政局" in notice_1
    t = towns[0]
    assert t["mentions"] == [DONGFENG]
    assert number(1) in t["text"] and number(2) not in t["text"]  # 住建局 is done with 2 as well
    assert "东风乡" in t["text"] and "县财政局" not in t["text"]


async def test_no_broadcast_when_nothing_is_owed(tmp_path: Path) -> None:
    result = await play(
        tmp_path,
        "2026-11-25 08:50",
        [
            pub(
                "2026-11-25 09:05",
                "关于报送统计数据的通知",
                "城关镇、东风乡",
                receipt="2026-11-25 11:00",
                feedback="2026-12-04 17:30",
            ),
            receipt("2026-11-25 09:10", CHENGGUAN),
            receipt("2026-11-25 09:12", DONGFENG, room=TOWN_ROOM),
            say("2026-11-25 15:00", CHENGGUAN, "城关镇统计数据已报送完毕"),
            tick("2026-11-26 10:00"),  # 东风乡 still owes feedback: only the township group hears of it
            say("2026-11-26 11:00", DONGFENG, "东风乡统计数据已全部报送完成", room=TOWN_ROOM),
            tick("2026-12-03 10:00"),
        ],
    )
    casts = starting(result, BROADCAST)
    assert [(local_day(m), m["room"], m["mentions"]) for m in casts] == [
        (date(2026, 11, 26), TOWN_ROOM, [DONGFENG])
    ]


async def test_broadcast_leaves_out_excused_units(tmp_path: Path) -> None:
    result = await play(
        tmp_path,
        "2026-11-25 08:50",
        [
            pub("2026-11-25 09:05", "关于报送统计数据的通知", "城关镇、财政局", receipt="2026-11-25 11:00"),
            cmd("2026-11-25 09:30", "/免责 1 单位：财政局 原因：参加省里培训"),
            tick("2026-11-26 10:00"),
        ],
    )
    (cast,) = starting(result, BROADCAST)
    assert cast["mentions"] == [CHENGGUAN]
    assert "县财政局" not in cast["text"]


# ---------------------------------------------------------------------------------------------------------
# 2. A year the calendar package does not know


def weekdays(first: date, last: date) -> list[date]:
    return [
        first + timedelta(days=i)
        for i in range((last - first).days + 1)
        if (first + timedelta(days=i)).weekday() < 5
    ]


async def test_2027_falls_back_to_weekdays_and_warns_the_office_once(tmp_path: Path) -> None:
    result = await play(
        tmp_path,
        "2027-01-04 08:00",
        [
            pub(
                "2027-01-04 08:30",
                "关于做好2027年元旦后复工复产的通知",
                "城关镇",
                receipt="2027-01-04 11:00",
                feedback="2027-01-29 17:30",
            ),
            tick("2027-01-20 10:00"),
        ],
    )
    days = [local_day(m) for m in starting(result, BROADCAST)]
    assert days == weekdays(date(2027, 1, 4), date(2027, 1, 20))
    warnings = [m for m in result.sent if "2027" in m["text"] and CAL_WARNING in m["text"]]
    assert len(warnings) == 1, warnings
    (warning,) = warnings
    assert warning["to"] == OFFICE and warning["room"] is None  # in private
    assert "extra_holidays" in warning["text"] or "[calendar]" in warning["text"]
    assert local_day(warning) == date(2027, 1, 4)
    assert not any(CAL_WARNING in m["text"] for m in room_messages(result))


async def test_2027_config_overrides_add_holidays_and_workdays(tmp_path: Path) -> None:
    result = await play(
        tmp_path,
        "2027-01-04 08:00",
        [
            pub(
                "2027-01-04 08:30",
                "关于做好复工复产的通知",
                "城关镇",
                receipt="2027-01-04 11:00",
                feedback="2027-01-29 17:30",
            ),
            tick("2027-01-13 10:00"),
        ],
        config={
            "calendar": {"extra_holidays": ["2027-01-05", "2027-01-12"], "extra_workdays": ["2027-01-09"]}
        },
    )
    days = [local_day(m) for m in starting(result, BROADCAST)]
    expected = [
        d
        for d in weekdays(date(2027, 1, 4), date(2027, 1, 13))
        if d not in {date(2027, 1, 5), date(2027, 1, 12)}
    ]
    assert days == sorted([*expected, date(2027, 1, 9)])
    assert len([m for m in to(result, OFFICE) if "2027" in m["text"] and CAL_WARNING in m["text"]]) == 1


async def test_2026_gives_no_calendar_warning(tmp_path: Path) -> None:
    result = await play(
        tmp_path,
        "2026-12-28 08:00",
        [
            pub(
                "2026-12-28 08:30",
                "关于年终结账的通知",
                "城关镇",
                receipt="2026-12-28 11:00",
                feedback="2027-01-08 17:30",
            ),
            tick("2026-12-31 10:00"),
        ],
    )
    assert not [m for m in result.sent if CAL_WARNING in m["text"] and "提示" in m["text"]]
    assert starting(result, BROADCAST)  # the notice runs into 2027; no warning until 2027 comes


async def test_a_notice_running_into_2027_warns_once_when_the_year_turns(tmp_path: Path) -> None:
    result = await play(
        tmp_path,
        "2026-12-28 08:00",
        [
            pub(
                "2026-12-28 08:30",
                "关于年终结账的通知",
                "城关镇",
                receipt="2026-12-28 11:00",
                feedback="2027-01-15 17:30",
            ),
            tick("2027-01-12 10:00"),
        ],
    )
    warnings = [m for m in result.sent if "2027" in m["text"] and CAL_WARNING in m["text"]]
    assert len(warnings) == 1
    days = [local_day(m) for m in starting(result, BROADCAST)]
    assert date(2027, 1, 4) in days and date(2027, 1, 2) not in days and date(2027, 1, 3) not in days
    assert date(2027, 1, 1) in days  # a Friday: without data the bot cannot know it is 元旦 unless configured
    assert local_day(warnings[0]) == date(2027, 1, 1)  # told when the year turns, in private
    assert warnings[0]["to"] == OFFICE


# ---------------------------------------------------------------------------------------------------------
# 3. Pre-deadline reminders


async def test_receipt_reminder_goes_only_to_units_still_owing(tmp_path: Path) -> None:
    result = await play(
        tmp_path,
        "2026-11-25 08:50",
        [
            pub(
                "2026-11-25 09:00",
                "关于开展冬季安全生产大检查的通知",
                "城关镇、发改委、财政局、东风乡",
                receipt="2026-11-25 11:00",
            ),
            receipt("2026-11-25 09:05", CHENGGUAN),
            receipt("2026-11-25 09:10", DONGFENG, room=TOWN_ROOM),
            tick("2026-11-25 12:00"),
        ],
    )
    reminders = starting(result, RECEIPT_REMINDER)
    assert len(reminders) == 1, reminders  # 东风乡 confirmed: nothing in the township group
    (r,) = reminders
    assert r["room"] == COUNTY_ROOM
    assert sent_at(r) == dt("2026-11-25 10:30")
    assert r["mentions"] == [FAGAI, CAIZHENG]
    assert number(1) in r["text"] and "县发展和改革委员会" in r["text"] and "县财政局" in r["text"]
    assert "城关镇" not in r["text"] and "东风乡" not in r["text"]


async def test_no_receipt_reminder_when_everyone_confirmed(tmp_path: Path) -> None:
    result = await play(
        tmp_path,
        "2026-11-25 08:50",
        [
            pub(
                "2026-11-25 09:00",
                "关于开展冬季安全生产大检查的通知",
                "城关镇、发改委",
                receipt="2026-11-25 11:00",
            ),
            receipt("2026-11-25 09:05", CHENGGUAN),
            receipt("2026-11-25 10:29", FAGAI),
            tick("2026-11-25 12:00"),
        ],
    )
    assert starting(result, RECEIPT_REMINDER) == []


async def test_feedback_reminders_24h_and_2h_before_to_laggards_only(tmp_path: Path) -> None:
    result = await play(
        tmp_path,
        "2026-11-23 08:50",
        [
            pub(
                "2026-11-23 09:00",
                "关于报送重点项目进度的通知",
                "城关镇、发改委、财政局",
                receipt="2026-11-23 11:00",
                feedback="2026-11-27 17:30",
            ),
            receipt("2026-11-23 09:05", CHENGGUAN, "都收到了"),
            receipt("2026-11-23 09:06", FAGAI, "都收到了"),
            receipt("2026-11-23 09:07", CAIZHENG, "都收到了"),
            say("2026-11-25 10:00", CHENGGUAN, "城关镇重点项目进度已报送，已全部完成"),
            say("2026-11-27 09:00", FAGAI, "发改委项目进度表已报送，已完成"),
            tick("2026-11-28 10:00"),
        ],
    )
    reminders = starting(result, FEEDBACK_REMINDER)
    assert [(sent_at(r), r["room"], r["mentions"]) for r in reminders] == [
        (dt("2026-11-26 17:30"), COUNTY_ROOM, [FAGAI, CAIZHENG]),  # 24 h before
        (dt("2026-11-27 15:30"), COUNTY_ROOM, [CAIZHENG]),  # 2 h before: 发改委 has reported since
    ]
    assert "城关镇" not in reminders[0]["text"]
    assert "县发展和改革委员会" not in reminders[1]["text"] and "县财政局" in reminders[1]["text"]


async def test_one_reminder_per_room_per_notice_per_offset(tmp_path: Path) -> None:
    """住建局 sits in both groups; two notices share a deadline; commands in between wake the scheduler."""
    result = await play(
        tmp_path,
        "2026-11-25 08:50",
        [
            pub(
                "2026-11-25 09:00",
                "关于排查老旧小区燃气管道的通知",
                "住建局、东风乡、财政局",
                receipt="2026-11-25 11:00",
            ),
            pub(
                "2026-11-25 09:01",
                "关于报送农房安全排查台账的通知",
                "住建局、东风乡",
                receipt="2026-11-25 11:00",
            ),
            cmd("2026-11-25 10:30:01", "/查询"),
            cmd("2026-11-25 10:31", "/查询 1"),
            cmd("2026-11-25 10:35", "/单位"),
            tick("2026-11-25 12:00"),
        ],
    )
    reminders = starting(result, RECEIPT_REMINDER)
    seen = Counter((r["room"], number(1) in r["text"], number(2) in r["text"]) for r in reminders)
    assert seen == {
        (COUNTY_ROOM, True, False): 1,
        (COUNTY_ROOM, False, True): 1,
        (TOWN_ROOM, True, False): 1,
        (TOWN_ROOM, False, True): 1,
    }  # one per group per notice, nothing repeated when commands wake the scheduler again
    mentions = {(r["room"], number(1) in r["text"]): sorted(r["mentions"]) for r in reminders}
    assert mentions == {
        (COUNTY_ROOM, True): sorted([ZHUJIAN, CAIZHENG]),
        (COUNTY_ROOM, False): [ZHUJIAN],
        (TOWN_ROOM, True): sorted([ZHUJIAN, DONGFENG]),
        (TOWN_ROOM, False): sorted([ZHUJIAN, DONGFENG]),
    }
    assert all(sent_at(r) < dt("2026-11-25 10:32") for r in reminders)


async def test_per_unit_extended_deadlines_get_their_own_reminders(tmp_path: Path) -> None:
    result = await play(
        tmp_path,
        "2026-11-25 08:50",
        [
            pub(
                "2026-11-25 09:00",
                "关于报送重点项目进度的通知",
                "城关镇、发改委、财政局",
                receipt="2026-11-25 11:00",
                feedback="2026-11-27 17:30",
            ),
            cmd("2026-11-25 09:30", "/延期 1 签收时限：2026-11-25 15:00 单位：财政局"),
            cmd("2026-11-25 09:31", "/延期 1 反馈时限：2026-11-30 17:30 单位：发改委"),
            receipt("2026-11-25 09:40", CHENGGUAN),
            tick("2026-12-01 10:00"),
        ],
    )
    receipts = starting(result, RECEIPT_REMINDER)
    assert [(sent_at(r), r["mentions"]) for r in receipts] == [
        (dt("2026-11-25 10:30"), [FAGAI]),  # the common deadline: 财政局 has its own
        (dt("2026-11-25 14:30"), [CAIZHENG]),  # 30 min before 财政局's extended deadline
    ]
    assert "县财政局" not in receipts[0]["text"] and "15:00" in receipts[1]["text"]
    feedback = starting(result, FEEDBACK_REMINDER)
    assert [(sent_at(r), r["mentions"]) for r in feedback] == [
        (dt("2026-11-26 17:30"), [CHENGGUAN, CAIZHENG]),
        (dt("2026-11-27 15:30"), [CHENGGUAN, CAIZHENG]),
        (dt("2026-11-29 17:30"), [FAGAI]),  # 24 h before 发改委's extended deadline
        (dt("2026-11-30 15:30"), [FAGAI]),
    ]
    # the extended unit is evaluated at its own deadline: 财政局 missed 15:00, 发改委 its receipt at 11:00
    assert result.unit(1, "财政局")["receipt_status"] == "missed"
    assert result.unit(1, "财政局")["receipt_due"] == ts("2026-11-25 15:00")


async def test_no_reminders_for_withdrawn_or_closed_notices_or_excused_units(tmp_path: Path) -> None:
    result = await play(
        tmp_path,
        "2026-11-25 08:50",
        [
            pub("2026-11-25 09:00", "关于甲事项的通知", "城关镇、财政局", receipt="2026-11-25 11:00"),
            pub("2026-11-25 09:01", "关于乙事项的通知", "发改委", receipt="2026-11-25 11:00"),
            pub("2026-11-25 09:02", "关于丙事项的通知", "发改委", receipt="2026-11-25 11:00"),
            cmd("2026-11-25 09:30", "/免责 1 单位：财政局 原因：参加省里培训"),
            cmd("2026-11-25 09:31", "/撤回 2 原因：与3号重复"),
            cmd("2026-11-25 09:32", "/销号 3 确认"),
            tick("2026-11-25 12:00"),
        ],
    )
    reminders = starting(result, RECEIPT_REMINDER)
    assert [(r["room"], r["mentions"]) for r in reminders] == [(COUNTY_ROOM, [CHENGGUAN])]
    assert number(1) in reminders[0]["text"]


# ---------------------------------------------------------------------------------------------------------
# 4. Quiet hours


async def test_a_reminder_that_would_fall_in_quiet_hours_goes_out_just_before(tmp_path: Path) -> None:
    result = await play(
        tmp_path,
        "2026-11-25 08:50",
        [
            pub(
                "2026-11-25 20:00",
                "关于夜间防火巡查的通知",
                "城关镇、财政局",
                receipt="2026-11-25 22:20",
                feedback="2026-11-27 08:00",
            ),
            receipt("2026-11-25 20:10", CHENGGUAN),
            tick("2026-11-28 10:00"),
        ],
    )
    (r,) = starting(result, RECEIPT_REMINDER)
    local = sent_at(r).astimezone(TZ)
    assert local.date() == date(2026, 11, 25)  # the same evening
    assert time(21, 30) <= local.time() < time(22, 0)  # just before the quiet hours begin
    assert r["mentions"] == [CAIZHENG]
    feedback = starting(result, FEEDBACK_REMINDER)
    assert sent_at(feedback[0]) == dt("2026-11-26 08:00")  # 24 h before: not quiet
    second = sent_at(feedback[1]).astimezone(TZ)  # 2 h before would be 06:00: the evening before instead
    assert second.date() == date(2026, 11, 26) and time(21, 30) <= second.time() < time(22, 0)
    assert len(feedback) == 2


async def test_automatic_messages_never_go_out_in_quiet_hours(tmp_path: Path) -> None:
    """Deadlines at night: the evaluation happens then, the office hears of it in the morning."""
    result = await play(
        tmp_path,
        "2026-11-23 08:50",
        [
            pub(
                "2026-11-23 20:00",
                "关于夜间值班的通知",
                "财政局、城关镇",
                receipt="2026-11-23 23:00",
                feedback="2026-11-24 23:30",
            ),
            receipt("2026-11-23 20:30", CHENGGUAN, "1号收到"),
            pub(
                "2026-11-24 20:00",
                "关于夜间巡查的通知",
                "财政局、城关镇",
                receipt="2026-11-25 00:30",
                feedback="2026-11-26 07:00",
            ),
            receipt("2026-11-24 20:30", CHENGGUAN, "2号收到"),
            tick("2026-11-27 12:00"),
        ],
    )
    automatic = [m for m in result.sent if m["id"] and not m["text"].startswith(("已发布", NOTICE_POST))]
    assert automatic
    for m in automatic:
        assert not in_quiet_hours(sent_at(m)), m
    (proposal,) = [p for p in proposals(result) if "书面检查" in p["text"] and "签收" in p["text"]]
    # at the end of the quiet hours (after the deadline notes queued before it, at the pacing interval)
    assert dt("2026-11-25 07:30") <= sent_at(proposal) < dt("2026-11-25 07:30") + PACED
    assert all(sent_at(p) >= dt("2026-11-25 07:30") for p in proposals(result))
    receipt_flags = [f for f in flags(result, "书面检查") if f["basis"] == "receipt"]
    assert [(f["unit"], f["notices"], f["at"]) for f in receipt_flags] == [
        ("县财政局", [number(1), number(2)], ts("2026-11-25 00:30"))  # the deadline's own time
    ]


def big_roster(rooms: int, units_per_room: int) -> dict[str, Any]:
    units = []
    room_list = []
    for r in range(rooms):
        members = [OFFICE]
        for u in range(units_per_room):
            pid = f"l{r}x{u}"
            units.append(
                {"name": f"第{r + 1}片区{u + 1}号镇", "liaisons": [{"id": pid, "name": f"联络员{r}-{u}"}]}
            )
            members.append(pid)
        room_list.append({"id": f"room-{r}", "topic": f"第{r + 1}片区督查群", "members": members})
    return {"office": [{"id": OFFICE, "name": "李明"}], "units": units, "rooms": room_list}


async def test_paced_reminders_never_spill_into_quiet_hours(tmp_path: Path) -> None:
    data = big_roster(6, 2)
    events = [
        pub(f"2026-11-25 20:{i:02d}", f"关于第{i}项夜查的通知", "全部", receipt="2026-11-25 22:30")
        for i in range(5)
    ]
    result = await play(
        tmp_path,
        "2026-11-25 19:50",
        [*events, tick("2026-11-26 09:30")],
        roster_data=data,
        config={"sending": {"per_minute": 4}},
    )
    reminders = starting(result, RECEIPT_REMINDER)
    assert len(reminders) == 30  # 5 notices × 6 groups, none lost
    for m in reminders:
        assert not in_quiet_hours(sent_at(m)), m["at"]


# ---------------------------------------------------------------------------------------------------------
# 5. 书面检查: consecutive lapses


def notice_day(
    seq: int, units: str = "财政局、城关镇", *, day: str = "2026-11-25", start: int = 8
) -> dict[str, Any]:
    """Notice `seq` of a day: issued at start+seq o'clock, receipt due 30 minutes later (no reminder)."""
    hour = start + seq
    return pub(f"{day} {hour:02d}:00", f"关于第{seq}项工作的通知", units, receipt=f"{day} {hour:02d}:20")


def on_time(seq: int, liaison: str = CHENGGUAN, *, day: str = "2026-11-25", start: int = 8) -> dict[str, Any]:
    hour = start + seq
    room = TOWN_ROOM if liaison == DONGFENG else COUNTY_ROOM
    return say(f"{day} {hour:02d}:05", liaison, f"{seq}号收到", room=room)


def late(seq: int, liaison: str = CAIZHENG, *, day: str = "2026-11-25", start: int = 8) -> dict[str, Any]:
    hour = start + seq
    return say(f"{day} {hour:02d}:40", liaison, f"{seq}号收到")


def receipt_chain(
    pattern: str, *, excused: Sequence[int] = (), withdrawn: Sequence[int] = ()
) -> list[dict[str, Any]]:
    """财政局's receipts along notices 1, 2, …: L late, M missed, O on time; 城关镇 always on time.

    Excuses and withdrawals are issued right after the notice, before its deadline.
    """
    events: list[dict[str, Any]] = []
    for seq, code in enumerate(pattern, 1):
        events.append(notice_day(seq))
        hour = 8 + seq
        if seq in excused:
            events.append(cmd(f"2026-11-25 {hour:02d}:01", f"/免责 {seq} 单位：财政局 原因：参加防汛抢险"))
        if seq in withdrawn:
            events.append(cmd(f"2026-11-25 {hour:02d}:02", f"/撤回 {seq} 原因：重复下发"))
        events.append(on_time(seq))
        if code == "O":
            events.append(on_time(seq, CAIZHENG))
        elif code == "L":
            events.append(late(seq))
    events.append(tick("2026-11-25 21:00"))
    return events


NO_COUNT = {"penalties": {"quarter_threshold": 99}}


async def test_two_consecutive_receipt_lapses_propose_one_written_self_criticism(tmp_path: Path) -> None:
    result = await play(tmp_path, "2026-11-25 08:30", receipt_chain("LM"), config=NO_COUNT)
    assert [
        {k: f[k] for k in ("id", "unit", "kind", "basis", "notices", "at", "status")} for f in flags(result)
    ] == [
        {
            "id": 1,
            "unit": "县财政局",
            "kind": "书面检查",
            "basis": "receipt",
            "notices": [number(1), number(2)],
            "at": ts("2026-11-25 10:20"),  # the later deadline
            "status": "proposed",
        }
    ]
    assert result.unit(1, "财政局")["receipt_status"] == "late"
    assert result.unit(2, "财政局")["receipt_status"] == "missed"
    (told,) = proposals(result)
    assert told["room"] is None and told["to"] == OFFICE
    assert dt("2026-11-25 10:20") <= sent_at(told) <= dt("2026-11-25 10:21")  # at once
    for phrase in ("#1", "县财政局", "书面检查", number(1), number(2), "09:20", "10:20", "09:40", "未签收"):
        assert phrase in told["text"], phrase
    assert "城关镇" not in told["text"]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("L", []),
        ("LL", [(1, 2)]),
        ("MM", [(1, 2)]),
        ("LLL", [(1, 2)]),  # a third consecutive lapse creates nothing
        ("LLLL", [(1, 2), (3, 4)]),  # a fourth creates the next flag
        ("LOL", []),  # an on-time receipt in between resets the count
        ("LOLL", [(3, 4)]),
        ("LLOLM", [(1, 2), (4, 5)]),
        ("OMLO", [(2, 3)]),
        ("LLLOL", [(1, 2)]),
    ],
)
async def test_consecutive_receipt_lapse_rule(
    tmp_path: Path, pattern: str, expected: list[tuple[int, int]]
) -> None:
    result = await play(tmp_path, "2026-11-25 08:30", receipt_chain(pattern), config=NO_COUNT)
    found = flags(result)
    assert [tuple(f["notices"]) for f in found] == [(number(a), number(b)) for a, b in expected]
    assert all(f["unit"] == "县财政局" and f["basis"] == "receipt" and f["kind"] == "书面检查" for f in found)
    assert [f["at"] for f in found] == [ts(f"2026-11-25 {8 + b:02d}:20") for _, b in expected]
    assert len(proposals(result)) == len(expected)


@pytest.mark.parametrize("code", ["O", "L", "M"])
async def test_excused_assignments_neither_count_nor_break_the_run(tmp_path: Path, code: str) -> None:
    result = await play(
        tmp_path, "2026-11-25 08:30", receipt_chain(f"L{code}L", excused=[2]), config=NO_COUNT
    )
    assert [f["notices"] for f in flags(result)] == [[number(1), number(3)]]
    assert result.unit(2, "财政局")["receipt_status"] == "excused"


@pytest.mark.parametrize("code", ["O", "L", "M"])
async def test_withdrawn_notices_neither_count_nor_break_the_run(tmp_path: Path, code: str) -> None:
    result = await play(
        tmp_path, "2026-11-25 08:30", receipt_chain(f"L{code}L", withdrawn=[2]), config=NO_COUNT
    )
    assert [f["notices"] for f in flags(result)] == [[number(1), number(3)]]


async def test_lapses_count_in_issue_order_and_the_flag_waits_for_the_earlier_notice(tmp_path: Path) -> None:
    """Notice 1 is issued first but due last: notice 2's lapse cannot pair until notice 1 is decided."""
    events = [
        pub("2026-11-25 09:00", "关于第1项工作的通知", "财政局", receipt="2026-11-25 15:00"),
        pub("2026-11-25 10:00", "关于第2项工作的通知", "财政局", receipt="2026-11-25 10:30"),
        tick("2026-11-25 12:00"),
        cmd("2026-11-25 12:01", "/处理"),  # nothing to decide yet
        tick("2026-11-25 16:00"),
    ]
    result = await play(tmp_path, "2026-11-25 08:30", events, config=NO_COUNT)
    assert "没有待确认" in next(t for t in texts_to(result, OFFICE) if "处理建议" in t)
    (flag,) = flags(result)
    assert flag["notices"] == [number(1), number(2)]
    assert flag["at"] == ts("2026-11-25 15:00")  # the later deadline, not the later notice
    (told,) = proposals(result)
    assert dt("2026-11-25 15:00") <= sent_at(told) < dt("2026-11-25 15:01")


async def test_lapses_of_different_units_do_not_combine(tmp_path: Path) -> None:
    events = [
        notice_day(1),
        on_time(1, CAIZHENG),  # 城关镇 misses notice 1 …
        notice_day(2),
        on_time(2, CHENGGUAN),  # … and 财政局 misses notice 2
        tick("2026-11-25 21:00"),
    ]
    result = await play(tmp_path, "2026-11-25 08:30", events, config=NO_COUNT)
    assert flags(result) == []
    assert proposals(result) == []


def feedback_chain(pattern: str) -> list[dict[str, Any]]:
    """财政局 receives every notice on time; its feedback: O on time, D a delay explanation in time,
    L late, M missed. Notice k is issued on day k (25 Nov on), feedback due at 17:00 that day."""
    events: list[dict[str, Any]] = []
    for seq, code in enumerate(pattern, 1):
        day = f"2026-11-{24 + seq:02d}"
        events.append(
            pub(
                f"{day} 08:00",
                f"关于第{seq}项报送的通知",
                "财政局",
                receipt=f"{day} 08:20",
                feedback=f"{day} 17:00",
            )
        )
        events.append(say(f"{day} 08:05", CAIZHENG, f"{seq}号收到"))
        if code == "O":
            events.append(say(f"{day} 16:00", CAIZHENG, f"{seq}号：已全部完成，材料已报送"))
        elif code == "D":
            events.append(
                say(
                    f"{day} 16:00",
                    CAIZHENG,
                    f"{seq}号：因涉及企业较多，无法按时完成，申请延期，目前已完成70%",
                )
            )
        elif code == "L":
            events.append(say(f"{day} 18:00", CAIZHENG, f"{seq}号：已全部完成，材料已报送"))
    events.append(tick(f"2026-11-{25 + len(pattern):02d} 08:00"))
    return events


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("LM", [(1, 2)]),
        ("ML", [(1, 2)]),
        ("LOL", []),
        ("LDL", []),  # a delay explanation in time is feedback in time
        ("MMM", [(1, 2)]),
        ("MMMM", [(1, 2), (3, 4)]),
    ],
)
async def test_consecutive_feedback_lapses_separately(
    tmp_path: Path, pattern: str, expected: list[tuple[int, int]]
) -> None:
    result = await play(tmp_path, "2026-11-25 07:30", feedback_chain(pattern), config=NO_COUNT)
    found = flags(result)
    assert [tuple(f["notices"]) for f in found] == [(number(a), number(b)) for a, b in expected]
    assert all(
        f["basis"] == "feedback" and f["kind"] == "书面检查" and f["unit"] == "县财政局" for f in found
    )
    assert [f["at"] for f in found] == [ts(f"2026-11-{24 + b:02d} 17:00") for _, b in expected]
    for flag in found:
        (told,) = [p for p in proposals(result) if f"#{flag['id']}" in p["text"]]
        assert "反馈" in told["text"] and "县财政局" in told["text"]


async def test_a_receipt_lapse_and_a_feedback_lapse_do_not_pair(tmp_path: Path) -> None:
    events = [
        pub(
            "2026-11-25 08:00",
            "关于第1项报送的通知",
            "财政局",
            receipt="2026-11-25 08:20",
            feedback="2026-11-25 17:00",
        ),
        say("2026-11-25 08:40", CAIZHENG, "1号收到"),  # receipt late
        say("2026-11-25 16:00", CAIZHENG, "1号：已全部完成，材料已报送"),
        pub(
            "2026-11-26 08:00",
            "关于第2项报送的通知",
            "财政局",
            receipt="2026-11-26 08:20",
            feedback="2026-11-26 17:00",
        ),
        say("2026-11-26 08:05", CAIZHENG, "2号收到"),  # feedback missed
        tick("2026-11-27 08:00"),
    ]
    result = await play(tmp_path, "2026-11-25 07:30", events, config=NO_COUNT)
    assert flags(result) == []


# ---------------------------------------------------------------------------------------------------------
# 6. 通报批评: lapses counted per calendar quarter


async def test_three_lapses_in_a_quarter_propose_one_criticism(tmp_path: Path) -> None:
    events = [
        # notice 1: receipt late and feedback missed (two lapses of different kinds) …
        pub(
            "2026-11-23 08:00",
            "关于第1项报送的通知",
            "财政局",
            receipt="2026-11-23 08:20",
            feedback="2026-11-23 17:00",
        ),
        say("2026-11-23 08:40", CAIZHENG, "1号收到"),
        # notice 2: all on time (breaks every consecutive run)
        pub(
            "2026-11-24 08:00",
            "关于第2项报送的通知",
            "财政局",
            receipt="2026-11-24 08:20",
            feedback="2026-11-24 17:00",
        ),
        say("2026-11-24 08:05", CAIZHENG, "2号收到"),
        say("2026-11-24 16:00", CAIZHENG, "2号：已全部完成，材料已报送"),
        # notice 3: receipt missed (the third lapse this quarter), feedback on time
        pub(
            "2026-11-25 08:00",
            "关于第3项报送的通知",
            "财政局",
            receipt="2026-11-25 08:20",
            feedback="2026-11-25 17:00",
        ),
        say("2026-11-25 16:00", CAIZHENG, "3号：已全部完成，材料已报送"),
        tick("2026-11-26 08:00"),
    ]
    result = await play(tmp_path, "2026-11-23 07:30", events)
    assert [
        {k: f[k] for k in ("unit", "kind", "basis", "notices", "at", "status")} for f in flags(result)
    ] == [
        {
            "unit": "县财政局",
            "kind": "通报批评",
            "basis": "count",
            "notices": [number(1), number(3)],
            "at": ts("2026-11-25 08:20"),
            "status": "proposed",
        }
    ]
    (told,) = proposals(result)
    assert "通报批评" in told["text"] and "县财政局" in told["text"] and number(3) in told["text"]


def daily_receipt_lapses(days: Sequence[str], *, first_seq: int = 1) -> list[dict[str, Any]]:
    """One notice a day to 财政局 and 城关镇; 财政局 receives late; 城关镇 on time."""
    events: list[dict[str, Any]] = []
    for i, day in enumerate(days):
        seq = first_seq + i
        events.append(
            pub(f"{day} 09:30", f"关于第{seq}项工作的通知", "财政局、城关镇", receipt=f"{day} 09:50")
        )
        events.append(say(f"{day} 09:35", CHENGGUAN, f"{seq}号收到"))
        events.append(say(f"{day} 10:10", CAIZHENG, f"{seq}号收到"))
    return events


async def test_lapses_across_a_quarter_boundary_do_not_combine(tmp_path: Path) -> None:
    q1 = ["2026-03-30", "2026-03-31"]
    q2 = ["2026-04-01", "2026-04-02", "2026-04-03"]
    result = await play(
        tmp_path,
        "2026-03-30 08:00",
        [*daily_receipt_lapses(q1), *daily_receipt_lapses(q2, first_seq=3), tick("2026-04-03 12:00")],
    )
    counted = flags(result, "通报批评")
    assert [(f["unit"], f["basis"], f["notices"], f["at"]) for f in counted] == [
        ("县财政局", "count", [number(3), number(4), number(5)], ts("2026-04-03 09:50"))
    ]
    assert flags(result, "书面检查")  # (the consecutive rule runs alongside)


@pytest.mark.parametrize("threshold", [2, 4])
async def test_quarter_threshold_is_configurable(tmp_path: Path, threshold: int) -> None:
    days = ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"]
    result = await play(
        tmp_path,
        "2026-11-23 08:00",
        [*daily_receipt_lapses(days), tick("2026-11-28 12:00")],
        config={"penalties": {"quarter_threshold": threshold}},
    )
    (counted,) = flags(result, "通报批评")  # one per unit and quarter, however many lapses follow
    assert counted["notices"] == [number(i) for i in range(1, threshold + 1)]
    assert counted["at"] == ts(f"{days[threshold - 1]} 09:50")


async def test_lapses_of_different_units_are_counted_apart(tmp_path: Path) -> None:
    """Two units with two lapses each this quarter (four together): nobody reaches three."""
    events = [
        pub(
            "2026-11-23 08:00",
            "关于第1项报送的通知",
            "财政局、城关镇",
            receipt="2026-11-23 08:20",
            feedback="2026-11-23 17:00",
        ),
        say("2026-11-23 08:05", CHENGGUAN, "1号收到"),
        say("2026-11-23 08:40", CAIZHENG, "1号收到"),  # 财政局: receipt late, feedback missed
        pub(
            "2026-11-24 08:00",
            "关于第2项报送的通知",
            "财政局、城关镇",
            receipt="2026-11-24 08:20",
            feedback="2026-11-24 17:00",
        ),
        say("2026-11-24 08:06", CAIZHENG, "2号收到"),
        say("2026-11-24 08:40", CHENGGUAN, "2号收到"),  # 城关镇: feedback 1 missed, receipt 2 late
        say("2026-11-24 16:00", CAIZHENG, "2号：已全部完成，材料已报送"),
        say("2026-11-24 16:10", CHENGGUAN, "2号：已全部完成，材料已报送"),
        tick("2026-11-26 08:00"),
    ]
    result = await play(tmp_path, "2026-11-23 07:30", events)
    assert result.unit(1, "财政局")["feedback_status"] == "missed"
    assert result.unit(2, "城关镇")["receipt_status"] == "late"
    assert flags(result, "通报批评") == []


# The deadline pass reads a unit's history only from the start of the quarter its change falls in, and
# further back where that cannot tell (handlers.actions.duties.settled_from): runs and counts across a quarter's
# start must come out as if every notice of the 400 days had been read.


def receipts_on(days: Sequence[tuple[str, str]], *, first: int = 1) -> list[dict[str, Any]]:
    """A notice a day from notice `first` on, receipt due 09:50: 财政局 O on time, L late, M missed;
    城关镇 on time."""
    events: list[dict[str, Any]] = []
    for seq, (day, code) in enumerate(days, first):
        events.append(
            pub(f"{day} 09:30", f"关于第{seq}项工作的通知", "财政局、城关镇", receipt=f"{day} 09:50")
        )
        events.append(say(f"{day} 09:35", CHENGGUAN, f"{seq}号收到"))
        if code != "M":
            events.append(say(f"{day} {'09:40' if code == 'O' else '10:10'}", CAIZHENG, f"{seq}号收到"))
    return [*events, tick(f"{days[-1][0]} 12:00")]


@pytest.mark.parametrize(
    ("days", "pairs"),
    [
        ([("2026-09-29", "O"), ("2026-09-30", "L"), ("2026-10-09", "M")], [(2, 3)]),  # a quarter back
        ([("2026-06-30", "L"), ("2026-10-09", "L")], [(1, 2)]),  # two quarters back: the whole history
        (
            [("2026-09-28", "L"), ("2026-09-29", "M"), ("2026-10-09", "L"), ("2026-10-12", "L")],
            [(1, 2), (3, 4)],
        ),
        ([("2026-09-29", "L"), ("2026-09-30", "M"), ("2026-10-09", "L")], [(1, 2)]),  # the third waits
        ([("2026-09-30", "L"), ("2026-10-09", "O"), ("2026-10-12", "L")], []),
        ([("2026-10-09", "O"), ("2026-10-12", "L"), ("2026-10-13", "L")], [(2, 3)]),  # within the quarter
    ],
)
async def test_consecutive_lapses_across_a_quarter_start(
    tmp_path: Path, days: list[tuple[str, str]], pairs: list[tuple[int, int]]
) -> None:
    result = await play(tmp_path, f"{days[0][0]} 08:00", receipts_on(days), config=NO_COUNT)
    assert [(f["unit"], f["notices"]) for f in flags(result)] == [
        ("县财政局", [number(a), number(b)]) for a, b in pairs
    ]


async def test_a_unit_with_no_notice_in_the_quarter_of_its_change_is_judged_without_error(
    tmp_path: Path,
) -> None:
    """A fact stamped in October for a unit whose notices are all from September (a post of an old notice,
    say): nothing due in October can have changed, so the pass proposes nothing new."""
    db_url = f"sqlite+aiosqlite:///{tmp_path / 'q.db'}"
    first = await play(
        tmp_path,
        "2026-09-29 08:00",
        receipts_on([("2026-09-29", "M"), ("2026-09-30", "M")]),
        config=NO_COUNT,
        db_url=db_url,
    )
    assert [f["notices"] for f in flags(first)] == [[number(1), number(2)]]
    db = Database.from_url(db_url)
    try:
        async with db.reader() as session:
            caizheng = await session.scalar(select(Unit.id).where(Unit.name == "县财政局"))
        assert caizheng is not None
        policy = make_policy(load_config(None, env={}), bot_id="bot")
        now = dt("2026-10-09 10:00")
        await Duties(db, policy).deadlines(now, since=now - timedelta(minutes=1), units={caizheng: now})
        async with db.reader() as session:
            assert await session.scalar(select(func.count()).select_from(Flag)) == 1
    finally:
        await db.dispose()


@pytest.mark.parametrize("issued", ["2026-09-29", "2026-06-29"])  # the quarter before, or two before
async def test_a_quarter_counts_the_lapse_of_a_notice_issued_in_the_quarter_before(
    tmp_path: Path, issued: str
) -> None:
    """Notice 1 is issued in September (or June) and due in October: with 3 and 4 it makes three lapses in
    Q4 (the pass reads back to that notice's quarter, not the whole history)."""
    events = [
        pub(f"{issued} 09:30", "关于第1项工作的通知", "财政局、城关镇", receipt="2026-10-09 09:50"),
        say(f"{issued} 09:35", CHENGGUAN, "1号收到"),
        *receipts_on([("2026-10-09", "O"), ("2026-10-12", "M"), ("2026-10-13", "L")], first=2),
    ]
    result = await play(tmp_path, f"{issued} 08:00", events)
    assert [(f["notices"], f["at"]) for f in flags(result, "通报批评")] == [
        ([number(1), number(3), number(4)], ts("2026-10-13 09:50"))
    ]
    assert [f["notices"] for f in flags(result, "书面检查")] == [[number(3), number(4)]]


# ---------------------------------------------------------------------------------------------------------
# 7. Office decisions


def two_flags() -> list[dict[str, Any]]:
    """财政局 lapses on notices 1–2 (flag #1) and 3–4 (flag #2), receipts only."""
    return receipt_chain("LMLM")[:-1]


async def test_office_lists_confirms_and_revokes(tmp_path: Path) -> None:
    events = [
        *two_flags(),
        cmd("2026-11-25 14:00", "/处理"),
        cmd("2026-11-25 14:01", "/处理 确认 1"),
        cmd("2026-11-25 14:02", "/处理 撤销 2 原因：系统故障导致未能及时接收"),
        cmd("2026-11-25 14:03", "/处理 确认 1"),
        cmd("2026-11-25 14:04", "/处理 确认 2"),
        cmd("2026-11-25 14:05", "/处理"),
        cmd("2026-11-25 14:06", "/处理 确认 99"),
        cmd("2026-11-25 14:07", "/处理 撤销 1 原因：确认有误，该单位当天系统故障"),
        cmd("2026-11-25 14:08", "/处理 撤销 1 原因：再撤一次"),
        tick("2026-11-25 15:00"),
    ]
    result = await play(tmp_path, "2026-11-25 08:30", events, config=NO_COUNT)
    statuses = [(f["id"], f["status"]) for f in flags(result)]
    assert statuses == [(1, "revoked"), (2, "revoked")]
    assert flags(result)[1]["decision_reason"] == "系统故障导致未能及时接收"
    assert flags(result)[0]["decision_reason"] == "确认有误，该单位当天系统故障"
    replies = [m["text"] for m in to(result, OFFICE) if dt("2026-11-25 14:00") <= sent_at(m)]
    listing = replies[0]
    assert "#1" in listing and "#2" in listing and "县财政局" in listing and "书面检查" in listing
    assert "已确认" in replies[1] and "#1" in replies[1]
    assert "已撤销" in replies[2] and "系统故障" in replies[2]
    assert "已确认" in replies[3] and "不用再确认" in replies[3]  # confirming twice changes nothing
    assert "不能再改" in replies[4] and "#2" in replies[4]  # a revoked flag stays revoked
    assert "没有待确认" in replies[5]
    assert "99" in replies[6]
    # A confirmed penalty can be revoked (a mistake), with its reason; once revoked it stays so.
    assert "已撤销（原为已确认的处理）" in replies[7] and "#1" in replies[7]
    assert "不能再改" in replies[8]


async def test_office_records_a_later_rung_and_checks_the_veto(tmp_path: Path) -> None:
    reason = "原因：通报批评后整改期满仍无明显改进"
    events = [
        cmd("2026-11-25 09:00", "/表彰审核 城关镇"),
        cmd("2026-11-25 09:01", f"/处理 登记 城关镇 媒体曝光 {reason}"),  # echoed, not yet recorded
        cmd("2026-11-25 09:02", "/表彰审核 城关镇"),
        cmd("2026-11-25 09:03", f"/处理 登记 城关镇 媒体曝光 确认 {reason}"),
        cmd("2026-11-25 09:04", "/表彰审核 城关镇"),
        cmd("2026-11-25 09:05", "/表彰审核 城关镇 2025"),
        cmd("2026-11-25 09:06", "/表彰审核 财政局 2026"),
        tick("2026-11-25 10:00"),
    ]
    result = await play(tmp_path, "2026-11-25 08:30", events)
    (flag,) = flags(result)
    assert {k: flag[k] for k in ("unit", "kind", "basis", "notices", "status")} == {
        "unit": "城关镇",
        "kind": "媒体曝光",
        "basis": "manual",
        "notices": [],
        "status": "confirmed",
    }
    assert "整改期满" in flag["reason"]
    replies = texts_to(result, OFFICE)
    before, preview, still_none, recorded, after, last_year, other = replies
    assert "没有一票否决" in before
    assert "将登记：城关镇 媒体曝光" in preview and "一票否决" in preview
    assert "/处理 登记 城关镇 媒体曝光 确认 原因：通报批评后整改期满仍无明显改进" in preview
    assert "没有一票否决" in still_none  # the echo alone records nothing
    assert "已登记" in recorded and "媒体曝光" in recorded and "整改期限" in recorded
    assert "一票否决，不得作为表彰对象" in after and "媒体曝光" in after
    assert "没有一票否决" in last_year and "2025" in last_year
    assert "没有一票否决" in other and "县财政局" in other


async def test_a_mistaken_registration_is_revoked_and_the_veto_follows(tmp_path: Path) -> None:
    events = [
        cmd("2026-11-25 09:00", "/处理 登记 城关镇 通报批评 确认 原因：多次逾期"),
        cmd("2026-11-25 09:01", "/表彰审核 城关镇"),
        cmd("2026-11-25 09:02", "/处理 撤销 1 原因：应为东风乡，登记错了单位"),
        cmd("2026-11-25 09:03", "/表彰审核 城关镇"),
        tick("2026-11-25 10:00"),
    ]
    db_url = f"sqlite+aiosqlite:///{tmp_path / 'registered.db'}"
    result = await play(tmp_path, "2026-11-25 08:30", events, db_url=db_url)
    (flag,) = flags(result)
    assert flag["status"] == "revoked" and flag["decision_reason"] == "应为东风乡，登记错了单位"
    _recorded, vetoed, revoked, cleared = texts_to(result, OFFICE)
    assert "一票否决，不得作为表彰对象" in vetoed
    assert "已撤销（原为已确认的处理）" in revoked and "一票否决随之解除" in revoked
    assert "没有一票否决" in cleared
    # the audit log keeps both: who registered it and who revoked it, when and why
    assert [(e.action, e.actor) for e in await audit_log(db_url, "flag:1")] == [
        ("flag.confirmed", OFFICE),
        ("flag.revoked", OFFICE),
    ]


@pytest.mark.parametrize(
    ("kind", "vetoed"),
    [("书面检查", False), ("通报批评", True), ("媒体曝光", True), ("警示约谈", True), ("责任追究", True)],
)
async def test_veto_kinds(tmp_path: Path, kind: str, vetoed: bool) -> None:
    """Only 责任追究、警示约谈、媒体曝光、通报批评 veto a commendation (seed 四(四)); 书面检查 alone does not."""
    events = [
        cmd("2026-11-25 09:01", f"/处理 登记 财政局 {kind} 确认 原因：连续未按时报送"),
        cmd("2026-11-25 09:02", "/表彰审核 财政局 2026"),
        tick("2026-11-25 10:00"),
    ]
    result = await play(tmp_path, "2026-11-25 08:30", events)
    answer = texts_to(result, OFFICE)[-1]
    assert ("一票否决，不得作为表彰对象" in answer) is vetoed
    assert ("没有一票否决" in answer) is not vetoed
    assert kind in answer  # either as the reason or listed as a non-vetoing penalty


async def test_confirmed_written_self_criticism_alone_does_not_veto_but_a_confirmed_criticism_does(
    tmp_path: Path,
) -> None:
    events = [
        *receipt_chain("LM")[:-1],  # 书面检查 #1 for 财政局 at 10:20
        cmd("2026-11-25 10:50", "/处理 确认 1"),
        cmd("2026-11-25 10:51", "/表彰审核 财政局"),
        *receipt_chain("LMLM")[5:-1],  # notices 3 and 4: the third lapse (11:20) proposes a 通报批评
        cmd("2026-11-25 14:00", "/表彰审核 财政局"),
        cmd("2026-11-25 14:01", "/处理"),
        tick("2026-11-25 15:00"),
    ]
    result = await play(tmp_path, "2026-11-25 08:30", events)
    criticism = flags(result, "通报批评")
    assert len(criticism) == 1 and criticism[0]["status"] == "proposed"
    answers = [t for t in texts_to(result, OFFICE) if "表彰" in t or "一票否决" in t]
    assert "没有一票否决" in answers[0] and "书面检查" in answers[0]
    # a proposed (not yet confirmed) 通报批评 does not veto yet, but the answer warns about it
    assert "没有一票否决" in answers[1] and "待确认" in answers[1] and "通报批评" in answers[1]
    follow = await play(
        tmp_path,
        "2026-11-25 08:30",
        [
            *events[:-1],
            cmd("2026-11-25 14:10", f"/处理 确认 {criticism[0]['id']}"),
            cmd("2026-11-25 14:11", "/表彰审核 财政局"),
            tick("2026-11-25 15:00"),
        ],
    )
    assert "一票否决，不得作为表彰对象" in texts_to(follow, OFFICE)[-1]


async def test_only_the_office_may_decide(tmp_path: Path) -> None:
    events = [
        *receipt_chain("LM")[:-1],
        say("2026-11-25 12:00", CAIZHENG, "/处理 撤销 1 原因：我们不服"),
        cmd("2026-11-25 12:01", "/处理 撤销 1 原因：我们不服", sender=CAIZHENG),
        cmd("2026-11-25 12:02", "/处理 登记 城关镇 媒体曝光 原因：捣乱", sender=CHENGGUAN),
        cmd("2026-11-25 12:03", "/处理", sender=CHENGGUAN),
        tick("2026-11-25 13:00"),
    ]
    result = await play(tmp_path, "2026-11-25 08:30", events, config=NO_COUNT)
    assert [(f["id"], f["status"], f["kind"]) for f in flags(result)] == [(1, "proposed", "书面检查")]
    for person in (CAIZHENG, CHENGGUAN):
        refusals = to(result, person)
        assert refusals and all(m["room"] is None for m in refusals)  # refused politely in private
    assert not [m for m in room_messages(result) if "#1" in m["text"]]  # nothing about the flag in a group


# ---------------------------------------------------------------------------------------------------------
# 8. Withdrawing a notice or excusing a unit revokes proposals naming it


async def test_withdrawing_a_notice_revokes_proposals_naming_it(tmp_path: Path) -> None:
    events = [
        notice_day(1),
        notice_day(2),
        tick("2026-11-25 10:30"),  # both 城关镇 and 财政局 missed 1 and 2: two flags
        cmd("2026-11-25 10:40", "/处理 确认 1"),
        cmd("2026-11-25 10:41", "/撤回 2 原因：事项已由上级统一部署"),
        tick("2026-11-25 12:00"),
    ]
    result = await play(tmp_path, "2026-11-25 08:30", events, config=NO_COUNT)
    found = {f["unit"]: f for f in flags(result)}
    assert set(found) == {"城关镇", "县财政局"}
    assert [found[u]["notices"] for u in found] == [[number(1), number(2)]] * 2
    confirmed = next(f for f in found.values() if f["id"] == 1)
    other = next(f for f in found.values() if f["id"] != 1)
    assert confirmed["status"] == "confirmed"  # a decision the office made stays
    assert other["status"] == "revoked"
    assert number(2) in (other["decision_reason"] or "")
    reply = next(t for t in texts_to(result, OFFICE) if t.startswith("已撤回"))
    assert f"#{other['id']}" in reply and "撤销" in reply


async def test_excusing_a_unit_revokes_only_its_proposals(tmp_path: Path) -> None:
    events = [
        notice_day(1),
        notice_day(2),
        tick("2026-11-25 10:30"),
        cmd("2026-11-25 10:41", "/免责 1 单位：财政局 原因：当日参加全市防汛会议"),
        tick("2026-11-25 12:00"),
    ]
    result = await play(tmp_path, "2026-11-25 08:30", events, config=NO_COUNT)
    status = {f["unit"]: f["status"] for f in flags(result) if f["notices"] == [number(1), number(2)]}
    assert status == {"城关镇": "proposed", "县财政局": "revoked"}


async def test_after_a_withdrawal_the_run_is_counted_again_without_that_notice(tmp_path: Path) -> None:
    events = [
        notice_day(1),
        notice_day(2),
        tick("2026-11-25 10:30"),
        cmd("2026-11-25 10:41", "/撤回 2 原因：事项已由上级统一部署"),
        notice_day(3),
        on_time(3),
        tick("2026-11-25 12:00"),
    ]
    result = await play(tmp_path, "2026-11-25 08:30", events, config=NO_COUNT)
    live = [(f["unit"], f["notices"]) for f in flags(result) if f["status"] == "proposed"]
    assert live == [("县财政局", [number(1), number(3)])]


def live_written_checks(result: Result) -> list[dict[str, Any]]:
    return [f for f in flags(result, "书面检查") if f["status"] != "revoked"]


async def test_an_excuse_never_leaves_one_lapse_in_two_written_checks(tmp_path: Path) -> None:
    events = [
        *daily_receipt_lapses(["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26"]),
        cmd("2026-11-26 12:00", "/免责 1 单位：财政局 原因：当日参加全市防汛会议"),
        tick("2026-11-27 12:00"),
    ]
    result = await play(tmp_path, "2026-11-23 08:00", events, config=NO_COUNT)
    live = live_written_checks(result)
    named = [n for f in live for n in f["notices"]]
    assert len(named) == len(set(named)), [(f["id"], f["notices"]) for f in live]
    assert number(1) not in named
    # three counted lapses (2, 3, 4) remain: exactly one pair of them can be a 书面检查
    assert len(live) == 1


async def test_quarter_count_is_proposed_again_when_an_excuse_leaves_enough_lapses(tmp_path: Path) -> None:
    events = [
        *daily_receipt_lapses(["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26"]),
        cmd("2026-11-26 12:00", "/免责 1 单位：财政局 原因：当日参加全市防汛会议"),
        tick("2026-11-27 12:00"),
    ]
    result = await play(tmp_path, "2026-11-23 08:00", events)
    counted = flags(result, "通报批评")
    assert [f["status"] for f in counted if number(1) in f["notices"]] == ["revoked"]
    live = [f for f in counted if f["status"] == "proposed"]
    assert [f["notices"] for f in live] == [[number(2), number(3), number(4)]]


async def test_old_notices_leaving_the_history_window_do_not_create_new_pairs(tmp_path: Path) -> None:
    db = f"sqlite+aiosqlite:///{tmp_path / 'long.db'}"
    first = await play(
        tmp_path,
        "2026-11-25 08:30",
        [
            pub("2026-11-25 09:00", "关于第1项工作的通知", "财政局", receipt="2026-11-25 09:20"),
            pub("2026-12-10 09:00", "关于第2项工作的通知", "财政局", receipt="2026-12-10 09:20"),
            pub("2026-12-11 09:00", "关于第3项工作的通知", "财政局", receipt="2026-12-11 09:20"),
            cmd("2026-12-11 10:00", "/销号 1 确认"),
            cmd("2026-12-11 10:01", "/销号 2 确认"),
            cmd("2026-12-11 10:02", "/销号 3 确认"),
            tick("2026-12-11 12:00"),
        ],
        db_url=db,
        config=NO_COUNT,
    )
    assert [f["notices"] for f in flags(first)] == [[number(1), number(2)]]
    # A year later (notice 1 is now 406 days old) the office publishes something new.
    later = await play(
        tmp_path,
        "2028-01-05 08:30",
        [
            pub("2028-01-05 09:00", "关于新事项的通知", "城关镇", receipt="2028-01-05 11:00"),
            tick("2028-01-05 12:00"),
        ],
        db_url=db,
        config=NO_COUNT,
    )
    assert [f["notices"] for f in flags(later)] == [[number(1), number(2)]]
    assert proposals(later) == []


# A command is followed by a pass that judges the units whose facts it changed (and those whose deadlines
# passed meanwhile), not every unit. These scenarios put the command more than an hour after the last pass
# (an unrelated /查询 at 13:00 judges what fell due in the morning), so only the command's own units can
# yield the new proposal at once.


def three_missed_then(*commands: dict[str, Any]) -> list[dict[str, Any]]:
    """财政局 misses the receipts of notices 1, 2 and 3 (城关镇 is on time): 书面检查 for 1 and 2, 3 alone."""
    return [
        *(event for seq in (1, 2, 3) for event in (notice_day(seq), on_time(seq))),
        cmd("2026-11-25 13:00", "/查询"),
        *commands,
        tick("2026-11-25 16:00"),
    ]


def live_pairs(result: Result) -> list[tuple[str, list[str]]]:
    return [(f["unit"], f["notices"]) for f in flags(result) if f["status"] != "revoked"]


async def test_a_withdrawal_is_judged_again_at_once_for_the_notices_units(tmp_path: Path) -> None:
    events = three_missed_then(cmd("2026-11-25 15:00", "/撤回 2 原因：事项已由上级统一部署"))
    result = await play(tmp_path, "2026-11-25 08:30", events, config=NO_COUNT)
    assert live_pairs(result) == [("县财政局", [number(1), number(3)])]
    [proposal] = [m for m in proposals(result) if number(3) in m["text"]]
    assert dt("2026-11-25 15:00") <= sent_at(proposal) < dt("2026-11-25 15:10")


async def test_an_excuse_is_judged_again_at_once_for_the_excused_unit(tmp_path: Path) -> None:
    events = three_missed_then(cmd("2026-11-25 15:00", "/免责 2 单位：财政局 原因：当日参加全市防汛会议"))
    result = await play(tmp_path, "2026-11-25 08:30", events, config=NO_COUNT)
    assert live_pairs(result) == [("县财政局", [number(1), number(3)])]


async def test_an_undone_receipt_is_judged_again_at_once(tmp_path: Path) -> None:
    events = [
        notice_day(1, "财政局"),
        notice_day(2, "财政局"),
        say("2026-11-25 10:05", CAIZHENG, "2号收到"),  # on time: no pair
        cmd("2026-11-25 13:00", "/查询"),
        cmd("2026-11-25 15:00", "/撤销签收 2 单位：财政局 原因：误认"),
        tick("2026-11-25 16:00"),
    ]
    result = await play(tmp_path, "2026-11-25 08:30", events, config=NO_COUNT)
    assert live_pairs(result) == [("县财政局", [number(1), number(2)])]


async def test_a_moved_deadline_then_a_lapse_is_proposed_when_the_new_deadline_passes(tmp_path: Path) -> None:
    events = [
        notice_day(1, "财政局"),
        notice_day(2, "财政局"),
        cmd("2026-11-25 13:00", "/查询"),  # 财政局 missed 1 and 2: 书面检查 proposed
        cmd("2026-11-25 15:00", "/延期 2 签收时限：2026-11-25 17:00 单位：财政局"),
        tick("2026-11-25 18:00"),
    ]
    result = await play(tmp_path, "2026-11-25 08:30", events, config=NO_COUNT)
    pairs = [(f["status"], f["notices"], f["at"]) for f in flags(result)]
    assert pairs == [
        ("revoked", [number(1), number(2)], ts("2026-11-25 10:20")),
        ("proposed", [number(1), number(2)], ts("2026-11-25 17:00")),
    ]


# ---------------------------------------------------------------------------------------------------------
# 9. Catch-up after downtime, on one database


def sqlite(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'shared.db'}"


def lines(results: Iterable[Result]) -> Counter[tuple[Any, Any, str]]:
    return Counter((m["room"], m["to"], m["text"]) for r in results for m in r.sent)


async def test_catch_up_evaluates_missed_deadlines_once_and_sends_a_recent_broadcast(tmp_path: Path) -> None:
    db = sqlite(tmp_path)
    part1 = await play(
        tmp_path,
        "2026-11-25 08:30",
        [
            notice_day(1),  # 09:00, receipt due 09:20
            on_time(1),
            late(1),  # 财政局 late: one lapse
            notice_day(2),  # 10:00, receipt due 10:20
            on_time(2),
            tick("2026-11-25 10:10"),
        ],
        db_url=db,
        config=NO_COUNT,
    )
    assert flags(part1) == []
    # down from 10:10 until 09:20 the next day: the 10:20 deadline passed, the 09:00 broadcast is 20 min late
    part2 = await play(tmp_path, "2026-11-26 09:20", [tick("2026-11-26 09:30")], db_url=db, config=NO_COUNT)
    (flag,) = flags(part2)
    assert flag["notices"] == [number(1), number(2)]
    assert flag["at"] == ts("2026-11-25 10:20")  # evaluated as of the deadline's own time
    (told,) = proposals(part2)
    assert dt("2026-11-26 09:20") <= sent_at(told) < dt("2026-11-26 09:20") + PACED  # after the deadline note
    (cast,) = starting(part2, BROADCAST)
    assert sent_at(cast) == dt("2026-11-26 09:20") and "11月26日" in cast["text"]
    assert cast["mentions"] == [CAIZHENG]
    assert part2.unit(2, "财政局")["receipt_status"] == "missed"
    assert part2.unit(1, "财政局")["receipt_status"] == "late"
    assert part2.unit(1, "城关镇")["receipt_status"] == "on_time"  # receipts before the downtime kept
    # a third run over the same database: nothing is proposed or sent again
    part3 = await play(tmp_path, "2026-11-26 09:40", [tick("2026-11-26 10:00")], db_url=db, config=NO_COUNT)
    assert part3.sent == []
    assert flags(part3) == flags(part2)
    assert set(lines([part1, part2, part3]).values()) == {1}


async def test_a_broadcast_missed_by_more_than_the_grace_is_skipped(tmp_path: Path) -> None:
    db = sqlite(tmp_path)
    part1 = await play(
        tmp_path,
        "2026-11-25 08:30",
        [
            pub(
                "2026-11-25 09:30",
                "关于报送统计数据的通知",
                "城关镇",
                receipt="2026-11-25 11:00",
                feedback="2026-12-04 17:30",
            ),
            tick("2026-11-25 09:40"),
        ],
        db_url=db,
    )
    part2 = await play(tmp_path, "2026-11-26 09:45", [tick("2026-11-27 09:10")], db_url=db)  # 45 min late
    days = [local_day(m) for m in starting(part2, BROADCAST)]
    assert days == [date(2026, 11, 27)]  # 26th skipped, 27th on time
    assert sent_at(starting(part2, BROADCAST)[0]) == dt("2026-11-27 09:00")
    assert set(lines([part1, part2]).values()) == {1}


@pytest.mark.parametrize(("minutes", "sent"), [(10, True), (29, True), (31, False), (120, False)])
async def test_grace_for_broadcasts_after_downtime(tmp_path: Path, minutes: int, sent: bool) -> None:
    db = sqlite(tmp_path)
    await play(
        tmp_path,
        "2026-11-25 08:30",
        [
            pub("2026-11-25 09:30", "关于报送统计数据的通知", "城关镇", receipt="2026-11-25 11:00"),
            tick("2026-11-25 09:40"),
        ],
        db_url=db,
    )
    restart = dt("2026-11-26 09:00") + timedelta(minutes=minutes)
    start = restart.strftime("%Y-%m-%d %H:%M")
    part2 = await play(tmp_path, start, [tick("2026-11-26 12:00")], db_url=db)
    casts = starting(part2, BROADCAST)
    assert len(casts) == int(sent)
    if sent:
        assert sent_at(casts[0]) == restart


async def test_grace_is_configurable(tmp_path: Path) -> None:
    db = sqlite(tmp_path)
    config = {"reminders": {"grace_minutes": 90}}
    await play(
        tmp_path,
        "2026-11-25 08:30",
        [
            pub("2026-11-25 09:30", "关于报送统计数据的通知", "城关镇", receipt="2026-11-25 11:00"),
            tick("2026-11-25 09:40"),
        ],
        db_url=db,
        config=config,
    )
    part2 = await play(tmp_path, "2026-11-26 10:00", [tick("2026-11-26 12:00")], db_url=db, config=config)
    assert len(starting(part2, BROADCAST)) == 1


async def test_pre_deadline_reminders_missed_while_down(tmp_path: Path) -> None:
    db = sqlite(tmp_path)
    part1 = await play(
        tmp_path,
        "2026-11-25 08:30",
        [
            pub(
                "2026-11-25 09:00",
                "关于报送重点项目进度的通知",
                "城关镇、财政局",
                receipt="2026-11-25 11:00",
                feedback="2026-11-27 17:00",
            ),
            receipt("2026-11-25 09:05", CHENGGUAN),
            tick("2026-11-25 10:20"),
        ],
        db_url=db,
    )
    # back at 10:40: the 10:30 receipt reminder is 10 min late and still before the deadline → sent now
    part2 = await play(
        tmp_path,
        "2026-11-25 10:40",
        [receipt("2026-11-25 10:50", CAIZHENG), tick("2026-11-26 16:00")],
        db_url=db,
    )
    (r,) = starting(part2, RECEIPT_REMINDER)
    assert sent_at(r) == dt("2026-11-25 10:40") and r["mentions"] == [CAIZHENG]
    # down over the 24 h feedback reminder (26th 17:00), back 40 min later: skipped; the 2 h one comes
    part3 = await play(tmp_path, "2026-11-26 17:40", [tick("2026-11-28 10:00")], db_url=db)
    feedback = starting(part3, FEEDBACK_REMINDER)
    assert [sent_at(f) for f in feedback] == [dt("2026-11-27 15:00")]
    assert not starting(part1, RECEIPT_REMINDER) and not starting(part3, RECEIPT_REMINDER)
    assert set(lines([part1, part2, part3]).values()) == {1}


# ---------------------------------------------------------------------------------------------------------
# 11. Outbox pacing


def paced_ok(times: Sequence[datetime], interval: float) -> bool:
    return all((b - a).total_seconds() >= interval for a, b in itertools.pairwise(times))


def per_minute_ok(times: Sequence[datetime], cap: int) -> bool:
    ordered = sorted(times)
    return all(ordered[i + cap] - ordered[i] >= timedelta(minutes=1) for i in range(len(ordered) - cap))


async def test_many_reminders_into_one_room_are_paced(tmp_path: Path) -> None:
    events = [
        pub(
            f"2026-11-25 09:{i:02d}",
            f"关于第{i + 1}项工作的通知",
            "城关镇、财政局",
            receipt="2026-11-25 11:00",
        )
        for i in range(8)
    ]
    result = await play(tmp_path, "2026-11-25 08:50", [*events, tick("2026-11-25 12:00")])
    reminders = starting(result, RECEIPT_REMINDER)
    assert len(reminders) == 8
    times = [sent_at(m) for m in reminders]
    assert times[0] == dt("2026-11-25 10:30")
    assert paced_ok(times, 3.0)
    assert times[-1] - times[0] < timedelta(minutes=1)  # paced, not held back
    room = [sent_at(m) for m in in_room(result, COUNTY_ROOM)]
    assert paced_ok(room, 3.0)


async def test_overall_cap_per_minute_and_per_room_interval(tmp_path: Path) -> None:
    data = big_roster(6, 2)
    events = [
        pub(f"2026-11-25 09:{i:02d}", f"关于第{i + 1}项工作的通知", "全部", receipt="2026-11-25 11:00")
        for i in range(5)
    ]
    result = await play(tmp_path, "2026-11-25 08:50", [*events, tick("2026-11-25 12:00")], roster_data=data)
    reminders = starting(result, RECEIPT_REMINDER)
    assert len(reminders) == 30  # 5 notices × 6 groups, all eventually sent
    all_times = [sent_at(m) for m in result.sent]
    assert per_minute_ok(all_times, 20)
    for r in range(6):
        assert paced_ok([sent_at(m) for m in in_room(result, f"room-{r}")], 3.0)
    # the cap is what spreads them: 30 messages due at 10:30 cannot all go within a minute
    reminder_times = sorted(sent_at(m) for m in reminders)
    assert reminder_times[-1] - reminder_times[0] >= timedelta(minutes=1)


async def test_pacing_is_configurable(tmp_path: Path) -> None:
    data = big_roster(3, 1)
    events = [
        pub(f"2026-11-25 09:{i:02d}", f"关于第{i + 1}项工作的通知", "全部", receipt="2026-11-25 11:00")
        for i in range(4)
    ]
    result = await play(
        tmp_path,
        "2026-11-25 08:50",
        [*events, tick("2026-11-25 12:00")],
        roster_data=data,
        config={"sending": {"room_interval_seconds": 10, "per_minute": 5, "jitter_seconds": 0}},
    )
    reminders = starting(result, RECEIPT_REMINDER)
    assert len(reminders) == 12
    assert per_minute_ok([sent_at(m) for m in result.sent], 5)
    for r in range(3):
        assert paced_ok([sent_at(m) for m in in_room(result, f"room-{r}")], 10.0)


async def test_a_long_mention_list_is_split_across_messages(tmp_path: Path) -> None:
    data = big_roster(1, 7)
    result = await play(
        tmp_path,
        "2026-11-25 08:50",
        [
            pub("2026-11-25 09:00", "关于报送统计数据的通知", "全部", receipt="2026-11-25 11:00"),
            tick("2026-11-25 12:00"),
        ],
        roster_data=data,
        config={"sending": {"mentions_per_message": 3}},
    )
    after = [m for m in in_room(result, "room-0") if sent_at(m) >= dt("2026-11-25 10:30")]
    assert [len(m["mentions"]) for m in after] == [3, 3, 1]
    assert after[0]["text"].startswith(RECEIPT_REMINDER)
    assert all("续上条" in m["text"] for m in after[1:])
    everyone = [p["id"] for u in data["units"] for p in u["liaisons"]]
    assert [p for m in after for p in m["mentions"]] == everyone
    assert paced_ok([sent_at(m) for m in after], 3.0)
    post = [m for m in in_room(result, "room-0") if sent_at(m) < dt("2026-11-25 10:00")]
    assert sorted(p for m in post for p in m["mentions"]) == sorted(everyone)  # the notice post too
    assert all(len(m["mentions"]) <= 3 for m in result.sent)


async def test_a_very_long_text_is_split_at_max_length(tmp_path: Path) -> None:
    body = "。".join(f"第{i}条：请对照清单逐项开展自查，发现问题立即整改并建立台账" for i in range(1, 15))
    result = await play(
        tmp_path,
        "2026-11-25 08:50",
        [
            pub(
                "2026-11-25 09:00",
                "关于开展冬季安全生产大检查的通知",
                "城关镇、财政局",
                receipt="2026-11-25 11:00",
                body=body,
            ),
            tick("2026-11-25 09:30"),
        ],
        config={"sending": {"max_length": 120}},
    )
    post = [m for m in in_room(result, COUNTY_ROOM) if sent_at(m) < dt("2026-11-25 09:10")]
    assert len(post) >= 3
    assert all(len(m["text"]) <= 120 for m in result.sent)
    assert post[0]["text"].startswith(NOTICE_POST) and post[0]["mentions"] == [CHENGGUAN, CAIZHENG]
    assert all(m["mentions"] == [] for m in post[1:])
    assert post[-1]["text"].endswith(f"（{len(post)}/{len(post)}）")
    assert paced_ok([sent_at(m) for m in post], 3.0)
    joined = "".join(m["text"] for m in post)
    assert "第14条" in joined and "第1条" in joined


# ---------------------------------------------------------------------------------------------------------
# Configuration of the reminders, deadlines moved for everyone, the weekly 通报


async def test_daily_time_offsets_and_quiet_hours_are_configurable(tmp_path: Path) -> None:
    result = await play(
        tmp_path,
        "2026-11-25 07:00",
        [
            pub(
                "2026-11-25 07:10",
                "关于报送重点项目进度的通知",
                "城关镇、财政局",
                receipt="2026-11-25 11:00",
                feedback="2026-11-27 21:30",
            ),
            receipt("2026-11-25 07:20", CHENGGUAN),
            tick("2026-11-28 12:00"),
        ],
        config={
            "reminders": {
                "daily_time": "08:15",
                "receipt_offsets_minutes": [60, 15],
                "feedback_offsets_minutes": [90],
            },
            "quiet_hours": {"start": "21:00", "end": "08:00"},
        },
    )
    assert [sent_at(r) for r in starting(result, RECEIPT_REMINDER)] == [
        dt("2026-11-25 10:00"),
        dt("2026-11-25 10:45"),
    ]
    (feedback,) = starting(result, FEEDBACK_REMINDER)
    assert sent_at(feedback) == dt("2026-11-27 20:00")  # 90 min before 21:30; before the quiet hours start
    casts = starting(result, BROADCAST)
    assert [sent_at(m) for m in casts] == [dt(f"2026-11-{d} 08:15") for d in (25, 26, 27)]
    # an evening offset that falls into the configured quiet hours moves before 21:00
    late_result = await play(
        tmp_path,
        "2026-11-25 07:00",
        [
            pub("2026-11-25 07:10", "关于夜间巡查的通知", "财政局", receipt="2026-11-25 21:40"),
            tick("2026-11-26 12:00"),
        ],
        config={"quiet_hours": {"start": "21:00", "end": "08:00"}},
    )
    (r,) = starting(late_result, RECEIPT_REMINDER)
    local = sent_at(r).astimezone(TZ)
    assert time(20, 30) <= local.time() < time(21, 0) and local.date() == date(2026, 11, 25)


async def test_a_deadline_moved_for_everyone_gets_new_reminders_and_is_evaluated_at_the_new_time(
    tmp_path: Path,
) -> None:
    result = await play(
        tmp_path,
        "2026-11-25 08:50",
        [
            pub("2026-11-25 09:00", "关于报送统计数据的通知", "城关镇、财政局", receipt="2026-11-25 11:00"),
            cmd("2026-11-25 10:45", "/延期 1 签收时限：2026-11-25 15:00"),
            receipt("2026-11-25 12:00", CAIZHENG),
            tick("2026-11-25 16:00"),
        ],
    )
    assert [(sent_at(r), r["mentions"]) for r in starting(result, RECEIPT_REMINDER)] == [
        (dt("2026-11-25 10:30"), [CHENGGUAN, CAIZHENG]),
        (dt("2026-11-25 14:30"), [CHENGGUAN]),  # 财政局 has confirmed since
    ]
    assert result.unit(1, "财政局")["receipt_status"] == "on_time"
    assert result.unit(1, "城关镇")["receipt_status"] == "missed"


async def test_a_receipt_exactly_at_the_deadline_is_on_time(tmp_path: Path) -> None:
    events = [
        notice_day(1),
        late(1),
        notice_day(2),
        say("2026-11-25 10:20", CAIZHENG, "2号收到"),  # at the deadline to the second
        notice_day(3),
        tick("2026-11-25 12:00"),
    ]
    result = await play(tmp_path, "2026-11-25 08:30", events, config=NO_COUNT)
    assert result.unit(2, "财政局")["receipt_status"] == "on_time"
    assert [f for f in flags(result) if f["unit"] == "县财政局"] == []  # L, on time, M: no two in a row


async def test_the_weekly_bulletin(tmp_path: Path) -> None:
    events = [
        notice_day(1, day="2026-11-23"),
        on_time(1, CAIZHENG, day="2026-11-23"),
        on_time(1, CHENGGUAN, day="2026-11-23"),
        notice_day(2, day="2026-11-23"),
        on_time(2, CHENGGUAN, day="2026-11-23"),
        tick("2026-12-04 17:00"),
    ]
    config = {"bulletin": {"enabled": True, "day": "fri", "time": "16:00", "room": "政务督查联络群"}}
    result = await play(tmp_path, "2026-11-23 08:00", events, config=config)
    bulletins = starting(result, "【督办工作通报】")
    assert [(sent_at(b), b["room"]) for b in bulletins] == [
        (dt("2026-11-27 16:00"), COUNTY_ROOM),
        (dt("2026-12-04 16:00"), COUNTY_ROOM),
    ]
    text = bulletins[0]["text"]
    assert "县财政局：1/2（50%）" in text and "城关镇：2/2（100%）" in text
    assert number(2) in text  # the open lapse
    off = await play(tmp_path, "2026-11-23 08:00", events)
    assert starting(off, "【督办工作通报】") == []  # off by default


async def test_the_2027_warning_is_not_repeated_after_a_restart(tmp_path: Path) -> None:
    db = sqlite(tmp_path)
    events = [
        pub(
            "2027-01-04 08:30",
            "关于做好复工复产的通知",
            "城关镇",
            receipt="2027-01-04 11:00",
            feedback="2027-01-29 17:30",
        ),
        tick("2027-01-05 10:00"),
    ]
    first = await play(tmp_path, "2027-01-04 08:00", events, db_url=db)
    second = await play(tmp_path, "2027-01-06 08:00", [tick("2027-01-08 10:00")], db_url=db)
    warnings = [
        m for r in (first, second) for m in r.sent if "2027" in m["text"] and CAL_WARNING in m["text"]
    ]
    assert len(warnings) == 1
    assert [local_day(m) for m in starting(second, BROADCAST)] == [
        date(2027, 1, 6),
        date(2027, 1, 7),
        date(2027, 1, 8),
    ]


async def test_remind_command_names_only_units_still_owing(tmp_path: Path) -> None:
    result = await play(
        tmp_path,
        "2026-11-25 08:50",
        [
            pub(
                "2026-11-25 09:00",
                "关于报送统计数据的通知",
                "城关镇、发改委、东风乡",
                receipt="2026-11-25 11:00",
            ),
            receipt("2026-11-25 09:05", CHENGGUAN),
            cmd("2026-11-25 09:30", "/催办 1"),
            tick("2026-11-25 09:40"),
        ],
    )
    reminded = [m for m in room_messages(result) if sent_at(m) >= dt("2026-11-25 09:30")]
    assert {m["room"]: m["mentions"] for m in reminded} == {COUNTY_ROOM: [FAGAI], TOWN_ROOM: [DONGFENG]}
    assert all("城关镇" not in m["text"] for m in reminded)


# ---------------------------------------------------------------------------------------------------------
# The example scenarios examples/10_* … 16_*: what each one is there to show
# (tests/test_replay_examples.py checks their ledgers against the recorded *.expected.json)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


async def run_example(name: str, tmp_path: Path) -> Result:
    lines = (EXAMPLES / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return await run_lines(lines, tmp_path)


async def test_example_10_spring_festival(tmp_path: Path) -> None:
    result = await run_example("10_spring_festival_broadcasts", tmp_path)
    days = sorted({local_day(m) for m in starting(result, BROADCAST)})
    assert days == [
        date(2026, 2, 13),
        date(2026, 2, 14),
        date(2026, 2, 24),
        date(2026, 2, 25),
        date(2026, 2, 26),
        date(2026, 2, 27),
        date(2026, 2, 28),
        date(2026, 3, 2),
    ]
    # 东风乡 has done everything since 13 February: the township group hears nothing after that
    assert [local_day(m) for m in starting(result, BROADCAST, room=TOWN_ROOM)] == [date(2026, 2, 13)]
    assert result.unit(1, "财政局")["receipt_status"] == "late"


async def test_example_11_year_2027(tmp_path: Path) -> None:
    result = await run_example("11_year_2027_weekdays", tmp_path)
    days = [local_day(m) for m in starting(result, BROADCAST)]
    expected = [d for d in weekdays(date(2027, 1, 4), date(2027, 1, 20)) if d != date(2027, 1, 11)]
    assert days == sorted([*expected, date(2027, 1, 16)])
    assert len([m for m in to(result, OFFICE) if CAL_WARNING in m["text"]]) == 1


async def test_example_12_pre_deadline_and_quiet_hours(tmp_path: Path) -> None:
    result = await run_example("12_pre_deadline_and_quiet_hours", tmp_path)
    receipts = [(sent_at(m), m["room"], m["mentions"]) for m in starting(result, RECEIPT_REMINDER)]
    assert receipts == [
        (dt("2026-11-23 10:30"), COUNTY_ROOM, [FAGAI]),
        (dt("2026-11-23 10:30"), TOWN_ROOM, [DONGFENG]),
        (dt("2026-11-23 14:30"), COUNTY_ROOM, [CAIZHENG]),  # its own extended deadline
    ]  # notice 2's 22:00 reminder is not needed: both confirmed at once
    late_feedback = [m for m in starting(result, FEEDBACK_REMINDER) if number(2) in m["text"]]
    evening = [m for m in late_feedback if local_day(m) == date(2026, 11, 26) and sent_at(m).hour == 21]
    assert len(evening) == 2 and all(sent_at(m) < dt("2026-11-26 22:00") for m in evening)
    assert all(not in_quiet_hours(sent_at(m)) for m in result.sent)


async def test_example_13_consecutive_lapses(tmp_path: Path) -> None:
    result = await run_example("13_consecutive_lapses", tmp_path)
    assert [(f["notices"], f["status"]) for f in flags(result)] == [
        ([number(1), number(2)], "proposed"),
        ([number(3), number(5)], "revoked"),  # 4 was excused (skipped); 5 withdrawn later
        ([number(3), number(6)], "proposed"),  # without 5, lapses 3 and 6 are consecutive
    ]
    assert all(f["unit"] == "县财政局" and f["basis"] == "receipt" for f in flags(result))


async def test_example_14_quarterly_count(tmp_path: Path) -> None:
    result = await run_example("14_quarterly_count", tmp_path)
    (counted,) = flags(result, "通报批评")
    assert counted["notices"] == [number(3), number(4), number(5)]  # Q1's two lapses do not count in Q2
    assert counted["at"] == ts("2026-04-07 09:50")


async def test_example_15_office_decisions(tmp_path: Path) -> None:
    result = await run_example("15_office_decisions_and_veto", tmp_path)
    assert [(f["kind"], f["status"]) for f in flags(result)] == [
        ("书面检查", "confirmed"),
        ("通报批评", "confirmed"),
        ("书面检查", "revoked"),
        ("警示约谈", "confirmed"),
    ]
    veto = [t for t in texts_to(result, OFFICE) if "表彰对象" in t and not t.startswith("将登记")]
    assert "没有一票否决" in veto[0]  # only a confirmed 书面检查 (and a proposed 通报批评) so far
    assert "一票否决，不得作为表彰对象" in veto[1]  # the 通报批评 is confirmed now
    assert "一票否决，不得作为表彰对象" in veto[2] and "警示约谈" in veto[2]
    assert "没有一票否决" in veto[3]  # 2025
    assert to(result, CAIZHENG)  # the liaison's /处理 was refused in private


async def test_example_16_outbox_pacing(tmp_path: Path) -> None:
    result = await run_example("16_outbox_pacing", tmp_path)
    assert per_minute_ok([sent_at(m) for m in result.sent], 20)
    for room in ("room-0", "room-1", "room-2"):
        assert paced_ok([sent_at(m) for m in in_room(result, room)], 3.0)
    assert max(len(m["mentions"]) for m in result.sent) == 5
    assert flags(result) == []
