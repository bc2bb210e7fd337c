"""A county's year (or years) of supervision as a `duban replay` scenario, generated deterministically.

40 units in two working groups, one office, a notice every working day or so to 20 units, receipts
(mostly on time, some late, some never), feedback, and chatter in the groups that the bot must read
and ignore. The same seed always gives the same lines, so two runs (before and after a change) can be
compared by their ledger JSON.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Asia/Shanghai")
OFFICE = "wxid_office"
ROOMS = (("room-county", "政务督查联络群"), ("room-towns", "乡镇督查工作群"))
NOISE = (
    "大家好",
    "今天下午的会议改到三楼会议室",
    "请问材料是报纸质版还是电子版？",
    "好的",
    "[强]",
    "辛苦了",
    "明天上午九点开会，请准时参加",
    "谢谢",
    "这个表格在哪里下载？",
    "收到了吗？",
)
FEEDBACK = ("工作已全部完成，报告已报送", "已完成，情况已上报", "已按要求完成自查，报告已报送")


def unit_name(index: int) -> str:
    return f"第{index + 1}乡镇" if index % 2 else f"县第{index + 1}局"


def liaison(index: int) -> str:
    return f"wxid_unit{index + 1}"


def room_of(index: int) -> str:
    return ROOMS[index % 2][0]


def setup(units: int, start: datetime) -> dict[str, dict[str, Any]]:
    """The first line: office, units with one liaison each, the two groups (the office in both)."""
    members: dict[str, list[str]] = {room: [OFFICE] for room, _ in ROOMS}
    for i in range(units):
        members[room_of(i)].append(liaison(i))
    return {
        "setup": {
            "timezone": "Asia/Shanghai",
            "start": start.isoformat(),
            "bot": {"id": "bot", "name": "督办助手"},
            "office": [{"id": OFFICE, "name": "李明"}],
            "units": [
                {"name": unit_name(i), "liaisons": [{"id": liaison(i), "name": f"联络员{i + 1}"}]}
                for i in range(units)
            ],
            "rooms": [{"id": room, "topic": topic, "members": members[room]} for room, topic in ROOMS],
        }
    }


def _stamp(moment: datetime) -> str:
    return moment.astimezone(TZ).isoformat()


def _working_days(first: date, days: int) -> Iterator[date]:
    for offset in range(days):
        day = first + timedelta(days=offset)
        if day.weekday() < 5:
            yield day


def scenario(
    *,
    units: int = 40,
    days: int = 365,
    notices: int = 201,
    per_notice: int = 20,
    messages: int = 15_500,
    seed: int = 7,
    closing: bool = False,
) -> Iterator[str]:
    """JSON lines of a county's `days` from 2026-01-05: `notices` notices, about `messages` group messages.

    Notices are numbered from 1 each year, as the bot numbers them. `closing`: the office closes each notice
    (/销号 … 确认) three days after its feedback deadline, as an office does over the years (without it every
    notice stays open, which no office's five years look like)."""
    rng = random.Random(seed)
    first = date(2026, 1, 5)
    start = datetime(2026, 1, 5, 8, 0, tzinfo=TZ)
    workdays = list(_working_days(first, days))
    publish_days = sorted(
        rng.sample(workdays[: max(1, len(workdays) - 10)], min(notices, len(workdays) - 10))
    )
    events: list[tuple[datetime, int, dict[str, object]]] = []
    order = 0

    def add(moment: datetime, event: dict[str, object]) -> None:
        nonlocal order
        order += 1
        events.append((moment, order, event))

    numbered: dict[int, int] = {}  # year → notices published in it so far
    for day in publish_days:
        seq = numbered[day.year] = numbered.get(day.year, 0) + 1
        issued = datetime(day.year, day.month, day.day, 9, 0, tzinfo=TZ)
        receipt_due = issued + timedelta(hours=2)
        feedback_due = issued + timedelta(days=7, hours=8)
        if closing:
            close = f"/销号 督办〔{day.year}〕{seq}号 确认"
            add(feedback_due + timedelta(days=3, hours=17), {"from": OFFICE, "room": None, "text": close})
        chosen = sorted(rng.sample(range(units), min(per_notice, units)))
        names = "、".join(unit_name(i) for i in chosen)
        add(
            issued,
            {
                "from": OFFICE,
                "room": None,
                "text": (
                    f"/发布 关于第{seq}项重点工作的通知\n单位：{names}\n"
                    f"签收时限：{receipt_due.strftime('%Y-%m-%d %H:%M')}\n"
                    f"反馈时限：{feedback_due.strftime('%Y-%m-%d %H:%M')}\n正文：请按要求落实并按时反馈。"
                ),
            },
        )
        for i in chosen:
            roll = rng.random()
            if roll < 0.06:
                continue  # never acknowledged
            late = roll < 0.14
            minutes = rng.randint(130, 600) if late else rng.randint(5, 110)
            add(
                issued + timedelta(minutes=minutes),
                {"from": liaison(i), "room": room_of(i), "text": f"{seq}号收到"},
            )
            if rng.random() < 0.85:
                hours = rng.randint(24, 7 * 24 + 20)
                text = f"{seq}号{unit_name(i)}{rng.choice(FEEDBACK)}"
                add(issued + timedelta(hours=hours), {"from": liaison(i), "room": room_of(i), "text": text})
    replies = len(events)
    for _ in range(max(0, messages - replies)):
        day = rng.choice(workdays)
        moment = datetime(day.year, day.month, day.day, 8, 30, tzinfo=TZ) + timedelta(
            seconds=rng.randint(0, 9 * 3600)
        )
        i = rng.randrange(units)
        add(moment, {"from": liaison(i), "room": room_of(i), "text": rng.choice(NOISE)})
    events.sort(key=lambda e: (e[0], e[1]))
    yield json.dumps(setup(units, start), ensure_ascii=False)
    for moment, number, event in events:
        yield json.dumps({"at": _stamp(moment), "id": f"c{number}", **event}, ensure_ascii=False)
    end = start + timedelta(days=days)
    yield json.dumps({"at": _stamp(end)})


def events_of(lines: list[str]) -> list[dict[str, object]]:
    """The message events of a scenario (not the set-up line or clock ticks)."""
    return [e for e in (json.loads(line) for line in lines[1:]) if "from" in e]
