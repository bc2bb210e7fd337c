"""Every view of an assignment tells the same truth, over hundreds of random records (Hypothesis).

Random notices (open, closed before or after their deadlines, withdrawn) to four units, each assignment
with or without a receipt, feedback, an excuse, an extension, a post that reached the unit or not, are
written to a real SQLite database; then each view is produced the way the bot produces it — the ledger
JSON and its CSV, the /查询 answer, the daily broadcast, the weekly bulletin's counts, the deadline notes
to the office and what the penalty rules see — and each must say, for every assignment, what the rule
book says.
"""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from bot.app import make_policy
from bot.config import Config, config_from_mapping
from handlers.actions.context import Turn
from handlers.actions.duties import NOTE_WINDOW, Duties
from handlers.actions.office import query
from handlers.messages import IncomingMessage
from handlers.rules.assessment import year_period
from handlers.rules.report import report_of
from handlers.rules.settled import unit_outcomes
from storage import notices
from storage.db import Database
from storage.ledger import LEDGER_COLUMNS, build_ledger, write_ledger
from storage.models import (
    Assignment,
    AuditEntry,
    Base,
    Delivery,
    FeedbackEntry,
    Flag,
    Notice,
    OutboxMessage,
    Person,
    Room,
    RoomMember,
    Unit,
)
from storage.status import label

TZ = ZoneInfo("Asia/Shanghai")
BASE = datetime(2026, 11, 23, 9, 0, tzinfo=TZ)  # a Monday
UNITS = ("城关镇", "东风乡", "县财政局", "县教育局")
OFFICE = "liming"
ROOM = "room-county"
MINUTE = timedelta(minutes=1)


@dataclass(frozen=True)
class AssignmentPlan:
    received: int | None  # minutes after the notice was issued
    feedback: tuple[int, ...]
    excused: bool
    own_receipt_due: int | None  # an extension: minutes after issue
    reached: int | None  # when the post was sent, minutes after issue (None: not sent)
    post: str | None  # the post's outbox status when not sent: pending, failed, unknown (None: no post)


@dataclass(frozen=True)
class NoticePlan:
    receipt_due: int  # minutes after issue
    feedback_due: int | None
    status: str
    closed: int  # minutes after issue, for closed and withdrawn notices
    units: tuple[AssignmentPlan | None, ...]  # per unit of UNITS; None: not assigned


minutes = st.integers(min_value=1, max_value=3 * 24 * 60)
assignments = st.builds(
    AssignmentPlan,
    received=st.none() | minutes,
    feedback=st.lists(minutes, max_size=2).map(tuple),
    excused=st.booleans(),
    own_receipt_due=st.none() | minutes,
    reached=st.none() | st.integers(min_value=0, max_value=3 * 24 * 60),
    post=st.sampled_from([None, "pending", "failed", "unknown"]),
)
notice_plans = st.builds(
    NoticePlan,
    receipt_due=minutes,
    feedback_due=st.none() | minutes,
    status=st.sampled_from(["open", "open", "closed", "withdrawn"]),
    closed=minutes,
    units=st.tuples(*[st.none() | assignments for _ in UNITS]).filter(lambda u: any(u)),
)


def config() -> Config:
    return config_from_mapping({"calendar": {"extra_workdays": []}, "bulletin": {"room": ROOM}})


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    """One database for all the examples of a test; each example clears it first."""
    path = tmp_path / "views.db"
    database = Database.from_url(f"sqlite+aiosqlite:///{path}")
    async with database.engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    yield database
    await database.dispose()


async def write(db: Database, plans: list[NoticePlan]) -> None:
    async with db.transaction() as session:
        for table in (Delivery, FeedbackEntry, OutboxMessage, Assignment, Flag, Notice, AuditEntry):
            await session.execute(delete(table))
        for table in (RoomMember, Room, Person, Unit):
            await session.execute(delete(table))
        units = [Unit(name=name) for name in UNITS]
        session.add_all(units)
        await session.flush()
        room = Room(wechat_id=ROOM, topic="政务督查联络群")
        session.add(room)
        await session.flush()
        session.add(Person(wechat_id=OFFICE, name="李明", is_office=True))
        for index, unit in enumerate(units):
            session.add(Person(wechat_id=f"liaison-{index}", name=f"联络员{index}", unit_id=unit.id))
            session.add(RoomMember(room_id=room.id, wechat_id=f"liaison-{index}", alias=""))
        for seq, plan in enumerate(plans, 1):
            issued = BASE + (seq - 1) * timedelta(hours=5)

            def after(m: int | None, issued: datetime = issued) -> datetime | None:
                return None if m is None else issued + m * MINUTE

            notice = Notice(
                year=2026,
                seq=seq,
                number=f"督办〔2026〕{seq}号",
                title=f"第{seq}号事项",
                body="",
                issued_by=OFFICE,
                issued_at=issued,
                receipt_due=after(plan.receipt_due),
                feedback_due=after(plan.feedback_due),
                status=plan.status,
                closed_at=after(plan.closed) if plan.status != "open" else None,
            )
            session.add(notice)
            await session.flush()
            for unit, a in zip(units, plan.units, strict=True):
                if a is None:
                    continue
                row = Assignment(
                    notice_id=notice.id,
                    unit_id=unit.id,
                    receipt_due=after(a.own_receipt_due),
                    received_at=after(a.received),
                    receipt_by="liaison" if a.received is not None else None,
                    excused=a.excused,
                    excuse_reason="特殊情况" if a.excused else None,
                    reached_at=after(a.reached),
                )
                session.add(row)
                await session.flush()
                for n, m in enumerate(a.feedback):
                    session.add(
                        FeedbackEntry(
                            assignment_id=row.id,
                            kind="progress",
                            text=f"进展{n}",
                            at=after(m),
                            by="x",
                            message_id=f"f{row.id}-{n}",
                        )
                    )
                if a.post is not None or a.reached is not None:
                    post = OutboxMessage(
                        dedup_key=f"notice:{notice.id}:post:{row.id}",
                        kind="notice",
                        room_id=ROOM,
                        text="…",
                        mentions=[],
                        notice_id=notice.id,
                        status="sent" if a.reached is not None else a.post,
                        created_at=issued,
                        not_before=issued,
                        sent_at=after(a.reached),
                    )
                    session.add(post)
                    await session.flush()
                    session.add(Delivery(assignment_id=row.id, outbox_id=post.id))


async def replies(db: Database) -> list[OutboxMessage]:
    async with db.reader() as session:
        return list(
            (await session.scalars(select(OutboxMessage).where(OutboxMessage.kind != "notice"))).all()
        )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    plans=st.lists(notice_plans, min_size=1, max_size=3),
    now_minutes=st.integers(min_value=0, max_value=5 * 24 * 60),
)
async def test_every_view_says_what_the_rule_book_says(
    db: Database, plans: list[NoticePlan], now_minutes: int
) -> None:
    await write(db, plans)
    now = BASE + now_minutes * MINUTE
    policy = make_policy(config(), bot_id="bot")
    async with db.reader() as session:
        rows = await notices.assignments(session)
        all_notices = {n.id: n for n in await notices.notices(session, status=None)}
        ledger = await build_ledger(session, now=now, tz=TZ)
    truth = {(all_notices[a.notice_id].number, a.unit_name): a.standing(now) for a in rows}

    # 1. the ledger JSON and its CSV export
    for notice in ledger["notices"]:
        for unit in notice["units"]:
            judged = truth[notice["number"], unit["unit"]]
            assert (unit["receipt_status"], unit["feedback_status"]) == (
                judged.receipt.status,
                judged.feedback.status,
            )
    data = write_ledger(ledger, "csv", None)
    assert data is not None
    for row in csv.DictReader(io.StringIO(data.decode("utf-8-sig")), fieldnames=LEDGER_COLUMNS):
        if row["编号"] == "编号" or not row["承办单位"]:
            continue
        judged = truth[row["编号"], row["承办单位"]]
        assert row["签收情况"] == label("receipt", judged.receipt.status)
        assert row["反馈情况"] == label("feedback", judged.feedback.status)

    # 2. the /查询 answer, line by line
    for notice in all_notices.values():
        async with db.transaction() as session:
            message = IncomingMessage(id=f"q-{notice.id}-{now_minutes}", sender_id=OFFICE, text="", at=now)
            await query(Turn(session, message, policy, None), notice.number)
            answer = (
                await session.scalars(
                    select(OutboxMessage.text).where(OutboxMessage.dedup_key.like(f"reply:{message.id}:%"))
                )
            ).all()
            await session.rollback()
        text = "".join(answer)
        for (number, unit), judged in truth.items():
            if number != notice.number:
                continue
            line = next(line for line in text.split("\n") if line.startswith(f"· {unit}："))
            receipt_part, feedback_part = line.split("｜反馈：")
            assert feedback_part.startswith(label("feedback", judged.feedback.status))
            expected = {
                "late": "（逾期）",
                "missed": "逾期未签收",
                "pending": "待签收",
                "excused": "免责",
                "void": "无需签收",
            }.get(judged.receipt.status)
            if expected:
                assert expected in receipt_part, (judged.receipt, line)
            if judged.receipt.status == "unreached":
                assert "未送达" in receipt_part or "不计逾期" in receipt_part
            if judged.receipt.status == "on_time":
                assert "签收" in receipt_part and "逾期" not in receipt_part

    # 3. the daily broadcast names exactly the units that owe, per open notice
    duties = Duties(db, policy)
    await duties.daily(now)
    casts = [m.text for m in await replies(db) if m.kind == "broadcast"]
    owing = {(n, u): j for (n, u), j in truth.items() if _open(all_notices, n)}
    if not policy.calendar.is_working_day(policy.local(now).date()) or not any(
        j.receipt.owed or j.feedback.owed for j in owing.values()
    ):
        assert casts == []
    else:
        (cast,) = casts
        for (number, unit), judged in owing.items():
            block = _block(cast, number)
            assert (unit in _listed(block, "未签收")) == judged.receipt.owed, (number, unit, judged, cast)
            assert (unit in _listed(block, "未反馈")) == judged.feedback.owed, (number, unit, judged)

    # 4. the bulletin's counts (the year's assessment: obligations due this year)
    counted = [a for a in rows if all_notices[a.notice_id].status != "withdrawn"]
    year = policy.local(now).year
    items = [(all_notices[a.notice_id], a) for a in counted]
    for score in report_of(items, [], policy.assessment, year_period(year, policy.tz), now).scores:
        name = score.unit
        r_ok, r_all = score.receipt.on_time, score.receipt.decided
        f_ok, f_all = score.feedback.on_time, score.feedback.decided
        mine_r = [
            j.receipt
            for (n, u), j in truth.items()
            if u == name
            and all_notices_status(all_notices, n) != "withdrawn"
            and j.receipt.due is not None
            and policy.local(j.receipt.due).year == year
        ]
        mine_f = [
            j.feedback
            for (n, u), j in truth.items()
            if u == name
            and all_notices_status(all_notices, n) != "withdrawn"
            and j.feedback.due is not None
            and policy.local(j.feedback.due).year == year
        ]
        assert (r_ok, r_all) == (
            sum(o.status == "on_time" for o in mine_r),
            sum(o.status in ("on_time", "late", "missed") for o in mine_r),
        )
        assert (f_ok, f_all) == (
            sum(o.status == "on_time" for o in mine_f),
            sum(o.status in ("on_time", "late", "missed") for o in mine_f),
        )

    # 5. what the penalty rules see
    by_unit: dict[int, list[tuple[Any, Any]]] = {}
    for a in rows:
        by_unit.setdefault(a.unit_id, []).append((all_notices[a.notice_id], a))
    seen = {"on_time": "ok", "late": "lapse", "missed": "lapse", "pending": "undecided"}
    for items in by_unit.values():
        receipts, feedback = unit_outcomes(items, now)
        for field, outcomes in (("receipt", receipts), ("feedback", feedback)):
            got = {o.notice_id: o.state for o in outcomes}
            for notice, a in items:
                status = a.standing(now).of(field).status
                assert got.get(notice.id) == seen.get(status), (field, status)

    # 6. the deadline notes to the office: one per passed deadline with units that missed or were not reached
    await duties.deadlines(now)
    notes = [m.text for m in await replies(db) if m.kind == "deadline"]
    expected_notes = 0
    for notice, a in ((all_notices[a.notice_id], a) for a in rows):
        if notice.status != "open":
            continue
        for field in ("receipt", "feedback"):
            obligation = a.standing(now).of(field)
            due = obligation.due
            if due is None or not (now - NOTE_WINDOW <= due <= now - timedelta(seconds=1)):
                continue
            head = f"{notice.number}《{notice.title}》{'签收时限' if field == 'receipt' else '反馈时限'} {policy.show(due)}"
            note = next((n for n in notes if head in n.split("\n", 1)[0]), None)
            if obligation.status in ("missed", "unreached"):
                assert note is not None, (head, obligation)
            if note is None:
                continue
            lines = note.split("\n")
            missed = next((line for line in lines if line.startswith("逾期未")), "")
            unreached = next((line for line in lines if line.startswith("未送达")), "")
            assert (a.unit_name in missed) == (obligation.status == "missed"), (note, obligation)
            assert (a.unit_name in unreached) == (obligation.status == "unreached"), (note, obligation)
            expected_notes += 1
    assert len(notes) <= expected_notes or not notes


def _open(all_notices: dict[int, Any], number: str) -> bool:
    return any(n.number == number and n.status == "open" for n in all_notices.values())


def all_notices_status(all_notices: dict[int, Any], number: str) -> str:
    return next(n.status for n in all_notices.values() if n.number == number)


def _block(cast: str, number: str) -> str:
    """The lines of the broadcast about one notice ("" when it is not mentioned)."""
    lines = cast.split("\n")
    out: list[str] = []
    inside = False
    for line in lines:
        if line[:1].isdigit() and ". " in line[:4]:
            inside = number in line
            continue
        if inside:
            out.append(line)
    return "\n".join(out)


def _listed(block: str, head: str) -> list[str]:
    for line in block.split("\n"):
        if line.strip().startswith(f"{head}："):
            return line.strip()[len(head) + 1 :].split("（", 1)[0].split("、")
    return []
