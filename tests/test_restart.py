"""Restarting the bot in the middle of a scenario loses nothing and sends nothing twice.

The first half runs in one `duban replay … --db URL` process, the second half in another process over
the same SQLite database, exactly as an office's bot would be stopped and started again. The same events
run once without a restart give the reference: the restarted bot must send the very same messages.
"""

from __future__ import annotations

import asyncio
import io
import itertools
import json
import os
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from scenario import CAIZHENG, CHENGGUAN, COUNTY_ROOM, FAGAI, OFFICE, roster
from sqlalchemy import select, update

from bot.config import load_config
from bot.replay import run_scenario
from storage import outbox
from storage.db import Database
from storage.models import OutboxMessage

DUBAN = Path(sys.executable).parent / "duban"


def ts(when: str) -> str:
    day, clock = when.split(" ")
    return f"{day}T{clock}:00+08:00"


def setup_line(start: str) -> str:
    data = {
        "timezone": "Asia/Shanghai",
        "start": ts(start),
        "bot": {"id": "bot", "name": "督办助手"},
        **roster(),
    }
    return json.dumps({"setup": data}, ensure_ascii=False)


def event(
    when: str, sender: str | None = None, text: str = "", room: str | None = COUNTY_ROOM, id: str = ""
) -> str:
    if sender is None:
        return json.dumps({"at": ts(when)})
    return json.dumps(
        {"at": ts(when), "from": sender, "room": room, "text": text, "id": id}, ensure_ascii=False
    )


def office(when: str, text: str, id: str) -> str:
    return event(when, OFFICE, text, room=None, id=id)


# Two notices on Wednesday 25 November 2026. 财政局 receives the first late and misses the second's
# deadline: a 书面检查 is proposed at 10:20. The bot stops at 11:00.
FIRST_HALF = [
    office(
        "2026-11-25 09:00",
        "/发布 关于开展冬季安全生产大检查的通知\n单位：城关镇、发改委、财政局\n签收时限：2026-11-25 09:20\n"
        "反馈时限：2026-11-27 17:00\n正文：请对照清单开展自查。",
        "p1",
    ),
    event("2026-11-25 09:05", CHENGGUAN, "1号收到", id="r1"),
    event("2026-11-25 09:10", FAGAI, "收到，马上落实", id="r2"),
    event("2026-11-25 09:40", CAIZHENG, "1号收到", id="r3"),
    office(
        "2026-11-25 10:00",
        "/发布 关于报送重点项目进度的通知\n单位：城关镇、财政局\n签收时限：2026-11-25 10:20\n正文：请报送进度。",
        "p2",
    ),
    event("2026-11-25 10:05", CHENGGUAN, "2号收到", id="r4"),
    event("2026-11-25 11:00"),
]
# After the restart: the office confirms the proposal, 财政局 receives late, 城关镇 reports; two days pass
# with broadcasts, feedback reminders and the feedback deadline.
SECOND_HALF = [
    office("2026-11-25 11:15", "/处理 确认 1", "d1"),
    event("2026-11-25 11:20", CAIZHENG, "2号收到", id="r5"),
    event("2026-11-26 10:00", CHENGGUAN, "1号：自查已全部完成，报告已报送", id="f1"),
    event("2026-11-27 18:00"),
]


def write(path: Path, lines: Sequence[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


async def replay_process(scenario: Path, db_url: str, ledger: Path) -> list[dict[str, Any]]:
    """`duban replay` in its own process; returns the messages it printed (`--force`: the second half
    continues on the database the first half left)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DUBAN_")}
    process = await asyncio.create_subprocess_exec(
        str(DUBAN),
        "replay",
        str(scenario),
        "--db",
        db_url,
        "--ledger",
        str(ledger),
        "--force",
        cwd=scenario.parent,  # no ./config.toml there: the built-in defaults
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), 180)
    assert process.returncode == 0, err.decode()
    return [json.loads(line) for line in out.decode().splitlines() if line.strip()]


def read(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def unit(ledger: dict[str, Any], seq: int, name: str) -> dict[str, Any]:
    notice = next(n for n in ledger["notices"] if n["seq"] == seq)
    return next(u for u in notice["units"] if u["unit"] == name)


def keyed(messages: Sequence[dict[str, Any]]) -> Counter[tuple[Any, Any, str, tuple[str, ...]]]:
    return Counter((m["room"], m["to"], m["text"], tuple(m["mentions"])) for m in messages)


async def test_a_restart_in_the_middle_loses_nothing_and_repeats_nothing(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'duban.db'}"
    first = await replay_process(
        write(tmp_path / "part1.jsonl", [setup_line("2026-11-25 08:30"), *FIRST_HALF]),
        url,
        tmp_path / "l1.json",
    )
    ledger1 = read(tmp_path / "l1.json")
    assert [(f["id"], f["unit"], f["status"]) for f in ledger1["flags"]] == [(1, "县财政局", "proposed")]
    second = await replay_process(
        write(tmp_path / "part2.jsonl", [setup_line("2026-11-25 11:00"), *SECOND_HALF]),
        url,
        tmp_path / "l2.json",
    )
    ledger = read(tmp_path / "l2.json")

    # nothing lost: receipts and flags from before the restart are still there
    assert unit(ledger, 1, "城关镇")["received_at"] == ts("2026-11-25 09:05")
    assert unit(ledger, 1, "县发展和改革委员会")["received_at"] == ts("2026-11-25 09:10")
    assert unit(ledger, 1, "县财政局")["receipt_status"] == "late"
    assert unit(ledger, 2, "县财政局")["received_at"] == ts("2026-11-25 11:20")
    assert unit(ledger, 2, "县财政局")["receipt_status"] == "late"
    assert unit(ledger, 1, "城关镇")["feedback_status"] == "on_time"
    written = [f for f in ledger["flags"] if f["kind"] == "书面检查"]
    assert [(f["id"], f["notices"], f["status"]) for f in written] == [
        (1, ["督办〔2026〕1号", "督办〔2026〕2号"], "confirmed")  # decided after the restart, not made twice
    ]
    # 财政局: receipts of 1 and 2 late and feedback on 1 missed: three lapses this quarter
    assert [(f["unit"], f["basis"]) for f in ledger["flags"] if f["kind"] == "通报批评"] == [
        ("县财政局", "count")
    ]

    # nothing twice: no message of the first process is sent again by the second
    both = keyed(first) + keyed(second)
    assert set(both.values()) == {1}, [k for k, n in both.items() if n > 1]
    assert not [m for m in second if m["text"].startswith("【督办通知单】")]
    assert not [m for m in second if m["text"].startswith("【处理建议 #1】")]
    assert all(
        datetime.fromisoformat(m["at"]) >= datetime.fromisoformat(ts("2026-11-25 11:00")) for m in second
    )
    # and the second process did carry on with the scheduled work
    assert [m["at"][:10] for m in second if m["text"].startswith("【每日督办提醒】")] == [
        "2026-11-26",
        "2026-11-27",
    ]
    assert len([m for m in second if m["text"].startswith("【反馈提醒】")]) == 2

    # the same events without a restart send exactly the same messages
    reference = await run_scenario(
        [setup_line("2026-11-25 08:30"), *FIRST_HALF, *SECOND_HALF],
        config=load_config(None, env={}),
        out=io.StringIO(),
        ledger=tmp_path / "reference.json",
        db_url=f"sqlite+aiosqlite:///{tmp_path / 'reference.db'}",
    )
    assert keyed(reference) == both
    assert read(tmp_path / "reference.json")["flags"] == ledger["flags"]


async def test_a_restart_after_downtime_catches_up_once(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'duban.db'}"
    first = await replay_process(
        write(
            tmp_path / "part1.jsonl",
            [setup_line("2026-11-25 08:30"), *FIRST_HALF[:4], event("2026-11-25 09:50")],
        ),
        url,
        tmp_path / "l1.json",
    )
    # down from 09:50 until the next morning at 09:10 (notice 2 was never published)
    later = [setup_line("2026-11-26 09:10"), event("2026-11-26 09:30")]
    second = await replay_process(write(tmp_path / "part2.jsonl", later), url, tmp_path / "l2.json")
    third = await replay_process(
        write(tmp_path / "part3.jsonl", [setup_line("2026-11-26 09:40"), event("2026-11-26 10:00")]),
        url,
        tmp_path / "l3.json",
    )
    casts = [m for m in second if m["text"].startswith("【每日督办提醒】")]
    assert [(m["at"], m["mentions"]) for m in casts] == [
        (ts("2026-11-26 09:10"), [CHENGGUAN, FAGAI, CAIZHENG])
    ]
    assert third == []
    both = keyed(first) + keyed(second) + keyed(third)
    assert set(both.values()) == {1}
    ledger = read(tmp_path / "l3.json")
    assert unit(ledger, 1, "县财政局")["receipt_status"] == "late"
    assert unit(ledger, 1, "县财政局")["received_at"] == ts("2026-11-25 09:40")


async def queue_test_messages(url: str) -> None:
    """Leave two messages in the outbox as a crash would: one pending, one caught mid-send."""
    database = Database.from_url(url)
    try:
        async with database.transaction() as session:
            now = datetime.fromisoformat(ts("2026-11-25 10:59"))
            for key, text in [
                ("test:pending", "测试：重启前排队、尚未发出的消息"),
                ("test:sending", "测试：发送中途进程崩溃的消息"),
            ]:
                await outbox.enqueue(
                    session, room_id=None, to_id=OFFICE, text=text, dedup_key=key, kind="test", now=now
                )
            await session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.dedup_key == "test:sending")
                .values(status="sending")
            )
    finally:
        await database.dispose()


async def status_of(url: str, key: str) -> str:
    database = Database.from_url(url)
    try:
        async with database.reader() as session:
            value = await session.scalar(select(OutboxMessage.status).where(OutboxMessage.dedup_key == key))
    finally:
        await database.dispose()
    return str(value)


async def test_pending_messages_survive_and_messages_caught_mid_send_are_never_resent(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'duban.db'}"
    await replay_process(
        write(tmp_path / "part1.jsonl", [setup_line("2026-11-25 08:30"), *FIRST_HALF]),
        url,
        tmp_path / "l1.json",
    )
    await queue_test_messages(url)
    second = await replay_process(
        write(tmp_path / "part2.jsonl", [setup_line("2026-11-25 11:00"), *SECOND_HALF]),
        url,
        tmp_path / "l2.json",
    )
    pending = [m for m in second if "尚未发出" in m["text"]]
    assert [(m["to"], m["at"]) for m in pending] == [
        (OFFICE, ts("2026-11-25 11:00"))
    ]  # sent once, at start-up
    assert not [
        m for m in second if "发送中途" in m["text"]
    ]  # may already have gone out: never risk a duplicate
    assert await status_of(url, "test:sending") not in {"pending", "sending", "sent"}
    assert await status_of(url, "test:pending") == "sent"
    # and a third start does not send either of them again
    third = await replay_process(
        write(tmp_path / "part3.jsonl", [setup_line("2026-11-27 18:00"), event("2026-11-27 18:30")]),
        url,
        tmp_path / "l3.json",
    )
    assert not [m for m in third if m["text"].startswith("测试")]


def big_roster(rooms: int, units_per_room: int) -> dict[str, Any]:
    units, room_list = [], []
    for r in range(rooms):
        members = [OFFICE]
        for u in range(units_per_room):
            units.append(
                {
                    "name": f"第{r + 1}片区{u + 1}号镇",
                    "liaisons": [{"id": f"l{r}x{u}", "name": f"联络员{r}{u}"}],
                }
            )
            members.append(f"l{r}x{u}")
        room_list.append({"id": f"room-{r}", "topic": f"第{r + 1}片区督查群", "members": members})
    return {"office": [{"id": OFFICE, "name": "李明"}], "units": units, "rooms": room_list}


async def run_in_process(lines: Sequence[str], db_url: str) -> list[dict[str, Any]]:
    return await run_scenario(lines, config=load_config(None, env={}), out=io.StringIO(), db_url=db_url)


async def test_pacing_holds_across_a_restart(tmp_path: Path) -> None:
    """A bot restarted right after a burst still keeps 3 s per group and 20 a minute overall."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'duban.db'}"
    data = big_roster(4, 2)

    def setup(start: str) -> str:
        body = {"timezone": "Asia/Shanghai", "start": start, "bot": {"id": "bot", "name": "督办助手"}, **data}
        return json.dumps({"setup": body}, ensure_ascii=False)

    publish = [
        office(
            f"2026-11-25 09:0{i}",
            f"/发布 关于第{i + 1}项工作的通知\n单位：全部\n签收时限：2026-11-25 11:00\n正文：请按要求落实。",
            f"p{i}",
        )
        for i in range(6)
    ]
    first = await run_in_process([setup(ts("2026-11-25 08:50")), *publish, event("2026-11-25 10:30")], url)
    burst_end = max(datetime.fromisoformat(m["at"]) for m in first)
    restart = burst_end  # started again the moment the last message had gone out
    remind = json.dumps(
        {"at": restart.isoformat(), "from": OFFICE, "room": None, "text": "/催办 1", "id": "again"},
        ensure_ascii=False,
    )
    second = await run_in_process([setup(restart.isoformat()), remind, event("2026-11-25 10:45")], url)
    assert [m for m in second if m["room"] is not None], "the /催办 posts should be sent"
    times = sorted(datetime.fromisoformat(m["at"]) for m in [*first, *second])
    assert all(times[i + 20] - times[i] >= timedelta(minutes=1) for i in range(len(times) - 20))
    for room in ("room-0", "room-1", "room-2", "room-3"):
        in_room = sorted(datetime.fromisoformat(m["at"]) for m in [*first, *second] if m["room"] == room)
        gaps = [(b - a).total_seconds() for a, b in itertools.pairwise(in_room)]
        assert min(gaps) >= 3.0, (room, gaps)
