"""Live: who-is-who changed by another process while `duban run` runs.

The running bot keeps people, units, aliases and rooms in memory and rereads them only when the counter
the database's triggers raise (migration 0008) has moved. Were that wrong, a liaison bound while the bot
runs would stay a stranger and their 收到 would silently not count. Here the roster changes while the
bot runs — by `duban roster import` and `duban roster remove` from other processes, and by the office's
/绑定 in chat — and each change must count from the very next reply; the ledger is read by `duban export`
from yet another process.
"""

from __future__ import annotations

import copy
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from live_bot import LiveBot
from sqlalchemy import select
from wechaty_gateway import (
    APP_WORLD,
    LIAISON_A,
    LIAISON_B,
    LIAISON_C,
    OFFICE,
    OUTSIDER,
    ROOM,
    ROSTER,
    Event,
    Gateway,
    eventually,
    running_gateway,
)

from storage.models import Assignment, InboxMessage, Unit

TITLE = "关于开展冬季森林防火隐患排查的通知"
CHENGGUAN, FINANCE, DEVELOPMENT = "城关镇", "县财政局", "县发展和改革委员会"


@pytest.fixture
async def live_gateway(node: str, tmp_path: Path) -> AsyncIterator[Gateway]:
    async with running_gateway(node, tmp_path, APP_WORLD) as gw:
        yield gw


def roster(*, chengguan: bool) -> dict[str, Any]:
    """The county's roster with 发改委's liaison not yet bound; 城关镇 without its liaison and its short
    name 城关 (the first import) or with both (the office's IT person fixed the file)."""
    table = copy.deepcopy(ROSTER)
    for unit in table["units"]:
        if unit["name"] == DEVELOPMENT:
            unit["liaisons"] = []
        if unit["name"] == CHENGGUAN and not chengguan:
            unit["liaisons"], unit["aliases"] = [], []
    return table


class Office:
    """What the test reads the way an office would: the bot's process writes, others read."""

    def __init__(self, bot: LiveBot, gateway: Gateway) -> None:
        self.bot, self.gateway = bot, gateway

    async def say(self, who: str, text: str, *, room: str | None = ROOM) -> Event:
        """Someone writes (into the group unless `room` is None); the gateway's reply, with the text."""
        return {**await self.gateway.command("say", **{"from": who}, room=room, text=text), "text": text}

    async def handled(self, said: Event) -> None:
        """Until the bot has handled the message (its inbox row settled)."""

        async def settled() -> bool:
            self.bot.check_alive()
            async with self.bot.db.reader() as session:
                status = await session.scalar(
                    select(InboxMessage.status).where(InboxMessage.message_id == said["id"])
                )
            return status in ("done", "skipped")

        await eventually(settled, f"the bot to handle {said['text']!r}", within=20)

    async def receipts(self) -> dict[str, tuple[str | None, str | None]]:
        """Unit → (who signed, the message that did) for the one notice."""
        async with self.bot.db.reader() as session:
            rows = await session.execute(
                select(Unit.name, Assignment.receipt_by, Assignment.receipt_message_id).join(
                    Unit, Assignment.unit_id == Unit.id
                )
            )
            return {name: (by, message) for name, by, message in rows}

    async def receipt_of(self, unit: str, said: Event) -> tuple[str | None, str | None]:
        async def recorded() -> tuple[str | None, str | None] | None:
            self.bot.check_alive()
            found = (await self.receipts())[unit]
            return found if found[1] is not None else None

        try:
            return await eventually(recorded, f"{unit}'s receipt ({said['text']!r})", within=20)
        except AssertionError:
            raise AssertionError(
                f"{said['text']!r} was not recorded for {unit}: {await self.receipts()}\n"
                f"{self.bot.log()[-2000:]}"
            ) from None

    async def import_file(self, table: dict[str, Any], name: str) -> None:
        path = self.bot.tmp / name
        path.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
        assert await self.bot.duban("roster", "import", str(path)) == 0, "duban roster import failed"

    async def export(self, title: str = TITLE) -> dict[str, dict[str, Any]]:
        """The ledger as `duban export --format json` writes it (another process): unit → its entry."""
        out = self.bot.tmp / "ledger.json"
        assert await self.bot.duban("export", "--format", "json", "--out", str(out)) == 0
        (notice,) = json.loads(out.read_text(encoding="utf-8"))["notices"]
        assert notice["title"] == title
        return {unit["unit"]: unit for unit in notice["units"]}


async def test_a_liaison_bound_while_the_bot_runs_counts_from_the_next_reply(
    live_gateway: Gateway, tmp_path: Path, database_url: str
) -> None:
    bot = LiveBot(tmp_path, live_gateway, {}, url=database_url)
    office = Office(bot, live_gateway)
    try:
        await bot.import_roster(roster(chengguan=False))
        await bot.start()
        await office.say(OFFICE, f"/发布 {TITLE}\n单位：全部\n签收时限：3天内", room=None)
        await bot.sent(ROOM, TITLE)  # to 县财政局's liaison; 城关镇 and 发改委 have none yet

        # Not yet bound: 张三's 收到 counts for nobody; the office hears who replied and how to bind.
        early = await office.say(LIAISON_A, "收到")
        hint = await bot.sent(OFFICE, LIAISON_A)
        await office.handled(early)
        assert "尚未绑定承办单位" in hint["text"] and "本次不计入签收" in hint["text"]
        assert f"/绑定 {CHENGGUAN} @城关镇-张三" in hint["text"]
        assert (await office.receipts())[CHENGGUAN] == (None, None)

        # Another process (the IT person's `duban roster import`) binds 张三 and gives 城关镇 its short name.
        await office.import_file(roster(chengguan=True), "roster-fixed.json")

        # The short name is known at once: 财政局's liaison saying 城关收到 speaks of 城关镇, not of 财政局.
        mark = len(live_gateway.events)
        other = await office.say(LIAISON_B, "城关收到")
        await office.handled(other)
        assert (await office.receipts())[FINANCE] == (None, None), "城关 was not known as 城关镇's short name"
        note = await bot.sent(ROOM, "没有记为本单位的签收", since=mark)
        assert f"提到了{CHENGGUAN}" in note["text"]
        # ...and 张三's own 城关收到 is 城关镇's receipt.
        late = await office.say(LIAISON_A, "城关收到")
        assert await office.receipt_of(CHENGGUAN, late) == (LIAISON_A, late["id"])

        # The office binds 发改委's liaison in chat (/绑定, the bot's own write): 王五 counts from then on.
        mark = len(live_gateway.events)
        unbound = await office.say(LIAISON_C, "收到")
        await bot.sent(OFFICE, LIAISON_C, since=mark)  # the office hears of 王五 as of 张三
        await office.handled(unbound)
        assert (await office.receipts())[DEVELOPMENT] == (None, None)
        await office.say(OFFICE, f"/绑定 发改委 {LIAISON_C}", room=None)
        bound = await bot.sent(OFFICE, "已将", since=mark)
        assert f"绑定为 {DEVELOPMENT} 的联络员" in bound["text"]
        signed = await office.say(LIAISON_C, "收到")
        assert await office.receipt_of(DEVELOPMENT, signed) == (LIAISON_C, signed["id"])

        # Another process unbinds 李四 (`duban roster remove person`): his 收到 no longer counts for 财政局.
        assert await bot.duban("roster", "remove", "person", LIAISON_B) == 0
        mark = len(live_gateway.events)
        removed = await office.say(LIAISON_B, "收到")
        gone = await bot.sent(OFFICE, LIAISON_B, since=mark)
        await office.handled(removed)
        assert "尚未绑定承办单位" in gone["text"]
        assert (await office.receipts())[FINANCE] == (None, None)

        # The ledger another process exports says the same.
        ledger = await office.export()
        assert (ledger[CHENGGUAN]["receipt_by"], ledger[CHENGGUAN]["receipt_by_name"]) == (LIAISON_A, "张三")
        assert ledger[DEVELOPMENT]["receipt_by"] == LIAISON_C
        assert ledger[CHENGGUAN]["receipt_status"] == ledger[DEVELOPMENT]["receipt_status"] == "on_time"
        assert ledger[FINANCE]["receipt_by"] is None and ledger[FINANCE]["received_at"] is None
        await bot.stop()
    finally:
        await bot.close()


async def test_a_unit_added_while_the_bot_runs_is_known_at_once(
    live_gateway: Gateway, tmp_path: Path, database_url: str
) -> None:
    bot = LiveBot(tmp_path, live_gateway, {}, url=database_url)
    office = Office(bot, live_gateway)
    title = "关于报送校园周边安全隐患排查情况的通知"
    try:
        await bot.import_roster()
        await bot.start()
        # 县教育局 is not in the roster yet: the office hears so and nothing is published.
        publish = f"/发布 {title}\n单位：教育局\n签收时限：3天内"
        await office.say(OFFICE, publish, room=None)
        refused = await bot.sent(OFFICE, "教育局")
        assert "找不到这些承办单位" in refused["text"]

        # The IT person adds it, with its liaison 赵六 (in no group of the bot's), from another process.
        table = copy.deepcopy(ROSTER)
        table["units"].append(
            {"name": "县教育局", "aliases": ["教育局"], "liaisons": [{"id": OUTSIDER, "name": "赵六"}]}
        )
        await office.import_file(table, "roster-more.json")
        mark = len(live_gateway.events)
        await office.say(OFFICE, publish, room=None)
        published = await bot.sent(OFFICE, "已发布", since=mark)
        assert "县教育局" in published["text"]

        # 赵六 signs in private: recorded for 县教育局, and he hears so.
        signed = await office.say(OUTSIDER, "收到", room=None)
        await office.handled(signed)
        assert (await office.receipts())["县教育局"] == (OUTSIDER, signed["id"]), "赵六 is still a stranger"
        heard = await bot.sent(OUTSIDER, "已记录", since=mark)
        assert heard["text"].startswith("已记录：县教育局 签收")
        ledger = await office.export(title)
        assert ledger["县教育局"]["receipt_by"] == OUTSIDER
        await bot.stop()
    finally:
        await bot.close()
