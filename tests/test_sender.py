"""The outbox sender on a real database with a virtual clock and a recording transport: pace, retry, never twice."""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from bot.clock import VirtualClock
from bot.config import SendingConfig
from bot.sender import OutboxSender
from bot.transport import Inbound, Transport, TransportError
from handlers.messages import OutgoingMessage
from storage import outbox
from storage.db import Database
from storage.models import OutboxMessage, Person, Room, RoomMember

T0 = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai
ROOM_A, ROOM_B = "20001@chatroom", "20002@chatroom"


@dataclass(frozen=True)
class Sent:
    at: datetime
    message: OutgoingMessage
    names: dict[str, str]
    transport_id: str


class RecordingTransport:
    """The recording fake session: keeps what would have been sent; fails on demand."""

    def __init__(self, clock: VirtualClock, prefix: str = "t") -> None:
        self.clock, self.prefix = clock, prefix
        self.sent: list[Sent] = []
        self.attempts: list[tuple[datetime, OutgoingMessage]] = []
        self.failing: dict[str, int] = {}  # conversation (room or person id) → failures left (-1: always)
        self.ready = True

    async def start(self, inbound: Inbound) -> None:
        return None

    async def send(self, message: OutgoingMessage, display_names: dict[str, str]) -> str:
        self.attempts.append((self.clock.now(), message))
        target = message.room_id or message.to_id or ""
        left = self.failing.get(target, 0)
        if left:
            self.failing[target] = left - 1 if left > 0 else left
            raise TransportError("网络超时")
        transport_id = f"{self.prefix}-{len(self.sent) + 1}"
        self.sent.append(Sent(self.clock.now(), message, dict(display_names), transport_id))
        return transport_id

    async def stop(self) -> None:
        return None

    def texts(self, conversation: str | None = None) -> list[str]:
        return [
            s.message.text
            for s in self.sent
            if conversation is None or conversation in (s.message.room_id, s.message.to_id)
        ]

    def times(self, conversation: str | None = None) -> list[datetime]:
        return [
            s.at
            for s in self.sent
            if conversation is None or conversation in (s.message.room_id, s.message.to_id)
        ]


class FixedRandom(random.Random):
    """A random source whose `uniform` always gives the low or the high end."""

    def __init__(self, high: bool) -> None:
        super().__init__(0)
        self.high = high

    def uniform(self, a: float, b: float) -> float:
        return b if self.high else a


def pace(**changes: float) -> SendingConfig:
    base = SendingConfig(
        room_interval_seconds=3.0,
        jitter_seconds=0.0,
        per_minute=1000,
        max_attempts=5,
        retry_base_seconds=10.0,
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def make_sender(
    db: Database,
    clock: VirtualClock,
    transport: Transport | None = None,
    rng: random.Random | None = None,
    **changes: float,
) -> tuple[OutboxSender, RecordingTransport]:
    recording = transport if isinstance(transport, RecordingTransport) else RecordingTransport(clock)
    return OutboxSender(db, recording, clock, pace(**changes), rng or random.Random(0)), recording


async def queue(
    db: Database,
    key: str,
    *,
    room: str | None = None,
    to: str | None = None,
    text: str | None = None,
    mentions: tuple[str, ...] = (),
    now: datetime = T0,
    not_before: datetime | None = None,
) -> bool:
    async with db.transaction() as session:
        return await outbox.enqueue(
            session,
            room_id=room,
            to_id=to,
            text=text or f"消息 {key}",
            mentions=mentions,
            dedup_key=key,
            kind="test",
            now=now,
            not_before=not_before,
        )


async def rows(db: Database) -> dict[str, OutboxMessage]:
    async with db.reader() as session:
        return {row.dedup_key: row for row in (await session.scalars(select(OutboxMessage))).all()}


async def drain(sender: OutboxSender, clock: VirtualClock, until: datetime) -> None:
    """Send everything that falls due up to `until`, jumping the clock to each due time."""
    for _ in range(10_000):
        due = await sender.send_due()
        if due is None or due > until:
            return
        clock.advance_to(max(due, clock.now()))
    raise AssertionError("the sender never settled")


@pytest.fixture
async def roster(sqlite_database: Database) -> Database:
    await seed(sqlite_database)
    return sqlite_database


async def seed(db: Database) -> None:
    async with db.transaction() as session:
        room = Room(wechat_id=ROOM_A, topic="政务督查联络群")
        session.add_all([room, Room(wechat_id=ROOM_B, topic="乡镇督查工作群")])
        session.add_all(
            [
                Person(wechat_id="liming", name="李明", is_office=True),
                Person(wechat_id="zhangjing", name="张静", is_office=True),
                Person(wechat_id="wangwu", name="王五", is_office=False),
                Person(wechat_id="zhaoliu", name="赵六", is_office=False),
            ]
        )
        await session.flush()
        session.add(RoomMember(room_id=room.id, wechat_id="wangwu", alias="城关镇-王五"))


# --- sending in order -------------------------------------------------------------------------------------


async def test_pending_messages_are_sent_in_order_and_marked_sent(database: Database) -> None:
    await seed(database)
    clock = VirtualClock(T0)
    sender, transport = make_sender(database, clock)
    for key in ("a1", "a2", "a3"):
        await queue(database, key, room=ROOM_A, mentions=("wangwu",))
    await queue(database, "p1", to="liming")

    await drain(sender, clock, T0 + timedelta(hours=1))

    assert transport.texts(ROOM_A) == ["消息 a1", "消息 a2", "消息 a3"]
    assert transport.texts("liming") == ["消息 p1"]
    stored = await rows(database)
    assert {key: row.status for key, row in stored.items()} == dict.fromkeys(("a1", "a2", "a3", "p1"), "sent")
    by_text = {s.message.text: s for s in transport.sent}
    for key, row in stored.items():
        sent = by_text[f"消息 {key}"]
        assert row.transport_message_id == sent.transport_id
        assert row.sent_at == sent.at
        assert row.attempts == 1
    assert transport.sent[0].message.mentions == ("wangwu",)
    assert await sender.send_due() is None  # nothing left
    assert len(transport.sent) == 4


async def test_the_transport_gets_the_room_topic_and_display_names(roster: Database) -> None:
    clock = VirtualClock(T0)
    sender, transport = make_sender(roster, clock)
    await queue(roster, "a1", room=ROOM_A, mentions=("wangwu", "zhaoliu", "stranger"))
    await queue(roster, "p1", to="zhangjing")
    await drain(sender, clock, T0)
    room_names = transport.sent[0].names
    assert room_names[ROOM_A] == "政务督查联络群"
    assert room_names["wangwu"] == "城关镇-王五"  # the room alias wins over the roster name
    assert room_names["zhaoliu"] == "赵六"
    assert room_names.get("stranger", "stranger") == "stranger"
    assert transport.sent[1].names["zhangjing"] == "张静"


# --- pacing -----------------------------------------------------------------------------------------------


async def test_one_conversation_waits_the_room_interval(roster: Database) -> None:
    clock = VirtualClock(T0)
    sender, transport = make_sender(roster, clock, room_interval_seconds=3.0, jitter_seconds=0.0)
    await queue(roster, "a1", room=ROOM_A)
    await queue(roster, "a2", room=ROOM_A)

    due = await sender.send_due()
    assert transport.texts() == ["消息 a1"]
    assert due == T0 + timedelta(seconds=3)

    clock.advance_to(T0 + timedelta(seconds=2.999))
    assert await sender.send_due() == T0 + timedelta(seconds=3)
    assert transport.texts() == ["消息 a1"]

    clock.advance_to(T0 + timedelta(seconds=3))
    assert await sender.send_due() is None
    assert transport.texts() == ["消息 a1", "消息 a2"]
    assert (await rows(roster))["a2"].status == "sent"


@pytest.mark.parametrize(("high", "gap"), [(False, 3.0), (True, 4.5)])
async def test_jitter_is_added_within_its_bounds(roster: Database, high: bool, gap: float) -> None:
    clock = VirtualClock(T0)
    sender, _ = make_sender(
        roster, clock, rng=FixedRandom(high), room_interval_seconds=3.0, jitter_seconds=1.5
    )
    await queue(roster, "a1", room=ROOM_A)
    await queue(roster, "a2", room=ROOM_A)
    assert await sender.send_due() == T0 + timedelta(seconds=gap)


async def test_gaps_between_messages_in_one_room_stay_between_interval_and_interval_plus_jitter(
    roster: Database,
) -> None:
    clock = VirtualClock(T0)
    sender, transport = make_sender(
        roster, clock, rng=random.Random(7), room_interval_seconds=3.0, jitter_seconds=1.0
    )
    for n in range(30):
        await queue(roster, f"a{n:02d}", room=ROOM_A)
    await drain(sender, clock, T0 + timedelta(hours=1))
    times = transport.times(ROOM_A)
    assert len(times) == 30
    gaps = [(b - a).total_seconds() for a, b in itertools.pairwise(times)]
    assert all(3.0 <= gap <= 4.0 for gap in gaps), gaps
    assert len(set(gaps)) > 5  # the jitter really varies


async def test_two_rooms_do_not_block_each_other(roster: Database) -> None:
    clock = VirtualClock(T0)
    sender, transport = make_sender(roster, clock, room_interval_seconds=3.0)
    await queue(roster, "a1", room=ROOM_A)
    await queue(roster, "a2", room=ROOM_A)
    await queue(roster, "b1", room=ROOM_B)
    await queue(roster, "p1", to="liming")

    due = await sender.send_due()
    assert transport.texts() == ["消息 a1", "消息 b1", "消息 p1"]
    assert all(at == T0 for at in transport.times())
    assert due == T0 + timedelta(seconds=3)


async def test_without_a_room_interval_one_pass_sends_a_conversation_to_its_end_in_order(
    roster: Database,
) -> None:
    """A pass reads each conversation's first two messages and reads on as they go out."""
    clock = VirtualClock(T0)
    sender, transport = make_sender(roster, clock, room_interval_seconds=0.0, jitter_seconds=0.0)
    for n in range(5):
        await queue(roster, f"a{n}", room=ROOM_A)
    await queue(roster, "p0", to="liming")
    await queue(roster, "b0", room=ROOM_B)
    assert await sender.send_due() is None
    assert transport.texts(ROOM_A) == [f"消息 a{n}" for n in range(5)]
    assert transport.texts() == ["消息 a0", "消息 a1", "消息 a2", "消息 a3", "消息 a4", "消息 p0", "消息 b0"]


async def test_a_long_queue_goes_out_in_the_same_order_as_it_was_queued(roster: Database) -> None:
    clock = VirtualClock(T0)
    sender, transport = make_sender(roster, clock, room_interval_seconds=3.0, jitter_seconds=0.0)
    order = [(f"k{n}", ROOM_A if n % 3 else ROOM_B) for n in range(12)]
    for key, room in order:
        await queue(roster, key, room=room)
    await drain(sender, clock, T0 + timedelta(hours=1))
    for room in (ROOM_A, ROOM_B):
        assert transport.texts(room) == [f"消息 {key}" for key, r in order if r == room]
    assert len(transport.sent) == 12


async def test_the_per_minute_cap_holds_across_conversations(roster: Database) -> None:
    clock = VirtualClock(T0)
    sender, transport = make_sender(roster, clock, room_interval_seconds=0.0, per_minute=3)
    for n in range(5):
        await queue(roster, f"p{n}", to=f"person-{n}")

    due = await sender.send_due()
    assert len(transport.sent) == 3
    assert due == T0 + timedelta(minutes=1)

    clock.advance_to(T0 + timedelta(seconds=59))
    assert await sender.send_due() == T0 + timedelta(minutes=1)
    assert len(transport.sent) == 3

    clock.advance_to(T0 + timedelta(minutes=1))
    await sender.send_due()
    assert transport.texts() == [f"消息 p{n}" for n in range(5)]


async def test_no_sixty_second_window_exceeds_the_cap(roster: Database) -> None:
    clock = VirtualClock(T0)
    sender, transport = make_sender(
        roster, clock, room_interval_seconds=2.0, jitter_seconds=1.0, per_minute=4
    )
    for n in range(14):
        await queue(
            roster,
            f"m{n:02d}",
            room=(ROOM_A, ROOM_B)[n % 2] if n % 3 else None,
            to=None if n % 3 else f"p{n}",
        )
    await drain(sender, clock, T0 + timedelta(hours=1))
    times = transport.times()
    assert len(times) == 14
    for index, start in enumerate(times):
        assert sum(start <= t < start + timedelta(minutes=1) for t in times[index:]) <= 4


async def test_a_message_is_not_sent_before_its_not_before(roster: Database) -> None:
    clock = VirtualClock(T0)
    sender, transport = make_sender(roster, clock)
    later = T0 + timedelta(hours=1)
    await queue(roster, "a1", room=ROOM_A, not_before=later)
    assert await sender.send_due() == later
    assert transport.sent == []
    clock.advance_to(later)
    assert await sender.send_due() is None
    assert transport.times() == [later]


async def test_a_message_kept_for_later_does_not_hold_back_what_follows_it(roster: Database) -> None:
    """The review digest queued at night for the morning: the office's command answered after it goes now."""
    clock = VirtualClock(T0)
    sender, transport = make_sender(roster, clock, room_interval_seconds=0.0)
    morning = T0 + timedelta(hours=6)
    await queue(roster, "digest", to="liming", not_before=morning)
    await queue(roster, "reply", to="liming")
    await queue(roster, "reply2", to="liming")
    assert await sender.send_due() == morning
    assert transport.texts("liming") == ["消息 reply", "消息 reply2"]
    await drain(sender, clock, morning + timedelta(hours=1))
    assert transport.texts("liming") == ["消息 reply", "消息 reply2", "消息 digest"]
    assert transport.times()[-1] == morning


async def test_nothing_is_sent_while_the_transport_is_not_ready(roster: Database) -> None:
    clock = VirtualClock(T0)
    sender, transport = make_sender(roster, clock)
    await queue(roster, "a1", room=ROOM_A)
    transport.ready = False
    due = await sender.send_due()
    assert due is not None and due > T0
    assert transport.attempts == []
    assert (await rows(roster))["a1"].status == "pending"
    transport.ready = True
    clock.advance_to(due)
    await sender.send_due()
    assert transport.texts() == ["消息 a1"]
    assert (await rows(roster))["a1"].status == "sent"


# --- failures ---------------------------------------------------------------------------------------------

STUCK = (
    "BUG: after a TransportError the row stays in status 'sending' (outbox.mark_failed_attempt never puts it "
    "back to 'pending'), so it is never retried, never given up or reported, later messages overtake it, "
    "and a restart marks it 'unknown'"
)


async def test_a_failed_send_is_retried_with_backoff_then_given_up_and_reported(roster: Database) -> None:
    clock = VirtualClock(T0)
    sender, transport = make_sender(roster, clock, max_attempts=3, retry_base_seconds=10.0)
    transport.failing[ROOM_A] = -1
    await queue(roster, "a1", room=ROOM_A, text="【督办通知单】督办〔2026〕1号")

    due = await sender.send_due()
    row = (await rows(roster))["a1"]
    assert (row.status, row.attempts, row.not_before) == ("pending", 1, T0 + timedelta(seconds=10))
    assert "网络超时" in (row.last_error or "")
    assert due == T0 + timedelta(seconds=10)

    clock.advance_to(T0 + timedelta(seconds=9))
    await sender.send_due()
    assert len(transport.attempts) == 1  # not before its retry time

    clock.advance_to(T0 + timedelta(seconds=10))
    due = await sender.send_due()
    row = (await rows(roster))["a1"]
    assert (row.status, row.attempts, row.not_before) == ("pending", 2, T0 + timedelta(seconds=30))
    assert due == T0 + timedelta(seconds=30)

    clock.advance_to(T0 + timedelta(seconds=30))
    await sender.send_due()
    stored = await rows(roster)
    assert (stored["a1"].status, stored["a1"].attempts) == ("failed", 3)
    reports = [row for row in stored.values() if row.dedup_key != "a1"]
    assert sorted(row.to_id for row in reports if row.to_id) == ["liming", "zhangjing"]  # every office person
    assert all(row.room_id is None and row.status == "pending" for row in reports)
    assert all("督办〔2026〕1号" in row.text for row in reports)

    await drain(sender, clock, T0 + timedelta(days=1))
    assert sorted(s.message.to_id or "" for s in transport.sent) == ["liming", "zhangjing"]
    assert all(s.message.room_id is None for s in transport.sent)
    assert len(transport.attempts) == 5  # 3 tries of the room message, never again, plus 2 reports


async def test_send_due_reports_the_failure_reports_as_due(roster: Database) -> None:
    clock = VirtualClock(T0)
    sender, transport = make_sender(roster, clock, max_attempts=1)
    transport.failing[ROOM_A] = -1
    await queue(roster, "a1", room=ROOM_A)
    due = await sender.send_due()
    assert (await rows(roster))["a1"].status == "failed"
    assert due is not None
    assert due <= clock.now()


async def test_a_transient_failure_is_retried_and_then_sent(roster: Database) -> None:
    clock = VirtualClock(T0)
    sender, transport = make_sender(roster, clock, retry_base_seconds=10.0)
    transport.failing[ROOM_A] = 1
    await queue(roster, "a1", room=ROOM_A)
    await drain(sender, clock, T0 + timedelta(hours=1))
    row = (await rows(roster))["a1"]
    assert (row.status, row.attempts, row.transport_message_id) == ("sent", 2, "t-1")
    assert transport.times() == [T0 + timedelta(seconds=10)]
    assert [row.dedup_key for row in (await rows(roster)).values()] == ["a1"]  # nothing reported


async def test_a_failing_message_holds_back_its_own_conversation_only(roster: Database) -> None:
    clock = VirtualClock(T0)
    sender, transport = make_sender(roster, clock, retry_base_seconds=10.0, room_interval_seconds=0.0)
    transport.failing[ROOM_A] = 1
    await queue(roster, "a1", room=ROOM_A)
    await queue(roster, "a2", room=ROOM_A)
    await queue(roster, "b1", room=ROOM_B)
    await sender.send_due()
    assert transport.texts() == ["消息 b1"]  # a2 waits behind a1, b1 is not held up
    await drain(sender, clock, T0 + timedelta(hours=1))
    assert transport.texts(ROOM_A) == ["消息 a1", "消息 a2"]


async def test_giving_up_queues_a_private_report_to_every_office_person(roster: Database) -> None:
    clock = VirtualClock(T0)
    sender, transport = make_sender(roster, clock, max_attempts=1)
    transport.failing[ROOM_A] = -1
    await queue(roster, "a1", room=ROOM_A, text="【督办通知单】督办〔2026〕1号")
    await sender.send_due()
    stored = await rows(roster)
    assert (stored["a1"].status, stored["a1"].attempts) == ("failed", 1)
    assert "网络超时" in (stored["a1"].last_error or "")
    reports = [row for row in stored.values() if row.dedup_key != "a1"]
    assert sorted(row.to_id or "" for row in reports) == ["liming", "zhangjing"]  # office only, not liaisons
    assert all(row.room_id is None and "督办〔2026〕1号" in row.text for row in reports)

    await sender.send_due()  # the reports go out; the given-up message is not tried again
    clock.advance_to(T0 + timedelta(days=1))
    await drain(sender, clock, T0 + timedelta(days=2))
    assert sorted(s.message.to_id or "" for s in transport.sent) == ["liming", "zhangjing"]
    assert len(transport.attempts) == 3
    assert (await rows(roster))["a1"].status == "failed"


async def test_a_given_up_private_message_is_reported_to_the_other_office_people(roster: Database) -> None:
    clock = VirtualClock(T0)
    sender, transport = make_sender(roster, clock, max_attempts=1)
    transport.failing["liming"] = -1
    await queue(roster, "p1", to="liming")
    await sender.send_due()
    await sender.send_due()
    stored = await rows(roster)
    assert stored["p1"].status == "failed"
    assert [s.message.to_id for s in transport.sent] == ["zhangjing"]


# --- never twice ------------------------------------------------------------------------------------------


async def test_enqueue_with_an_existing_dedup_key_queues_nothing(roster: Database) -> None:
    clock = VirtualClock(T0)
    sender, transport = make_sender(roster, clock)
    assert await queue(roster, "notice:1:room", room=ROOM_A, text="第一次")
    assert not await queue(roster, "notice:1:room", room=ROOM_B, text="第二次")
    await drain(sender, clock, T0 + timedelta(hours=1))
    assert not await queue(roster, "notice:1:room", room=ROOM_A, text="发送之后再来一次")
    await drain(sender, clock, T0 + timedelta(hours=2))
    assert transport.texts() == ["第一次"]
    assert len(await rows(roster)) == 1


async def test_recover_marks_messages_caught_mid_send_unknown_and_never_sends_them(roster: Database) -> None:
    clock = VirtualClock(T0)
    await queue(roster, "a1", room=ROOM_A)
    await queue(roster, "a2", room=ROOM_A)
    await queue(roster, "b1", room=ROOM_B)
    async with roster.transaction() as session:
        await session.execute(
            update(OutboxMessage).where(OutboxMessage.dedup_key.in_(["a1", "b1"])).values(status="sending")
        )
    sender, transport = make_sender(roster, clock)
    assert await sender.recover() == 2
    await drain(sender, clock, T0 + timedelta(days=1))
    stored = await rows(roster)
    assert (stored["a1"].status, stored["b1"].status, stored["a2"].status) == ("unknown", "unknown", "sent")
    assert stored["a1"].last_error
    reports = [t for t in transport.texts() if t.startswith("有一条")]
    assert [t for t in transport.texts() if t not in reports] == ["消息 a2"]
    assert reports and all("无法确认是否送达" in t for t in reports)  # the office is told, nothing resent
    assert await sender.recover() == 0


async def test_a_restarted_sender_never_sends_a_sent_message_again(roster: Database) -> None:
    clock = VirtualClock(T0)
    first, first_transport = make_sender(roster, clock)
    await queue(roster, "a1", room=ROOM_A)
    await queue(roster, "p1", to="liming")
    await drain(first, clock, T0 + timedelta(hours=1))
    assert len(first_transport.sent) == 2

    clock.advance_to(T0 + timedelta(hours=2))
    second, second_transport = make_sender(roster, clock)
    assert await second.recover() == 0
    assert await second.send_due() is None
    await drain(second, clock, T0 + timedelta(days=1))
    assert second_transport.sent == []
    assert {row.status for row in (await rows(roster)).values()} == {"sent"}


async def test_pacing_survives_a_restart(roster: Database) -> None:
    clock = VirtualClock(T0)
    first, _ = make_sender(roster, clock, room_interval_seconds=3.0)
    await queue(roster, "a1", room=ROOM_A)
    await first.send_due()

    clock.advance_to(T0 + timedelta(seconds=1))
    second, transport = make_sender(roster, clock, room_interval_seconds=3.0)
    await second.recover()
    await queue(roster, "a2", room=ROOM_A, now=clock.now())
    assert await second.send_due() == T0 + timedelta(seconds=3)
    assert transport.sent == []


async def test_the_per_minute_cap_survives_a_restart(roster: Database) -> None:
    clock = VirtualClock(T0)
    first, _ = make_sender(roster, clock, room_interval_seconds=0.0, per_minute=2)
    await queue(roster, "p1", to="person-1")
    await queue(roster, "p2", to="person-2")
    await first.send_due()

    clock.advance_to(T0 + timedelta(seconds=10))
    second, transport = make_sender(roster, clock, room_interval_seconds=0.0, per_minute=2)
    await second.recover()
    await queue(roster, "p3", to="person-3", now=clock.now())
    assert await second.send_due() == T0 + timedelta(minutes=1)
    assert transport.sent == []


async def test_two_senders_on_one_database_send_each_message_once(roster: Database) -> None:
    clock = VirtualClock(T0)
    one, one_transport = make_sender(roster, clock, room_interval_seconds=0.0)
    two, two_transport = make_sender(roster, clock, room_interval_seconds=0.0)
    for n in range(6):
        await queue(roster, f"m{n}", to=f"person-{n}")
    await asyncio.gather(one.send_due(), two.send_due())
    texts = one_transport.texts() + two_transport.texts()
    assert sorted(texts) == [f"消息 m{n}" for n in range(6)]
