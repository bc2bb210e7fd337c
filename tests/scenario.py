"""Build replay scenarios from Python values and run them through `bot.replay.run_scenario`.

A scenario is the set-up mapping plus events (messages and clock ticks), exactly as a JSON-lines
file for `duban replay` would hold them; `run` writes them out as lines, runs them in virtual time
against a SQLite file under the test's tmp_path (or a given database URL) and returns what the bot
sent together with the ledger.
"""

from __future__ import annotations

import copy
import io
import itertools
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.config import load_config
from bot.replay import run_scenario
from handlers.actions.outgoing import AUTOMATIC_KINDS
from storage import audit
from storage.audit import AuditView
from storage.db import Database

DAY = "2026-11-25"  # a Wednesday, an ordinary working day
TZ = "+08:00"

OFFICE = "liming"  # 李明, the supervision office
# Liaisons, by WeChat id.
CHENGGUAN = "wangwu"  # 王五, 城关镇
FAGAI = "sunqi"  # 孙七, 县发展和改革委员会
CAIZHENG = "zhouba"  # 周八, 县财政局
DONGFENG = "wujiu"  # 吴九, 东风乡
ZHUJIAN = "zhengshi"  # 郑十, 县住房和城乡建设局 (in both rooms)
JIAOYU = "qianyi"  # 钱一, 县教育局 (bound, but in no room)
OUTSIDER = "xiaozhao"  # 小赵, in the county group but bound to nothing

COUNTY_ROOM = "room-county"  # 政务督查联络群: county departments and 城关镇
TOWN_ROOM = "room-towns"  # 乡镇督查工作群: townships (and 住建局, which works with them)
QUIET_ROOM = "room-quiet"  # 督查室内部群: only office staff, never a target

UNIT_NAMES = {
    "城关镇": "城关镇",
    "发改委": "县发展和改革委员会",
    "财政局": "县财政局",
    "东风乡": "东风乡",
    "住建局": "县住房和城乡建设局",
    "教育局": "县教育局",
    "集聚区": "县产业集聚区管理委员会",
}


def at(when: str) -> str:
    """ "09:00" → 2026-11-25T09:00:00+08:00; "11-26 09:00" → that day; seconds allowed ("09:00:03")."""
    day, _, clock = when.rpartition(" ")
    date = f"2026-{day}" if day else DAY
    if clock.count(":") == 1:
        clock += ":00"
    return f"{date}T{clock}{TZ}"


def roster() -> dict[str, Any]:
    """A small county: two working groups, one silent room, seven units (one without a liaison)."""
    return {
        "office": [{"id": OFFICE, "name": "李明"}],
        "units": [
            {"name": "城关镇", "aliases": ["城关"], "liaisons": [{"id": CHENGGUAN, "name": "王五"}]},
            {
                "name": "县发展和改革委员会",
                "aliases": ["发改委", "县发改委"],
                "liaisons": [{"id": FAGAI, "name": "孙七"}],
            },
            {"name": "县财政局", "aliases": ["财政局"], "liaisons": [{"id": CAIZHENG, "name": "周八"}]},
            {"name": "东风乡", "liaisons": [{"id": DONGFENG, "name": "吴九"}]},
            {
                "name": "县住房和城乡建设局",
                "aliases": ["住建局", "县住建局"],
                "liaisons": [{"id": ZHUJIAN, "name": "郑十"}],
            },
            {"name": "县教育局", "aliases": ["教育局"], "liaisons": [{"id": JIAOYU, "name": "钱一"}]},
            {"name": "县产业集聚区管理委员会", "aliases": ["集聚区管委会", "集聚区"], "liaisons": []},
        ],
        "rooms": [
            {
                "id": COUNTY_ROOM,
                "topic": "政务督查联络群",
                "members": [OFFICE, CHENGGUAN, FAGAI, CAIZHENG, ZHUJIAN, OUTSIDER],
            },
            {"id": TOWN_ROOM, "topic": "乡镇督查工作群", "members": [OFFICE, DONGFENG, ZHUJIAN]},
            {"id": QUIET_ROOM, "topic": "督查室内部群", "members": [OFFICE]},
        ],
    }


def setup(
    *,
    start: str = "08:50",
    config: Mapping[str, Mapping[str, Any]] | None = None,
    roster_data: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "timezone": "Asia/Shanghai",
        "start": at(start),
        "bot": {"id": "bot", "name": "督办助手"},
        **copy.deepcopy(dict(roster_data or roster())),
    }
    if config:
        data["config"] = {section: dict(values) for section, values in config.items()}
    return data


_ids = itertools.count(1)


def say(
    when: str,
    sender: str,
    text: str,
    *,
    room: str | None = COUNTY_ROOM,
    id: str | None = None,
    quote: str | None = None,
    mentions: Sequence[str] | None = None,
    name: str | None = None,
) -> dict[str, Any]:
    """A message in a room (default: the county group); room=None is a private chat with the bot.
    `name` is the nickname the sender shows (default: the roster name)."""
    event: dict[str, Any] = {
        "at": at(when),
        "from": sender,
        "room": room,
        "text": text,
        "id": id or f"t{next(_ids)}",
    }
    if quote is not None:
        event["quote"] = quote
    if mentions is not None:
        event["mentions"] = list(mentions)
    if name is not None:
        event["name"] = name
    return event


def office(when: str, text: str, *, id: str | None = None, room: str | None = None) -> dict[str, Any]:
    """The office (李明) sending a command, by default in a private chat with the bot."""
    return say(when, OFFICE, text, room=room, id=id)


def tick(when: str) -> dict[str, Any]:
    """Advance the virtual clock."""
    return {"at": at(when)}


def publish(
    when: str,
    title: str,
    units: str,
    *,
    receipt: str | None = None,
    feedback: str | None = None,
    body: str = "",
    id: str | None = None,
) -> dict[str, Any]:
    lines = [f"/发布 {title}", f"单位：{units}"]
    if receipt is not None:
        lines.append(f"签收时限：{receipt}")
    if feedback is not None:
        lines.append(f"反馈时限：{feedback}")
    if body:
        lines.append(f"正文：{body}")
    return office(when, "\n".join(lines), id=id)


def is_scheduled(message: Mapping[str, Any]) -> bool:
    """Sent by the bot on its own (reminders, broadcasts, deadline notes, proposals …), by its outbox kind."""
    return str(message["kind"]) in AUTOMATIC_KINDS


@dataclass
class Result:
    """What a scenario produced: every message the bot sent, and the ledger at the end.

    `sent` is everything, in sending order; the other views leave out scheduled messages.
    """

    sent: list[dict[str, Any]]
    ledger: dict[str, Any]

    def answers(self) -> list[dict[str, Any]]:
        """Every message the bot sent in answer to a message (not on its own schedule)."""
        return [m for m in self.sent if not is_scheduled(m)]

    def scheduled(self) -> list[dict[str, Any]]:
        return [m for m in self.sent if is_scheduled(m)]

    def notices(self) -> list[dict[str, Any]]:
        return list(self.ledger["notices"])

    def notice(self, seq: int) -> dict[str, Any]:
        found: list[dict[str, Any]] = [n for n in self.ledger["notices"] if n["seq"] == seq]
        assert len(found) == 1, f"notice {seq} not in ledger: {[n['seq'] for n in self.ledger['notices']]}"
        return found[0]

    def unit(self, seq: int, unit: str) -> dict[str, Any]:
        name = UNIT_NAMES.get(unit, unit)
        found: list[dict[str, Any]] = [u for u in self.notice(seq)["units"] if u["unit"] == name]
        assert len(found) == 1, f"{name} not assigned to notice {seq}"
        return found[0]

    def to(self, person: str) -> list[dict[str, Any]]:
        """Private messages to one person."""
        return [m for m in self.answers() if m["to"] == person and m["room"] is None]

    def texts_to(self, person: str) -> list[str]:
        return [m["text"] for m in self.to(person)]

    def in_room(self, room: str) -> list[dict[str, Any]]:
        return [m for m in self.answers() if m["room"] == room]

    def room_messages(self) -> list[dict[str, Any]]:
        return [m for m in self.answers() if m["room"] is not None]


def lines_of(scenario_setup: Mapping[str, Any], events: Iterable[Mapping[str, Any]]) -> list[str]:
    return [json.dumps({"setup": scenario_setup}, ensure_ascii=False)] + [
        json.dumps(event, ensure_ascii=False) for event in events
    ]


async def run_lines(lines: Iterable[str], tmp_path: Path, *, db_url: str | None = None) -> Result:
    """Run JSON lines through the replay with the built-in default configuration."""
    ledger_path = tmp_path / f"ledger-{next(_ids)}.json"
    sent = await run_scenario(
        lines,
        config=load_config(None, env={}),
        out=io.StringIO(),
        ledger=ledger_path,
        db_url=db_url or f"sqlite+aiosqlite:///{tmp_path / f'duban-{next(_ids)}.db'}",
    )
    return Result(sent, _read_json(ledger_path))


def _read_json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


async def run(
    events: Iterable[Mapping[str, Any]],
    tmp_path: Path,
    *,
    scenario_setup: Mapping[str, Any] | None = None,
    db_url: str | None = None,
) -> Result:
    """Run a scenario (default set-up: `setup()`) on a database file in tmp_path, or on `db_url`."""
    return await run_lines(lines_of(scenario_setup or setup(), events), tmp_path, db_url=db_url)


def has(text: str, *phrases: str) -> bool:
    """True when every phrase occurs in the text."""
    return all(phrase in text for phrase in phrases)


async def audit_log(db_url: str, subject: str | None = None) -> list[AuditView]:
    """The audit log a scenario left in its database (run it with `db_url`)."""
    database = Database.from_url(db_url)
    try:
        async with database.reader() as session:
            return await audit.entries(session, subject=subject)
    finally:
        await database.dispose()
